// Sentence splitting: ICU's sentence BreakIterator (locale "en", without ICU's suppression list,
// which also holds "Act." and "No."), run paragraph by paragraph (a line break always ends a
// sentence in scraped text); breaks after titles ("Mr."), initials ("M. Night") and news
// abbreviations ("Ore.", "Inc.", "U.S." before a name) are merged back.
// Pure: text in, records out. Thread safety: safe to call concurrently (per-thread iterators).
#pragma once

#include <string_view>
#include <vector>

#include "tkg/schema/types.h"

namespace tkg::extract {

struct Sentence {
  Span span;               // without leading and trailing white space
  uint32_t paragraph = 0;  // index of the paragraph (line) that holds it
};

// The sentences of text[body.begin, body.end), in order, as UTF-8 byte spans into `text`.
std::vector<Sentence> SplitSentences(std::string_view text, Span body);

}  // namespace tkg::extract
