#include "tkg/api/queries.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <initializer_list>

#include "tkg/api/json_views.h"
#include "tkg/schema/time_value.h"
#include "tkg/schema/types.h"

namespace tkg::api {

using json = Json;

namespace {

// How a parameter is named in a message: 'min_confidence' for HTTP, --min-confidence for flags.
std::string Name(const Params& p, const std::string& name) {
  if (!p.flag_style) return "parameter '" + name + "'";
  std::string flag = name;
  std::replace(flag.begin(), flag.end(), '_', '-');
  return "option --" + flag;
}

Status CheckKnown(const Params& p, std::initializer_list<const char*> known) {
  for (const auto& [name, value] : p.values) {
    bool ok = false;
    for (const char* k : known) ok = ok || name == k;
    if (ok) continue;
    std::string list;
    for (const char* k : known) {
      if (!list.empty()) list += ", ";
      list += p.flag_style ? "--" + std::string(k) : std::string(k);
    }
    if (p.flag_style) std::replace(list.begin(), list.end(), '_', '-');
    std::string hint = list.empty() ? "this request takes no parameters" : "known: " + list;
    return Status::InvalidArgument("unknown " + Name(p, name) + "; " + hint);
  }
  return Status::OK();
}

Status ParseLimit(const Params& p, size_t fallback, size_t* out) {
  *out = fallback;
  if (!p.has("limit")) return Status::OK();
  std::string v = p.get("limit");
  errno = 0;
  char* end = nullptr;
  long long n = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || errno == ERANGE || n < 1 ||
      n > static_cast<long long>(kMaxLimit)) {
    return Status::InvalidArgument(Name(p, "limit") + ": '" + v +
                                   "' is not a whole number from 1 to " +
                                   std::to_string(kMaxLimit));
  }
  *out = static_cast<size_t>(n);
  return Status::OK();
}

Status ParseDate(const Params& p, const std::string& name, bool upper,
                 std::optional<DayNumber>* out) {
  out->reset();
  if (!p.has(name)) return Status::OK();
  std::string v = p.get(name);
  if (v.empty()) return Status::OK();  // "from=" as a form leaves it: no bound
  std::optional<DayNumber> day = ParseDateBound(v, upper);
  if (!day) {
    return Status::InvalidArgument(Name(p, name) + ": '" + v +
                                   "' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD");
  }
  *out = day;
  return Status::OK();
}

Status ParseRange(const Params& p, std::optional<DayNumber>* from, std::optional<DayNumber>* to) {
  if (Status s = ParseDate(p, "from", false, from); !s.ok()) return s;
  if (Status s = ParseDate(p, "to", true, to); !s.ok()) return s;
  if (*from && *to && **from > **to) {
    return Status::InvalidArgument(Name(p, "from") + " '" + p.get("from") + "' is after " +
                                   Name(p, "to") + " '" + p.get("to") + "'");
  }
  return Status::OK();
}

Status ParseConfidence(const Params& p, float* out) {
  *out = 0.f;
  if (!p.has("min_confidence")) return Status::OK();
  std::string v = p.get("min_confidence");
  errno = 0;
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(d) || d < 0 || d > 1) {
    return Status::InvalidArgument(Name(p, "min_confidence") + ": '" + v +
                                   "' is not a number from 0 to 1");
  }
  *out = static_cast<float>(d);
  return Status::OK();
}

Status ParseBool(const Params& p, const std::string& name, bool* out) {
  *out = false;
  if (!p.has(name)) return Status::OK();
  std::string v = p.get(name);
  if (v.empty() || v == "1" || v == "true" || v == "yes") {
    *out = true;
  } else if (v == "0" || v == "false" || v == "no") {
    *out = false;
  } else {
    return Status::InvalidArgument(Name(p, name) + ": '" + v + "' is not true or false");
  }
  return Status::OK();
}

enum class TimelineFormat { kList, kTimelineJs, kVis };

