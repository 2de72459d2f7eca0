// Serving while importing: a secondary handle reads while a writer (another process, or another
// handle of this one) writes, and sees the new statements once it has caught up.
// The writer process is this test binary, run again with the hidden test "[.secondary-writer]".
#include <rocksdb/db.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "corpus.h"
#include "fixtures.h"
#include "raw_store.h"
#include "test_support.h"

using namespace tkg;
using namespace tkg::enginetest;
using tkg::testing::TempDir;

namespace {
constexpr const char* kWriterEnv = "TKG_ENGINE_TEST_WRITER_DIR";

bool WaitFor(const std::string& path) {
  return tkg::testing::WaitForFile(path, std::chrono::seconds(30));
}

StoreOptions Secondary(int catch_up_interval_ms) {
  StoreOptions o;
  o.secondary = true;
  o.catch_up_interval_ms = catch_up_interval_ms;
  return o;
}

uint64_t StatementCount(Store& store) {
  StoreStats st;
  Status s = store.Stats(&st);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return st.statements;
}

size_t SpeakerRows(Store& store, const std::string& speaker) {
  StatementQuery q;
  q.speaker = speaker;
  q.limit = 1000;
  StatementPage page;
  Status s = store.QueryStatements(q, &page);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return page.statements.size();
}

// An article of two statements by Ada Brook, unique per n.
ArticleGraph BrookArticle(int n) {
  std::string k = std::to_string(n);
  ArticleBuilder b(
      "https://brook.example/" + k, "Brook Wire", "Bridge update " + k,
      "Ada Brook said span " + k + " reopens soon. Brook said lane " + k + " is light.");
  std::string ada = b.AddActor("Ada Brook", ActorType::kPerson, {"Brook"});
  b.Say(ada, "Ada Brook", "Ada Brook said span " + k + " reopens soon.",
        "span " + k + " reopens soon", "2016-06-01");
  b.Say(ada, "Ada Brook", "Brook said lane " + k + " is light.", "lane " + k + " is light", "");
  return b.graph();
}

std::vector<std::string> Entries(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    out.push_back(e.path().filename().string());
  }
  return out;
}
}  // namespace

TEST_CASE("writes articles when told (helper process)", "[.secondary-writer]") {
  const char* dir = std::getenv(kWriterEnv);
  if (dir == nullptr) return;
  std::string path = dir;
  auto store = OpenStore(path);
  Put(*store, HarborArticle().graph(), PutOutcome::kInserted);
  tkg::testing::WriteFile(path + ".wrote1", "1");
  REQUIRE(WaitFor(path + ".go"));
  Put(*store, NorthernArticle().graph(), PutOutcome::kInserted);
  tkg::testing::WriteFile(path + ".wrote2", "1");
  WaitFor(path + ".stop");
}

