// GET /v1/statements and the other read endpoints over a real store, through the real server.
#include <catch2/catch.hpp>

#include "api_fixture.h"

using nlohmann::json;
using tkg::testing::Ids;
using tkg::testing::ServedStore;
using tkg::testing::StatementIds;

namespace {

std::string Enc(const std::string& v) { return httplib::detail::encode_query_param(v); }

}  // namespace

TEST_CASE("healthz reports the store's counts", "[api]") {
  ServedStore s;
  int status = 0;
  std::string type;
  json j = s.GetJson("/healthz", &status, &type);
  CHECK(status == 200);
  CHECK(type.rfind("application/json", 0) == 0);
  // Browser timelines served from elsewhere may read the API.
  CHECK(s.Get("/healthz")->get_header_value("Access-Control-Allow-Origin") == "*");
  CHECK(j["status"] == "ok");
  CHECK(j["stats"]["articles"] == 2);
  CHECK(j["stats"]["statements"] == 6);
  CHECK(j["stats"]["events"] == 1);
}

TEST_CASE("statements about a topic include its subtopics, sorted by date, undated last", "[api]") {
  ServedStore s;
  auto ids = Ids();
  int status = 0;
  json j = s.GetJson("/v1/statements?topic=cybersecurity", &status);
  REQUIRE(status == 200);
  CHECK(StatementIds(j) == std::vector<std::string>{ids.s_priority, ids.s_grid, ids.s_analysts,
                                                    ids.s_strike, ids.s_command});
  CHECK(j["next_cursor"].is_null());

  // Only the subtopic.
  json d = s.GetJson("/v1/statements?topic=" + Enc("cyber deterrence"));
  CHECK(StatementIds(d) == std::vector<std::string>{ids.s_priority, ids.s_strike});
  // An unrelated topic.
  json t = s.GetJson("/v1/statements?topic=trade");
  CHECK(StatementIds(t) == std::vector<std::string>{ids.s_tariffs});
}

TEST_CASE("a statement carries speaker, date with precision, article and evidence", "[api]") {
  ServedStore s;
  auto ids = Ids();
  json j = s.GetJson("/v1/statements?topic=" + Enc("cyber deterrence"));
  REQUIRE(j["statements"].size() == 2);
  const json& p = j["statements"][0];  // Voss, 2015
  CHECK(p["id"] == ids.s_priority);
  CHECK(p["speaker"]["id"] == ids.voss);
  CHECK(p["speaker"]["name"] == "Alda Voss");
  CHECK(p["cue"] == "said");
  CHECK(p["text"] == "cyber deterrence was a priority");
  CHECK(p["date"] == "2015");
  CHECK(p["precision"] == "year");
  CHECK(p["date_basis"] == "explicit");
  CHECK(p["date_interval"]["from"] == "2015-01-01");
  CHECK(p["date_interval"]["to"] == "2015-12-31");
  CHECK(p["published"] == "2016-04-02");
  CHECK(p["topics"] == json::array({"cyber deterrence", "cybersecurity"}));
  CHECK(p["article"]["id"] == ids.courier_article);
  CHECK(p["article"]["outlet"] == "Valley Courier");
  CHECK(p["article"]["headline"] == "Deterrence debate heats up");
  CHECK(p["article"]["url"] == "https://valley-courier.example/deterrence-debate");
  CHECK(p["evidence"]["article_id"] == ids.courier_article);
  CHECK(p["evidence"]["sentence"] ==
        "Minister Voss said last year that cyber deterrence was a priority.");
  REQUIRE(p["evidence"]["span"].size() == 2);
  CHECK(p["evidence"]["span"][1].get<int>() - p["evidence"]["span"][0].get<int>() ==
        static_cast<int>(p["evidence"]["sentence"].get<std::string>().size()));
  CHECK(p["evidence"]["source_span"].size() == 2);
  CHECK(p["evidence"]["cue_span"].size() == 2);
  CHECK(p["rule"] == "test.hand_written");
  CHECK(p["confidence"] == 0.75);

  // The evidence span points into the stored article text.
  json a = s.GetJson("/v1/articles/" + ids.courier_article + "?text=true");
  std::string text = a["article"]["text"];
  int b = p["evidence"]["span"][0], e = p["evidence"]["span"][1];
  CHECK(text.substr(b, e - b) == p["evidence"]["sentence"].get<std::string>());
  int cb = p["evidence"]["cue_span"][0], ce = p["evidence"]["cue_span"][1];
  CHECK(text.substr(cb, ce - cb) == "said");

  // An undated statement says so.
  json c = s.GetJson("/v1/statements?speaker=" + Enc("Oren Falk") + "&q=command");
  REQUIRE(c["statements"].size() == 1);
  CHECK(c["statements"][0]["date"].is_null());
  CHECK(c["statements"][0]["date_basis"] == "none");
  CHECK(c["statements"][0]["date_interval"].is_null());
}

