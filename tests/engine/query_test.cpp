// Queries: date overlap, topic / speaker / outlet / alias filters, pagination, graph edges.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "corpus.h"
#include "fixtures.h"
#include "test_support.h"

using namespace tkg;
using namespace tkg::enginetest;
using tkg::testing::TempDir;

namespace {

// "Vale said item <i> is ready." for each date; statement i is "item <i> is ready".
ArticleBuilder DatedArticle(const std::string& url, const std::vector<std::string>& dates,
                            const std::string& speaker = "Tomas Vale",
                            std::vector<std::string> topics = {"logistics"},
                            const std::string& outlet = "Test Wire") {
  std::string body;
  for (size_t i = 0; i < dates.size(); ++i) {
    body += "Vale said item " + std::to_string(i) + " is ready. ";
  }
  ArticleBuilder b(url, outlet, "Items for " + speaker, body);
  std::string id = b.AddActor(speaker, ActorType::kPerson, {"Vale"});
  for (size_t i = 0; i < dates.size(); ++i) {
    std::string n = std::to_string(i);
    b.Say(id, speaker, "Vale said item " + n + " is ready.", "item " + n + " is ready", dates[i],
          topics);
  }
  return b;
}

std::set<std::string> Items(Store& store, std::optional<DayNumber> from,
                            std::optional<DayNumber> to) {
  StatementQuery q;
  q.from = from;
  q.to = to;
  q.limit = 1000;
  auto texts = TextsOf(store, q);
  std::set<std::string> out;
  for (const auto& t : texts) out.insert(t.substr(5, t.find(' ', 5) - 5));  // "item 7 is" -> "7"
  REQUIRE(out.size() == texts.size());
  return out;
}

using Set = std::set<std::string>;

// Reads every page of a query with the given page size.
std::vector<std::string> AllPages(Store& store, StatementQuery q, size_t page_size) {
  q.limit = page_size;
  std::vector<std::string> out;
  for (int guard = 0; guard < 1000; ++guard) {
    StatementPage page;
    Status s = store.QueryStatements(q, &page);
    INFO(s.ToString());
    REQUIRE(s.ok());
    REQUIRE(page.statements.size() <= page_size);
    for (const auto& v : page.statements) out.push_back(v.statement.id);
    if (page.next_cursor.empty()) return out;
    REQUIRE(page.statements.size() == page_size);
    q.cursor = page.next_cursor;
  }
  FAIL("pagination does not end");
  return out;
}

}  // namespace

TEST_CASE("date ranges match statements by interval overlap", "[query][dates]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleBuilder b = DatedArticle("https://test.example/dates",
                                  {"2016-03", "2016", "2016-03-10", "2016-04-02", "2015-12-31", "",
                                   "201", "2016-W11", "2016-Q1", "2016-03-15"});
  Put(*store, b.graph(), PutOutcome::kInserted);

  // A month-dated statement lies inside from=2016-03-15.
  CHECK(Items(*store, Day("2016-03-15"), Day("2016-03-15")) == Set{"0", "1", "6", "7", "8", "9"});
  CHECK(Items(*store, Day("2016-03-15"), LastDay("2016-03")) == Set{"0", "1", "6", "7", "8", "9"});
  CHECK(Items(*store, Day("2016-02"), LastDay("2016-02")) == Set{"1", "6", "8"});
  CHECK(Items(*store, Day("2016-04-01"), std::nullopt) == Set{"1", "3", "6"});
  CHECK(Items(*store, std::nullopt, Day("2015-12-31")) == Set{"4", "6"});
  CHECK(Items(*store, Day("2016"), LastDay("2016")) == Set{"0", "1", "2", "3", "6", "7", "8", "9"});
  CHECK(Items(*store, Day("2020-01-01"), LastDay("2020")).empty());

  // Without a range: everything, by first day, undated last.
  StatementQuery all;
  all.limit = 1000;
  StatementPage page;
  REQUIRE(store->QueryStatements(all, &page).ok());
  REQUIRE(page.statements.size() == 10);
  CHECK(page.statements.front().statement.text == "item 6 is ready");  // the 2010s
  CHECK(page.statements.back().statement.text == "item 5 is ready");   // undated
  for (size_t i = 1; i + 1 < page.statements.size(); ++i) {
    CHECK(page.statements[i - 1].statement.date.first_day <=
          page.statements[i].statement.date.first_day);
  }
  CHECK(page.next_cursor.empty());

  StatementQuery bad;
  bad.from = Day("2016-05-01");
  bad.to = Day("2016-04-01");
  CHECK(store->QueryStatements(bad, &page).IsInvalidArgument());
  bad = StatementQuery{};
  bad.limit = 0;
  CHECK(store->QueryStatements(bad, &page).IsInvalidArgument());
  bad.limit = 10;
  bad.cursor = "zz-not-a-cursor";
  CHECK(store->QueryStatements(bad, &page).IsInvalidArgument());
}

