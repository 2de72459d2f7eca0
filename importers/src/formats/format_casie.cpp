// CASIE tagged text: "<title>...</title>", "<source> URL </source>", "<date> 2018_11_09 </date>",
// "<text> ... </text>", one article per file. Closing tags are sometimes missing at the end of a
// line or of the file; the reader tolerates that. Character references are decoded.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "format_parsers.h"

namespace tkg::formats {

namespace {

// The content of <tag>...</tag>; when the closing tag is missing, up to the end of the line
// (single-line fields) or of the input (<text>). Returns false when the tag is absent.
bool Field(std::string_view bytes, std::string_view tag, bool multiline, std::string_view* out) {
  std::string open = "<" + std::string(tag) + ">";
  std::string close = "</" + std::string(tag) + ">";
  size_t b = bytes.find(open);
  if (b == std::string_view::npos) return false;
  b += open.size();
  size_t e = bytes.find(close, b);
  if (!multiline) {
    size_t nl = bytes.find('\n', b);
    if (e == std::string_view::npos || (nl != std::string_view::npos && nl < e)) e = nl;
  }
  if (e == std::string_view::npos) e = bytes.size();
  *out = bytes.substr(b, e - b);
  return true;
}

}  // namespace

Status ParseCasie(std::string_view bytes, std::string_view path, ParsedInput* out) {
  std::string_view title, source, date, text;
  Field(bytes, "title", false, &title);
  Field(bytes, "source", false, &source);
  Field(bytes, "date", false, &date);
  if (!Field(bytes, "text", true, &text)) {
    return Status::InvalidArgument(std::string(path) + ": CASIE input without a <text> element");
  }
  std::vector<std::string> paragraphs;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string p = CollapseSpace(DecodeEntities(text.substr(start, nl - start)));
    if (!p.empty()) paragraphs.push_back(std::move(p));
    start = nl + 1;
  }
  if (paragraphs.empty()) {
    return Status::InvalidArgument(std::string(path) + ": CASIE input with an empty <text>");
  }
  Article a;
  ComposeArticle(CollapseSpace(DecodeEntities(title)), paragraphs, &a);
  a.url = std::string(Trim(source));
  a.outlet = HostOfUrl(a.url);
  // "2018_11_09" (sometimes "2018_11_9").
  std::string d(Trim(date));
  int y = 0, m = 0, day = 0;
  if (std::sscanf(d.c_str(), "%d_%d_%d", &y, &m, &day) == 3 && y > 1900 && m >= 1 && m <= 12 &&
      day >= 1 && day <= 31) {
    char iso[48];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, day);
    SetPublishedLenient(iso, &a);
  }
  out->articles.push_back(std::move(a));
  out->where.push_back("");
  return Status::OK();
}

}  // namespace tkg::formats
