// Time expressions: durations ("three days", "the past two years", "16-hour", "a decade"),
// offsets from the reference day ("two days ago" -> a date), sets ("daily", "every week") and
// vague references ("recently" -> PAST_REF, "soon" -> FUTURE_REF, "currently" -> PRESENT_REF).
#include <string>

#include "timex_rules.h"

namespace tkg::extract::timex {
namespace {

using std::string_view_literals::operator""sv;

// Plural words ending in -s that still let "a week" be a duration: "as", "was", "is", "has".
bool IsFunctionWordForRate(std::string_view w) {
  return w == "this"sv || w == "was"sv || w == "has"sv || w == "does"sv || w == "always"sv ||
         w == "perhaps"sv || w == "less"sv || w == "unless"sv || w == "across"sv;
}

// A date value `base` ("1989-10-26", "1989-10", "1989-Q3", "1989") moved by n units, kept at its
// own granularity where that is finer than the unit.
std::string ShiftValue(const std::string& base, double n, Unit u) {
  int whole = static_cast<int>(n);
  int y = 0, bm = 0, bd = 0;
  int parts = ParseCalendarPrefix(base, &y, &bm, &bd);
  if (parts == 0) return "";
  int months = 0, days = 0;
  switch (u) {
    case Unit::kYear:
      months = 12 * whole;
      break;
    case Unit::kDecade:
      months = 120 * whole;
      break;
    case Unit::kQuarter:
      months = 3 * whole;
      break;
    case Unit::kMonth:
      months = whole;
      break;
    case Unit::kWeek:
      days = 7 * whole;
      break;
    case Unit::kDay:
      days = whole;
      break;
    default:
      return "";
  }
  int q = 0;
  if (ParseQuarterValue(base, &y, &q)) {
    if (days != 0) return "";
    int total = y * 4 + (q - 1) + months / 3;
    return FmtQuarter(total / 4, total % 4 + 1);
  }
  if (base.size() == 4) {
    if (days != 0 || months % 12 != 0) return "";
    return FmtYear(y + months / 12);
  }
  if (parts == 2 && base.size() == 7) {
    if (days != 0) return "";
    Ymd t = ToYmd(AddMonths(FromYmd(y, bm, 1), months));
    return FmtMonth(t.y, t.m);
  }
  if (parts == 3) {
    DayNumber d = FromYmd(y, bm, bd);
    d = AddMonths(d, months) + days;
    return FmtDay(d);
  }
  return "";
}

// "will one day be", "hopes to one day lead": "one day" as "some day", an adverb between a modal
// or "to" and its verb, not a stretch of 24 hours.
bool SomeDay(const Scanner& s, size_t i) {
  if (!s.Word(i, "one"sv) || !s.Word(i + 1, "day"sv) || i == 0) return false;
  if (i + 2 >= s.size() || s.tok(i + 2).kind != TokKind::kWord || s.L(i + 2) != nullptr)
    return false;
  static const std::string_view kBefore[] = {"will"sv, "would"sv,  "could"sv, "may"sv, "might"sv,
                                             "can"sv,  "should"sv, "to"sv,    "ll"sv};
  std::string_view p = s.tok(i - 1).low;
  for (std::string_view w : kBefore)
    if (p == w) return true;
  return false;
}

}  // namespace

// Heads: a count ("3", "two", "several", "a"/"an", "half a"), a span word ("past", "next",
// "first", ...) or a unit ("years ago"); "the" before a span word, a number or a unit ("the past
// two years", "the two-week delay", "the weeks before": a count word that is not a number, "the
// few days", is refused at the end of the rule). After "a"/"an" the count is "a few",
// "a couple", "a hundred" or one, and then comes the unit, a hyphen ("a-") or a word that may
// stand between count and unit ("a further year", "an additional week").
const LeadHeads kDurationHeads[] = {
    {"the", kFollowNumber | kFollowLex,
     "past last next first coming previous following final preceding latest initial recent "
     "remaining"},
    {"a", kFollowLex | kFollowHyphen,
     "few couple more additional further trading business working straight consecutive full"},
    {"an", kFollowLex | kFollowHyphen,
     "few couple more additional further trading business working straight consecutive full"},
    {}};

bool Scanner::DurationRule(size_t i, Match* m) {
  if (SomeDay(*this, i)) return false;
  // "half a century", "half an hour": half of one unit, where TimeML can spell it whole (P50Y,
  // PT30M). "half a century ago" is left to the offset rules.
  if (Word(i, "half"sv) && (Word(i + 1, "a"sv) || Word(i + 1, "an"sv)) && L(i + 2) &&
      !L(i + 2)->plural && !Word(i + 3, "ago"sv) && !Word(i + 3, "earlier"sv) &&
      !Word(i + 3, "later"sv) && !(Punct(i + 3, '-') && Glued(i + 3))) {
    Unit u = L(i + 2)->unit;
    if (u == Unit::kCentury || u == Unit::kDecade || u == Unit::kYear || u == Unit::kHour ||
        u == Unit::kMinute) {
      m->end = i + 3;
      m->type = "DURATION";
      m->value = FmtDuration(0.5, u);
      return true;
    }
  }
  size_t j = i;
  bool the = false;
  if (Word(j, "the"sv)) {
    the = true;
    ++j;
  }
  // "the past two years", "the last three months", "the next few days", "the first nine months",
  // "past 20 years", "the coming weeks".
  bool span_word = false;
  if (Word(j, "past"sv) || Word(j, "last"sv) || Word(j, "next"sv) || Word(j, "first"sv) ||
      Word(j, "coming"sv) || Word(j, "previous"sv) || Word(j, "following"sv) ||
      Word(j, "final"sv) || Word(j, "preceding"sv) || Word(j, "latest"sv) || Word(j, "initial"sv) ||
      Word(j, "recent"sv) || Word(j, "remaining"sv)) {
    span_word = true;
    ++j;
  }
  double n = 0;
  size_t k = 0;
  bool counted = Count(j, &n, &k, !the && !span_word);
  if (!counted) {
    // Plural unit without a count: "the past few years" was counted; here "the coming weeks",
    // "the past months", "for years", "years ago".
    // "a day-long meeting", "a year-long inquiry"
    if (L(j) && L(j)->unit != Unit::kNone && !L(j)->plural && Punct(j + 1, '-') && Glued(j + 1) &&
        Word(j + 2, "long"sv) && Glued(j + 2) && L(j)->unit != Unit::kWeekend) {
      m->end = j + 3;
      m->type = "DURATION";
      m->value = FmtDuration(1, L(j)->unit);
      return true;
    }
    if (L(j) && L(j)->unit != Unit::kNone && L(j)->plural && (span_word || !the)) {
      Unit u = L(j)->unit;
      if (u == Unit::kWeekend) return false;
      if (Word(j + 1, "ago"sv)) {
        m->end = j + 2;
        m->value = "PAST_REF";
        return true;
      }
      if (span_word) {
        if (Word(j - 1, "recent"sv)) return false;  // "recent years": a reference, see RefRule
        m->end = j + 1;
        if (Word(j - 1, "coming"sv) || Word(j - 1, "upcoming"sv)) {
          m->value = "FUTURE_REF";  // "in (the) coming months"
          return true;
        }
        m->type = "DURATION";
        m->value = FmtDuration(-1, u);
        return true;
      }
      // "in the weeks before the shooting", "the days after": stretches anchored to an event.
      if (j > 0 && Word(j - 1, "the"sv) &&
          (Word(j + 1, "before"sv) || Word(j + 1, "after"sv) || Word(j + 1, "following"sv) ||
           Word(j + 1, "leading"sv) || Word(j + 1, "that"sv) || Word(j + 1, "ahead"sv)) &&
          (u == Unit::kDay || u == Unit::kWeek || u == Unit::kMonth || u == Unit::kYear)) {
        m->end = j + 1;
        m->type = "DURATION";
        m->value = FmtDuration(-1, u);
        return true;
      }
      // "for years", "over decades", "within hours"; "decades-long"
      if (Punct(j + 1, '-') && Glued(j + 1) && (Word(j + 2, "long"sv) || Word(j + 2, "old"sv))) {
        m->end = j + 3;
        m->type = "DURATION";
        m->value = FmtDuration(-1, u == Unit::kDecade || u == Unit::kCentury ? Unit::kYear : u);
        return true;
      }
      // "for the first time in years."
      bool in_closing = Word(j - 1, "in"sv) && j + 1 < size() && tok(j + 1).kind == TokKind::kPunct;
      if (j > 0 && (in_closing || Word(j - 1, "for"sv) || Word(j - 1, "over"sv) ||
                    Word(j - 1, "within"sv) || Word(j - 1, "took"sv) || Word(j - 1, "take"sv) ||
                    Word(j - 1, "takes"sv) || Word(j - 1, "lasted"sv) || Word(j - 1, "spent"sv))) {
        if (u == Unit::kSecond || u == Unit::kMinute || u == Unit::kQuarter) return false;
        m->end = j + 1;
        m->type = "DURATION";
        m->value = FmtDuration(-1, u == Unit::kDecade || u == Unit::kCentury ? Unit::kYear : u);
        return true;
      }
    }
    return false;
  }
  if (k >= size()) return false;
  // "the past few months", "the last several quarters": the recent past, vaguely.
  if (n < 0 && span_word && (Word(j - 1, "past"sv) || Word(j - 1, "last"sv)) && L(k) &&
      L(k)->unit != Unit::kNone && L(k)->plural) {
    m->end = k + 1;
    m->value = "PAST_REF";
    return true;
  }
  bool article = (Word(j, "a"sv) || Word(j, "an"sv)) && n == 1;
  // "16-hour", "two-year", "five-day": adjectival durations.
  bool hyphen = false;
  size_t u = k;
  if (Punct(k, '-') && Glued(k) && Glued(k + 1)) {
    hyphen = true;
    u = k + 1;
  } else if ((Word(k, "more"sv) || Word(k, "additional"sv) || Word(k, "further"sv) ||
              Word(k, "trading"sv) || Word(k, "business"sv) || Word(k, "working"sv) ||
              Word(k, "straight"sv) || Word(k, "consecutive"sv) || Word(k, "full"sv)) &&
             L(k + 1) && L(k + 1)->unit != Unit::kNone) {
    u = k + 1;  // "two more weeks", "eight trading days", "an additional year"
  }
  const Lex* l = L(u);
  if (l == nullptr || l->unit == Unit::kNone) return false;
  Unit unit = l->unit;
  if (unit == Unit::kWeekend) return false;
  // "a year-earlier quarter", "the 1988 second quarter": not counts of units.
  if (Punct(u + 1, '-') && Glued(u + 1) && !Word(u + 2, "long"sv)) return false;
  if (unit == Unit::kSecond && !l->plural && n != 1) return false;
  if (IsNum(j) && tok(j).digits == 4 && !l->plural) return false;
  if (hyphen && l->plural && !(Punct(u + 1, '-') && Word(u + 2, "long"sv))) return false;
  if (!hyphen && n == 1 && l->plural && !IsNum(j)) return false;
  if (!hyphen && n != 1 && n > 0 && !l->plural && !IsNum(j) && !article) {
    // "two year" is unusual but "two day" appears in transcripts; accept.
  }
  if (article && l->plural) return false;
  // A number that is clearly something else: "3 second-half goals", "a second time".
  if (unit == Unit::kSecond && !l->plural && !IsNum(j) && (Word(j, "a"sv) || Word(j, "one"sv)) &&
      u + 1 < size() && tok(u + 1).kind == TokKind::kWord && !Word(u + 1, "ago"sv) &&
      !Word(u + 1, "later"sv) && !Word(u + 1, "earlier"sv))
    return false;
  if (unit == Unit::kQuarter && !l->plural && (Word(u + 1, "of"sv) || (article && !span_word)))
    return false;
  if (unit == Unit::kQuarter && hyphen) return false;
  if (IsNum(j) && tok(j).num > 5000 && unit != Unit::kSecond && unit != Unit::kMinute) return false;
  if (IsNum(j) && j > 0 && (Punct(j - 1, '$') || Punct(j - 1, '.'))) return false;
  size_t end = u + 1;
  // Ages are not time expressions: "a 6-year-old boy", "Smith, 52 years old".
  if (Word(end, "old"sv) || Word(end + 1, "old"sv)) return false;
  if (hyphen && Punct(end, '-') && Glued(end) && Word(end + 1, "long"sv)) end += 2;
  // "a minute and a half", "two and a half years" (the latter counted already)
  if (!hyphen && Word(end, "and"sv) && Word(end + 1, "a"sv) && Word(end + 2, "half"sv)) {
    n += 0.5;
    end += 3;
  }
  // "N units ago": a date counted back from the reference day.
  size_t after = end;
  bool or_so = Word(after, "or"sv) && Word(after + 1, "so"sv);
  if (or_so) after += 2;
  if (!hyphen && !span_word && !the && Word(after, "ago"sv)) {
    m->end = after + 1;
    m->anaphoric = true;
    if (n < 0) {
      m->value = "PAST_REF";
      return true;
    }
    if (!has_ref()) {
      m->value = "PAST_REF";
      return true;
    }
    int w = static_cast<int>(n);
    // In a text about quarters, "a year ago" is the same quarter a year before.
    int qy = 0, qq = 0;
    if (unit == Unit::kYear && ParseQuarterValue(last_date(), &qy, &qq) && qy == r_.y) {
      m->value = FmtQuarter(qy - w, qq);
      return true;
    }
    switch (unit) {
      case Unit::kDay:
        m->value = FmtDay(ref() - w);
        return true;
      case Unit::kWeek:
        m->value = FmtIsoWeek(ref() - 7 * w);
        return true;
      case Unit::kMonth: {
        Ymd t = ToYmd(AddMonths(FromYmd(r_.y, r_.m, 1), -w));
        m->value = FmtMonth(t.y, t.m);
        return true;
      }
      case Unit::kQuarter: {
        int total = r_.y * 4 + QuarterOf(r_.m) - 1 - w;
        m->value = FmtQuarter(total / 4, total % 4 + 1);
        return true;
      }
      case Unit::kYear:
        m->value = FmtYear(r_.y - w);
        return true;
      case Unit::kDecade:
        m->value = FmtYear(r_.y - 10 * w);
        return true;
      case Unit::kCentury:
        m->value = FmtYear(r_.y - 100 * w);
        return true;
      default:
        m->value = FmtDay(ref());
        return true;
    }
  }
  // "a year earlier": the last date mentioned, moved. Shorter units make a duration whose
  // span stops before "later" ("three days later").
  if (!hyphen && !span_word && !the && (Word(after, "earlier"sv) || Word(after, "later"sv)) &&
      n > 0 && (unit == Unit::kYear || unit == Unit::kQuarter || unit == Unit::kDecade)) {
    m->anaphoric = true;
    double sn = Word(after, "earlier"sv) ? -n : n;
    std::string v = ShiftValue(last_date(), sn, unit);
    if (v.empty() && has_ref() && unit == Unit::kYear) v = FmtYear(r_.y + static_cast<int>(sn));
    if (!v.empty()) {
      m->end = after + 1;
      m->value = v;
      return true;
    }
    // Otherwise a duration "two hours later": fall through, span without "later".
  }
  // "once a year", "twice a week", "$5 a day": a set.
  if (article && !hyphen && i > 0 && !the &&
      (Word(i - 1, "once"sv) || Word(i - 1, "twice"sv) || Word(i - 1, "times"sv) || IsNum(i - 1) ||
       Punct(i - 1, '%'))) {
    m->end = end;
    m->type = "SET";
    m->value = FmtDuration(1, unit);
    return true;
  }
  // A rate: "24 hours a day", "700 seats a week", "$1.76 a year" - not a time expression.
  if (article && !hyphen && i > 0 && !the &&
      ((tok(i - 1).kind == TokKind::kWord && !tok(i - 1).cap && tok(i - 1).low.size() > 3 &&
        tok(i - 1).low.back() == 's' && L(i - 1) == nullptr &&
        !IsFunctionWordForRate(tok(i - 1).low)) ||
       (L(i - 1) && L(i - 1)->unit != Unit::kNone && L(i - 1)->plural)))
    return false;
  if (the && !span_word && n < 0) return false;
  if (the && !span_word && !IsNum(j) && L(j) == nullptr) return false;
  // "the two-week delay": the article belongs to the noun the adjective modifies.
  if (the && hyphen && !span_word) m->begin_shift = 1;
  if (Word(end, "or"sv) && Word(end + 1, "so"sv)) end += 2;
  m->end = end;
  m->type = "DURATION";
  m->value = FmtDuration(n, unit);
  return true;
}

// Heads: "daily", "weekly", ..., plural weekdays, "every", "each"; no gated lead.
const LeadHeads kSetHeads[] = {{}};

bool Scanner::SetRule(size_t i, Match* m) {
  if (i >= size() || tok(i).kind != TokKind::kWord) return false;
  std::string_view w = tok(i).low;
  const char* v = nullptr;
  if (w == "daily"sv || w == "nightly"sv)
    v = "P1D";
  else if (w == "weekly"sv)
    v = "P1W";
  else if (w == "monthly"sv)
    v = "P1M";
  else if (w == "yearly"sv)
    v = "P1Y";
  else if (w == "hourly"sv)
    v = "PT1H";
  // Newspaper names: "China Daily", "the Communist Party daily Granma", "Daily Mail".
  bool name_before = i > 0 && tok(i - 1).kind == TokKind::kWord && tok(i - 1).cap &&
                     !(i >= 2 && EndsSentence(toks_, i - 2)) && !tok(i - 1).para_before;
  bool name_after = i + 1 < size() && tok(i + 1).kind == TokKind::kWord && tok(i + 1).cap;
  if (v != nullptr && ((tok(i).cap && (name_before || name_after)) || (name_before && name_after)))
    return false;
  if (v != nullptr) {
    m->end = i + 1;
    m->type = "SET";
    m->value = v;
    return true;
  }
  // Plural weekdays: "on Mondays"
  static const std::string_view kPluralDays[] = {"mondays"sv,   "tuesdays"sv, "wednesdays"sv,
                                                 "thursdays"sv, "fridays"sv,  "saturdays"sv,
                                                 "sundays"sv};
  for (int d = 0; d < 7; ++d) {
    if (w == kPluralDays[d] && tok(i).cap) {
      m->end = i + 1;
      m->type = "SET";
      m->value = "XXXX-WXX-" + std::to_string(d + 1);
      return true;
    }
  }
  // Rates ("15 million instructions per second") are not time expressions.
  if (w != "every"sv && w != "each"sv) return false;
  size_t j = i + 1;
  int every = 1;
  if (w == "every"sv && Word(j, "other"sv)) {
    every = 2;
    ++j;
  }
  double n = 1;
  size_t k = j;
  if (w == "every"sv && Count(j, &n, &k, false) && n > 0 && L(k) && L(k)->unit != Unit::kNone &&
      L(k)->plural) {
    m->end = k + 1;
    m->type = "SET";
    m->value = FmtDuration(n, L(k)->unit);
    return true;
  }
  const Lex* l = L(j);
  if (l == nullptr) return false;
  if (l->unit != Unit::kNone && !l->plural) {
    if (l->unit == Unit::kWeekend) {
      m->end = j + 1;
      m->type = "SET";
      m->value = "XXXX-WXX-WE";
      return true;
    }
    m->end = j + 1;
    m->type = "SET";
    m->value = FmtDuration(every, l->unit);
    return true;
  }
  int wd = 0, mo = 0;
  size_t e = 0;
  if (WeekdayName(j, &wd, &e)) {
    m->end = e;
    m->type = "SET";
    m->value = "XXXX-WXX-" + std::to_string(wd);
    if (L(e) && L(e)->part_of_day && !tok(e).low.ends_with("s")) {
      m->value += std::string("T") + L(e)->part_of_day;
      m->end = e + 1;
    }
    return true;
  }
  if (MonthName(j, &mo, &e)) {
    m->end = e;
    m->type = "SET";
    m->value = std::string("XXXX-") + (mo < 10 ? "0" : "") + std::to_string(mo);
    return true;
  }
  if (l->part_of_day && !tok(j).low.ends_with("s") && tok(j).low != "noon"sv) {
    m->end = j + 1;
    m->type = "SET";
    m->value = std::string("XXXX-XX-XXT") + l->part_of_day;
    return true;
  }
  if (l->season && !tok(j).low.ends_with("s")) {
    m->end = j + 1;
    m->type = "SET";
    m->value = std::string("XXXX-") + l->season;
    return true;
  }
  return false;
}

// Heads: "recently", "soon", "current", ... (not gated); "as soon as possible", "a later
// date", "the future" (with "near", "foreseeable", ... before it), "the near/short/long term",
// "the past" and "over the years" (a unit after "the").
const LeadHeads kRefHeads[] = {
    {"the", kFollowLex, "near foreseeable distant immediate future short long past"},
    {"as", 0, "soon"},
    {"a", 0, "later"},
    {}};

bool Scanner::RefRule(size_t i, Match* m) {
  if (i >= size() || tok(i).kind != TokKind::kWord) return false;
  std::string_view w = tok(i).low;
  auto put = [&](size_t end, const char* v) {
    m->end = end;
    m->value = v;
    return true;
  };
  if (w == "recently"sv || w == "lately"sv) return put(i + 1, "PAST_REF");
  if (SomeDay(*this, i)) return put(i + 2, "FUTURE_REF");
  if (w == "currently"sv || w == "nowadays"sv) return put(i + 1, "PRESENT_REF");
  if (w == "current"sv) {
    // "current" before a noun it dates: "current account" and "electric current" do not.
    if (Word(i + 1, "account"sv) || Word(i + 1, "accounts"sv) ||
        (i > 0 && Word(i - 1, "electric"sv)))
      return false;
    if (i + 1 < size() && tok(i + 1).kind != TokKind::kWord) return false;
    return put(i + 1, "PRESENT_REF");
  }
  if (w == "as"sv && Word(i + 1, "soon"sv) && Word(i + 2, "as"sv) && Word(i + 3, "possible"sv))
    return put(i + 4, "FUTURE_REF");
  if (w == "soon"sv) {
    if (Word(i + 1, "after"sv) || (i > 0 && Word(i - 1, "as"sv))) return false;
    // "was soon released": a past sequence, not a future reference.
    if (TenseOf(i, i + 1) == Tense::kPast) return false;
    return put(i + 1, "FUTURE_REF");
  }
  if (w == "recent"sv) {
    // "in recent years": an unspecified stretch reaching up to now.
    if (L(i + 1) && L(i + 1)->unit != Unit::kNone && L(i + 1)->plural &&
        L(i + 1)->unit != Unit::kWeekend) {
      m->end = i + 2;
      m->value = FmtDuration(-1, L(i + 1)->unit == Unit::kQuarter ? Unit::kMonth : L(i + 1)->unit);
      return true;
    }
    return false;
  }
  if ((w == "these"sv) && Word(i + 1, "days"sv)) return put(i + 2, "PRESENT_REF");
  if (w == "past"sv && L(i + 1) && L(i + 1)->plural &&
      (L(i + 1)->unit == Unit::kYear || L(i + 1)->unit == Unit::kDecade) &&
      !(i > 0 && Word(i - 1, "the"sv)))
    return put(i + 2, "PAST_REF");
  // "over the years", "through the decades": an unspecified stretch up to now.
  if (w == "the"sv && i > 0 &&
      (Word(i - 1, "over"sv) || Word(i - 1, "through"sv) || Word(i - 1, "across"sv)) && L(i + 1) &&
      L(i + 1)->plural &&
      (L(i + 1)->unit == Unit::kYear || L(i + 1)->unit == Unit::kDecade ||
       L(i + 1)->unit == Unit::kCentury) &&
      !Word(i + 2, "of"sv)) {
    m->end = i + 2;
    m->type = "DURATION";
    m->value = FmtDuration(-1, L(i + 1)->unit == Unit::kYear ? Unit::kYear : L(i + 1)->unit);
    return true;
  }
  if (w == "the"sv) {
    size_t j = i + 1;
    if (Word(j, "near"sv) || Word(j, "foreseeable"sv) || Word(j, "distant"sv) ||
        Word(j, "immediate"sv))
      ++j;
    if (Word(j, "future"sv) && !(Punct(j + 1, '-') && Glued(j + 1)))
      return put(j + 1, "FUTURE_REF");
    // "in the near term", "over the long term"
    if (j == i + 1 && (Word(j, "near"sv) || Word(j, "short"sv) || Word(j, "long"sv)) &&
        Word(j + 1, "term"sv) && !(Punct(j + 2, '-') && Glued(j + 2)))
      return put(j + 2, "FUTURE_REF");
    if (j == i + 1 && Word(j, "past"sv) && j + 1 < size()) {
      // "the past" alone, not "the past two years" / "the past week"
      const Token& nx = tok(j + 1);
      if (nx.kind == TokKind::kWord && nx.lex != nullptr) return false;
      if (nx.kind == TokKind::kNumber) return false;
      if (nx.kind == TokKind::kWord &&
          (nx.low == "few"sv || nx.low == "several"sv || nx.low == "decade"sv))
        return false;
      if (nx.kind == TokKind::kWord &&
          !(nx.low == "and"sv || nx.low == "or"sv || nx.low == "but"sv || nx.low == "when"sv ||
            nx.low == "as"sv || nx.low == "in"sv || nx.low == "with"sv || nx.low == "to"sv ||
            nx.low == "for"sv || nx.low == "that"sv || nx.low == "because"sv || nx.low == "has"sv ||
            nx.low == "have"sv || nx.low == "had"sv || nx.low == "is"sv || nx.low == "was"sv ||
            nx.low == "were"sv || nx.low == "are"sv || nx.low == "of"sv || nx.low == "on"sv ||
            nx.low == "it"sv || nx.low == "he"sv || nx.low == "she"sv || nx.low == "they"sv ||
            nx.low == "we"sv || nx.low == "i"sv || nx.low == "you"sv || nx.low == "there"sv))
        return false;
      return put(j + 1, "PAST_REF");
    }
    return false;
  }
  // "in future quarters", "future years"
  if (w == "future"sv && L(i + 1) && L(i + 1)->unit != Unit::kNone && L(i + 1)->plural)
    return put(i + 2, "FUTURE_REF");
  if (w == "future"sv && i > 0 && (Word(i - 1, "in"sv) || Word(i - 1, "near"sv)) &&
      !(i + 1 < size() && tok(i + 1).kind == TokKind::kWord))
    return put(i + 1, "FUTURE_REF");
  if (w == "a"sv && Word(i + 1, "later"sv) && Word(i + 2, "date"sv))
    return put(i + 3, "FUTURE_REF");
  return false;
}

}  // namespace tkg::extract::timex
