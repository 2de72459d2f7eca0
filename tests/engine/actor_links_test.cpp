// Actor links: a bare surname or an organisation's short form is linked to the one stored actor
// it stands for, with evidence; never two people who share a surname; independent of import
// order; followed by ResolveActor, GetActor, FindActors and speaker/participant queries.
// Names, outlets and sentences are invented.
#include <rocksdb/db.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>

#include "fixtures.h"
#include "raw_store.h"
#include "test_support.h"

using namespace tkg;
using namespace tkg::enginetest;
using tkg::testing::TempDir;

namespace {

// Dana Whitlow, named in full.
ArticleBuilder DanaArticle() {
  ArticleBuilder b(
      "https://lakeside-post.example/whitlow-budget", "Lakeside Post", "Whitlow presents budget",
      "Dana Whitlow said the port budget would double. Whitlow spoke in Marren.", "2019-05-02");
  std::string dana = b.AddActor("Dana Whitlow", ActorType::kPerson, {"Whitlow"});
  b.Say(dana, "Dana Whitlow", "Dana Whitlow said the port budget would double.",
        "the port budget would double", "2019-05-02");
  return b;
}

// Only "Mrs. Whitlow": the article never gives her full name.
ArticleBuilder MrsArticle() {
  ArticleBuilder b("https://quay-times.example/dredging", "Quay Times", "Dredging delayed",
                   "The dredging is delayed. Mrs. Whitlow said the contract was under review. "
                   "She met the harbour board on June 3.",
                   "2019-06-04");
  std::string mrs = b.AddActor("Mrs. Whitlow", ActorType::kPerson, {"She"});
  b.Say(mrs, "Mrs. Whitlow", "Mrs. Whitlow said the contract was under review.",
        "the contract was under review", "2019-06-03");
  b.AddEvent("meeting", "met the harbour board on June 3", "2019-06-03", {mrs});
  return b;
}

// A second person named Whitlow.
ArticleBuilder RubenArticle() {
  ArticleBuilder b("https://lakeside-post.example/ruben-whitlow", "Lakeside Post",
                   "Ferry captain retires", "Ruben Whitlow said he would miss the night crossings.",
                   "2019-07-01");
  std::string ruben = b.AddActor("Ruben Whitlow", ActorType::kPerson, {"Whitlow"});
  b.Say(ruben, "Ruben Whitlow", "Ruben Whitlow said he would miss the night crossings.",
        "he would miss the night crossings", "2019-07-01");
  return b;
}

// The Marren Port Authority, with the short form the article itself gives.
ArticleBuilder AuthorityArticle() {
  ArticleBuilder b("https://quay-times.example/authority", "Quay Times", "Authority hires pilots",
                   "The Marren Port Authority (MPA) said it would hire ten pilots.", "2019-08-01");
  std::string mpa = b.AddActor("Marren Port Authority", ActorType::kOrganization, {"MPA"});
  b.Say(mpa, "Marren Port Authority",
        "The Marren Port Authority (MPA) said it would hire ten pilots.",
        "it would hire ten pilots", "2019-08-01");
  return b;
}

// Only "MPA".
ArticleBuilder MpaArticle() {
  ArticleBuilder b("https://lakeside-post.example/mpa-fees", "Lakeside Post", "Fees rise",
                   "The MPA said berth fees would rise in autumn.", "2019-08-15");
  std::string mpa = b.AddActor("MPA", ActorType::kOrganization);
  b.Say(mpa, "MPA", "The MPA said berth fees would rise in autumn.",
        "berth fees would rise in autumn", "2019-08-15");
  return b;
}

std::string Id(ActorType t, const std::string& name) { return ActorId(t, name); }

ActorView ViewOfActor(Store& store, const std::string& id) {
  ActorView v;
  Status s = store.GetActor(id, &v);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return v;
}

std::vector<std::string> Resolve(Store& store, const std::string& q) {
  std::vector<std::string> ids;
  REQUIRE(store.ResolveActor(q, &ids).ok());
  return ids;
}

std::vector<std::string> SpeakerTexts(Store& store, const std::string& speaker) {
  StatementQuery q;
  q.speaker = speaker;
  auto texts = TextsOf(store, q);
  std::sort(texts.begin(), texts.end());
  return texts;
}

// Raw key/value pairs of one column family whose keys start with `prefix` (store closed).
std::map<std::string, std::string> RawDump(const std::string& path, const std::string& family,
                                           const std::string& prefix) {
  RawStore raw(path, /*read_only=*/true);
  std::map<std::string, std::string> out;
  for (const std::string& name : raw.families()) {
    if (name != family && !family.empty()) continue;
    std::unique_ptr<rocksdb::Iterator> it(
        raw.db()->NewIterator(rocksdb::ReadOptions(), raw.family(name)));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      out[name + "|" + it->key().ToString()] = it->value().ToString();
    }
    REQUIRE(it->status().ok());
  }
  return out;
}

