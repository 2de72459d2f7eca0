// Role nouns refer back to the person or organisation they describe: "the congressman" is the
// "Rep." named before, "the company" is the firm and not a committee, a dateline is a place.
// The article is written for these tests.
#include <catch2/catch.hpp>

#include "extract_helpers.h"

using namespace tkg;
using namespace tkg::testing;

namespace {

const char* kArticle =
    "Harbour Vote\n\n"
    "BERGEN \xE2\x80\x94 Rep. Adam Kessler, the top Democrat on the Fisheries Committee, said on "
    "Monday that the harbour deal was rushed.\n\n"
    "Nordvault Shipping said in a statement that it would appeal.\n\n"
    "The congressman said the vote should wait until June. The company said the deal was "
    "fair.\n";

}  // namespace

TEST_CASE("role nouns: 'the congressman' is the representative named before", "[coreference]") {
  auto g = ExtractArticle(kArticle, "2019-03-11");
  const Statement* s = FindStatement(g, "wait until June");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Adam Kessler");
  const Actor* a = FindActor(g, "Adam Kessler");
  REQUIRE(a != nullptr);
  CHECK(s->speaker_id == a->id);
}

TEST_CASE("role nouns: an apposition adds a role beside the title", "[coreference]") {
  auto g = ExtractArticle(kArticle, "2019-03-11");
  const Actor* a = FindActor(g, "Adam Kessler");
  REQUIRE(a != nullptr);
  bool rep = false, top = false;
  for (const auto& r : a->roles) {
    rep = rep || r.title == "Rep.";
    top = top || (r.title == "top Democrat" && r.of == "Fisheries Committee");
  }
  CHECK(rep);
  CHECK(top);
}

TEST_CASE("role nouns: 'the company' is the firm, not the committee", "[coreference]") {
  auto g = ExtractArticle(kArticle, "2019-03-11");
  const Statement* s = FindStatement(g, "deal was fair");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Nordvault Shipping");
  const Actor* firm = FindActor(g, "Nordvault Shipping");
  REQUIRE(firm != nullptr);
  CHECK(firm->type == ActorType::kOrganization);
}

TEST_CASE("role nouns: a dateline names a place", "[coreference]") {
  auto g = ExtractArticle(kArticle, "2019-03-11");
  const Actor* place = FindActor(g, "BERGEN");
  REQUIRE(place != nullptr);
  CHECK(place->type == ActorType::kPlace);
}

TEST_CASE("surnames: an honorific's gender picks between two people of one family",
          "[coreference]") {
  auto g = ExtractArticle(
      "Family Firm\n\nMargaret Holt said the firm would expand. Her brother, Edward Holt, said "
      "he disagreed.\n\nMrs. Holt said the plan was funded. Mr. Holt added that costs were "
      "rising. She said the board would decide.\n",
      "2019-03-11");
  const Actor* margaret = FindActor(g, "Margaret Holt");
  const Actor* edward = FindActor(g, "Edward Holt");
  REQUIRE(margaret != nullptr);
  REQUIRE(edward != nullptr);
  const Statement* funded = FindStatement(g, "plan was funded");
  REQUIRE(funded != nullptr);
  CHECK(funded->speaker_id == margaret->id);
  const Statement* rising = FindStatement(g, "costs were rising");
  REQUIRE(rising != nullptr);
  CHECK(rising->speaker_id == edward->id);
  // A given name tells the gender: "She" is Margaret, though Edward was named last.
  const Statement* board = FindStatement(g, "board would decide");
  REQUIRE(board != nullptr);
  CHECK(board->speaker_id == margaret->id);
}

TEST_CASE("role nouns: a possessive apposition gives the role that 'the minister' finds",
          "[coreference]") {
  auto g = ExtractArticle(
      "Deterrence\n\nKadri Tamm, Estonia's defence minister, spoke on Monday in Tallinn.\n\nThe "
      "minister said the alliance should respond to cyberattacks.\n",
      "2017-03-02");
  const Actor* tamm = FindActor(g, "Kadri Tamm");
  REQUIRE(tamm != nullptr);
  bool minister = false;
  for (const auto& r : tamm->roles)
    minister = minister || (r.title == "defence minister" && r.of == "Estonia");
  CHECK(minister);
  const Statement* s = FindStatement(g, "respond to cyberattacks");
  REQUIRE(s != nullptr);
  CHECK(s->speaker_id == tamm->id);
}

TEST_CASE("roles: a lower-case title of several words before a name", "[coreference]") {
  auto g = ExtractArticle(
      "Summit\n\nNATO deputy assistant secretary general Pieter van Dam told reporters that the "
      "summit would be in July.\n",
      "2017-03-02");
  const Actor* a = FindActor(g, "Pieter van Dam");
  REQUIRE(a != nullptr);
  REQUIRE(!a->roles.empty());
  CHECK(a->roles[0].title == "deputy assistant secretary general");
  CHECK(a->roles[0].of == "NATO");
}
