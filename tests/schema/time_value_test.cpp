#include <catch2/catch.hpp>

#include "tkg/schema/time_value.h"

using tkg::DayToIso;
using tkg::ParseDateBound;
using tkg::ParseTimeValue;
using tkg::TimePrecision;

namespace {
std::string First(const char* v) { return DayToIso(ParseTimeValue(v)->first_day); }
std::string Last(const char* v) { return DayToIso(ParseTimeValue(v)->last_day); }
}  // namespace

TEST_CASE("a day covers itself") {
  auto t = ParseTimeValue("2016-04-18");
  REQUIRE(t);
  CHECK(t->precision == TimePrecision::kDay);
  CHECK(First("2016-04-18") == "2016-04-18");
  CHECK(Last("2016-04-18") == "2016-04-18");
}

TEST_CASE("coarse values cover their whole interval") {
  CHECK(ParseTimeValue("2016-03")->precision == TimePrecision::kMonth);
  CHECK(First("2016-02") == "2016-02-01");
  CHECK(Last("2016-02") == "2016-02-29");  // leap year
  CHECK(Last("2015-02") == "2015-02-28");
  CHECK(First("2016") == "2016-01-01");
  CHECK(Last("2016") == "2016-12-31");
  CHECK(First("199") == "1990-01-01");
  CHECK(Last("199") == "1999-12-31");
  CHECK(ParseTimeValue("199")->precision == TimePrecision::kDecade);
  CHECK(First("19") == "1900-01-01");
  CHECK(First("2016-Q2") == "2016-04-01");
  CHECK(Last("2016-Q2") == "2016-06-30");
  CHECK(Last("2016-H1") == "2016-06-30");
  CHECK(First("2016-WI") == "2016-12-01");
  CHECK(Last("2016-WI") == "2017-02-28");
}

TEST_CASE("ISO weeks start on Monday") {
  // 2016-W16 is Monday 2016-04-18 .. Sunday 2016-04-24.
  CHECK(First("2016-W16") == "2016-04-18");
  CHECK(Last("2016-W16") == "2016-04-24");
  CHECK(First("2016-W16-WE") == "2016-04-23");
  // ISO week 1 of 2016 starts in 2016-01-04; week 53 of 2015 holds 2016-01-01.
  CHECK(First("2016-W01") == "2016-01-04");
  CHECK(First("2015-W53") == "2015-12-28");
}

TEST_CASE("times keep their day and a finer precision") {
  CHECK(ParseTimeValue("2016-04-18T14:00")->precision == TimePrecision::kMinute);
  CHECK(ParseTimeValue("2016-04-18T14")->precision == TimePrecision::kHour);
  CHECK(ParseTimeValue("2016-04-18TMO")->precision == TimePrecision::kPartOfDay);
  CHECK(First("2016-04-18T23:59:59") == "2016-04-18");
}

TEST_CASE("durations, references and underspecified values have no interval") {
  for (const char* v : {"P3D", "PT2H", "P10Y", "PRESENT_REF", "PAST_REF", "XXXX-03", "PXY"}) {
    auto t = ParseTimeValue(v);
    REQUIRE(t);
    CHECK_FALSE(t->has_interval());
    CHECK(t->value == v);
  }
}

TEST_CASE("malformed values are refused") {
  for (const char* v : {"", "2016-13", "2016-02-30", "April", "2016-W54", "2016-Q5", "20160418",
                        "2016-04-18X", "12345"}) {
    CAPTURE(v);
    CHECK_FALSE(ParseTimeValue(v));
  }
}

TEST_CASE("a month overlaps a range that starts inside it") {
  auto march = *ParseTimeValue("2016-03");
  auto from = *ParseDateBound("2016-03-15", false);
  auto to = *ParseDateBound("2016-05", true);
  CHECK(march.Overlaps(from, to));
  CHECK_FALSE(march.Overlaps(*ParseDateBound("2016-04", false), to));
  CHECK(DayToIso(to) == "2016-05-31");
}