TEST_CASE("statements are found by speaker, alias, topic, outlet, words and confidence",
          "[query]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleBuilder h = HarborArticle();
  Put(*store, h.graph(), PutOutcome::kInserted);
  Put(*store, NorthernArticle().graph(), PutOutcome::kInserted);
  std::string quell = ActorId(ActorType::kPerson, "Mara Quell");

  for (std::string who : {"Quell", "President Quell", "Chancellor Quell", "Mara Quell",
                          "mara  QUELL", quell.c_str()}) {
    INFO(who);
    StatementQuery q;
    q.speaker = who;
    CHECK(TextsOf(*store, q).size() == 4);
  }
  StatementQuery q;
  q.speaker = "Nobody Known";
  CHECK(TextsOf(*store, q).empty());

  std::vector<std::string> ids;
  REQUIRE(store->ResolveActor("President Quell", &ids).ok());
  CHECK(ids == std::vector<std::string>{quell});

  // Topics: the parent finds statements of its subtopic (they list their ancestors).
  q = StatementQuery{};
  q.topic = "cybersecurity";
  CHECK(TextsOf(*store, q).size() == 5);
  q.topic = "cyber deterrence";
  CHECK(TextsOf(*store, q) == std::vector<std::string>{"the city would fund a new firewall program",
                                                       "the region must invest in cyber defence"});
  q.topic = "cyber-deterrence";  // by id
  CHECK(TextsOf(*store, q).size() == 2);
  q.topic = "agriculture";
  CHECK(TextsOf(*store, q).empty());

  // Speaker and topic together; speaker and outlet together.
  q = StatementQuery{};
  q.speaker = "Quell";
  q.topic = "cyber deterrence";
  CHECK(TextsOf(*store, q).size() == 2);
  q.topic.clear();
  q.outlet = "Northern Wire";
  CHECK(TextsOf(*store, q) == std::vector<std::string>{"the region must invest in cyber defence"});

  q = StatementQuery{};
  q.outlet = "northern wire";
  CHECK(TextsOf(*store, q).size() == 2);
  q.outlet = OutletId("Harbor Ledger");
  CHECK(TextsOf(*store, q).size() == 4);
  q.topic = "cybersecurity";
  CHECK(TextsOf(*store, q).size() == 3);

  q = StatementQuery{};
  q.text = "FIREWALL city";
  CHECK(TextsOf(*store, q) ==
        std::vector<std::string>{"the city would fund a new firewall program"});
  q.text = "firewall hospitals";
  CHECK(TextsOf(*store, q).empty());
  q.text = "fire";  // whole words only
  CHECK(TextsOf(*store, q).empty());

  q = StatementQuery{};
  q.min_confidence = 0.5f;
  CHECK(TextsOf(*store, q).size() == 5);  // Reyes' statement has 0.4

  // The view carries the evidence a reader needs.
  q = StatementQuery{};
  q.speaker = "Reyes";
  StatementPage page;
  REQUIRE(store->QueryStatements(q, &page).ok());
  REQUIRE(page.statements.size() == 1);
  const StatementView& v = page.statements[0];
  CHECK(v.sentence ==
        "Omar Reyes, director of the Harbor Cyber Office, said the office had tracked the "
        "intrusions since 2015.");
  CHECK(v.article_outlet == "Harbor Ledger");
  CHECK(v.article_headline == "Council backs firewall plan");
  CHECK(v.article_url == h.graph().article.url);
  CHECK(v.article_published == "2016-03-04T10:00:00Z");
}

