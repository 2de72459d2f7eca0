// Word and punctuation tokens of English news text, as byte spans into the article text. The
// stages after sentence splitting (names, cues, attribution, dating) all work on these.
// Pure: text in, records out. Thread safety: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tkg/schema/types.h"
#include "word_table.h"

namespace tkg::extract {

enum class TokenKind : uint8_t {
  kWord,        // letters, digits, inner apostrophes/hyphens/periods ("U.S.", "five-year")
  kPunct,       // , . ; : ! ? ( ) and dashes
  kOpenQuote,   // " or “ opening a quotation
  kCloseQuote,  // " or ” closing a quotation
};

// Word classes cached on a token by Lexicon::Classify and TopicMatcher::Classify, so that a
// phrase table asked about a word that heads none of its phrases answers without a lookup. The
// kCls*Done bits say which classifier ran; without them every lookup is made in full.
enum TokenClass : uint16_t {
  kClsLexiconDone = 1 << 0,
  kClsTopicsDone = 1 << 1,
  kClsCueHead = 1 << 2,
  kClsEventHead = 1 << 3,
  kClsTitleHead = 1 << 4,
  kClsTopicHead = 1 << 5,
  kClsInTime = 1 << 6,  // inside a time expression the timex stage found (set by the pipeline)
};

// The hash of a lower-cased word, for Token::hash and the word tables. Inline and 8 bytes a
// step: the tokenizer hashes every token of every article (std::hash was a library call with
// a byte-wise tail). Any well-mixed 64-bit value will do: tables compare the words on a hit.
inline size_t WordHashOf(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = s.size() * kMul;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    h = (h ^ v) * kMul;
    h ^= h >> 29;
  }
  uint64_t tail = 0;
  for (size_t k = 0; i + k < s.size(); ++k)
    tail |= static_cast<uint64_t>(static_cast<unsigned char>(s[i + k])) << (8 * k);
  h = (h ^ tail) * 0xBF58476D1CE4E5B9ull;
  h ^= h >> 31;
  h *= 0x94D049BB133111EBull;
  return static_cast<size_t>(h ^ (h >> 32));
}

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first letter upper case (ASCII) or a non-ASCII letter run
  std::string lower;         // ASCII-lower-cased text, curly apostrophes folded to '
  size_t hash = 0;           // WordHash of `lower`, computed once by Tokenize (see Rehash)
  uint16_t cls = 0;          // TokenClass bits
  bool is_word() const { return kind == TokenKind::kWord; }
  // Length and first letter first: the rules ask this of most tokens, and most differ there.
  bool is(std::string_view s) const {
    return lower.size() == s.size() && (s.empty() || lower[0] == s[0]) && lower == s;
  }
  bool is_quote() const { return kind == TokenKind::kOpenQuote || kind == TokenKind::kCloseQuote; }
  // Call after changing `lower` by hand.
  void Rehash() {
    hash = WordHashOf(lower);
    cls = 0;
  }
};

// Word lists looked up by token: a token carries the hash of its lower-cased text, so a lookup
// costs no hashing and no std::string construction however many lists ask about the token.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return WordHashOf(s); }
  size_t operator()(const std::string& s) const { return WordHashOf(s); }
  size_t operator()(const char* s) const { return WordHashOf(s); }
  size_t operator()(const Token& t) const { return t.hash; }
};
struct WordEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  bool operator()(const Token& t, std::string_view b) const { return t.lower == b; }
  bool operator()(std::string_view a, const Token& t) const { return a == t.lower; }
};
using WordSet = WordSetT<WordHash>;

// A 64-kbit Bloom filter over word hashes: answers "surely absent" for most words of a text
// without touching a hash table.
struct HashBloom {
  std::array<uint64_t, 1024> bits{};
  void Add(size_t h) { bits[(h >> 6) & 1023] |= uint64_t{1} << (h & 63); }
  bool MayHave(size_t h) const { return (bits[(h >> 6) & 1023] >> (h & 63)) & 1; }
};
template <typename V>
using WordMap = WordTable<V, WordHash>;

// Tokens of text[span.begin, span.end). Abbreviations with a period ("Mr.", "Rep.", "U.S.") stay
// one token; a sentence-final period is a separate token.
std::vector<Token> Tokenize(std::string_view text, Span span);
// The same into *out (cleared first), whose capacity is reused: the pipeline hands each
// sentence a vector of an earlier article instead of allocating one per sentence.
void TokenizeInto(std::string_view text, Span span, std::vector<Token>* out);

// A dash between clauses: "--", an em dash or an en dash (not a hyphen).
inline bool IsDash(const Token& t) {
  // is(): the length and first byte settle most tokens without a memcmp call.
  return t.is("--") || t.is("\xE2\x80\x94") || t.is("\xE2\x80\x93");
}

// True for ASCII letters or bytes of a multi-byte UTF-8 sequence that is not punctuation.
bool IsWordByte(std::string_view text, size_t i);

}  // namespace tkg::extract
