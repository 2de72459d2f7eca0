// The format registry: detection by content and extension, input checks shared by all formats
// (empty, binary, UTF-8), dispatch to the readers, and the user's hints applied last.
#include "tkg/importers/format_registry.h"

#include <string>
#include <string_view>
#include <vector>

#include "format_parsers.h"

namespace tkg {

using formats::Lower;

const std::vector<std::string>& FormatNames() {
  static const std::vector<std::string> names = {"text", "jsonl", "casie", "sgml", "html"};
  return names;
}

bool IsFormatName(std::string_view name) {
  for (const auto& n : FormatNames())
    if (n == name) return true;
  return false;
}

namespace {

std::string Extension(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  return Lower(base.substr(dot + 1));
}

bool StartsWithCaseless(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && Lower(s.substr(0, prefix.size())) == prefix;
}

}  // namespace

bool IsArticleFileName(std::string_view path) {
  std::string ext = Extension(path);
  for (const char* e : {"txt", "jsonl", "ndjson", "sgm", "sgml", "html", "htm", "xhtml"})
    if (ext == e) return true;
  return false;
}

std::string DetectFormat(std::string_view path, std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  while (!head.empty() && (head[0] == ' ' || head[0] == '\t' || head[0] == '\r' || head[0] == '\n'))
    head.remove_prefix(1);
  if (StartsWithCaseless(head, "<title>") && bytes.find("<text>") != std::string_view::npos)
    return "casie";
  if (StartsWithCaseless(head, "<!doctype lewis") || head.substr(0, 8) == "<REUTERS") return "sgml";
  if (StartsWithCaseless(head, "<!doctype html") || StartsWithCaseless(head, "<html"))
    return "html";
  if ((StartsWithCaseless(head, "<?xml") || StartsWithCaseless(head, "<!--")) &&
      Lower(head).find("<html") != std::string::npos)
    return "html";
  if (!head.empty() && (head[0] == '{' || head[0] == '[')) return "jsonl";
  std::string ext = Extension(path);
  if (ext == "jsonl" || ext == "ndjson" || ext == "json") return "jsonl";
  if (ext == "sgm" || ext == "sgml") return "sgml";
  if (ext == "html" || ext == "htm" || ext == "xhtml") return "html";
  return "text";
}

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string Latin1ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 16);
  for (unsigned char c : bytes) formats::AppendUtf8(c, &out);
  return out;
}

Status ParseInput(std::string_view bytes, std::string_view path, const ArticleHints& hints,
                  std::string_view format, ParsedInput* out) {
  *out = ParsedInput{};
  const std::string name(path);
  bool blank = true;
  for (char c : bytes) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      blank = false;
      break;
    }
  }
  if (blank) return Status::InvalidArgument(name + ": empty input (no text)");
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return Status::InvalidArgument(name + ": binary data, not an article (NUL byte at offset " +
                                   std::to_string(nul) + ")");
  }
  std::string fmt =
      format.empty() || format == "auto" ? DetectFormat(path, bytes) : std::string(format);
  if (!IsFormatName(fmt)) {
    return Status::InvalidArgument(name + ": unknown format '" + fmt + "'");
  }
  out->format = fmt;
  // SGML (Latin-1 by definition) and HTML (declared charsets) convert; JSON Lines checks per line.
  if (fmt == "text" || fmt == "casie") {
    if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
      return Status::InvalidArgument(name + ": invalid UTF-8 at byte offset " +
                                     std::to_string(bad));
    }
  }

  Status s;
  if (fmt == "text") {
    ArticleHints h = hints;
    h.source = name;
    Article a;
    s = ParsePlainTextArticle(bytes, h, &a);
    if (!s.ok()) return s;
    if (a.source.empty()) a.source = name;
    if (a.format.empty()) a.format = "text";
    out->articles.push_back(std::move(a));
    out->where.push_back("");
    return Status::OK();
  }
  if (fmt == "jsonl")
    s = formats::ParseJsonLines(bytes, path, out);
  else if (fmt == "casie")
    s = formats::ParseCasie(bytes, path, out);
  else if (fmt == "sgml")
    s = formats::ParseReutersSgml(bytes, path, out);
  else
    s = formats::ParseHtml(bytes, path, out);
  if (!s.ok()) return s;

  Article published;
  if (!hints.published.empty()) {
    Status ps = ParsePublished(hints.published, &published);
    if (!ps.ok()) {
      return Status::InvalidArgument(name + ": --published '" + hints.published +
                                     "': " + ps.message());
    }
  }
  for (Article& a : out->articles) {
    a.source = name;
    a.format = fmt;
    if (!hints.outlet.empty()) a.outlet = hints.outlet;
    if (!hints.published.empty()) {
      a.published = published.published;
      a.published_date = published.published_date;
    }
  }
  return Status::OK();
}

}  // namespace tkg