TEST_CASE("subtopics stored by PutTopics widen a topic query", "[query][topics]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  std::vector<Topic> taxonomy = {
      {TopicId("cybersecurity"), "cybersecurity", "", {"cyber"}},
      {TopicId("cyber deterrence"), "cyber deterrence", "cybersecurity", {"deterrence"}},
      {TopicId("grid defence"), "grid defence", "cybersecurity", {"grid"}},
  };
  REQUIRE(store->PutTopics(taxonomy).ok());
  StoreStats st1;
  REQUIRE(store->Stats(&st1).ok());
  CHECK(st1.topics == 3);
  CHECK(st1.edges == 2);
  REQUIRE(store->PutTopics(taxonomy).ok());  // idempotent
  StoreStats st2;
  REQUIRE(store->Stats(&st2).ok());
  CHECK(st2.topics == 3);
  CHECK(st2.edges == 2);

  std::vector<Topic> listed;
  REQUIRE(store->ListTopics(&listed).ok());
  REQUIRE(listed.size() == 3);
  CHECK(listed[0].id == "cyber-deterrence");
  CHECK(listed[0].parent == "cybersecurity");
  CHECK(listed[0].terms == std::vector<std::string>{"deterrence"});

  // A statement tagged with the subtopic only (no ancestors listed).
  ArticleBuilder b =
      DatedArticle("https://test.example/grid", {"2016-05-01"}, "Tomas Vale", {"grid defence"});
  Put(*store, b.graph(), PutOutcome::kInserted);
  StatementQuery q;
  q.topic = "cybersecurity";
  CHECK(TextsOf(*store, q) == std::vector<std::string>{"item 0 is ready"});

  std::vector<Edge> children;
  REQUIRE(store->Neighbors("cybersecurity", EdgeType::kSubtopicOf, false, &children).ok());
  CHECK(children.size() == 2);

  // Moving a topic under another parent replaces its edge.
  taxonomy[2].parent = "cyber deterrence";
  REQUIRE(store->PutTopics({taxonomy[2]}).ok());
  REQUIRE(store->Neighbors("grid-defence", EdgeType::kSubtopicOf, true, &children).ok());
  REQUIRE(children.size() == 1);
  CHECK(children[0].to == "cyber-deterrence");
  q.topic = "cybersecurity";
  CHECK(TextsOf(*store, q).size() == 1);  // two levels down
}

TEST_CASE("pages resume exactly after the last returned statement", "[query][pages]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  // Repeated days, all precisions, undated ones; two speakers share the alias "Vale".
  std::vector<std::string> dates;
  const char* cycle[] = {"2016-03-01", "2016-03",    "", "2016",      "2016-03-01",
                         "2016-W09",   "2016-03-02", "", "2015-11-30"};
  for (int i = 0; i < 23; ++i) dates.push_back(cycle[i % 9]);
  Put(*store, DatedArticle("https://test.example/p1", dates).graph(), PutOutcome::kInserted);
  Put(*store, DatedArticle("https://test.example/p2", dates, "Rina Vale").graph(),
      PutOutcome::kInserted);
  Put(*store,
      DatedArticle("https://test.example/p3", dates, "Tomas Vale", {"logistics", "ports"}).graph(),
      PutOutcome::kInserted);

  std::vector<StatementQuery> queries(7);
  queries[5].speaker = "Vale";  // 69 rows; the topic has 23: the topic index drives
  queries[5].topic = "ports";
  queries[6].speaker = "Rina Vale";
  queries[6].from = Day("2015-11-30");
  queries[6].to = Day("2015-11-30");  // the date index is the smallest here
  queries[1].speaker = "Vale";        // both speakers: two merged index prefixes
  queries[2].from = Day("2016-03-01");
  queries[2].to = LastDay("2016-03");
  queries[3].topic = "ports";
  queries[4].speaker = "Tomas Vale";
  queries[4].from = Day("2016-02-29");
  for (size_t qi = 0; qi < queries.size(); ++qi) {
    StatementQuery q = queries[qi];
    q.limit = 1000;
    StatementPage whole;
    REQUIRE(store->QueryStatements(q, &whole).ok());
    std::vector<std::string> expected = Ids(whole);
    REQUIRE(!expected.empty());
    for (size_t size : {1, 2, 7, 23, 69}) {
      INFO("query " << qi << " page size " << size);
      auto paged = AllPages(*store, queries[qi], size);
      CHECK(paged == expected);
      CHECK(std::set<std::string>(paged.begin(), paged.end()).size() == paged.size());
    }
  }
  StatementPage whole;
  StatementQuery q5 = queries[5];
  q5.limit = 1000;
  REQUIRE(store->QueryStatements(q5, &whole).ok());
  CHECK(whole.statements.size() == 23);
  StatementQuery q6 = queries[6];
  q6.limit = 1000;
  REQUIRE(store->QueryStatements(q6, &whole).ok());
  CHECK(whole.statements.size() == 2);  // items 8 and 17 of her article
  StatementQuery everything;
  everything.limit = 1000;
  REQUIRE(store->QueryStatements(everything, &whole).ok());
  CHECK(whole.statements.size() == 69);
  StatementQuery both;
  both.speaker = "Vale";
  both.limit = 1000;
  REQUIRE(store->QueryStatements(both, &whole).ok());
  CHECK(whole.statements.size() == 69);
}

