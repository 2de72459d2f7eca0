// Time expressions, private: the token stream and the temporal lexicon (month and weekday names,
// number words, units, parts of day, seasons). Tokens carry byte offsets into the original text
// and a lower-cased view, so rules compare words without allocating.
// Thread safety: Tokenize is pure; the lexicon is a constant table built on first use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tkg::extract::timex {

// Calendar and clock units a duration or an offset can be counted in.
enum class Unit : uint8_t {
  kNone = 0,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kWeekend,
  kMonth,
  kQuarter,
  kYear,
  kDecade,
  kCentury,
};

// What a word can mean in a time expression. A word may have several roles ("second": an
// ordinal and a unit; "may": a month and a modal verb).
struct Lex {
  int8_t month = 0;         // 1..12
  int8_t weekday = 0;       // 1..7, Monday = 1 (ISO)
  int16_t number = -1;      // cardinal word value: "two" -> 2, "twenty" -> 20, "hundred" -> 100
  int8_t ordinal = 0;       // "first" -> 1 ... "thirty-first" pieces
  Unit unit = Unit::kNone;  // "year", "years" -> kYear
  bool plural = false;      // "years"
  bool abbrev = false;      // "jan", "sept", "mon": only counts when followed by "."
  const char* part_of_day = nullptr;  // "MO", "AF", "EV", "NI"
  const char* season = nullptr;       // "SP", "SU", "FA", "WI"
};

enum class TokKind : uint8_t { kWord, kNumber, kPunct };

// Fields ordered by size so that a token takes 64 bytes (a text has about one per 4 bytes).
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view low;  // lower-cased token text (for numbers: the digits)
  // Numbers: the value of the digits (without separators), how many digits, and a letter
  // suffix glued to them ("1990s" -> "s", "5th" -> "th", "10am" -> "am").
  std::string_view suffix;
  int64_t num = 0;
  const Lex* lex = nullptr;  // nullptr when the word is not in the temporal lexicon
  TokKind kind = TokKind::kPunct;
  bool space_before = true;  // whitespace or text start precedes the token
  bool para_before = false;  // a blank line precedes the token
  bool cap = false;          // the first letter is upper case
  uint8_t digits = 0;
  bool trigger = false;  // a word that may start an expression ("the", "last", "about")
};

// Splits text into words (ASCII letters), numbers (digits with an optional glued letter suffix;
// thousands commas are kept in one token) and single punctuation characters (a multi-byte
// UTF-8 character is one token). `lower` receives the lower-cased copy that Token::low views
// point into; it must outlive the tokens.
std::vector<Token> Tokenize(std::string_view text, std::string* lower);

// The lexicon entry of a lower-case word, or nullptr; *trigger tells whether the word may start
// an expression although it is not temporal itself ("the", "last", "about").
const Lex* LookupLex(std::string_view lower_word, bool* trigger = nullptr);

// The TimeML letter of a duration unit ("Y", "M", "W", "D", "H", ...); decades and centuries are
// counted in years.
const char* UnitCode(Unit u);
bool IsClockUnit(Unit u);  // hours, minutes, seconds: "PT..." durations

}  // namespace tkg::extract::timex
