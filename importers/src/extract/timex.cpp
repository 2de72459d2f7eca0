// Time expressions: the public entry point, the scanner loop, modifiers ("early", "about") and
// the recognisers and anchoring helpers shared by the rule families.
#include "tkg/importers/extract/timex.h"

#include <string>
#include <unordered_set>

#include "timex_rules.h"

namespace tkg::extract::timex {
namespace {

using std::string_view_literals::operator""sv;

// `next` is the token after t, or nullptr. An apostrophe starts an expression only as "'98" or
// "'90s" (YearNumber and the decades of YearRule; every other rule wants a word or a number
// first), so most apostrophes ("Trump's") are passed over without trying every rule.
bool MayStart(const Token& t, const Token* next) {
  if (t.kind == TokKind::kNumber) return true;
  if (t.kind == TokKind::kPunct)
    return (t.low == "'"sv || t.low == "\xe2\x80\x99"sv) && next != nullptr &&
           next->kind == TokKind::kNumber && !next->space_before;
  return t.lex != nullptr || t.trigger;
}

bool IsDateOrTime(const Match& m) {
  if (m.value.empty()) return false;
  std::string_view t = m.type;
  if (t != "DATE"sv && t != "TIME"sv) return false;
  char c = m.value[0];
  return (c >= '0' && c <= '9') || c == 'X';
}

// "ABC's This Week", "CBS' 60 Minutes", the film "13 Hours": a capitalised unit word right
// after a possessive or an opening quotation mark names a show, a book or a film. "Day" is left
// out: holidays ("the nation's Memorial Day") are spelt that way.
bool IsTitle(const std::vector<Token>& toks, const Match& m) {
  if (m.begin == 0 || m.end - m.begin < 2) return false;
  bool capital_unit = false;
  for (size_t q = m.begin; q < m.end; ++q) {
    const Token& t = toks[q];
    if (t.kind == TokKind::kPunct) return false;
    if (t.kind == TokKind::kWord && !t.cap) return false;
    if (t.lex != nullptr && t.lex->unit != Unit::kNone && t.lex->unit != Unit::kDay) {
      capital_unit = true;
    }
  }
  if (!capital_unit) return false;
  const Token& p = toks[m.begin - 1];
  std::string_view w = p.low;
  if (p.kind == TokKind::kPunct)
    return w == "\""sv || w == "'"sv || w == "`"sv || w == "\xe2\x80\x9c"sv ||
           w == "\xe2\x80\x98"sv || w == "\xe2\x80\x99"sv;
  // "ABC's This Week": the "s" glued to an apostrophe.
  return w == "s"sv && m.begin >= 2 && !p.space_before &&
         (toks[m.begin - 2].low == "'"sv || toks[m.begin - 2].low == "\xe2\x80\x99"sv);
}

}  // namespace

Scanner::Scanner(std::string_view text, std::vector<Token> toks, std::optional<DayNumber> ref)
    : text_(text), toks_(std::move(toks)), ref_(ref) {
  if (ref_) r_ = ToYmd(*ref_);
}

// ---- shared recognisers ----

bool Scanner::MonthName(size_t i, int* m, size_t* next) const {
  const Lex* l = L(i);
  if (l == nullptr || l->month == 0) return false;
  const Token& t = tok(i);
  size_t j = i + 1;
  if (l->abbrev) {
    if (Punct(j, '.') && Glued(j)) {
      ++j;
    } else if (!(IsNum(j) && tok(j).digits <= 4)) {
      return false;  // "dec" / "mar" without a dot or a number after it
    }
    if (!t.cap) return false;
  } else if (!t.cap) {
    return false;
  }
  *m = l->month;
  *next = j;
  return true;
}

bool Scanner::WeekdayName(size_t i, int* wd, size_t* next) const {
  const Lex* l = L(i);
  if (l == nullptr || l->weekday == 0) return false;
  size_t j = i + 1;
  if (l->abbrev) {
    if (!(Punct(j, '.') && Glued(j)) || !tok(i).cap) return false;
    ++j;
  }
  *wd = l->weekday;
  *next = j;
  return true;
}

bool Scanner::DayOfMonth(size_t i, int* d, size_t* next) const {
  if (IsNum(i)) {
    const Token& t = tok(i);
    if (t.digits > 2 || t.num < 1 || t.num > 31) return false;
    if (!t.suffix.empty() && t.suffix != "st"sv && t.suffix != "nd"sv && t.suffix != "rd"sv &&
        t.suffix != "th"sv)
      return false;
    if ((Punct(i + 1, ':') && IsNum(i + 2) && Glued(i + 2)) || Punct(i + 1, '%') ||
        (Punct(i + 1, '.') && IsNum(i + 2) && Glued(i + 2)))
      return false;  // a clock time or a decimal
    *d = static_cast<int>(t.num);
    *next = i + 1;
    return true;
  }
  const Lex* l = L(i);
  if (l != nullptr && l->ordinal > 0 && l->ordinal <= 31) {
    int v = l->ordinal;
    size_t j = i + 1;
    *d = v;
    *next = j;
    return true;
  }
  // "twenty-first", "thirty-first"
  if (l != nullptr && (l->number == 20 || l->number == 30) && Punct(i + 1, '-') && L(i + 2) &&
      L(i + 2)->ordinal > 0 && L(i + 2)->ordinal < 10) {
    int v = l->number + L(i + 2)->ordinal;
    if (v > 31) return false;
    *d = v;
    *next = i + 3;
    return true;
  }
  return false;
}

bool Scanner::YearNumber(size_t i, int* y, size_t* next) const {
  if (IsNum(i)) {
    const Token& t = tok(i);
    if (t.digits != 4 || !t.suffix.empty() || t.num < 1000 || t.num > 2999) return false;
    if (t.end - t.begin != 4) return false;  // "1,998"
    *y = static_cast<int>(t.num);
    *next = i + 1;
    return true;
  }
  // Spoken years: "nineteen ninety-six", "nineteen eighty", "two thousand (and) one" (the last
  // only where a year is expected: "the year two thousand", "January two thousand").
  if (L(i) && (L(i)->number == 19 || L(i)->number == 18) && L(i + 1) && L(i + 1)->number >= 20 &&
      L(i + 1)->number <= 90 && L(i + 1)->number % 10 == 0) {
    int v = L(i)->number * 100 + L(i + 1)->number;
    size_t j = i + 2;
    if (Punct(j, '-') && Glued(j) && L(j + 1) && L(j + 1)->number > 0 && L(j + 1)->number < 10) {
      v += L(j + 1)->number;
      j += 2;
    } else if (L(j) && L(j)->number > 0 && L(j)->number < 10) {
      v += L(j)->number;
      ++j;
    }
    *y = v;
    *next = j;
    return true;
  }
  if (Word(i, "two"sv) && Word(i + 1, "thousand"sv) && i > 0 &&
      (Word(i - 1, "year"sv) || (L(i - 1) && L(i - 1)->month))) {
    size_t j = i + 2;
    int v = 2000;
    if (Word(j, "and"sv) && L(j + 1) && L(j + 1)->number > 0 && L(j + 1)->number < 20) ++j;
    if (L(j) && L(j)->number > 0 && L(j)->number < 20) {
      v += L(j)->number;
      ++j;
    }
    *y = v;
    *next = j;
    return true;
  }
  // '98
  if (i + 1 < size() && (tok(i).low == "'"sv || tok(i).low == "\xe2\x80\x99"sv) &&
      PlainNum(i + 1) && Glued(i + 1) && tok(i + 1).digits == 2) {
    if (L(i + 2) && L(i + 2)->unit != Unit::kNone) return false;  // "''60 Minutes''"
    int v = static_cast<int>(tok(i + 1).num);
    int century = has_ref() ? (r_.y / 100) * 100 : 1900;
    int yy = century + v;
    if (has_ref() && yy > r_.y + 20) yy -= 100;
    *y = yy;
    *next = i + 2;
    return true;
  }
  return false;
}

bool Scanner::Count(size_t i, double* n, size_t* next, bool allow_article) const {
  if (i >= size()) return false;
  const Token& t = tok(i);
  if (t.kind == TokKind::kNumber) {
    if (!t.suffix.empty()) return false;
    double v = static_cast<double>(t.num);
    size_t j = i + 1;
    // decimals: "2.5"
    if (Punct(j, '.') && Glued(j) && PlainNum(j + 1) && Glued(j + 1)) {
      double frac = static_cast<double>(tok(j + 1).num);
      double div = 1;
      for (int k = 0; k < tok(j + 1).digits; ++k) div *= 10;
      v += frac / div;
      j += 2;
    }
    // "5 1/2"
    if (PlainNum(j) && Punct(j + 1, '/') && Glued(j + 1) && PlainNum(j + 2) && Glued(j + 2) &&
        tok(j + 2).num > 0 && tok(j).num < tok(j + 2).num) {
      v += static_cast<double>(tok(j).num) / static_cast<double>(tok(j + 2).num);
      j += 3;
    }
    // "2 million" etc. are not counts of time.
    *n = v;
    *next = j;
    return true;
  }
  if (t.kind != TokKind::kWord) return false;
  if (allow_article && (t.low == "a"sv || t.low == "an"sv)) {
    // "a few", "a couple of", "a dozen", "a hundred"
    if (Word(i + 1, "few"sv)) {
      *n = -1;
      *next = i + 2;
      return true;
    }
    if (Word(i + 1, "couple"sv)) {
      *n = 2;
      *next = Word(i + 2, "of"sv) ? i + 3 : i + 2;
      return true;
    }
    if (L(i + 1) &&
        (L(i + 1)->number == 100 || L(i + 1)->number == 1000 || L(i + 1)->number == 12)) {
      *n = L(i + 1)->number;
      *next = i + 2;
      return true;
    }
    *n = 1;
    *next = i + 1;
    return true;
  }
  if (t.low == "couple"sv && Word(i + 1, "of"sv)) {
    *n = 2;
    *next = i + 2;
    return true;
  }
  if (t.low == "several"sv || t.low == "few"sv || t.low == "many"sv || t.low == "some"sv) {
    *n = -1;
    *next = i + 1;
    return true;
  }
  const Lex* l = t.lex;
  if (l == nullptr || l->number < 0) return false;
  long total = 0;
  long cur = 0;
  size_t j = i;
  bool any = false;
  while (j < size()) {
    const Lex* x = L(j);
    if (x == nullptr || x->number < 0) break;
    int v = x->number;
    if (v == 100) {
      cur = (cur == 0 ? 1 : cur) * 100;
    } else if (v == 1000) {
      total += (cur == 0 ? 1 : cur) * 1000;
      cur = 0;
    } else if (v == 12 && tok(j).low == "dozen"sv) {
      cur = (cur == 0 ? 1 : cur) * 12;
    } else {
      if (cur % 100 >= 20 && cur % 10 == 0 && v < 10 && any) {
        cur += v;
      } else if (any && cur != 0 && cur % 100 == 0) {
        cur += v;
      } else if (any) {
        break;
      } else {
        cur = v;
      }
    }
    any = true;
    ++j;
    // "twenty-five": hyphen between tens and ones; "one hundred and five"
    if (Punct(j, '-') && Glued(j) && L(j + 1) && L(j + 1)->number > 0 && L(j + 1)->number < 10 &&
        cur % 100 >= 20 && cur % 10 == 0) {
      ++j;
      continue;
    }
    if (Word(j, "and"sv) && cur >= 100 && L(j + 1) && L(j + 1)->number > 0 &&
        L(j + 1)->number < 100) {
      ++j;
    }
  }
  if (!any) return false;
  *n = static_cast<double>(total + cur);
  // "one and a half", "two and a half"
  if (Word(j, "and"sv) && Word(j + 1, "a"sv) && Word(j + 2, "half"sv)) {
    *n += 0.5;
    j += 3;
  }
  *next = j;
  return true;
}

bool Scanner::Meridiem(size_t i, bool* pm, size_t* next) const {
  if (i >= size() || tok(i).kind != TokKind::kWord) return false;
  std::string_view w = tok(i).low;
  if (w == "am"sv || w == "pm"sv) {
    *pm = w[0] == 'p';
    *next = i + 1;
    if (Punct(*next, '.') && Glued(*next)) ++*next;
    return true;
  }
  if ((w == "a"sv || w == "p"sv) && Punct(i + 1, '.') && Glued(i + 1) && Word(i + 2, "m"sv) &&
      Glued(i + 2)) {
    *pm = w[0] == 'p';
    *next = i + 3;
    if (Punct(*next, '.') && Glued(*next)) ++*next;
    return true;
  }
  return false;
}

size_t Scanner::SkipTimeZone(size_t i) const {
  if (i >= size() || tok(i).kind != TokKind::kWord) return i;
  static const auto* zones = new std::unordered_set<std::string_view>{
      "est"sv, "edt"sv, "cst"sv, "cdt"sv,  "mst"sv, "mdt"sv, "pst"sv, "pdt"sv, "gmt"sv,
      "utc"sv, "bst"sv, "cet"sv, "cest"sv, "et"sv,  "pt"sv,  "ct"sv,  "jst"sv, "hkt"sv};
  const Token& t = tok(i);
  if (!t.cap) return i;
  if (zones->count(t.low)) return i + 1;
  if ((t.low == "eastern"sv || t.low == "pacific"sv || t.low == "central"sv ||
       t.low == "mountain"sv) &&
      Word(i + 1, "time"sv))
    return i + 2;
  return i;
}

// ---- anchoring ----

int Scanner::YearFor(int m, int d, Tense tense) const {
  if (!has_ref()) return -1;
  // News mostly speaks of dates near the reference day: keep its year unless the tense rules it
  // out by a wide margin ("in November" said in April of a past event -> last November).
  DayNumber same = FromYmd(r_.y, m, d == 0 ? 15 : d);
  int diff = same - *ref_;
  int slack = d == 0 ? 75 : 60;
  if (tense == Tense::kPast) {
    // A month well after the reference month has not come yet this year: it was last year's.
    if (d == 0) return m > r_.m + 1 ? r_.y - 1 : r_.y;
    return diff > 100 ? r_.y - 1 : r_.y;
  }
  if (tense == Tense::kFuture) return diff < -slack ? r_.y + 1 : r_.y;
  // Present tense ("the vote is on Nov. 8"): the occurrence nearest to the reference day, with
  // this year's preferred up to eight months away.
  if (tense == Tense::kPresent) {
    if (diff > 240) return r_.y - 1;
    if (diff < -240) return r_.y + 1;
    return r_.y;
  }
  // No tense: the nearer occurrence ("a key factor in November" said in June is the coming
  // November), with a tie going back; a month long gone this year is the coming one.
  if (diff > 180) return r_.y - 1;
  if (diff < -240) return r_.y + 1;
  return r_.y;
}

DayNumber Scanner::WeekdayDate(int wd, int dir, Tense tense) const {
  int rw = IsoWeekday(*ref_);
  int back = (rw - wd + 7) % 7;
  int fwd = (wd - rw + 7) % 7;
  if (dir < 0) return *ref_ - (back == 0 ? 7 : back);
  if (dir > 0) return *ref_ + (fwd == 0 ? 7 : fwd);
  if (back == 0) return *ref_;
  if (tense == Tense::kFuture) return *ref_ + fwd;
  return *ref_ - back;
}

bool Scanner::ReportedQuarter(int* y, int* q) const {
  if (!ParseQuarterValue(last_date_, y, q)) {
    // "the third quarter ended Sept. 30": a day inside the last quarter named still points to it.
    int dy = 0, dm = 0, dd = 0;
    if (!ParseQuarterValue(last_quarter_, y, q) ||
        ParseCalendarPrefix(last_date_, &dy, &dm, &dd) != 3 || dy != *y || QuarterOf(dm) != *q)
      return false;
  }
  return !has_ref() || *y * 4 + *q <= r_.y * 4 + QuarterOf(r_.m);
}

// ---- the scanner ----

bool Scanner::Head(size_t i, Match* best) {
  bool found = false;
  Match m;
  // Inlined: as a call it cost more than most rules' own early exits.
  auto consider = [&](bool ok) __attribute__((always_inline)) {
    if (ok && m.end > i && (!found || m.end > best->end)) {
      m.begin = i + m.begin_shift;
      std::swap(*best, m);
      found = true;
    }
    // Reset in place: this runs a dozen times per candidate token.
    m.end = 0;
    m.type = "DATE";
    m.value.clear();
    m.anaphoric = false;
    m.begin_shift = 0;
  };
  consider(CalendarRule(i, &m));
  consider(WeekdayRule(i, &m));
  consider(ClockRule(i, &m));
  consider(YearRule(i, &m));
  consider(DeicticRule(i, &m));
  consider(RelativeRule(i, &m));
  consider(QuarterRule(i, &m));
  consider(AnaphoraRule(i, &m));
  consider(DurationRule(i, &m));
  consider(SetRule(i, &m));
  consider(RefRule(i, &m));
  consider(HolidayRule(i, &m));
  return found;
}

// Heads of the modifiers Best puts before a rule's match: approximators ("at least", "no more
// than", "up to", "more than") and "the end/beginning/start/middle/turn of". The other
// approximators ("about", "over", ...) are not gated.
const LeadHeads kModifierHeads[] = {{"at", 0, "least most"},
                                    {"no", 0, "more less"},
                                    {"up", 0, "to"},
                                    {"more", 0, "than"},
                                    {"the", 0, "end beginning start middle turn"},
                                    {}};

bool Scanner::Best(size_t i, Match* best) {
  bool found = Head(i, best);
  // Approximators belong to durations, offsets and clock times: "about two years",
  // "nearly four years ago", "around 7:15 p.m.".
  size_t j = i;
  if (Word(i, "about"sv) || Word(i, "around"sv) || Word(i, "nearly"sv) || Word(i, "almost"sv) ||
      Word(i, "roughly"sv) || Word(i, "approximately"sv) || Word(i, "some"sv) ||
      Word(i, "just"sv) || Word(i, "over"sv) || Word(i, "right"sv)) {
    j = i + 1;
  } else if ((Word(i, "more"sv) || Word(i, "less"sv) || Word(i, "fewer"sv)) &&
             Word(i + 1, "than"sv)) {
    j = i + 2;
  } else if (Word(i, "at"sv) && (Word(i + 1, "least"sv) || Word(i + 1, "most"sv))) {
    j = i + 2;
  } else if (Word(i, "no"sv) && (Word(i + 1, "more"sv) || Word(i + 1, "less"sv)) &&
             Word(i + 2, "than"sv)) {
    j = i + 3;
  } else if (Word(i, "up"sv) && Word(i + 1, "to"sv)) {
    j = i + 2;
  }
  if (j > i) {
    Match h;
    if (Head(j, &h)) {
      std::string_view t = h.type;
      bool numeric_start = IsNum(j) || (L(j) && L(j)->number >= 0) || Word(j, "a"sv) ||
                           Word(j, "an"sv) || Word(j, "the"sv);
      bool ok = (t == "DURATION"sv && numeric_start && h.begin == j) ||
                (Word(i, "right"sv) && Word(j, "now"sv)) || (t == "TIME"sv && IsNum(j)) ||
                (t == "DATE"sv && numeric_start && Word(h.end - 1, "ago"sv));
      if (Word(i, "some"sv) || Word(i, "just"sv)) ok = ok && t == "DURATION"sv && IsNum(j);
      if (Word(i, "over"sv))
        ok = ok && t == "DURATION"sv && (IsNum(j) || Word(j, "a"sv) || Word(j, "an"sv));
      if (Word(i, "right"sv)) ok = Word(j, "now"sv);
      if (ok && (!found || h.end >= best->end)) {
        *best = h;
        best->begin = i;
        found = true;
      }
    }
  }
  // Date modifiers: "early next year", "late November", "mid-1990s", "the end of 1990",
  // "earlier this month", "later today".
  size_t k = i;
  if (Word(i, "early"sv) || Word(i, "late"sv) || Word(i, "earlier"sv) || Word(i, "later"sv) ||
      Word(i, "mid"sv)) {
    k = i + 1;
    if (Punct(k, '-') && Glued(k)) ++k;
  } else if (Word(i, "the"sv) &&
             (Word(i + 1, "end"sv) || Word(i + 1, "beginning"sv) || Word(i + 1, "start"sv) ||
              Word(i + 1, "middle"sv) || Word(i + 1, "turn"sv)) &&
             Word(i + 2, "of"sv)) {
    k = i + 3;
  } else if ((Word(i, "end"sv) || Word(i, "beginning"sv) || Word(i, "start"sv)) &&
             Word(i + 1, "of"sv) && i > 0 && !Word(i - 1, "the"sv)) {
    k = i + 2;
  }
  if (k > i) {
    Match h;
    // TimeBank leaves "early"/"late" outside a weekday: "Late Monday" -> "Monday".
    bool weekday_head = L(k) && L(k)->weekday;
    if (!weekday_head && Head(k, &h) && IsDateOrTime(h) && (!found || h.end >= best->end)) {
      *best = h;
      best->begin = i;
      found = true;
    }
  }
  return found;
}

std::vector<TimeExpression> Scanner::Run() {
  std::vector<TimeExpression> out;
  size_t i = 0;
  size_t prev_end = 0;  // token after the last expression
  std::string prev_value;
  while (i < toks_.size()) {
    if (i == prev_end && !prev_value.empty()) {
      Match d;
      if (SecondDay(i, prev_value, &d)) {
        TimeExpression te;
        te.span.begin = toks_[d.begin].begin;
        te.span.end = toks_[d.end - 1].end;
        te.type = "DATE";
        te.value = d.value;
        out.push_back(std::move(te));
        i = d.end;
        prev_value.clear();
        continue;
      }
    }
    if (!MayStart(toks_[i], i + 1 < toks_.size() ? &toks_[i + 1] : nullptr) ||
        !HeadsAdmit(toks_, i)) {
      ++i;
      continue;
    }
    Match m;
    if (!Best(i, &m) || m.end <= i || m.value.empty()) {
      ++i;
      continue;
    }
    if (IsTitle(toks_, m)) {
      i = m.end;
      continue;
    }
    TimeExpression te;
    te.span.begin = toks_[m.begin].begin;
    te.span.end = toks_[m.end - 1].end;
    te.type = m.type;
    te.value = m.value;
    if (!m.anaphoric && te.type == "DATE"sv && !te.value.empty() && te.value[0] >= '0' &&
        te.value[0] <= '9')
      last_date_ = te.value;
    if (!m.anaphoric && te.value.size() == 7 && te.value[5] == 'Q') last_quarter_ = te.value;
    if (!m.anaphoric && te.type == "TIME"sv && te.value.size() >= 10 && te.value[0] >= '0' &&
        te.value[0] <= '9')
      last_date_ = te.value.substr(0, 10);
    prev_value = te.type == "DATE"sv ? te.value : std::string();
    out.push_back(std::move(te));
    i = m.end;
    prev_end = i;
  }
  return out;
}

}  // namespace tkg::extract::timex

namespace tkg::extract {

std::vector<TimeExpression> FindTimeExpressions(std::string_view text,
                                                const TimexOptions& options) {
  std::string lower;
  std::vector<timex::Token> toks = timex::Tokenize(text, &lower);
  timex::Scanner scanner(text, std::move(toks), options.reference_day);
  return scanner.Run();
}

}  // namespace tkg::extract
