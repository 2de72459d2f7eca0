// Attribution rules added for news copy: parentheses between source and cue, initials, transcript
// turns, quotations running over paragraphs, possessive cue nouns, infinitive contents, negated
// and contracted auxiliaries. Sentences written for these tests.
#include <catch2/catch.hpp>

#include "extract_helpers.h"

using namespace tkg;
using namespace tkg::testing;

TEST_CASE("attribution: a parenthesis between the source and the cue", "[attribution]") {
  auto g = ExtractArticle(
      "Dam Vote\n\nSen. Olga Pirtle (D-Ore.) said the dam repairs could not wait another "
      "winter.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "dam repairs could not wait");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Pirtle") != std::string::npos);
}

TEST_CASE("attribution: initials do not end the sentence before a quotation goes on",
          "[attribution][sentences]") {
  auto g = ExtractArticle(
      "Bridge Tolls\n\n\"Tolls are a tax on commuters,\" said Rep. H.W. Lindqvist. \"They "
      "should go.\"\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "Tolls are a tax on commuters");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Lindqvist") != std::string::npos);
  CHECK(s->text.find("They should go") != std::string::npos);
}

TEST_CASE("attribution: a transcript turn runs to the end of its paragraph", "[attribution]") {
  auto g = ExtractArticle(
      "Evening Interview\n\n\"HOST: Welcome back to the programme tonight. We start with the "
      "floods in the valley.\n\n\"MAYOR: The water is falling now. Schools reopen on Monday.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "The water is falling now");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("MAYOR") != std::string::npos);
  CHECK(s->text.find("Schools reopen on Monday") != std::string::npos);
  const Statement* h = FindStatement(g, "Welcome back");
  REQUIRE(h != nullptr);
  CHECK(h->text.find("floods in the valley") != std::string::npos);
}

TEST_CASE("attribution: a quotation left open at a paragraph's end goes on in the next",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Plan\n\nPort director Anneli Sorsa said: \"We will dredge the channel first. The "
      "cranes come later.\n\n\"Nobody loses a job over this.\"\n\nThe council meets in May.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "dredge the channel");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Anneli Sorsa");
  CHECK(s->text.find("Nobody loses a job") != std::string::npos);
  CHECK(s->text.find("council meets") == std::string::npos);
}

TEST_CASE("attribution: a cue noun after a possessive", "[attribution]") {
  auto g = ExtractArticle(
      "Water Prices\n\nThe board examined Governor Ruth Adeyemi's claim that water prices "
      "would fall by a third.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "water prices would fall");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Adeyemi") != std::string::npos);
  CHECK(s->rule == "possessive_noun");
  // A noun cue without a possessor and a that-clause is no attribution.
  auto g2 = ExtractArticle("Notes\n\nThe statement was read aloud at the start of the session.\n",
                           "2019-03-09");
  CHECK(g2.statements.empty());
}

TEST_CASE("attribution: an infinitive content and negated auxiliaries", "[attribution]") {
  auto g = ExtractArticle(
      "Road Safety\n\nThe transport minister vowed to lower the speed limit near schools. "
      "Councillor Priya Nair isn't saying whether she will back the plan. He's claiming that "
      "the cameras pay for themselves.\n",
      "2019-03-09");
  const Statement* v = FindStatement(g, "lower the speed limit");
  REQUIRE(v != nullptr);
  CHECK(v->text.find("to lower the speed limit") == 0);
  const Statement* n = FindStatement(g, "whether she will back the plan");
  REQUIRE(n != nullptr);
  CHECK(n->speaker.find("Nair") != std::string::npos);
  const Statement* c = FindStatement(g, "the cameras pay for themselves");
  REQUIRE(c != nullptr);
  // "said to be" stays a passive, not a statement.
  auto g2 = ExtractArticle(
      "Old Mill\n\nThe old mill is said to be the oldest building in the county.\n", "2019-03-09");
  CHECK(FindStatement(g2, "oldest building") == nullptr);
}

