// Internal to importers/src/feeds/: what feeds, fetched pages and WARC records share on their
// way to the ArticleRunner (../article_runner.h), which extracts and writes them.
#pragma once

#include <string>

#include "../article_runner.h"
#include "../failure_reason.h"
#include "tkg/importers/formats.h"
#include "tkg/schema/types.h"

namespace tkg::feeds {

// Fills a missing publication date: the user's --published (basis "given") or the article's own
// (basis "article") stand; else `item_date` (a feed item's date, basis "feed"); else
// `fetched_iso` (the fetch time or WARC-Date, basis "fetched"). Sets Article::published_basis.
void ApplyDateFallback(Article* a, const std::string& item_date, const std::string& fetched_iso,
                       const ArticleHints& hints);

}  // namespace tkg::feeds
