// A statement's topic from its discourse: weak terms ("~impacted", "~attackers") count only when
// the paragraph, the one before or the headline is about the topic. The articles are written for
// these tests, on the project's own taxonomy (data/topics.tsv).
#include <catch2/catch.hpp>

#include "extract_helpers.h"

using namespace tkg;
using namespace tkg::testing;

TEST_CASE("topics: a statement about an attack named before is about cybersecurity", "[topics]") {
  auto g = ExtractArticle(
      "Hackers Breach Grid Supplier\n\n"
      "A hacking group has broken into the networks of Ostmark Energy, the company said on "
      "Friday.\n\n"
      "\"It is impossible to say how many customers might be impacted,\" said Lena Vogt, a "
      "spokeswoman for the company. She said the attackers had used stolen passwords.\n",
      "2019-03-08");
  const Statement* impacted = FindStatement(g, "might be impacted");
  REQUIRE(impacted != nullptr);
  CHECK(HasTopic(*impacted, "cybersecurity"));
  const Statement* passwords = FindStatement(g, "stolen passwords");
  REQUIRE(passwords != nullptr);
  CHECK(HasTopic(*passwords, "cybersecurity"));
  // "A hacking group": no election campaign.
  const Statement* lead = FindStatement(g, "broken into");
  REQUIRE(lead != nullptr);
  CHECK(HasTopic(*lead, "cybersecurity"));
  CHECK_FALSE(HasTopic(*lead, "elections"));
}

TEST_CASE("topics: the same weak words elsewhere are not cybersecurity", "[topics]") {
  auto g = ExtractArticle(
      "River Floods Reach the Old Town\n\n"
      "The river rose two metres overnight, the fire service said on Friday.\n\n"
      "\"It is impossible to say how many homes might be impacted,\" said Mayor Ilse Brandt. "
      "She said thieves had stolen sandbags from the depot.\n",
      "2019-03-08");
  const Statement* impacted = FindStatement(g, "might be impacted");
  REQUIRE(impacted != nullptr);
  CHECK_FALSE(HasTopic(*impacted, "cybersecurity"));
  const Statement* stolen = FindStatement(g, "stolen sandbags");
  REQUIRE(stolen != nullptr);
  CHECK_FALSE(HasTopic(*stolen, "cybersecurity"));
}

TEST_CASE("topics: a campaign is about elections where voting is the subject", "[topics]") {
  auto g = ExtractArticle(
      "Mayor Seeks Second Term\n\n"
      "Voters go to the polls in May. Ilse Brandt said her campaign would focus on housing.\n",
      "2019-03-08");
  const Statement* s = FindStatement(g, "campaign would focus");
  REQUIRE(s != nullptr);
  CHECK(HasTopic(*s, "elections"));
}
