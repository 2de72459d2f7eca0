// Statements without a reporting verb after the sentence's first words: a name before a colon
// that opens a quotation, a headline that names its speaker and where or to whom, and stance
// verbs in headlines. A semicolon ends an indirect statement. Sentences written for these tests.
#include <catch2/catch.hpp>

#include "extract_helpers.h"

using namespace tkg;
using namespace tkg::testing;

TEST_CASE("attribution: a name before a colon that opens a quotation speaks it", "[attribution]") {
  auto g = ExtractArticle(
      "Turnout Puzzle\n\nThe late swing did not surprise county pollster Ines Varga: \"Voters "
      "who decide in the last week rarely answer the phone to anyone.\"\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "rarely answer the phone");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Ines Varga");
  CHECK(s->rule == "colon");
}

TEST_CASE("attribution: a colon after a lower-case phrase opens no speaker's quotation",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Report\n\nThe ferry company printed a new slogan on its tickets this spring: "
      "\"Across the bay in twenty minutes.\"\n",
      "2019-03-09");
  for (const Statement& s : g.statements) CHECK(s.rule != "colon");
}

TEST_CASE("attribution: a colon quotation after a reporting verb is that verb's statement",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Plan\n\nMayor Lena Okafor said it plainly to the Harbour Board: \"The cranes stay "
      "until the new quay is built.\"\n",
      "2019-03-09");
  size_t found = 0;
  for (const Statement& s : g.statements)
    if (s.text.find("The cranes stay") != std::string::npos) {
      ++found;
      CHECK(s.rule != "colon");
    }
  CHECK(found == 1);
}

TEST_CASE("attribution: a headline names its speaker, an audience, then the words",
          "[attribution]") {
  auto g = ExtractArticle(
      "Okafor to Harbour Workers: The Quay Will Reopen by June\n\nThe mayor spoke at the docks "
      "on Friday.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "The Quay Will Reopen by June");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Okafor") != std::string::npos);
  CHECK(s->speaker.find("Harbour") == std::string::npos);
}

TEST_CASE("attribution: stance verbs and desires in a headline are statements, beliefs not",
          "[attribution]") {
  auto stance = ExtractArticle(
      "Mayor Okafor Slams Ferry Operators Over Fares\n\nThe mayor spoke at the docks on "
      "Friday.\n",
      "2019-03-09");
  const Statement* s = FindStatement(stance, "Ferry Operators");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Okafor") != std::string::npos);
  auto desire = ExtractArticle(
      "Mayor Okafor Wants to Rebuild the Old Quay\n\nThe mayor spoke at the docks on Friday.\n",
      "2019-03-09");
  const Statement* d = FindStatement(desire, "Rebuild the Old Quay");
  REQUIRE(d != nullptr);
  CHECK(d->speaker.find("Okafor") != std::string::npos);
  auto belief = ExtractArticle(
      "Mayor Okafor Believes the Old Quay Can Be Saved\n\nThe mayor spoke on Friday.\n",
      "2019-03-09");
  CHECK(FindStatement(belief, "the Old Quay Can Be Saved") == nullptr);
}

TEST_CASE("attribution: a semicolon ends an indirect statement", "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Survey\n\nMost commuters said the fares were too high; the operators have not "
      "answered the survey.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "the fares were too high");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("operators") == std::string::npos);
}

TEST_CASE("attribution: a quotation opened in indirect content runs to its closing mark",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Plan\n\nThe mayor said the cranes would stay \"until the quay is rebuilt. Nobody "
      "moves them before that.\" The board meets on Friday.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "the cranes would stay");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("Nobody moves them before that") != std::string::npos);
  CHECK(s->text.find("board meets") == std::string::npos);
}

TEST_CASE("attribution: a participle's subject is the main clause's, not an opening clause's",
          "[attribution]") {
  auto g = ExtractArticle(
      "Rent Talks\n\nWhen the tenants union demanded lower rents, Mayor Lena Okafor met its "
      "leaders, saying the city would review the leases.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "would review the leases");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Lena Okafor");
}

