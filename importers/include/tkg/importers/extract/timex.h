// Time expressions: finds dates, times, durations and sets in English news text and normalises
// them as TimeML values against the publication date ("on Monday" written on Thu 2016-04-21 ->
// 2016-04-18; "In March" -> 2016-03; "last week" -> 2016-W15; "two years" -> P2Y).
// Pure: text in, records out. Thread safety: pure functions.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "tkg/schema/types.h"

namespace tkg::extract {

struct TimexOptions {
  // The publication day (days since 1970-01-01); relative expressions resolve against it.
  // nullopt: relative expressions keep their type but get an underspecified value ("XXXX-03").
  std::optional<DayNumber> reference_day;
};

// Every time expression in `text`, in text order, spans as byte offsets into `text`.
std::vector<TimeExpression> FindTimeExpressions(std::string_view text, const TimexOptions& options);

}  // namespace tkg::extract
