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

}  // namespace tkg::formats