TEST_CASE("a secondary reads while another process writes, and catches up", "[store][secondary]") {
  TempDir tmp;
  std::string path = tmp.Join("db");
  std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  setenv(kWriterEnv, path.c_str(), 1);
  tkg::testing::BackgroundProcess writer({self, "[.secondary-writer]", "-o", "/dev/null"});
  unsetenv(kWriterEnv);
  REQUIRE(WaitFor(path + ".wrote1"));

  // The writer holds the lock: a second writer is Busy, a secondary opens.
  std::unique_ptr<Store> busy;
  CHECK(Store::Open(StoreOptions{}, path, &busy).IsBusy());
  auto manual = OpenStore(path, Secondary(-1));  // catches up only when told
  auto lazy = OpenStore(path, Secondary(0));     // catches up before every read
  CHECK(StatementCount(*manual) == 4);
  CHECK(SpeakerRows(*manual, "Ilse Brandt") == 0);

  tkg::testing::WriteFile(path + ".go", "1");
  REQUIRE(WaitFor(path + ".wrote2"));

  // Not yet caught up: the state of the last catch-up, counters included.
  CHECK(StatementCount(*manual) == 4);
  CHECK(SpeakerRows(*manual, "Ilse Brandt") == 0);
  // The lazy handle catches up by itself.
  CHECK(SpeakerRows(*lazy, "Ilse Brandt") == 1);
  CHECK(StatementCount(*lazy) == 6);

  Status s = manual->CatchUp();
  INFO(s.ToString());
  REQUIRE(s.ok());
  CHECK(StatementCount(*manual) == 6);
  CHECK(SpeakerRows(*manual, "Ilse Brandt") == 1);
  ActorView quell;
  REQUIRE(manual->GetActor(ActorId(ActorType::kPerson, "Mara Quell"), &quell).ok());
  CHECK(quell.article_count == 2);
  ArticleGraph g;
  REQUIRE(manual->GetArticleGraph(NorthernArticle().graph().article.id, &g).ok());
  CHECK(g.statements.size() == 2);
  std::vector<std::string> ids;
  REQUIRE(manual->ListArticles("", 10, &ids).ok());
  CHECK(ids.size() == 2);

  // A secondary never writes.
  PutOutcome outcome;
  s = manual->PutArticle(BrookArticle(1), &outcome);
  CHECK(s.IsInvalidArgument());
  CHECK(s.message().find("secondary") != std::string::npos);

  // The writer goes away; the secondaries keep answering; a new writer opens beside them.
  tkg::testing::WriteFile(path + ".stop", "1");
  for (int i = 0; i < 500 && writer.running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  writer.Stop();
  REQUIRE(manual->CatchUp().ok());
  CHECK(StatementCount(*manual) == 6);
  auto next = OpenStore(path);
  Put(*next, BrookArticle(1), PutOutcome::kInserted);
  CHECK(SpeakerRows(*lazy, "Ada Brook") == 2);
  CHECK(StatementCount(*manual) == 6);
  REQUIRE(manual->CatchUp().ok());
  CHECK(StatementCount(*manual) == 8);
}

TEST_CASE("a secondary with a catch-up interval sees new statements within it",
          "[store][secondary]") {
  TempDir tmp;
  std::string path = tmp.Join("db");
  auto writer = OpenStore(path);
  Put(*writer, BrookArticle(1), PutOutcome::kInserted);
  auto hourly = OpenStore(path, Secondary(3600 * 1000));
  auto quick = OpenStore(path, Secondary(50));
  CHECK(SpeakerRows(*quick, "Brook") == 2);
  Put(*writer, BrookArticle(2), PutOutcome::kInserted);
  bool seen = false;
  for (int i = 0; i < 1000 && !seen; ++i) {
    seen = SpeakerRows(*quick, "Brook") == 4;
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(seen);
  CHECK(SpeakerRows(*hourly, "Brook") == 2);  // its last catch-up was at open
  REQUIRE(hourly->CatchUp().ok());
  CHECK(SpeakerRows(*hourly, "Brook") == 4);

  // History and versions follow too.
  ArticleGraph v2 = BrookArticle(2);
  v2.article.text += " Corrected.";
  v2.article.content_hash.clear();
  PutOutcome outcome;
  REQUIRE(writer->PutArticle(v2, &outcome).ok());
  REQUIRE(outcome == PutOutcome::kUpdated);
  REQUIRE(hourly->CatchUp().ok());
  std::vector<ArticleVersionInfo> versions;
  REQUIRE(hourly->ArticleVersions(v2.article.id, &versions).ok());
  CHECK(versions.size() == 2);
  StoreStats st;
  REQUIRE(hourly->Stats(&st).ok());
  CHECK(st.superseded_statements == 2);
  FeedState feed;
  feed.url = "https://brook.example/feed";
  feed.etag = "e1";
  REQUIRE(writer->PutFeedState(feed).ok());
  REQUIRE(hourly->CatchUp().ok());
  FeedState back;
  REQUIRE(hourly->GetFeedState(feed.url, &back).ok());
  CHECK(back.etag == "e1");
}

TEST_CASE("reads on a secondary see whole articles while it catches up",
          "[store][secondary][threads]") {
  TempDir tmp;
  std::string path = tmp.Join("db");
  auto writer = OpenStore(path);
  Put(*writer, BrookArticle(0), PutOutcome::kInserted);
  auto reader = OpenStore(path, Secondary(0));   // catches up on every read
  auto manual = OpenStore(path, Secondary(-1));  // catches up when told, under constant reads
  std::atomic<bool> done{false};
  std::atomic<bool> bad{false};
  std::atomic<int> reads{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Store* store = t % 2 == 0 ? reader.get() : manual.get();
      while (!done) {
        StatementQuery q;
        q.speaker = "Ada Brook";
        q.limit = 1000;
        StatementPage page;
        StoreStats st;
        if (!store->QueryStatements(q, &page).ok() || page.statements.size() % 2 != 0 ||
            !store->Stats(&st).ok() || st.statements != 2 * st.articles) {
          bad = true;
        }
        ++reads;
      }
    });
  }
  for (int i = 1; i <= 40; ++i) {
    Put(*writer, BrookArticle(i), PutOutcome::kInserted);
    if (i % 4 == 0) REQUIRE(manual->CatchUp().ok());
  }
  while (reads < 20) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  done = true;
  for (auto& t : threads) t.join();
  CHECK_FALSE(bad);
  CHECK(SpeakerRows(*reader, "Ada Brook") == 82);
  CHECK(SpeakerRows(*manual, "Ada Brook") == 82);
}

TEST_CASE("a secondary opens a closed store, checks it, and cleans up after itself",
          "[store][secondary]") {
  TempDir tmp;
  std::string path = tmp.Join("db");
  std::unique_ptr<Store> store;
  Status s = Store::Open(Secondary(0), tmp.Join("absent"), &store);
  CHECK(s.IsNotFound());
  CHECK_FALSE(std::filesystem::exists(tmp.Join("absent")));

  { Put(*OpenStore(path), HarborArticle().graph(), PutOutcome::kInserted); }

  // Its own files go to a fresh directory under TMPDIR, removed on close.
  TempDir scratch;
  const char* old_tmpdir = std::getenv("TMPDIR");
  std::string saved = old_tmpdir ? old_tmpdir : "";
  setenv("TMPDIR", scratch.path().c_str(), 1);
  {
    auto reader = OpenStore(path, Secondary(1000));
    CHECK(StatementCount(*reader) == 4);
    auto entries = Entries(scratch.path());
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].rfind("tkg-secondary-", 0) == 0);
    for (const auto& e : Entries(path)) CHECK(e.find("secondary") == std::string::npos);
  }
  CHECK(Entries(scratch.path()).empty());
  if (old_tmpdir) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }

  // Schema checks apply: a store of another version is refused.
  {
    RawStore raw(path);
    REQUIRE(
        raw.db()->Put(rocksdb::WriteOptions(), raw.family("meta"), "schema_version", "99").ok());
  }
  s = Store::Open(Secondary(0), path, &store);
  CHECK(s.IsVersionMismatch());
  CHECK(s.message().find(path) != std::string::npos);
  CHECK(store == nullptr);

  // A directory that is no tkg store.
  tkg::testing::WriteFile(tmp.Join("plain/notes.txt"), "x");
  s = Store::Open(Secondary(0), tmp.Join("plain"), &store);
  CHECK((s.IsInvalidArgument() || s.IsNotFound()));
}
