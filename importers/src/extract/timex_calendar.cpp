// Time expressions: calendar arithmetic and TimeML formatting.
#include "timex_calendar.h"

#include <date/date.h>
#include <date/iso_week.h>

#include <cmath>
#include <cstdio>

namespace tkg::extract::timex {
namespace {

date::sys_days ToSys(DayNumber d) { return date::sys_days{date::days{d}}; }
DayNumber FromSys(date::sys_days s) { return static_cast<DayNumber>(s.time_since_epoch().count()); }

std::string Pad(long v, int width) {
  char buf[32];
  if (v < 0) {
    std::snprintf(buf, sizeof buf, "-%0*ld", width, -v);
  } else {
    std::snprintf(buf, sizeof buf, "%0*ld", width, v);
  }
  return buf;
}

// "1.5" -> "1.5", "2" -> "2".
std::string Num(double n) {
  if (std::fabs(n - std::round(n)) < 1e-9)
    return std::to_string(static_cast<long long>(std::llround(n)));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", n);
  return buf;
}

}  // namespace

Ymd ToYmd(DayNumber day) {
  date::year_month_day ymd{ToSys(day)};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

bool ValidYmd(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  return date::year_month_day{date::year{y}, date::month{static_cast<unsigned>(m)},
                              date::day{static_cast<unsigned>(d)}}
      .ok();
}

DayNumber FromYmd(int y, int m, int d) {
  if (m < 1) m = 1;
  if (m > 12) m = 12;
  if (d < 1) d = 1;
  date::year_month_day_last last{date::year{y},
                                 date::month_day_last{date::month{static_cast<unsigned>(m)}}};
  unsigned maxd = static_cast<unsigned>(last.day());
  unsigned dd = static_cast<unsigned>(d) > maxd ? maxd : static_cast<unsigned>(d);
  return FromSys(
      date::sys_days{date::year{y} / date::month{static_cast<unsigned>(m)} / date::day{dd}});
}

int IsoWeekday(DayNumber day) { return static_cast<int>(date::weekday{ToSys(day)}.iso_encoding()); }

DayNumber AddMonths(DayNumber day, int months) {
  Ymd t = ToYmd(day);
  int total = t.y * 12 + (t.m - 1) + months;
  int y = total >= 0 ? total / 12 : (total - 11) / 12;
  int m = total - y * 12 + 1;
  return FromYmd(y, m, t.d);
}

std::string FmtYear(int y) { return Pad(y, 4); }

std::string FmtMonth(int y, int m) { return Pad(y, 4) + "-" + Pad(m, 2); }

std::string FmtDay(DayNumber day) {
  Ymd t = ToYmd(day);
  return Pad(t.y, 4) + "-" + Pad(t.m, 2) + "-" + Pad(t.d, 2);
}

std::string FmtIsoWeek(DayNumber day) {
  iso_week::year_weeknum_weekday w{ToSys(day)};
  return Pad(static_cast<int>(w.year()), 4) + "-W" + Pad(static_cast<unsigned>(w.weeknum()), 2);
}

std::string FmtQuarter(int y, int q) { return Pad(y, 4) + "-Q" + std::to_string(q); }

int QuarterOf(int month) { return (month - 1) / 3 + 1; }

namespace {
int DigitsAt(std::string_view v, size_t pos, size_t len) {
  if (pos + len > v.size()) return -1;
  int out = 0;
  for (size_t k = pos; k < pos + len; ++k) {
    if (v[k] < '0' || v[k] > '9') return -1;
    out = out * 10 + (v[k] - '0');
  }
  return out;
}
}  // namespace

bool ParseQuarterValue(std::string_view v, int* y, int* q) {
  if (v.size() != 7 || v[4] != '-' || v[5] != 'Q' || v[6] < '1' || v[6] > '4') return false;
  int yy = DigitsAt(v, 0, 4);
  if (yy < 0) return false;
  *y = yy;
  *q = v[6] - '0';
  return true;
}

std::string ShiftQuarter(int y, int q, int delta) {
  int total = y * 4 + (q - 1) + delta;
  int ny = total >= 0 ? total / 4 : (total - 3) / 4;
  return FmtQuarter(ny, total - ny * 4 + 1);
}

int ParseCalendarPrefix(std::string_view v, int* y, int* m, int* d) {
  int yy = DigitsAt(v, 0, 4);
  if (yy < 0 || (v.size() > 4 && v[4] != '-')) return 0;
  *y = yy;
  int mm = v.size() >= 7 ? DigitsAt(v, 5, 2) : -1;
  if (mm < 1 || mm > 12 || (v.size() > 7 && v[7] != '-')) return 1;
  *m = mm;
  int dd = v.size() >= 10 ? DigitsAt(v, 8, 2) : -1;
  if (dd < 1 || dd > 31 || (v.size() > 10 && v[10] != 'T')) return 2;
  *d = dd;
  return 3;
}

std::string FmtDuration(double n, Unit u) {
  if (u == Unit::kDecade) {
    u = Unit::kYear;
    if (n >= 0) n *= 10;
  } else if (u == Unit::kCentury) {
    u = Unit::kYear;
    if (n >= 0) n *= 100;
  } else if (u == Unit::kWeekend) {
    u = Unit::kDay;
    if (n >= 0) n *= 2;
  }
  std::string out = IsClockUnit(u) ? "PT" : "P";
  if (n < 0) return out + "X" + UnitCode(u);
  double whole = std::floor(n + 1e-9);
  double frac = n - whole;
  if (frac > 1e-6) {
    // Spell halves of clock units as the next smaller unit: 5 1/2 hours -> PT5H30M.
    if (u == Unit::kHour) {
      std::string s = out;
      if (whole > 0) s += Num(whole) + "H";
      return s + Num(std::round(frac * 60)) + "M";
    }
    if (u == Unit::kMinute) {
      std::string s = out;
      if (whole > 0) s += Num(whole) + "M";
      return s + Num(std::round(frac * 60)) + "S";
    }
    if (u == Unit::kYear && std::fabs(frac * 12 - std::round(frac * 12)) < 1e-6) {
      std::string s = out;
      if (whole > 0) s += Num(whole) + "Y";
      return s + Num(std::round(frac * 12)) + "M";
    }
  }
  return out + Num(n) + UnitCode(u);
}

}  // namespace tkg::extract::timex
