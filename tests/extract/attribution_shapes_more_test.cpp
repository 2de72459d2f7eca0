// Attribution shapes measured on news copy: directive cues after a quotation, the author of a
// document, stance verbs after a comma, "of" phrases and ages around a source, and adverbials
// that are no content. Sentences written for these tests.
#include <catch2/catch.hpp>

#include "extract_helpers.h"

using namespace tkg;
using namespace tkg::testing;

TEST_CASE("attribution: a directive cue after a quotation needs no addressee", "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Fares\n\nCouncillor Marta Ilves met the ferry operators on Friday. \"Who pays for "
      "the new engines?\" she asked.\n\n\"Raise the fares by a euro,\" the operators "
      "recommended.\n",
      "2019-03-09");
  const Statement* q = FindStatement(g, "Who pays for the new engines");
  REQUIRE(q != nullptr);
  CHECK(q->speaker == "Marta Ilves");
  CHECK(q->cue == "asked");
  const Statement* r = FindStatement(g, "Raise the fares by a euro");
  REQUIRE(r != nullptr);
  CHECK(r->cue == "recommended");
}

TEST_CASE("attribution: the author of a statement speaks, not the statement", "[attribution]") {
  auto g = ExtractArticle(
      "Mill Closure\n\nThe Riverside Workers Union issued a statement saying the mill's closure "
      "would cost 400 jobs.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "would cost 400 jobs");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Riverside Workers Union") != std::string::npos);
  CHECK(s->speaker.find("statement") == std::string::npos);
}

TEST_CASE("attribution: after a comma a stance verb's noun phrase is its object", "[attribution]") {
  auto g = ExtractArticle(
      "Budget Night\n\nMayor Lena Okafor defended the budget, mocked the Harbour Party, and made "
      "it clear that she would not raise taxes.\n",
      "2019-03-09");
  for (const Statement& s : g.statements)
    CHECK(s.speaker.find("Harbour Party") == std::string::npos);
  const Statement* s = FindStatement(g, "would not raise taxes");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Lena Okafor");
}

TEST_CASE("attribution: a source with an 'of' phrase and a cue word as its last noun",
          "[attribution]") {
  auto g = ExtractArticle(
      "Treaty Talks\n\nThe secretary of state said the treaty would be signed in June.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "treaty would be signed");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("secretary") != std::string::npos);
}

TEST_CASE("attribution: an age between commas before an apposition", "[attribution]") {
  auto g = ExtractArticle(
      "Flood Night\n\nPiret Saar, 47, a baker from the lower town, told the radio that the "
      "water rose within an hour.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "water rose within an hour");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Piret Saar");
}

TEST_CASE("attribution: where and when alone are no content", "[attribution]") {
  auto g = ExtractArticle(
      "Op-Ed\n\nSenator Aino Kask wrote in an op-ed on Thursday.\n\nThe senator spoke to a "
      "crowd of about 500.\n\nThe ministry did not respond to a request for comment.\n",
      "2019-03-09");
  CHECK(FindStatement(g, "an op-ed") == nullptr);
  CHECK(FindStatement(g, "a crowd of about 500") == nullptr);
  CHECK(FindStatement(g, "a request for comment") != nullptr);
}

TEST_CASE("attribution: a share of people speaks ('one in four said')", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Survey\n\nHalf said the harbour was too crowded and one in four said the ferry "
      "should run at night.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "harbour was too crowded");
  REQUIRE(a != nullptr);
  CHECK(a->text.find("ferry") == std::string::npos);
  const Statement* b = FindStatement(g, "ferry should run at night");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "one in four");
}

TEST_CASE("attribution: a participle after a quotation closed with its comma", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Debate\n\nMayor Lena Okafor said the harbour plan was \"a gift to developers,\" "
      "adding during the debate that the council had not read it.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "gift to developers");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the harbour plan was \"a gift to developers,\"");  // the quotation closes
  const Statement* b = FindStatement(g, "council had not read it");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Lena Okafor");
}

