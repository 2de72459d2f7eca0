// Internal to importers/src/formats/: the per-format readers behind ParseInput
// (format_registry.h) and the small text helpers they share.
// Each reader appends to out->articles / out->where / out->errors / out->skipped, sets headline,
// text, spans, url, outlet and published as the input gives them; ParseInput then applies
// source, format and the user's hints. A reader returns non-OK only when the whole input is
// unusable. Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tkg/importers/format_registry.h"

namespace tkg::formats {

Status ParseJsonLines(std::string_view bytes, std::string_view path, ParsedInput* out);
Status ParseCasie(std::string_view bytes, std::string_view path, ParsedInput* out);
// `bytes` may be Latin-1: records are converted to UTF-8 unless the input is valid UTF-8.
Status ParseReutersSgml(std::string_view bytes, std::string_view path, ParsedInput* out);
// `bytes` may be Windows-1252 when the page says so or is not valid UTF-8.
Status ParseHtml(std::string_view bytes, std::string_view path, ParsedInput* out);

// --- shared helpers (format_common.cpp) ---

void AppendUtf8(uint32_t codepoint, std::string* out);
// Decodes HTML/SGML character references (&amp; &#8217; &#x2019; and the common named ones).
// Control characters other than tab and newline are dropped; unknown names are kept as written.
std::string DecodeEntities(std::string_view s);
// Collapses runs of white space (including no-break space) to one space and trims both ends.
std::string CollapseSpace(std::string_view s);
// ASCII lower-case copy.
std::string Lower(std::string_view s);
std::string_view Trim(std::string_view s);
// "https://www.example.com/a/b" -> "example.com"; "" when no host.
std::string HostOfUrl(std::string_view url);
// Sets text = headline + "\n\n" + paragraphs joined by "\n\n" (empty parts left out), with
// headline_span and body_span pointing into it.
void ComposeArticle(const std::string& headline, const std::vector<std::string>& paragraphs,
                    Article* a);
// Tries ParsePublished on `text`, then on its leading YYYY-MM-DD; leaves the article undated
// when neither reads (a missing date never loses the article).
void SetPublishedLenient(std::string_view text, Article* a);

// --- source maps (Article::source_map), format_common.cpp ---

// Where a byte of derived text came from: bytes [begin, end) of the input; kNone when inserted.
struct Origin {
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t begin = kNone, end = kNone;
};
// DecodeEntities of raw (which starts at input byte `base`), appending to *out and giving each
// output byte its origin in *origins: copied bytes come from their own byte, every byte of a
// decoded entity from the whole entity.
void DecodeTracked(std::string_view raw, uint32_t base, std::string* out,
                   std::vector<Origin>* origins);
// CollapseSpace of s, whose bytes come from `in`; a collapsed run of white space keeps the origin
// of its first character.
std::string CollapseTracked(std::string_view s, const std::vector<Origin>& in,
                            std::vector<Origin>* origins);
// Appends the runs of derived bytes with `origins`, placed at text_begin of the article text,
// merging neighbours (verbatim bytes continuing a verbatim run; bytes of one entity). raw_of,
// when not empty, maps converted input bytes (and one past the end) to the file's bytes.
void AppendRuns(const std::vector<Origin>& origins, uint32_t text_begin,
                const std::vector<uint32_t>& raw_of, std::vector<SourceRun>* runs);
// Sets a->source_map for a text laid out by ComposeArticle(a->headline, paragraphs): headline
// and paragraph origins (nullptr or a size mismatch: that part gets no run). Leaves the map empty
// when the text is not laid out as expected.
void ComposeSourceMap(const std::vector<Origin>& headline_origins,
                      const std::vector<std::string>& paragraphs,
                      const std::vector<const std::vector<Origin>*>& paragraph_origins,
                      const std::vector<uint32_t>& raw_of, Article* a);

}  // namespace tkg::formats
