// Who the source of a statement is when the noun phrase before the cue is long: quantifiers,
// prepositional phrases, relative clauses, nouns that are also cue words. The sentences are
// written for these tests.
#include <catch2/catch.hpp>

#include "extract_helpers.h"

using namespace tkg;
using namespace tkg::testing;

TEST_CASE("attribution: a source after two determiners ('a senior official')", "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Talks\n\n\xE2\x80\x9CThe talks have stalled,\xE2\x80\x9D a senior official said.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "talks have stalled");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "a senior official");
}

TEST_CASE("attribution: the head before prepositional phrases speaks", "[attribution]") {
  auto g = ExtractArticle(
      "Fishing Quotas\n\nThe deputy head of Norway's delegation to the summit said the quotas "
      "should be cut.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "quotas should be cut");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "The deputy head of Norway's delegation to the summit");
}

TEST_CASE("attribution: a cue word after a determiner is a noun that can speak", "[attribution]") {
  auto g = ExtractArticle("Audit\n\nThe report cited an internal audit of the port authority.\n",
                          "2019-03-09");
  const Statement* s = FindStatement(g, "internal audit");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "The report");
}

TEST_CASE("attribution: the head before a relative clause speaks", "[attribution]") {
  auto g = ExtractArticle(
      "Poll\n\nWhile only 8 percent said they had not decided, 31 percent of those who named a "
      "candidate said they could still change their minds.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "had not decided");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "8 percent");
  CHECK(a->text == "they had not decided");  // ends with the subordinate clause
  const Statement* b = FindStatement(g, "change their minds");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "31 percent of those who named a candidate");
}

TEST_CASE("attribution: a noun before a postnominal adjective heads the source", "[attribution]") {
  auto g = ExtractArticle(
      "Budget\n\nOfficials familiar with the budget said it would cost billions.\n\nPeople close "
      "to the mayor said the vote would be delayed.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "cost billions");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Officials familiar with the budget");
  const Statement* b = FindStatement(g, "vote would be delayed");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "People close to the mayor");
}

TEST_CASE("attribution: a phrase with coordination and an object pronoun speaks", "[attribution]") {
  auto g = ExtractArticle(
      "Fishing\n\nExperts on Norway and the fishing industry said the quotas were too high.\n\n"
      "Those close to him say the minister will resign.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "quotas were too high");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Experts on Norway and the fishing industry");
  const Statement* b = FindStatement(g, "minister will resign");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Those close to him");
}

TEST_CASE(
    "attribution: a name after a preposition is not the speaker, but a spokesperson "
    "speaks for the organisation",
    "[attribution]") {
  auto g = ExtractArticle(
      "Ferries\n\nPeople close to Ilse Brandt said she was angry.\n\nA spokeswoman for Nordvault "
      "Shipping said the ferries would run.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "she was angry");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "People close to Ilse Brandt");
  const Statement* b = FindStatement(g, "ferries would run");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Nordvault Shipping");
}

TEST_CASE("attribution: an apposition between dashes", "[attribution]") {
  auto g = ExtractArticle(
      "Ferries\n\nJon Aas \xE2\x80\x94 a ferry captain from Stord \xE2\x80\x94 said the new "
      "timetable was unworkable.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "timetable was unworkable");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Jon Aas");
  CHECK(a->rule == "appositive");
}

TEST_CASE("attribution: a partitive subject and an apposition after a dash", "[attribution]") {
  auto g = ExtractArticle(
      "Ferries\n\nOne of her aides, Jon Aas, told reporters that the timetable would change.\n\n"
      "It was no accident \xE2\x80\x94 Pia Holm, a spokeswoman for the port, told the Bergen Post "
      "that the mayor had been warned.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "timetable would change");
  REQUIRE(a != nullptr);
  CHECK(SpanText(g.article.text, a->source_span) == "One of her aides, Jon Aas");
  CHECK(a->speaker == "Jon Aas");  // the name in the apposition names the unnamed subject
  const Statement* b = FindStatement(g, "mayor had been warned");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Pia Holm");
}

TEST_CASE("attribution: a coordinated cue takes the subject after an introduction",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferries\n\nAlong with two councillors, Pia Holm visited the depot and said the ferries "
      "were unsafe.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "ferries were unsafe");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Pia Holm");
}

TEST_CASE("attribution: a pronoun contracted with 'has' is the source, not a possessor",
          "[attribution]") {
  auto g = ExtractArticle(
      "Levy\n\nHarbour director Lars Berg spoke on Tuesday. He\xE2\x80\x99s said the levy is a "
      "tax. Mr. Berg's claim that the levy was rushed angered the council.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "levy is a tax");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Lars Berg");
  CHECK(s->rule == "lead");
  const Statement* claim = FindStatement(g, "levy was rushed");
  REQUIRE(claim != nullptr);
  CHECK(claim->rule == "possessive_noun");
  CHECK(claim->speaker == "Lars Berg");
}

TEST_CASE("attribution: 'A lawyer for X, Name, said' and 'Officials at X, a branch of Y, said'",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Case\n\nA lawyer for the ferry company, Nils Dahl, said the ruling was wrong.\n\n"
      "Officials at the harbour office, a branch of the city council, said the quay was too "
      "short.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "ruling was wrong");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Nils Dahl");
  CHECK(a->text == "the ruling was wrong");
  const Statement* b = FindStatement(g, "quay was too short");
  REQUIRE(b != nullptr);
  CHECK(b->text == "the quay was too short");
}
