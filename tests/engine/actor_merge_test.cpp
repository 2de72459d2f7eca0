// Merged actors (the "P" records) are kept incrementally: a new article adds its view of each
// actor to the stored one, and an update replaces its old view. Whatever the path, the merged
// actor must equal one recomputed from scratch from the articles stored at that moment: the
// union of their names, aliases and roles, the number of articles that mention the actor and
// the statements it made in them. Names, outlets and sentences are invented.
#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "fixtures.h"
#include "raw_store.h"
#include "test_support.h"

using namespace tkg;
using namespace tkg::enginetest;
using tkg::testing::TempDir;

namespace {

// What a merged actor must hold, independent of the order in which articles arrived.
struct Expected {
  std::set<std::string> names;  // folded canonical name and aliases
  std::set<std::string> roles;  // folded "title\0of"
  uint32_t articles = 0, statements = 0;
};

std::string RoleKey(const Role& r) { return FoldName(r.title) + '\0' + FoldName(r.of); }

// Recomputed from scratch from the current version of every stored article.
std::map<std::string, Expected> Recompute(const std::vector<ArticleGraph>& graphs) {
  std::map<std::string, Expected> out;
  for (const auto& g : graphs) {
    for (const Actor& a : g.actors) {
      Expected& e = out[a.id];
      e.names.insert(FoldName(a.name));
      for (const auto& al : a.aliases) e.names.insert(FoldName(al));
      for (const auto& r : a.roles) e.roles.insert(RoleKey(r));
      e.articles += 1;
    }
    for (const Statement& s : g.statements) {
      if (!s.speaker_id.empty()) out[s.speaker_id].statements += 1;
    }
  }
  return out;
}

void CheckMerged(Store& store, const std::vector<ArticleGraph>& graphs) {
  std::map<std::string, Expected> want = Recompute(graphs);
  for (const auto& [id, e] : want) {
    ActorView v;
    Status s = store.GetActor(id, &v);
    INFO(id << ": " << s.ToString());
    REQUIRE(s.ok());
    REQUIRE(v.merges.empty());  // no actor links here: the record is the actor's own
    std::set<std::string> names{FoldName(v.actor.name)};
    for (const auto& al : v.actor.aliases) names.insert(FoldName(al));
    std::set<std::string> roles;
    for (const auto& r : v.actor.roles) roles.insert(RoleKey(r));
    CHECK(names == e.names);
    CHECK(roles == e.roles);
    CHECK(v.article_count == e.articles);
    CHECK(v.statement_count == e.statements);
    CHECK(v.actor.aliases.size() + 1 == names.size());  // no duplicate alias
    CHECK(v.actor.roles.size() == roles.size());
  }
}

// Article i of a series: the same few actors in every article (an outlet-like organisation, a
// country, a minister), each with a name form, alias or role that only some articles give, and
// one actor of its own.
ArticleGraph SeriesArticle(int i, const std::string& extra = "") {
  std::string n = std::to_string(i);
  std::string body = "Minister Ilse Varnow of Teravia said the grain levy " + n +
                     " would stay. The Corvel Wire reported that Varnow met traders. " +
                     "Teravian officials and Osk Pellam " + n + " agreed." + extra;
  ArticleBuilder b("https://corvel-wire.example/levy/" + n, "Corvel Wire", "Levy " + n, body,
                   "2021-04-" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1));
  std::vector<std::string> minister_aliases = {"Varnow"};
  if (i % 3 == 0) minister_aliases.push_back("Minister Varnow");
  if (i == 0) minister_aliases.push_back("Ilsa Vornau");  // given by article 0 only
  std::vector<Role> roles;
  if (i % 2 == 0) roles.push_back({"Minister", "Teravia", Tv("2021-04"), b.Find("Minister")});
  if (i % 4 == 1) roles.push_back({"chair", "Grain Council", Tv("2021-04"), b.Find("Minister")});
  if (i == 0) roles.push_back({"envoy", "Nordmark", Tv("2021-04"), b.Find("Minister")});
  std::string varnow = b.AddActor("Ilse Varnow", ActorType::kPerson, minister_aliases, roles);
  std::vector<std::string> country_aliases;
  if (i % 2 == 1) country_aliases.push_back("Teravian officials");
  std::string teravia = b.AddActor("Teravia", ActorType::kPlace, country_aliases);
  std::vector<std::string> wire_aliases;
  if (i % 5 == 0) wire_aliases.push_back("the Wire");
  b.AddActor("Corvel Wire", ActorType::kOrganization, wire_aliases);
  std::string pellam = b.AddActor("Osk Pellam " + n, ActorType::kPerson);
  b.Say(varnow, "Ilse Varnow",
        "Minister Ilse Varnow of Teravia said the grain levy " + n + " would stay.",
        "the grain levy " + n + " would stay", "2021-04");
  if (i % 3 == 1) {
    b.Say(pellam, "Osk Pellam " + n, "Teravian officials and Osk Pellam " + n + " agreed.",
          "Teravian officials and Osk Pellam " + n + " agreed", "2021-04");
  }
  b.AddEvent("meeting", "Varnow met traders", "2021-04", {varnow, teravia});
  return b.graph();
}

}  // namespace

