// Article::source_map: spans of the derived text to spans of the original file.
#include <algorithm>
#include <cstdint>

#include "tkg/schema/types.h"

namespace tkg {

Span MapToSource(const Article& a, Span s) {
  if (a.source_map.empty()) return s;
  if (s.empty()) return Span{};
  const auto& runs = a.source_map;
  uint32_t lo = UINT32_MAX, hi = 0;
  // First run ending after s.begin: runs are sorted and disjoint, so ends are sorted too.
  auto it = std::upper_bound(runs.begin(), runs.end(), s.begin, [](uint32_t b, const SourceRun& r) {
    return b < r.text_begin + r.text_length;
  });
  auto first = it;
  for (; it != runs.end() && it->text_begin < s.end; ++it) {
    const SourceRun& r = *it;
    uint32_t tb = std::max(s.begin, r.text_begin);
    uint32_t te = std::min(s.end, r.text_begin + r.text_length);
    uint32_t sb, se;
    if (r.text_length == r.source_length) {
      sb = r.source_begin + (tb - r.text_begin);
      se = r.source_begin + (te - r.text_begin);
    } else {
      sb = r.source_begin;
      se = r.source_begin + r.source_length;
    }
    lo = std::min(lo, sb);
    hi = std::max(hi, se);
  }
  if (lo <= hi && lo != UINT32_MAX) return Span{lo, hi};
  // Only inserted text: the source bytes between the neighbouring runs.
  bool has_prev = first != runs.begin();
  bool has_next = first != runs.end();
  uint32_t prev_end =
      has_prev ? std::prev(first)->source_begin + std::prev(first)->source_length : 0;
  uint32_t next_begin = has_next ? first->source_begin : prev_end;
  if (!has_prev) prev_end = next_begin;
  return Span{std::min(prev_end, next_begin), std::max(prev_end, next_begin)};
}

}  // namespace tkg
