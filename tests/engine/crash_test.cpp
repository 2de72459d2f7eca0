// A run killed halfway (SIGKILL, as cron's timeout or the OOM killer would) leaves no half-written
// article: each article, with its statements, actors, edges, indexes, version and history, is in
// one WriteBatch, alone or with the others of its group (PutArticles, as `tkg import` writes).
// The importer is this test binary, run again with the hidden test "[.import-many]".
#include <signal.h>
#include <sys/types.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <thread>
#include <vector>

#include "fixtures.h"
#include "test_support.h"

using namespace tkg;
using namespace tkg::enginetest;
using tkg::testing::TempDir;

namespace {
constexpr const char* kImportEnv = "TKG_ENGINE_TEST_IMPORT_DIR";
constexpr int kArticles = 100000;  // far more than a run gets through before it is killed

// Article i, revision r: (i + r) % 4 + 1 statements by Ada Brook (and Lin Park for odd i),
// i % 2 events. The headline states the counts, so a reader can check the stored graph.
ArticleGraph Numbered(int i, int r) {
  int statements = (i + r) % 4 + 1;
  int events = i % 2;
  std::string k = std::to_string(i);
  std::string headline = "Report " + k + " rev " + std::to_string(r) + ": " +
                         std::to_string(statements) + " statements " + std::to_string(events) +
                         " events";
  std::string body;
  for (int s = 0; s < statements; ++s) {
    std::string n = std::to_string(s);
    body += (s % 2 == 1 && i % 2 == 1 ? "Lin Park" : "Ada Brook");
    body += " said gate " + k + "-" + n + " opens. ";
  }
  if (events) body += "Brook met Park at gate " + k + ". ";
  ArticleBuilder b("https://crash.example/" + k, "Crash Wire", headline, body);
  std::string ada = b.AddActor("Ada Brook", ActorType::kPerson, {"Brook"});
  std::string lin = i % 2 == 1 ? b.AddActor("Lin Park", ActorType::kPerson, {"Park"}) : "";
  for (int s = 0; s < statements; ++s) {
    std::string n = std::to_string(s);
    bool by_lin = s % 2 == 1 && i % 2 == 1;
    std::string speaker = by_lin ? "Lin Park" : "Ada Brook";
    b.Say(by_lin ? lin : ada, speaker, speaker + " said gate " + k + "-" + n + " opens.",
          "gate " + k + "-" + n + " opens", "2016-05-0" + std::to_string(s % 9 + 1),
          {"infrastructure"});
  }
  if (events) b.AddEvent("meeting", "met Park at gate " + k, "2016-05-01", {ada, lin});
  return b.graph();
}

}  // namespace

TEST_CASE("imports articles until killed (helper process)", "[.import-many]") {
  const char* dir = std::getenv(kImportEnv);
  if (dir == nullptr) return;
  auto store = OpenStore(dir);
  std::vector<ArticleGraph> group;
  for (int i = 0; i < kArticles; ++i) {
    group.push_back(Numbered(i, 0));
    // Every fifth article revises an earlier one (at times one of the same group): a new
    // version, the old one's statements moving to history, in the same single batch.
    if (i % 5 == 4) group.push_back(Numbered(i - 3, 1 + i % 3));
    // Groups of 1 to 8 articles; one article alone is what PutArticle writes.
    if (group.size() >= static_cast<size_t>(i % 8 + 1)) {
      std::vector<const ArticleGraph*> graphs;
      for (const auto& g : group) graphs.push_back(&g);
      std::vector<PutResult> results;
      REQUIRE(store->PutArticles(graphs, &results).ok());
      for (const auto& r : results) REQUIRE(r.status.ok());
      group.clear();
    }
    if (i == 20) tkg::testing::WriteFile(std::string(dir) + ".started", "1");
  }
}