TEST_CASE("edges are readable in both directions", "[graph]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleBuilder h = HarborArticle();
  ArticleBuilder n = NorthernArticle();
  Put(*store, h.graph(), PutOutcome::kInserted);
  Put(*store, n.graph(), PutOutcome::kInserted);
  std::string quell = ActorId(ActorType::kPerson, "Mara Quell");
  std::string reyes = ActorId(ActorType::kPerson, "Omar Reyes");
  std::string office = ActorId(ActorType::kOrganization, "Harbor Cyber Office");
  const Statement& s0 = h.graph().statements[0];

  std::vector<Edge> edges;
  REQUIRE(store->Neighbors(s0.id, EdgeType::kSaidBy, true, &edges).ok());
  REQUIRE(edges.size() == 1);
  CHECK(edges[0].to == quell);
  CHECK(edges[0].from == s0.id);
  CHECK(edges[0].article_id == h.graph().article.id);

  REQUIRE(store->Neighbors(quell, EdgeType::kSaidBy, false, &edges).ok());
  CHECK(edges.size() == 4);
  for (const Edge& e : edges) CHECK(e.to == quell);

  REQUIRE(store->Neighbors(s0.id, EdgeType::kAbout, true, &edges).ok());
  CHECK(edges.size() == 2);
  REQUIRE(store->Neighbors("cyber-deterrence", EdgeType::kAbout, false, &edges).ok());
  CHECK(edges.size() == 2);

  REQUIRE(store->Neighbors(h.graph().article.id, EdgeType::kPublishedBy, true, &edges).ok());
  REQUIRE(edges.size() == 1);
  CHECK(edges[0].to == OutletId("Harbor Ledger"));
  REQUIRE(store->Neighbors(OutletId("Harbor Ledger"), EdgeType::kPublishedBy, false, &edges).ok());
  CHECK(edges.size() == 1);

  REQUIRE(store->Neighbors(reyes, EdgeType::kHoldsRole, true, &edges).ok());
  REQUIRE(edges.size() == 1);
  CHECK(edges[0].to == office);
  CHECK(edges[0].data == "director");
  CHECK(SpanText(h.graph().article.text, edges[0].evidence) == "director");
  REQUIRE(store->Neighbors(office, EdgeType::kHoldsRole, false, &edges).ok());
  CHECK(edges.size() == 1);

  REQUIRE(store->Neighbors(quell, EdgeType::kMentions, false, &edges).ok());
  CHECK(edges.size() == 2);
  REQUIRE(store->Neighbors(h.graph().article.id, EdgeType::kInArticle, false, &edges).ok());
  CHECK(edges.size() == 5);  // four statements and one event
  REQUIRE(store->Neighbors(quell, EdgeType::kParticipant, false, &edges).ok());
  CHECK(edges.size() == 2);
  REQUIRE(store->Neighbors("nobody", EdgeType::kSaidBy, false, &edges).ok());
  CHECK(edges.empty());

  EdgeType t;
  REQUIRE(ParseEdgeType("holds_role", &t));
  CHECK(t == EdgeType::kHoldsRole);
  CHECK(EdgeTypeName(EdgeType::kSubtopicOf) == "subtopic_of");
  CHECK_FALSE(ParseEdgeType("likes", &t));
}

