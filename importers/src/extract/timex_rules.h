// Time expressions, private: the scanner that walks the token stream, tries every rule family at
// each token and keeps the longest match. Rule families live in small files by concern:
//   timex_rules_calendar.cpp  explicit dates, month and weekday names, years, decades, clock times
//   timex_rules_relative.cpp  deictic words, relative units ("last week"), fiscal quarters
//   timex_rules_anaphora.cpp  "that day", "the year-ago period", holidays
//   timex_rules_duration.cpp  durations, "ago" offsets, sets, vague references
// Each rule recognises a span and normalises it at once against the Anchor (reference day, tense
// of the clause, the last date the text mentioned).
// Thread safety: a Scanner is used by one thread for one text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "timex_calendar.h"
#include "timex_context.h"
#include "timex_heads.h"
#include "timex_tokens.h"
#include "tkg/schema/types.h"

namespace tkg::extract::timex {

struct Match {
  size_t begin = 0;  // token range [begin, end)
  size_t end = 0;
  const char* type = "DATE";
  std::string value;
  // Counted from another date ("a year earlier", "the year-ago quarter"): it does not become
  // the date later anaphora refer back to.
  bool anaphoric = false;
  // Tokens to drop from the front of the match ("the" before an adjective: "the two-week").
  size_t begin_shift = 0;
};

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<Token> toks, std::optional<DayNumber> ref);
  std::vector<TimeExpression> Run();

  // ---- token helpers (shared by the rule files) ----
  size_t size() const { return toks_.size(); }
  const Token& tok(size_t i) const { return toks_[i]; }
  // The rules ask this a dozen times per candidate token: the length and the first letter
  // settle nearly every mismatch before a memcmp call.
  [[gnu::always_inline]] bool Word(size_t i, std::string_view w) const {
    if (i >= toks_.size()) return false;
    const Token& t = toks_[i];
    return t.kind == TokKind::kWord && t.low.size() == w.size() && !w.empty() && t.low[0] == w[0] &&
           t.low == w;
  }
  bool Punct(size_t i, char c) const {
    return i < toks_.size() && toks_[i].kind == TokKind::kPunct && toks_[i].low.size() == 1 &&
           toks_[i].low[0] == c;
  }
  // Token i is glued to token i-1 (no space between).
  bool Glued(size_t i) const { return i < toks_.size() && i > 0 && !toks_[i].space_before; }
  const Lex* L(size_t i) const { return i < toks_.size() ? toks_[i].lex : nullptr; }
  bool IsNum(size_t i) const { return i < toks_.size() && toks_[i].kind == TokKind::kNumber; }
  // A plain number token: digits only, no glued suffix.
  bool PlainNum(size_t i) const { return IsNum(i) && toks_[i].suffix.empty(); }
  Tense TenseOf(size_t b, size_t e) const { return TenseAround(toks_, b, e); }

  // ---- shared recognisers ----
  // A month name at i ("March", "Sept.", "Sep"); `strict` demands evidence that "May" or a
  // lower-case name is a month. Sets *m and *next.
  bool MonthName(size_t i, int* m, size_t* next) const;
  bool WeekdayName(size_t i, int* wd, size_t* next) const;
  bool DayOfMonth(size_t i, int* d, size_t* next) const;    // "5", "5th", "fifth"
  bool YearNumber(size_t i, int* y, size_t* next) const;    // "1998", "'98", "nineteen ninety-six"
  bool RelativeYear(size_t i, int* y, size_t* next) const;  // "last year", "this year", "next year"
  // A count: "3", "5 1/2", "two", "twenty-five", "a", "an", "one hundred"; "a few", "several"
  // give -1 (unspecified). allow_article admits "a"/"an".
  bool Count(size_t i, double* n, size_t* next, bool allow_article) const;
  // "a.m." / "am" / "p.m." / "pm" at i: sets *pm.
  bool Meridiem(size_t i, bool* pm, size_t* next) const;
  size_t SkipTimeZone(size_t i) const;
  // The word before token i marks a following number as a year ("in", "since", "its", ...).
  bool YearContextBefore(size_t i) const;
  // "today's youth", "the children of today": "today" for the present age, not a date.
  bool GenericToday(size_t i) const;
  // A bare day number continuing a date: "April 24 and 25" -> 25 in the same month.
  bool SecondDay(size_t i, const std::string& prev_value, Match* m) const;

  // ---- anchoring ----
  bool has_ref() const { return ref_.has_value(); }
  DayNumber ref() const { return *ref_; }
  const Ymd& r() const { return r_; }
  // The year of a month (and day, 0 = none) without a year, chosen by the tense of the clause.
  int YearFor(int m, int d, Tense tense) const;
  // The date of a weekday: dir -1 "last", +1 "next", 0 by tense.
  DayNumber WeekdayDate(int wd, int dir, Tense tense) const;
  const std::string& last_date() const { return last_date_; }
  // The quarter a comparison with a year before starts from ("the year-ago period"): the last
  // one the text named, also when a day inside it came after ("the third quarter ended Sept.
  // 30"), unless it lies ahead of the reference day's quarter (an outlook, not a result).
  bool ReportedQuarter(int* y, int* q) const;

  // ---- rule families ----
  bool CalendarRule(size_t i, Match* m);  // dates with month names, numeric dates
  bool WeekdayRule(size_t i, Match* m);   // "Monday", "last Friday", "Friday morning"
  bool ClockRule(size_t i, Match* m);     // "10:35 a.m.", "noon Thursday"
  bool YearRule(size_t i, Match* m);      // "1998", "the 1990s", "fiscal 1989", "the 20th century"
  bool DeicticRule(size_t i, Match* m);   // today, yesterday, now, tonight, this morning
  bool RelativeRule(size_t i, Match* m);  // last week, this year, next month, last fall
  bool QuarterRule(size_t i, Match* m);   // the third quarter, first-half, the year-ago quarter
  bool AnaphoraRule(size_t i, Match* m);  // that day, a year earlier, the same day
  bool ComparisonRule(size_t i, Match* m);  // the same period last year, the quarter a year ago
  bool DurationRule(size_t i, Match* m);    // three days, the past two years, 16-hour, ... ago
  bool SetRule(size_t i, Match* m);         // daily, every week, each year
  bool RefRule(size_t i, Match* m);         // recently, soon, the future, currently
  bool HolidayRule(size_t i, Match* m);     // Christmas, Thanksgiving, New Year's Day

  // The best match of all families at i, modifiers included; false if none.
  bool Best(size_t i, Match* m);

 private:
  bool Head(size_t i, Match* m);  // the longest match of the rule families, no modifiers

  std::string_view text_;
  std::vector<Token> toks_;
  std::optional<DayNumber> ref_;
  Ymd r_;
  std::string last_date_;
  std::string last_quarter_;  // the last quarter named, counted from the reference day
};

}  // namespace tkg::extract::timex