Status ParseFormat(const Params& p, TimelineFormat fallback, TimelineFormat* out) {
  *out = fallback;
  if (!p.has("format")) return Status::OK();
  std::string v = p.get("format");
  if (v == "timelinejs") {
    *out = TimelineFormat::kTimelineJs;
  } else if (v == "vis") {
    *out = TimelineFormat::kVis;
  } else if (v == "list") {
    *out = TimelineFormat::kList;
  } else {
    return Status::InvalidArgument(Name(p, "format") + ": unknown format '" + v +
                                   "'; use timelinejs, vis or list");
  }
  return Status::OK();
}

// The statement filters shared by /v1/statements and /v1/timeline (everything but paging).
void FillFilters(const Params& p, StatementQuery* q) {
  q->topic = p.get("topic");
  q->speaker = p.get("speaker");
  q->outlet = p.get("outlet");
  q->text = p.get("q");
}

// Pages through the query until it ends or `cap` statements are collected.
Status CollectStatements(Store& store, StatementQuery query, size_t cap,
                         std::vector<TimelineEntry>* out, bool* truncated) {
  query.limit = kMaxLimit;
  query.cursor.clear();
  for (;;) {
    StatementPage page;
    if (Status s = store.QueryStatements(query, &page); !s.ok()) return s;
    for (auto& v : page.statements) {
      if (out->size() >= cap) {
        *truncated = true;
        return Status::OK();
      }
      TimelineEntry e;
      e.statement = std::move(v);
      out->push_back(std::move(e));
    }
    if (page.next_cursor.empty()) return Status::OK();
    if (out->size() >= cap) {
      *truncated = true;
      return Status::OK();
    }
    query.cursor = page.next_cursor;
  }
}

Status CollectEvents(Store& store, EventQuery query, size_t cap, std::vector<TimelineEntry>* out,
                     bool* truncated) {
  // Events have no cursor: ask for one more than fits (where the store allows it) to learn
  // whether some were left out.
  size_t room = cap > out->size() ? cap - out->size() : 0;
  if (room == 0) return Status::OK();
  query.limit = std::min(room + 1, kMaxLimit);
  std::vector<Event> events;
  if (Status s = store.QueryEvents(query, &events); !s.ok()) return s;
  if (events.size() >= query.limit) {  // the store may hold more
    *truncated = true;
    if (events.size() > room) events.resize(room);
  }
  for (auto& ev : events) {
    TimelineEntry e;
    e.is_event = true;
    e.event = std::move(ev);
    out->push_back(std::move(e));
  }
  return Status::OK();
}

json RenderTimeline(const std::vector<TimelineEntry>& entries, TimelineFormat format,
                    bool truncated) {
  json j;
  switch (format) {
    case TimelineFormat::kList:
      j = TimelineToJson(entries);
      break;
    case TimelineFormat::kTimelineJs:
      j = TimelineJs(entries);
      break;
    case TimelineFormat::kVis:
      j = VisTimeline(entries);
      break;
  }
  j["truncated"] = truncated;
  return j;
}

// An actor by id, or by a name or alias that names exactly one actor.
Status FindActor(Store& store, const std::string& id_or_name, ActorView* out) {
  Status s = store.GetActor(id_or_name, out);
  if (!s.IsNotFound()) return s;
  std::vector<std::string> ids;
  Status r = store.ResolveActor(id_or_name, &ids);
  if (!r.ok() && !r.IsNotFound()) return r;
  if (ids.size() == 1) return store.GetActor(ids[0], out);
  if (ids.size() > 1) {
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
    return Status::NotFound("'" + id_or_name + "' names " + std::to_string(ids.size()) +
                            " actors (" + list + "); ask for one by id");
  }
  return Status::NotFound("no actor with id, name or alias '" + id_or_name + "'");
}

}  // namespace

Status ParseStatementQuery(const Params& p, StatementQuery* q) {
  if (Status s = CheckKnown(p, {"topic", "speaker", "outlet", "from", "to", "q", "limit", "cursor",
                                "min_confidence", "include_superseded"});
      !s.ok()) {
    return s;
  }
  *q = StatementQuery();
  FillFilters(p, q);
  if (Status s = ParseRange(p, &q->from, &q->to); !s.ok()) return s;
  if (Status s = ParseLimit(p, q->limit, &q->limit); !s.ok()) return s;
  if (Status s = ParseConfidence(p, &q->min_confidence); !s.ok()) return s;
  if (Status s = ParseBool(p, "include_superseded", &q->include_superseded); !s.ok()) return s;
  q->cursor = p.get("cursor");
  if (p.has("cursor") && q->cursor.empty()) {
    return Status::InvalidArgument(Name(p, "cursor") +
                                   " is empty; pass the next_cursor of the previous page");
  }
  return Status::OK();
}

