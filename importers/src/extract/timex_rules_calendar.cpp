// Time expressions: explicit calendar dates ("Jan. 5, 1998", "5 January", "2016-04-18"), month
// names ("In March" -> the nearest March the tense allows), weekdays ("said on Monday" -> the
// Monday before the reference day), years, decades, centuries and clock times.
#include <string>

#include "timex_rules.h"
#include "word_list.h"

namespace tkg::extract::timex {
namespace {

using std::string_view_literals::operator""sv;

std::string Two(int v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

// Words after which a bare "May" (or another month alone) is a month.
bool MonthContextBefore(const Scanner& s, size_t i) {
  if (i == 0) return false;
  const Token& p = s.tok(i - 1);
  if (p.kind == TokKind::kPunct) return p.low == "-"sv;  // "mid-May"
  if (p.kind == TokKind::kNumber) return false;
  static const std::string_view kWords[] = {
      "in"sv,      "since"sv,      "until"sv,  "till"sv,      "by"sv,   "last"sv,
      "next"sv,    "this"sv,       "early"sv,  "late"sv,      "mid"sv,  "through"sv,
      "from"sv,    "during"sv,     "before"sv, "after"sv,     "of"sv,   "to"sv,
      "between"sv, "and"sv,        "or"sv,     "end"sv,       "each"sv, "every"sv,
      "that"sv,    "throughout"sv, "around"sv, "beginning"sv, "the"sv,  "for"sv};
  return OneOf(p.low, kWords);
}

// Words after which a number is read as a year.
bool YearContextWord(std::string_view w) {
  static const std::string_view kWords[] = {
      "in"sv,      "since"sv,  "until"sv,  "till"sv,   "by"sv,       "of"sv,     "from"sv,
      "through"sv, "during"sv, "before"sv, "after"sv,  "the"sv,      "its"sv,    "his"sv,
      "her"sv,     "their"sv,  "our"sv,    "fiscal"sv, "early"sv,    "late"sv,   "mid"sv,
      "between"sv, "and"sv,    "to"sv,     "year"sv,   "calendar"sv, "for"sv,    "throughout"sv,
      "circa"sv,   "summer"sv, "spring"sv, "winter"sv, "fall"sv,     "autumn"sv, "around"sv,
      "'s"sv,      "s"sv};
  return OneOf(w, kWords);
}

bool IsFunctionWord(std::string_view w) {
  static const std::string_view kWords[] = {
      "and"sv,    "or"sv,       "but"sv,    "to"sv,        "when"sv,      "after"sv,
      "before"sv, "as"sv,       "with"sv,   "was"sv,       "were"sv,      "is"sv,
      "are"sv,    "had"sv,      "has"sv,    "have"sv,      "the"sv,       "a"sv,
      "an"sv,     "in"sv,       "on"sv,     "at"sv,        "by"sv,        "for"sv,
      "of"sv,     "from"sv,     "until"sv,  "since"sv,     "through"sv,   "that"sv,
      "which"sv,  "who"sv,      "while"sv,  "because"sv,   "if"sv,        "than"sv,
      "then"sv,   "so"sv,       "he"sv,     "she"sv,       "it"sv,        "they"sv,
      "we"sv,     "i"sv,        "you"sv,    "there"sv,     "this"sv,      "these"sv,
      "those"sv,  "will"sv,     "would"sv,  "could"sv,     "should"sv,    "did"sv,
      "do"sv,     "does"sv,     "be"sv,     "been"sv,      "also"sv,      "into"sv,
      "over"sv,   "under"sv,    "during"sv, "against"sv,   "about"sv,     "s"sv,
      "had"sv,    "alone"sv,    "only"sv,   "elections"sv, "election"sv,  "levels"sv,
      "level"sv,  "figures"sv,  "figure"sv, "results"sv,   "period"sv,    "budget"sv,
      "season"sv, "census"sv,   "law"sv,    "act"sv,       "agreement"sv, "accord"sv,
      "treaty"sv, "campaign"sv, "war"sv,    "games"sv,     "olympics"sv,  "model"sv,
      "models"sv};
  return OneOf(w, kWords);
}

}  // namespace

// Heads (timex_heads.h): the numeric and month-first forms start at a number or a month name;
// "the" starts "the 5th of January" and needs a day after it (a number, an ordinal, "twenty-").
const LeadHeads kCalendarHeads[] = {{"the", kFollowNumber | kFollowLex, ""}, {}};

bool Scanner::CalendarRule(size_t i, Match* m) {
  const size_t n = size();
  if (i >= n) return false;
  // ISO: 2016-04-18
  if (PlainNum(i) && tok(i).digits == 4 && Punct(i + 1, '-') && Glued(i + 1) && PlainNum(i + 2) &&
      Glued(i + 2) && tok(i + 2).digits == 2 && Punct(i + 3, '-') && Glued(i + 3) &&
      PlainNum(i + 4) && Glued(i + 4) && tok(i + 4).digits == 2) {
    int y = static_cast<int>(tok(i).num), mo = static_cast<int>(tok(i + 2).num),
        d = static_cast<int>(tok(i + 4).num);
    if (!ValidYmd(y, mo, d)) return false;
    m->end = i + 5;
    m->value = FmtDay(FromYmd(y, mo, d));
    return true;
  }
  // US numeric: 4/18/2016, 4/18/16
  if (PlainNum(i) && tok(i).digits <= 2 && Punct(i + 1, '/') && Glued(i + 1) && PlainNum(i + 2) &&
      Glued(i + 2) && tok(i + 2).digits <= 2 && Punct(i + 3, '/') && Glued(i + 3) &&
      PlainNum(i + 4) && Glued(i + 4) && (tok(i + 4).digits == 4 || tok(i + 4).digits == 2)) {
    int mo = static_cast<int>(tok(i).num), d = static_cast<int>(tok(i + 2).num),
        y = static_cast<int>(tok(i + 4).num);
    if (tok(i + 4).digits == 2) y += y < 50 ? 2000 : 1900;
    if (mo > 12 && d <= 12) std::swap(mo, d);
    if (!ValidYmd(y, mo, d)) return false;
    m->end = i + 5;
    m->value = FmtDay(FromYmd(y, mo, d));
    return true;
  }
  int mo = 0, d = 0, y = -1;
  size_t j = 0, k = 0, e = 0;
  // Month first: "March", "Jan. 5", "January 5, 1998", "March 2016", "March of 2016".
  if (MonthName(i, &mo, &j)) {
    if (DayOfMonth(j, &d, &k) && !(L(k) && L(k)->unit != Unit::kNone) && !Punct(k, '%')) {
      e = k;
      size_t k2 = Punct(k, ',') ? k + 1 : k;
      size_t k3 = 0;
      if (YearNumber(k2, &y, &k3))
        e = k3;
      else if (RelativeYear(k, &y, &k3))
        e = k3;
      if (!ValidYmd(y > 0 ? y : 2000, mo, d)) return false;
      m->end = e;
      if (y > 0) {
        m->value = FmtDay(FromYmd(y, mo, d));
      } else if (has_ref()) {
        int yy = YearFor(mo, d, TenseOf(i, e));
        m->value = FmtDay(FromYmd(yy, mo, d));
      } else {
        m->value = "XXXX-" + Two(mo) + "-" + Two(d);
      }
      return true;
    }
    size_t k2 = j;
    bool of = false;
    if (Word(k2, "of"sv)) {
      ++k2;
      of = true;
    } else if (Punct(k2, ',')) {
      ++k2;
    }
    if (YearNumber(k2, &y, &k) || RelativeYear(j, &y, &k)) {
      m->end = k;
      m->value = FmtMonth(y, mo);
      return true;
    }
    (void)of;
    // A month alone.
    if (tok(i).low == "may"sv || tok(i).low == "march"sv) {
      if (!MonthContextBefore(*this, i)) return false;
    }
    m->end = j;
    if (has_ref()) {
      m->value = FmtMonth(YearFor(mo, 0, TenseOf(i, j)), mo);
    } else {
      m->value = "XXXX-" + Two(mo);
    }
    return true;
  }
  // Day first: "5 January 1998", "the 5th of January", "5th January".
  size_t i0 = Word(i, "the"sv) ? i + 1 : i;
  if (DayOfMonth(i0, &d, &j) && (IsNum(i0) || i0 > i)) {
    size_t j2 = Word(j, "of"sv) ? j + 1 : j;
    if (MonthName(j2, &mo, &k)) {
      if (i0 > i && j2 == j && !IsNum(i0)) return false;
      e = k;
      size_t k2 = Punct(k, ',') ? k + 1 : k;
      size_t k3 = 0;
      if (YearNumber(k2, &y, &k3)) e = k3;
      if (!ValidYmd(y > 0 ? y : 2000, mo, d)) return false;
      m->end = e;
      if (y > 0) {
        m->value = FmtDay(FromYmd(y, mo, d));
      } else if (has_ref()) {
        m->value = FmtDay(FromYmd(YearFor(mo, d, TenseOf(i, e)), mo, d));
      } else {
        m->value = "XXXX-" + Two(mo) + "-" + Two(d);
      }
      return true;
    }
  }
  return false;
}

// Heads: a weekday name, or "last"/"next"/"this" before one (none gated); "the" only in "the
// previous Friday".
const LeadHeads kWeekdayHeads[] = {{"the", 0, "previous preceding following"}, {}};

bool Scanner::WeekdayRule(size_t i, Match* m) {
  // "the previous Friday", "the following Monday": counted from the day the text is talking
  // about, not from the reference day.
  if (Word(i, "the"sv) &&
      (Word(i + 1, "previous"sv) || Word(i + 1, "preceding"sv) || Word(i + 1, "following"sv))) {
    int wd = 0;
    size_t k = 0;
    if (!WeekdayName(i + 2, &wd, &k)) return false;
    int y = 0, mo = 0, d = 0;
    DayNumber base = 0;
    if (ParseCalendarPrefix(last_date(), &y, &mo, &d) == 3) {
      base = FromYmd(y, mo, d);
    } else if (has_ref()) {
      base = ref();
    } else {
      return false;
    }
    int bw = IsoWeekday(base);
    int delta = Word(i + 1, "following"sv) ? (wd - bw + 7) % 7 : -((bw - wd + 7) % 7);
    if (delta == 0) delta = Word(i + 1, "following"sv) ? 7 : -7;
    m->end = k;
    m->value = FmtDay(base + delta);
    m->anaphoric = true;
    return true;
  }
  int dir = 0;
  size_t j = i;
  if (Word(i, "last"sv) || Word(i, "past"sv) || Word(i, "previous"sv)) {
    dir = -1;
    j = i + 1;
  } else if (Word(i, "next"sv) || Word(i, "coming"sv) || Word(i, "upcoming"sv)) {
    dir = 1;
    j = i + 1;
  } else if (Word(i, "this"sv)) {
    j = i + 1;
    if (Word(j, "past"sv)) {
      dir = -1;
      ++j;
    } else if (Word(j, "coming"sv)) {
      dir = 1;
      ++j;
    }
  }
  int wd = 0;
  size_t k = 0;
  if (!WeekdayName(j, &wd, &k)) return false;
  // "Monday, Oct. 26" / "Monday Oct. 26, 1998": the explicit date wins.
  size_t k2 = Punct(k, ',') ? k + 1 : k;
  Match cal;
  if (CalendarRule(k2, &cal) && cal.value.size() == 10 && cal.value[0] != 'X') {
    m->end = cal.end;
    m->value = cal.value;
    // Without a written year, the weekday tells which year the date falls in.
    bool year_written = false;
    for (size_t q = k2; q < cal.end; ++q)
      if (IsNum(q) && tok(q).digits == 4) year_written = true;
    int y = 0, mo = 0, d = 0;
    if (!year_written && ParseCalendarPrefix(cal.value, &y, &mo, &d) == 3 &&
        IsoWeekday(FromYmd(y, mo, d)) != wd) {
      for (int dy : {1, -1}) {
        if (ValidYmd(y + dy, mo, d) && IsoWeekday(FromYmd(y + dy, mo, d)) == wd) {
          m->value = FmtDay(FromYmd(y + dy, mo, d));
          break;
        }
      }
    }
    return true;
  }
  // "Tuesday nights", "Monday and Tuesday nights": the part of the day recurs every week.
  auto plural_pod = [&](size_t q) {
    return L(q) && L(q)->part_of_day && tok(q).low.ends_with("s") ? L(q)->part_of_day : nullptr;
  };
  int wd2 = 0;
  size_t k3 = 0;
  const char* every = plural_pod(k);
  size_t set_end = every ? k + 1 : k;
  if (!every && dir == 0 && (Word(k, "and"sv) || Word(k, "or"sv)) && WeekdayName(k + 1, &wd2, &k3))
    every = plural_pod(k3);
  if (every != nullptr && dir == 0 && j == i) {
    m->end = set_end;
    m->type = "SET";
    m->value = "XXXX-WXX-" + std::to_string(wd) + "T" + every;
    return true;
  }
  std::string day;
  size_t end = k;
  const char* pod = nullptr;
  if (L(k) && L(k)->part_of_day && !tok(k).low.ends_with("s") && tok(k).low != "noon"sv) {
    pod = L(k)->part_of_day;
    end = k + 1;
  }
  if (has_ref()) {
    // "Wednesday's ruling": a possessive weekday names an event already reported.
    bool possessive = end + 1 < size() &&
                      (tok(end).low == "'"sv || tok(end).low == "\xe2\x80\x99"sv) && Glued(end) &&
                      Word(end + 1, "s"sv);
    // ... unless the text waits for it: "ahead of Saturday's caucus" ("until Monday's
    // announcement, shares were cheap" looks back as often).
    bool awaited = i >= 2 && Word(i - 1, "of"sv) && Word(i - 2, "ahead"sv);
    Tense tense = possessive && !awaited ? Tense::kPast : TenseOf(i, end);
    day = FmtDay(WeekdayDate(wd, dir, tense));
  } else {
    day = "XXXX-WXX-" + std::to_string(wd);
  }
  m->end = end;
  if (pod != nullptr) {
    // TimeBank types "Friday morning" as a DATE with a part-of-day value.
    m->value = day + "T" + pod;
  } else {
    m->value = day;
  }
  return true;
}

// Heads: a number, "noon", "midday" or "midnight"; no gated lead.
const LeadHeads kClockHeads[] = {{}};

bool Scanner::ClockRule(size_t i, Match* m) {
  int h = -1, mi = 0;
  size_t j = i;
  bool pm = false, have_mer = false;
  if (PlainNum(i) && tok(i).digits <= 2 && Punct(i + 1, ':') && Glued(i + 1) && IsNum(i + 2) &&
      Glued(i + 2) && tok(i + 2).digits == 2) {
    h = static_cast<int>(tok(i).num);
    mi = static_cast<int>(tok(i + 2).num);
    j = i + 3;
    if (!tok(i + 2).suffix.empty()) {
      std::string_view s = tok(i + 2).suffix;
      if (s != "am"sv && s != "pm"sv) return false;
      pm = s == "pm"sv;
      have_mer = true;
    } else if (Punct(j, ':') && Glued(j) && PlainNum(j + 1) && tok(j + 1).digits == 2) {
      j += 2;  // seconds
    }
    if (mi > 59 || h > 24) return false;
    // Scores, ratios and verses look like clock times: demand a meridiem or a plausible context.
    if (i > 0 && (Punct(i - 1, ':') || Punct(i - 1, '-'))) return false;
  } else if (PlainNum(i) && tok(i).digits <= 2 && tok(i).num >= 1 && tok(i).num <= 12) {
    h = static_cast<int>(tok(i).num);
    j = i + 1;
    size_t mer_end = 0;
    if (Meridiem(j, &pm, &mer_end)) {
      have_mer = true;
      j = mer_end;
    } else if (Word(j, "o"sv) && j + 2 < size() && Word(j + 2, "clock"sv)) {
      j += 3;
    } else if (Word(j, "in"sv) && Word(j + 1, "the"sv) && L(j + 2) && L(j + 2)->part_of_day &&
               !L(j + 2)->weekday && tok(j + 2).low != "noon"sv && !tok(j + 2).low.ends_with("s")) {
      // "4 in the morning", "7 in the evening"
      std::string_view p = L(j + 2)->part_of_day;
      pm = p == "AF"sv || p == "EV"sv || (p == "NI"sv && h >= 6);
      have_mer = true;
      j += 3;
    } else {
      return false;
    }
  } else if (IsNum(i) && tok(i).digits <= 2 && tok(i).num >= 1 && tok(i).num <= 12 &&
             (tok(i).suffix == "am"sv || tok(i).suffix == "pm"sv)) {
    h = static_cast<int>(tok(i).num);
    pm = tok(i).suffix == "pm"sv;
    have_mer = true;
    j = i + 1;
    if (Punct(j, '.') && Glued(j) && !EndsSentence(toks_, j)) ++j;
  } else if ((Word(i, "noon"sv) || Word(i, "midday"sv)) && !(i > 0 && Word(i - 1, "high"sv))) {
    h = 12;
    j = i + 1;
  } else if (Word(i, "midnight"sv)) {
    h = 24;
    j = i + 1;
  } else {
    return false;
  }
  if (!have_mer && j == i + 3 && h <= 24) {
    size_t mer_end = 0;
    if (Meridiem(j, &pm, &mer_end)) {
      have_mer = true;
      j = mer_end;
    }
  }
  if (have_mer) {
    if (h > 12) return false;
    if (pm && h < 12) h += 12;
    if (!pm && h == 12) h = 0;
  }
  j = SkipTimeZone(j);
  // The day: "9 a.m. Tuesday", "noon Thursday", "10 p.m. yesterday".
  std::string day;
  size_t end = j;
  Match dm;
  size_t d0 = j;
  if (Word(d0, "on"sv) || Punct(d0, ',')) ++d0;
  if ((WeekdayRule(d0, &dm) || CalendarRule(d0, &dm)) && dm.value.size() >= 10 &&
      dm.value[4] == '-' && dm.value.size() <= 13) {
    day = dm.value.substr(0, 10);
    end = Word(j, "on"sv) ? j : dm.end;
    // "until 9 a.m. Tuesday": the clause around the whole expression picks the Tuesday.
    int wd = 0;
    size_t we = 0;
    if (has_ref() && d0 == j && WeekdayName(d0, &wd, &we) && we == dm.end &&
        !(Word(d0 - 1, "last"sv) || Word(d0 - 1, "next"sv))) {
      day = FmtDay(WeekdayDate(wd, 0, TenseOf(i, dm.end)));
    }
  } else if (Word(j, "today"sv) || Word(j, "yesterday"sv) || Word(j, "tomorrow"sv)) {
    if (has_ref()) {
      int off = Word(j, "yesterday"sv) ? -1 : Word(j, "tomorrow"sv) ? 1 : 0;
      day = FmtDay(ref() + off);
    }
    end = j + 1;
  } else {
    // "10:35 a.m. (0735 GMT) Friday": the day stands apart but still anchors the time.
    for (size_t q = j; q < size() && q < j + 7; ++q) {
      if (EndsSentence(toks_, q)) break;
      Match wm;
      if (L(q) && L(q)->weekday && WeekdayRule(q, &wm) && wm.value.size() >= 10 &&
          wm.value[4] == '-') {
        day = wm.value.substr(0, 10);
        break;
      }
    }
  }
  if (day.empty()) {
    // A bare clock time belongs to the day the text is talking about: the last day it named,
    // else the reference day.
    int y = 0, mo = 0, d = 0;
    if (ParseCalendarPrefix(last_date(), &y, &mo, &d) == 3) {
      day = FmtDay(FromYmd(y, mo, d));
    } else {
      day = has_ref() ? FmtDay(ref()) : "XXXX-XX-XX";
    }
  }
  m->end = end;
  m->type = "TIME";
  m->value = day + "T" + Two(h) + ":" + Two(mi);
  return true;
}

bool Scanner::YearContextBefore(size_t i) const {
  if (i == 0) return false;
  const Token& p = tok(i - 1);
  if (p.kind == TokKind::kWord) return YearContextWord(p.low) || (p.lex && p.lex->month);
  return p.low == "-"sv || p.low == "("sv || p.low == ","sv;
}

bool Scanner::GenericToday(size_t i) const {
  if (i > 0 && Word(i - 1, "of"sv) && i >= 2 && tok(i - 2).kind == TokKind::kWord &&
      tok(i - 2).lex == nullptr && !Punct(i + 1, ','))
    return true;  // "the youth of today"
  if (!(i + 2 < size() && (tok(i + 1).low == "'"sv || tok(i + 1).low == "\xe2\x80\x99"sv) &&
        Word(i + 2, "s"sv)))
    return false;
  static const std::string_view kGeneric[] = {
      "youth"sv,     "world"sv,     "society"sv,    "generation"sv, "children"sv, "kids"sv,
      "teens"sv,     "teenagers"sv, "young"sv,      "youngsters"sv, "families"sv, "culture"sv,
      "modern"sv,    "parents"sv,   "students"sv,   "workers"sv,    "women"sv,    "men"sv,
      "consumers"sv, "economy"sv,   "technology"sv, "standards"sv,  "personal"sv, "global"sv,
      "fast"sv,      "changing"sv,  "complex"sv,    "political"sv,  "media"sv,    "politics"sv};
  for (auto g : kGeneric)
    if (Word(i + 3, g)) return true;
  return false;
}

bool Scanner::SecondDay(size_t i, const std::string& prev_value, Match* m) const {
  int y = 0, mo = 0, d = 0;
  if (ParseCalendarPrefix(prev_value, &y, &mo, &d) != 3 || prev_value.size() != 10) return false;
  if (!(Word(i, "and"sv) || Word(i, "or"sv) || Word(i, "to"sv) || Word(i, "through"sv) ||
        Punct(i, '-') || Punct(i, '&')))
    return false;
  if (!PlainNum(i + 1) &&
      !(IsNum(i + 1) && (tok(i + 1).suffix == "th"sv || tok(i + 1).suffix == "st"sv ||
                         tok(i + 1).suffix == "nd"sv || tok(i + 1).suffix == "rd"sv)))
    return false;
  int d2 = 0;
  size_t e = 0;
  if (!DayOfMonth(i + 1, &d2, &e) || d2 <= d || !ValidYmd(y, mo, d2)) return false;
  // Not a count ("April 24 and 25 people"), a clock time or a new month ("24 to 25 May").
  if (e < size() && tok(e).kind == TokKind::kWord && !tok(e).cap &&
      !(Word(e, "and"sv) || Word(e, "in"sv) || Word(e, "at"sv) || Word(e, "of"sv)))
    return false;
  int mo2 = 0;
  size_t e2 = 0;
  if (MonthName(e, &mo2, &e2) || Punct(e, '%') || Punct(e, ':')) return false;
  m->begin = i + 1;
  m->end = e;
  m->value = FmtDay(FromYmd(y, mo, d2));
  return true;
}

bool Scanner::RelativeYear(size_t i, int* y, size_t* next) const {
  if (!has_ref()) return false;
  if (!(Word(i, "last"sv) || Word(i, "this"sv) || Word(i, "next"sv)) || !Word(i + 1, "year"sv))
    return false;
  if (Punct(i + 2, '-') ||
      (i + 2 < size() && (tok(i + 2).low == "'"sv || tok(i + 2).low == "\xe2\x80\x99"sv)))
    return false;
  *y = r_.y + (Word(i, "last"sv) ? -1 : Word(i, "next"sv) ? 1 : 0);
  *next = i + 2;
  return true;
}

// Heads: a year, "'98", "fiscal", "year-end"; "the" before a decade ("the 1990s", "the '90s",
// "the mid-1990s", "the nineties"), "the year 2000", a century ("the 20th", "the nineteenth",
// "the twenty-first") or "the full year".
const LeadHeads kYearHeads[] = {
    {"the", kFollowNumber | kFollowLex | kFollowApostrophe,
     "early late mid twenties thirties forties fifties sixties seventies eighties nineties full "
     "entire whole"},
    {}};

bool Scanner::YearRule(size_t i, Match* m) {
  size_t j = i;
  bool the = false;
  if (Word(j, "the"sv)) {
    the = true;
    ++j;
  }
  // Decade modifiers inside "the": "the mid-1990s", "the early 1980s".
  size_t mod_end = j;
  if (the && (Word(j, "early"sv) || Word(j, "late"sv) || Word(j, "mid"sv))) {
    mod_end = j + 1;
    if (Punct(mod_end, '-') && Glued(mod_end)) ++mod_end;
  }
  // Decades: 1990s, 1990's, '90s.
  for (size_t s : {mod_end, j}) {
    if (IsNum(s) && tok(s).digits == 4 && tok(s).suffix == "s"sv && tok(s).num % 10 == 0) {
      m->end = s + 1;
      m->value = std::to_string(tok(s).num / 10);
      return true;
    }
    if (PlainNum(s) && tok(s).digits == 4 && tok(s).num % 10 == 0 && s + 2 < size() &&
        (tok(s + 1).low == "'"sv || tok(s + 1).low == "\xe2\x80\x99"sv) && Glued(s + 1) &&
        Word(s + 2, "s"sv) && Glued(s + 2)) {
      m->end = s + 3;
      m->value = std::to_string(tok(s).num / 10);
      return true;
    }
    if (s + 1 < size() && (tok(s).low == "'"sv || tok(s).low == "\xe2\x80\x99"sv) && IsNum(s + 1) &&
        Glued(s + 1) && tok(s + 1).digits == 2 && tok(s + 1).suffix == "s"sv &&
        tok(s + 1).num % 10 == 0) {
      int v = static_cast<int>(tok(s + 1).num);
      int century = v <= 20 && has_ref() && r_.y >= 2000 ? 20 : 19;
      m->end = s + 2;
      m->value = std::to_string(century) + std::to_string(v / 10);
      return true;
    }
    if (mod_end == j) break;
  }
  // "the year 2000", "the year two thousand"
  if (the && Word(j, "year"sv)) {
    int y = 0;
    size_t e = 0;
    if (YearNumber(j + 1, &y, &e)) {
      m->end = e;
      m->value = FmtYear(y);
      return true;
    }
    return false;
  }
  // Decade words: "the nineties", "the eighties".
  if (the) {
    static const std::string_view kDecades[] = {"twenties"sv, "thirties"sv, "forties"sv,
                                                "fifties"sv,  "sixties"sv,  "seventies"sv,
                                                "eighties"sv, "nineties"sv};
    for (int q = 0; q < 8; ++q) {
      if (Word(mod_end, kDecades[q])) {
        m->end = mod_end + 1;
        m->value = "19" + std::to_string(q + 2);
        return true;
      }
    }
  }
  // Centuries: "the 20th century", "20th-century", "the nineteenth century".
  {
    size_t c0 = j;
    int c = 0;
    if (IsNum(c0) && tok(c0).digits <= 2 &&
        (tok(c0).suffix == "th"sv || tok(c0).suffix == "st"sv || tok(c0).suffix == "nd"sv ||
         tok(c0).suffix == "rd"sv)) {
      c = static_cast<int>(tok(c0).num);
    } else if (the && L(c0) && L(c0)->ordinal > 0) {
      c = L(c0)->ordinal;
    } else if (the && L(c0) && L(c0)->number == 20 && Punct(c0 + 1, '-') && L(c0 + 2) &&
               L(c0 + 2)->ordinal > 0) {
      c = 20 + L(c0 + 2)->ordinal;
      c0 += 2;
    }
    size_t cu = c0 + 1;
    if (c > 0 && Punct(cu, '-') && Glued(cu)) ++cu;
    if (c > 0 && c <= 30 && L(cu) && L(cu)->unit == Unit::kCentury && !L(cu)->plural) {
      m->end = cu + 1;
      std::string v = std::to_string(c - 1);
      m->value = v.size() < 2 ? "0" + v : v;
      return true;
    }
  }
  // "the full year", "year-end", "year's end"
  if (the && (Word(j, "full"sv) || Word(j, "entire"sv) || Word(j, "whole"sv)) &&
      Word(j + 1, "year"sv) && has_ref()) {
    m->end = j + 2;
    m->value = FmtYear(r_.y);
    return true;
  }
  if (Word(i, "year"sv) && has_ref()) {
    size_t e = 0;
    if (Punct(i + 1, '-') && Glued(i + 1) && Word(i + 2, "end"sv))
      e = i + 3;
    else if (Word(i + 1, "end"sv))
      e = i + 2;
    else if (i + 3 < size() && (tok(i + 1).low == "'"sv || tok(i + 1).low == "\xe2\x80\x99"sv) &&
             Word(i + 2, "s"sv) && Word(i + 3, "end"sv))
      e = i + 4;
    if (e > 0) {
      Tense t = TenseOf(i, e);
      bool since = i > 0 && (Word(i - 1, "since"sv));
      m->end = e;
      m->value = FmtYear(since || (t == Tense::kPast && r_.m < 6) ? r_.y - 1 : r_.y);
      return true;
    }
  }
  if (the) return false;
  // "fiscal 1989", "fiscal-1990"
  bool fiscal = false;
  if (Word(j, "fiscal"sv)) {
    fiscal = true;
    ++j;
    if (Punct(j, '-') && Glued(j)) ++j;
  }
  int y = 0;
  size_t k = 0;
  if (!YearNumber(j, &y, &k)) return false;
  if (!fiscal && IsNum(j)) {
    // A bare four-digit number: is it a year?
    if (i > 0) {
      const Token& p = tok(i - 1);
      if (p.low == "$"sv || p.low == "\xc2\xa3"sv || p.low == "\xe2\x82\xac"sv) return false;
      if (p.kind == TokKind::kNumber) return false;
      if (p.kind == TokKind::kPunct && (p.low == ","sv || p.low == "."sv) && Glued(i)) return false;
    }
    if (Punct(k, '%') || (Punct(k, '.') && IsNum(k + 1) && Glued(k + 1)) ||
        (Punct(k, ',') && IsNum(k + 1) && Glued(k + 1)))
      return false;
    if (y < 1800 || y > 2100) return false;
    // "Orion 1980", "Windows 2000": a number closing a name, not a year. "That 1978 resolution"
    // and "In 1990" are years.
    if (i > 0 && tok(i - 1).kind == TokKind::kWord && tok(i - 1).cap && !YearContextBefore(i) &&
        tok(i - 1).low != "that"sv && tok(i - 1).low != "this"sv &&
        !(i >= 2 && EndsSentence(toks_, i - 2)) && !tok(i - 1).para_before && i - 1 != 0)
      return false;
    // "2000 troops": a count, when a lower-case content word follows and nothing before the
    // number marks it as a year ("in 1990 sales rose", "its 1990 budget").
    bool determiner = i > 0 && tok(i - 1).cap && (Word(i - 1, "that"sv) || Word(i - 1, "this"sv));
    if (k < size() && tok(k).kind == TokKind::kWord && !tok(k).cap && !YearContextBefore(i) &&
        !determiner && !IsFunctionWord(tok(k).low))
      return false;
    if (Word(k, "-"sv)) return false;
  }
  m->end = k;
  m->value = FmtYear(y);
  return true;
}

}  // namespace tkg::extract::timex
