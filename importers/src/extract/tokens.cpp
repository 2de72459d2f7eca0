#include "tokens.h"

#include <array>
#include <cctype>

#include "word_list.h"

namespace tkg::extract {

namespace {

// UTF-8 punctuation the tokenizer knows by its bytes.
struct Multi {
  std::string_view bytes;
  TokenKind kind;
  bool apostrophe;  // ’ inside a word is an apostrophe
  bool quote;       // a double quote whose direction is fixed
};
constexpr std::array<Multi, 10> kMulti = {{
    {"\xE2\x80\x9C", TokenKind::kOpenQuote, false, true},   // “
    {"\xE2\x80\x9D", TokenKind::kCloseQuote, false, true},  // ”
    {"\xE2\x80\x98", TokenKind::kPunct, false, false},      // ‘
    {"\xE2\x80\x99", TokenKind::kPunct, true, false},       // ’
    {"\xE2\x80\x94", TokenKind::kPunct, false, false},      // —
    {"\xE2\x80\x93", TokenKind::kPunct, false, false},      // –
    {"\xE2\x80\x95", TokenKind::kPunct, false, false},      // ― (horizontal bar)
    {"\xE2\x80\xA6", TokenKind::kPunct, false, false},      // …
    {"\xC2\xA0", TokenKind::kPunct, false, false},          // no-break space (skipped)
    {"\xC2\xAD", TokenKind::kPunct, false, false},          // soft hyphen (skipped)
}};

// An ASCII quotation mark (`"` or `''`, `len` bytes at i) opens after a space, a line start or
// "(", and closes otherwise; a mark with spaces on both sides closes after punctuation or a
// nested quotation's mark (`this, " Trump said`, `coalitions, '' said`, `'Sponsor,' " he wrote`).
TokenKind AsciiQuoteKind(std::string_view text, size_t i, size_t len, size_t end) {
  bool after_space = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '(' ||
                     text[i - 1] == '\t' || (i >= 2 && text.compare(i - 2, 2, "\xC2\xA0") == 0);
  bool before_space = i + len >= end || text[i + len] == ' ' || text[i + len] == '\n';
  bool after_punct =
      i >= 2 && text[i - 1] == ' ' &&
      (text[i - 2] == ',' || text[i - 2] == '.' || text[i - 2] == '?' || text[i - 2] == '!' ||
       text[i - 2] == '\'' || (i >= 4 && text.compare(i - 4, 3, "\xE2\x80\x99") == 0));
  if (after_space && before_space && after_punct) after_space = false;
  return after_space ? TokenKind::kOpenQuote : TokenKind::kCloseQuote;
}

const Multi* MatchMultiAt(std::string_view text, size_t i) {
  for (const auto& m : kMulti)
    if (text.compare(i, m.bytes.size(), m.bytes) == 0) return &m;
  return nullptr;
}

// Asked at the end of every word: the first byte settles nearly all calls, inline.
inline const Multi* MatchMulti(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c != 0xE2 && c != 0xC2) return nullptr;  // every entry starts with one of these
  return MatchMultiAt(text, i);
}

// ASCII letters and digits by table: asked of every byte of every sentence.
constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = true;
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  return t;
}();
inline bool IsAsciiAlnum(unsigned char c) { return kAsciiAlnum[c]; }

// ASCII lower case by table (other bytes unchanged).
constexpr std::array<char, 256> kAsciiLower = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

bool IsAbbreviation(std::string_view lower) {
  static constexpr std::string_view kAbbr[] = {
      "mr",   "mrs", "ms",   "dr",  "rep",  "sen",  "gov",  "gen",  "lt",  "col",
      "st",   "jr",  "sr",   "inc", "corp", "co",   "no",   "vs",   "sgt", "capt",
      "prof", "rev", "ft",   "mt",  "jan",  "feb",  "aug",  "sept", "sep", "oct",
      "nov",  "dec", "u.s",  "u.n", "u.k",  "d.c",  "e.u",  "a.m",  "p.m", "ltd",
      "dept", "est", "cmdr", "adm", "atty", "supt", "pres", "reps", "sens"};
  if (OneOf(lower, kAbbr)) return true;
  // Initials such as "J." or "G.K" (single letters separated by periods).
  if (lower.size() % 2 == 0 || lower.size() > 7) return false;
  for (size_t i = 0; i < lower.size(); ++i)
    if (i % 2 == 0 ? !std::isalpha(static_cast<unsigned char>(lower[i])) : lower[i] != '.')
      return false;
  return true;
}

inline bool WordByte(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return kAsciiAlnum[c];
  if (c == 0xE2 || c == 0xC2) return MatchMulti(text, i) == nullptr;
  return true;  // other lead and continuation bytes belong to letters
}

}  // namespace

bool IsWordByte(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (MatchMulti(text, i) != nullptr) return false;
  return c >= 0xC0 || (c >= 0x80 && i > 0);  // lead or continuation byte of a letter
}

std::vector<Token> Tokenize(std::string_view text, Span span) {
  std::vector<Token> out;
  TokenizeInto(text, span, &out);
  return out;
}