TEST_CASE("an import killed with SIGKILL leaves only whole articles", "[store][crash]") {
  TempDir tmp;
  std::string path = tmp.Join("db");
  std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  setenv(kImportEnv, path.c_str(), 1);
  tkg::testing::BackgroundProcess importer({self, "[.import-many]", "-o", "/dev/null"});
  unsetenv(kImportEnv);
  REQUIRE(tkg::testing::WaitForFile(path + ".started", std::chrono::seconds(30)));
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  REQUIRE(importer.running());
  REQUIRE(kill(importer.pid(), SIGKILL) == 0);
  importer.Stop();  // reaps it

  auto store = OpenStore(path);  // recovery from the write-ahead log
  std::vector<std::string> ids;
  for (std::string after;;) {
    std::vector<std::string> page;
    REQUIRE(store->ListArticles(after, 1000, &page).ok());
    ids.insert(ids.end(), page.begin(), page.end());
    if (page.size() < 1000) break;
    after = page.back();
  }
  INFO(ids.size() << " articles survived");
  REQUIRE(ids.size() > 20);
  REQUIRE(ids.size() < static_cast<size_t>(kArticles));

  uint64_t statements = 0, events = 0, superseded = 0, ada_statements = 0, lin_articles = 0;
  uint64_t lin_statements = 0, bad = 0;
  for (const auto& id : ids) {
    ArticleGraph g;
    Status s = store->GetArticleGraph(id, &g);
    INFO(id << ": " << s.ToString());
    REQUIRE(s.ok());
    int i = -1, r = -1, want_statements = -1, want_events = -1;
    REQUIRE(std::sscanf(g.article.headline.c_str(), "Report %d rev %d: %d statements %d events", &i,
                        &r, &want_statements, &want_events) == 4);
    if (static_cast<int>(g.statements.size()) != want_statements ||
        static_cast<int>(g.events.size()) != want_events ||
        g.actors.size() != (i % 2 == 1 ? 2u : 1u)) {
      ++bad;
    }
    for (const auto& st : g.statements) {
      if (st.article_id != id) ++bad;
      (st.speaker == "Lin Park" ? lin_statements : ada_statements) += 1;
    }
    if (i % 2 == 1) ++lin_articles;
    statements += g.statements.size();
    events += g.events.size();

    std::vector<ArticleVersionInfo> versions;
    REQUIRE(store->ArticleVersions(id, &versions).ok());
    REQUIRE_FALSE(versions.empty());
    CHECK(versions.size() == static_cast<size_t>(r == 0 ? 1 : 2));
    CHECK(versions.back().current);
    CHECK(versions.back().statement_count == g.statements.size());
    CHECK(versions.back().content_hash == g.article.content_hash);
    for (size_t v = 0; v + 1 < versions.size(); ++v) superseded += versions[v].statement_count;
  }
  CHECK(bad == 0);

  StoreStats st;
  REQUIRE(store->Stats(&st).ok());
  CHECK(st.articles == ids.size());
  CHECK(st.statements == statements);
  CHECK(st.events == events);
  CHECK(st.superseded_statements == superseded);
  CHECK(st.actors == (lin_articles > 0 ? 2u : 1u));

  // The indexes hold exactly the stored statements, current and superseded.
  auto count_rows = [&](bool history) {
    StatementQuery q;
    q.limit = 1000;
    q.include_superseded = history;
    uint64_t n = 0;
    for (;;) {
      StatementPage page;
      Status s = store->QueryStatements(q, &page);
      INFO(s.ToString());
      REQUIRE(s.ok());
      n += page.statements.size();
      if (page.next_cursor.empty()) return n;
      q.cursor = page.next_cursor;
    }
  };
  CHECK(count_rows(false) == statements);
  CHECK(count_rows(true) == statements + superseded);

  // Merged actors agree with the articles.
  ActorView ada;
  REQUIRE(store->GetActor(ActorId(ActorType::kPerson, "Ada Brook"), &ada).ok());
  CHECK(ada.article_count == ids.size());
  CHECK(ada.statement_count == ada_statements);
  std::vector<Edge> said;
  REQUIRE(store->Neighbors(ada.actor.id, EdgeType::kSaidBy, false, &said).ok());
  CHECK(said.size() == ada_statements);
  if (lin_articles > 0) {
    ActorView lin;
    REQUIRE(store->GetActor(ActorId(ActorType::kPerson, "Lin Park"), &lin).ok());
    CHECK(lin.article_count == lin_articles);
    CHECK(lin.statement_count == lin_statements);
  }

  // The store goes on: the next run writes and reads as usual.
  PutOutcome o;
  REQUIRE(store->PutArticle(Numbered(kArticles, 0), &o).ok());
  CHECK(o == PutOutcome::kInserted);
  StoreStats after;
  REQUIRE(store->Stats(&after).ok());
  CHECK(after.articles == st.articles + 1);
}
