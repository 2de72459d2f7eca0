// Time expressions: recognition spans and TimeML values against a reference day.
#include "tkg/importers/extract/timex.h"

#include <date/date.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "timex_helpers.h"

using namespace tkg::timextest;
using tkg::TimeExpression;
using tkg::extract::FindTimeExpressions;
using tkg::extract::TimexOptions;

TEST_CASE("weekdays resolve by tense against the reference day", "[timex]") {
  Expect1("The minister said on Monday that talks had stalled.", kThu, "Monday", "DATE",
          "2016-04-18");
  Expect1("The two leaders will meet on Monday in Geneva.", kThu, "Monday", "DATE", "2016-04-25");
  Expect1("Police arrested him on Thursday.", kThu, "Thursday", "DATE", "2016-04-21");
  Expect1("The committee met last Friday.", kThu, "last Friday", "DATE", "2016-04-15");
  Expect1("The board gathers again next Tuesday.", kThu, "next Tuesday", "DATE", "2016-04-26");
  Expect1("Fighting resumed Friday morning near the border.", kThu, "Friday morning", "DATE",
          "2016-04-15TMO");
  Expect1("Voters went to the polls on Sunday, April 17.", kThu, "Sunday, April 17", "DATE",
          "2016-04-17");
}

TEST_CASE("explicit calendar dates", "[timex]") {
  Expect1("The treaty was signed on January 5, 1998 in Paris.", kThu, "January 5, 1998", "DATE",
          "1998-01-05");
  Expect1("Shares fell sharply on Jan. 5.", kThu, "Jan. 5", "DATE", "2016-01-05");
  Expect1("She arrived on 5 January 2015.", kThu, "5 January 2015", "DATE", "2015-01-05");
  Expect1("The filing is dated 2016-04-18.", kThu, "2016-04-18", "DATE", "2016-04-18");
  Expect1("Production ended in March 2014.", kThu, "March 2014", "DATE", "2014-03");
  Expect1("The plant opened in 1987.", kThu, "1987", "DATE", "1987");
}

TEST_CASE("a month alone takes the nearest year the tense allows", "[timex]") {
  Expect1("In March, the council approved the budget.", kThu, "March", "DATE", "2016-03");
  Expect1("Inflation rose sharply in November.", kThu, "November", "DATE", "2015-11");
  Expect1("The new law will take effect in September.", kThu, "September", "DATE", "2016-09");
  Expect1("The vote is expected in May.", kThu, "May", "DATE", "2016-05");
  CHECK(Run("Prices may rise again.", kThu).empty());
}

TEST_CASE("deictic words and relative units", "[timex]") {
  Expect1("The mayor resigned yesterday.", kThu, "yesterday", "DATE", "2016-04-20");
  Expect1("The talks continue today.", kThu, "today", "DATE", "2016-04-21");
  Expect1("The result is due tomorrow.", kThu, "tomorrow", "DATE", "2016-04-22");
  Expect1("Sales dropped last week.", kThu, "last week", "DATE", "2016-W15");
  Expect1("Prices climbed this year.", kThu, "this year", "DATE", "2016");
  Expect1("Rates will rise next month.", kThu, "next month", "DATE", "2016-05");
  Expect1("Exports grew last year.", kThu, "last year", "DATE", "2015");
  Expect1("The rebels are now in control.", kThu, "now", "DATE", "PRESENT_REF");
  Expect1("Two bombs exploded last night.", kThu, "last night", "TIME", "2016-04-20TNI");
  Expect1("The company reported losses last fall.", kThu, "last fall", "DATE", "2015-FA");
  Expect1("Officials met early next year.", kThu, "early next year", "DATE", "2017");
}

TEST_CASE("durations and offsets", "[timex]") {
  Expect1("The siege lasted three days.", kThu, "three days", "DURATION", "P3D");
  Expect1("Output has doubled over the past two years.", kThu, "the past two years", "DURATION",
          "P2Y");
  Expect1("He worked a 16-hour shift.", kThu, "16-hour", "DURATION", "PT16H");
  Expect1("The building collapsed two days ago.", kThu, "two days ago", "DATE", "2016-04-19");
  Expect1("Growth slowed for nearly a decade.", kThu, "nearly a decade", "DURATION", "P10Y");
}

TEST_CASE("decades, quarters, seasons, times and sets", "[timex]") {
  Expect1("Crime fell in the 1990s.", kThu, "the 1990s", "DATE", "199");
  Expect1("Growth slowed in the mid-1990s.", kThu, "the mid-1990s", "DATE", "199");
  Expect1("Profit rose in the first quarter.", kThu, "the first quarter", "DATE", "2016-Q1");
  Expect1("Third-quarter profit fell.", kThu, "Third-quarter", "DATE", "2015-Q3");
  Expect1("The blast occurred at 10:35 a.m. on the east side.", kThu, "10:35 a.m.", "TIME",
          "2016-04-21T10:35");
  Expect1("The paper is published weekly.", kThu, "weekly", "SET", "P1W");
  Expect1("The council meets every month.", kThu, "every month", "SET", "P1M");
}

TEST_CASE("ranges give two dates and prepositions stay outside", "[timex]") {
  auto found = Run("He ruled the province from 1990 to 1995.", kThu);
  REQUIRE(found.size() == 2);
  CHECK(found[0].value == "1990");
  CHECK(found[1].value == "1995");
  auto on = Run("It happened on Monday.", kThu);
  REQUIRE(on.size() == 1);
  CHECK(on[0].text == "Monday");
}

TEST_CASE("without a reference day relative expressions stay underspecified", "[timex]") {
  auto found = Run("In March the board said on Monday it would act.", std::nullopt);
  REQUIRE(found.size() == 2);
  CHECK(found[0].value == "XXXX-03");
  CHECK(found[1].value == "XXXX-WXX-1");
  auto abs = Run("The treaty was signed on January 5, 1998.", std::nullopt);
  REQUIRE(abs.size() == 1);
  CHECK(abs[0].value == "1998-01-05");
}

TEST_CASE("spans are byte offsets into UTF-8 text and numbers are not years", "[timex]") {
  std::string text = "Caf\xc3\xa9 owners said on Monday that 2000 people came.";
  auto found = Run(text, kThu);
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "Monday");
  CHECK(Run("The price was $1998 and 45% of 1,500 voters agreed.", kThu).empty());
  CHECK(Run("", kThu).empty());
}
