// JSON views of the records and query results, shared by the HTTP API and `tkg query` so that
// both print the same JSON. Pure functions: records in, Json out, no storage.
//
// A statement looks like:
//   {"id": "s…", "speaker": {"id": "p…", "name": "Xi Jinping"}, "cue": "said", "text": "…",
//    "direct": false, "date": "2016-03" | null, "precision": "month", "date_basis": "explicit",
//    "date_interval": {"from": "2016-03-01", "to": "2016-03-31"} | null,
//    "published": "2016-04-21T22:02:00-04:00", "topics": ["cybersecurity", …],
//    "reported_by": [{"id": "o…", "name": "Xinhua"}],
//    "article": {"id": "a…", "outlet": "…", "headline": "…", "url": "…", "version": 1},
//    "evidence": {"article_id": "a…", "span": [b, e], "sentence": "…", "source_span": [b, e],
//                 "cue_span": [b, e], "text_span": [b, e]},
//    "rule": "…", "confidence": 0.9, "superseded": false}
// Spans are UTF-8 byte offsets into the article text, end exclusive. Invalid UTF-8 in stored text
// is replaced when dumping (see Dump).
//
// Thread safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tkg/engine/store.h"
#include "tkg/schema/types.h"

namespace tkg::api {

// Objects keep their members in the order written (id first), which reads better than sorted.
using Json = nlohmann::ordered_json;

// Serialises compactly; invalid UTF-8 is replaced by U+FFFD instead of throwing.
std::string Dump(const Json& j, int indent = -1);

Json SpanToJson(Span s);
Json StatementToJson(const StatementView& view);
// {"statements": [...], "next_cursor": "…" | null}
Json StatementPageToJson(const StatementPage& page);
Json ActorToJson(const ActorView& view);
Json EventToJson(const Event& event);
// Article metadata; the text itself only when `with_text`.
Json ArticleToJson(const Article& article, bool with_text);
Json TopicToJson(const Topic& topic);
Json StatsToJson(const StoreStats& stats);
Json VersionToJson(const ArticleVersionInfo& version);

// A statement of an article read back as a whole (GET /v1/articles/{id}): the view a query would
// have returned for it.
StatementView MakeStatementView(const Article& article, const Statement& statement);

// One entry of a timeline: a statement or an event.
struct TimelineEntry {
  bool is_event = false;
  StatementView statement;  // when !is_event
  Event event;              // when is_event
  const TimeValue& date() const { return is_event ? event.date : statement.statement.date; }
};

// Orders entries by the first day of their date, undated ones last; stable otherwise.
void SortTimeline(std::vector<TimelineEntry>* entries);

// {"entries": [{"kind": "statement", "statement": {...}} | {"kind": "event", "event": {...}}]}
Json TimelineToJson(const std::vector<TimelineEntry>& entries);

// TimelineJS 3: {"events": [{"start_date": {"year", "month"?, "day"?, "hour"?, "minute"?,
// "display_date"?}, "text": {"headline", "text"}, "group", "unique_id"}]}. Month and day appear
// only where the date has them (a "2016-03" statement has year and month only); periods between
// a year and a month (half, quarter, season, week) give the year and the month they start in,
// with the TimeML value as display_date. Undated entries are left out.
Json TimelineJs(const std::vector<TimelineEntry>& entries);

// vis-timeline: {"items": [{"id", "content", "start", "end"?, "type", "group", "title"}],
// "groups": [{"id", "content"}]}. A date coarser than a day becomes a range item spanning its
// interval ("end" is the day after its last day, exclusive as vis expects). Undated entries are
// left out.
Json VisTimeline(const std::vector<TimelineEntry>& entries);

}  // namespace tkg::api