// The link keys of a closed store: link records (nodes "L"), reverse links (index "L") and
// the surname index (index "U").
std::map<std::string, std::string> LinkKeys(const std::string& path) {
  auto out = RawDump(path, "nodes", "L");
  for (const char* p : {"L", "U"}) {
    auto more = RawDump(path, "index", p);
    out.insert(more.begin(), more.end());
  }
  return out;
}

void PutAll(Store& store, const std::vector<ArticleGraph>& graphs) {
  for (const auto& g : graphs) Put(store, g, PutOutcome::kInserted);
}

}  // namespace

TEST_CASE("a bare surname is linked to the one full-name person with it, with evidence",
          "[actors][links]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleBuilder dana = DanaArticle();
  ArticleBuilder mrs = MrsArticle();
  PutAll(*store, {dana.graph(), mrs.graph()});
  const std::string dana_id = Id(ActorType::kPerson, "Dana Whitlow");
  const std::string mrs_id = Id(ActorType::kPerson, "Mrs. Whitlow");

  ActorView linked = ViewOfActor(*store, mrs_id);
  CHECK(linked.actor.name == "Mrs. Whitlow");
  CHECK(linked.merged_into == dana_id);
  REQUIRE(linked.merges.size() == 1);
  const ActorMerge& m = linked.merges[0];
  CHECK(m.from_id == mrs_id);
  CHECK(m.to_id == dana_id);
  CHECK(m.rule == "unique-surname");
  CHECK(m.article_id == mrs.graph().article.id);
  CHECK(m.evidence == mrs.Find("Mrs. Whitlow"));
  CHECK(m.alias == "Mrs. Whitlow");
  CHECK(m.when == mrs.graph().article.published);

  ActorView canonical = ViewOfActor(*store, dana_id);
  CHECK(canonical.merged_into.empty());
  REQUIRE(canonical.merges.size() == 1);
  CHECK(canonical.merges[0].from_id == mrs_id);
  CHECK(std::count(canonical.actor.aliases.begin(), canonical.actor.aliases.end(),
                   "Mrs. Whitlow") == 1);
  CHECK(canonical.statement_count == 2);
  CHECK(canonical.article_count == 2);

  // Resolution and queries follow the link both ways.
  CHECK(Resolve(*store, "Dana Whitlow") == std::vector<std::string>{dana_id});
  CHECK(Resolve(*store, "Mrs. Whitlow") == std::vector<std::string>{dana_id});
  CHECK(Resolve(*store, mrs_id) == std::vector<std::string>{dana_id});
  const std::vector<std::string> both = {"the contract was under review",
                                         "the port budget would double"};
  CHECK(SpeakerTexts(*store, "Dana Whitlow") == both);
  CHECK(SpeakerTexts(*store, dana_id) == both);
  CHECK(SpeakerTexts(*store, mrs_id) == both);  // an actor timeline asks by the actor's id
  EventQuery eq;
  eq.participant = "Dana Whitlow";
  std::vector<Event> events;
  REQUIRE(store->QueryEvents(eq, &events).ok());
  REQUIRE(events.size() == 1);
  CHECK(events[0].participant_ids == std::vector<std::string>{mrs_id});

  // FindActors answers with the canonical actor, once.
  for (const char* q : {"Mrs", "Dana", "whitlow"}) {
    std::vector<ActorView> found;
    REQUIRE(store->FindActors(q, 10, &found).ok());
    INFO(q);
    REQUIRE(found.size() == 1);
    CHECK(found[0].actor.id == dana_id);
  }
}

