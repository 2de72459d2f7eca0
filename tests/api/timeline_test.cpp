// GET /v1/timeline in TimelineJS and vis-timeline form.
#include <catch2/catch.hpp>

#include "api_fixture.h"

using nlohmann::json;
using tkg::testing::Ids;
using tkg::testing::ServedStore;

namespace {

std::string Enc(const std::string& v) { return httplib::detail::encode_query_param(v); }

const json* FindEvent(const json& timeline, const std::string& id) {
  for (const auto& e : timeline["events"])
    if (e["unique_id"] == id) return &e;
  return nullptr;
}

const json* FindItem(const json& timeline, const std::string& id) {
  for (const auto& e : timeline["items"])
    if (e["id"] == id) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("TimelineJS: month and day only where the date has them", "[api][timeline]") {
  ServedStore s;
  auto ids = Ids();
  int status = 0;
  json t = s.GetJson("/v1/timeline?format=timelinejs", &status);
  REQUIRE(status == 200);
  REQUIRE(t["events"].is_array());
  // Five dated statements; the undated one has no place on a timeline.
  CHECK(t["events"].size() == 5);
  CHECK(FindEvent(t, ids.s_command) == nullptr);

  const json* day = FindEvent(t, ids.s_grid);
  REQUIRE(day);
  CHECK(day->at("start_date") == json({{"year", 2016}, {"month", 3}, {"day", 15}}));
  CHECK(day->at("text")["headline"] == "Alda Voss said");
  CHECK(day->at("text")["text"].get<std::string>().find("attacks on the power grid had doubled") !=
        std::string::npos);
  CHECK(day->at("group") == "Alda Voss");

  const json* month = FindEvent(t, ids.s_tariffs);
  REQUIRE(month);
  CHECK(month->at("start_date") == json({{"year", 2016}, {"month", 3}}));

  const json* year = FindEvent(t, ids.s_priority);
  REQUIRE(year);
  CHECK(year->at("start_date") == json({{"year", 2015}}));

  // Sorted by date.
  CHECK(t["events"][0]["unique_id"] == ids.s_priority);
}

TEST_CASE("TimelineJS is the default, filters apply, a speaker's timeline holds their events",
          "[api][timeline]") {
  ServedStore s;
  auto ids = Ids();
  json t = s.GetJson("/v1/timeline?topic=" + Enc("cyber deterrence"));
  REQUIRE(t["events"].size() == 2);
  CHECK(t["events"][0]["unique_id"] == ids.s_priority);
  CHECK(t["events"][1]["unique_id"] == ids.s_strike);

  json falk = s.GetJson("/v1/timeline?speaker=" + Enc("General Falk"));
  // s_strike (2016-04-01) and the meeting (2016-04-01); s_command is undated.
  REQUIRE(falk["events"].size() == 2);
  CHECK(FindEvent(falk, ids.e_meeting) != nullptr);
  CHECK(FindEvent(falk, ids.s_strike) != nullptr);

  json ranged = s.GetJson("/v1/timeline?from=2016-03-16&to=2016-03-20");
  REQUIRE(ranged["events"].size() == 2);  // s_tariffs (2016-03) and s_analysts (2016-03-18)
}

TEST_CASE("vis-timeline items and groups", "[api][timeline]") {
  ServedStore s;
  auto ids = Ids();
  int status = 0;
  json v = s.GetJson("/v1/timeline?format=vis", &status);
  REQUIRE(status == 200);
  REQUIRE(v["items"].is_array());
  REQUIRE(v["groups"].is_array());
  CHECK(v["items"].size() == 5);

  const json* day = FindItem(v, ids.s_grid);
  REQUIRE(day);
  CHECK(day->at("start") == "2016-03-15");
  CHECK(!day->contains("end"));
  CHECK(day->at("group") == ids.voss);
  CHECK(day->at("content").get<std::string>().find("power grid") != std::string::npos);
  CHECK(day->at("title").get<std::string>().find("Alda Voss") != std::string::npos);

  // A month is a range over the month.
  const json* month = FindItem(v, ids.s_tariffs);
  REQUIRE(month);
  CHECK(month->at("start") == "2016-03-01");
  CHECK(month->at("end") == "2016-04-01");
  CHECK(month->at("type") == "range");

  std::set<std::string> groups;
  for (const auto& g : v["groups"]) {
    groups.insert(g["id"].get<std::string>());
    CHECK(g["content"].is_string());
  }
  CHECK(groups == std::set<std::string>{ids.voss, ids.karr, ids.falk});

  json list = s.GetJson("/v1/timeline?format=list&speaker=Voss");
  REQUIRE(list["entries"].size() == 4);  // three statements and the meeting
  CHECK(list["entries"][3]["kind"] == "event");

  json actor_vis = s.GetJson("/v1/actors/" + ids.falk + "/timeline?format=vis");
  CHECK(actor_vis["items"].size() == 2);
}
