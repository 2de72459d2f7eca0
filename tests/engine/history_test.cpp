// Article versions: a changed page at the same id becomes a new version; the old version's
// statements stay queryable as superseded history.
#include <rocksdb/db.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "corpus.h"
#include "fixtures.h"
#include "raw_store.h"
#include "test_support.h"

using namespace tkg;
using namespace tkg::enginetest;
using tkg::testing::TempDir;

namespace {

// The Northern Wire article, corrected: Brandt is gone, Quell says something else.
ArticleBuilder NorthernCorrected() {
  ArticleBuilder v2("https://northern-wire.example/quell-brandt", "Northern Wire",
                    "Quell visits Kestrel",
                    "Mara Quell visited Kestrel on April 2. Quell said the harbour needs new "
                    "sensors.",
                    "2016-04-03");
  std::string quell = v2.AddActor("Mara Quell", ActorType::kPerson, {"Quell"});
  v2.Say(quell, "Mara Quell", "Quell said the harbour needs new sensors.",
         "the harbour needs new sensors", "2016-04-02", kCyber);
  v2.graph().article.ingested_at = 1700000100;
  return v2;
}

StatementPage Query(Store& store, StatementQuery q) {
  StatementPage page;
  Status s = store.QueryStatements(q, &page);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return page;
}

// "text|version|superseded" for each statement of a page.
std::multiset<std::string> Rows(const StatementPage& page) {
  std::multiset<std::string> out;
  for (const auto& v : page.statements) {
    out.insert(v.statement.text + "|" + std::to_string(v.article_version) + "|" +
               (v.superseded ? "old" : "current"));
  }
  return out;
}

std::vector<ArticleVersionInfo> Versions(Store& store, const std::string& id) {
  std::vector<ArticleVersionInfo> out;
  Status s = store.ArticleVersions(id, &out);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return out;
}

}  // namespace

TEST_CASE("an updated article keeps its old statements as superseded history", "[store][history]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleBuilder v1 = NorthernArticle();
  ArticleBuilder v2 = NorthernCorrected();
  const std::string id = v1.graph().article.id;
  REQUIRE(v2.graph().article.id == id);
  Put(*store, HarborArticle().graph(), PutOutcome::kInserted);
  Put(*store, v1.graph(), PutOutcome::kInserted);

  auto versions = Versions(*store, id);
  REQUIRE(versions.size() == 1);
  CHECK(versions[0].version == 1);
  CHECK(versions[0].current);
  CHECK(versions[0].statement_count == 2);
  CHECK(versions[0].content_hash == v1.graph().article.content_hash);

  Put(*store, v2.graph(), PutOutcome::kUpdated);

  versions = Versions(*store, id);
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].version == 1);
  CHECK_FALSE(versions[0].current);
  CHECK(versions[0].statement_count == 2);
  CHECK(versions[0].content_hash == v1.graph().article.content_hash);
  CHECK(versions[0].ingested_at == 1700000000);
  CHECK(versions[1].version == 2);
  CHECK(versions[1].current);
  CHECK(versions[1].statement_count == 1);
  CHECK(versions[1].content_hash == v2.graph().article.content_hash);
  CHECK(versions[1].ingested_at == 1700000100);

  StoreStats st;
  REQUIRE(store->Stats(&st).ok());
  CHECK(st.statements == 5);  // four in Harbor Ledger, one in the new version
  CHECK(st.superseded_statements == 2);

  // By default only current versions answer.
  StatementQuery q;
  q.limit = 1000;
  auto current = Rows(Query(*store, q));
  CHECK(current.size() == 5);
  CHECK(current.count("the harbour needs new sensors|2|current") == 1);
  CHECK(current.count("the talks on grid security were frank|1|old") == 0);

  // With history, the old version's statements come back, marked, with their own evidence.
  q.include_superseded = true;
  StatementPage all = Query(*store, q);
  auto rows = Rows(all);
  CHECK(rows.size() == 7);
  CHECK(rows.count("the talks on grid security were frank|1|old") == 1);
  CHECK(rows.count("the region must invest in cyber defence|1|old") == 1);
  CHECK(rows.count("the harbour needs new sensors|2|current") == 1);
  CHECK(rows.count("the city would fund a new firewall program|1|current") == 1);
  for (const auto& v : all.statements) {
    if (v.statement.text == "the talks on grid security were frank") {
      CHECK(v.sentence == "Brandt said the talks on grid security were frank.");
      CHECK(v.article_headline == "Quell meets regional leaders");
      CHECK(v.article_outlet == "Northern Wire");
      CHECK(v.statement.article_id == id);
    }
    if (v.statement.text == "the harbour needs new sensors") {
      CHECK(v.sentence == "Quell said the harbour needs new sensors.");
      CHECK(v.article_headline == "Quell visits Kestrel");
    }
  }

  // Filters apply to history too: topic, date range, speaker id (the actor itself is gone).
  StatementQuery by_topic;
  by_topic.topic = "cyber deterrence";
  by_topic.limit = 1000;
  CHECK(Rows(Query(*store, by_topic)).count("the region must invest in cyber defence|1|old") == 0);
  by_topic.include_superseded = true;
  CHECK(Rows(Query(*store, by_topic)).count("the region must invest in cyber defence|1|old") == 1);

  StatementQuery april;
  april.from = Day("2016-04-01");
  april.to = Day("2016-04-30");
  april.include_superseded = true;
  const std::string year = "the office had tracked the intrusions since 2015|1|current";  // 2016
  CHECK(Rows(Query(*store, april)) ==
        std::multiset<std::string>{"the harbour needs new sensors|2|current",
                                   "the region must invest in cyber defence|1|old",
                                   "the talks on grid security were frank|1|old", year});
  april.include_superseded = false;
  CHECK(Rows(Query(*store, april)) ==
        std::multiset<std::string>{"the harbour needs new sensors|2|current", year});

  const std::string brandt = ActorId(ActorType::kPerson, "Ilse Brandt");
  StatementQuery by_brandt;
  by_brandt.speaker = brandt;
  CHECK(Query(*store, by_brandt).statements.empty());
  by_brandt.include_superseded = true;
  CHECK(Rows(Query(*store, by_brandt)) ==
        std::multiset<std::string>{"the talks on grid security were frank|1|old"});

  StatementQuery by_outlet;
  by_outlet.outlet = "Northern Wire";
  by_outlet.include_superseded = true;
  CHECK(Query(*store, by_outlet).statements.size() == 3);

  // History is out of the graph: no edges for superseded statements.
  std::vector<Edge> edges;
  REQUIRE(store->Neighbors(brandt, EdgeType::kSaidBy, false, &edges).ok());
  CHECK(edges.empty());
  ArticleGraph g;
  REQUIRE(store->GetArticleGraph(id, &g).ok());
  CHECK(g.statements.size() == 1);
  CHECK(g.article.content_hash == v2.graph().article.content_hash);
}

