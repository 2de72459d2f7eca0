// Article formats: each turns the bytes of one input into the common Article record. A format
// knows nothing of extraction or storage.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "tkg/schema/status.h"
#include "tkg/schema/types.h"

namespace tkg {

// What the user supplies on the command line, overriding or completing a file's own header.
struct ArticleHints {
  std::string published;  // "2016-04-21" or ISO 8601 with time and offset; "" = from the file
  std::string outlet;     // "" = from the file
  std::string source;     // the path or URL, for error messages and Article::source
};

// The plain-text shape of a scraped article: outlet line, headline, a date line such as
// "| Apr 21, 2016 10:02 PM EDT", body paragraphs, then page furniture ("Related News", ...)
// which is left out of body_span. Text with no header at all (first line the headline) is
// accepted too. Article::text is `bytes` unchanged, so spans are offsets into the file.
Status ParsePlainTextArticle(std::string_view bytes, const ArticleHints& hints, Article* out);

// Parses a publication date as users and headers write it: "2016-04-21",
// "2016-04-21T22:02:00-04:00", "Apr 21, 2016 10:02 PM EDT", "April 21, 2016". Fills
// Article::published (ISO 8601) and Article::published_date (local calendar day).
Status ParsePublished(std::string_view text, Article* out);

}  // namespace tkg
