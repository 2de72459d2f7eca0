// Time expressions: words that point at the reference day ("today", "yesterday", "tonight",
// "this morning", "now"), units shifted from it ("last week" -> the ISO week before, "next
// month", "this year", "last fall", "last November"), and fiscal quarters and halves.
#include <cstdio>
#include <string>

#include "timex_rules.h"

namespace tkg::extract::timex {
namespace {

using std::string_view_literals::operator""sv;

int SeasonIndex(std::string_view code) {  // spring 0 .. winter 3
  if (code == "SP"sv) return 0;
  if (code == "SU"sv) return 1;
  if (code == "FA"sv) return 2;
  return 3;
}

// The season holding a month, and the year it is labelled with (winter belongs to the year in
// which it starts: January 1999 lies in 1998-WI).
void SeasonOf(int month, int year, int* idx, int* label_year) {
  if (month >= 3 && month <= 5)
    *idx = 0;
  else if (month >= 6 && month <= 8)
    *idx = 1;
  else if (month >= 9 && month <= 11)
    *idx = 2;
  else
    *idx = 3;
  *label_year = (month <= 2) ? year - 1 : year;
}

}  // namespace

// Heads: the deictic words themselves; "the" only in "the day before yesterday".
const LeadHeads kDeicticHeads[] = {{"the", 0, "day"}, {}};

bool Scanner::DeicticRule(size_t i, Match* m) {
  if (i >= size() || tok(i).kind != TokKind::kWord) return false;
  std::string_view w = tok(i).low;
  auto day_value = [&](int off) {
    return has_ref() ? FmtDay(ref() + off) : std::string("XXXX-XX-XX");
  };
  int off = 0;
  bool dayword = false;
  size_t j = i + 1;
  if (w == "today"sv) {
    // "today's youth", "the world of today": the present age, not the reference day.
    if (GenericToday(i)) return false;
    dayword = true;
  } else if (w == "yesterday"sv) {
    off = -1;
    dayword = true;
  } else if (w == "tomorrow"sv) {
    off = 1;
    dayword = true;
  } else if (w == "the"sv && Word(i + 1, "day"sv) &&
             (Word(i + 2, "before"sv) || Word(i + 2, "after"sv)) &&
             (Word(i + 3, "yesterday"sv) || Word(i + 3, "tomorrow"sv))) {
    off = Word(i + 3, "yesterday"sv) ? -2 : 2;
    dayword = true;
    j = i + 4;
  }
  if (dayword) {
    // "yesterday morning", "tomorrow night"
    if (L(j) && L(j)->part_of_day && !tok(j).low.ends_with("s") && tok(j).low != "noon"sv) {
      m->end = j + 1;
      m->type = "TIME";
      m->value = day_value(off) + "T" + L(j)->part_of_day;
      return true;
    }
    m->end = j;
    m->value = day_value(off);
    return true;
  }
  // "mid-afternoon", "mid afternoon yesterday"
  if ((w == "mid"sv || w == "midafternoon"sv || w == "midmorning"sv) &&
      (w != "mid"sv || ((Punct(i + 1, '-') && Glued(i + 1) &&
                         (Word(i + 2, "afternoon"sv) || Word(i + 2, "morning"sv))) ||
                        Word(i + 1, "afternoon"sv) || Word(i + 1, "morning"sv)))) {
    size_t e = i + 1;
    if (w == "mid"sv) e = Punct(i + 1, '-') ? i + 3 : i + 2;
    bool morning = tok(e - 1).low.ends_with("morning");
    int off = 0;
    if (Word(e, "yesterday"sv)) {
      off = -1;
      ++e;
    } else if (Word(e, "today"sv)) {
      ++e;
    } else if (Word(e, "tomorrow"sv)) {
      off = 1;
      ++e;
    }
    m->end = e;
    m->type = "TIME";
    m->value = day_value(off) + (morning ? "TMO" : "TAF");
    return true;
  }
  // "overnight losses in New York": the night before the day the text is talking about ("Shares
  // fell Friday, hit by overnight losses": Thursday night), if that is a day of the last week
  // (an older date is background), else the night before the reference day; "overnight" in a
  // clause that looks ahead is the coming night.
  if (w == "overnight"sv && !(i > 0 && (Word(i - 1, "an"sv) || Word(i - 1, "the"sv)))) {
    Tense t = TenseOf(i, i + 1);
    int off = t == Tense::kFuture ? 0 : -1;
    int y = 0, mo = 0, d = 0;
    m->end = i + 1;
    m->type = "TIME";
    DayNumber told = 0;
    if (has_ref() && ParseCalendarPrefix(last_date(), &y, &mo, &d) == 3) told = FromYmd(y, mo, d);
    if (has_ref() && off < 0 && told <= ref() && told >= ref() - 7)
      m->value = FmtDay(told + off) + "TNI";
    else
      m->value = day_value(off) + "TNI";
    return true;
  }
  if (w == "tonight"sv) {
    m->end = i + 1;
    m->type = "TIME";
    m->value = day_value(0) + "TNI";
    return true;
  }
  if ((w == "this"sv || w == "last"sv) && L(i + 1) && L(i + 1)->part_of_day &&
      !tok(i + 1).low.ends_with("s") && tok(i + 1).low != "noon"sv &&
      tok(i + 1).low != "overnight"sv) {
    std::string_view p = L(i + 1)->part_of_day;
    if (w == "last"sv && p != "NI"sv) return false;
    m->end = i + 2;
    m->type = "TIME";
    m->value = day_value(w == "last"sv ? -1 : 0) + "T" + std::string(p);
    return true;
  }
  if (w == "now"sv) {
    m->end = i + 1;
    m->value = "PRESENT_REF";
    return true;
  }
  return false;
}

// Heads: "last", "next", "this", ... (none gated), or "the" before one of them ("the past
// week", "the present year"), before "fiscal", "early"/"late" ("the early summer") or before a
// temporal word ("the year", "the summer").
const LeadHeads kRelativeHeads[] = {
    {"the", kFollowLex,
     "last past next coming upcoming current present latest previous fiscal early late"},
    {}};

bool Scanner::RelativeRule(size_t i, Match* m) {
  size_t j = i;
  bool the = false;
  if (Word(j, "the"sv)) {
    the = true;
    ++j;
  }
  int dir = 0;
  bool mod = true;
  if (Word(j, "last"sv) || Word(j, "past"sv) || (!the && Word(j, "previous"sv))) {
    dir = -1;
  } else if (Word(j, "next"sv) || Word(j, "coming"sv) || Word(j, "upcoming"sv)) {
    dir = 1;
  } else if (Word(j, "this"sv) && !the) {
    dir = 0;
    if (Word(j + 1, "past"sv)) {
      dir = -1;
      ++j;
    } else if (Word(j + 1, "coming"sv)) {
      dir = 1;
      ++j;
    }
  } else if (Word(j, "current"sv) || (the && Word(j, "present"sv))) {
    dir = 0;
  } else if (the && (Word(j, "latest"sv) || Word(j, "previous"sv)) && Word(j + 1, "fiscal"sv)) {
    dir = -1;
  } else if (the) {
    mod = false;
    --j;  // "the" is followed by the unit itself: "the year", "the weekend"
  } else {
    return false;
  }
  size_t k = j + 1;
  bool fiscal = false;
  if (Word(k, "fiscal"sv)) {
    fiscal = true;
    ++k;
    if (!Word(k, "year"sv)) return false;
  }
  // "the early summer": a season the modifier leaves as it is.
  if (!mod && (Word(k, "early"sv) || Word(k, "late"sv)) && L(k + 1) && L(k + 1)->season &&
      !tok(k + 1).low.ends_with("s"))
    ++k;
  const Lex* l = L(k);
  if (l == nullptr) return false;
  const Token& u = tok(k);
  // Units: week, month, year, weekend, decade, century.
  if (l->unit != Unit::kNone && !l->plural && u.low != "yr"sv && u.low != "hr"sv &&
      u.low != "min"sv) {
    Unit unit = l->unit;
    if (unit == Unit::kQuarter || unit == Unit::kSecond || unit == Unit::kMinute ||
        unit == Unit::kHour)
      return false;
    if (Punct(k + 1, '-') && Glued(k + 1)) return false;  // "the year-ago quarter"
    m->end = k + 1;
    if (!mod) {
      // "the year", "the week", "the weekend", "the day": the one the text is about.
      if (Word(k + 1, "before"sv) || Word(k + 1, "after"sv) || Word(k + 1, "earlier"sv) ||
          Word(k + 1, "later"sv))
        return false;  // anaphora handles these
      // "the week of March 6": the ISO week holding that day.
      if (unit == Unit::kWeek && Word(k + 1, "of"sv)) {
        Match day;
        int y = 0, mo = 0, d = 0;
        if (CalendarRule(k + 2, &day) && ParseCalendarPrefix(day.value, &y, &mo, &d) == 3) {
          m->end = day.end;
          m->value = FmtIsoWeek(FromYmd(y, mo, d));
          return true;
        }
      }
      if (fiscal) {
        // "the fiscal year" mostly names a reporting period, not a calendar year.
        m->type = "DURATION";
        m->value = "P1Y";
        return true;
      }
      if (!has_ref()) return false;
      switch (unit) {
        case Unit::kYear:
          // "the year ended March 31": a reporting period, a stretch of one year; "the end of the
          // year", "for the year": the current year.
          if (Word(k + 1, "ended"sv) || Word(k + 1, "ending"sv) || Word(k + 1, "ends"sv)) {
            m->type = "DURATION";
            m->value = "P1Y";
          } else {
            m->value = FmtYear(r_.y);
          }
          return true;
        case Unit::kMonth:
          m->value = FmtMonth(r_.y, r_.m);
          return true;
        case Unit::kWeek:
          m->value = FmtIsoWeek(ref());
          return true;
        case Unit::kWeekend: {
          // The weekend just gone, unless the clause looks ahead.
          int wd = IsoWeekday(ref());
          Tense t = TenseOf(i, k + 1);
          DayNumber d = (t == Tense::kFuture || wd >= 6) ? ref() : ref() - wd;
          m->value = FmtIsoWeek(d) + "-WE";
          return true;
        }
        default:
          return false;  // "the day" is too often generic ("during the day")
      }
    }
    // "the next day", "the previous day": the day after or before the one the text is about
    // (anaphora), not a stretch of 24 hours.
    if (the && unit == Unit::kDay && (Word(j, "next"sv) || Word(j, "previous"sv))) return false;
    if (the && dir != 0 && (unit == Unit::kWeek || unit == Unit::kMonth || unit == Unit::kDay)) {
      // "the past week", "the next month": a stretch of time.
      m->type = "DURATION";
      m->value = FmtDuration(1, unit);
      return true;
    }
    if (unit == Unit::kDay) return false;
    if (!has_ref()) {
      m->value = unit == Unit::kYear ? "XXXX" : unit == Unit::kMonth ? "XXXX-XX" : "XXXX-WXX";
      return true;
    }
    switch (unit) {
      case Unit::kWeek:
        m->value = FmtIsoWeek(ref() + 7 * dir);
        return true;
      case Unit::kWeekend: {
        int wd = IsoWeekday(ref());
        DayNumber base = ref() + 7 * dir;
        if (dir == 0 && wd < 6 && TenseOf(i, k + 1) == Tense::kPast) base = ref() - wd;
        if (dir < 0 && wd >= 6) base = ref() - 7;
        m->value = FmtIsoWeek(base) + "-WE";
        return true;
      }
      case Unit::kMonth: {
        Ymd t = ToYmd(AddMonths(FromYmd(r_.y, r_.m, 1), dir));
        m->value = FmtMonth(t.y, t.m);
        return true;
      }
      case Unit::kYear:
        m->value = FmtYear(r_.y + dir);
        return true;
      case Unit::kDecade:
        m->value = std::to_string(r_.y / 10 + dir);
        return true;
      case Unit::kCentury:
        m->value = std::to_string(r_.y / 100 + dir);
        return true;
      default:
        return false;
    }
  }
  if (!mod) {
    // "the summer", "the early summer", "the winter of 1994"
    if (l->season == nullptr || tok(k).low.ends_with("s")) return false;
    int y = 0;
    size_t e = 0;
    if (Word(k + 1, "of"sv) && YearNumber(k + 2, &y, &e)) {
      m->end = e;
      m->value = FmtYear(y) + "-" + l->season;
      return true;
    }
    if (!has_ref()) return false;
    m->end = k + 1;
    m->value = FmtYear(r_.y) + "-" + l->season;
    return true;
  }
  // Seasons: "last fall", "this summer", "next spring".
  if (l->season != nullptr && !u.low.ends_with("s")) {
    m->end = k + 1;
    if (!has_ref()) {
      m->value = std::string("XXXX-") + l->season;
      return true;
    }
    int ci = 0, cy = 0;
    SeasonOf(r_.m, r_.y, &ci, &cy);
    int x = SeasonIndex(l->season);
    int y = r_.y;
    if (dir < 0) y = x < ci ? cy : cy - 1;
    if (dir > 0) y = x > ci ? cy : cy + 1;
    m->value = FmtYear(y) + "-" + l->season;
    return true;
  }
  // Months: "last November", "next March", "this September".
  int mo = 0;
  size_t e = 0;
  if (MonthName(k, &mo, &e)) {
    if (the) return false;
    m->end = e;
    if (!has_ref()) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "XXXX-%02d", mo);
      m->value = buf;
      return true;
    }
    // "last Oct. 23": the most recent such day before the reference day.
    int d = 0;
    size_t de = 0;
    if (dir != 0 && DayOfMonth(e, &d, &de) && IsNum(e) && ValidYmd(2000, mo, d)) {
      DayNumber cand = FromYmd(r_.y, mo, d);
      if (dir < 0 && cand >= ref()) cand = FromYmd(r_.y - 1, mo, d);
      if (dir > 0 && cand <= ref()) cand = FromYmd(r_.y + 1, mo, d);
      m->end = de;
      m->value = FmtDay(cand);
      return true;
    }
    int y = r_.y;
    if (dir < 0) y = mo < r_.m ? r_.y : r_.y - 1;
    if (dir > 0) y = mo > r_.m ? r_.y : r_.y + 1;
    m->value = FmtMonth(y, mo);
    return true;
  }
  return false;
}

