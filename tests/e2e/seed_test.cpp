// The main job on the seed article of ../shared/corpus/seed (a real news article, read from there
// and never copied into the project): import it, serve it, ask who said what about
// cybersecurity and when. Skips cleanly on a bare clone without ../shared.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "test_support.h"

using nlohmann::json;
using tkg::testing::BackgroundProcess;
using tkg::testing::FreePort;
using tkg::testing::RunCommand;
using tkg::testing::SharedDir;
using tkg::testing::TempDir;
using tkg::testing::TkgBinary;

TEST_CASE("the seed article: Xi Jinping on cybersecurity, dated, over HTTP", "[e2e][shared]") {
  auto shared = SharedDir();
  if (!shared) {
    WARN("../shared is absent: skipped");
    return;
  }
  std::string seed = *shared + "/corpus/seed";
  if (!std::filesystem::is_directory(seed)) {
    WARN(seed << " is absent: skipped");
    return;
  }
  TempDir dir;
  std::string store = dir.Join("store");
  auto imported = RunCommand({TkgBinary(), "import", "--db", store, "--quiet", seed});
  INFO(imported.err << imported.out);
  REQUIRE(imported.exit_code == 0);

  int port = FreePort();
  BackgroundProcess server({TkgBinary(), "serve", "--db", store, "--port", std::to_string(port)});
  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(0, 200000);
  REQUIRE(tkg::testing::WaitForHealthy(server, port));
  c.set_read_timeout(20);

  auto res = c.Get("/v1/statements?topic=cybersecurity&limit=1000");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  json cyber = json::parse(res->body);
  // Xi Jinping spoke on Monday 2016-04-18 (the article is dated Thursday 2016-04-21).
  bool xi_dated = false;
  for (const auto& s : cyber["statements"]) {
    xi_dated |= s["speaker"]["name"] == "Xi Jinping" && s["date"] == "2016-04-18" &&
                s["precision"] == "day";
  }
  CHECK(xi_dated);

  // "Xi" is an alias of Xi Jinping; his statements form a timeline on that day.
  auto xi = c.Get("/v1/statements?speaker=Xi&limit=1000");
  REQUIRE(xi);
  REQUIRE(xi->status == 200);
  json xi_statements = json::parse(xi->body)["statements"];
  CHECK(!xi_statements.empty());
  for (const auto& s : xi_statements) CHECK(s["speaker"]["name"] == "Xi Jinping");

  auto tl = c.Get("/v1/timeline?speaker=Xi&format=timelinejs");
  REQUIRE(tl);
  REQUIRE(tl->status == 200);
  bool on_day = false;
  json timeline = json::parse(tl->body);
  for (const auto& e : timeline["events"]) {
    on_day |= e["start_date"] == json({{"year", 2016}, {"month", 4}, {"day", 18}});
  }
  CHECK(on_day);
  CHECK(server.Stop() == 0);
}