TEST_CASE("speaker by id, canonical name or alias", "[api]") {
  ServedStore s;
  auto ids = Ids();
  const std::vector<std::string> voss = {ids.s_priority, ids.s_grid, ids.s_analysts};
  CHECK(StatementIds(s.GetJson("/v1/statements?speaker=" + ids.voss)) == voss);
  CHECK(StatementIds(s.GetJson("/v1/statements?speaker=" + Enc("Alda Voss"))) == voss);
  CHECK(StatementIds(s.GetJson("/v1/statements?speaker=" + Enc("Minister Voss"))) == voss);
  CHECK(StatementIds(s.GetJson("/v1/statements?speaker=Voss")) == voss);
  CHECK(StatementIds(s.GetJson("/v1/statements?speaker=" + Enc("Nobody Known"))).empty());
}

TEST_CASE("outlet, words and confidence filters", "[api]") {
  ServedStore s;
  auto ids = Ids();
  CHECK(StatementIds(s.GetJson("/v1/statements?outlet=" + Enc("Valley Courier"))) ==
        std::vector<std::string>{ids.s_priority, ids.s_strike, ids.s_command});
  CHECK(StatementIds(s.GetJson("/v1/statements?q=analysts")) ==
        std::vector<std::string>{ids.s_analysts});
  CHECK(StatementIds(s.GetJson("/v1/statements?q=" + Enc("POWER grid"))) ==
        std::vector<std::string>{ids.s_grid});
  CHECK(StatementIds(s.GetJson("/v1/statements?min_confidence=0.82")) ==
        std::vector<std::string>{ids.s_grid, ids.s_strike});
  // Filters combine.
  CHECK(StatementIds(s.GetJson("/v1/statements?topic=cybersecurity&outlet=" + Enc("Harbor Ledger") +
                               "&speaker=Voss")) ==
        std::vector<std::string>{ids.s_grid, ids.s_analysts});
}

TEST_CASE("date ranges match by overlap, keeping each date's precision", "[api]") {
  ServedStore s;
  auto ids = Ids();
  // A month-precision statement (2016-03) lies inside a range that starts mid-March.
  json j = s.GetJson("/v1/statements?from=2016-03-16&to=2016-03-31");
  CHECK(StatementIds(j) == std::vector<std::string>{ids.s_tariffs, ids.s_analysts});
  for (const auto& st : j["statements"]) {
    if (st["id"] == ids.s_tariffs) {
      CHECK(st["date"] == "2016-03");
      CHECK(st["precision"] == "month");
    }
  }
  // One day.
  CHECK(StatementIds(s.GetJson("/v1/statements?from=2016-03-15&to=2016-03-15")) ==
        std::vector<std::string>{ids.s_tariffs, ids.s_grid});
  // A year-precision statement overlaps any range inside its year; undated ones never match.
  CHECK(StatementIds(s.GetJson("/v1/statements?from=2015-06&to=2015-06")) ==
        std::vector<std::string>{ids.s_priority});
  // Open-ended ranges and coarse bounds.
  CHECK(StatementIds(s.GetJson("/v1/statements?from=2016-04")) ==
        std::vector<std::string>{ids.s_strike});
  CHECK(StatementIds(s.GetJson("/v1/statements?to=2015")) ==
        std::vector<std::string>{ids.s_priority});
  CHECK(StatementIds(s.GetJson("/v1/statements?topic=cybersecurity&from=2016&to=2016")) ==
        std::vector<std::string>{ids.s_grid, ids.s_analysts, ids.s_strike});
}

TEST_CASE("pagination walks every statement once, in order", "[api]") {
  ServedStore s;
  json all = s.GetJson("/v1/statements");
  auto expected = StatementIds(all);
  REQUIRE(expected.size() == 6);
  for (int limit : {1, 2, 4}) {
    std::vector<std::string> seen;
    std::string path = "/v1/statements?limit=" + std::to_string(limit);
    int pages = 0;
    for (;;) {
      json page = s.GetJson(path);
      REQUIRE(page["statements"].size() <= static_cast<size_t>(limit));
      for (const auto& id : StatementIds(page)) seen.push_back(id);
      ++pages;
      REQUIRE(pages <= 10);
      if (page["next_cursor"].is_null()) break;
      path = "/v1/statements?limit=" + std::to_string(limit) +
             "&cursor=" + Enc(page["next_cursor"].get<std::string>());
    }
    INFO("limit " << limit);
    CHECK(seen == expected);
  }
  // Paging a filtered query keeps the filter.
  json first = s.GetJson("/v1/statements?topic=cybersecurity&limit=3");
  REQUIRE(first["statements"].size() == 3);
  REQUIRE(first["next_cursor"].is_string());
  json second = s.GetJson("/v1/statements?topic=cybersecurity&limit=3&cursor=" +
                          Enc(first["next_cursor"].get<std::string>()));
  CHECK(second["statements"].size() == 2);
  CHECK(second["next_cursor"].is_null());
}

