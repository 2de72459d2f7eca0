// The whole pipeline on an article in the scraped shape, written for this test (people, outlet
// and events are invented).
#include <catch2/catch.hpp>
#include <filesystem>

#include "extract_helpers.h"
#include "tkg/importers/extraction_json.h"

using namespace tkg;
using namespace tkg::testing;

namespace {

const char* kArticle =
    "DAILY MERIDIAN\n"
    "\n"
    "Finland Plans Stronger Cyber Defences\n"
    "\n"
    "| Mar 9, 2019 8:30 AM EST\n"
    "\n"
    "Finnish President Lena Korhonen said on Tuesday that the country will expand its cyber "
    "defence units after a wave of ransomware attacks.\n"
    "\n"
    "Korhonen made the remarks during a meeting with military commanders and bank executives. "
    "She said that hospitals and banks must report every data breach within a day, the Baltic "
    "Courier reported.\n"
    "\n"
    "National Cyber Centre director Jonas Vik pointed out that phishing remains the most common "
    "way in.\n"
    "\n"
    "The president also urged lawmakers to approve the budget before the summer.\n"
    "\n"
    "According to Meridian Institute analyst Petra Salo, the plan lacks money for training.\n"
    "\n"
    "Stadium security will be tightened for the cup final, the police said.\n"
    "\n"
    "Related News\n"
    "\n"
    "Most Popular\n";

const ArticleGraph& Graph() {
  static ArticleGraph g = ExtractArticle(kArticle);
  return g;
}

}  // namespace

TEST_CASE("pipeline: article header", "[pipeline]") {
  const Article& a = Graph().article;
  CHECK(a.outlet == "Daily Meridian");
  CHECK(a.headline == "Finland Plans Stronger Cyber Defences");
  CHECK(a.published == "2019-03-09T08:30:00-05:00");
  CHECK(a.published_date.value == "2019-03-09");
  CHECK(a.text == kArticle);
  CHECK(SpanText(a.text, a.body_span).find("Related News") == std::string_view::npos);
  CHECK(!a.id.empty());
}

TEST_CASE("pipeline: speakers through pronouns and role nouns", "[pipeline]") {
  const ArticleGraph& g = Graph();
  const Statement* s1 = FindStatement(g, "expand its cyber defence units");
  const Statement* s2 = FindStatement(g, "report every data breach");
  const Statement* s4 = FindStatement(g, "lawmakers to approve the budget");
  REQUIRE(s1 != nullptr);
  REQUIRE(s2 != nullptr);
  REQUIRE(s4 != nullptr);
  CHECK(s1->speaker == "Lena Korhonen");
  CHECK(s2->speaker == "Lena Korhonen");
  CHECK(SpanText(g.article.text, s2->source_span) == "She");
  CHECK(s4->speaker == "Lena Korhonen");
  CHECK(SpanText(g.article.text, s4->source_span) == "The president");
  CHECK(s1->speaker_id == s4->speaker_id);
  const Statement* vik = FindStatement(g, "phishing remains");
  REQUIRE(vik != nullptr);
  CHECK(vik->speaker == "Jonas Vik");
  CHECK(vik->cue == "pointed out");
  const Statement* salo = FindStatement(g, "lacks money");
  REQUIRE(salo != nullptr);
  CHECK(salo->speaker == "Petra Salo");
}

TEST_CASE("pipeline: statement dates are explicit, from context, or absent", "[pipeline]") {
  const ArticleGraph& g = Graph();
  const Statement* s1 = FindStatement(g, "expand its cyber defence units");
  const Statement* s2 = FindStatement(g, "report every data breach");
  const Statement* vik = FindStatement(g, "phishing remains");
  REQUIRE(s1 != nullptr);
  REQUIRE(s2 != nullptr);
  REQUIRE(vik != nullptr);
  CHECK(s1->date.value == "2019-03-05");  // "on Tuesday" before Saturday 2019-03-09
  CHECK(s1->date_basis == DateBasis::kExplicit);
  CHECK(s2->date.value == "2019-03-05");
  CHECK(s2->date_basis == DateBasis::kContext);
  CHECK(vik->date.empty());  // another speaker: the meeting's date is not his
  CHECK(vik->date_basis == DateBasis::kNone);
}

TEST_CASE("pipeline: reporting chain and topics", "[pipeline]") {
  const ArticleGraph& g = Graph();
  const Statement* s2 = FindStatement(g, "report every data breach");
  REQUIRE(s2 != nullptr);
  REQUIRE(s2->reported_by.size() == 1);
  CHECK(s2->reported_by[0] == "Baltic Courier");
  CHECK(HasTopic(*s2, "cybersecurity"));
  CHECK(HasTopic(*s2, "data breaches"));
  const Statement* vik = FindStatement(g, "phishing remains");
  REQUIRE(vik != nullptr);
  CHECK(HasTopic(*vik, "phishing"));
  CHECK(HasTopic(*vik, "cybersecurity"));
  const Statement* s4 = FindStatement(g, "lawmakers to approve the budget");
  REQUIRE(s4 != nullptr);
  CHECK_FALSE(HasTopic(*s4, "cybersecurity"));
  const Statement* stadium = FindStatement(g, "Stadium security");
  REQUIRE(stadium != nullptr);
  CHECK_FALSE(HasTopic(*stadium, "cybersecurity"));
}

