#include "events.h"

namespace tkg::extract {

std::vector<EventMention> FindEvents(const std::vector<SentenceTokens>& S, const Lexicon& lex) {
  std::vector<EventMention> out;
  for (size_t s = 0; s < S.size(); ++s) {
    const auto& T = S[s].tokens;
    size_t end = T.size();
    while (end > 0 && !T[end - 1].is_word()) --end;
    for (size_t i = 0; i < end; ++i) {
      const EventCue* e = lex.events.Match(T, i);
      if (e == nullptr) continue;
      EventMention m;
      m.sentence = s;
      m.cue_token = i;
      m.type = e->type;
      m.noun = e->noun;
      if (e->noun) {
        // Only a noun introduced by an article or possessive is an event mention ("a meeting").
        if (i == 0) continue;
        const Token& d = T[i - 1];
        size_t b = i - 1;
        // "the meeting" refers back to an event already found.
        if (!(d.is("a") || d.is("an") || d.is("his") || d.is("her") || d.is("their") ||
              d.is("its"))) {
          if (i >= 2 && (T[i - 2].is("a") || T[i - 2].is("an")) && T[i - 1].is_word()) {
            b = i - 2;  // "a closed meeting"
          } else {
            continue;
          }
        }
        size_t j = i + e->words.size();
        while (j < end && !T[j].is(",") && !T[j].is(";") && T[j].kind != TokenKind::kOpenQuote &&
               !T[j].is("where") && !T[j].is("which") && !T[j].is("that"))
          ++j;
        // Keep a list of participants: "with senior officials, engineers and heads".
        while (j < end && T[j].is(",")) {
          size_t k = j + 1;
          while (k < end && T[k].is_word() && !T[k].is("where") && !T[k].is("which")) ++k;
          if (k == j + 1) break;
          bool list = false;
          for (size_t q = j + 1; q < k; ++q) list |= T[q].is("and") || T[q].is("or");
          if (k < end && !T[k].is(",") && !list) break;
          j = k;
          if (list) break;
        }
        m.span = Span{T[b].begin, T[j - 1].end};
      } else {
        size_t b = i;
        while (b > 0 && T[b - 1].is_word()) --b;
        m.span = Span{T[b].begin, T[end - 1].end};
      }
      out.push_back(std::move(m));
      i += e->words.size() - 1;
    }
  }
  return out;
}

}  // namespace tkg::extract
