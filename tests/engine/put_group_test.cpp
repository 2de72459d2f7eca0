// PutArticles: a group of articles in one write stores exactly what one PutArticle per article
// stores (every key and value, links and counters included), each article reading what the
// ones before it in the group wrote; an article at fault is left out and the others stored.
// Names, outlets and sentences are invented.
#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "corpus.h"
#include "fixtures.h"
#include "raw_store.h"
#include "test_support.h"

using namespace tkg;
using namespace tkg::enginetest;
using tkg::testing::TempDir;

namespace {

// Every key and value of every column family of a closed store.
std::map<std::string, std::string> Dump(const std::string& path) {
  RawStore raw(path, /*read_only=*/true);
  std::map<std::string, std::string> out;
  for (const std::string& name : raw.families()) {
    std::unique_ptr<rocksdb::Iterator> it(
        raw.db()->NewIterator(rocksdb::ReadOptions(), raw.family(name)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      out[name + "|" + it->key().ToString()] = it->value().ToString();
    }
    REQUIRE(it->status().ok());
  }
  return out;
}

ArticleBuilder Whitlow(const std::string& url, const std::string& name, const std::string& said) {
  std::string sentence = name + " said " + said + ".";
  ArticleBuilder b(url, "Lakeside Post", "Port news",
                   sentence + " The Marren Port Authority agreed.", "2019-05-02");
  std::string p = b.AddActor(name, ActorType::kPerson);
  b.AddActor("Marren Port Authority", ActorType::kOrganization, {"MPA"});
  b.Say(p, name, sentence, said, "2019-05-02", {"infrastructure"});
  return b;
}

ArticleBuilder Mpa(const std::string& url, const std::string& said) {
  std::string sentence = "The MPA said " + said + ".";
  ArticleBuilder b(url, "Quay Times", "Fees", sentence, "2019-08-15");
  std::string mpa = b.AddActor("MPA", ActorType::kOrganization);
  b.Say(mpa, "MPA", sentence, said, "2019-08-15", {"economy"});
  b.AddEvent("announcement", said, "2019-08-15", {mpa});
  return b;
}

// A sequence that exercises what articles of one group share: a bare surname before and after
// the full name it links to, an organisation's alias before the organisation, the same article
// twice, and an article replaced by a new version (and that version again) in the same group.
std::vector<ArticleGraph> Sequence() {
  return {
      Whitlow("https://a.example/1", "Mrs. Whitlow", "the quay would open").graph(),
      Mpa("https://b.example/1", "berth fees would rise").graph(),
      HarborArticle().graph(),
      Whitlow("https://a.example/2", "Dana Whitlow", "the budget would double").graph(),
      Whitlow("https://a.example/1", "Mrs. Whitlow", "the quay would open").graph(),
      NorthernArticle().graph(),
      Mpa("https://b.example/1", "berth fees would fall").graph(),
      Whitlow("https://a.example/3", "Whitlow", "dredging was delayed").graph(),
      Mpa("https://b.example/1", "berth fees would fall").graph(),
      Mpa("https://b.example/2", "pilots would be hired").graph(),
  };
}

}  // namespace

TEST_CASE("a group write stores exactly what one write per article stores", "[store][group]") {
  const std::vector<ArticleGraph> seq = Sequence();
  TempDir one, grouped, halves;
  std::vector<PutOutcome> want;
  {
    auto store = OpenStore(one.Join("db"));
    for (const auto& g : seq) {
      PutOutcome o{};
      REQUIRE(store->PutArticle(g, &o).ok());
      want.push_back(o);
    }
  }
  CHECK(want[4] == PutOutcome::kUnchanged);
  CHECK(want[6] == PutOutcome::kUpdated);
  CHECK(want[8] == PutOutcome::kUnchanged);
  for (const TempDir* dir : {&grouped, &halves}) {
    auto store = OpenStore(dir->Join("db"));
    size_t group = dir == &grouped ? seq.size() : seq.size() / 2;
    for (size_t i = 0; i < seq.size(); i += group) {
      std::vector<const ArticleGraph*> graphs;
      for (size_t j = i; j < i + group && j < seq.size(); ++j) graphs.push_back(&seq[j]);
      std::vector<PutResult> results;
      REQUIRE(store->PutArticles(graphs, &results).ok());
      REQUIRE(results.size() == graphs.size());
      for (size_t j = 0; j < results.size(); ++j) {
        INFO("article " << i + j << ": " << results[j].status.ToString());
        CHECK(results[j].status.ok());
        CHECK(results[j].outcome == want[i + j]);
      }
    }
  }
  auto expected = Dump(one.Join("db"));
  CHECK(expected.size() > 100);
  CHECK(Dump(grouped.Join("db")) == expected);
  CHECK(Dump(halves.Join("db")) == expected);
}

TEST_CASE("an article at fault in a group is left out and the others are stored",
          "[store][group]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleGraph harbor = HarborArticle().graph();
  ArticleGraph bad = Mpa("https://b.example/bad", "nothing").graph();
  bad.statements[0].id.clear();
  ArticleGraph northern = NorthernArticle().graph();
  std::vector<PutResult> results;
  REQUIRE(store->PutArticles({&harbor, &bad, &northern}, &results).ok());
  REQUIRE(results.size() == 3);
  CHECK(results[0].status.ok());
  CHECK(results[0].outcome == PutOutcome::kInserted);
  CHECK(results[1].status.IsInvalidArgument());
  CHECK(results[1].status.message().find(bad.article.id) != std::string::npos);
  CHECK(results[2].status.ok());
  CHECK(results[2].outcome == PutOutcome::kInserted);

  Article a;
  CHECK(store->GetArticle(harbor.article.id, &a).ok());
  CHECK(store->GetArticle(northern.article.id, &a).ok());
  CHECK(store->GetArticle(bad.article.id, &a).IsNotFound());
  StoreStats st;
  REQUIRE(store->Stats(&st).ok());
  CHECK(st.articles == 2);
  CHECK(st.statements == harbor.statements.size() + northern.statements.size());

  // A group of only faulty articles writes nothing; an empty group is fine.
  REQUIRE(store->PutArticles({&bad}, &results).ok());
  CHECK(results[0].status.IsInvalidArgument());
  REQUIRE(store->PutArticles({}, &results).ok());
  CHECK(results.empty());
  StoreStats after;
  REQUIRE(store->Stats(&after).ok());
  CHECK(after.articles == 2);
}

TEST_CASE("a read-only store refuses a group write", "[store][group]") {
  TempDir dir;
  { OpenStore(dir.Join("db")); }
  StoreOptions ro;
  ro.read_only = true;
  auto store = OpenStore(dir.Join("db"), ro);
  ArticleGraph harbor = HarborArticle().graph();
  std::vector<PutResult> results;
  CHECK(store->PutArticles({&harbor}, &results).IsInvalidArgument());
}