TEST_CASE("attribution: a title in quotation marks is no quotation before an inverted cue",
          "[attribution]") {
  auto g = ExtractArticle(
      "Guilty Pleasures\n\nMarta Ilves, the host of the quiz show \"Tallinn Tonight,\" listed a "
      "cooking contest as her guilty pleasure.\n",
      "2019-03-09");
  for (const Statement& s : g.statements) CHECK(s.speaker.find("cooking") == std::string::npos);
  CHECK(FindStatement(g, "Tallinn Tonight") == nullptr);
}

TEST_CASE("attribution: the head before a prepositional phrase speaks", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Jobs\n\nFigures from the 2018 harbour census show that dock work fell by a "
      "third.\n\nA group of fishermen sent a letter to the harbour board urging it to reopen the "
      "north pier.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "dock work fell by a third");
  REQUIRE(a != nullptr);
  const Statement* b = FindStatement(g, "reopen the north pier");
  REQUIRE(b != nullptr);
  CHECK(b->speaker.find("fishermen") != std::string::npos);
  CHECK(b->speaker.find("letter") == std::string::npos);
}

TEST_CASE("attribution: a coordinated cue takes the main clause's subject", "[attribution]") {
  auto g = ExtractArticle(
      "Court Term\n\nJudge Maria Kask said that she did not want to retire and predicted that the "
      "court would rule on the harbour case in May.\n\nAsked on Monday whether she would run "
      "again, Mayor Lena Okafor smiled and said she would decide in June.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "court would rule on the harbour case");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Maria Kask");
  const Statement* b = FindStatement(g, "she would decide in June");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Lena Okafor");
}

TEST_CASE("attribution: a participle's subject past a dateline or a leading time",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Speech\n\nTALLINN, March 8 (Harbour Wire) — The port's director rallied the dock "
      "workers, saying the cranes would stay.\n\nOn Thursday evening Mayor Lena Okafor gave her "
      "budget speech, promising to repair the north pier.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "cranes would stay");
  REQUIRE(a != nullptr);
  CHECK(a->speaker.find("director") != std::string::npos);
  const Statement* b = FindStatement(g, "repair the north pier");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Lena Okafor");
}

TEST_CASE("attribution: a time after a parenthesis or an apposition, and 'a study by X'",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Week\n\nSen. Olga Pirtle (D-Ore.) on Saturday said the harbour fund was too "
      "small.\n\nMayor Lena Okafor, who chairs the port board, on Sunday defended the new "
      "tariffs.\n\nDock rents doubled in a decade, a study by the Baltic Port Institute found.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "harbour fund was too small");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Olga Pirtle");
  const Statement* b = FindStatement(g, "the new tariffs");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Lena Okafor");
  const Statement* c = FindStatement(g, "Dock rents doubled in a decade");
  REQUIRE(c != nullptr);
}

TEST_CASE(
    "attribution: shares and quantifiers after an introduction, and a relative clause "
    "closing with a quotation",
    "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Poll\n\nOn the ferry, both said the fares were too high.\n\nLess than a third "
      "agreed with the mayor that the pier should close.\n\nMayor Lena Okafor, who has called "
      "the tariffs \"a disgrace,\" portrayed the port board as out of touch.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "fares were too high");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "both");
  const Statement* b = FindStatement(g, "pier should close");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "a third");
  const Statement* c = FindStatement(g, "port board as out of touch");
  REQUIRE(c != nullptr);
  CHECK(c->speaker == "Lena Okafor");
}