void TokenizeInto(std::string_view text, Span span, std::vector<Token>* out_tokens) {
  std::vector<Token>& out = *out_tokens;
  out.clear();
  size_t i = span.begin;
  const size_t end = std::min<size_t>(span.end, text.size());
  out.reserve((end - i) / 4 + 4);  // news text averages 5 bytes a token, rarely under 4
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    const Multi* m = c >= 0x80 ? MatchMulti(text, i) : nullptr;
    if (m != nullptr && (m->bytes == "\xC2\xA0" || m->bytes == "\xC2\xAD")) {
      i += m->bytes.size();
      continue;
    }
    bool ascii_alnum = IsAsciiAlnum(c);
    if (m != nullptr || (c < 0x80 && !ascii_alnum)) {
      Token& t = out.emplace_back();  // built in place: no move of its string
      t.begin = static_cast<uint32_t>(i);
      size_t len = m != nullptr ? m->bytes.size() : 1;
      t.kind = m != nullptr ? m->kind : TokenKind::kPunct;
      if (c == '"') t.kind = AsciiQuoteKind(text, i, 1, end);
      if (c == '-' && i + 1 < end && text[i + 1] == '-') len = 2;  // "--" dash
      // '' as a double quote (some wires write quotations this way). Of three marks the first
      // closes a quotation nested inside (`'independence,'''`), the pair the outer one.
      if (c == '\'' && i + 1 < end && text[i + 1] == '\'') {
        bool triple = i + 2 < end && text[i + 2] == '\'' && (i + 3 >= end || text[i + 3] != '\'');
        if (!triple) {
          len = 2;
          t.kind = AsciiQuoteKind(text, i, 2, end);
        }
      }
      t.end = static_cast<uint32_t>(i + len);
      t.lower.assign(text.substr(i, len));
      if (m != nullptr && m->apostrophe) t.lower = "'";
      t.Rehash();
      i += len;
      continue;
    }
    // A word: letters and digits, with inner apostrophes, hyphens, periods, ampersands.
    Token& t = out.emplace_back();
    t.begin = static_cast<uint32_t>(i);
    size_t j = i;
    bool wide = c >= 0x80;  // a byte >= 0x80 was met: the word may hold a curly apostrophe
    while (j < end) {
      unsigned char cj = static_cast<unsigned char>(text[j]);
      if (IsAsciiAlnum(cj)) {  // the common case
        ++j;
        continue;
      }
      wide = wide || cj >= 0x80;
      if (cj >= 0x80 && WordByte(text, j)) {
        ++j;
        continue;
      }
      char d = text[j];
      bool next_word = j + 1 < end && WordByte(text, j + 1);
      if ((d == '\'' || d == '-' || d == '&' || d == '/') && next_word) {
        ++j;
        continue;
      }
      if (d == '.' && next_word && j + 1 < end &&
          std::isalpha(static_cast<unsigned char>(text[j + 1])) && j + 2 <= end &&
          (j + 2 == end || !std::isalpha(static_cast<unsigned char>(text[j + 2])))) {
        ++j;  // "U.S" of "U.S."
        continue;
      }
      if (d == ',' && next_word && std::isdigit(static_cast<unsigned char>(text[j - 1])) &&
          std::isdigit(static_cast<unsigned char>(text[j + 1]))) {
        ++j;  // 1,000
        continue;
      }
      if (d == '.' && std::isdigit(static_cast<unsigned char>(text[j - 1])) && j + 1 < end &&
          std::isdigit(static_cast<unsigned char>(text[j + 1]))) {
        ++j;  // 3.5
        continue;
      }
      if (const Multi* mm = MatchMulti(text, j); mm != nullptr && mm->apostrophe) {
        if (j + 3 < end && WordByte(text, j + 3)) {
          j += 3;
          continue;
        }
      }
      break;
    }
    t.end = static_cast<uint32_t>(j);
    t.lower.resize(j - i);
    if (!wide) {
      // ASCII only (nearly every word): a byte for a byte, no apostrophe to fold.
      char* out = t.lower.data();
      for (size_t k = i; k < j; ++k) out[k - i] = kAsciiLower[static_cast<unsigned char>(text[k])];
    } else {
      // Lower-case in place; a curly apostrophe (3 bytes) folds to one.
      char* out = t.lower.data();
      for (size_t k = i; k < j; ++k) {
        unsigned char b = static_cast<unsigned char>(text[k]);
        if (b == 0xE2 && k + 2 < j && text[k + 1] == '\x80' && text[k + 2] == '\x99') {
          *out++ = '\'';
          k += 2;
          continue;
        }
        *out++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      }
      t.lower.resize(static_cast<size_t>(out - t.lower.data()));
    }
    t.capitalized = (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xDE);  // Latin-1 upper range
    if (j < end && text[j] == '.' && IsAbbreviation(t.lower)) {
      bool sentence_end = j + 1 >= end;
      if (!sentence_end || t.lower.size() > 1) {
        t.end = static_cast<uint32_t>(j + 1);
        t.lower.push_back('.');
        j += 1;
        if (sentence_end && t.lower != "u.s." && t.lower != "d.c.") {
          // "... Co." at the very end of a sentence: keep the period as the sentence end.
          t.end -= 1;
          t.lower.pop_back();
          j -= 1;
        }
      }
    }
    t.Rehash();
    i = j;
  }
}

}  // namespace tkg::extract
