// Reuters-21578 SGML: <REUTERS NEWID="1" ...> records holding <DATE>26-FEB-1987 15:01:01.79</DATE>
// and <TEXT> with <TITLE>, <DATELINE> and <BODY>. The files are Latin-1; the body is a wire story
// hard-wrapped at about 70 columns, paragraphs indented, ending in "Reuter" and &#3;. The derived
// text is the title, a blank line, then the dateline joined to the first paragraph
// ("SALVADOR, Feb 26 - Showers continued ...") and the re-flowed paragraphs. Records with no body
// (title-only briefs) are counted as skipped, not as errors.
#include <strings.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "format_parsers.h"

namespace tkg::formats {

namespace {

// The content of the first <tag ...>...</tag> inside `record`, or nothing.
bool Element(std::string_view record, std::string_view tag, std::string_view* out) {
  std::string open = "<" + std::string(tag);
  size_t b = 0;
  while (true) {
    b = record.find(open, b);
    if (b == std::string_view::npos) return false;
    char next = b + open.size() < record.size() ? record[b + open.size()] : '\0';
    if (next == '>' || next == ' ') break;
    b += open.size();
  }
  size_t gt = record.find('>', b);
  if (gt == std::string_view::npos) return false;
  std::string close = "</" + std::string(tag) + ">";
  size_t e = record.find(close, gt + 1);
  if (e == std::string_view::npos) e = record.size();
  *out = record.substr(gt + 1, e - gt - 1);
  return true;
}

std::string Attribute(std::string_view record, std::string_view name) {
  size_t gt = record.find('>');
  std::string_view tag = record.substr(0, gt);
  std::string key = " " + std::string(name) + "=\"";
  size_t b = tag.find(key);
  if (b == std::string_view::npos) return "";
  b += key.size();
  size_t e = tag.find('"', b);
  if (e == std::string_view::npos) return "";
  return std::string(tag.substr(b, e - b));
}

// "26-FEB-1987 15:01:01.79" -> "1987-02-26T15:01:01"; "" when unreadable.
std::string ReutersDate(std::string_view d) {
  std::string s(Trim(d));
  int day = 0, year = 0, hh = 0, mm = 0, ss = 0;
  char mon[4] = {0};
  int n = std::sscanf(s.c_str(), "%d-%3[A-Za-z]-%d %d:%d:%d", &day, mon, &year, &hh, &mm, &ss);
  if (n < 3) return "";
  static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  int month = 0;
  for (int i = 0; i < 12; ++i) {
    if (strncasecmp(mon, kMonths[i], 3) == 0) month = i + 1;
  }
  if (month == 0 || day < 1 || day > 31 || year < 1900) return "";
  char buf[96];
  if (n == 6 && hh < 24 && mm < 60 && ss < 60) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hh, mm, ss);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

// Re-flows a hard-wrapped body: a line that starts with white space, or follows a blank line,
// starts a new paragraph.
// `origins` gives the origin of each byte of body; each paragraph's origins land in *out_origins.
std::vector<std::string> Reflow(std::string_view body, const std::vector<Origin>& origins,
                                std::vector<std::vector<Origin>>* out_origins) {
  std::vector<std::string> paragraphs;
  std::string current;
  std::vector<Origin> current_origins;
  out_origins->clear();
  auto flush = [&] {
    std::vector<Origin> po;
    std::string p = CollapseTracked(current, current_origins, &po);
    if (!p.empty()) {
      paragraphs.push_back(std::move(p));
      out_origins->push_back(std::move(po));
    }
    current.clear();
    current_origins.clear();
  };
  size_t start = 0;
  while (start <= body.size()) {
    size_t nl = body.find('\n', start);
    if (nl == std::string_view::npos) nl = body.size();
    std::string_view line = body.substr(start, nl - start);
    size_t line_start = start;
    start = nl + 1;
    if (Trim(line).empty()) {
      flush();
      continue;
    }
    if (line[0] == ' ' || line[0] == '\t') flush();
    current += ' ';
    current_origins.push_back(Origin{});
    current += line;
    current_origins.insert(current_origins.end(), origins.begin() + line_start,
                           origins.begin() + line_start + line.size());
  }
  flush();
  // The sign-off: "Reuter" / "REUTER" as the last word.
  if (!paragraphs.empty()) {
    std::string& last = paragraphs.back();
    for (const char* sign : {"Reuter", "REUTER"}) {
      size_t len = std::strlen(sign);
      if (last.size() >= len && last.compare(last.size() - len, len, sign) == 0) {
        last.erase(last.size() - len);
        last = std::string(Trim(last));  // CollapseSpace left no white space in front
        out_origins->back().resize(last.size());
        break;
      }
    }
    if (last.empty()) {
      paragraphs.pop_back();
      out_origins->pop_back();
    }
  }
  return paragraphs;
}

}  // namespace

Status ParseReutersSgml(std::string_view raw, std::string_view path, ParsedInput* out) {
  std::string converted;
  std::vector<uint32_t> raw_of;  // converted byte -> file byte, when converted
  std::string_view bytes = raw;
  if (FindInvalidUtf8(raw) != std::string_view::npos) {
    converted = Latin1ToUtf8(raw);
    bytes = converted;
    for (size_t i = 0; i < raw.size(); ++i)  // Latin-1: one byte below 0x80, else two
      raw_of.insert(raw_of.end(), static_cast<unsigned char>(raw[i]) < 0x80 ? 1 : 2,
                    static_cast<uint32_t>(i));
    raw_of.push_back(static_cast<uint32_t>(raw.size()));
    if (raw_of.size() != converted.size() + 1) raw_of.clear();  // not as expected: no map
  }
  bool mappable = converted.empty() || !raw_of.empty();
  auto offset = [&](std::string_view part) {
    return part.data() == nullptr ? 0u : static_cast<uint32_t>(part.data() - bytes.data());
  };
  size_t pos = 0, records = 0;
  while (true) {
    size_t b = bytes.find("<REUTERS", pos);
    if (b == std::string_view::npos) break;
    size_t e = bytes.find("</REUTERS>", b);
    size_t end = e == std::string_view::npos ? bytes.size() : e + 10;
    std::string_view record = bytes.substr(b, end - b);
    pos = end;
    ++records;
    std::string newid = Attribute(record, "NEWID");
    std::string where = newid.empty() ? "record " + std::to_string(records) : "NEWID=" + newid;
    std::string_view text, title, dateline, body, date;
    if (!Element(record, "TEXT", &text)) {
      out->errors.push_back({where, "record without <TEXT>"});
      continue;
    }
    Element(text, "TITLE", &title);
    Element(text, "DATELINE", &dateline);
    std::string body_text;
    std::vector<Origin> body_origins;
    if (Element(text, "BODY", &body)) {
      DecodeTracked(body, offset(body), &body_text, &body_origins);
    } else if (Attribute(record.substr(record.find("<TEXT")), "TYPE") == "UNPROC") {
      // unprocessed stories: the text is the story
      DecodeTracked(text, offset(text), &body_text, &body_origins);
    }
    std::vector<std::vector<Origin>> paragraph_origins;
    std::vector<std::string> paragraphs = Reflow(body_text, body_origins, &paragraph_origins);
    if (paragraphs.empty()) {
      ++out->skipped;  // a title-only brief: no story to read
      continue;
    }
    std::string dl_raw, title_raw;
    std::vector<Origin> dl_raw_origins, dl_origins, title_raw_origins, title_origins;
    DecodeTracked(dateline, offset(dateline), &dl_raw, &dl_raw_origins);
    std::string dl = CollapseTracked(dl_raw, dl_raw_origins, &dl_origins);
    if (!dl.empty()) {
      paragraphs[0] = dl + " " + paragraphs[0];
      dl_origins.push_back(Origin{});
      dl_origins.insert(dl_origins.end(), paragraph_origins[0].begin(), paragraph_origins[0].end());
      paragraph_origins[0] = std::move(dl_origins);
    }
    DecodeTracked(title, offset(title), &title_raw, &title_raw_origins);
    Article a;
    ComposeArticle(CollapseTracked(title_raw, title_raw_origins, &title_origins), paragraphs, &a);
    std::vector<const std::vector<Origin>*> origin_ptrs;
    for (const auto& o : paragraph_origins) origin_ptrs.push_back(&o);
    ComposeSourceMap(title_origins, paragraphs, origin_ptrs, raw_of, &a);
    if (!mappable) a.source_map.clear();
    a.outlet = "Reuters";
    if (Element(record, "DATE", &date)) SetPublishedLenient(ReutersDate(date), &a);
    out->articles.push_back(std::move(a));
    out->where.push_back(where);
  }
  if (records == 0) {
    return Status::InvalidArgument(std::string(path) + ": no <REUTERS> records");
  }
  return Status::OK();
}

}  // namespace tkg::formats
