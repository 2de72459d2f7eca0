// Time expressions: fiscal periods, holidays, spoken years, anaphora, vague references and
// robustness on arbitrary input.
#include <date/date.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "timex_helpers.h"
#include "tkg/importers/extract/timex.h"

using namespace tkg::timextest;
using tkg::TimeExpression;
using tkg::extract::FindTimeExpressions;
using tkg::extract::TimexOptions;

TEST_CASE("fiscal periods and quarter anaphora", "[timex]") {
  auto found =
      Run("Profit fell in the third quarter. A year earlier it had risen, and the year-ago period "
          "was weak.",
          kThu);
  REQUIRE(found.size() == 3);
  CHECK(found[0].value == "2015-Q3");
  CHECK(found[1].text == "A year earlier");
  CHECK(found[1].value == "2014-Q3");
  CHECK(found[2].text == "the year-ago period");
  CHECK(found[2].value == "2014-Q3");

  auto fiscal = Run("Revenue for the year ended Sept. 30 rose; fiscal 2015 was weak.", kThu);
  REQUIRE(fiscal.size() == 3);
  CHECK(fiscal[0].type == "DURATION");
  CHECK(fiscal[0].value == "P1Y");
  CHECK(fiscal[1].value == "2015-09-30");
  CHECK(fiscal[2].text == "fiscal 2015");
  CHECK(fiscal[2].value == "2015");

  auto half = Run("Sales rose in the first half of 2014.", kThu);
  REQUIRE(half.size() == 1);
  CHECK(half[0].value == "2014-H1");
}

TEST_CASE("business shorthand for quarters, halves and fiscal years", "[timex]") {
  auto q = Run("Revenue rose in Q1 and will rise in Q3 2016; FY2015 and H1 2015 were flat.", kThu);
  REQUIRE(q.size() == 4);
  CHECK(q[0].value == "2016-Q1");
  CHECK(q[1].text == "Q3 2016");
  CHECK(q[1].value == "2016-Q3");
  CHECK(q[2].value == "2015");
  CHECK(q[3].value == "2015-H1");
}

TEST_CASE("holidays, spoken years and decades", "[timex]") {
  auto xmas = Run("The shop was closed on Christmas Day.", kThu);
  REQUIRE(xmas.size() == 1);
  CHECK(xmas[0].value == "2015-12-25");
  auto tg = Run("He will return home for Thanksgiving.", kThu);
  REQUIRE(tg.size() == 1);
  CHECK(tg[0].value == "2016-11-24");
  auto spoken = Run("The law took effect in nineteen ninety-six.", kThu);
  REQUIRE(spoken.size() == 1);
  CHECK(spoken[0].value == "1996");
  auto decades = Run("Growth was strong in the 1980s and the early '90s.", kThu);
  REQUIRE(decades.size() == 2);
  CHECK(decades[0].value == "198");
  CHECK(decades[1].value == "199");
  auto century = Run("It was built in the 19th century.", kThu);
  REQUIRE(century.size() == 1);
  CHECK(century[0].value == "18");
}

TEST_CASE("clock times take the day that follows them", "[timex]") {
  auto t = Run("Fighting began about 4 a.m. Tuesday and lasted nearly two and a half hours.", kThu);
  REQUIRE(t.size() == 2);
  CHECK(t[0].text == "about 4 a.m. Tuesday");
  CHECK(t[0].type == "TIME");
  CHECK(t[0].value == "2016-04-19T04:00");
  CHECK(t[1].text == "nearly two and a half hours");
  CHECK(t[1].value == "PT2H30M");
  auto est = Run("Trading was halted at 3:30 p.m. EST.", kThu);
  REQUIRE(est.size() == 1);
  CHECK(est[0].value == "2016-04-21T15:30");
}

TEST_CASE("vague references, sets and ages", "[timex]") {
  auto vague =
      Run("The plant has been idle for the past few months and reopens in the coming weeks.", kThu);
  REQUIRE(vague.size() == 2);
  CHECK(vague[0].value == "PAST_REF");
  CHECK(vague[1].value == "FUTURE_REF");
  auto sets = Run("The board meets every quarter and reports twice a year.", kThu);
  REQUIRE(sets.size() == 2);
  CHECK(sets[0].type == "SET");
  CHECK(sets[1].text == "a year");
  CHECK(sets[1].type == "SET");
  CHECK(Run("A 6-year-old boy and his father, 52 years old, were rescued.", kThu).empty());
  CHECK(Run("The plant runs 24 hours a day.", kThu).size() == 1);  // "24 hours" only
}

TEST_CASE("second days of a range and weekdays with an explicit date", "[timex]") {
  auto both = Run("The summit will be held on April 24 and 25 in Washington.", kThu);
  REQUIRE(both.size() == 2);
  CHECK(both[0].value == "2016-04-24");
  CHECK(both[1].text == "25");
  CHECK(both[1].value == "2016-04-25");
  // October 26 is a Monday in 2015, not in 2016: the weekday picks the year.
  auto wd = Run("In an editorial on Monday, Oct. 26, the paper agreed.", kThu);
  REQUIRE(wd.size() == 1);
  CHECK(wd[0].value == "2015-10-26");
}

