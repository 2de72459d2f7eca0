// Time expressions: tokenizer and temporal lexicon.
#include "timex_tokens.h"

#include <array>
#include <string>

namespace tkg::extract::timex {
namespace {

// Byte classes by table: the tokenizer asks one of these of every byte of every article.
enum ByteClass : uint8_t { kOther = 0, kAlpha = 1, kDigit = 2, kSpace = 4 };
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kAlpha;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kAlpha;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  for (int c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[c] = kSpace;
  return t;
}();
bool IsAlpha(unsigned char c) { return kByteClass[c] == kAlpha; }
bool IsDigit(unsigned char c) { return kByteClass[c] == kDigit; }
bool IsSpace(unsigned char c) { return kByteClass[c] == kSpace; }

// A small open-addressing hash table: the lexicon is looked up for every word of every article,
// and std::hash over string_view dominated the profile.
struct LexEntry {
  std::string_view key;
  Lex lex;
  bool temporal = false;
  bool trigger = false;
};

class LexMap {
 public:
  Lex& operator[](std::string_view w) {
    LexEntry& e = Slot(w);
    e.temporal = true;
    return e.lex;
  }
  void AddTrigger(std::string_view w) { Slot(w).trigger = true; }
  const LexEntry* Find(std::string_view w) const {
    // Most words of a text are not in the table: a (first letter, length) and (last letter,
    // length) filter answers for them without hashing.
    unsigned char c0 = static_cast<unsigned char>(w[0]);
    unsigned char cn = static_cast<unsigned char>(w.back());
    if (c0 < 'a' || c0 > 'z' || cn < 'a' || cn > 'z' || w.size() >= kMaxLen ||
        !(shape_[c0 - 'a'] & (1u << w.size())) || !(last_shape_[cn - 'a'] & (1u << w.size())))
      return nullptr;
    const uint32_t h = Hash(w);
    for (size_t s = h & (kSize - 1); entry_of_[s] != 0; s = (s + 1) & (kSize - 1)) {
      const LexEntry& e = entries_[entry_of_[s] - 1];
      if (hash_of_[s] == h && e.key == w) return &e;
    }
    return nullptr;
  }