TEST_CASE("attribution: content stops at a concession or a second reporting clause",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Fares\n\nOperator Nordlys said fares would stay frozen, although it refused to rule "
      "out "
      "a surcharge. Mayor Lena Hoff praised the decision and said the island needed the "
      "ferry.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "fares would stay frozen");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("surcharge") == std::string::npos);
  const Statement* p = FindStatement(g, "the decision");
  REQUIRE(p != nullptr);
  CHECK(p->text.find("island") == std::string::npos);
  const Statement* i = FindStatement(g, "the island needed the ferry");
  REQUIRE(i != nullptr);
  CHECK(i->speaker == "Lena Hoff");
}

TEST_CASE("attribution: a quotation woven into the reported clause", "[attribution]") {
  auto g = ExtractArticle(
      "Library Hours\n\nLibrarian Tove Lund said that \"every branch will stay open\" despite the "
      "cuts to the city budget.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "every branch will stay open");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Tove Lund") != std::string::npos);
  CHECK(s->text.find("despite the cuts") != std::string::npos);
}

TEST_CASE("attribution: a quotation signed after a dash", "[attribution]") {
  auto g = ExtractArticle(
      "Readers Write\n\nWe asked readers about the new tram line.\n\n\"The tram saves me twenty "
      "minutes a day. I hope they extend it.\" \xE2\x80\x95 Maren Holt\n\n\"Too noisy at "
      "night.\" -- Piet Vos\n\nThe line opened in March.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "The tram saves me twenty minutes");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Maren Holt");
  CHECK(s->text.find("I hope they extend it") != std::string::npos);
  CHECK(s->rule == "dash_signature");
  const Statement* v = FindStatement(g, "Too noisy at night");
  REQUIRE(v != nullptr);
  CHECK(v->speaker == "Piet Vos");
}

TEST_CASE("attribution: more reporting verbs from the cue list", "[attribution]") {
  auto g = ExtractArticle(
      "Clinic Closure\n\nNurse Ada Moreau lamented that the clinic would close in June. Her "
      "colleague Ben Ortiz echoed that worry on Monday.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "the clinic would close in June");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Ada Moreau") != std::string::npos);
}

TEST_CASE("attribution: a following quotation with its own cue is not a continuation",
          "[attribution]") {
  auto g = ExtractArticle(
      "Council Row\n\n\"The vote was rushed,\" said councillor Hanne Berg. \"Nobody read the "
      "report,\" she said, adding that the council should vote again.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "The vote was rushed");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("Nobody read the report") == std::string::npos);
  const Statement* n = FindStatement(g, "Nobody read the report");
  REQUIRE(n != nullptr);
  const Statement* p = FindStatement(g, "the council should vote again");
  REQUIRE(p != nullptr);
  CHECK(p->rule == "participle");
  CHECK(p->speaker.find("Berg") != std::string::npos);
}

TEST_CASE("attribution: 'sees X as Y' is a stance, 'saw the film' is not, 'made it clear that'",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour\n\nMayor Ilse Brandt sees the harbour deal as a threat to the fishing fleet.\n\n"
      "Brandt saw the film on Friday.\n\nThe ministry made it clear that the deal would stand.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "threat to the fishing fleet");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "Ilse Brandt");
  CHECK(a->text == "the harbour deal as a threat to the fishing fleet");
  CHECK(FindStatement(g, "the film") == nullptr);
  const Statement* c = FindStatement(g, "deal would stand");
  REQUIRE(c != nullptr);
  CHECK(c->text == "the deal would stand");
}

TEST_CASE("attribution: a passive cue with its agent", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour\n\nThe harbour plan was rejected by 61 percent of the voters.\n\nHolm was asked by "
      "the host whether the ferries would run.\n\nThe meeting was first reported by the Bergen "
      "Post.\n",
      "2019-03-09");
  const Statement* a = FindStatement(g, "harbour plan");
  REQUIRE(a != nullptr);
  CHECK(a->speaker == "61 percent of the voters");
  CHECK(a->rule == "passive");
  const Statement* b = FindStatement(g, "ferries would run");
  REQUIRE(b != nullptr);
  CHECK(b->speaker == "the host");
  // A relay, not a statement of the outlet's.
  CHECK(FindStatement(g, "The meeting") == nullptr);
}

