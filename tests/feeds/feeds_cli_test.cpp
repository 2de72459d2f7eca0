// `tkg import` with a feed URL, a feed list and a WARC file among its arguments.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "feeds_fixture.h"

using namespace tkg::feedtest;
using tkg::testing::RunCommand;
using tkg::testing::SourcePath;
using tkg::testing::TempDir;
using tkg::testing::TkgBinary;

TEST_CASE("tkg import takes feed URLs, feed lists and WARC files beside article files",
          "[feeds][cli]") {
  FeedServer server;
  TempDir dir;
  const std::string list = dir.Join("feeds.txt");
  tkg::testing::WriteFile(
      list, "# hourly feeds\n" + server.Url("/atom.xml") + "\n\n" + server.Url("/feed.xml") + "\n");
  auto run = [&] {
    return RunCommand({TkgBinary(), "import", "--db", dir.Join("db"), "--quiet",
                       server.Url("/feed.xml"), list,
                       SourcePath("tests/fixtures/feeds/small.warc.gz")});
  };
  auto r = run();
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["imported"] == 3 + 1 + 2);
  CHECK(j["failed"] == 0);
  CHECK(server.Hits("/feed.xml") == 1);  // named twice, polled once per run

  auto again = run();
  INFO(again.out << again.err);
  REQUIRE(again.exit_code == 0);
  auto j2 = nlohmann::json::parse(again.out);
  CHECK(j2["imported"] == 0);
  CHECK(j2["unchanged"] == 2);  // the WARC records, read again
  CHECK(server.TotalPageHits() == 3);
}
