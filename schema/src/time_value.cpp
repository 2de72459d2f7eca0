#include "tkg/schema/time_value.h"

#include <date/date.h>
#include <date/iso_week.h>

#include <cctype>

namespace tkg {

std::string_view PrecisionName(TimePrecision p) {
  switch (p) {
    case TimePrecision::kNone:
      return "none";
    case TimePrecision::kMillennium:
      return "millennium";
    case TimePrecision::kCentury:
      return "century";
    case TimePrecision::kDecade:
      return "decade";
    case TimePrecision::kYear:
      return "year";
    case TimePrecision::kHalf:
      return "half";
    case TimePrecision::kQuarter:
      return "quarter";
    case TimePrecision::kSeason:
      return "season";
    case TimePrecision::kMonth:
      return "month";
    case TimePrecision::kWeek:
      return "week";
    case TimePrecision::kDay:
      return "day";
    case TimePrecision::kPartOfDay:
      return "part of day";
    case TimePrecision::kHour:
      return "hour";
    case TimePrecision::kMinute:
      return "minute";
    case TimePrecision::kSecond:
      return "second";
  }
  return "none";
}

DayNumber DaysFromCivil(int year, unsigned month, unsigned day) {
  auto d = date::sys_days(date::year{year} / date::month{month} / date::day{day});
  return static_cast<DayNumber>(d.time_since_epoch().count());
}

void CivilFromDays(DayNumber days, int* year, unsigned* month, unsigned* day) {
  date::year_month_day ymd{date::sys_days{date::days{days}}};
  *year = static_cast<int>(ymd.year());
  *month = static_cast<unsigned>(ymd.month());
  *day = static_cast<unsigned>(ymd.day());
}

std::string DayToIso(DayNumber days) {
  int y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

namespace {

// Reads exactly `n` digits at s[*pos]; advances on success.
bool Digits(std::string_view s, size_t* pos, size_t n, int* out) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

DayNumber LastDayOfMonth(int year, unsigned month) {
  auto last = date::year_month_day_last(date::year{year}, date::month_day_last{date::month{month}});
  return static_cast<DayNumber>(date::sys_days(last).time_since_epoch().count());
}

TimeValue Interval(std::string_view value, TimePrecision p, DayNumber first, DayNumber last) {
  TimeValue t;
  t.value = std::string(value);
  t.precision = p;
  t.first_day = first;
  t.last_day = last;
  return t;
}

TimeValue NoInterval(std::string_view value) {
  TimeValue t;
  t.value = std::string(value);
  return t;
}

bool IsDurationOrSetLike(std::string_view v) {
  if (v == "PRESENT_REF" || v == "PAST_REF" || v == "FUTURE_REF") return true;
  if (v.size() >= 2 && v[0] == 'P' && (std::isdigit(static_cast<unsigned char>(v[1])) ||
                                        v[1] == 'T' || v[1] == 'X')) {
    return true;
  }
  return false;
}

// The part after "YYYY-MM-DD": "", "TMO", "T14", "T14:30", "T14:30:05".
std::optional<TimeValue> DayAndTime(std::string_view value, int y, int m, int d, size_t pos) {
  std::string_view s = value;
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  DayNumber last_of_month = LastDayOfMonth(y, m);
  DayNumber day = DaysFromCivil(y, m, d);
  if (day > last_of_month) return std::nullopt;
  if (pos == s.size()) return Interval(value, TimePrecision::kDay, day, day);
  if (s[pos] != 'T') return std::nullopt;
  ++pos;
  std::string_view rest = s.substr(pos);
  if (rest == "MO" || rest == "AF" || rest == "EV" || rest == "NI" || rest == "DT" ||
      rest == "MI") {
    return Interval(value, TimePrecision::kPartOfDay, day, day);
  }
  int hh = 0, mm = 0, ss = 0;
  if (!Digits(s, &pos, 2, &hh) || hh > 24) return std::nullopt;
  TimePrecision p = TimePrecision::kHour;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!Digits(s, &pos, 2, &mm) || mm > 59) return std::nullopt;
    p = TimePrecision::kMinute;
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      if (!Digits(s, &pos, 2, &ss) || ss > 60) return std::nullopt;
      p = TimePrecision::kSecond;
    }
  }
  // A time zone suffix is tolerated but does not move the day.
  if (pos != s.size() && s[pos] != 'Z' && s[pos] != '+' && s[pos] != '-') return std::nullopt;
  return Interval(value, p, day, day);
}

}  // namespace