TEST_CASE("attribution: times and places opening a sentence are no subject", "[attribution]") {
  auto g = ExtractArticle(
      "Budget Tour\n\nAt a town hall in Tartu, Estonia, on Sunday, Mayor Lena Okafor visited the "
      "market, saying taxes would not rise.\n\nHours later, Okafor visited the docks, telling "
      "reporters the budget was balanced.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "taxes would not rise");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Lena Okafor");
  const Statement* t = FindStatement(g, "the budget was balanced");
  REQUIRE(t != nullptr);
  CHECK(t->speaker.find("Okafor") != std::string::npos);
}

TEST_CASE("attribution: whoever put out a statement or an ad speaks through it", "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Fares\n\nLater, Okafor's office released a statement saying the ferry would run on "
      "Sunday.\n\nAfter the vote, the union released a new radio ad calling the fares unfair.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "the ferry would run on Sunday");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Okafor") != std::string::npos);
  CHECK(s->speaker.find("statement") == std::string::npos);
  const Statement* t = FindStatement(g, "the fares unfair");
  REQUIRE(t != nullptr);
  CHECK(t->speaker.find("union") != std::string::npos);
}

TEST_CASE("attribution: who opened a rally speaks there, and 'both' floats after its subject",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Fares\n\nOn Tuesday, the mayor opened a harbour rally blasting the operators for "
      "the fares.\n\nOkafor and Ilves both condemned the fare increase.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "the operators for the fares");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("mayor") != std::string::npos);
  const Statement* t = FindStatement(g, "the fare increase");
  REQUIRE(t != nullptr);
  CHECK(t->speaker.find("Okafor") != std::string::npos);
  CHECK(t->speaker.find("Ilves") != std::string::npos);
}

TEST_CASE("attribution: a participle after a joined clause takes that clause's subject",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Rules\n\nRiders say the new rules are not about safety, and the Harbour Riders "
      "Union has already sued the city, saying the rules break the charter.\n\nMayor Lena "
      "Okafor has been criticised for the plan, though in a radio interview last week she used "
      "stronger language, saying the ferry must be saved.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "the rules break the charter");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Union") != std::string::npos);
  const Statement* t = FindStatement(g, "the ferry must be saved");
  REQUIRE(t != nullptr);
  CHECK(t->rule == "participle");
  CHECK(t->speaker == "Lena Okafor");
}

TEST_CASE("attribution: 'said of X' names what the words were about, not who said them",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Fares\n\n\"Their plan is very clear,\" Piret Saar, a senior fellow at the Harbour "
      "Institute, said of the operators.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "Their plan is very clear");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Piret Saar");
  CHECK(s->text.find("Piret") == std::string::npos);
}

TEST_CASE("attribution: a date without a comma before a pronoun subject, a letter to someone",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Fares\n\nOn September 27 they published the results by announcing that the fares "
      "would fall.\n\nIn late September, a group of riders sent a letter to the Harbour Board of "
      "Directors urging them to reconsider.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "the fares would fall");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("September") == std::string::npos);
  const Statement* t = FindStatement(g, "them to reconsider");
  REQUIRE(t != nullptr);
  CHECK(t->speaker.find("riders") != std::string::npos);
}

TEST_CASE("attribution: a stance reported through a closing chain is the relay's statement",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Visit\n\nOkafor plans to visit the docks on Sunday, according to a campaign "
      "aide.\n\nThe mayor said the ferry would run on Sunday, the Harbour Times reported.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "plans to visit the docks");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("aide") != std::string::npos);
  CHECK(s->rule == "relay");
  for (const Statement& t : g.statements) CHECK(t.text != "to visit the docks on Sunday");
  // Speech keeps its speaker; the paper is the relay.
  const Statement* r = FindStatement(g, "the ferry would run on Sunday");
  REQUIRE(r != nullptr);
  CHECK(r->speaker.find("mayor") != std::string::npos);
  CHECK(r->reported_by.size() == 1);
}

TEST_CASE("attribution: ', as X put it.' closes a sentence with its source", "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Fares\n\nThe ferry is \"a lifeline for the islands,\" as Okafor put it.\n\nThe fares "
      "are too high, as the Harbour Riders Union noted on Friday.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "a lifeline for the islands");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Okafor") != std::string::npos);
  const Statement* t = FindStatement(g, "The fares are too high");
  REQUIRE(t != nullptr);
  CHECK(t->speaker.find("Harbour Riders Union") != std::string::npos);
}

