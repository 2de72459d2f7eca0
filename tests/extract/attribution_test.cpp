// Attribution shapes, run through the whole pipeline on sentences written for these tests.
#include <catch2/catch.hpp>

#include "extract_helpers.h"

using namespace tkg;
using namespace tkg::testing;

TEST_CASE("attribution: X said (that) ...", "[attribution]") {
  auto g = ExtractArticle(
      "Ports Reopen\n\nHarbour master Ines Varga said on Friday that the northern port would "
      "reopen next week.\n",
      "2019-03-09");
  REQUIRE(g.statements.size() == 1);
  const Statement& s = g.statements[0];
  CHECK(s.speaker == "Ines Varga");
  CHECK(s.cue == "said");
  CHECK(s.text == "the northern port would reopen next week");
  CHECK(SpanText(g.article.text, s.text_span) == s.text);
  CHECK(!s.rule.empty());
  CHECK(s.confidence > 0.5f);
}

TEST_CASE("attribution: a trailing cue after a quotation, and its continuation", "[attribution]") {
  auto g = ExtractArticle(
      "Budget Talks\n\n\"We will not sign this budget,\" said Tomas Berg, the opposition leader. "
      "\"Not this year.\"\n",
      "2019-03-09");
  REQUIRE(!g.statements.empty());
  const Statement& s = g.statements[0];
  CHECK(s.speaker == "Tomas Berg");
  CHECK(s.direct);
  CHECK(s.text.find("We will not sign this budget") == 0);
  CHECK(s.text.find("Not this year") != std::string::npos);
  CHECK(s.text.find('"') == std::string::npos);
}

TEST_CASE("attribution: quotation across sentences with the cue first", "[attribution]") {
  auto g = ExtractArticle(
      "Rail Strike\n\nUnion chief Marta Kowal said: \"The trains stop at noon. Nobody will "
      "work overtime.\" The ministry did not respond.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "trains stop at noon");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Marta Kowal");
  CHECK(s->text.find("Nobody will work overtime") != std::string::npos);
}

TEST_CASE("attribution: according to, before and after the content", "[attribution]") {
  auto g = ExtractArticle(
      "Grid Report\n\nAccording to grid operator Voltis, demand rose by a fifth in January.\n\n"
      "Prices will fall in spring, according to analysts at Brightwater Bank.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "demand rose");
  REQUIRE(a != nullptr);
  CHECK(a->speaker.find("Voltis") != std::string::npos);
  CHECK(a->cue == "According to");
  const Statement* b = FindStatement(g, "Prices will fall");
  REQUIRE(b != nullptr);
  CHECK(SpanText(g.article.text, b->source_span).find("analysts") != std::string_view::npos);
}

TEST_CASE("attribution: urged and called on keep the addressee", "[attribution]") {
  auto g = ExtractArticle(
      "Water Warning\n\nMayor Olu Adeyemi urged residents to boil tap water. He also called on "
      "the utility to publish its test results.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "residents to boil tap water");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Olu Adeyemi");
  CHECK(a->cue == "urged");
  const Statement* b = FindStatement(g, "the utility to publish");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Olu Adeyemi");  // "He"
  CHECK(SpanText(g.article.text, b->source_span) == "He");
}

TEST_CASE("attribution: a reporting chain names a relay, not a speaker", "[attribution]") {
  auto g = ExtractArticle(
      "Mine Closure\n\nMining minister Erik Dahl said the mine would close in June, the Coastal "
      "Gazette reported.\n",
      "2019-03-09");
  REQUIRE(g.statements.size() == 1);
  const Statement& s = g.statements[0];
  CHECK(s.speaker == "Erik Dahl");
  CHECK(s.text == "the mine would close in June");
  REQUIRE(s.reported_by.size() == 1);
  CHECK(s.reported_by[0] == "Coastal Gazette");
}

TEST_CASE("attribution: told skips the addressee, participles take the subject", "[attribution]") {
  auto g = ExtractArticle(
      "Fishing Quotas\n\nFisheries commissioner Ana Lopes told reporters the quotas would "
      "stay.\n\nLopes rejected the proposal on Monday, saying it ignored the science.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "the quotas would stay");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Ana Lopes");
  const Statement* b = FindStatement(g, "it ignored the science");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Ana Lopes");
}

TEST_CASE("attribution: nouns that look like cues are not statements", "[attribution]") {
  auto g = ExtractArticle(
      "Harvest\n\nThe harvest report shows little change. Her promises of lower prices "
      "were empty. Farmers' calls for help went unanswered.\n",
      "2019-03-09");
  for (const auto& s : g.statements) CHECK(s.cue != "calls");
}
