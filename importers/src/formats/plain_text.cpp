// The plain-text shape of a scraped article:
//   OUTLET
//   Headline
//   | Apr 21, 2016 10:02 PM EDT          (a date line, optionally "By X | date")
//   body paragraphs ...
//   Related News / Most Popular / ...   (page furniture: short lines without sentence ends)
// or, with no header, the headline on the first line and the body after it.
#include <cctype>
#include <string>
#include <vector>

#include "tkg/importers/formats.h"
#include "tkg/schema/ids.h"

namespace tkg {

namespace {

struct Line {
  uint32_t begin, end;  // without the newline and trailing white space
};

std::vector<Line> NonBlankLines(std::string_view t) {
  std::vector<Line> out;
  size_t pos = 0;
  while (pos < t.size()) {
    size_t nl = t.find('\n', pos);
    size_t e = nl == std::string_view::npos ? t.size() : nl;
    size_t b = pos, f = e;
    while (b < f && std::isspace(static_cast<unsigned char>(t[b]))) ++b;
    while (f > b && std::isspace(static_cast<unsigned char>(t[f - 1]))) --f;
    if (f > b) out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(f)});
    pos = e + 1;
  }
  return out;
}

bool EndsSentence(std::string_view l) {
  if (l.empty()) return false;
  char c = l.back();
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || c == '\'') return true;
  return l.size() >= 3 && (l.compare(l.size() - 3, 3, "\xE2\x80\x9D") == 0 ||
                           l.compare(l.size() - 3, 3, "\xE2\x80\x99") == 0);
}

// Page furniture: a short line with no sentence end ("Related News", "EDITOR'S PICK").
bool IsFurniture(std::string_view l) { return l.size() <= 60 && !EndsSentence(l); }

// The outlet line: short, no sentence punctuation, not a date.
bool LooksLikeOutlet(std::string_view l) {
  return l.size() <= 40 && !EndsSentence(l) && l.find('|') == std::string_view::npos;
}

std::string DisplayName(std::string_view l) {
  bool has_lower = false;
  for (char c : l) has_lower |= std::islower(static_cast<unsigned char>(c)) != 0;
  std::string s(l);
  if (has_lower) return s;
  bool start = true;
  for (char& c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
      start = false;
    } else {
      start = u == ' ' || u == '-';
    }
  }
  return s;
}

// The date of a date line: "| Apr 21, 2016 10:02 PM EDT", "By Jane Doe | April 21, 2016",
// "Published: April 21, 2016".
bool ParseDateLine(std::string_view l, Article* out) {
  std::string_view d = l;
  if (size_t bar = d.rfind('|'); bar != std::string_view::npos) d = d.substr(bar + 1);
  for (std::string_view p : {"Published:", "Updated:", "Posted:", "Published", "Posted"}) {
    if (d.substr(0, p.size()) == p) {
      d.remove_prefix(p.size());
      break;
    }
  }
  Article probe;
  if (!ParsePublished(d, &probe).ok()) return false;
  out->published = probe.published;
  out->published_date = probe.published_date;
  return true;
}

}  // namespace

Status ParsePlainTextArticle(std::string_view bytes, const ArticleHints& hints, Article* out) {
  *out = Article{};
  out->text.assign(bytes);
  out->source = hints.source;
  out->format = "text";
  out->content_hash = Hex16(Hash64(bytes));
  const std::string origin = hints.source.empty() ? "<input>" : hints.source;
  if (bytes.find('\0') != std::string_view::npos)
    return Status::InvalidArgument(origin + ": not a text file (holds NUL bytes)");
  std::vector<Line> lines = NonBlankLines(bytes);
  if (lines.empty()) return Status::InvalidArgument(origin + ": empty article");
  auto text_of = [&](const Line& l) { return bytes.substr(l.begin, l.end - l.begin); };

  size_t body_first = 1;
  size_t headline = 0;
  // The header shape: outlet, headline, date line within the first lines.
  if (lines.size() >= 3 && LooksLikeOutlet(text_of(lines[0]))) {
    for (size_t d = 2; d < lines.size() && d <= 3; ++d) {
      Article probe;
      if (ParseDateLine(text_of(lines[d]), &probe)) {
        out->outlet = DisplayName(text_of(lines[0]));
        out->published = probe.published;
        out->published_date = probe.published_date;
        headline = 1;
        body_first = d + 1;
        break;
      }
    }
  }
  if (headline == 0 && lines.size() >= 2) {
    // Headless, but perhaps a date line right under the headline.
    Article probe;
    if (ParseDateLine(text_of(lines[1]), &probe)) {
      out->published = probe.published;
      out->published_date = probe.published_date;
      body_first = 2;
    }
  }
  out->headline = std::string(text_of(lines[headline]));
  out->headline_span = {lines[headline].begin, lines[headline].end};
  size_t body_last = lines.size();  // one past
  while (body_last > body_first && IsFurniture(text_of(lines[body_last - 1]))) --body_last;
  if (body_last > body_first) out->body_span = {lines[body_first].begin, lines[body_last - 1].end};

  if (!hints.outlet.empty()) out->outlet = hints.outlet;
  if (!hints.published.empty()) {
    Status s = ParsePublished(hints.published, out);
    if (!s.ok()) return Status::InvalidArgument(origin + ": --published: " + s.message());
  }
  out->id = ArticleId(out->url, out->text);
  return Status::OK();
}

}  // namespace tkg