TEST_CASE("pipeline: actors with roles, and the meeting event", "[pipeline]") {
  const ArticleGraph& g = Graph();
  const Actor* lena = nullptr;
  const Actor* vik = nullptr;
  for (const auto& a : g.actors) {
    if (a.name == "Lena Korhonen") lena = &a;
    if (a.name == "Jonas Vik") vik = &a;
  }
  REQUIRE(lena != nullptr);
  REQUIRE(vik != nullptr);
  CHECK(lena->type == ActorType::kPerson);
  REQUIRE(!lena->roles.empty());
  CHECK(lena->roles[0].title == "President");
  CHECK(lena->roles[0].of == "Finland");
  CHECK(lena->mentions.size() >= 3);
  REQUIRE(!vik->roles.empty());
  CHECK(vik->roles[0].of == "National Cyber Centre");
  const Event* meeting = nullptr;
  for (const auto& e : g.events)
    if (e.type == "meeting") meeting = &e;
  REQUIRE(meeting != nullptr);
  CHECK(meeting->date.value == "2019-03-05");
  REQUIRE(meeting->participants.size() == 1);
  CHECK(meeting->participants[0] == "Lena Korhonen");
}

TEST_CASE("pipeline: JSON output follows the contract", "[pipeline]") {
  auto j = ExtractionToJson(Graph());
  CHECK(j["article"]["outlet"] == "Daily Meridian");
  CHECK(j["article"]["published"] == "2019-03-09T08:30:00-05:00");
  REQUIRE(j["statements"].is_array());
  REQUIRE(!j["statements"].empty());
  for (const auto& s : j["statements"]) {
    CHECK(s["speaker"].is_string());
    CHECK(s["source_span"].is_array());
    CHECK(s["text"].is_string());
    CHECK((s["date"].is_null() || s["date"].is_string()));
    CHECK(s["topics"].is_array());
    CHECK(s["reported_by"].is_array());
    CHECK(s["rule"].is_string());
  }
  CHECK(j["actors"].is_array());
  CHECK(j["times"].is_array());
  CHECK(j["events"].is_array());
}

TEST_CASE("pipeline: the team's example articles", "[pipeline][examples]") {
  std::string dir = SourcePath("examples");
  if (!std::filesystem::exists(dir + "/baltic-wire-2017-03-02-tamm-cyber-deterrence.txt")) {
    WARN("examples/ not present; skipped");
    return;
  }
  auto g = ExtractArticle(ReadFile(dir + "/baltic-wire-2017-03-02-tamm-cyber-deterrence.txt"));
  CHECK(g.article.outlet == "Baltic Wire");
  CHECK(g.article.published_date.value == "2017-03-02");
  const Statement* first = FindStatement(g, "common answer");
  REQUIRE(first != nullptr);
  CHECK(first->speaker == "Kadri Tamm");
  CHECK(first->date.value == "2017-02-27");
  CHECK(HasTopic(*first, "cyberattacks"));
  const Statement* ministry = FindStatement(g, "cyber command");
  REQUIRE(ministry != nullptr);
  CHECK(ministry->date.value == "2017-02-28");

  auto stadium =
      ExtractArticle(ReadFile(dir + "/harbor-city-times-2016-07-08-stadium-security.txt"));
  REQUIRE(!stadium.statements.empty());
  for (const auto& s : stadium.statements) CHECK_FALSE(HasTopic(s, "cybersecurity"));
}

TEST_CASE("pipeline: tkg extract on the command line", "[pipeline][cli]") {
  if (!std::filesystem::exists(TkgBinary())) {
    WARN("tkg binary not built; skipped");
    return;
  }
  TempDir dir;
  WriteFile(dir.Join("a.txt"), kArticle);
  auto ok = RunCommand({TkgBinary(), "extract", "--json", dir.Join("a.txt")});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("\"Lena Korhonen\"") != std::string::npos);
  auto missing = RunCommand({TkgBinary(), "extract", "--json", dir.Join("none.txt")});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("none.txt") != std::string::npos);
  auto bad_date =
      RunCommand({TkgBinary(), "extract", "--json", "--published", "Aprl 21", dir.Join("a.txt")});
  CHECK(bad_date.exit_code == 2);
  CHECK(bad_date.err.find("Aprl 21") != std::string::npos);
  auto help = RunCommand({TkgBinary(), "extract", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--published") != std::string::npos);
}

TEST_CASE("pipeline: a decade in the sentence does not date a statement", "[pipeline][dating]") {
  auto graph = tkg::testing::ExtractArticle(
      "Port Plans Revealed\n\n"
      "Ada Brennan, who ran the docks in the 1980s, said the new quay would open next spring.\n",
      "2016-03-09", "Harbour Gazette");
  const tkg::Statement* s = tkg::testing::FindStatement(graph, "new quay");
  REQUIRE(s != nullptr);
  CHECK(s->speaker == "Ada Brennan");
  CHECK(s->date.empty());
  CHECK(s->date_basis == tkg::DateBasis::kNone);
}
