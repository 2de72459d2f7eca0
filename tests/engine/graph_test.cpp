// The actor network (graph.h): links by kind and Boost.Graph centralities.
#include "tkg/engine/graph.h"

#include <catch2/catch.hpp>

#include "corpus.h"
#include "fixtures.h"
#include "test_support.h"

using namespace tkg;
using namespace tkg::enginetest;
using tkg::testing::TempDir;

namespace {
ArticleGraph Meeting(const std::string& id, std::vector<std::string> participants) {
  ArticleGraph g;
  g.article.id = id;
  Event e;
  e.id = "e" + id;
  e.participant_ids = participants;
  e.participants = participants;
  g.events.push_back(e);
  return g;
}
}  // namespace

TEST_CASE("betweenness is the normalised share of shortest paths", "[graph]") {
  ActorNetworkOptions only_events;
  only_events.co_occurrence = false;
  ActorNetwork star(only_events);
  for (const char* leaf : {"p2", "p3", "p4"}) star.AddArticle(Meeting(leaf, {"p1", leaf}));
  auto c = star.Centrality();
  REQUIRE(c.size() == 4);
  CHECK(c[0].id == "p1");
  CHECK(c[0].betweenness == Approx(1.0));
  CHECK(c[0].degree == 3);
  CHECK(c[1].betweenness == Approx(0.0));
  CHECK(c[1].degree == 1);

  ActorNetwork path(only_events);
  path.AddArticle(Meeting("x", {"pa", "pb"}));
  path.AddArticle(Meeting("y", {"pb", "pc"}));
  path.AddArticle(Meeting("z", {"pb", "pc"}));
  c = path.Centrality();
  CHECK(c[0].id == "pb");
  CHECK(c[0].betweenness == Approx(1.0));
  CHECK(c[0].weighted_degree == 3);
  auto links = path.Links();
  REQUIRE(links.size() == 2);
  CHECK(links[1].a == "pb");
  CHECK(links[1].b == "pc");
  CHECK(links[1].co_participation == 2);
}

TEST_CASE("the actor network of a store links actors by article, event and relay", "[graph]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  Put(*store, HarborArticle().graph(), PutOutcome::kInserted);
  Put(*store, NorthernArticle().graph(), PutOutcome::kInserted);

  std::vector<std::string> ids;
  REQUIRE(store->ListArticles("", 1, &ids).ok());
  REQUIRE(ids.size() == 1);
  std::vector<std::string> rest;
  REQUIRE(store->ListArticles(ids[0], 10, &rest).ok());
  REQUIRE(rest.size() == 1);
  CHECK(rest[0] > ids[0]);
  REQUIRE(store->ListArticles(rest[0], 10, &rest).ok());
  CHECK(rest.empty());

  ActorNetwork net;
  REQUIRE(ActorNetwork::FromStore(*store, {}, &net).ok());
  CHECK(net.actor_count() == 5);
  auto c = net.Centrality();
  REQUIRE(c.size() == 5);
  std::string quell = ActorId(ActorType::kPerson, "Mara Quell");
  CHECK(c[0].id == quell);  // the only bridge between the two articles
  CHECK(c[0].name == "Mara Quell");
  CHECK(c[0].degree == 4);
  CHECK(c[0].weighted_degree == 5);  // four co-occurrences and one meeting with Brandt
  CHECK(c[0].betweenness == Approx(4.0 / 6.0));
  CHECK(c[1].betweenness == Approx(0.0));

  // A relayed statement links the speaker with the relaying actor.
  ArticleBuilder b("https://third.example/relay", "Test Wire", "Relay",
                   "Reyes said, according to Kestrel officials, that the grid held.");
  std::string reyes = b.AddActor("Omar Reyes", ActorType::kPerson, {"Reyes"});
  Statement& s =
      b.Say(reyes, "Omar Reyes", "Reyes said, according to Kestrel officials, that the grid held.",
            "the grid held", "2016-05-01");
  std::string kestrel = ActorId(ActorType::kPlace, "Kestrel");
  s.reported_by = {"Kestrel"};
  s.reported_by_ids = {kestrel};
  Put(*store, b.graph(), PutOutcome::kInserted);
  std::vector<Edge> edges;
  REQUIRE(store->Neighbors(kestrel, EdgeType::kReportedBy, false, &edges).ok());
  CHECK(edges.size() == 1);

  REQUIRE(ActorNetwork::FromStore(*store, {}, &net).ok());
  bool found = false;
  for (const ActorLink& l : net.Links()) {
    if ((l.a == reyes && l.b == kestrel) || (l.a == kestrel && l.b == reyes)) {
      found = true;
      CHECK(l.reported_by == 1);
      CHECK(l.co_occurrence == 0);
    }
  }
  CHECK(found);
}
