// `tkg import` as a user runs it: the JSON summary, exit codes, a busy store.
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "test_support.h"
#include "tkg/engine/store.h"

using tkg::testing::RunCommand;
using tkg::testing::SourcePath;
using tkg::testing::TempDir;
using tkg::testing::TkgBinary;

namespace {

nlohmann::json LastJsonLine(const std::string& out) {
  std::string s = out;
  while (!s.empty() && s.back() == '\n') s.pop_back();
  size_t nl = s.rfind('\n');
  return nlohmann::json::parse(nl == std::string::npos ? s : s.substr(nl + 1));
}

size_t ExampleCount() {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(SourcePath("examples")))
    n += e.path().extension() == ".txt";
  return n;
}

}  // namespace

TEST_CASE("cli: summary line and exit 0, then all unchanged", "[import][cli]") {
  TempDir tmp;
  auto r = RunCommand({TkgBinary(), "import", "--db", tmp.Join("db"), SourcePath("examples")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = LastJsonLine(r.out);
  CHECK(j["imported"] == ExampleCount());
  CHECK(j["unchanged"] == 0);
  CHECK(j["updated"] == 0);
  CHECK(j["failed"] == 0);
  CHECK(j["statements"].get<int>() > 0);
  CHECK(j["seconds"].is_number());
  CHECK(j["failures"].empty());
  CHECK(r.err.empty());  // no progress line: stderr is not a terminal

  auto again = RunCommand(
      {TkgBinary(), "import", "--db", tmp.Join("db"), "--quiet", SourcePath("examples")});
  REQUIRE(again.exit_code == 0);
  auto j2 = LastJsonLine(again.out);
  CHECK(j2["imported"] == 0);
  CHECK(j2["unchanged"] == ExampleCount());
}

TEST_CASE("cli: failed inputs give exit 1 and are named", "[import][cli]") {
  TempDir tmp;
  tkg::testing::WriteFile(tmp.Join("in/bad.txt"), std::string("\0\0\0binary", 9));
  tkg::testing::WriteFile(tmp.Join("in/good.txt"),
                          tkg::testing::ReadFile(SourcePath(
                              "examples/harbor-city-times-2016-07-08-stadium-security.txt")));
  auto r = RunCommand({TkgBinary(), "import", "--db", tmp.Join("db"), tmp.Join("in")});
  CHECK(r.exit_code == 1);
  auto j = LastJsonLine(r.out);
  CHECK(j["imported"] == 1);
  CHECK(j["failed"] == 1);
  REQUIRE(j["failures"].size() == 1);
  CHECK(j["failures"][0]["input"] == tmp.Join("in/bad.txt"));
  CHECK(j["failures"][0]["reason"].get<std::string>().find("binary") != std::string::npos);
  CHECK(r.err.find("bad.txt") != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2", "[import][cli]") {
  TempDir tmp;
  CHECK(RunCommand({TkgBinary(), "import", SourcePath("examples")}).exit_code == 2);  // no --db
  CHECK(RunCommand({TkgBinary(), "import", "--db", tmp.Join("db")}).exit_code == 2);  // no PATH
  auto fmt = RunCommand(
      {TkgBinary(), "import", "--db", tmp.Join("db"), "--format", "pdf", SourcePath("examples")});
  CHECK(fmt.exit_code == 2);
  CHECK(fmt.err.find("--format") != std::string::npos);
  auto date = RunCommand({TkgBinary(), "import", "--db", tmp.Join("db"), "--published", "someday",
                          SourcePath("examples")});
  CHECK(date.exit_code == 2);
  CHECK(date.err.find("--published") != std::string::npos);
  auto help = RunCommand({TkgBinary(), "import", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--db") != std::string::npos);
}

TEST_CASE("cli: a store held by another process is busy (exit 75)", "[import][cli]") {
  TempDir tmp;
  std::unique_ptr<tkg::Store> holder;
  REQUIRE(tkg::Store::Open(tkg::StoreOptions{}, tmp.Join("db"), &holder).ok());
  auto r = RunCommand({TkgBinary(), "import", "--db", tmp.Join("db"), SourcePath("examples")});
  CHECK(r.exit_code == 75);
  CHECK(r.err.find("busy") != std::string::npos);
  CHECK(r.err.find(tmp.Join("db")) != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("cli: --wait outlasts a short-lived holder, and gives up on a long one", "[import][cli]") {
  TempDir tmp;
  std::unique_ptr<tkg::Store> holder;
  REQUIRE(tkg::Store::Open(tkg::StoreOptions{}, tmp.Join("db"), &holder).ok());
  // Held for the whole of a 1-second wait: busy, after waiting.
  auto gave_up = RunCommand({TkgBinary(), "import", "--db", tmp.Join("db"), "--wait", "1",
                             "--quiet", SourcePath("examples")});
  CHECK(gave_up.exit_code == 75);
  CHECK(gave_up.err.find("busy") != std::string::npos);

  // Released 700 ms into a 30-second wait: the import goes ahead.
  std::thread release([&holder] {
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    holder.reset();
  });
  auto waited = RunCommand({TkgBinary(), "import", "--db", tmp.Join("db"), "--wait", "30",
                            "--quiet", SourcePath("examples")});
  release.join();
  CHECK(waited.exit_code == 0);
  CHECK(LastJsonLine(waited.out)["imported"].get<size_t>() == ExampleCount());

  auto bad = RunCommand({TkgBinary(), "import", "--db", tmp.Join("db"), "--wait", "-3",
                         SourcePath("examples")});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--wait") != std::string::npos);
}
