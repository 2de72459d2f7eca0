// Store lifecycle: create, round trip, idempotent re-import, update, reopen, refusals.
#include <rocksdb/db.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "corpus.h"
#include "fixtures.h"
#include "raw_store.h"
#include "test_support.h"

using namespace tkg;
using namespace tkg::enginetest;
using tkg::testing::TempDir;

namespace {

void RequireSameStatement(const Statement& a, const Statement& b) {
  CHECK(a.id == b.id);
  CHECK(a.article_id == b.article_id);
  CHECK(a.speaker_id == b.speaker_id);
  CHECK(a.speaker == b.speaker);
  CHECK(a.text == b.text);
  CHECK(a.text_span == b.text_span);
  CHECK(a.sentence_span == b.sentence_span);
  CHECK(a.direct == b.direct);
  CHECK(a.date.value == b.date.value);
  CHECK(a.date.precision == b.date.precision);
  CHECK(a.date.first_day == b.date.first_day);
  CHECK(a.date.last_day == b.date.last_day);
  CHECK(a.topics == b.topics);
  CHECK(a.confidence == b.confidence);
  CHECK(a.cue == b.cue);
  CHECK(a.rule == b.rule);
}

// Everything a reader can observe, flattened for comparison.
std::vector<std::string> Observe(Store& store, const std::vector<std::string>& article_ids) {
  std::vector<std::string> out;
  StoreStats st;
  REQUIRE(store.Stats(&st).ok());
  out.push_back("stats " + std::to_string(st.articles) + " " + std::to_string(st.actors) + " " +
                std::to_string(st.statements) + " " + std::to_string(st.events) + " " +
                std::to_string(st.topics) + " " + std::to_string(st.edges));
  StatementQuery q;
  q.limit = 1000;
  StatementPage page;
  REQUIRE(store.QueryStatements(q, &page).ok());
  for (const auto& v : page.statements) {
    out.push_back(v.statement.id + " " + v.statement.text + " | " + v.sentence + " | " +
                  v.article_outlet);
  }
  for (const auto& id : article_ids) {
    ArticleGraph g;
    REQUIRE(store.GetArticleGraph(id, &g).ok());
    out.push_back(g.article.id + " " + g.article.content_hash + " " +
                  std::to_string(g.actors.size()) + " " + std::to_string(g.statements.size()));
  }
  std::vector<ActorView> actors;
  REQUIRE(store.FindActors("", 100, &actors).ok());
  for (const auto& a : actors) {
    std::string line = a.actor.id + " " + a.actor.name + " " + std::to_string(a.article_count) +
                       "/" + std::to_string(a.statement_count);
    for (const auto& al : a.actor.aliases) line += " [" + al + "]";
    out.push_back(line);
    std::vector<Edge> edges;
    REQUIRE(store.Neighbors(a.actor.id, EdgeType::kSaidBy, false, &edges).ok());
    out.push_back("said_by in " + std::to_string(edges.size()));
  }
  std::vector<Topic> topics;
  REQUIRE(store.ListTopics(&topics).ok());
  for (const auto& t : topics) out.push_back("topic " + t.id);
  return out;
}

}  // namespace

TEST_CASE("a new store is created in an empty directory and reports empty stats", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  StoreStats st;
  REQUIRE(store->Stats(&st).ok());
  CHECK(st.articles == 0);
  CHECK(st.statements == 0);
  CHECK(st.edges == 0);
}