Status ParseEventQuery(const Params& p, EventQuery* q) {
  if (Status s = CheckKnown(p, {"participant", "type", "from", "to", "limit"}); !s.ok()) return s;
  *q = EventQuery();
  q->participant = p.get("participant");
  q->type = p.get("type");
  if (Status s = ParseRange(p, &q->from, &q->to); !s.ok()) return s;
  return ParseLimit(p, q->limit, &q->limit);
}

Status StatementsJson(Store& store, const Params& params, json* out) {
  StatementQuery q;
  if (Status s = ParseStatementQuery(params, &q); !s.ok()) return s;
  StatementPage page;
  Status s = store.QueryStatements(q, &page);
  if (!s.ok()) {
    // The cursor is the one parameter only the store can judge.
    if (!q.cursor.empty() && (s.IsInvalidArgument() || s.IsCorruption() || s.IsNotFound())) {
      return Status::InvalidArgument(Name(params, "cursor") + ": '" + q.cursor +
                                     "' is not a cursor of this query (" + s.message() + ")");
    }
    return s;
  }
  *out = StatementPageToJson(page);
  return Status::OK();
}

Status ActorsJson(Store& store, const Params& params, json* out) {
  if (Status s = CheckKnown(params, {"q", "limit"}); !s.ok()) return s;
  size_t limit = 0;
  if (Status s = ParseLimit(params, 50, &limit); !s.ok()) return s;
  std::vector<ActorView> actors;
  if (Status s = store.FindActors(params.get("q"), limit, &actors); !s.ok()) return s;
  json list = json::array();
  for (const auto& a : actors) list.push_back(ActorToJson(a));
  *out = {{"actors", std::move(list)}};
  return Status::OK();
}

Status ActorJson(Store& store, const std::string& id, const Params& params, json* out) {
  if (Status s = CheckKnown(params, {}); !s.ok()) return s;
  ActorView actor;
  if (Status s = FindActor(store, id, &actor); !s.ok()) return s;
  *out = ActorToJson(actor);
  return Status::OK();
}

Status ActorTimelineJson(Store& store, const std::string& id, const Params& params, json* out) {
  if (Status s = CheckKnown(params, {"from", "to", "format"}); !s.ok()) return s;
  StatementQuery sq;
  if (Status s = ParseRange(params, &sq.from, &sq.to); !s.ok()) return s;
  TimelineFormat format;
  if (Status s = ParseFormat(params, TimelineFormat::kList, &format); !s.ok()) return s;
  ActorView actor;
  if (Status s = FindActor(store, id, &actor); !s.ok()) return s;

  std::vector<TimelineEntry> entries;
  bool truncated = false;
  sq.speaker = actor.actor.id;
  if (Status s = CollectStatements(store, sq, kMaxTimelineEntries, &entries, &truncated); !s.ok()) {
    return s;
  }
  EventQuery eq;
  eq.participant = actor.actor.id;
  eq.from = sq.from;
  eq.to = sq.to;
  if (Status s = CollectEvents(store, eq, kMaxTimelineEntries, &entries, &truncated); !s.ok()) {
    return s;
  }
  SortTimeline(&entries);
  *out = RenderTimeline(entries, format, truncated);
  (*out)["actor"] = ActorToJson(actor);
  return Status::OK();
}

Status EventsJson(Store& store, const Params& params, json* out) {
  EventQuery q;
  if (Status s = ParseEventQuery(params, &q); !s.ok()) return s;
  std::vector<Event> events;
  if (Status s = store.QueryEvents(q, &events); !s.ok()) return s;
  json list = json::array();
  for (const auto& e : events) list.push_back(EventToJson(e));
  *out = {{"events", std::move(list)}};
  return Status::OK();
}