TEST_CASE("two people who share a surname are never merged, in any import order",
          "[actors][links]") {
  const std::vector<ArticleGraph> a = {DanaArticle().graph(), MrsArticle().graph(),
                                       RubenArticle().graph()};
  const std::vector<std::vector<int>> orders = {{0, 1, 2}, {2, 1, 0}, {1, 2, 0}, {1, 0, 2}};
  const std::string dana_id = Id(ActorType::kPerson, "Dana Whitlow");
  const std::string ruben_id = Id(ActorType::kPerson, "Ruben Whitlow");
  const std::string mrs_id = Id(ActorType::kPerson, "Mrs. Whitlow");
  std::optional<std::map<std::string, std::string>> first_keys;
  for (const auto& order : orders) {
    INFO("order " << order[0] << order[1] << order[2]);
    TempDir dir;
    {
      auto store = OpenStore(dir.Join("db"));
      for (size_t i = 0; i < order.size(); ++i) {
        Put(*store, a[order[i]], PutOutcome::kInserted);
        // While one full-name Whitlow is stored, Mrs. Whitlow is linked to that one; once both
        // are, to neither.
        bool dana_in = false, mrs_in = false, ruben_in = false;
        for (size_t j = 0; j <= i; ++j) {
          dana_in = dana_in || order[j] == 0;
          mrs_in = mrs_in || order[j] == 1;
          ruben_in = ruben_in || order[j] == 2;
        }
        if (mrs_in) {
          std::string want = dana_in && !ruben_in ? dana_id : ruben_in && !dana_in ? ruben_id : "";
          CHECK(ViewOfActor(*store, mrs_id).merged_into == want);
        }
      }
      ActorView mrs = ViewOfActor(*store, mrs_id);
      CHECK(mrs.merged_into.empty());
      CHECK(mrs.merges.empty());
      for (const auto& id : {dana_id, ruben_id}) {
        ActorView v = ViewOfActor(*store, id);
        CHECK(v.merged_into.empty());
        CHECK(v.merges.empty());
        CHECK(v.statement_count == 1);
      }
      CHECK(Resolve(*store, "Dana Whitlow") == std::vector<std::string>{dana_id});
      CHECK(Resolve(*store, "Ruben Whitlow") == std::vector<std::string>{ruben_id});
      CHECK(SpeakerTexts(*store, "Dana Whitlow") ==
            std::vector<std::string>{"the port budget would double"});
      CHECK(SpeakerTexts(*store, "Mrs. Whitlow") ==
            std::vector<std::string>{"the contract was under review"});
    }
    auto keys = LinkKeys(dir.Join("db"));
    CHECK(keys.size() == 3);  // the surname index only: no link
    if (!first_keys) {
      first_keys = keys;
    } else {
      CHECK(keys == *first_keys);
    }
  }
}

TEST_CASE("links end the same whatever the import order", "[actors][links]") {
  const std::vector<ArticleGraph> a = {DanaArticle().graph(), MrsArticle().graph(),
                                       AuthorityArticle().graph(), MpaArticle().graph()};
  TempDir d1, d2;
  {
    auto s1 = OpenStore(d1.Join("db"));
    PutAll(*s1, {a[0], a[1], a[2], a[3]});
    auto s2 = OpenStore(d2.Join("db"));
    PutAll(*s2, {a[3], a[1], a[2], a[0]});
    for (Store* s : {s1.get(), s2.get()}) {
      CHECK(ViewOfActor(*s, Id(ActorType::kPerson, "Mrs. Whitlow")).merged_into ==
            Id(ActorType::kPerson, "Dana Whitlow"));
      CHECK(ViewOfActor(*s, Id(ActorType::kOrganization, "MPA")).merged_into ==
            Id(ActorType::kOrganization, "Marren Port Authority"));
    }
  }
  auto k1 = LinkKeys(d1.Join("db"));
  auto k2 = LinkKeys(d2.Join("db"));
  CHECK(k1.size() == 2 * 2 + 2);  // two links (record + reverse key) and two surname entries
  CHECK(k1 == k2);
}

