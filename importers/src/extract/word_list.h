// Membership in a small fixed word list, for the rule files' static arrays of words.
#pragma once

#include <cstddef>
#include <string_view>

namespace tkg::extract {

// True if `word` equals one of `list` (exact, byte for byte; lists are short, so a scan).
template <size_t N>
bool OneOf(std::string_view word, const std::string_view (&list)[N]) {
  for (std::string_view w : list)
    if (word == w) return true;
  return false;
}

}  // namespace tkg::extract
