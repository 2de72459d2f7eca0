// Internal to importers/src/feeds/: extracts articles a batch at a time on a few threads and
// writes them in the order added, one WriteBatch each (Store::PutArticle), counting outcomes
// and failures into an ImportSummary. The same accounting as ImportPaths (import.cpp), for
// sources that are not files: feeds, fetched pages, WARC records.
// Thread safety: one thread uses a sink.
#pragma once

#include <string>
#include <vector>

#include "tkg/engine/store.h"
#include "tkg/importers/extractor.h"
#include "tkg/importers/formats.h"
#include "../failure_reason.h"
#include "tkg/importers/import.h"
#include "tkg/schema/types.h"

namespace tkg::feeds {

class ArticleSink {
 public:
  ArticleSink(Store& store, const Extractor& extractor, const ImportOptions& options,
              ImportSummary* summary);

  // `input` names the article in failure records ("https://x/a.html", "f.warc.gz:record 7").
  void Add(Article article, std::string input);
  size_t pending() const { return items_.size(); }
  // Extracts and writes what is pending. Non-OK only when the store fails.
  Status Flush();

 private:
  struct Item {
    ArticleGraph graph;
    std::string input;
    Status status;
  };
  Store& store_;
  const Extractor& extractor_;
  ImportSummary* summary_;
  unsigned threads_ = 1;
  std::vector<Item> items_;
};

// Fills a missing publication date: the user's --published (basis "given") or the article's own
// (basis "article") stand; else `item_date` (a feed item's date, basis "feed"); else
// `fetched_iso` (the fetch time or WARC-Date, basis "fetched"). Sets Article::published_basis.
void ApplyDateFallback(Article* a, const std::string& item_date, const std::string& fetched_iso,
                       const ArticleHints& hints);

}  // namespace tkg::feeds