TEST_CASE("an organisation named by another's alias is linked to it, if unique",
          "[actors][links]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleBuilder mpa = MpaArticle();
  PutAll(*store, {mpa.graph(), AuthorityArticle().graph()});
  const std::string mpa_id = Id(ActorType::kOrganization, "MPA");
  const std::string authority_id = Id(ActorType::kOrganization, "Marren Port Authority");

  ActorView short_form = ViewOfActor(*store, mpa_id);
  CHECK(short_form.merged_into == authority_id);
  REQUIRE(short_form.merges.size() == 1);
  CHECK(short_form.merges[0].rule == "org-alias");
  CHECK(short_form.merges[0].article_id == mpa.graph().article.id);
  CHECK(short_form.merges[0].evidence == mpa.Find("MPA"));
  CHECK(SpeakerTexts(*store, "Marren Port Authority") ==
        std::vector<std::string>{"berth fees would rise in autumn", "it would hire ten pilots"});
  CHECK(Resolve(*store, "MPA") == std::vector<std::string>{authority_id});

  // A second organisation giving the same short form makes it ambiguous: the link goes.
  ArticleBuilder other("https://quay-times.example/museum", "Quay Times", "Museum reopens",
                       "The Marren Pottery Association (MPA) said the museum would reopen.",
                       "2019-09-01");
  other.AddActor("Marren Pottery Association", ActorType::kOrganization, {"MPA"});
  Put(*store, other.graph(), PutOutcome::kInserted);
  short_form = ViewOfActor(*store, mpa_id);
  CHECK(short_form.merged_into.empty());
  CHECK(short_form.merges.empty());
  CHECK(ViewOfActor(*store, authority_id).merges.empty());
  CHECK(SpeakerTexts(*store, "Marren Port Authority") ==
        std::vector<std::string>{"it would hire ten pilots"});
}

TEST_CASE("re-importing linked articles writes nothing, reopening answers the same",
          "[actors][links]") {
  TempDir dir;
  const std::string path = dir.Join("db");
  const std::vector<ArticleGraph> a = {DanaArticle().graph(), MrsArticle().graph(),
                                       AuthorityArticle().graph(), MpaArticle().graph()};
  ActorView before;
  {
    auto store = OpenStore(path);
    PutAll(*store, a);
    before = ViewOfActor(*store, Id(ActorType::kPerson, "Dana Whitlow"));
  }
  auto raw_before = RawDump(path, "", "");
  {
    auto store = OpenStore(path);
    for (const auto& g : a) Put(*store, g, PutOutcome::kUnchanged);
    ActorView after = ViewOfActor(*store, Id(ActorType::kPerson, "Dana Whitlow"));
    CHECK(after.merges.size() == before.merges.size());
    CHECK(after.actor.aliases == before.actor.aliases);
    CHECK(after.statement_count == before.statement_count);
  }
  CHECK(RawDump(path, "", "") == raw_before);

  // Read-only and reopened: the same answers.
  StoreOptions ro;
  ro.read_only = true;
  auto store = OpenStore(path, ro);
  ActorView again = ViewOfActor(*store, Id(ActorType::kPerson, "Mrs. Whitlow"));
  REQUIRE(again.merges.size() == 1);
  CHECK(again.merged_into == Id(ActorType::kPerson, "Dana Whitlow"));
  CHECK(again.merges[0].evidence == before.merges[0].evidence);
  CHECK(SpeakerTexts(*store, "Dana Whitlow").size() == 2);
}

