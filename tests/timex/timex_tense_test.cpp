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
  // A plan told in the past perfect is behind us.
  Expect1("They had planned a rally on Saturday.", kThu, "Saturday", "DATE", "2016-04-16");
}
