#include "dating.h"

#include <unordered_map>

namespace tkg::extract {

std::optional<TimeValue> StatementDateOf(const TimeExpression& t, const TimeValue& published,
                                         DateBasis* basis) {
  if (t.type != "DATE" && t.type != "TIME") return std::nullopt;
  *basis = DateBasis::kExplicit;
  std::string value = t.value;
  if (value == "PRESENT_REF") {
    if (published.empty()) return std::nullopt;
    *basis = DateBasis::kPublished;
    value = published.value.substr(0, 10);
  }
  if (value.size() > 10 && value[10] == 'T') value.resize(10);  // a time of day: its date
  auto tv = ParseTimeValue(value);
  if (!tv || !tv->has_interval()) return std::nullopt;
  // "in the 1970s" or "this century" in a sentence says when something happened, never when
  // a statement was made: news dates what people say to the year or finer.
  if (tv->precision < TimePrecision::kYear) return std::nullopt;
  // A statement is not reported before it is made: dates after publication are plans.
  if (published.has_interval() && tv->first_day > published.last_day) return std::nullopt;
  // "today" or "Thursday" naming the publication day stays explicit: it is written in the sentence.
  return tv;
}

std::vector<DatingResult> DateStatements(const std::vector<DatingInput>& st,
                                         const std::vector<TimeExpression>& times,
                                         const TimeValue& published) {
  std::vector<DatingResult> out(st.size());
  std::unordered_map<std::string, DatingResult> last_by_speaker;
  for (size_t i = 0; i < st.size(); ++i) {
    const DatingInput& in = st[i];
    DatingResult best;
    for (const TimeExpression& t : times) {
      if (t.span.begin < in.sentence.begin || t.span.end > in.sentence.end) continue;
      bool in_content = false;
      for (const Span& c : in.content)
        if (t.span.begin < c.end && c.begin < t.span.end) in_content = true;
      if (in_content) continue;
      DateBasis basis;
      auto tv = StatementDateOf(t, published, &basis);
      if (!tv) continue;
      if (best.date.empty() || tv->precision > best.date.precision) {
        best.date = *tv;
        best.basis = basis;
      }
    }
    if (best.date.empty() && !in.speaker_key.empty()) {
      auto it = last_by_speaker.find(in.speaker_key);
      if (it != last_by_speaker.end()) {
        best.date = it->second.date;
        best.basis = DateBasis::kContext;
      }
    }
    if (!best.date.empty() && !in.speaker_key.empty()) last_by_speaker[in.speaker_key] = best;
    out[i] = best;
  }
  return out;
}

}  // namespace tkg::extract
