// A store that changes while it is served: `tkg serve` follows another process's writes, and an
// updated article keeps its older statements as history.
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "api_fixture.h"

using nlohmann::json;
using tkg::testing::BackgroundProcess;
using tkg::testing::FreePort;
using tkg::testing::Ids;
using tkg::testing::ServedStore;
using tkg::testing::StatementIds;
using tkg::testing::TempDir;
using tkg::testing::TkgBinary;

TEST_CASE("tkg serve answers what is written while it serves", "[api][cli]") {
  TempDir dir;
  std::string store_dir = dir.Join("store");
  tkg::testing::MakeFilledStore(store_dir);
  int port = FreePort();
  BackgroundProcess server({TkgBinary(), "serve", "--db", store_dir, "--port", std::to_string(port),
                            "--catch-up-ms", "200"});
  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(0, 200000);
  REQUIRE(tkg::testing::WaitForHealthy(server, port));
  auto before = c.Get("/v1/statements?q=cameras");
  REQUIRE(before);
  REQUIRE(json::parse(before->body)["statements"].empty());

  // Another writer (as `tkg import` would be) adds an article; the server holds no lock.
  {
    std::unique_ptr<tkg::Store> writer;
    tkg::Status s = tkg::Store::Open(tkg::StoreOptions(), store_dir, &writer);
    INFO(s.ToString());
    REQUIRE(s.ok());
    tkg::PutOutcome outcome;
    REQUIRE(writer->PutArticle(tkg::testing::LakesideArticle(), &outcome).ok());
    CHECK(outcome == tkg::PutOutcome::kInserted);
  }
  json found;
  for (int i = 0; i < 100; ++i) {
    auto res = c.Get("/v1/statements?q=cameras");
    REQUIRE(res);
    found = json::parse(res->body);
    if (!found["statements"].empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  REQUIRE(found["statements"].size() == 1);
  CHECK(found["statements"][0]["speaker"]["name"] == "Ines Roth");
  CHECK(found["statements"][0]["date"] == "2016-05-02");
  CHECK(server.Stop() == 0);
}

TEST_CASE("an updated article answers from its new version, history on request", "[api]") {
  ServedStore s;
  auto ids = Ids();
  tkg::PutOutcome outcome;
  REQUIRE(s.store().PutArticle(tkg::testing::UpdatedLedger(), &outcome).ok());
  REQUIRE(outcome == tkg::PutOutcome::kUpdated);

  json now =
      s.GetJson("/v1/statements?outlet=" + httplib::detail::encode_query_param("Harbor Ledger"));
  REQUIRE(now["statements"].size() == 1);
  CHECK(now["statements"][0]["text"] == "the ministry would hire 250 analysts");
  CHECK(now["statements"][0]["superseded"] == false);
  CHECK(now["statements"][0]["article"]["version"] == 2);

  json all = s.GetJson("/v1/statements?q=analysts&include_superseded=true");
  REQUIRE(all["statements"].size() == 2);
  int superseded = 0;
  for (const auto& st : all["statements"]) {
    if (st["superseded"] == true) {
      ++superseded;
      CHECK(st["id"] == ids.s_analysts);
      CHECK(st["text"] == "the ministry would hire 200 analysts");
      CHECK(st["article"]["version"] == 1);
      // Its evidence is the sentence of the old version.
      CHECK(st["evidence"]["sentence"] ==
            "Voss told reporters that the ministry would hire 200 analysts.");
    }
  }
  CHECK(superseded == 1);

  json article = s.GetJson("/v1/articles/" + ids.ledger_article);
  CHECK(article["article"]["version"] == 2);
  REQUIRE(article["article"]["versions"].size() == 2);
  CHECK(article["article"]["versions"][1]["current"] == true);
  CHECK(article["statements"].size() == 1);
  CHECK(article["statements"][0]["article"]["version"] == 2);

  json health = s.GetJson("/healthz");
  CHECK(health["stats"]["articles"] == 2);
  CHECK(health["stats"]["statements"] == 4);
  CHECK(health["stats"]["superseded_statements"] == 3);

  int status = 0;
  s.GetJson("/v1/statements?include_superseded=maybe", &status);
  CHECK(status == 400);
}
