// Word and punctuation tokens of English news text, as byte spans into the article text. The
// stages after sentence splitting (names, cues, attribution, dating) all work on these.
// Pure: text in, records out. Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tkg/schema/types.h"

namespace tkg::extract {

enum class TokenKind : uint8_t {
  kWord,        // letters, digits, inner apostrophes/hyphens/periods ("U.S.", "five-year")
  kPunct,       // , . ; : ! ? ( ) and dashes
  kOpenQuote,   // " or “ opening a quotation
  kCloseQuote,  // " or ” closing a quotation
};

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first letter upper case (ASCII) or a non-ASCII letter run
  std::string lower;         // ASCII-lower-cased text, curly apostrophes folded to '
  bool is_word() const { return kind == TokenKind::kWord; }
  bool is(std::string_view s) const { return lower == s; }
  bool is_quote() const { return kind == TokenKind::kOpenQuote || kind == TokenKind::kCloseQuote; }
};

// Tokens of text[span.begin, span.end). Abbreviations with a period ("Mr.", "Rep.", "U.S.") stay
// one token; a sentence-final period is a separate token.
std::vector<Token> Tokenize(std::string_view text, Span span);

// True for ASCII letters or bytes of a multi-byte UTF-8 sequence that is not punctuation.
bool IsWordByte(std::string_view text, size_t i);

}  // namespace tkg::extract
