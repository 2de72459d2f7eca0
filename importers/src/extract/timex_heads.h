// Time expressions, private: the heads of the rule families. Most positions the scanner tries
// hold a function word ("the", "a", "that", "as", "at") that starts an expression only before
// certain words ("the third quarter", "a year ago", "that day"): the rules then run a dozen
// checks to find nothing. So each rule family declares, beside the rule, which of the gated lead
// words below its matches can start with and what may come right after them, and the scanner
// passes over a gated lead word that no family admits the next token after.
//
// Why this is sound: a family that declares no heads for a gated lead never matches at that
// word, and one that does lists every token its code accepts after it. Gating another word means
// reading every family (and Scanner::Best's modifiers) for it; tests/timex/timex_heads_test.cpp
// tries each gated lead before a wide vocabulary and fails when a match starts where the heads
// say none can.
// Thread safety: the tables are constant, built on first use.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "timex_tokens.h"

namespace tkg::extract::timex {

// Token classes that may follow a lead word.
enum FollowClass : uint8_t {
  kFollowLex = 1,         // a word of the temporal lexicon ("year", "third", "two", "May")
  kFollowNumber = 2,      // a number token ("5", "1990s", "3rd")
  kFollowApostrophe = 4,  // ' or ’ ("the '90s")
  kFollowHyphen = 8,      // "-" ("a-year": the counted-unit rules accept a hyphen after a count)
};

struct LeadHeads {
  std::string_view lead;   // a gated lead word, lower case; empty ends a list
  uint8_t classes = 0;     // FollowClass bits
  std::string_view words;  // lower-case words that may follow, separated by spaces
};

// The gated lead words: frequent, not temporal themselves, and read in every family. None is in
// the temporal lexicon (a lexicon word is a head of its own).
inline constexpr std::string_view kGatedLeads[] = {
    "the", "a", "an", "that", "as", "at", "those", "no", "most", "election", "new", "up", "more"};

// The heads of each family, defined beside its rule; each list ends with an empty lead.
extern const LeadHeads kCalendarHeads[];
extern const LeadHeads kWeekdayHeads[];
extern const LeadHeads kClockHeads[];
extern const LeadHeads kYearHeads[];
extern const LeadHeads kDeicticHeads[];
extern const LeadHeads kRelativeHeads[];
extern const LeadHeads kQuarterHeads[];
extern const LeadHeads kAnaphoraHeads[];  // with ComparisonRule, which AnaphoraRule calls
extern const LeadHeads kDurationHeads[];
extern const LeadHeads kSetHeads[];
extern const LeadHeads kRefHeads[];
extern const LeadHeads kHolidayHeads[];
extern const LeadHeads kModifierHeads[];  // Scanner::Best: "at least", "the end of"

// False when token i is a gated lead word and no family admits toks[i + 1] after it (or it is
// the last token): no expression starts at i.
bool HeadsAdmit(const std::vector<Token>& toks, size_t i);

}  // namespace tkg::extract::timex