TEST_CASE("reverting to an earlier content is a further version", "[store][history]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleBuilder v1 = NorthernArticle();
  ArticleBuilder v2 = NorthernCorrected();
  const std::string id = v1.graph().article.id;
  Put(*store, v1.graph(), PutOutcome::kInserted);
  Put(*store, v2.graph(), PutOutcome::kUpdated);
  Put(*store, v2.graph(), PutOutcome::kUnchanged);
  Put(*store, v1.graph(), PutOutcome::kUpdated);

  auto versions = Versions(*store, id);
  REQUIRE(versions.size() == 3);
  CHECK(versions[2].version == 3);
  CHECK(versions[2].current);
  CHECK(versions[2].content_hash == versions[0].content_hash);
  CHECK(versions[1].statement_count == 1);

  StoreStats st;
  REQUIRE(store->Stats(&st).ok());
  CHECK(st.statements == 2);
  CHECK(st.superseded_statements == 3);

  // The same statement (same id) is current in version 3 and history in version 1.
  StatementQuery q;
  q.limit = 1000;
  q.include_superseded = true;
  auto rows = Rows(Query(*store, q));
  CHECK(rows == std::multiset<std::string>{"the talks on grid security were frank|1|old",
                                           "the region must invest in cyber defence|1|old",
                                           "the harbour needs new sensors|2|old",
                                           "the talks on grid security were frank|3|current",
                                           "the region must invest in cyber defence|3|current"});

  // Pages of one row walk every row once, history included.
  std::multiset<std::string> paged;
  q.limit = 1;
  for (int guard = 0; guard < 20; ++guard) {
    StatementPage page = Query(*store, q);
    REQUIRE(page.statements.size() <= 1);
    auto r = Rows(page);
    paged.insert(r.begin(), r.end());
    if (page.next_cursor.empty()) break;
    q.cursor = page.next_cursor;
  }
  CHECK(paged == rows);

  // Brandt is back, so is the name.
  std::vector<std::string> ids;
  REQUIRE(store->ResolveActor("Governor Brandt", &ids).ok());
  CHECK(ids.size() == 1);
}

TEST_CASE("history survives reopening, and versions of unknown articles are NotFound",
          "[store][history]") {
  TempDir dir;
  std::string path = dir.Join("db");
  const std::string id = NorthernArticle().graph().article.id;
  {
    auto store = OpenStore(path);
    Put(*store, NorthernArticle().graph(), PutOutcome::kInserted);
    Put(*store, NorthernCorrected().graph(), PutOutcome::kUpdated);
  }
  auto store = OpenStore(path);
  CHECK(Versions(*store, id).size() == 2);
  StatementQuery q;
  q.include_superseded = true;
  CHECK(Query(*store, q).statements.size() == 3);
  std::vector<ArticleVersionInfo> versions;
  CHECK(store->ArticleVersions("a0000000000000000", &versions).IsNotFound());
  CHECK(versions.empty());
}

TEST_CASE("an article stored before versions were recorded counts as version 1",
          "[store][history]") {
  TempDir dir;
  std::string path = dir.Join("db");
  const std::string id = NorthernArticle().graph().article.id;
  {
    auto store = OpenStore(path);
    Put(*store, NorthernArticle().graph(), PutOutcome::kInserted);
  }
  {
    // Remove the version record, as a store written by the first engine lacks it.
    RawStore raw(path);
    std::string key = "V" + id;
    key.push_back('\0');
    key.append(std::string("\0\0\0\1", 4));
    std::string v;
    REQUIRE(raw.db()->Get(rocksdb::ReadOptions(), raw.family("nodes"), key, &v).ok());
    REQUIRE(raw.db()->Delete(rocksdb::WriteOptions(), raw.family("nodes"), key).ok());
  }
  auto store = OpenStore(path);
  auto versions = Versions(*store, id);
  REQUIRE(versions.size() == 1);
  CHECK(versions[0].version == 1);
  CHECK(versions[0].current);
  CHECK(versions[0].statement_count == 2);
  StatementQuery q;
  q.limit = 1000;
  auto page = Query(*store, q);
  REQUIRE(page.statements.size() == 2);
  CHECK(page.statements[0].article_version == 1);

  Put(*store, NorthernCorrected().graph(), PutOutcome::kUpdated);
  versions = Versions(*store, id);
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].version == 1);
  CHECK_FALSE(versions[0].current);
  CHECK(versions[0].statement_count == 2);
  CHECK(versions[1].version == 2);
  q.include_superseded = true;
  CHECK(Query(*store, q).statements.size() == 3);
}
