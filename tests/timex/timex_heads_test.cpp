// Time expressions: the heads the rule families declare (timex_heads.h) must not hide a match.
// The scanner passes over a gated lead word ("the", "a", "that", ...) unless some family admits
// the token after it; if a family's declaration missed a word its code accepts, an expression
// starting at the lead would silently disappear. These tests try each gated lead before a wide
// vocabulary and ask the scanner's own Best(), which does not look at the heads.
#include "../../importers/src/extract/timex_heads.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "../../importers/src/extract/timex_rules.h"
#include "timex_helpers.h"

using namespace tkg::timextest;
namespace tx = tkg::extract::timex;

namespace {

// Words and tokens that can come after a lead: the temporal lexicon's kinds, every trigger, the
// words the rules test for, and ordinary words, numbers and punctuation.
const std::vector<std::string> kFollowers = {
    // lexicon
    "January", "May", "Sept", "Jan", "Monday", "Tue", "one", "two", "five", "twelve", "twenty",
    "nineteen", "hundred", "thousand", "dozen", "first", "second", "third", "fourth", "fifth",
    "twentieth", "thirtieth", "day", "days", "week", "weeks", "weekend", "month", "months",
    "quarter", "quarters", "year", "years", "decade", "decades", "century", "hour", "hours",
    "minute", "minutes", "yr", "hrs", "morning", "mornings", "afternoon", "evening", "night",
    "overnight", "midday", "noon", "spring", "summer", "fall", "winter", "autumn",
    // triggers and words the rules look for
    "the", "this", "last", "next", "past", "coming", "today", "yesterday", "tomorrow", "tonight",
    "now", "current", "currently", "recent", "recently", "lately", "soon", "future", "nowadays",
    "daily", "weekly", "every", "each", "a", "an", "early", "late", "mid", "earlier", "later",
    "about", "around", "nearly", "almost", "more", "less", "fewer", "at", "no", "roughly", "some",
    "several", "few", "many", "fiscal", "that", "previous", "following", "same", "latest",
    "midnight", "christmas", "Christmas", "thanksgiving", "Thanksgiving", "new", "New", "easter",
    "up", "just", "over", "within", "once", "twice", "those", "these", "comparable", "prior",
    "upcoming", "most", "half", "Mondays", "independence", "labor", "memorial", "election",
    "Election", "end", "beginning", "start", "middle", "turn", "right", "as", "q", "Q", "h", "H",
    "fy", "FY", "preceding", "present", "corresponding", "period", "final", "initial", "remaining",
    "couple", "near", "foreseeable", "distant", "immediate", "short", "long", "full", "entire",
    "whole", "twenties", "nineties", "additional", "further", "trading", "business", "working",
    "straight", "consecutive", "least", "than", "to", "recent", "soon", "term", "date", "possible",
    "of", "ago", "before", "after", "and", "or", "in", "on", "for", "was", "is", "said",
    "president", "house", "Senate", "vote", "s", "o", "clock", "am", "pm", "ended", "level", "long",
    "other", "time", "Day", "Year", "Eve",
    // numbers and punctuation
    "5", "12", "31", "1990", "1990s", "2016", "5th", "3rd", "1st", "10am", "90s", "89", "1,000",
    "'", "\xe2\x80\x99", "-", ",", ".", "$", "%", ":", "/", "\""};

// Tokens that may come third and later: the tails the rules read ("a year ago", "the 5th of
// January", "the quarter a year ago", "at least two years").
const std::vector<std::string> kTails = {
    "year",  "years",    "day",       "quarter",  "of",      "ago",  "earlier", "later",  "before",
    "after", "'",        "s",         "1990",     "5",       "two",  "January", "Monday", "recent",
    "than",  "to",       "date",      "possible", "as",      "term", "period",  "last",   "Day",
    "Year",  "-",        "old",       "and",      "a",       "the",  "ended",   "long",   "morning",
    "half",  "quarters", "yesterday", "twenties", "century", "90s",  "89"};

// The lead at the first token after `before`, the scanner over the text, and whether the gate
// lets the scanner try the lead.
struct Trial {
  std::string text;
  std::string lower;
  std::vector<tx::Token> toks;
  size_t at = 0;
  Trial(const std::string& before, const std::string& rest) : text(before + " " + rest) {
    toks = tx::Tokenize(text, &lower);
    while (at < toks.size() && toks[at].begin != before.size() + 1) ++at;
  }
  bool Admitted() const { return tx::HeadsAdmit(toks, at); }
  bool Found(const std::optional<tkg::DayNumber>& ref) const {
    tx::Scanner scanner(text, toks, ref);
    tx::Match m;
    return scanner.Best(at, &m) && m.end > at && !m.value.empty();
  }
};

// The tokens after the tails, and the ways tokens are joined: some rules want them glued ("a
// day-long", "the '90s", "the mid-1990s").
const std::vector<std::string> kEnds = {"ago",  "of",   "s",   ".",   "possible", "year", "date",
                                        "than", "1990", "two", "Day", "-",        "1990s"};

// a and b with a space between, or glued when either side of the join is punctuation (two
// words glued would make another word).
bool Alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
std::string Join(const std::string& a, const std::string& b, bool glue) {
  return glue && !(Alnum(a.back()) && Alnum(b.front())) ? a + b : a + " " + b;
}

// Texts "<before> <lead> <x> <y> <z>" for one lead, each join also glued where that keeps the
// tokens apart ("a-year", "the '90s", "the mid-1990s"); the token before the lead matters to
// some rules ("once a year", "24 hours a day").
bool HeadsHoldFor(const std::string& lead, const std::vector<std::string>& befores,
                  const std::optional<tkg::DayNumber>& ref) {
  bool ok = true;
  for (const std::string& before : befores) {
    for (const std::string& x : kFollowers) {
      // The gate reads only the token after the lead: what it admits needs no check.
      if (Trial(before, lead + " " + x + " .").Admitted()) continue;
      for (const std::string& y : kTails) {
        for (const std::string& z : kEnds) {
          std::set<std::string> texts;
          for (int glue = 0; glue < 8; ++glue)
            texts.insert(Join(Join(Join(lead, x, glue & 1), y, glue & 2), z, glue & 4));
          for (const std::string& text : texts) {
            Trial t(before, text + " 2015 .");
            if (t.at >= t.toks.size() || t.Found(ref)) {
              UNSCOPED_INFO("a match starts at the gated lead in: " << t.text);
              ok = false;
            }
          }
        }
      }
    }
  }
  return ok;
}

}  // namespace