TEST_CASE("attribution: 'according to' inside a parenthesis and after a relative clause",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Money\n\nSmall ports like Paldiski (80 percent of their cargo was timber, "
      "according to customs data) lost money.\n\nThe harbour fund, which backed the new pier, "
      "spent 3 million euros on dredging, according to the port's auditors.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "80 percent of their cargo");
  REQUIRE(a != nullptr);
  CHECK(a->text == "80 percent of their cargo was timber");
  CHECK(a->speaker.find("customs data") != std::string::npos);
  const Statement* b = FindStatement(g, "spent 3 million euros on dredging");
  REQUIRE(b != nullptr);
  CHECK(b->speaker.find("auditors") != std::string::npos);
}

TEST_CASE(
    "attribution: a stance object ends after its quotation, and an apposition after a "
    "parenthesis",
    "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Feud\n\nMayor Lena Okafor called the tariff plan \"a disgrace\" and walked out of "
      "the meeting.\n\nSen. Olga Pirtle (D-Ore.), also a port board member, called the tariffs "
      "\"reckless\" in a radio interview.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "a disgrace");
  REQUIRE(a != nullptr);
  CHECK(a->text.find("walked out") == std::string::npos);
  const Statement* b = FindStatement(g, "reckless");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Olga Pirtle");
}

TEST_CASE("attribution: an opening 'Asked by X whether' ends before the main clause",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Interview\n\nMayor Lena Okafor met the press. Asked by Peter Mets whether she "
      "would run again, she said, \"Not this year.\"\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "whether she would run again");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Peter Mets");
  CHECK(a->text == "whether she would run again");
  const Statement* b = FindStatement(g, "Not this year");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Lena Okafor");
}

TEST_CASE("attribution: a participle after a dash or 'by', and quoted words are not cut",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Row\n\nMayor Lena Okafor dismissed the charges against the port board — saying "
      "the auditors had not read the accounts.\n\nSen. Olga Pirtle distanced herself from the "
      "board by saying she would vote against the tariffs.\n\nJudge Maria Kask praised the "
      "harbour master, saying he had \"a steady hand, but most of all, a good heart.\"\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "auditors had not read the accounts");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Lena Okafor");
  const Statement* b = FindStatement(g, "vote against the tariffs");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Olga Pirtle");
  const Statement* c = FindStatement(g, "steady hand");
  REQUIRE(c != nullptr);
  CHECK(c->text.find("a good heart") != std::string::npos);
}

TEST_CASE(
    "attribution: 'before asking her, quote', 'just this month' and an opening phrase "
    "with a relative clause",
    "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Song\n\nThe singer Kadri Tamm praised the mayor before asking her, \"When does "
      "the ferry come back?\"\n\nThe port board just this month announced it would cut the "
      "night tariff.\n\nThe audit found that in the two largest harbours, which include "
      "Paldiski, fees had doubled.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "When does the ferry come back");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Kadri Tamm");
  CHECK(a->text.find("her") == std::string::npos);
  const Statement* b = FindStatement(g, "cut the night tariff");
  REQUIRE(b != nullptr);
  const Statement* c = FindStatement(g, "fees had doubled");
  REQUIRE(c != nullptr);
}

TEST_CASE("attribution: a quotation closing after a nested quotation's mark", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Gift\n\n\"My family paid for the pier. That is why the plaque says 'Harbour "
      "Friend,' \" Kadri Tamm wrote of the 2010 gift.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "My family paid for the pier");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Kadri Tamm");
  CHECK(s->text.find("Harbour Friend") != std::string::npos);
}

TEST_CASE("attribution: percentages, 'nine out of 10' and 'those surveyed' speak",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Survey\n\nOpinions split: 47% say the ferry should run at night.\n\nNearly nine "
      "out of 10 say the pier needs repairs.\n\nThose surveyed say the tariffs are too high.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "ferry should run at night");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "47%");
  const Statement* b = FindStatement(g, "pier needs repairs");
  REQUIRE(b != nullptr);
  CHECK(b->speaker.find("nine out of 10") != std::string::npos);
  const Statement* c = FindStatement(g, "tariffs are too high");
  REQUIRE(c != nullptr);
}

TEST_CASE("attribution: 'one says ..., while another says', and a document filed on a day",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Counts\n\nOne says the harbour has 40 berths, while another says it has 52.\n\nA "
      "court document filed Thursday says that the port director will not be charged.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "harbour has 40 berths");
  REQUIRE(a != nullptr);
  CHECK(a->text.find("52") == std::string::npos);
  const Statement* b = FindStatement(g, "it has 52");
  REQUIRE(b != nullptr);
  const Statement* c = FindStatement(g, "port director will not be charged");
  REQUIRE(c != nullptr);
  CHECK(c->speaker.find("court document") != std::string::npos);
}