TEST_CASE("actors: search, one actor, its timeline", "[api]") {
  ServedStore s;
  auto ids = Ids();
  json found = s.GetJson("/v1/actors?q=Vo");
  REQUIRE(found["actors"].is_array());
  bool has_voss = false;
  for (const auto& a : found["actors"]) has_voss = has_voss || a["id"] == ids.voss;
  CHECK(has_voss);

  int status = 0;
  json voss = s.GetJson("/v1/actors/" + ids.voss, &status);
  CHECK(status == 200);
  CHECK(voss["name"] == "Alda Voss");
  CHECK(voss["type"] == "person");
  std::vector<std::string> aliases = voss["aliases"];
  CHECK(std::find(aliases.begin(), aliases.end(), "Minister Voss") != aliases.end());
  CHECK(voss["statement_count"] == 3);
  CHECK(voss["article_count"] == 2);

  // By alias too.
  json by_alias = s.GetJson("/v1/actors/" + Enc("Minister Voss"), &status);
  CHECK(status == 200);
  CHECK(by_alias["id"] == ids.voss);

  json tl = s.GetJson("/v1/actors/" + ids.voss + "/timeline", &status);
  REQUIRE(status == 200);
  CHECK(tl["actor"]["id"] == ids.voss);
  std::vector<std::string> order;
  for (const auto& e : tl["entries"]) {
    order.push_back(e["kind"] == "event" ? e["event"]["id"].get<std::string>()
                                         : e["statement"]["id"].get<std::string>());
  }
  CHECK(order ==
        std::vector<std::string>{ids.s_priority, ids.s_grid, ids.s_analysts, ids.e_meeting});
  json ranged = s.GetJson("/v1/actors/" + ids.voss + "/timeline?from=2016-04");
  REQUIRE(ranged["entries"].size() == 1);
  CHECK(ranged["entries"][0]["kind"] == "event");
}

TEST_CASE("events by participant, type and date", "[api]") {
  ServedStore s;
  auto ids = Ids();
  json j = s.GetJson("/v1/events?participant=" + Enc("Oren Falk"));
  REQUIRE(j["events"].size() == 1);
  const json& e = j["events"][0];
  CHECK(e["id"] == ids.e_meeting);
  CHECK(e["type"] == "meeting");
  CHECK(e["date"] == "2016-04-01");
  CHECK(e["precision"] == "day");
  CHECK(e["participants"].size() == 2);
  CHECK(s.GetJson("/v1/events?type=meeting")["events"].size() == 1);
  CHECK(s.GetJson("/v1/events?participant=Karr")["events"].empty());
  CHECK(s.GetJson("/v1/events?from=2016-05")["events"].empty());
  CHECK(s.GetJson("/v1/events?from=2016-04&to=2016-04")["events"].size() == 1);
}

TEST_CASE("an article with its statements, and the topic list", "[api]") {
  ServedStore s;
  auto ids = Ids();
  int status = 0;
  json a = s.GetJson("/v1/articles/" + ids.ledger_article, &status);
  REQUIRE(status == 200);
  CHECK(a["article"]["id"] == ids.ledger_article);
  CHECK(a["article"]["outlet"] == "Harbor Ledger");
  CHECK(a["article"]["headline"] == "Minister warns of network attacks");
  CHECK(a["article"]["published"] == "2016-03-18T09:30:00+01:00");
  CHECK(!a["article"].contains("text"));
  CHECK(StatementIds(a) == std::vector<std::string>{ids.s_grid, ids.s_analysts, ids.s_tariffs});
  CHECK(a["statements"][0]["article"]["outlet"] == "Harbor Ledger");
  CHECK(a["statements"][0]["evidence"]["sentence"] ==
        "Interior Minister Alda Voss said on Tuesday that attacks on the power grid had doubled.");

  json t = s.GetJson("/v1/topics", &status);
  REQUIRE(status == 200);
  bool sub = false;
  for (const auto& topic : t["topics"]) {
    if (topic["name"] == "cyber deterrence") sub = topic["parent"] == "cybersecurity";
  }
  CHECK(sub);
}

TEST_CASE("the API answers concurrent clients on keep-alive connections", "[api]") {
  ServedStore s;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      httplib::Client c("127.0.0.1", s.port());
      c.set_keep_alive(true);
      for (int i = 0; i < 25; ++i) {
        auto res = c.Get("/v1/statements?topic=cybersecurity&limit=2");
        if (res && res->status == 200) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(ok == 100);
}
