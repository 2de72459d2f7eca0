// Statement dating: a statement is dated by a time expression in its own sentence that lies
// outside its content (explicit: "X said on Monday ..."), else by the discourse it belongs to:
// the latest dated statement of the same speaker earlier in the article (context: the meeting "on
// Monday" that following sentences report), else it stays undated. "Today" and the like date it
// to the publication day (basis published).
// Pure. Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tkg/schema/types.h"

namespace tkg::extract {

// What dating needs to know of each statement, in text order.
struct DatingInput {
  Span sentence;              // the sentence(s) holding the statement
  std::vector<Span> content;  // content pieces: expressions inside them are not its date
  std::string speaker_key;    // actor id or folded speaker name; "" if unknown
};

struct DatingResult {
  TimeValue date;
  DateBasis basis = DateBasis::kNone;
};

std::vector<DatingResult> DateStatements(const std::vector<DatingInput>& statements,
                                         const std::vector<TimeExpression>& times,
                                         const TimeValue& published);

// The calendar date of a time expression usable as a statement date, or nullopt.
std::optional<TimeValue> StatementDateOf(const TimeExpression& t, const TimeValue& published,
                                         DateBasis* basis);

}  // namespace tkg::extract