TEST_CASE("attribution: a stance on a pronoun ends at the writer's clause", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Backing\n\nMayor Lena Okafor spoke on Monday. Sen. Olga Pirtle endorsed her, "
      "citing her work on the pier.\n\nJudge Maria Kask endorsed him – they had worked together "
      "for years.\n\nOnly 32 percent of residents opposed the tariff, down from 47 percent.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "her work on the pier");
  REQUIRE(a != nullptr);
  bool endorsed_her = false, endorsed_him = false;
  for (const Statement& s : g.statements) {
    endorsed_her = endorsed_her || (s.speaker == "Olga Pirtle" && s.text == "her");
    endorsed_him = endorsed_him || (s.speaker == "Maria Kask" && s.text == "him");
  }
  CHECK(endorsed_her);
  CHECK(endorsed_him);
  const Statement* c = FindStatement(g, "the tariff");
  REQUIRE(c != nullptr);
  CHECK(c->text == "the tariff");
}

TEST_CASE(
    "attribution: 'according to' sources end at a relative clause or a colon, and "
    "'Having announced that'",
    "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Talks\n\nThe ferry will run all winter, according to a port official who spoke "
      "on condition of anonymity.\n\nAccording to the Harbour Gazette: \"The pier reopens in "
      "May.\"\n\nHaving announced that the fares would rise, Mayor Lena Okafor left the hall.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "ferry will run all winter");
  REQUIRE(a != nullptr);
  CHECK(a->speaker.find("anonymity") == std::string::npos);
  const Statement* b = FindStatement(g, "pier reopens in May");
  REQUIRE(b != nullptr);
  CHECK(b->speaker.find("Harbour Gazette") != std::string::npos);
  const Statement* c = FindStatement(g, "fares would rise");
  REQUIRE(c != nullptr);
  CHECK(c->speaker.find("Lena Okafor") != std::string::npos);
}

TEST_CASE(
    "attribution: a coordinated cue inside a relative clause, after a dateline with an "
    "agency, or after 'Earlier Wednesday'",
    "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Visit\n\nTALLINN (Harbour Wire) - Mayor Lena Okafor met the dock workers on "
      "Thursday and said the cranes would stay.\n\nEarlier Wednesday, Sen. Olga Pirtle visited "
      "the pier and defended the new tariffs.\n\nThe reporter met Piret Saar, who opened the "
      "gate and said the ferry was late again.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "cranes would stay");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Lena Okafor");
  const Statement* b = FindStatement(g, "the new tariffs");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Olga Pirtle");
  const Statement* c = FindStatement(g, "ferry was late again");
  REQUIRE(c != nullptr);
  CHECK(c->speaker == "Piret Saar");
}

TEST_CASE(
    "attribution: wire quotations in doubled apostrophes close after a space and after "
    "a nested quotation",
    "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Memo\n\n''The pier was built to last, '' said Piret Saar, who runs the port.\n\n"
      "The new director ''had me at 'independence,''' Kadri Tamm wrote in her memo.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "pier was built to last");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Piret Saar");
  const Statement* b = FindStatement(g, "had me at");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Kadri Tamm");
}

TEST_CASE("attribution: 'When asked by X about Y' names the asker and the question",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Questions\n\nWhen asked by Peter Mets on Thursday about the night ferry, Mayor "
      "Lena Okafor said: \"It will run in May.\"\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "about the night ferry");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Peter Mets");
  CHECK(a->text.find("Okafor") == std::string::npos);
  const Statement* b = FindStatement(g, "It will run in May");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "Lena Okafor");
}

TEST_CASE("attribution: a statement ends where another group's words begin", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Poll\n\nHalf said the ferry was too slow, about the same number who said it was "
      "too expensive.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "ferry was too slow");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the ferry was too slow");
  CHECK(FindStatement(g, "it was too expensive") != nullptr);
}