// Heads: "Q3", "H1", "FY", a year ("1989's third quarter"), an ordinal, a modifier ("fiscal",
// "latest", "current", ...; "most" only in "most recent"), or "the" before any of these ("the
// 1988 second quarter", "the '89 quarter"), before "this"/"last"/"next year's" or before
// "quarter" itself. "half" and "period" need a modifier or an ordinal before them.
const LeadHeads kQuarterHeads[] = {
    {"the", kFollowNumber | kFollowLex | kFollowApostrophe,
     "this last next fiscal comparable same latest previous past prior most recent current coming "
     "upcoming final"},
    {"most", 0, "recent"},
    {}};

bool Scanner::QuarterRule(size_t i, Match* m) {
  // Business shorthand: "Q3", "Q3 2016", "H1 2015", "FY2016", "FY 2016".
  if (i < size() && tok(i).cap && (Word(i, "q"sv) || Word(i, "h"sv)) && PlainNum(i + 1) &&
      Glued(i + 1) && tok(i + 1).digits == 1 && tok(i + 1).num >= 1 &&
      tok(i + 1).num <= (Word(i, "q"sv) ? 4 : 2)) {
    int n = static_cast<int>(tok(i + 1).num);
    bool quarter = Word(i, "q"sv);
    int y = 0;
    size_t e = i + 2;
    size_t ye = 0;
    if (YearNumber(e, &y, &ye)) {
      e = ye;
    } else if (has_ref()) {
      int rq = QuarterOf(r_.m);
      int cur = quarter ? rq : (r_.m > 6 ? 2 : 1);
      y = n > cur && TenseOf(i, e) != Tense::kFuture ? r_.y - 1 : r_.y;
    } else {
      m->end = e;
      m->value = std::string(quarter ? "XXXX-Q" : "XXXX-H") + std::to_string(n);
      return true;
    }
    m->end = e;
    m->value = FmtYear(y) + (quarter ? "-Q" : "-H") + std::to_string(n);
    return true;
  }
  if (i < size() && tok(i).cap && Word(i, "fy"sv)) {
    int y = 0;
    size_t e = 0;
    if (YearNumber(i + 1, &y, &e)) {
      m->end = e;
      m->value = FmtYear(y);
      return true;
    }
    if (PlainNum(i + 1) && Glued(i + 1) && tok(i + 1).digits == 2) {  // "FY16"
      m->end = i + 2;
      m->value = FmtYear(2000 + static_cast<int>(tok(i + 1).num));
      return true;
    }
    return false;
  }
  size_t j = i;
  bool the = Word(j, "the"sv);
  if (the) ++j;
  int year = -1;
  int q = 0;  // 1..4 quarter, or half 1..2
  bool half = false;
  int rel = 0;  // -1 previous, 0 current, +1 next
  bool has_rel = false;
  bool year_ago = false;
  bool any = the;
  bool year_inline = false;
  bool possessive_year = false;  // "last year's quarter", "1988's third quarter"
  // "this year's third quarter", "1989's first half", "last year's"
  if ((Word(j, "this"sv) || Word(j, "last"sv) || Word(j, "next"sv)) && Word(j + 1, "year"sv) &&
      j + 3 < size() && (tok(j + 2).low == "'"sv || tok(j + 2).low == "\xe2\x80\x99"sv) &&
      Word(j + 3, "s"sv)) {
    if (has_ref()) year = r_.y + (Word(j, "last"sv) ? -1 : Word(j, "next"sv) ? 1 : 0);
    j += 4;
    any = true;
    possessive_year = true;
  } else {
    int y = 0;
    size_t e = 0;
    if (YearNumber(j, &y, &e) && e + 1 < size() &&
        (tok(e).low == "'"sv || tok(e).low == "\xe2\x80\x99"sv) && Word(e + 1, "s"sv)) {
      year = y;
      j = e + 2;
      any = true;
      possessive_year = true;
    } else if (the && YearNumber(j, &y, &e)) {
      // "the 1988 second quarter", "the 1988 period"
      year = y;
      year_inline = true;
      j = e;
    }
  }
  // Modifiers, in any order: fiscal, year-ago, latest, comparable, ...
  for (int guard = 0; guard < 4; ++guard) {
    if (Word(j, "fiscal"sv)) {
      ++j;
      if (Punct(j, '-') && Glued(j)) ++j;
      int y = 0;
      size_t e = 0;
      if (YearNumber(j, &y, &e)) {
        year = y;
        j = e;
      }
      any = true;
      continue;
    }
    if (Word(j, "year"sv) && Punct(j + 1, '-') && Glued(j + 1) &&
        (Word(j + 2, "ago"sv) || Word(j + 2, "earlier"sv) || Word(j + 2, "before"sv))) {
      year_ago = true;
      m->anaphoric = true;
      j += 3;
      any = true;
      continue;
    }
    if (Word(j, "comparable"sv) || Word(j, "same"sv)) {
      ++j;
      continue;
    }
    if (Word(j, "latest"sv) || Word(j, "previous"sv) || Word(j, "past"sv) || Word(j, "prior"sv) ||
        Word(j, "last"sv) || (Word(j, "most"sv) && Word(j + 1, "recent"sv)) ||
        Word(j, "recent"sv)) {
      if (Word(j, "most"sv)) ++j;
      ++j;
      rel = -1;
      has_rel = true;
      any = true;
      continue;
    }
    if (Word(j, "current"sv) || Word(j, "this"sv)) {
      ++j;
      rel = 0;
      has_rel = true;
      any = true;
      continue;
    }
    if (Word(j, "next"sv) || Word(j, "coming"sv) || Word(j, "upcoming"sv)) {
      ++j;
      rel = 1;
      has_rel = true;
      any = true;
      continue;
    }
    break;
  }
  // Ordinal: first .. fourth, 1st .. 4th
  size_t k = j;
  // "the first two quarters of 1990", "the last two quarters": a half year.
  if ((Word(k, "first"sv) || Word(k, "last"sv) || Word(k, "final"sv)) && Word(k + 1, "two"sv) &&
      Word(k + 2, "quarters"sv)) {
    int h = Word(k, "first"sv) ? 1 : 2;
    size_t e = k + 3;
    int y = year;
    int yy = 0;
    size_t ye = 0;
    if (Word(e, "of"sv) && YearNumber(e + 1, &yy, &ye)) {
      y = yy;
      e = ye;
    }
    if (y < 0 && !has_ref()) {
      m->end = e;
      m->value = "XXXX-H" + std::to_string(h);
      return true;
    }
    if (y < 0) y = r_.y;
    m->end = e;
    m->value = FmtYear(y) + "-H" + std::to_string(h);
    return true;
  }
  if (L(k) && L(k)->ordinal >= 1 && L(k)->ordinal <= 4) {
    q = L(k)->ordinal;
    ++k;
  } else if (IsNum(k) && tok(k).digits == 1 && tok(k).num >= 1 && tok(k).num <= 4 &&
             (tok(k).suffix == "st"sv || tok(k).suffix == "nd"sv || tok(k).suffix == "rd"sv ||
              tok(k).suffix == "th"sv)) {
    q = static_cast<int>(tok(k).num);
    ++k;
  } else if (has_rel && rel == -1 && Word(k, "half"sv)) {
    // "the last half of 1989"
    q = 2;
  }
  if (q > 0) {
    if (Punct(k, '-') && Glued(k)) ++k;
    any = true;
  }
  bool is_period = false;
  if (Punct(k + 1, '-') && Glued(k + 1)) return false;  // "the quarter-to-quarter comparison"
  if (Word(k, "quarter"sv)) {
    // fine
  } else if (Word(k, "half"sv) && (q == 1 || q == 2)) {
    half = true;
  } else if (Word(k, "period"sv) && (year_ago || has_rel || year_inline) && the) {
    is_period = true;
  } else {
    return false;
  }
  if (!any) return false;
  if (q == 0 && !the && !year_ago && !has_rel && !possessive_year) return false;
  size_t end = k + 1;
  // "of 1989", "of this year", "of next year"
  if (Word(end, "of"sv)) {
    int y = 0;
    size_t e = 0;
    if (YearNumber(end + 1, &y, &e)) {
      year = y;
      end = e;
    } else if ((Word(end + 1, "this"sv) || Word(end + 1, "next"sv) || Word(end + 1, "last"sv)) &&
               Word(end + 2, "year"sv)) {
      if (has_ref()) year = r_.y + (Word(end + 1, "last"sv) ? -1 : Word(end + 1, "next"sv) ? 1 : 0);
      end += 3;
    } else if (Word(end + 1, "the"sv) && Word(end + 2, "year"sv)) {
      if (has_ref()) year = r_.y;
      end += 3;
    } else if (Match dec; (q > 0 || half) && YearRule(end + 1, &dec) && dec.end > end + 1 &&
                          (dec.value.size() == 2 || dec.value.size() == 3) &&
                          dec.value.find_first_not_of("0123456789") == std::string::npos) {
      // "the last half of the '80s", "the first quarter of the century": TimeML has no value
      // for part of a decade or century, so the whole one stands for it.
      m->end = dec.end;
      m->value = dec.value;
      return true;
    } else if (q == 0 && !is_period) {
      return false;  // "the quarter of a century"
    }
  } else if (Punct(end, ',') || Word(end, "ended"sv) || Word(end, "ending"sv)) {
    // "the third quarter, 1989" is rare; leave it.
  }
  m->end = end;
  std::string_view type = "DATE";
  (void)type;
  if (!has_ref() && year < 0) {
    m->value = half    ? "XXXX-H" + std::to_string(q)
               : q > 0 ? "XXXX-Q" + std::to_string(q)
                       : "XXXX-QX";
    return true;
  }
  int rq = has_ref() ? QuarterOf(r_.m) : 1;
  if (half) {
    int rh = has_ref() && r_.m > 6 ? 2 : 1;
    int y = year;
    if (y < 0) {
      y = r_.y;
      if (year_ago)
        y -= 1;
      else if (q > rh && TenseOf(i, end) != Tense::kFuture)
        y -= 1;
    } else if (year_ago) {
      y -= 1;
    }
    m->value = FmtYear(y) + "-H" + std::to_string(q);
    return true;
  }
  if (q > 0) {
    int y = year;
    if (y < 0) {
      y = r_.y;
      Tense t = TenseOf(i, end);
      if (year_ago) {
        y -= 1;
      } else if (has_rel && rel == 1) {
        if (q <= rq) y += 1;
      } else if (q > rq && t != Tense::kFuture && !(has_rel && rel == 0)) {
        y -= 1;
      } else if (q < rq - 1 && t == Tense::kFuture) {
        y += 1;
      }
    } else if (year_ago) {
      y -= 1;
    }
    m->value = FmtQuarter(y, q);
    return true;
  }
  // No ordinal: "the quarter", "the latest quarter", "the year-ago quarter", "the current quarter".
  int y0 = 0, q0 = 0;
  if (year_inline || (possessive_year && year >= 0)) {
    // "the 1988 quarter": the quarter the text is about (else the last one reported), in that
    // year.
    if (ParseQuarterValue(last_date(), &y0, &q0)) {
      m->value = FmtQuarter(year, q0);
    } else if (has_ref()) {
      m->value = FmtQuarter(year, rq == 1 ? 4 : rq - 1);
    } else {
      m->value = FmtYear(year);
    }
    m->anaphoric = true;
    return true;
  }
  if (year_ago) {
    if (ReportedQuarter(&y0, &q0)) {
      m->value = FmtQuarter(y0 - 1, q0);
    } else {
      int yq = (has_ref() ? r_.y : year) * 4 + rq - 1 - 1 - 4;
      m->value = FmtQuarter(yq / 4, yq % 4 + 1);
    }
    return true;
  }
  if (!has_ref()) {
    m->value = "XXXX-QX";
    return true;
  }
  if (is_period) {
    if (ParseQuarterValue(last_date(), &y0, &q0)) {
      m->value = last_date();
    } else {
      m->value = ShiftQuarter(r_.y, rq, -1);
    }
    return true;
  }
  if (has_rel) {
    m->value = ShiftQuarter(r_.y, rq, rel);
    return true;
  }
  // "the quarter": the one the text is about, else the last one reported.
  if (ParseQuarterValue(last_date(), &y0, &q0)) {
    m->value = last_date();
  } else {
    Tense t = TenseOf(i, end);
    m->value = ShiftQuarter(r_.y, rq, t == Tense::kFuture ? 0 : -1);
  }
  return true;
}

}  // namespace tkg::extract::timex
