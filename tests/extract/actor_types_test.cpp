// Which sources found actors, and of which type: a lone common noun ("Polls show") founds none,
// a party's members or a nationality ("Democrats", "Americans") found a group, a title before an
// organisation word belongs to the organisation ("Justice Department"), and a contracted
// pronoun ("He's") is a pronoun. The article is written for these tests.
#include <catch2/catch.hpp>

#include "extract_helpers.h"

using namespace tkg;
using namespace tkg::testing;

namespace {

const char* kArticle =
    "Harbour Levy Vote Nears\n\n"
    "Polls show that most residents oppose the harbour levy. Aides said the mayor would wait.\n\n"
    "Democrats said the levy was unfair. Americans say ferries cost too much. The French said "
    "nothing about the levy.\n\n"
    "His Justice Department said the levy was lawful.\n\n"
    "Harbour director Lars Berg spoke on Tuesday. He\xE2\x80\x99s been saying the levy is a tax. "
    "Others say the vote will be close.\n";

}  // namespace

TEST_CASE("actor types: a lone common noun as a source founds no actor", "[coreference]") {
  auto g = ExtractArticle(kArticle, "2019-03-11");
  const Statement* polls = FindStatement(g, "most residents oppose");
  REQUIRE(polls != nullptr);
  CHECK(polls->speaker == "Polls");
  CHECK(polls->speaker_id.empty());
  const Statement* aides = FindStatement(g, "the mayor would wait");
  REQUIRE(aides != nullptr);
  CHECK(aides->speaker_id.empty());
  const Statement* others = FindStatement(g, "vote will be close");
  REQUIRE(others != nullptr);
  CHECK(others->speaker_id.empty());
  for (const char* name : {"Polls", "Aides", "Others"}) CHECK(FindActor(g, name) == nullptr);
}

TEST_CASE("actor types: party members and nationalities are groups, not people", "[coreference]") {
  auto g = ExtractArticle(kArticle, "2019-03-11");
  for (const char* name : {"Democrats", "Americans", "French"}) {
    INFO(name);
    const Actor* a = FindActor(g, name);
    REQUIRE(a != nullptr);
    CHECK(a->type == ActorType::kGroup);
  }
  const Statement* s = FindStatement(g, "levy was unfair");
  REQUIRE(s != nullptr);
  CHECK(s->speaker_id == FindActor(g, "Democrats")->id);
}

TEST_CASE("actor types: a title before an organisation word is part of its name", "[coreference]") {
  auto g = ExtractArticle(kArticle, "2019-03-11");
  const Actor* a = FindActor(g, "Justice Department");
  REQUIRE(a != nullptr);
  CHECK(a->type == ActorType::kOrganization);
  CHECK(a->roles.empty());
  CHECK(FindActor(g, "Department") == nullptr);
  const Statement* s = FindStatement(g, "levy was lawful");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Justice Department");
}

TEST_CASE("actor types: a contracted pronoun is a pronoun, not a name", "[coreference]") {
  auto g = ExtractArticle(kArticle, "2019-03-11");
  CHECK(FindActor(g, "He\xE2\x80\x99s") == nullptr);
  CHECK(FindActor(g, "He's") == nullptr);
  const Statement* s = FindStatement(g, "the levy is a tax");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Lars Berg");
}

TEST_CASE("actor types: 'Sen. X of Place' and 'X' are one person, with the place in the role",
          "[coreference]") {
  auto g = ExtractArticle(
      "Levy\n\nSen. Ingrid Solberg of Hordaland said the levy was rushed. Later, Solberg said "
      "she would vote against it.\n",
      "2019-03-11");
  const Actor* a = FindActor(g, "Ingrid Solberg");
  REQUIRE(a != nullptr);
  CHECK(FindActor(g, "Ingrid Solberg of Hordaland") == nullptr);
  REQUIRE(!a->roles.empty());
  CHECK(a->roles[0].title == "Sen.");
  CHECK(a->roles[0].of == "Hordaland");
  const Statement* first = FindStatement(g, "levy was rushed");
  const Statement* later = FindStatement(g, "vote against it");
  REQUIRE(first != nullptr);
  REQUIRE(later != nullptr);
  CHECK(first->speaker_id == a->id);
  CHECK(later->speaker_id == a->id);
}

