// Time expressions: anaphora to the last date the text mentioned ("that day", "the following
// year", "the year-ago period") and holidays ("Christmas", "Thanksgiving", "Election Day").
#include <cstdio>
#include <string>

#include "timex_rules.h"

namespace tkg::extract::timex {

using std::string_view_literals::operator""sv;

namespace {

// The words after "the same period" that put it a year back: "a year ago", "last year", "of last
// year", "the year before", "the previous year". Returns the token after them, or 0.
size_t YearBackTail(const Scanner& s, size_t j) {
  if (s.Word(j, "a"sv) && s.Word(j + 1, "year"sv) &&
      (s.Word(j + 2, "ago"sv) || s.Word(j + 2, "earlier"sv) || s.Word(j + 2, "before"sv)))
    return j + 3;
  if (s.Word(j, "of"sv)) ++j;
  if (s.Word(j, "last"sv) && s.Word(j + 1, "year"sv)) return j + 2;
  if (s.Word(j, "the"sv) && s.Word(j + 1, "year"sv) && s.Word(j + 2, "before"sv)) return j + 3;
  if (s.Word(j, "the"sv) && (s.Word(j + 1, "previous"sv) || s.Word(j + 1, "prior"sv)) &&
      s.Word(j + 2, "year"sv))
    return j + 3;
  return 0;
}

}  // namespace

// Heads of ComparisonRule and AnaphoraRule: "the same/comparable/corresponding quarter or
// period", "the quarter a year ago"; "that (same) day", "the same/next/following/previous day",
// "the day before", "the year-ago period" (a temporal word after "that" or "the"); "year-ago".
const LeadHeads kAnaphoraHeads[] = {
    {"the", kFollowLex, "same comparable corresponding period next following previous"},
    {"that", kFollowLex, "same"},
    {}};

bool Scanner::ComparisonRule(size_t i, Match* m) {
  // "the same period last year", "the quarter a year ago", "the comparable quarter of last
  // year": earnings reports compare the period they report with the one a year before it.
  if (!Word(i, "the"sv)) return false;
  size_t j = i + 1;
  if (Word(j, "same"sv) || Word(j, "comparable"sv) || Word(j, "corresponding"sv)) ++j;
  bool quarter = Word(j, "quarter"sv);
  if (!quarter && !Word(j, "period"sv)) return false;
  size_t e = YearBackTail(*this, j + 1);
  if (e == 0) return false;
  int y = 0, q = 0;
  if (ReportedQuarter(&y, &q)) {
    m->value = FmtQuarter(y - 1, q);
  } else if (!has_ref()) {
    return false;
  } else if (quarter) {
    // No quarter named yet: the last one reported before the reference day.
    int rq = QuarterOf(r_.m);
    m->value = ShiftQuarter(r_.y - 1, rq, -1);
  } else {
    m->value = FmtYear(r_.y - 1);
  }
  m->end = e;
  m->anaphoric = true;
  return true;
}

bool Scanner::AnaphoraRule(size_t i, Match* m) {
  if (ComparisonRule(i, m)) return true;
  // "that day", "the same day", "the next day", "the following day", "the previous day",
  // "the day before", "that year", "the same month", "year-earlier", "the year-ago period".
  size_t j = i;
  int shift = 0;
  bool ok = false;
  if (Word(j, "that"sv) && Word(j + 1, "same"sv)) {
    j += 2;
    ok = true;
  } else if (Word(j, "that"sv)) {
    j += 1;
    ok = true;
  } else if (Word(j, "the"sv) && Word(j + 1, "same"sv)) {
    j += 2;
    ok = true;
  } else if (Word(j, "the"sv) && (Word(j + 1, "next"sv) || Word(j + 1, "following"sv))) {
    j += 2;
    ok = true;
    shift = 1;
  } else if (Word(j, "the"sv) && Word(j + 1, "previous"sv)) {
    j += 2;
    ok = true;
    shift = -1;
  } else if (Word(j, "the"sv) && L(j + 1) &&
             (L(j + 1)->unit == Unit::kDay || L(j + 1)->unit == Unit::kYear) && !L(j + 1)->plural &&
             (Word(j + 2, "before"sv) || Word(j + 2, "after"sv)) &&
             !(Word(j + 3, "yesterday"sv) || Word(j + 3, "tomorrow"sv))) {
    shift = Word(j + 2, "before"sv) ? -1 : 1;
    const Lex* l = L(j + 1);
    // Only when the clause ends there: "the day before the vote" is a duration's anchor.
    if (j + 3 < size() && tok(j + 3).kind == TokKind::kWord && !Word(j + 3, "and"sv)) return false;
    m->end = j + 3;
    std::string base = last_date();
    int by = 0, bm = 0, bd = 0;
    int parts = ParseCalendarPrefix(base, &by, &bm, &bd);
    if (l->unit == Unit::kDay) {
      if (parts == 3) {
        m->value = FmtDay(FromYmd(by, bm, bd) + shift);
      } else if (has_ref()) {
        m->value = FmtDay(ref() + shift);
      } else {
        return false;
      }
    } else {
      int y = parts >= 1 ? by : has_ref() ? r_.y : -1;
      if (y < 0) return false;
      m->value = FmtYear(y + shift);
    }
    return true;
  }
  if (ok) {
    const Lex* l = L(j);
    if (l == nullptr || l->plural) return false;
    const std::string& base = last_date();
    int by = 0, bm = 0, bd = 0;
    int parts = ParseCalendarPrefix(base, &by, &bm, &bd);
    bool base_day = parts == 3;
    bool base_year = parts >= 1;
    if (!base_year) by = has_ref() ? r_.y : -1;
    if (l->unit == Unit::kDay || (l->part_of_day && tok(j).low != "noon"sv)) {
      DayNumber d;
      if (base_day) {
        d = FromYmd(by, bm, bd);
      } else if (has_ref()) {
        d = ref();
      } else {
        return false;
      }
      d += shift;
      m->end = j + 1;
      if (l->part_of_day) {
        m->type = "TIME";
        m->value = FmtDay(d) + "T" + l->part_of_day;
      } else {
        m->value = FmtDay(d);
      }
      return true;
    }
    int y0 = 0, q0 = 0;
    if (l->unit == Unit::kQuarter && ParseQuarterValue(base, &y0, &q0)) {
      m->end = j + 1;
      m->value = shift == 0 ? base : ShiftQuarter(y0, q0, shift);
      return true;
    }
    if (l->unit == Unit::kYear && by > 0) {
      m->end = j + 1;
      m->value = FmtYear(by + shift);
      return true;
    }
    if (l->unit == Unit::kMonth && parts >= 2) {
      Ymd t = ToYmd(AddMonths(FromYmd(by, bm, 1), shift));
      m->end = j + 1;
      m->value = FmtMonth(t.y, t.m);
      return true;
    }
    return false;
  }
  // "year-earlier", "year-ago", "the year-earlier period"
  j = i;
  bool the = Word(j, "the"sv);
  if (the) ++j;
  if (Word(j, "year"sv) && Punct(j + 1, '-') && Glued(j + 1) &&
      (Word(j + 2, "earlier"sv) || Word(j + 2, "ago"sv))) {
    size_t e = j + 3;
    if (Word(e, "period"sv) || Word(e, "level"sv) || Word(e, "levels"sv)) {
      ++e;
    } else if (the) {
      return false;
    }
    int y0 = 0, q0 = 0;
    m->anaphoric = true;
    if (ReportedQuarter(&y0, &q0)) {
      m->value = FmtQuarter(y0 - 1, q0);
    } else if (has_ref()) {
      m->value = FmtYear(r_.y - 1);
    } else {
      return false;
    }
    m->end = e;
    return true;
  }
  return false;
}

namespace {

// Holidays written "<Name> Day" (US): a fixed date, or the nth weekday of a month (nth -1: the
// last), plus some days.
struct DayHoliday {
  std::string_view name;
  int month, day, nth, weekday, plus_days;
};

const DayHoliday* FindDayHoliday(std::string_view first_word) {
  static constexpr DayHoliday kHolidays[] = {
      {"independence", 7, 4, 0, 0, 0},
      {"labor", 9, 0, 1, 1, 0},
      {"memorial", 5, 0, -1, 1, 0},
      {"election", 11, 0, 1, 1, 1},  // the Tuesday after the first Monday of November
  };
  for (const DayHoliday& h : kHolidays)
    if (h.name == first_word) return &h;
  return nullptr;
}

}  // namespace

// Heads: "last"/"next"/"this" (not gated) or the holiday's capitalised first word: "Election
// Day", "New Year's Day".
const LeadHeads kHolidayHeads[] = {{"election", 0, "day"}, {"new", 0, "year"}, {}};

bool Scanner::HolidayRule(size_t i, Match* m) {
  size_t j = i;
  int dir = 0;
  if (Word(j, "last"sv)) {
    dir = -1;
    ++j;
  } else if (Word(j, "next"sv)) {
    dir = 1;
    ++j;
  } else if (Word(j, "this"sv)) {
    ++j;
  }
  if (j >= size() || !tok(j).cap) return false;
  int mo = 0, d = 0, nth = 0, wd = 0;  // nth weekday of a month: nth > 0 (or -1: the last)
  int plus_days = 0;
  size_t e = j + 1;
  if (Word(j, "christmas"sv)) {
    mo = 12;
    d = 25;
    if (Word(e, "eve"sv)) {
      d = 24;
      ++e;
    } else if (Word(e, "day"sv)) {
      ++e;
    }
  } else if (Word(j, "thanksgiving"sv)) {
    mo = 11;
    nth = 4;
    wd = 4;
    if (Word(e, "day"sv)) ++e;
  } else if (Word(j, "new"sv) && Word(j + 1, "year"sv) && j + 3 < size() &&
             (tok(j + 2).low == "'"sv || tok(j + 2).low == "\xe2\x80\x99"sv) &&
             Word(j + 3, "s"sv) && (Word(j + 4, "day"sv) || Word(j + 4, "eve"sv))) {
    if (Word(j + 4, "eve"sv)) {
      mo = 12;
      d = 31;
    } else {
      mo = 1;
      d = 1;
    }
    e = j + 5;
  } else if (const DayHoliday* h = FindDayHoliday(tok(j).low);
             h != nullptr && Word(j + 1, "day"sv) && tok(j + 1).cap) {
    mo = h->month;
    d = h->day;
    nth = h->nth;
    wd = h->weekday;
    plus_days = h->plus_days;
    e = j + 2;
  } else {
    return false;
  }
  auto date_in = [&](int y) -> DayNumber {
    if (nth == 0) return FromYmd(y, mo, d);
    if (nth > 0) {
      DayNumber first = FromYmd(y, mo, 1);
      int off = (wd - IsoWeekday(first) + 7) % 7;
      return first + off + 7 * (nth - 1) + plus_days;
    }
    DayNumber last = FromYmd(y, mo, 31);
    int back = (IsoWeekday(last) - wd + 7) % 7;
    return last - back;
  };
  int y = 0;
  size_t e2 = 0;
  size_t k = Punct(e, ',') ? e + 1 : e;
  if (YearNumber(k, &y, &e2)) {
    m->end = e2;
    m->value = FmtDay(date_in(y));
    return true;
  }
  m->end = e;
  if (!has_ref()) {
    if (nth != 0) return false;
    char buf[16];
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", mo, d);
    m->value = buf;
    return true;
  }
  DayNumber cur = date_in(r_.y);
  if (dir < 0) {
    if (cur >= ref()) cur = date_in(r_.y - 1);
  } else if (dir > 0) {
    if (cur <= ref()) cur = date_in(r_.y + 1);
  } else {
    Tense t = TenseOf(i, e);
    if (t == Tense::kPast && cur > ref()) cur = date_in(r_.y - 1);
    if (t == Tense::kFuture && cur < ref()) cur = date_in(r_.y + 1);
    if (t == Tense::kUnknown && cur < ref() - 183) cur = date_in(r_.y + 1);
    if (t == Tense::kUnknown && cur > ref() + 183) cur = date_in(r_.y - 1);
  }
  m->value = FmtDay(cur);
  return true;
}

}  // namespace tkg::extract::timex