TEST_CASE("an article round-trips through the store", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleBuilder b = HarborArticle();
  const ArticleGraph& g = b.graph();
  Put(*store, g, PutOutcome::kInserted);

  Article a;
  REQUIRE(store->GetArticle(g.article.id, &a).ok());
  CHECK(a.text == g.article.text);
  CHECK(a.url == g.article.url);
  CHECK(a.outlet == "Harbor Ledger");
  CHECK(a.headline == g.article.headline);
  CHECK(a.published == g.article.published);
  CHECK(a.published_date.first_day == g.article.published_date.first_day);
  CHECK(a.content_hash == g.article.content_hash);
  CHECK(a.ingested_at == g.article.ingested_at);
  CHECK(a.body_span == g.article.body_span);

  ArticleGraph back;
  REQUIRE(store->GetArticleGraph(g.article.id, &back).ok());
  REQUIRE(back.statements.size() == g.statements.size());
  for (size_t i = 0; i < g.statements.size(); ++i) {
    RequireSameStatement(back.statements[i], g.statements[i]);
  }
  REQUIRE(back.actors.size() == 3);
  CHECK(back.actors[0].name == "Mara Quell");
  CHECK(back.actors[0].aliases == g.actors[0].aliases);
  CHECK(back.actors[0].mentions == g.actors[0].mentions);
  CHECK(back.actors[1].roles.size() == 1);
  CHECK(back.actors[1].roles[0].of == "Harbor Cyber Office");
  REQUIRE(back.events.size() == 1);
  CHECK(back.events[0].participant_ids == g.events[0].participant_ids);
  CHECK(back.events[0].date.value == "2016-03-03");

  StoreStats st;
  REQUIRE(store->Stats(&st).ok());
  CHECK(st.articles == 1);
  CHECK(st.actors == 3);
  CHECK(st.statements == 4);
  CHECK(st.events == 1);
  CHECK(st.topics == 3);  // cyber deterrence, cybersecurity, health

  Article missing;
  CHECK(store->GetArticle("a0000000000000000", &missing).IsNotFound());
}

TEST_CASE("putting the same article twice changes nothing", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleBuilder h = HarborArticle();
  ArticleBuilder n = NorthernArticle();
  Put(*store, h.graph(), PutOutcome::kInserted);
  Put(*store, n.graph(), PutOutcome::kInserted);
  auto before = Observe(*store, {h.graph().article.id, n.graph().article.id});
  Put(*store, h.graph(), PutOutcome::kUnchanged);
  Put(*store, n.graph(), PutOutcome::kUnchanged);
  auto after = Observe(*store, {h.graph().article.id, n.graph().article.id});
  CHECK(before == after);
}

TEST_CASE("a new version of an article replaces the old one", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleBuilder n = NorthernArticle();
  Put(*store, HarborArticle().graph(), PutOutcome::kInserted);
  Put(*store, n.graph(), PutOutcome::kInserted);
  StoreStats st1;
  REQUIRE(store->Stats(&st1).ok());

  // Same URL (same id), corrected text: Brandt no longer appears, Quell says something else.
  ArticleBuilder v2("https://northern-wire.example/quell-brandt", "Northern Wire",
                    "Quell visits Kestrel",
                    "Mara Quell visited Kestrel on April 2. Quell said the harbour needs new "
                    "sensors.",
                    "2016-04-03");
  std::string quell = v2.AddActor("Mara Quell", ActorType::kPerson, {"Quell"});
  v2.Say(quell, "Mara Quell", "Quell said the harbour needs new sensors.",
         "the harbour needs new sensors", "2016-04-02", kCyber);
  REQUIRE(v2.graph().article.id == n.graph().article.id);
  Put(*store, v2.graph(), PutOutcome::kUpdated);

  StoreStats st2;
  REQUIRE(store->Stats(&st2).ok());
  CHECK(st2.articles == st1.articles);
  CHECK(st2.statements == st1.statements - 1);
  CHECK(st2.actors == st1.actors - 2);  // Brandt and Kestrel were only in the old version
  CHECK(st2.events == st1.events - 1);

  StatementQuery q;
  q.limit = 1000;
  auto texts = TextsOf(*store, q);
  CHECK(std::find(texts.begin(), texts.end(), "the talks on grid security were frank") ==
        texts.end());
  CHECK(std::find(texts.begin(), texts.end(), "the harbour needs new sensors") != texts.end());

  std::vector<std::string> ids;
  REQUIRE(store->ResolveActor("Governor Brandt", &ids).ok());
  CHECK(ids.empty());
  REQUIRE(store->ResolveActor("President Quell", &ids).ok());
  CHECK(ids == std::vector<std::string>{quell});

  ActorView view;
  REQUIRE(store->GetActor(quell, &view).ok());
  // "Chancellor Quell" came only from the replaced version.
  CHECK(view.actor.aliases == std::vector<std::string>{"Quell", "President Quell"});
  std::vector<ActorView> found;
  REQUIRE(store->FindActors("chancellor", 10, &found).ok());
  CHECK(found.empty());
  CHECK(view.article_count == 2);
  CHECK(view.statement_count == 4);  // three in Harbor Ledger, one in the new version

  StatementQuery by_speaker;
  by_speaker.speaker = "Ilse Brandt";
  CHECK(TextsOf(*store, by_speaker).empty());
  std::vector<Event> events;
  EventQuery eq;
  REQUIRE(store->QueryEvents(eq, &events).ok());
  CHECK(events.size() == 1);

  // Re-putting the old version restores it exactly.
  Put(*store, n.graph(), PutOutcome::kUpdated);
  StoreStats st3;
  REQUIRE(store->Stats(&st3).ok());
  CHECK(st3.statements == st1.statements);
  CHECK(st3.actors == st1.actors);
  CHECK(st3.edges == st1.edges);
  CHECK(st3.events == st1.events);
}

