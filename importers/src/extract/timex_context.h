// Time expressions, private: the context a relative expression is anchored in. The tense of
// the clause around an expression decides which Monday "on Monday" means ("said on Monday" ->
// the Monday before the reference day, "will meet on Monday" -> the one after).
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <vector>

#include "timex_tokens.h"

namespace tkg::extract::timex {

enum class Tense : uint8_t { kUnknown = 0, kPast, kPresent, kFuture };

// The tense of the clause holding tokens [first, end): the nearest tense-bearing word before the
// expression in the same sentence, else the nearest after it.
Tense TenseAround(const std::vector<Token>& toks, size_t first, size_t end);

// True when token i ends a sentence ("." "!" "?" not closing an abbreviation), or a blank line
// follows it.
bool EndsSentence(const std::vector<Token>& toks, size_t i);

}  // namespace tkg::extract::timex