TEST_CASE("attribution: an opening conjunction or 'this year' comes before the subject",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Vote\n\nBut on Tuesday, Okafor stood with the council and urged riders to back the "
      "plan.\n\nThis year Ilves spoke about how the islands depend on the ferry.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "riders to back the plan");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Okafor") != std::string::npos);
  const Statement* t = FindStatement(g, "the islands depend on the ferry");
  REQUIRE(t != nullptr);
  CHECK(t->speaker.find("Ilves") != std::string::npos);
  CHECK(t->speaker.find("year") == std::string::npos);
}

TEST_CASE("attribution: a sentence adverb after an opening phrase comes before the subject",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Workers\n\nOn Thursday, however, Okafor spoke to a gathering of ferry workers, "
      "promising to lift the fare cap.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "to lift the fare cap");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Okafor") != std::string::npos);
}

TEST_CASE("attribution: a dateline with a hyphen and an abbreviated state before the subject",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Tour\n\nHARBOUR TOWN, Calif. - Rallying hundreds of ferry workers, Mayor Lena Okafor "
      "listened to them and promised to deliver change.\n\nAt a meeting that month in Aspen, "
      "Colo., the mayor ended her speech by quoting an old poem about the sea.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "to deliver change");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Lena Okafor");
  const Statement* t = FindStatement(g, "an old poem about the sea");
  REQUIRE(t != nullptr);
  CHECK(t->speaker.find("Colo") == std::string::npos);
}

TEST_CASE("attribution: 'Years after X claimed ...,' and 'Here in X,' open a sentence",
          "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Years\n\nYears after Ilves claimed the ferry would never pay, Okafor won the vote by "
      "promising cheaper fares.\n\nHere in Tartu, Okafor visited the market, saying taxes would "
      "not rise.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "cheaper fares");
  REQUIRE(s != nullptr);
  CHECK(s->speaker.find("Okafor") != std::string::npos);
  const Statement* t = FindStatement(g, "taxes would not rise");
  REQUIRE(t != nullptr);
  CHECK(t->speaker.find("Okafor") != std::string::npos);
}

TEST_CASE("attribution: 'found himself' reports no finding", "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Bind\n\nOkafor found herself in the same legal bind as the operators.\n\nThe "
      "auditors found that the fares were too high.\n",
      "2019-03-09");
  CHECK(FindStatement(g, "in the same legal bind") == nullptr);
  const Statement* s = FindStatement(g, "the fares were too high");
  REQUIRE(s != nullptr);
  CHECK(s->cue == "found");
}

TEST_CASE("attribution: a headline's 'Okafor camp:' speaks what follows the colon",
          "[attribution]") {
  auto g = ExtractArticle(
      "Okafor camp: The ferry cuts threaten the islands\n\nThe mayor spoke on Friday.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "The ferry cuts threaten the islands");
  REQUIRE(s != nullptr);
  CHECK(s->rule == "colon");
  CHECK(s->speaker.find("Okafor") != std::string::npos);
}

TEST_CASE("attribution: a quotation after a colon with its own cue is a statement of its own",
          "[attribution]") {
  auto g = ExtractArticle(
      "Harbour Identity\n\nIn Tallinn, Okafor asserted that the harbour had lost its identity: "
      "\"The harbour is no longer the harbour,\" she claimed.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "the harbour had lost its identity");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("no longer") == std::string::npos);
  const Statement* q = FindStatement(g, "The harbour is no longer the harbour");
  REQUIRE(q != nullptr);
  CHECK(q->cue == "claimed");
}

TEST_CASE("attribution: a party and state between commas is no speaker", "[attribution]") {
  auto g = ExtractArticle(
      "Ferry Hearing\n\nSen. Lena Okafor, D-Tartu, appearing on Harbour TV right after the "
      "speech, said the mayor failed to address the fares.\n",
      "2019-03-09");
  const Statement* s = FindStatement(g, "failed to address the fares");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Lena Okafor");
}