TEST_CASE("an article update that drops the alias drops its link", "[actors][links]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  PutAll(*store, {DanaArticle().graph(), MrsArticle().graph()});
  const std::string mrs_id = Id(ActorType::kPerson, "Mrs. Whitlow");
  REQUIRE(!ViewOfActor(*store, mrs_id).merged_into.empty());

  ArticleBuilder v2("https://quay-times.example/dredging", "Quay Times", "Dredging delayed",
                    "The dredging is delayed. The contractor said the work resumes in July.",
                    "2019-06-04");
  Put(*store, v2.graph(), PutOutcome::kUpdated);
  ActorView gone;
  CHECK(store->GetActor(mrs_id, &gone).IsNotFound());
  ActorView dana = ViewOfActor(*store, Id(ActorType::kPerson, "Dana Whitlow"));
  CHECK(dana.merges.empty());
  CHECK(dana.statement_count == 1);
  // History still answers, by the superseded statement's own speaker.
  StatementQuery q;
  q.speaker = mrs_id;
  q.include_superseded = true;
  CHECK(TextsOf(*store, q) == std::vector<std::string>{"the contract was under review"});
}

TEST_CASE("a store without link keys gets them when opened for writing", "[actors][links]") {
  TempDir dir;
  const std::string path = dir.Join("db");
  {
    auto store = OpenStore(path);
    PutAll(*store, {DanaArticle().graph(), MrsArticle().graph(), AuthorityArticle().graph(),
                    MpaArticle().graph()});
  }
  auto expected = LinkKeys(path);
  REQUIRE(expected.size() == 6);
  {
    // Make it look like a store written before actor links: no marker, no link keys.
    RawStore raw(path);
    REQUIRE(raw.db()->Delete(rocksdb::WriteOptions(), raw.family("meta"), "actor_links").ok());
    for (const auto& [k, v] : expected) {
      std::string family = k.substr(0, k.find('|'));
      std::string key = k.substr(k.find('|') + 1);
      REQUIRE(raw.db()->Delete(rocksdb::WriteOptions(), raw.family(family), key).ok());
    }
  }
  REQUIRE(LinkKeys(path).empty());
  { auto store = OpenStore(path); }
  CHECK(LinkKeys(path) == expected);
}

TEST_CASE("titles and suffixes are set aside, a name of titles alone is never linked",
          "[actors][links]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleBuilder full("https://lakeside-post.example/varga", "Lakeside Post", "Varga sworn in",
                      "Tomas Varga Jr. said the oath was an honour.", "2020-01-10");
  std::string tomas = full.AddActor("Tomas Varga Jr.", ActorType::kPerson, {"Varga"});
  full.Say(tomas, "Tomas Varga Jr.", "Tomas Varga Jr. said the oath was an honour.",
           "the oath was an honour", "2020-01-10");
  ArticleBuilder titled("https://quay-times.example/varga-vote", "Quay Times", "Vote delayed",
                        "Senator Varga said the vote would wait. The president said nothing.",
                        "2020-02-01");
  std::string senator = titled.AddActor("Senator Varga", ActorType::kPerson);
  std::string president = titled.AddActor("The president", ActorType::kPerson);
  titled.Say(senator, "Senator Varga", "Senator Varga said the vote would wait.",
             "the vote would wait", "2020-02-01");
  titled.Say(president, "The president", "The president said nothing.", "nothing", "2020-02-01");
  PutAll(*store, {titled.graph(), full.graph()});

  ActorView v = ViewOfActor(*store, senator);
  CHECK(v.merged_into == tomas);
  REQUIRE(v.merges.size() == 1);
  CHECK(v.merges[0].evidence == titled.Find("Senator Varga"));
  CHECK(ViewOfActor(*store, president).merged_into.empty());
  CHECK(SpeakerTexts(*store, "Tomas Varga Jr.") ==
        std::vector<std::string>{"the oath was an honour", "the vote would wait"});
}