TEST_CASE("actor types: a middle initial or name does not split a person, different ones do",
          "[coreference]") {
  auto g = ExtractArticle(
      "Levy\n\nIngrid M. Solberg said the levy was rushed. Ingrid Solberg added that it was "
      "late. Lars A. Berg said it was fair, and Lars B. Berg said it was not.\n",
      "2019-03-11");
  const Actor* ingrid = FindActor(g, "Ingrid M. Solberg");
  REQUIRE(ingrid != nullptr);
  CHECK(FindActor(g, "Ingrid Solberg") == nullptr);
  const Statement* later = FindStatement(g, "it was late");
  REQUIRE(later != nullptr);
  CHECK(later->speaker_id == ingrid->id);
  CHECK(FindActor(g, "Lars A. Berg") != nullptr);
  CHECK(FindActor(g, "Lars B. Berg") != nullptr);
}

TEST_CASE("actor types: an organisation called by its first word is the organisation",
          "[coreference]") {
  auto g = ExtractArticle(
      "Breach\n\nNordvault Systems disclosed a breach on Monday. Nordvault said the stolen "
      "records were encrypted.\n",
      "2019-03-11");
  const Statement* s = FindStatement(g, "records were encrypted");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Nordvault Systems");
  CHECK(FindActor(g, "Nordvault") == nullptr);
}

TEST_CASE("actor types: an organisation named by one well-known word is an organisation",
          "[coreference]") {
  auto g = ExtractArticle(
      "Ferry Fares Rise\n\n"
      "Politico reported that the fares would rise. General Electric said it would build the "
      "ferries. Michael Bloomberg said the fares were fair.\n",
      "2019-03-11");
  for (const char* name : {"Politico", "General Electric"}) {
    INFO(name);
    const Actor* a = FindActor(g, name);
    REQUIRE(a != nullptr);
    CHECK(a->type == ActorType::kOrganization);
  }
  const Actor* person = FindActor(g, "Michael Bloomberg");
  REQUIRE(person != nullptr);
  CHECK(person->type == ActorType::kPerson);
}

TEST_CASE("actor types: a headline speaker is the body's person with that surname",
          "[coreference]") {
  auto g = ExtractArticle(
      "Okafor Says Ferries Will Run\n\n"
      "Transport minister Ada Okafor said on Monday that the ferries would run on time.\n",
      "2019-03-11");
  const Statement* head = FindStatement(g, "Ferries Will Run");
  REQUIRE(head != nullptr);
  CHECK(head->speaker == "Ada Okafor");
  const Actor* okafor = FindActor(g, "Ada Okafor");
  REQUIRE(okafor != nullptr);
  CHECK(head->speaker_id == okafor->id);
}

TEST_CASE("actor types: a headline surname two people share stays unresolved", "[coreference]") {
  auto g = ExtractArticle(
      "Varga: Bridge Tolls Must Fall\n\n"
      "Ilse Varga said the tolls were too high. Varga spoke first. Her brother Peter Varga said "
      "nothing.\n",
      "2019-03-11");
  const Statement* head = FindStatement(g, "Bridge Tolls Must Fall");
  REQUIRE(head != nullptr);
  CHECK(head->speaker == "Varga");
  CHECK(head->speaker_id.empty());
}

TEST_CASE("actor types: a verb opening a question begins no name", "[coreference]") {
  auto g = ExtractArticle(
      "Tolls Debate\n\nIs Mayor Ilse Varga right about the tolls? Varga said she was.\n",
      "2019-03-11");
  CHECK(FindActor(g, "Ilse Varga") != nullptr);
  CHECK(FindActor(g, "Is Mayor Ilse Varga") == nullptr);
}

TEST_CASE("actor types: a lone surname before 'who' founds the speaker", "[coreference]") {
  auto g = ExtractArticle(
      "Ferry Pact\n\n"
      "The council backed the ferry pact. Contrast that with Okafor, who has called the pact a "
      "disaster. Voters in Ohio, who said the fares were high, stayed home.\n",
      "2019-03-11");
  const Statement* s = FindStatement(g, "the pact a disaster");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Okafor");
  const Actor* okafor = FindActor(g, "Okafor");
  REQUIRE(okafor != nullptr);
  CHECK(s->speaker_id == okafor->id);
  const Statement* voters = FindStatement(g, "the fares were high");
  REQUIRE(voters != nullptr);
  CHECK(voters->speaker_id.empty());  // "who" stands for people, not for Ohio
}