std::optional<TimeValue> ParseTimeValue(std::string_view value) {
  if (value.empty()) return std::nullopt;
  if (IsDurationOrSetLike(value)) return NoInterval(value);
  // Underspecified values ("XXXX-03", "XXXX-WXX-1") name no interval.
  if (value.rfind("XX", 0) == 0) return NoInterval(value);

  size_t pos = 0;
  int digits = 0;
  while (pos < value.size() && std::isdigit(static_cast<unsigned char>(value[pos]))) ++pos;
  digits = static_cast<int>(pos);
  if (digits == 0) return std::nullopt;
  int lead = 0;
  size_t p0 = 0;
  if (!Digits(value, &p0, digits, &lead)) return std::nullopt;
  if (digits < 4) {
    if (pos != value.size()) return std::nullopt;
    int span = digits == 3 ? 10 : digits == 2 ? 100 : 1000;
    TimePrecision p = digits == 3   ? TimePrecision::kDecade
                      : digits == 2 ? TimePrecision::kCentury
                                    : TimePrecision::kMillennium;
    int first_year = lead * span;
    return Interval(value, p, DaysFromCivil(first_year, 1, 1),
                    DaysFromCivil(first_year + span, 1, 1) - 1);
  }
  if (digits != 4) return std::nullopt;
  int y = lead;
  if (pos == value.size()) {
    return Interval(value, TimePrecision::kYear, DaysFromCivil(y, 1, 1),
                    DaysFromCivil(y + 1, 1, 1) - 1);
  }
  if (value[pos] != '-') return std::nullopt;
  ++pos;
  std::string_view rest = value.substr(pos);
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H') &&
      std::isdigit(static_cast<unsigned char>(rest[1]))) {
    int n = rest[1] - '0';
    int months = rest[0] == 'Q' ? 3 : 6;
    if (n < 1 || n > 12 / months) return std::nullopt;
    unsigned first_month = static_cast<unsigned>((n - 1) * months + 1);
    unsigned last_month = first_month + months - 1;
    return Interval(value, rest[0] == 'Q' ? TimePrecision::kQuarter : TimePrecision::kHalf,
                    DaysFromCivil(y, first_month, 1), LastDayOfMonth(y, last_month));
  }
  if (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI") {
    unsigned first_month = rest == "SP" ? 3 : rest == "SU" ? 6 : rest == "FA" ? 9 : 12;
    DayNumber first = DaysFromCivil(y, first_month, 1);
    DayNumber last = rest == "WI" ? LastDayOfMonth(y + 1, 2) : LastDayOfMonth(y, first_month + 2);
    return Interval(value, TimePrecision::kSeason, first, last);
  }
  if (!rest.empty() && rest[0] == 'W') {
    size_t wp = pos + 1;
    int week = 0;
    if (!Digits(value, &wp, 2, &week) || week < 1 || week > 53) return std::nullopt;
    auto monday = date::sys_days(iso_week::year_weeknum_weekday(
        iso_week::year{y}, iso_week::weeknum{static_cast<unsigned>(week)}, iso_week::mon));
    DayNumber first = static_cast<DayNumber>(monday.time_since_epoch().count());
    std::string_view tail = value.substr(wp);
    if (tail.empty()) return Interval(value, TimePrecision::kWeek, first, first + 6);
    if (tail == "-WE") return Interval(value, TimePrecision::kWeek, first + 5, first + 6);
    return std::nullopt;
  }
  int m = 0;
  if (!Digits(value, &pos, 2, &m) || m < 1 || m > 12) return std::nullopt;
  if (pos == value.size()) {
    return Interval(value, TimePrecision::kMonth, DaysFromCivil(y, m, 1), LastDayOfMonth(y, m));
  }
  if (value[pos] != '-') return std::nullopt;
  ++pos;
  int d = 0;
  if (!Digits(value, &pos, 2, &d)) return std::nullopt;
  return DayAndTime(value, y, m, d, pos);
}

std::optional<DayNumber> ParseDateBound(std::string_view text, bool upper) {
  auto t = ParseTimeValue(text);
  if (!t || !t->has_interval()) return std::nullopt;
  return upper ? t->last_day : t->first_day;
}

}  // namespace tkg