TEST_CASE("a reopened store answers the same", "[store]") {
  TempDir dir;
  std::vector<std::string> ids;
  std::vector<std::string> before;
  {
    auto store = OpenStore(dir.Join("db"));
    ArticleBuilder h = HarborArticle();
    ArticleBuilder n = NorthernArticle();
    Put(*store, h.graph(), PutOutcome::kInserted);
    Put(*store, n.graph(), PutOutcome::kInserted);
    ids = {h.graph().article.id, n.graph().article.id};
    before = Observe(*store, ids);
  }
  auto store = OpenStore(dir.Join("db"));
  CHECK(Observe(*store, ids) == before);
  Put(*store, HarborArticle().graph(), PutOutcome::kUnchanged);

  StoreOptions ro;
  ro.read_only = true;
  store.reset();
  auto reader = OpenStore(dir.Join("db"), ro);
  CHECK(Observe(*reader, ids) == before);
  PutOutcome outcome;
  CHECK(reader->PutArticle(HarborArticle().graph(), &outcome).IsInvalidArgument());
}

TEST_CASE("a store of another schema version is refused", "[store]") {
  TempDir dir;
  std::string path = dir.Join("db");
  { OpenStore(path); }
  {
    // Rewrite the version marker with the raw RocksDB API, as a future tkg would have.
    RawStore raw(path);
    REQUIRE(
        raw.db()->Put(rocksdb::WriteOptions(), raw.family("meta"), "schema_version", "99").ok());
  }
  std::unique_ptr<Store> store;
  Status s = Store::Open(StoreOptions{}, path, &store);
  REQUIRE(s.IsVersionMismatch());
  CHECK(s.message().find(path) != std::string::npos);
  CHECK(s.message().find("99") != std::string::npos);
  CHECK(s.message().find(std::to_string(kSchemaVersion)) != std::string::npos);
  CHECK(store == nullptr);
}

TEST_CASE("a directory that is not a tkg store is refused", "[store]") {
  TempDir dir;
  std::unique_ptr<Store> store;

  tkg::testing::WriteFile(dir.Join("notes.txt"), "not a database");
  Status s = Store::Open(StoreOptions{}, dir.path(), &store);
  CHECK(s.IsInvalidArgument());
  CHECK(s.message().find(dir.path()) != std::string::npos);
  CHECK(s.message().find("not a tkg store") != std::string::npos);

  // A RocksDB database of some other program.
  std::string other = dir.Join("other");
  {
    rocksdb::Options opts;
    opts.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    REQUIRE(rocksdb::DB::Open(opts, other, &db).ok());
    REQUIRE(db->Put(rocksdb::WriteOptions(), "k", "v").ok());
    delete db;
  }
  s = Store::Open(StoreOptions{}, other, &store);
  CHECK(s.IsInvalidArgument());
  CHECK(s.message().find("not a tkg store") != std::string::npos);

  StoreOptions no_create;
  no_create.create_if_missing = false;
  s = Store::Open(no_create, dir.Join("absent"), &store);
  CHECK(s.IsNotFound());
}