TEST_CASE("actors are merged across articles and found by prefix", "[actors]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  Put(*store, HarborArticle().graph(), PutOutcome::kInserted);
  Put(*store, NorthernArticle().graph(), PutOutcome::kInserted);
  std::string quell = ActorId(ActorType::kPerson, "Mara Quell");

  ActorView v;
  REQUIRE(store->GetActor(quell, &v).ok());
  CHECK(v.actor.name == "Mara Quell");
  CHECK(v.actor.aliases ==
        std::vector<std::string>{"Quell", "President Quell", "Chancellor Quell"});
  REQUIRE(v.actor.roles.size() == 1);
  CHECK(v.actor.roles[0].title == "Chancellor");
  CHECK(v.actor.mentions.empty());
  CHECK(v.article_count == 2);
  CHECK(v.statement_count == 4);
  CHECK(store->GetActor("p0000000000000000", &v).IsNotFound());

  std::vector<ActorView> found;
  REQUIRE(store->FindActors("MARA", 10, &found).ok());
  REQUIRE(found.size() == 1);
  CHECK(found[0].actor.id == quell);
  REQUIRE(store->FindActors("governor b", 10, &found).ok());
  REQUIRE(found.size() == 1);
  CHECK(found[0].actor.name == "Ilse Brandt");
  REQUIRE(store->FindActors("harbor", 10, &found).ok());
  REQUIRE(found.size() == 1);
  CHECK(found[0].actor.type == ActorType::kOrganization);
  REQUIRE(store->FindActors("", 100, &found).ok());
  CHECK(found.size() == 5);
  CHECK(found[0].actor.id == quell);  // most statements first
  REQUIRE(store->FindActors("", 2, &found).ok());
  CHECK(found.size() == 2);
  REQUIRE(store->FindActors("zz", 10, &found).ok());
  CHECK(found.empty());
}

TEST_CASE("events are found by participant, type and date", "[events]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  Put(*store, HarborArticle().graph(), PutOutcome::kInserted);
  Put(*store, NorthernArticle().graph(), PutOutcome::kInserted);
  std::vector<Event> events;
  EventQuery q;
  REQUIRE(store->QueryEvents(q, &events).ok());
  REQUIRE(events.size() == 2);
  CHECK(events[0].type == "announcement");  // 2016-03-03 before 2016-04-02
  CHECK(events[1].type == "meeting");

  q.participant = "Governor Brandt";
  REQUIRE(store->QueryEvents(q, &events).ok());
  REQUIRE(events.size() == 1);
  CHECK(events[0].type == "meeting");
  q.participant = "Quell";
  REQUIRE(store->QueryEvents(q, &events).ok());
  CHECK(events.size() == 2);
  q.type = "Meeting";
  REQUIRE(store->QueryEvents(q, &events).ok());
  CHECK(events.size() == 1);
  q = EventQuery{};
  q.from = Day("2016-03");
  q.to = LastDay("2016-03");
  REQUIRE(store->QueryEvents(q, &events).ok());
  REQUIRE(events.size() == 1);
  CHECK(events[0].type == "announcement");
  q.limit = 1;
  q.from.reset();
  q.to.reset();
  REQUIRE(store->QueryEvents(q, &events).ok());
  CHECK(events.size() == 1);
}

TEST_CASE("a speaker id missing from the article's actors still finds its statements", "[query]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  ArticleBuilder b("https://test.example/unlisted", "Test Wire", "Unlisted",
                   "Officials said the port stays shut.");
  std::string officials = ActorId(ActorType::kGroup, "Officials");
  b.Say(officials, "Officials", "Officials said the port stays shut.", "the port stays shut",
        "2016-07-01");
  Put(*store, b.graph(), PutOutcome::kInserted);
  StatementQuery q;
  q.speaker = officials;
  CHECK(TextsOf(*store, q) == std::vector<std::string>{"the port stays shut"});
  q.speaker = "Officials";  // no actor record, so no name index entry
  CHECK(TextsOf(*store, q).empty());
}
