// Time expressions: the gate built from the heads the rule families declare.
#include "timex_heads.h"

#include <array>
#include <cstdlib>
#include <unordered_set>

namespace tkg::extract::timex {
namespace {

using std::string_view_literals::operator""sv;

constexpr size_t kLeadCount = std::size(kGatedLeads);

// What may follow one gated lead word, over all families.
struct Gate {
  uint8_t classes = 0;
  std::unordered_set<std::string_view> words;
  // Bit n of shape[c - 'a']: some word in `words` starts with c and has n letters. Most words
  // after "the" fail this test, without hashing.
  uint32_t shape[26] = {};
  bool MayHold(std::string_view w) const {
    unsigned char c = static_cast<unsigned char>(w[0]);
    return c >= 'a' && c <= 'z' && w.size() < 32 && (shape[c - 'a'] >> w.size() & 1u) != 0;
  }
  void Add(std::string_view w) {
    words.insert(w);
    // Followers are lower-case words (a declaration says so); shorter than 32 letters.
    if (w[0] < 'a' || w[0] > 'z' || w.size() >= 32) std::abort();
    shape[w[0] - 'a'] |= 1u << w.size();
  }
};

int LeadIndex(std::string_view w) {
  for (size_t k = 0; k < kLeadCount; ++k)
    if (kGatedLeads[k] == w) return static_cast<int>(k);
  return -1;
}

std::array<Gate, kLeadCount> BuildGates() {
  std::array<Gate, kLeadCount> gates;
  for (const LeadHeads* family :
       {kCalendarHeads, kWeekdayHeads, kClockHeads, kYearHeads, kDeicticHeads, kRelativeHeads,
        kQuarterHeads, kAnaphoraHeads, kDurationHeads, kSetHeads, kRefHeads, kHolidayHeads,
        kModifierHeads}) {
    for (const LeadHeads* h = family; !h->lead.empty(); ++h) {
      int k = LeadIndex(h->lead);
      // A head for a word that is not gated would be ignored: a slip in a declaration.
      if (k < 0) std::abort();
      gates[k].classes |= h->classes;
      for (size_t b = 0; b < h->words.size();) {
        size_t e = h->words.find(' ', b);
        if (e == std::string_view::npos) e = h->words.size();
        if (e > b) gates[k].Add(h->words.substr(b, e - b));
        b = e + 1;
      }
    }
  }
  return gates;
}

const std::array<Gate, kLeadCount>& Gates() {
  static const auto* gates = new std::array<Gate, kLeadCount>(BuildGates());
  return *gates;
}

}  // namespace

bool HeadsAdmit(const std::vector<Token>& toks, size_t i) {
  const Token& t = toks[i];
  // Every gated lead is a trigger word outside the temporal lexicon: other tokens pass at once.
  if (t.kind != TokKind::kWord || !t.trigger || t.lex != nullptr) return true;
  int k = LeadIndex(t.low);
  if (k < 0) return true;
  if (i + 1 >= toks.size()) return false;
  const Gate& g = Gates()[k];
  const Token& x = toks[i + 1];
  switch (x.kind) {
    case TokKind::kNumber:
      return (g.classes & kFollowNumber) != 0;
    case TokKind::kPunct:
      if (x.low == "'"sv || x.low == "\xe2\x80\x99"sv) return (g.classes & kFollowApostrophe) != 0;
      return x.low == "-"sv && (g.classes & kFollowHyphen) != 0;
    case TokKind::kWord:
      if (x.lex != nullptr && (g.classes & kFollowLex) != 0) return true;
      return g.MayHold(x.low) && g.words.count(x.low) != 0;
  }
  return true;
}

}  // namespace tkg::extract::timex
