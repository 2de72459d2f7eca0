// The real binary: `tkg serve` on a free port, stopped by SIGTERM; `tkg query` printing the same
// JSON as the API; usage and store errors with their exit codes.
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "api_fixture.h"

using nlohmann::json;
using tkg::testing::BackgroundProcess;
using tkg::testing::FreePort;
using tkg::testing::Ids;
using tkg::testing::RunCommand;
using tkg::testing::ServedStore;
using tkg::testing::StatementIds;
using tkg::testing::TempDir;
using tkg::testing::TkgBinary;
using tkg::testing::WaitForHealthy;

TEST_CASE("tkg serve answers over HTTP and stops cleanly on SIGTERM", "[api][cli]") {
  TempDir dir;
  std::string store = dir.Join("store");
  tkg::testing::MakeFilledStore(store);
  int port = FreePort();
  BackgroundProcess server(
      {TkgBinary(), "serve", "--db", store, "--port", std::to_string(port), "--threads", "2"});
  REQUIRE(WaitForHealthy(server, port));

  httplib::Client c("127.0.0.1", port);
  auto res = c.Get("/v1/statements?topic=cybersecurity&speaker=Voss");
  REQUIRE(res);
  CHECK(res->status == 200);
  auto ids = Ids();
  CHECK(StatementIds(json::parse(res->body)) ==
        std::vector<std::string>{ids.s_priority, ids.s_grid, ids.s_analysts});
  auto missing = c.Get("/v1/articles/a0000000000000000");
  REQUIRE(missing);
  CHECK(missing->status == 404);

  CHECK(server.Stop() == 0);
}

TEST_CASE("tkg serve: usage and store errors", "[api][cli]") {
  auto help = RunCommand({TkgBinary(), "serve", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--port") != std::string::npos);

  auto no_db = RunCommand({TkgBinary(), "serve"});
  CHECK(no_db.exit_code == 2);
  CHECK(no_db.err.find("--db") != std::string::npos);

  auto bad_port = RunCommand({TkgBinary(), "serve", "--db", "/tmp", "--port", "70000"});
  CHECK(bad_port.exit_code == 2);
  CHECK(bad_port.err.find("70000") != std::string::npos);

  TempDir dir;
  auto missing = RunCommand({TkgBinary(), "serve", "--db", dir.Join("absent"), "--port", "0"});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.find(dir.Join("absent")) != std::string::npos);
}

TEST_CASE("tkg query statements prints the same JSON as the API", "[api][cli]") {
  TempDir dir;
  std::string store = dir.Join("store");
  tkg::testing::MakeFilledStore(store);

  struct Case {
    std::vector<std::string> flags;
    std::string query;
  };
  const std::vector<Case> cases = {
      {{"--topic", "cybersecurity"}, "topic=cybersecurity"},
      {{"--speaker", "Minister Voss", "--from", "2016-03"}, "speaker=Minister%20Voss&from=2016-03"},
      {{"--outlet", "Valley Courier", "--limit", "2"}, "outlet=Valley%20Courier&limit=2"},
      {{"--q", "analysts"}, "q=analysts"},
      {{"--min-confidence", "0.82"}, "min_confidence=0.82"},
  };
  std::vector<std::string> printed;
  for (const auto& c : cases) {
    std::vector<std::string> argv = {TkgBinary(), "query", "statements", "--db", store};
    argv.insert(argv.end(), c.flags.begin(), c.flags.end());
    auto r = RunCommand(argv);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    printed.push_back(r.out);
  }
  ServedStore served(store);
  for (size_t i = 0; i < cases.size(); ++i) {
    auto res = served.Get("/v1/statements?" + cases[i].query);
    INFO(cases[i].query);
    REQUIRE(res->status == 200);
    CHECK(printed[i] == res->body + "\n");  // byte for byte
    CHECK(!json::parse(printed[i])["statements"].empty());
  }
}

TEST_CASE("tkg query: other queries, usage errors and exit codes", "[api][cli]") {
  TempDir dir;
  std::string store = dir.Join("store");
  tkg::testing::MakeFilledStore(store);
  auto ids = Ids();

  auto actors = RunCommand({TkgBinary(), "query", "actors", "--db", store, "--q", "Fa"});
  REQUIRE(actors.exit_code == 0);
  CHECK(json::parse(actors.out)["actors"][0]["id"] == ids.falk);

  auto actor = RunCommand({TkgBinary(), "query", "actor", "--db", store, "Minister Voss"});
  REQUIRE(actor.exit_code == 0);
  CHECK(json::parse(actor.out)["id"] == ids.voss);

  auto events = RunCommand(
      {TkgBinary(), "query", "events", "--db", store, "--participant", "Falk", "--pretty"});
  REQUIRE(events.exit_code == 0);
  CHECK(json::parse(events.out)["events"][0]["id"] == ids.e_meeting);
  CHECK(events.out.find("\n  ") != std::string::npos);  // indented

  auto timeline = RunCommand({TkgBinary(), "query", "timeline", "--db", store, "--topic", "trade",
                              "--format", "timelinejs"});
  REQUIRE(timeline.exit_code == 0);
  CHECK(json::parse(timeline.out)["events"][0]["start_date"] ==
        json({{"year", 2016}, {"month", 3}}));

  auto help = RunCommand({TkgBinary(), "query", "statements", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--speaker") != std::string::npos);
  auto list = RunCommand({TkgBinary(), "query", "--help"});
  CHECK(list.exit_code == 0);
  CHECK(list.out.find("statements") != std::string::npos);

  auto bad_date =
      RunCommand({TkgBinary(), "query", "statements", "--db", store, "--from", "2016-13"});
  CHECK(bad_date.exit_code == 2);
  CHECK(bad_date.err.find("--from") != std::string::npos);
  CHECK(bad_date.err.find("2016-13") != std::string::npos);

  auto bad_limit = RunCommand({TkgBinary(), "query", "statements", "--db", store, "--limit", "0"});
  CHECK(bad_limit.exit_code == 2);
  CHECK(bad_limit.err.find("--limit") != std::string::npos);

  auto unknown = RunCommand({TkgBinary(), "query", "actor", "--db", store, "p0000000000000000"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("p0000000000000000") != std::string::npos);

  auto no_db = RunCommand({TkgBinary(), "query", "statements"});
  CHECK(no_db.exit_code == 2);
  auto what = RunCommand({TkgBinary(), "query", "sayings"});
  CHECK(what.exit_code == 2);
  CHECK(what.err.find("sayings") != std::string::npos);
  auto missing = RunCommand({TkgBinary(), "query", "statements", "--db", dir.Join("absent")});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.find(dir.Join("absent")) != std::string::npos);
}
