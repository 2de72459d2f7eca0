#include "tkg/api/json_views.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace tkg::api {

using json = Json;

namespace {

json StringOrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// The date fields shared by statements and events: the TimeML value as written (precision
// kept), its precision, where it came from, and the days it covers.
void AddDate(json* j, const TimeValue& date, DateBasis basis) {
  (*j)["date"] = StringOrNull(date.value);
  (*j)["precision"] =
      date.empty() ? json(nullptr) : json(std::string(PrecisionName(date.precision)));
  (*j)["date_basis"] = std::string(DateBasisName(basis));
  if (date.has_interval()) {
    (*j)["date_interval"] = {{"from", DayToIso(date.first_day)}, {"to", DayToIso(date.last_day)}};
  } else {
    (*j)["date_interval"] = nullptr;
  }
}

json NamedRefs(const std::vector<std::string>& ids, const std::vector<std::string>& names) {
  json out = json::array();
  size_t n = std::max(ids.size(), names.size());
  for (size_t i = 0; i < n; ++i) {
    std::string id = i < ids.size() ? ids[i] : std::string();
    std::string name = i < names.size() ? names[i] : std::string();
    out.push_back({{"id", StringOrNull(id)}, {"name", name}});
  }
  return out;
}

// Confidence as a short decimal (0.8, not 0.800000011920929).
double RoundConfidence(float c) { return std::round(static_cast<double>(c) * 1000.0) / 1000.0; }

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Cuts at a UTF-8 character boundary near `max` bytes, adding an ellipsis.
std::string Shorten(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "\u2026";
}

bool Finer(TimePrecision p, TimePrecision than) {
  return static_cast<int>(p) > static_cast<int>(than);
}

// Reads "HH" and "MM" after the 'T' of a TimeML value ("2016-04-18T14:05"); false when the
// value names a part of day ("T14" is an hour, "TMO" is not).
bool ParseClock(const std::string& value, int* hour, int* minute) {
  auto t = value.find('T');
  if (t == std::string::npos || t + 3 > value.size()) return false;
  auto digit = [&](size_t i) { return i < value.size() && value[i] >= '0' && value[i] <= '9'; };
  if (!digit(t + 1) || !digit(t + 2)) return false;
  *hour = (value[t + 1] - '0') * 10 + (value[t + 2] - '0');
  *minute = -1;
  if (value.size() >= t + 6 && value[t + 3] == ':' && digit(t + 4) && digit(t + 5)) {
    *minute = (value[t + 4] - '0') * 10 + (value[t + 5] - '0');
  }
  return true;
}

std::string SpeakerName(const Statement& s) {
  return s.speaker.empty() ? std::string("(unknown speaker)") : s.speaker;
}

std::string SpeakerGroupId(const Statement& s) {
  if (!s.speaker_id.empty()) return s.speaker_id;
  if (!s.speaker.empty()) return "name:" + s.speaker;
  return "unattributed";
}

std::string StatementBody(const StatementView& v) {
  const Statement& s = v.statement;
  return s.direct ? "\u201c" + s.text + "\u201d" : s.text;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace

std::string Dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

json SpanToJson(Span s) { return json::array({s.begin, s.end}); }

json StatementToJson(const StatementView& view) {
  const Statement& s = view.statement;
  json j;
  j["id"] = s.id;
  j["speaker"] = {{"id", StringOrNull(s.speaker_id)}, {"name", s.speaker}};
  j["cue"] = s.cue;
  j["text"] = s.text;
  j["direct"] = s.direct;
  AddDate(&j, s.date, s.date_basis);
  j["published"] = StringOrNull(view.article_published);
  j["topics"] = s.topics;
  j["reported_by"] = NamedRefs(s.reported_by_ids, s.reported_by);
  j["article"] = {{"id", s.article_id},
                  {"outlet", view.article_outlet},
                  {"headline", view.article_headline},
                  {"url", StringOrNull(view.article_url)},
                  {"version", view.article_version}};
  j["evidence"] = {{"article_id", s.article_id},         {"span", SpanToJson(s.sentence_span)},
                   {"sentence", view.sentence},          {"source_span", SpanToJson(s.source_span)},
                   {"cue_span", SpanToJson(s.cue_span)}, {"text_span", SpanToJson(s.text_span)}};
  // Spans above point into the article's text; for HTML pages that text is derived from the
  // file, and these give the same evidence in the file's own bytes.
  if (view.has_file_spans) {
    j["evidence"]["file_span"] = SpanToJson(view.file_span);
    j["evidence"]["file_text_span"] = SpanToJson(view.file_text_span);
  }
  j["rule"] = s.rule;
  j["confidence"] = RoundConfidence(s.confidence);
  // True only for history: a statement of an older version of an updated article.
  j["superseded"] = view.superseded;
  return j;
}

json StatementPageToJson(const StatementPage& page) {
  json list = json::array();
  for (const auto& v : page.statements) list.push_back(StatementToJson(v));
  return {{"statements", std::move(list)}, {"next_cursor", StringOrNull(page.next_cursor)}};
}

json ActorToJson(const ActorView& view) {
  const Actor& a = view.actor;
  json roles = json::array();
  for (const auto& r : a.roles) {
    roles.push_back(
        {{"title", r.title}, {"of", StringOrNull(r.of)}, {"when", StringOrNull(r.when.value)}});
  }
  return {{"id", a.id},
          {"name", a.name},
          {"type", std::string(ActorTypeName(a.type))},
          {"aliases", a.aliases},
          {"roles", std::move(roles)},
          {"article_count", view.article_count},
          {"statement_count", view.statement_count}};
}

json EventToJson(const Event& e) {
  json j;
  j["id"] = e.id;
  j["type"] = e.type;
  j["text"] = e.text;
  AddDate(&j, e.date, e.date_basis);
  j["participants"] = NamedRefs(e.participant_ids, e.participants);
  j["article_id"] = e.article_id;
  j["span"] = SpanToJson(e.span);
  return j;
}

json ArticleToJson(const Article& a, bool with_text) {
  json j = {{"id", a.id},
            {"url", StringOrNull(a.url)},
            {"outlet", a.outlet},
            {"headline", a.headline},
            {"published", StringOrNull(a.published)},
            {"published_date", StringOrNull(a.published_date.value)},
            {"source", a.source},
            {"format", a.format},
            {"content_hash", a.content_hash},
            {"ingested_at", a.ingested_at},
            {"length", a.text.size()},
            {"headline_span", SpanToJson(a.headline_span)},
            {"body_span", SpanToJson(a.body_span)},
            // Whether the spans point into the file itself (plain text) or into text derived
            // from it (HTML, SGML, JSON formats; see evidence.file_span).
            {"text_is_file", a.format == "text"}};
  if (with_text) j["text"] = a.text;
  return j;
}

json TopicToJson(const Topic& t) {
  return {{"id", t.id}, {"name", t.name}, {"parent", StringOrNull(t.parent)}, {"terms", t.terms}};
}

json StatsToJson(const StoreStats& s) {
  return {{"articles", s.articles},
          {"actors", s.actors},
          {"statements", s.statements},
          {"superseded_statements", s.superseded_statements},
          {"events", s.events},
          {"topics", s.topics},
          {"edges", s.edges}};
}

json VersionToJson(const ArticleVersionInfo& v) {
  return {{"version", v.version},
          {"content_hash", v.content_hash},
          {"ingested_at", v.ingested_at},
          {"statement_count", v.statement_count},
          {"current", v.current}};
}

StatementView MakeStatementView(const Article& article, const Statement& statement) {
  StatementView v;
  v.statement = statement;
  v.article_outlet = article.outlet;
  v.article_headline = article.headline;
  v.article_url = article.url;
  v.article_published = article.published;
  v.sentence = std::string(SpanText(article.text, statement.sentence_span));
  if (!article.source_map.empty()) {
    v.has_file_spans = true;
    v.file_span = MapToSource(article, statement.sentence_span);
    v.file_text_span = MapToSource(article, statement.text_span);
  }
  return v;
}

void SortTimeline(std::vector<TimelineEntry>* entries) {
  std::stable_sort(entries->begin(), entries->end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) {
                     const TimeValue& da = a.date();
                     const TimeValue& db = b.date();
                     if (da.has_interval() != db.has_interval()) return da.has_interval();
                     if (!da.has_interval()) return false;
                     return da.first_day < db.first_day;
                   });
}

json TimelineToJson(const std::vector<TimelineEntry>& entries) {
  json list = json::array();
  for (const auto& e : entries) {
    if (e.is_event) {
      list.push_back({{"kind", "event"}, {"event", EventToJson(e.event)}});
    } else {
      list.push_back({{"kind", "statement"}, {"statement", StatementToJson(e.statement)}});
    }
  }
  return {{"entries", std::move(list)}};
}

json TimelineJs(const std::vector<TimelineEntry>& entries) {
  json events = json::array();
  for (const auto& e : entries) {
    const TimeValue& d = e.date();
    if (!d.has_interval()) continue;
    int year = 0;
    unsigned month = 0, day = 0;
    CivilFromDays(d.first_day, &year, &month, &day);
    json start = {{"year", year}};
    bool display = false;
    if (!Finer(d.precision, TimePrecision::kYear)) {
      display = d.precision != TimePrecision::kYear;  // "199" (the 1990s) reads better as written
    } else if (d.precision == TimePrecision::kMonth) {
      start["month"] = month;
    } else if (!Finer(d.precision, TimePrecision::kWeek)) {  // half, quarter, season, week
      start["month"] = month;
      display = true;
    } else {  // day and finer
      start["month"] = month;
      start["day"] = day;
      int hour = 0, minute = -1;
      if (Finer(d.precision, TimePrecision::kPartOfDay) && ParseClock(d.value, &hour, &minute)) {
        start["hour"] = hour;
        if (minute >= 0) start["minute"] = minute;
      } else if (d.precision == TimePrecision::kPartOfDay) {
        display = true;
      }
    }
    if (display) start["display_date"] = d.value;

    json item;
    item["start_date"] = std::move(start);
    if (e.is_event) {
      const Event& ev = e.event;
      std::string headline = ev.type.empty() ? std::string("Event") : ev.type;
      if (!ev.participants.empty()) headline += ": " + JoinNames(ev.participants);
      item["text"] = {{"headline", HtmlEscape(headline)}, {"text", HtmlEscape(ev.text)}};
      item["group"] = "Events";
      item["unique_id"] = ev.id;
    } else {
      const StatementView& v = e.statement;
      const Statement& s = v.statement;
      std::string headline = s.cue.empty() ? SpeakerName(s) : SpeakerName(s) + " " + s.cue;
      std::string text = HtmlEscape(StatementBody(v));
      std::string source = v.article_outlet;
      if (!v.article_headline.empty()) {
        source += (source.empty() ? "" : ": ") + v.article_headline;
      }
      if (!source.empty()) text += "<br><small>" + HtmlEscape(source) + "</small>";
      item["text"] = {{"headline", HtmlEscape(headline)}, {"text", std::move(text)}};
      item["group"] = SpeakerName(s);
      item["unique_id"] = s.id;
    }
    events.push_back(std::move(item));
  }
  return {{"events", std::move(events)}};
}

json VisTimeline(const std::vector<TimelineEntry>& entries) {
  json items = json::array();
  json groups = json::array();
  std::set<std::string> seen_groups;
  auto add_group = [&](const std::string& id, const std::string& content) {
    if (seen_groups.insert(id).second)
      groups.push_back({{"id", id}, {"content", HtmlEscape(content)}});
  };
  for (const auto& e : entries) {
    const TimeValue& d = e.date();
    if (!d.has_interval()) continue;
    json item;
    item["start"] = DayToIso(d.first_day);
    if (Finer(d.precision, TimePrecision::kWeek)) {
      item["type"] = "point";
    } else {
      item["end"] = DayToIso(d.last_day + 1);
      item["type"] = "range";
    }
    if (e.is_event) {
      const Event& ev = e.event;
      std::string label = ev.type.empty() ? std::string("event") : ev.type;
      if (!ev.participants.empty()) label += ": " + JoinNames(ev.participants);
      item["id"] = ev.id;
      item["content"] = HtmlEscape(Shorten(label, 80));
      item["group"] = "events";
      item["title"] = HtmlEscape(d.value + " " + label + "\n" + ev.text);
      add_group("events", "Events");
    } else {
      const StatementView& v = e.statement;
      const Statement& s = v.statement;
      std::string group = SpeakerGroupId(s);
      item["id"] = s.id;
      item["content"] = HtmlEscape(Shorten(StatementBody(v), 80));
      item["group"] = group;
      std::string title = d.value + " " + SpeakerName(s) + " " + s.cue + ": " + StatementBody(v);
      if (!v.article_outlet.empty()) title += "\n(" + v.article_outlet + ")";
      item["title"] = HtmlEscape(title);
      add_group(group, SpeakerName(s));
    }
    items.push_back(std::move(item));
  }
  return {{"items", std::move(items)}, {"groups", std::move(groups)}};
}

}  // namespace tkg::api