TEST_CASE("a second writer on an open store gets Busy", "[store]") {
  TempDir dir;
  std::string path = dir.Join("db");
  auto first = OpenStore(path);
  std::unique_ptr<Store> second;
  Status s = Store::Open(StoreOptions{}, path, &second);
  INFO(s.ToString());
  CHECK(s.IsBusy());
  CHECK(s.message().find(path) != std::string::npos);
  CHECK(second == nullptr);
  // A read-only handle needs no lock.
  StoreOptions ro;
  ro.read_only = true;
  auto reader = OpenStore(path, ro);
  StoreStats st;
  CHECK(reader->Stats(&st).ok());
}

TEST_CASE("malformed article graphs are rejected with a message", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleBuilder b = HarborArticle();
  ArticleGraph g = b.graph();
  g.statements[0].id.clear();
  PutOutcome outcome;
  Status s = store->PutArticle(g, &outcome);
  CHECK(s.IsInvalidArgument());
  CHECK(s.message().find(g.article.id) != std::string::npos);
  g = b.graph();
  g.article.id.clear();
  CHECK(store->PutArticle(g, &outcome).IsInvalidArgument());
  StoreStats st;
  REQUIRE(store->Stats(&st).ok());
  CHECK(st.articles == 0);
}

TEST_CASE("a store is created with its missing parent directories", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("a/b/db"));
  Put(*store, HarborArticle().graph(), PutOutcome::kInserted);
}

TEST_CASE("concurrent writers and readers see whole articles", "[store][threads]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  // Eight articles by the same speaker, written from four threads while a reader queries.
  std::vector<ArticleGraph> graphs;
  for (int i = 0; i < 8; ++i) {
    ArticleBuilder b("https://threads.example/" + std::to_string(i), "Thread Wire",
                     "Update " + std::to_string(i),
                     "Ada Brook said the bridge reopens soon. Brook said traffic is light.");
    std::string ada =
        b.AddActor("Ada Brook", ActorType::kPerson, {"Brook", "Ms " + std::to_string(i)});
    b.Say(ada, "Ada Brook", "Ada Brook said the bridge reopens soon.", "the bridge reopens soon",
          "2016-06-0" + std::to_string(i + 1));
    b.Say(ada, "Ada Brook", "Brook said traffic is light.", "traffic is light", "");
    graphs.push_back(b.graph());
  }
  std::atomic<bool> bad{false};
  std::atomic<bool> done{false};
  std::thread reader([&] {
    while (!done) {
      StatementQuery q;
      q.speaker = "Brook";
      q.limit = 1000;
      StatementPage page;
      if (!store->QueryStatements(q, &page).ok() || page.statements.size() % 2 != 0) bad = true;
    }
  });
  std::vector<std::thread> writers;
  for (int t = 0; t < 4; ++t) {
    writers.emplace_back([&, t] {
      for (int i = t; i < 8; i += 4) {
        PutOutcome o;
        if (!store->PutArticle(graphs[i], &o).ok()) bad = true;
      }
    });
  }
  for (auto& w : writers) w.join();
  done = true;
  reader.join();
  CHECK_FALSE(bad);
  ActorView v;
  REQUIRE(store->GetActor(ActorId(ActorType::kPerson, "Ada Brook"), &v).ok());
  CHECK(v.article_count == 8);
  CHECK(v.statement_count == 16);
  CHECK(v.actor.aliases.size() == 9);
  StoreStats st;
  REQUIRE(store->Stats(&st).ok());
  CHECK(st.articles == 8);
  CHECK(st.statements == 16);
  CHECK(st.actors == 1);
}
