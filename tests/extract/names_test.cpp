#include "../../importers/src/extract/names.h"

#include <catch2/catch.hpp>
#include <string>

#include "../../importers/src/extract/coreference.h"
#include "../../importers/src/extract/lexicon.h"
#include "test_support.h"

using namespace tkg;
using namespace tkg::extract;

namespace {

const Lexicon& Lex() {
  static Lexicon lex = [] {
    Lexicon l;
    std::string path = testing::SourcePath("data/lexicon.tsv");
    REQUIRE(l.ParseNames(testing::ReadFile(path), path).ok());
    return l;
  }();
  return lex;
}

std::vector<NameMention> Names(const std::string& text) {
  return FindNames(text, Tokenize(text, Span{0, static_cast<uint32_t>(text.size())}), Lex());
}

}  // namespace

TEST_CASE("names: title and nationality before a person", "[names]") {
  std::string text = "Estonian Prime Minister Liis Saar opened the meeting.";
  auto m = Names(text);
  REQUIRE(m.size() == 1);
  CHECK(NameText(text, m[0].name) == "Liis Saar");
  CHECK(m[0].type == ActorType::kPerson);
  CHECK(m[0].title == "Prime Minister");
  CHECK(m[0].of == "Estonia");
}

TEST_CASE("names: organisation, lower-case title, person", "[names]") {
  std::string text = "Harbour Data Protection Authority director Mei Chandra said the rules work.";
  auto m = Names(text);
  REQUIRE(m.size() == 2);
  CHECK(m[0].type == ActorType::kOrganization);
  CHECK(NameText(text, m[0].name) == "Harbour Data Protection Authority");
  CHECK(NameText(text, m[1].name) == "Mei Chandra");
  CHECK(m[1].title == "director");
  CHECK(m[1].of == "Harbour Data Protection Authority");
}

TEST_CASE("names: an apposition gives the role", "[names]") {
  std::string text = "Sen. Paul Okonkwo, the ranking member of the Finance Committee, objected.";
  auto m = Names(text);
  REQUIRE(!m.empty());
  CHECK(NameText(text, m[0].name) == "Paul Okonkwo");
  CHECK(m[0].title == "Sen.");
}

TEST_CASE("names: sentence-initial function words and months are not names", "[names]") {
  std::string text = "Meanwhile, In March the Kestrel Institute published a report.";
  auto m = Names(text);
  REQUIRE(m.size() == 1);
  CHECK(NameText(text, m[0].name) == "Kestrel Institute");
  CHECK(m[0].type == ActorType::kOrganization);
}

TEST_CASE("names: a possessive is not part of the name", "[names]") {
  std::string text = "It was Nordia Telecom\xE2\x80\x99s worst quarter.";
  auto m = Names(text);
  REQUIRE(m.size() == 1);
  CHECK(NameText(text, m[0].name) == "Nordia Telecom");
}

TEST_CASE("names: a no-break space or a line break inside a name is one space", "[names]") {
  std::string text = "Mayor Ilse\xC2\xA0Varga met Tomas\nReed. Varga spoke, then Tomas Reed spoke.";
  auto m = Names(text);
  REQUIRE(m.size() >= 2);
  CHECK(NameText(text, m[0].name) == "Ilse Varga");
  CHECK(NameText(text, m[1].name) == "Tomas Reed");
  ActorTable table(text);
  for (const auto& mention : m) table.AddMention(mention);
  // The later "Tomas Reed", spelled with an ASCII space, is the same person.
  REQUIRE(table.actors().size() == 2);
  CHECK(table.actor(0).name == "Ilse Varga");
  CHECK(table.actor(1).name == "Tomas Reed");
}

TEST_CASE("names: a full name 'of' a place is the name, the place its role's 'of'", "[names]") {
  std::string text = "Sen. Ingrid Solberg of Hordaland objected, and so did the Bank of Hamar.";
  auto m = Names(text);
  REQUIRE(m.size() == 2);
  CHECK(NameText(text, m[0].name) == "Ingrid Solberg");
  CHECK(m[0].title == "Sen.");
  CHECK(m[0].of == "Hordaland");
  CHECK(m[0].certain);
  CHECK(NameText(text, m[1].name) == "Bank of Hamar");
  CHECK(m[1].type == ActorType::kOrganization);
}

TEST_CASE("names: a title before an organisation word is part of the organisation's name",
          "[names]") {
  std::string text = "The Justice Department objected.";
  auto m = Names(text);
  REQUIRE(m.size() == 1);
  CHECK(NameText(text, m[0].name) == "Justice Department");
  CHECK(m[0].type == ActorType::kOrganization);
  CHECK(m[0].title.empty());
}

TEST_CASE("names: a state before a title says where the title holds", "[names]") {
  std::string text = "New Hampshire Gov. Ingrid Solberg objected, as did Ohio Sen. Lars Berg.";
  auto m = Names(text);
  REQUIRE(m.size() == 2);
  CHECK(NameText(text, m[0].name) == "Ingrid Solberg");
  CHECK(m[0].title == "Gov.");
  CHECK(m[0].of == "New Hampshire");
  CHECK(NameText(text, m[1].name) == "Lars Berg");
  CHECK(m[1].of == "Ohio");
}