 private:
  static constexpr size_t kSize = 1024;  // a power of two, well above twice the word count
  static uint32_t Hash(std::string_view w) {
    uint32_t h = 2166136261u;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h ^ (h >> 15);
  }
  // The entry of `w`, added if new. The reference lasts until the next call.
  LexEntry& Slot(std::string_view w) {
    unsigned char c0 = static_cast<unsigned char>(w[0]);
    if (c0 >= 'a' && c0 <= 'z' && w.size() < kMaxLen) shape_[c0 - 'a'] |= 1u << w.size();
    unsigned char cn = static_cast<unsigned char>(w.back());
    if (cn >= 'a' && cn <= 'z' && w.size() < kMaxLen) last_shape_[cn - 'a'] |= 1u << w.size();
    const uint32_t h = Hash(w);
    size_t s = h & (kSize - 1);
    for (; entry_of_[s] != 0; s = (s + 1) & (kSize - 1))
      if (entries_[entry_of_[s] - 1].key == w) return entries_[entry_of_[s] - 1];
    entries_.emplace_back().key = w;
    entry_of_[s] = static_cast<uint16_t>(entries_.size());
    hash_of_[s] = h;
    return entries_.back();
  }
  static constexpr size_t kMaxLen = 31;
  // The probe arrays are small (6 KB) and the entries dense: with the entries in the slots the
  // table was 64 KB, and a lookup per word missed the L1 cache in the middle of every text.
  std::vector<LexEntry> entries_;
  uint16_t entry_of_[kSize] = {};  // entry index + 1; 0 = empty slot
  uint32_t hash_of_[kSize] = {};   // Hash of that entry's key
  uint32_t shape_[26] = {};        // bit n set: some word starting with that letter has length n
  uint32_t last_shape_[26] = {};   // bit n set: some word ending with that letter has length n
};

LexMap BuildLexicon() {
  LexMap m;
  static const char* const kMonths[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};
  for (int i = 0; i < 12; ++i) m[kMonths[i]].month = static_cast<int8_t>(i + 1);
  static const struct {
    const char* w;
    int8_t m;
  } kMonthAbbrev[] = {{"jan", 1}, {"feb", 2}, {"mar", 3},  {"apr", 4},  {"jun", 6},  {"jul", 7},
                      {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
  for (const auto& a : kMonthAbbrev) {
    Lex& l = m[a.w];
    l.month = a.m;
    l.abbrev = true;
  }
  static const char* const kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) m[kWeekdays[i]].weekday = static_cast<int8_t>(i + 1);
  static const struct {
    const char* w;
    int8_t d;
  } kWeekdayAbbrev[] = {{"mon", 1},  {"tue", 2},   {"tues", 2}, {"wed", 3}, {"thu", 4},
                        {"thur", 4}, {"thurs", 4}, {"fri", 5},  {"sat", 6}, {"sun", 7}};
  for (const auto& a : kWeekdayAbbrev) {
    Lex& l = m[a.w];
    l.weekday = a.d;
    l.abbrev = true;
  }
  static const char* const kOnes[] = {"zero",    "one",     "two",       "three",    "four",
                                      "five",    "six",     "seven",     "eight",    "nine",
                                      "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  for (int i = 0; i < 20; ++i) m[kOnes[i]].number = static_cast<int16_t>(i);
  static const char* const kTens[] = {"twenty", "thirty",  "forty",  "fifty",
                                      "sixty",  "seventy", "eighty", "ninety"};
  for (int i = 0; i < 8; ++i) m[kTens[i]].number = static_cast<int16_t>((i + 2) * 10);
  m["fourty"].number = 40;
  m["hundred"].number = 100;
  m["thousand"].number = 1000;
  m["dozen"].number = 12;
  static const char* const kOrd[] = {"first",       "second",     "third",      "fourth",
                                     "fifth",       "sixth",      "seventh",    "eighth",
                                     "ninth",       "tenth",      "eleventh",   "twelfth",
                                     "thirteenth",  "fourteenth", "fifteenth",  "sixteenth",
                                     "seventeenth", "eighteenth", "nineteenth", "twentieth"};
  for (int i = 0; i < 20; ++i) m[kOrd[i]].ordinal = static_cast<int8_t>(i + 1);
  m["thirtieth"].ordinal = 30;
  static const struct {
    const char* w;
    Unit u;
    bool pl;
  } kUnits[] = {
      {"second", Unit::kSecond, false},   {"seconds", Unit::kSecond, true},
      {"minute", Unit::kMinute, false},   {"minutes", Unit::kMinute, true},
      {"hour", Unit::kHour, false},       {"hours", Unit::kHour, true},
      {"day", Unit::kDay, false},         {"days", Unit::kDay, true},
      {"week", Unit::kWeek, false},       {"weeks", Unit::kWeek, true},
      {"weekend", Unit::kWeekend, false}, {"weekends", Unit::kWeekend, true},
      {"month", Unit::kMonth, false},     {"months", Unit::kMonth, true},
      {"quarter", Unit::kQuarter, false}, {"quarters", Unit::kQuarter, true},
      {"year", Unit::kYear, false},       {"years", Unit::kYear, true},
      {"decade", Unit::kDecade, false},   {"decades", Unit::kDecade, true},
      {"century", Unit::kCentury, false}, {"centuries", Unit::kCentury, true},
      {"yr", Unit::kYear, false},         {"yrs", Unit::kYear, true},
      {"hr", Unit::kHour, false},         {"hrs", Unit::kHour, true},
      {"min", Unit::kMinute, false},      {"mins", Unit::kMinute, true},
  };
  for (const auto& u : kUnits) {
    Lex& l = m[u.w];
    l.unit = u.u;
    l.plural = u.pl;
  }
  static const struct {
    const char* w;
    const char* p;
  } kParts[] = {{"morning", "MO"},   {"mornings", "MO"}, {"afternoon", "AF"}, {"afternoons", "AF"},
                {"evening", "EV"},   {"evenings", "EV"}, {"night", "NI"},     {"nights", "NI"},
                {"overnight", "NI"}, {"midday", "MI"},   {"noon", "MI"}};
  for (const auto& p : kParts) m[p.w].part_of_day = p.p;
  static const struct {
    const char* w;
    const char* s;
  } kSeasons[] = {
      {"spring", "SP"}, {"summer", "SU"}, {"fall", "FA"}, {"autumn", "FA"}, {"winter", "WI"}};
  for (const auto& s : kSeasons) m[s.w].season = s.s;
  // Words that can start an expression without being temporal themselves.
  // (one string, split on spaces: the list stays readable and easy to extend)
  static const std::string_view kTriggers =
      "the this last next past coming today yesterday tomorrow tonight now current "
      "currently recent recently lately soon future nowadays daily weekly monthly yearly "
      "hourly nightly every each a an early late mid earlier later about around nearly "
      "almost more less fewer at no roughly approximately some several few many fiscal "
      "that year previous following same latest midnight christmas thanksgiving new easter "
      "up just over within once twice those these comparable prior upcoming most half "
      "mondays tuesdays wednesdays thursdays fridays saturdays sundays independence labor "
      "memorial one end beginning start middle right election as q h fy";
  for (size_t b = 0; b < kTriggers.size();) {
    size_t e = kTriggers.find(' ', b);
    if (e == std::string_view::npos) e = kTriggers.size();
    if (e > b) m.AddTrigger(kTriggers.substr(b, e - b));
    b = e + 1;
  }
  return m;
}

const LexMap& Lexicon() {
  static const LexMap* lex = new LexMap(BuildLexicon());
  return *lex;
}

}  // namespace

const Lex* LookupLex(std::string_view w, bool* trigger) {
  const LexEntry* e = Lexicon().Find(w);
  if (trigger != nullptr) *trigger = e != nullptr && e->trigger;
  return e != nullptr && e->temporal ? &e->lex : nullptr;
}

const char* UnitCode(Unit u) {
  switch (u) {
    case Unit::kSecond:
      return "S";
    case Unit::kMinute:
      return "M";
    case Unit::kHour:
      return "H";
    case Unit::kDay:
      return "D";
    case Unit::kWeek:
      return "W";
    case Unit::kWeekend:
      return "WE";
    case Unit::kMonth:
      return "M";
    case Unit::kQuarter:
      return "Q";
    case Unit::kYear:
      return "Y";
    case Unit::kDecade:
      return "DE";
    case Unit::kCentury:
      return "CE";
    case Unit::kNone:
      break;
  }
  return "X";
}

bool IsClockUnit(Unit u) { return u == Unit::kSecond || u == Unit::kMinute || u == Unit::kHour; }

std::vector<Token> Tokenize(std::string_view text, std::string* lower) {
  // Only letters differ from the text once lower-cased: they are lowered below as the word and
  // suffix scans pass over them (a separate pass over the whole text cost as much as the scan).
  lower->assign(text.data(), text.size());
  char* lower_bytes = lower->data();
  const std::string_view low(*lower);
  const LexMap& lexicon = Lexicon();  // once, not behind a guard per word
  std::vector<Token> toks;
  toks.reserve(text.size() / 4 + 16);  // news text averages 5 bytes a token, rarely under 4
  const size_t n = text.size();
  size_t i = 0;
  bool space = true;
  int newlines = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsSpace(c)) {
      space = true;
      if (c == '\n') ++newlines;
      ++i;
      continue;
    }
    Token& t = toks.emplace_back();  // built in place: a token is 64 bytes
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    t.para_before = newlines >= 2;
    space = false;
    newlines = 0;
    if (IsAlpha(c)) {
      size_t j = i;
      for (; j < n && IsAlpha(static_cast<unsigned char>(text[j])); ++j)
        lower_bytes[j] = static_cast<char>(text[j] | 0x20);
      t.kind = TokKind::kWord;
      t.cap = c >= 'A' && c <= 'Z';
      t.end = static_cast<uint32_t>(j);
      t.low = low.substr(i, j - i);
      if (t.low.size() <= 13) {
        const LexEntry* e = lexicon.Find(t.low);
        t.trigger = e != nullptr && e->trigger;
        t.lex = e != nullptr && e->temporal ? &e->lex : nullptr;
      }
      i = j;
    } else if (IsDigit(c)) {
      size_t j = i;
      int64_t v = 0;
      int digits = 0;
      while (j < n) {
        unsigned char d = static_cast<unsigned char>(text[j]);
        if (IsDigit(d)) {
          if (digits < 18) v = v * 10 + (d - '0');
          ++digits;
          ++j;
        } else if (d == ',' && digits > 0 && j + 3 < n &&
                   IsDigit(static_cast<unsigned char>(text[j + 1])) &&
                   IsDigit(static_cast<unsigned char>(text[j + 2])) &&
                   IsDigit(static_cast<unsigned char>(text[j + 3])) &&
                   (j + 4 >= n || !IsDigit(static_cast<unsigned char>(text[j + 4])))) {
          ++j;  // thousands separator: "1,000"
        } else {
          break;
        }
      }
      t.kind = TokKind::kNumber;
      t.num = v;
      t.digits = static_cast<uint8_t>(digits > 255 ? 255 : digits);
      size_t digits_end = j;
      size_t k = j;
      while (k < n && IsAlpha(static_cast<unsigned char>(text[k])) && k - j < 4) ++k;
      if (k > j && (k >= n || !IsAlpha(static_cast<unsigned char>(text[k])))) {
        for (size_t q = j; q < k; ++q) lower_bytes[q] = static_cast<char>(text[q] | 0x20);
        t.suffix = low.substr(j, k - j);
        j = k;
      }
      t.low = low.substr(i, digits_end - i);
      t.end = static_cast<uint32_t>(j);
      i = j;
    } else {
      size_t len = 1;
      if (c >= 0xC0) {
        len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (i + len > n) len = n - i;
      }
      t.kind = TokKind::kPunct;
      t.end = static_cast<uint32_t>(i + len);
      t.low = low.substr(i, len);
      i += len;
    }
  }
  return toks;
}

}  // namespace tkg::extract::timex
