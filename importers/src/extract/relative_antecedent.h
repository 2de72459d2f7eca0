// Which name a relative pronoun ("who", "which") stands for. Pure: tokens and name mentions of
// one sentence in, a mention out.
#pragma once

#include <cstddef>
#include <vector>

#include "names.h"
#include "tokens.h"

namespace tkg::extract {

// The name mention that the relative pronoun at token `rel` refers to:
// - the name just before it, past a comma and a parenthesis: "Sen. Chris Murphy (D-Conn.), who",
//   "Jake Sullivan (who";
// - the name an apposition describes: "Laurence Meyer, a former Fed governor who argued",
//   "Norm Coleman, the former senator from Minnesota who" (not Minnesota, a preposition's object).
// nullptr when the antecedent is no name ("voters who believed", "those who said").
const NameMention* RelativeAntecedent(const std::vector<Token>& tokens, size_t rel,
                                      const std::vector<NameMention>& names);

}  // namespace tkg::extract