TEST_CASE("arbitrary bytes never crash and spans stay in range", "[timex]") {
  std::mt19937 rng(12345);
  const std::vector<std::string> pieces = {
      "the",          "last",  "week",     "Monday",    "Jan.", "5",     ",",
      "1998",         "-",     "'",        "s",         "year", "ago",   "a",
      "quarter",      "third", "fiscal",   "that",      "day",  "10",    ":",
      "35",           "a.m.",  "p.m.",     "early",     "mid",  "1990s", "\xc3\xa9",
      "\xe2\x80\x99", "of",    "next",     "FA",        "each", "every", "nineteen",
      "ninety",       "two",   "thousand", "Christmas", "Day",  "."};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 30);
    for (int k = 0; k < n; ++k) {
      text += pieces[rng() % pieces.size()];
      if (rng() % 3 != 0) text += ' ';
    }
    for (auto ref : {std::optional<tkg::DayNumber>(kThu), std::optional<tkg::DayNumber>()}) {
      REQUIRE_NOTHROW(Run(text, ref));
    }
  }
  std::string bytes;
  for (int k = 0; k < 4000; ++k) bytes.push_back(static_cast<char>(rng() % 256));
  REQUIRE_NOTHROW(Run(bytes, kThu));
}

TEST_CASE("holidays named '<Name> Day', fixed and by weekday", "[timex]") {
  Expect1("The parade will be held on Independence Day.", kThu, "Independence Day", "DATE",
          "2016-07-04");
  Expect1("The pool will open on Memorial Day.", kThu, "Memorial Day", "DATE", "2016-05-30");
  Expect1("Schools will reopen after Labor Day.", kThu, "Labor Day", "DATE", "2016-09-05");
  Expect1("Polls will close at eight on Election Day.", kThu, "Election Day", "DATE", "2016-11-08");
}

TEST_CASE("part of a decade or century takes the whole one as its value", "[timex]") {
  Expect1("Growth slowed in the second half of the 1970s.", kThu, "the second half of the 1970s",
          "DATE", "197");
  Expect1("Cities grew fast in the first half of the 20th century.", kThu,
          "the first half of the 20th century", "DATE", "19");
  // A year keeps its half.
  Expect1("Sales rose in the last half of 2014.", kThu, "the last half of 2014", "DATE", "2014-H2");
}

TEST_CASE("a year-ago period compares with a reported quarter, not an outlook", "[timex]") {
  auto found =
      Run("Profit rose in the first quarter. The firm sees growth in the third quarter of 2017. In "
          "the year-ago period it lost money.",
          kThu);
  REQUIRE(found.size() == 3);
  CHECK(found[1].value == "2017-Q3");
  CHECK(found[2].text == "the year-ago period");
  CHECK(found[2].value == "2015-Q1");
}

TEST_CASE("the same period a year back is the reported quarter a year earlier", "[timex]") {
  auto found = Run(
      "Profit rose in the third quarter ended Sept. 30, from a loss in the same period last year.",
      kThu);
  REQUIRE(found.size() == 3);
  CHECK(found[0].value == "2015-Q3");
  CHECK(found[2].text == "the same period last year");
  CHECK(found[2].value == "2014-Q3");
  auto ago = Run("Sales fell in the first quarter. For the quarter a year ago, they rose.", kThu);
  REQUIRE(ago.size() == 2);
  CHECK(ago[1].text == "the quarter a year ago");
  CHECK(ago[1].value == "2015-Q1");
  // Without a quarter in view the period is last year.
  Expect1("Imports grew from the same period last year.", kThu, "the same period last year", "DATE",
          "2015");
}

TEST_CASE("one day after a modal is some day ahead, not a duration", "[timex]") {
  Expect1("The new line could one day carry freight to the coast.", kThu, "one day", "DATE",
          "FUTURE_REF");
  Expect1("She hopes to one day run the company.", kThu, "one day", "DATE", "FUTURE_REF");
  Expect1("The strike lasted one day.", kThu, "one day", "DURATION", "P1D");
}

TEST_CASE("a weekday with a plural part of the day recurs every week", "[timex]") {
  Expect1("The show airs on Saturday nights.", kThu, "Saturday nights", "SET", "XXXX-WXX-6TNI");
  auto two = Run("Ferries leave on Monday and Tuesday evenings.", kThu);
  REQUIRE(two.size() == 2);
  CHECK(two[0].text == "Monday");
  CHECK(two[0].type == "SET");
  CHECK(two[0].value == "XXXX-WXX-1TEV");
  CHECK(two[1].text == "Tuesday evenings");
  CHECK(two[1].value == "XXXX-WXX-2TEV");
}

TEST_CASE("a capitalised unit after a possessive or a quote names a show or a film", "[timex]") {
  CHECK(Run("The senator told NBC's This Week that he would run.", kThu).empty());
  CHECK(Run("She spoke to \"Ten Minutes\" about the vote.", kThu).empty());
  // A holiday keeps its capital Day, and an ordinary phrase is still found.
  Expect1("Crowds will mark the nation's Memorial Day.", kThu, "Memorial Day", "DATE",
          "2016-05-30");
  Expect1("The senator told reporters this week that he would run.", kThu, "this week", "DATE",
          "2016-W16");
}

TEST_CASE("the next day is the day after the one the text is about", "[timex]") {
  auto found = Run("The vote was held on April 5. The next day, the results came in.", kThu);
  REQUIRE(found.size() == 2);
  CHECK(found[1].text == "The next day");
  CHECK(found[1].type == "DATE");
  CHECK(found[1].value == "2016-04-06");
  // A stretch up to now stays a duration.
  Expect1("Prices rose over the past day.", kThu, "the past day", "DURATION", "P1D");
}

TEST_CASE("half a unit is half the duration", "[timex]") {
  Expect1("The dispute has dragged on for half a century.", kThu, "half a century", "DURATION",
          "P50Y");
  Expect1("The attack lasted half an hour.", kThu, "half an hour", "DURATION", "PT30M");
}