TEST_CASE("gated lead words are not in the temporal lexicon", "[timex][heads]") {
  // The gate lets a lexicon word pass at once; a gated lexicon word would never be gated.
  for (std::string_view lead : tx::kGatedLeads) {
    INFO(lead);
    CHECK(tx::LookupLex(lead) == nullptr);
  }
}

TEST_CASE("no match starts at a gated lead the heads pass over", "[timex][heads]") {
  for (std::string_view lead : tx::kGatedLeads) {
    std::string w(lead);
    std::string cap = w;
    cap[0] = static_cast<char>(cap[0] - 'a' + 'A');
    INFO(w);
    CHECK(HeadsHoldFor(w, {"He said", "once"}, kThu));
    CHECK(HeadsHoldFor(cap, {"He said"}, kThu));
    CHECK(HeadsHoldFor(w, {"He said"}, std::nullopt));
  }
}

TEST_CASE("each family still finds its expressions after a gated lead", "[timex][heads]") {
  Expect1("Sales rose on the 5th of January.", kThu, "the 5th of January", "DATE", "2016-01-05");
  Expect1("It sank on the previous Friday.", kThu, "the previous Friday", "DATE", "2016-04-15");
  Expect1("Prices soared in the 1990s.", kThu, "the 1990s", "DATE", "199");
  Expect1("Prices soared in the '90s.", kThu, "the '90s", "DATE", "199");
  Expect1("He spoke the day before yesterday.", kThu, "the day before yesterday", "DATE",
          "2016-04-19");
  Expect1("Shares rose over the past week.", kThu, "the past week", "DURATION", "P1W");
  Expect1("Profit fell in the third quarter.", kThu, "the third quarter", "DATE", "2015-Q3");
  Expect1("Its most recent quarter was weak.", kThu, "most recent quarter", "DATE", "2016-Q1");
  Expect1("Profit rose from the same period last year.", kThu, "the same period last year", "DATE",
          "2015");
  Expect1("Nobody called that day.", kThu, "that day", "DATE", "2016-04-21");
  Expect1("It has grown in the past two years.", kThu, "the past two years", "DURATION", "P2Y");
  Expect1("The plant closed a year ago.", kThu, "a year ago", "DATE", "2015");
  Expect1("The meeting lasted an hour.", kThu, "an hour", "DURATION", "PT1H");
  Expect1("It will be decided at a later date.", kThu, "a later date", "DATE", "FUTURE_REF");
  Expect1("They want a vote as soon as possible.", kThu, "as soon as possible", "DATE",
          "FUTURE_REF");
  Expect1("Talks will resume in the future.", kThu, "the future", "DATE", "FUTURE_REF");
  Expect1("The talks took at least two years.", kThu, "at least two years", "DURATION", "P2Y");
  Expect1("The job takes no more than three days.", kThu, "no more than three days", "DURATION",
          "P3D");
  Expect1("Jail terms run up to five years.", kThu, "up to five years", "DURATION", "P5Y");
  Expect1("It took more than two years.", kThu, "more than two years", "DURATION", "P2Y");
  Expect1("Polls close on Election Day.", kThu, "Election Day", "DATE", "2015-11-03");
  Expect1("The parade is on New Year's Day.", kThu, "New Year's Day", "DATE", "2016-01-01");
  Expect1("Prices rose by the end of 1990.", kThu, "the end of 1990", "DATE", "1990");
}
