// Another process holding the store: a writer's Open fails with Busy (at once, or after waiting
// lock_wait_ms), and succeeds once the holder has gone. The holder is this test binary, run
// again with the hidden test "[.hold]".
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "corpus.h"
#include "fixtures.h"
#include "test_support.h"

using namespace tkg;
using namespace tkg::enginetest;
using tkg::testing::TempDir;

namespace {
constexpr const char* kHoldEnv = "TKG_ENGINE_TEST_HOLD_DIR";

}  // namespace

TEST_CASE("holds a store open until told to stop (helper process)", "[.hold]") {
  const char* dir = std::getenv(kHoldEnv);
  if (dir == nullptr) return;
  auto store = OpenStore(dir);
  tkg::testing::WriteFile(std::string(dir) + ".ready", "1");
  tkg::testing::WaitForFile(std::string(dir) + ".stop", std::chrono::seconds(30));
}

TEST_CASE("a store held by another process is Busy for a writer", "[store][lock]") {
  TempDir tmp;
  std::string path = tmp.Join("db");
  { OpenStore(path); }
  std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  setenv(kHoldEnv, path.c_str(), 1);
  tkg::testing::BackgroundProcess holder({self, "[.hold]", "-o", "/dev/null"});
  unsetenv(kHoldEnv);
  REQUIRE(tkg::testing::WaitForFile(path + ".ready", std::chrono::seconds(20)));

  std::unique_ptr<Store> store;
  Status s = Store::Open(StoreOptions{}, path, &store);
  INFO(s.ToString());
  CHECK(s.IsBusy());
  CHECK(s.message().find(path) != std::string::npos);
  CHECK(s.message().find("in use") != std::string::npos);

  tkg::testing::WriteFile(path + ".stop", "1");
  for (int i = 0; i < 500 && holder.running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  holder.Stop();
  s = Store::Open(StoreOptions{}, path, &store);
  INFO(s.ToString());
  CHECK(s.ok());
}

TEST_CASE("a writer waits up to lock_wait_ms for another process to let go", "[store][lock]") {
  TempDir tmp;
  std::string path = tmp.Join("db");
  { OpenStore(path); }
  std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  setenv(kHoldEnv, path.c_str(), 1);
  tkg::testing::BackgroundProcess holder({self, "[.hold]", "-o", "/dev/null"});
  unsetenv(kHoldEnv);
  REQUIRE(tkg::testing::WaitForFile(path + ".ready", std::chrono::seconds(20)));

  // Held throughout: a short wait ends in Busy, naming the directory.
  StoreOptions brief;
  brief.lock_wait_ms = 100;
  std::unique_ptr<Store> store;
  auto start = std::chrono::steady_clock::now();
  Status s = Store::Open(brief, path, &store);
  auto waited = std::chrono::steady_clock::now() - start;
  INFO(s.ToString());
  CHECK(s.IsBusy());
  CHECK(s.message().find(path) != std::string::npos);
  CHECK(s.message().find("in use") != std::string::npos);
  CHECK(s.message().find("after waiting") != std::string::npos);
  CHECK(waited >= std::chrono::milliseconds(100));
  CHECK(store == nullptr);

  // The holder lets go about 300 ms from now: a wait of 2 s gets the store.
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    tkg::testing::WriteFile(path + ".stop", "1");
  });
  StoreOptions patient;
  patient.lock_wait_ms = 2000;
  start = std::chrono::steady_clock::now();
  s = Store::Open(patient, path, &store);
  waited = std::chrono::steady_clock::now() - start;
  release.join();
  INFO(s.ToString());
  REQUIRE(s.ok());
  CHECK(waited >= std::chrono::milliseconds(250));
  holder.Stop();
  Put(*store, HarborArticle().graph(), PutOutcome::kInserted);
}

TEST_CASE("a writer waits for another handle of the same process", "[store][lock]") {
  TempDir tmp;
  std::string path = tmp.Join("db");
  auto first = OpenStore(path);
  std::thread closer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    first.reset();
  });
  StoreOptions patient;
  patient.lock_wait_ms = 2000;
  std::unique_ptr<Store> second;
  Status s = Store::Open(patient, path, &second);
  closer.join();
  INFO(s.ToString());
  CHECK(s.ok());
}
