// Shared by the time-expression tests: run the tagger on a sentence and look at what it found.
#pragma once

#include <date/date.h>

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tkg/importers/extract/timex.h"

namespace tkg::timextest {

inline DayNumber Day(int y, unsigned m, unsigned d) {
  return static_cast<DayNumber>(
      date::sys_days{date::year{y} / date::month{m} / date::day{d}}.time_since_epoch().count());
}

struct Found {
  std::string text;
  std::string type;
  std::string value;
};

// Every expression in `text` against the reference day `ref`, with its text, type and value.
inline std::vector<Found> Run(const std::string& text, std::optional<DayNumber> ref) {
  extract::TimexOptions opt;
  opt.reference_day = ref;
  std::vector<Found> out;
  for (const TimeExpression& t : extract::FindTimeExpressions(text, opt)) {
    REQUIRE(t.span.begin < t.span.end);
    REQUIRE(t.span.end <= text.size());
    out.push_back({text.substr(t.span.begin, t.span.end - t.span.begin), t.type, t.value});
  }
  return out;
}

// The one expression in `text`, checked for span text, type and value.
inline void Expect1(const std::string& text, DayNumber ref, const std::string& span,
                    const std::string& type, const std::string& value) {
  INFO(text);
  auto found = Run(text, ref);
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == span);
  CHECK(found[0].type == type);
  CHECK(found[0].value == value);
}

// Thursday 2016-04-21 (second quarter).
inline const DayNumber kThu = Day(2016, 4, 21);

}  // namespace tkg::timextest
