// The JSON views as pure functions: timeline dates of every precision, escaping, invalid UTF-8.
#include "tkg/api/json_views.h"

#include <catch2/catch.hpp>

#include "tkg/schema/time_value.h"

using nlohmann::json;
using tkg::api::TimelineEntry;

namespace {

TimelineEntry StatementOn(const std::string& id, const std::string& date) {
  TimelineEntry e;
  e.statement.statement.id = id;
  e.statement.statement.speaker = "Ines <Roth>";
  e.statement.statement.speaker_id = "pfeedfeedfeedfeed";
  e.statement.statement.cue = "said";
  e.statement.statement.text = "prices & wages would rise";
  e.statement.article_outlet = "Lakeside Post";
  if (!date.empty()) e.statement.statement.date = *tkg::ParseTimeValue(date);
  return e;
}

json StartOf(const json& timeline, const std::string& id) {
  for (const auto& e : timeline["events"])
    if (e["unique_id"] == id) return e["start_date"];
  return nullptr;
}

}  // namespace

TEST_CASE("TimelineJS start dates follow the precision of each date", "[api][views]") {
  std::vector<TimelineEntry> entries = {
      StatementOn("day", "2016-04-18"),
      StatementOn("month", "2016-04"),
      StatementOn("year", "2016"),
      StatementOn("decade", "199"),
      StatementOn("quarter", "2016-Q2"),
      StatementOn("week", "2016-W15"),
      StatementOn("minute", "2016-04-18T14:05"),
      StatementOn("undated", ""),
      StatementOn("present", "PRESENT_REF"),
  };
  tkg::api::SortTimeline(&entries);
  json t = tkg::api::TimelineJs(entries);
  auto as_json = [](const tkg::api::Json& j) { return json::parse(tkg::api::Dump(j)); };
  json tj = as_json(t);

  CHECK(StartOf(tj, "day") == json({{"year", 2016}, {"month", 4}, {"day", 18}}));
  CHECK(StartOf(tj, "month") == json({{"year", 2016}, {"month", 4}}));
  CHECK(StartOf(tj, "year") == json({{"year", 2016}}));
  CHECK(StartOf(tj, "decade") == json({{"year", 1990}, {"display_date", "199"}}));
  CHECK(StartOf(tj, "quarter") ==
        json({{"year", 2016}, {"month", 4}, {"display_date", "2016-Q2"}}));
  CHECK(StartOf(tj, "week")["display_date"] == "2016-W15");
  CHECK(!StartOf(tj, "week").contains("day"));
  CHECK(StartOf(tj, "minute") ==
        json({{"year", 2016}, {"month", 4}, {"day", 18}, {"hour", 14}, {"minute", 5}}));
  // No calendar interval, no place on the timeline.
  CHECK(StartOf(tj, "undated").is_null());
  CHECK(StartOf(tj, "present").is_null());
  CHECK(tj["events"].size() == 7);
  // Sorted by first day: the 1990s first.
  CHECK(tj["events"][0]["unique_id"] == "decade");

  // TimelineJS renders HTML: names and text are escaped.
  const json& first = tj["events"][0];
  CHECK(first["text"]["headline"] == "Ines &lt;Roth&gt; said");
  CHECK(first["text"]["text"].get<std::string>().find("prices &amp; wages") != std::string::npos);

  json vis = as_json(tkg::api::VisTimeline(entries));
  for (const auto& item : vis["items"]) {
    if (item["id"] == "quarter") {
      CHECK(item["start"] == "2016-04-01");
      CHECK(item["end"] == "2016-07-01");
      CHECK(item["type"] == "range");
    }
    if (item["id"] == "day") CHECK(item["type"] == "point");
  }
  CHECK(vis["groups"].size() == 1);
}

TEST_CASE("statement JSON: null for what is unknown, invalid UTF-8 replaced", "[api][views]") {
  tkg::StatementView v;
  v.statement.id = "s1";
  v.statement.text = std::string("broken \xff byte");
  v.statement.confidence = 0.8f;
  tkg::api::Json j = tkg::api::StatementToJson(v);
  json parsed = json::parse(tkg::api::Dump(j));
  CHECK(parsed["speaker"]["id"].is_null());
  CHECK(parsed["date"].is_null());
  CHECK(parsed["precision"].is_null());
  CHECK(parsed["date_basis"] == "none");
  CHECK(parsed["article"]["url"].is_null());
  CHECK(parsed["confidence"] == 0.8);
  CHECK(parsed["text"] == "broken \xef\xbf\xbd byte");
  // Members in a fixed, readable order: id first.
  CHECK(tkg::api::Dump(j).rfind("{\"id\":\"s1\",\"speaker\":", 0) == 0);
}