Status ArticleJson(Store& store, const std::string& id, const Params& params, json* out) {
  if (Status s = CheckKnown(params, {"text"}); !s.ok()) return s;
  bool with_text = false;
  if (Status s = ParseBool(params, "text", &with_text); !s.ok()) return s;
  ArticleGraph graph;
  Status s = store.GetArticleGraph(id, &graph);
  if (s.IsNotFound()) return Status::NotFound("no article with id '" + id + "'");
  if (!s.ok()) return s;
  json actors = json::array();
  for (const auto& a : graph.actors) {
    actors.push_back(
        {{"id", a.id}, {"name", a.name}, {"type", std::string(ActorTypeName(a.type))}});
  }
  // The versions of the article, where the store keeps them (an updated article keeps its older
  // statements as history).
  std::vector<ArticleVersionInfo> versions;
  uint32_t current = 1;
  bool has_versions = store.ArticleVersions(id, &versions).ok();
  for (const auto& v : versions)
    if (v.current) current = v.version;
  std::vector<StatementView> views;
  for (const auto& st : graph.statements) {
    views.push_back(MakeStatementView(graph.article, st));
    views.back().article_version = current;
  }
  std::stable_sort(views.begin(), views.end(), [](const StatementView& a, const StatementView& b) {
    return a.statement.text_span.begin < b.statement.text_span.begin;
  });
  json statements = json::array();
  for (const auto& v : views) statements.push_back(StatementToJson(v));
  json events = json::array();
  for (const auto& e : graph.events) events.push_back(EventToJson(e));
  json article = ArticleToJson(graph.article, with_text);
  article["version"] = current;
  if (has_versions) {
    json list = json::array();
    for (const auto& v : versions) list.push_back(VersionToJson(v));
    article["versions"] = std::move(list);
  }
  *out = {{"article", std::move(article)},
          {"actors", std::move(actors)},
          {"statements", std::move(statements)},
          {"events", std::move(events)}};
  return Status::OK();
}

Status TopicsJson(Store& store, const Params& params, json* out) {
  if (Status s = CheckKnown(params, {}); !s.ok()) return s;
  std::vector<Topic> topics;
  if (Status s = store.ListTopics(&topics); !s.ok()) return s;
  json list = json::array();
  for (const auto& t : topics) list.push_back(TopicToJson(t));
  *out = {{"topics", std::move(list)}};
  return Status::OK();
}

Status TimelineJson(Store& store, const Params& params, json* out) {
  if (Status s = CheckKnown(
          params, {"topic", "speaker", "outlet", "from", "to", "q", "min_confidence", "format"});
      !s.ok()) {
    return s;
  }
  StatementQuery q;
  FillFilters(params, &q);
  if (Status s = ParseRange(params, &q.from, &q.to); !s.ok()) return s;
  if (Status s = ParseConfidence(params, &q.min_confidence); !s.ok()) return s;
  TimelineFormat format;
  if (Status s = ParseFormat(params, TimelineFormat::kTimelineJs, &format); !s.ok()) return s;

  std::vector<TimelineEntry> entries;
  bool truncated = false;
  if (Status s = CollectStatements(store, q, kMaxTimelineEntries, &entries, &truncated); !s.ok()) {
    return s;
  }
  // A speaker's timeline also shows the events they took part in; events carry no topic, outlet
  // or words to filter on, so they join only when the speaker is the sole filter.
  if (!q.speaker.empty() && q.topic.empty() && q.outlet.empty() && q.text.empty()) {
    EventQuery eq;
    eq.participant = q.speaker;
    eq.from = q.from;
    eq.to = q.to;
    if (Status s = CollectEvents(store, eq, kMaxTimelineEntries, &entries, &truncated); !s.ok()) {
      return s;
    }
  }
  SortTimeline(&entries);
  *out = RenderTimeline(entries, format, truncated);
  return Status::OK();
}

Status HealthJson(Store& store, const Params& params, json* out) {
  if (Status s = CheckKnown(params, {}); !s.ok()) return s;
  StoreStats stats;
  if (Status s = store.Stats(&stats); !s.ok()) return s;
  *out = {{"status", "ok"}, {"schema_version", kSchemaVersion}, {"stats", StatsToJson(stats)}};
  return Status::OK();
}

}  // namespace tkg::api
