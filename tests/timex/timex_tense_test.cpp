// Time expressions: which words of the clause set its tense, and so which Monday or which July
// a bare weekday or month means.
#include <catch2/catch.hpp>

#include "timex_helpers.h"

using namespace tkg::timextest;

TEST_CASE("an -ed word after a determiner describes a noun and sets no tense", "[timex]") {
  // Past tense would send July back a year; with no tense the coming July is nearer.
  Expect1("Delegates head to a contested convention in July.", kThu, "July", "DATE", "2016-07");
  Expect1("The vote falls on a still undecided date in July.", kThu, "July", "DATE", "2016-07");
  // A real past verb keeps its force.
  Expect1("The party contested the seat in July.", kThu, "July", "DATE", "2015-07");
}

TEST_CASE("a planned event lies ahead of the reference day", "[timex]") {
  Expect1("A memorial service is planned Friday in the town hall.", kThu, "Friday", "DATE",
          "2016-04-22");
  Expect1("A planned rally on Saturday worries the police.", kThu, "Saturday", "DATE",
          "2016-04-23");
  // What a subject planned, told in the simple past, still lies ahead.
  Expect1("Farmers planned a march on Saturday.", kThu, "Saturday", "DATE", "2016-04-23");
  // A plan told in the past perfect is behind us.
  Expect1("They had planned a rally on Saturday.", kThu, "Saturday", "DATE", "2016-04-16");
}

TEST_CASE("the previous or following weekday counts from the day the text is about", "[timex]") {
  auto prev = Run("The index closed on April 5 below its level of the previous Friday.", kThu);
  REQUIRE(prev.size() == 2);
  CHECK(prev[1].text == "the previous Friday");
  CHECK(prev[1].value == "2016-04-01");
  auto next = Run("The deal was signed on April 5 and took effect the following Monday.", kThu);
  REQUIRE(next.size() == 2);
  CHECK(next[1].text == "the following Monday");
  CHECK(next[1].value == "2016-04-11");
}

TEST_CASE("overnight is the night before the day the text is about", "[timex]") {
  auto found = Run("Stocks fell on Friday, hurt by overnight losses in Tokyo.", kThu);
  REQUIRE(found.size() == 2);
  CHECK(found[0].value == "2016-04-15");
  CHECK(found[1].value == "2016-04-14TNI");
  // A date long past is background: the night before the reference day.
  auto old = Run("After the vote on March 2, rebels struck overnight.", kThu);
  REQUIRE(old.size() == 2);
  CHECK(old[1].value == "2016-04-20TNI");
}

TEST_CASE("could looks ahead unless it reports what was or was not possible", "[timex]") {
  Expect1("He could win the state on Tuesday.", kThu, "Tuesday", "DATE", "2016-04-26");
  Expect1("The mayor could not be reached for comment on Tuesday.", kThu, "Tuesday", "DATE",
          "2016-04-19");
  Expect1("Neither he nor his aides could be reached Tuesday.", kThu, "Tuesday", "DATE",
          "2016-04-19");
  Expect1("She could have won the race on Tuesday.", kThu, "Tuesday", "DATE", "2016-04-19");
}

TEST_CASE("short past forms and slated set the tense", "[timex]") {
  // "died" is too short for the -ed test; without it the later "will" would win.
  Expect1("The actor, who died Sunday at 94, will be buried in Ohio.", kThu, "Sunday", "DATE",
          "2016-04-17");
  Expect1("She canceled a rally slated for Saturday.", kThu, "Saturday", "DATE", "2016-04-23");
}

TEST_CASE("a month without tense takes its nearer occurrence and since looks back", "[timex]") {
  // Five months ahead is nearer than seven months back.
  Expect1("Health care, a key issue in November, tops the list.", Day(2016, 6, 10), "November",
          "DATE", "2016-11");
  Expect1("Prices have risen steadily since December.", Day(2016, 8, 20), "December", "DATE",
          "2015-12");
}

TEST_CASE("likely to and poised to look ahead", "[timex]") {
  Expect1("The suspect is likely to appear in court Friday.", kThu, "Friday", "DATE", "2016-04-22");
  Expect1("The senator is poised to announce her bid on Monday.", kThu, "Monday", "DATE",
          "2016-04-25");
}

TEST_CASE("a possessive weekday is past unless the text is ahead of it", "[timex]") {
  Expect1("Polls tightened ahead of Tuesday's vote.", kThu, "Tuesday", "DATE", "2016-04-26");
  Expect1("Turnout in Tuesday's vote was high.", kThu, "Tuesday", "DATE", "2016-04-19");
}
