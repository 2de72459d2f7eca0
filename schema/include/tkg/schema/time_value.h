// TimeML values ("2016-04-18", "2016-03", "2016-W15", "2016-Q1", "1990s"->"199", "PRESENT_REF",
// "2016-04-18T14:00", "P1M") and the calendar interval each one covers, so that date ranges can
// be matched by overlap: a statement dated "2016-03" lies inside from=2016-03-15.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tkg {

// How fine a date is. Ordered from coarse to fine.
enum class TimePrecision : uint8_t {
  kNone = 0,  // no calendar interval (durations, sets, PRESENT_REF, unknown)
  kMillennium,
  kCentury,
  kDecade,
  kYear,
  kHalf,     // 2016-H1
  kQuarter,  // 2016-Q2
  kSeason,   // 2016-SU
  kMonth,
  kWeek,     // 2016-W15
  kDay,
  kPartOfDay,  // 2016-04-18TMO
  kHour,
  kMinute,
  kSecond,
};

std::string_view PrecisionName(TimePrecision p);  // "day", "month", ...

// Days since 1970-01-01 (may be negative).
using DayNumber = int32_t;

// A TimeML value with the interval of days it covers (both ends inclusive).
struct TimeValue {
  std::string value;  // the TimeML value as written; empty means "unknown"
  TimePrecision precision = TimePrecision::kNone;
  DayNumber first_day = 0;  // valid only when has_interval()
  DayNumber last_day = 0;

  bool empty() const { return value.empty(); }
  bool has_interval() const { return precision != TimePrecision::kNone; }
  // True when the intervals share at least one day.
  bool Overlaps(DayNumber from, DayNumber to) const {
    return has_interval() && first_day <= to && last_day >= from;
  }
  bool operator==(const TimeValue& o) const { return value == o.value; }
};

// Parses a TimeML value. Values that name no calendar interval (durations "P3D", sets, "PAST_REF",
// "PRESENT_REF", "FUTURE_REF") are kept with precision kNone. Returns nullopt for a string that
// is not a TimeML value at all.
std::optional<TimeValue> ParseTimeValue(std::string_view timeml);

// Parses a user's date bound: "2016", "2016-03", "2016-03-15" (also TimeML forms). For `from`
// the first day of the interval is used, for `to` the last day. nullopt if malformed.
std::optional<DayNumber> ParseDateBound(std::string_view text, bool upper);

// Calendar helpers.
DayNumber DaysFromCivil(int year, unsigned month, unsigned day);
void CivilFromDays(DayNumber days, int* year, unsigned* month, unsigned* day);
std::string DayToIso(DayNumber days);  // "2016-04-18"

}  // namespace tkg
