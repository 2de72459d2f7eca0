// news-please JSON Lines: one JSON object per line with title, maintext, date_publish
// ("2016-11-04 00:00:00"), source_domain, url, authors, language. Blank lines are skipped; a line
// that is not a JSON object, or has no text, is a record error and the other lines go on.
// Also read: one pretty-printed news-please object per file (its own storage format), and one
// JSON array of such records.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "format_parsers.h"

namespace tkg::formats {

namespace {

std::string StringField(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string p = CollapseSpace(text.substr(start, nl - start));
    if (!p.empty()) out.push_back(std::move(p));
    start = nl + 1;
  }
  return out;
}

// news-please writes "2016-11-04 00:00:00"; midnight there means "only the day is known".
std::string NormaliseDate(std::string date) {
  date = std::string(Trim(date));
  if (date.size() == 19 && date[10] == ' ') {
    if (date.compare(11, 8, "00:00:00") == 0) return date.substr(0, 10);
    date[10] = 'T';
  }
  return date;
}

// One news-please record; false with a reason when it holds no article.
bool AddRecord(const nlohmann::json& j, const std::string& where, ParsedInput* out) {
  if (!j.is_object()) {
    out->errors.push_back({where, "not a JSON object"});
    return false;
  }
  std::string title = CollapseSpace(StringField(j, "title"));
  std::string body = StringField(j, "maintext");
  if (Trim(body).empty()) body = StringField(j, "text");
  if (Trim(body).empty()) body = StringField(j, "description");
  std::vector<std::string> paragraphs = Paragraphs(body);
  if (paragraphs.empty()) {
    out->errors.push_back({where, "no article text (maintext is empty or missing)"});
    return false;
  }
  Article a;
  ComposeArticle(title, paragraphs, &a);
  a.url = std::string(Trim(StringField(j, "url")));
  std::string domain = StringField(j, "source_domain");
  if (domain.empty() && !a.url.empty()) domain = HostOfUrl(a.url);
  if (domain.rfind("www.", 0) == 0) domain = domain.substr(4);
  a.outlet = domain;
  SetPublishedLenient(NormaliseDate(StringField(j, "date_publish")), &a);
  out->articles.push_back(std::move(a));
  out->where.push_back(where);
  return true;
}

}  // namespace

Status ParseJsonLines(std::string_view bytes, std::string_view path, ParsedInput* out) {
  // news-please also stores one pretty-printed JSON object per file, and some tools write one
  // array of records: a document that parses as a whole is read as such.
  std::string_view trimmed = Trim(bytes);
  if (!trimmed.empty() && (trimmed[0] == '{' || trimmed[0] == '[') &&
      trimmed.find('\n') != std::string_view::npos) {
    nlohmann::json doc = nlohmann::json::parse(trimmed, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_discarded()) {
      if (doc.is_array()) {
        size_t n = 0;
        for (const auto& rec : doc) AddRecord(rec, "record " + std::to_string(++n), out);
        if (n == 0) return Status::InvalidArgument(std::string(path) + ": an empty JSON array");
      } else {
        AddRecord(doc, "", out);
        if (out->articles.empty()) {
          return Status::InvalidArgument(std::string(path) + ": " + out->errors.back().reason);
        }
      }
      return Status::OK();
    }
  }
  size_t line_no = 0, start = 0, records = 0;
  while (start < bytes.size()) {
    size_t nl = bytes.find('\n', start);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = Trim(bytes.substr(start, nl - start));
    start = nl + 1;
    ++line_no;
    if (line.empty()) continue;
    ++records;
    std::string where = "line " + std::to_string(line_no);
    if (size_t bad = FindInvalidUtf8(line); bad != std::string_view::npos) {
      out->errors.push_back(
          {where, "invalid UTF-8 at byte " + std::to_string(bad) + " of the line"});
      continue;
    }
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      out->errors.push_back({where, "not valid JSON"});
      continue;
    }
    AddRecord(j, where, out);
  }
  if (records == 0) {
    return Status::InvalidArgument(std::string(path) + ": no JSON records");
  }
  return Status::OK();
}

}  // namespace tkg::formats
