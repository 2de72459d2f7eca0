// A relative pronoun that speaks ("..., who said ...") takes the name it stands for: the name just
// before it, past a parenthesis, or the name that an apposition describes; never a farther name
// that only happens to come earlier in the sentence. The sentences are written for these tests.
#include <catch2/catch.hpp>

#include "extract_helpers.h"

using namespace tkg;
using namespace tkg::testing;

TEST_CASE("relative pronouns: the name just before, past a parenthesis", "[coreference]") {
  auto g = ExtractArticle(
      "Levy\n\nThe levy was opposed by Sen. Ingrid Solberg (D-Hamar), who said the vote was "
      "rushed.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "vote was rushed");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Ingrid Solberg");
}

TEST_CASE("relative pronouns: the name an apposition describes, not the place inside it",
          "[coreference]") {
  auto g = ExtractArticle(
      "Levy\n\nLars Berg, the former mayor of Bergen who said the levy was unfair, spoke "
      "first.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "levy was unfair");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Lars Berg");
}

TEST_CASE("relative pronouns: a common noun antecedent is no earlier name", "[coreference]") {
  auto g = ExtractArticle("Levy\n\nLars Berg met ferry riders who said the fares were too high.\n",
                          "2019-03-09");
  const Statement* s = FindStatement(g, "fares were too high");
  REQUIRE(s != nullptr);
  CHECK(s->speaker_id.empty());
  CHECK(s->speaker != "Lars Berg");
  // The description itself is the speaker, not the pronoun.
  CHECK(s->speaker == "ferry riders");
}

TEST_CASE("relative pronouns: a role noun antecedent is the actor the role names",
          "[coreference]") {
  auto g = ExtractArticle(
      "Levy\n\nMayor Lars Berg opened the quay on Monday. The levy was then defended by the "
      "mayor, who said the fares would fall.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "fares would fall");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Lars Berg");
}

TEST_CASE("relative pronouns: past an age, and past a town and its country in an apposition",
          "[coreference]") {
  auto g = ExtractArticle(
      "Levy\n\n\"It is unfair,\" said Marit Holm, 62, who said she would not pay.\n\n"
      "\"It is fair,\" said Jon Dahl, a teacher from Voss, Norway, who said he would pay.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "would not pay");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Marit Holm");
  const Statement* b = FindStatement(g, "he would pay");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Jon Dahl");
}