TEST_CASE("merged actors kept incrementally equal a recomputation from the stored articles",
          "[actors][merge]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  constexpr int kArticles = 12;
  std::vector<ArticleGraph> current;
  for (int i = 0; i < kArticles; ++i) {
    current.push_back(SeriesArticle(i));
    Put(*store, current.back(), PutOutcome::kInserted);
  }
  CheckMerged(*store, current);

  SECTION("after an update that keeps every name and role and adds one") {
    ArticleGraph g = SeriesArticle(4, " Ilse Varnow thanked them.");
    g.actors[0].aliases.push_back("Ilse");
    g.statements.push_back(g.statements.front());
    g.statements.back().text_span = {0, 4};  // a second statement of the minister
    g.statements.back().id = StatementId(g.article.id, g.statements.back().text_span);
    Put(*store, g, PutOutcome::kUpdated);
    current[4] = g;
    CheckMerged(*store, current);
  }

  SECTION("after an update that drops names, a role, a statement and an actor") {
    // Article 0 drops "Ilsa Vornau" and "envoy" (its own), "the Wire" (5 and 10 still give it),
    // "Minister Varnow" (3, 6, 9 too), the minister's role (other even articles too), his
    // statement and its one-off actor; article 1
    // drops the minister altogether ("chair" then stays given by 5 and 9 only).
    ArticleGraph g0 = SeriesArticle(0, " Later in the day.");
    g0.actors[0].aliases = {"Varnow"};
    g0.actors[0].roles.clear();
    g0.actors[2].aliases.clear();
    g0.actors.pop_back();
    g0.statements.clear();
    Put(*store, g0, PutOutcome::kUpdated);
    current[0] = g0;
    CheckMerged(*store, current);

    ArticleGraph g1 = SeriesArticle(1, " Nothing more.");
    std::string varnow = g1.actors[0].id;
    g1.actors.erase(g1.actors.begin());
    std::vector<Statement> kept;
    for (const auto& s : g1.statements) {
      if (s.speaker_id != varnow) kept.push_back(s);
    }
    g1.statements = kept;
    g1.events.clear();
    Put(*store, g1, PutOutcome::kUpdated);
    current[1] = g1;
    CheckMerged(*store, current);

    // An actor no stored article mentions any more is gone, with its names.
    ActorView gone;
    CHECK(store->GetActor(SeriesArticle(0).actors.back().id, &gone).IsNotFound());
    std::vector<std::string> ids;
    REQUIRE(store->ResolveActor("Osk Pellam 0", &ids).ok());
    CHECK(ids.empty());
    REQUIRE(store->ResolveActor("Ilsa Vornau", &ids).ok());
    CHECK(ids.empty());

    // And a store that imports the final versions from scratch, in reverse order, agrees.
    TempDir fresh_dir;
    auto fresh = OpenStore(fresh_dir.path());
    for (auto it = current.rbegin(); it != current.rend(); ++it) {
      Put(*fresh, *it, PutOutcome::kInserted);
    }
    CheckMerged(*fresh, current);
  }

  SECTION("after the same articles again (nothing changes)") {
    for (int i = 0; i < kArticles; ++i) Put(*store, SeriesArticle(i), PutOutcome::kUnchanged);
    CheckMerged(*store, current);
  }
}

namespace {

ArticleGraph OrgArticle(const std::string& slug, const std::string& name,
                        std::vector<std::string> aliases) {
  ArticleBuilder b("https://ostrel-courier.example/" + slug, "Ostrel Courier", "Shipping " + slug,
                   "The " + name + " said tolls would rise. OSB officials declined to comment.",
                   "2022-02-01");
  b.AddActor(name, ActorType::kOrganization, std::move(aliases));
  return b.graph();
}

}  // namespace

// A short form stored first, and later given as an alias of a longer organisation: the link is
// found through the organisation-name keys, which a store written before them gets on opening.
TEST_CASE("an alias given later links the organisation of that name, also in an older store",
          "[actors][merge][links]") {
  TempDir dir;
  const std::string path = dir.Join("db");
  const std::string osb = ActorId(ActorType::kOrganization, "OSB");
  const std::string board = ActorId(ActorType::kOrganization, "Ostrel Shipping Board");
  {
    auto store = OpenStore(path);
    Put(*store, OrgArticle("a", "OSB", {}), PutOutcome::kInserted);
    Put(*store, OrgArticle("b", "Ostrel Shipping Board", {}), PutOutcome::kInserted);
    ActorView v;
    REQUIRE(store->GetActor(osb, &v).ok());
    CHECK(v.merged_into.empty());
  }
  bool older = GENERATE(false, true);
  if (older) {
    // Make it look like a store written before organisation-name keys: no marker, no C keys.
    RawStore raw(path);
    REQUIRE(raw.db()->Delete(rocksdb::WriteOptions(), raw.family("meta"), "org_names").ok());
    REQUIRE(raw.db()->DeleteRange(rocksdb::WriteOptions(), raw.family("index"), "C", "D").ok());
  }
  auto store = OpenStore(path);
  Put(*store, OrgArticle("c", "Ostrel Shipping Board", {"OSB"}), PutOutcome::kInserted);
  ActorView v;
  REQUIRE(store->GetActor(osb, &v).ok());
  CHECK(v.merged_into == board);
  std::vector<std::string> ids;
  REQUIRE(store->ResolveActor("OSB", &ids).ok());
  CHECK(ids == std::vector<std::string>{board});
}