TEST_CASE("attribution: plural nouns that look like cues are no statements", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour\n\nHealth worries have followed the mayor since March.\n\nThe council received "
      "several requests for an audit.\n\nMany say the harbour plan will fail.\n",
      "2019-03-09");
  CHECK(FindStatement(g, "followed the mayor") == nullptr);
  CHECK(FindStatement(g, "for an audit") == nullptr);
  const Statement* s = FindStatement(g, "harbour plan will fail");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Many");
}

TEST_CASE("attribution: a cue followed by a participle's statement has none of its own",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour\n\nHolm responded on Friday, calling the harbour plan \"a gift to the shipping "
      "lobby.\"\n",
      "2019-03-09");
  int statements = 0;
  for (const auto& s : g.statements) statements += s.text.find("harbour plan") != std::string::npos;
  CHECK(statements == 1);
  const Statement* s = FindStatement(g, "harbour plan");
  REQUIRE(s != nullptr);
  CHECK(s->cue == "calling");
}

TEST_CASE("attribution: a label before a colon is no speaker", "[attribution]") {
  auto g = ExtractArticle(
      "Harbour\n\nThe Latest: Ferries will run again from Monday.\n\nHolm: The harbour deal was "
      "rushed through the council.\n",
      "2019-03-09");
  CHECK(FindStatement(g, "Ferries will run") == nullptr);
  const Statement* s = FindStatement(g, "harbour deal was rushed");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Holm");
}

TEST_CASE("attribution: a stance inside another statement's words is that statement's report",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour\n\nLena Vogt said the minister told her that the plant would close.\n\nHolm said "
      "the mayor hopes the ferries will run by June.\n",
      "2019-03-09");
  // Words reported inside words: both statements.
  const Statement* inner = nullptr;
  for (const auto& s : g.statements)
    if (s.text == "the plant would close") inner = &s;
  REQUIRE(inner != nullptr);
  CHECK(inner->speaker == "the minister");
  const Statement* outer = FindStatement(g, "the minister told her");
  REQUIRE(outer != nullptr);
  CHECK(outer->speaker == "Lena Vogt");
  // A hope inside Holm's words is Holm's report of it, not the mayor's statement.
  int about_ferries = 0;
  for (const auto& s : g.statements)
    about_ferries += s.text.find("ferries will run") != std::string::npos;
  CHECK(about_ferries == 1);
  const Statement* holm = FindStatement(g, "ferries will run");
  REQUIRE(holm != nullptr);
  CHECK(holm->speaker == "Holm");
}

TEST_CASE("attribution: 'maintained' and 'remarks' report words only with a clause",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour\n\nThe party has maintained some influence in the north.\n\nHolm maintained that "
      "the deal was legal.\n",
      "2019-03-09");
  CHECK(FindStatement(g, "some influence") == nullptr);
  const Statement* s = FindStatement(g, "deal was legal");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Holm");
}

TEST_CASE("attribution: nouns and passives after 'and' are no coordinated statements",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour\n\nQuestions and answers have been edited for length.\n\nCouncil members were "
      "mocked and criticized on social media.\n\nHolm visited the depot and said the ferries "
      "were unsafe.\n",
      "2019-03-09");
  CHECK(FindStatement(g, "edited for length") == nullptr);
  CHECK(FindStatement(g, "social media") == nullptr);
  const Statement* s = FindStatement(g, "ferries were unsafe");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Holm");
}