TEST_CASE("names: a party before a full name is not part of it", "[names]") {
  std::string text = "Later, Republican Lars Berg objected to the Republican National Committee.";
  auto m = Names(text);
  REQUIRE(m.size() == 2);
  CHECK(NameText(text, m[0].name) == "Lars Berg");
  CHECK(m[0].type == ActorType::kPerson);
  CHECK(NameText(text, m[1].name) == "Republican National Committee");
  CHECK(m[1].type == ActorType::kOrganization);
}

TEST_CASE("names: two names joined by 'and' are places or a group, not a person", "[names]") {
  std::string text = "It passed in Vermont and Ohio, and then Berg and Solberg objected.";
  auto m = Names(text);
  REQUIRE(m.size() == 2);
  CHECK(NameText(text, m[0].name) == "Vermont and Ohio");
  CHECK(m[0].type == ActorType::kPlace);
  CHECK(NameText(text, m[1].name) == "Berg and Solberg");
  CHECK(m[1].type == ActorType::kGroup);
}

TEST_CASE("names: a day after a name is not part of it", "[names]") {
  std::string text = "Ingrid Solberg Tuesday called the levy rushed.";
  auto m = Names(text);
  REQUIRE(m.size() == 1);
  CHECK(NameText(text, m[0].name) == "Ingrid Solberg");
}

TEST_CASE("names: portfolio words before a title and 'of ...' after it belong to the title",
          "[names]") {
  std::string text =
      "Labour Minister Ingrid Solberg spoke, then Harbour Board Chairman Lars Berg, then "
      "Director of Port Affairs Kari Dahl.";
  auto m = Names(text);
  REQUIRE(m.size() == 3);
  CHECK(NameText(text, m[0].name) == "Ingrid Solberg");
  CHECK(m[0].title == "Labour Minister");
  CHECK(NameText(text, m[1].name) == "Lars Berg");
  CHECK(m[1].title == "Harbour Board Chairman");
  CHECK(NameText(text, m[2].name) == "Kari Dahl");
  CHECK(m[2].title == "Director of Port Affairs");
}

TEST_CASE("names: a word inside a title's reach that begins no name stays none", "[names]") {
  std::string text = "He met the candidate Tuesday morning. As Secretary I signed it.";
  CHECK(Names(text).empty());
}

TEST_CASE("names: a capital inside one word names an organisation, not after a particle",
          "[names]") {
  std::string text2 = "NewsDesk objected; McKinnon did too.";
  auto m2 = Names(text2);
  REQUIRE(m2.size() == 2);
  CHECK(m2[0].type == ActorType::kOrganization);
  CHECK(m2[0].certain);
  CHECK(m2[1].type == ActorType::kPerson);
}

TEST_CASE("coreference: surnames, pronouns and role nouns", "[coreference]") {
  std::string text =
      "Defence Minister Kadi Rebane met Sen. Tom Hale. Rebane spoke first. She left early.";
  ActorTable table(text);
  for (const auto& m : Names(text)) table.AddMention(m);
  REQUIRE(table.actors().size() == 2);
  CHECK(table.actor(0).name == "Kadi Rebane");
  // "Rebane" resolves to the minister, not a new actor.
  bool alias = false;
  for (const auto& a : table.actor(0).aliases) alias |= a == "Rebane";
  CHECK(alias);
  uint32_t she = static_cast<uint32_t>(text.find("She"));
  CHECK(table.ResolvePronoun("she", she) == 0);  // the most recent person mentioned
  CHECK(table.ResolveRoleNoun("minister", {}, she) == 0);
  // "Sen." is not spelled out: the noun finds it only through the titles it stands for.
  CHECK(table.ResolveRoleNoun("senator", {}, she) == -1);
  CHECK(table.ResolveRoleNoun("senator", {"sen.", "senator"}, she) == 1);
}

TEST_CASE("lexicon: role and given-name rows are read, and malformed ones named", "[names]") {
  Lexicon l;
  REQUIRE(
      l.ParseNames("role\tcongressman\tRep.|Representative\ngiven\tHillary\tfemale\n", "test.tsv")
          .ok());
  REQUIRE(l.role_titles.find("congressman") != l.role_titles.end());
  CHECK(l.role_titles.find("congressman")->second ==
        std::vector<std::string>{"rep.", "representative"});
  REQUIRE(l.given_genders.find("hillary") != l.given_genders.end());
  CHECK(l.given_genders.find("hillary")->second == "female");

  Lexicon bad;
  Status s = bad.ParseNames("given\tHillary\n", "bad.tsv");
  REQUIRE_FALSE(s.ok());
  CHECK(s.ToString().find("bad.tsv") != std::string::npos);
  CHECK(s.ToString().find("male") != std::string::npos);
  Status r = bad.ParseNames("role\tcongressman\n", "bad.tsv");
  REQUIRE_FALSE(r.ok());
  CHECK(r.ToString().find("role without titles") != std::string::npos);
}
