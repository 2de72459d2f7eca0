// Time expressions, private: calendar arithmetic on day numbers (days since 1970-01-01) and the
// TimeML spelling of dates, weeks, quarters and durations. Backed by Howard Hinnant's date
// library (civil calendar, ISO weeks).
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "timex_tokens.h"
#include "tkg/schema/time_value.h"

namespace tkg::extract::timex {

struct Ymd {
  int y = 0;
  int m = 0;  // 1..12
  int d = 0;  // 1..31
};

Ymd ToYmd(DayNumber day);
// The day number of y-m-d; the day is clamped to the month's last day ("Feb 30" -> Feb 28/29).
DayNumber FromYmd(int y, int m, int d);
bool ValidYmd(int y, int m, int d);
int IsoWeekday(DayNumber day);  // 1 = Monday .. 7 = Sunday
// The day `months` calendar months after `day`, clamped to the end of the target month.
DayNumber AddMonths(DayNumber day, int months);

// TimeML spellings.
std::string FmtYear(int y);             // "2016", "0850"
std::string FmtMonth(int y, int m);     // "2016-03"
std::string FmtDay(DayNumber day);      // "2016-04-18"
std::string FmtIsoWeek(DayNumber day);  // "2016-W15" (the ISO week holding `day`)
std::string FmtQuarter(int y, int q);   // "2016-Q1"
// A duration of n units ("P3D", "PT2H", "P10Y" for a decade); n < 0 means unspecified ("PXY").
std::string FmtDuration(double n, Unit u);

int QuarterOf(int month);  // 1..4

// Reads the calendar fields at the front of a TimeML value: "2016" -> 1 (year), "2016-04" -> 2
// (year, month), "2016-04-18", "2016-04-18TMO" -> 3 (year, month, day); 0 for anything else
// ("2016-W15" and "2016-Q1" give 1). Never throws.
int ParseCalendarPrefix(std::string_view v, int* y, int* m, int* d);

// "1989-Q3" -> year 1989, quarter 3; false for any other value.
bool ParseQuarterValue(std::string_view v, int* y, int* q);
// The quarter `delta` quarters after y-Qq: (1989, 4, 1) -> "1990-Q1".
std::string ShiftQuarter(int y, int q, int delta);

}  // namespace tkg::extract::timex
