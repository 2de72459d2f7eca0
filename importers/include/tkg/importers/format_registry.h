// The formats news arrives in, behind one entry point: plain text ("text", the scraped shape of
// formats.h), news-please JSON Lines ("jsonl"; also one news-please object per .json file, or a
// JSON array of records), CASIE tagged text ("casie"), Reuters-21578 SGML ("sgml") and HTML
// article pages ("html"). One input may hold many articles (JSON Lines, SGML).
//
// For "text" Article::text is the file itself. For every other format Article::text is derived:
// the headline, a blank line, then the body paragraphs separated by blank lines, with markup,
// entities and page furniture removed. Spans then point into that derived text, not into the
// original bytes; Article::source names the file the text came from.
//
// A format knows nothing of extraction or storage. Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tkg/importers/formats.h"
#include "tkg/schema/status.h"
#include "tkg/schema/types.h"

namespace tkg {

// A record of a multi-article input that could not be read; the other records are kept.
struct RecordError {
  std::string where;   // "line 17", "NEWID=42"
  std::string reason;  // "invalid JSON: ...", "no text"
};

struct ParsedInput {
  std::string format;               // the format actually used: "text", "jsonl", ...
  std::vector<Article> articles;    // in input order; source, format and hints applied
  std::vector<std::string> where;   // per article: its place in the input ("line 3"), or ""
  std::vector<RecordError> errors;  // records that were skipped as unreadable
  size_t skipped = 0;               // records that hold no article text by design (e.g.
                                    // Reuters title-only briefs); not errors
};

// "text", "jsonl", "casie", "sgml", "html".
const std::vector<std::string>& FormatNames();
bool IsFormatName(std::string_view name);

// Whether a file met while walking a folder is an article input, by its extension: .txt,
// .jsonl, .ndjson, .sgm, .sgml, .html, .htm, .xhtml (case-insensitive). README.md, notes,
// images and the like are not.
bool IsArticleFileName(std::string_view path);

// The format of an input, from its content first (a CASIE "<title>" header, "<REUTERS",
// "<!DOCTYPE html", a JSON object or array) and its extension second; "text" when nothing else
// fits.
std::string DetectFormat(std::string_view path, std::string_view bytes);

// Byte offset of the first invalid UTF-8 sequence, or npos when `bytes` is valid UTF-8.
size_t FindInvalidUtf8(std::string_view bytes);
// Latin-1 (ISO 8859-1) to UTF-8.
std::string Latin1ToUtf8(std::string_view bytes);

// Reads one input of `format` ("auto" detects it). `path` names the input in messages and in
// Article::source; `hints` (published, outlet) override what the input says about every article.
// Returns non-OK (InvalidArgument, naming the input and the problem) when the whole input is
// unusable: empty, binary (NUL bytes), invalid UTF-8 where the format requires UTF-8, or no
// article in it. Unreadable records of a multi-article input land in out->errors instead.
Status ParseInput(std::string_view bytes, std::string_view path, const ArticleHints& hints,
                  std::string_view format, ParsedInput* out);

}  // namespace tkg
