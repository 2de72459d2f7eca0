#include "relative_antecedent.h"

#include <algorithm>

#include "word_table.h"

namespace tkg::extract {

namespace {

// The mention whose words end with token `j`, or nullptr.
const NameMention* NameEndingAt(const std::vector<Token>& T, size_t j,
                                const std::vector<NameMention>& names) {
  for (const NameMention& m : names)
    if (m.span.end == T[j].end || m.name.end == T[j].end) return &m;
  return nullptr;
}

// Whether a preposition stands just before the mention ("from Minnesota", "of the Caucus").
bool AfterPreposition(const std::vector<Token>& T, const NameMention& m) {
  static const WordSet kPrep = {"of", "on", "to", "with", "at", "for", "from", "in", "about", "by"};
  for (size_t i = 1; i < T.size(); ++i) {
    if (T[i].begin != m.span.begin) continue;
    if (i >= 2 && T[i - 1].is("the")) --i;  // "of the Progressive Caucus"
    return kPrep.count(T[i - 1]) > 0;
  }
  return false;
}

// The person an apposition ending with token `j` describes: "Ronnie Cameron, an Arkansas poultry
// magnate", "Dianne Feinstein, the ranking Democrat on the Senate Intelligence Committee".
const NameMention* DescribedByApposition(const std::vector<Token>& T, size_t j,
                                         const std::vector<NameMention>& names) {
  size_t k = j + 1;
  for (;;) {
    while (k > 0 && j + 1 - k < 12 && T[k - 1].is_word()) --k;
    // "a gynecologist from Englewood, New Jersey, who": a place and its state.
    if (k >= 3 && k <= j && T[k].capitalized && T[k - 1].is(",") && T[k - 2].capitalized &&
        T[k - 2].is_word() && j + 1 - k < 12) {
      k -= 2;
      continue;
    }
    break;
  }
  if (k < 2 || k > j || !T[k - 1].is(",")) return nullptr;
  // An apposition opens with an article ("a former Fed governor"); a bare plural after a comma
  // is more often the next item of a list ("centrists who ..., radicals who").
  if (!T[k].is("a") && !T[k].is("an") && !T[k].is("the")) return nullptr;
  const NameMention* named = NameEndingAt(T, k - 2, names);
  if (named == nullptr || named->type != ActorType::kPerson) return nullptr;
  return named;
}

}  // namespace

const NameMention* RelativeAntecedent(const std::vector<Token>& T, size_t rel,
                                      const std::vector<NameMention>& names) {
  if (rel == 0 || rel > T.size()) return nullptr;
  size_t j = rel - 1;
  bool comma = T[j].is(",") || T[j].is("(");  // "Jake Sullivan (who ...)" as well
  if (comma && j > 0) --j;
  // "Sue Hall, 62, who": an age between the name and its clause.
  if (comma && j >= 2 && T[j].is_word() && T[j - 1].is(",") &&
      std::all_of(T[j].lower.begin(), T[j].lower.end(),
                  [](char c) { return c >= '0' && c <= '9'; }))
    j -= 2;
  if (T[j].is(")")) {  // "(D-Conn.)" between the name and its relative clause
    size_t k = j;
    while (k > 0 && j - k < 8 && !T[k].is("(")) --k;
    if (!T[k].is("(") || k == 0) return nullptr;
    j = k - 1;
  }
  const NameMention* m = NameEndingAt(T, j, names);
  // A name after a preposition modifies the noun before it ("the senator from Minnesota who",
  // "a co-chairman of the Progressive Caucus, who"), unless a comma closes a person's name ("by
  // Sen. Chris Murphy, who").
  bool modifier = m != nullptr && AfterPreposition(T, *m);
  // "Alan Berg, a doctor from Leeds, Maine, who": the place ends the apposition of a person.
  if (m != nullptr && m->type == ActorType::kPlace) {
    const NameMention* described = DescribedByApposition(T, j, names);
    if (described != nullptr) return described;
  }
  if (m != nullptr && (!modifier || (comma && m->type == ActorType::kPerson))) return m;
  const NameMention* described = DescribedByApposition(T, j, names);
  if (described != nullptr) return described;
  return comma ? m : nullptr;  // "the Conservative Action Fund, which"
}

}  // namespace tkg::extract
