#include <algorithm>
#include <cctype>

#include "attribution_finder.h"

namespace tkg::extract::attr {

std::vector<Attribution> Finder::Run() {
  MarkQuotes();
  std::vector<Attribution> out;
  for (size_t s = 0; s < S.size(); ++s) {
    const Toks& T = S[s].tokens;
    std::vector<uint8_t> consumed(T.size(), 0);
    Colon(s, &out);
    DashSignature(s, &out);
    InDocument(s, &out);
    for (size_t ci = 0; ci < T.size(); ++ci) {
      if (consumed[ci] || inside[s][ci]) continue;
      const Cue* cue = lex.cues.Match(T, ci);
      if (cue == nullptr) continue;
      // Capitalised cues mid-sentence only in title case, and only reporting and stance verbs
      // there ("Sanders Says ...", "X Slams Y", "X Wants to ..."), not beliefs.
      if (T[ci].capitalized && ci > 0 && cue->kind != CueKind::kAccording &&
          !(S[s].title_case && (cue->kind == CueKind::kSpeech || cue->kind == CueKind::kReport ||
                                cue->kind == CueKind::kDirective)))
        continue;
      size_t cj = ci + cue->words.size();
      Attribution a;
      a.sentence = a.first_sentence = a.last_sentence = s;
      a.cue = TokSpan(T, ci, cj);
      for (size_t k = ci; k < cj; ++k) a.cue_text += (k > ci ? " " : "") + T[k].lower;
      a.kind = cue->kind;
      bool ok = cue->kind == CueKind::kAccording ? According(s, ci, cj, &a, &consumed)
                                                 : Verb(s, ci, cj, *cue, &a, &consumed);
      if (!ok || a.content.empty() || a.source.empty()) continue;
      EndAtMainClause(T, &a);
      if (!a.reporter.empty()) DetachFarRelay(T, cj, &a, &consumed);
      for (size_t k = ci; k < cj; ++k) consumed[k] = 1;
      bool relayed = relay_.sentence == s && !a.reporter.empty();
      relay_.sentence = SIZE_MAX;
      if (last_sentence_ != s) first_source_ = Range{a.source_first, a.source_last};
      last_sentence_ = s;
      last_source_ = Range{a.source_first, a.source_last};
      last_cue_end_ = cj;
      out.push_back(std::move(a));
      // "X plans to ..., according to an aide": a stance reported through a closing chain is
      // the relay's statement (DropRestatements then drops the inner stance). Speech keeps
      // its speaker, with the relay as reported_by ("He said ..., the Post reported").
      if (relayed &&
          (out.back().kind == CueKind::kDirective || out.back().kind == CueKind::kBelief))
        RelayStatement(out.back(), &out);
      ci = cj - 1;
    }
  }
  DropRestatements(&out);
  return out;
}

void Finder::RelayStatement(const Attribution& inner, std::vector<Attribution>* out) {
  const Toks& T = S[inner.sentence].tokens;
  Range relay = relay_.relay;
  size_t cue = relay_.cue;
  const Cue* c = lex.cues.Match(T, cue);  // "reported", "said", "according to"
  if (c == nullptr) return;
  size_t cue_end = cue + c->words.size();
  size_t comma = std::min(relay.a, cue);
  while (comma > inner.source_first && !T[comma].is(",")) --comma;
  if (comma <= inner.source_first) return;
  Attribution a;
  a.sentence = a.first_sentence = a.last_sentence = inner.sentence;
  SetSource(&a, T, relay);
  a.cue = TokSpan(T, cue, cue_end);
  for (size_t k = cue; k < cue_end; ++k) a.cue_text += (k > cue ? " " : "") + T[k].lower;
  a.kind = c->kind;
  SetContent(&a, T, Range{inner.source_first, comma});
  if (a.content.empty()) return;
  a.rule = "relay";
  a.confidence = inner.confidence - 0.1f;
  out->push_back(std::move(a));
}

void Finder::DropRestatements(std::vector<Attribution>* out) const {
  std::vector<uint8_t> drop(out->size(), 0);
  for (size_t i = 0; i < out->size(); ++i) {
    const Attribution& a = (*out)[i];
    if (a.rule == "participle" || a.rule == "appositive") continue;
    // A stance or belief inside another statement's words ("he said Obama hopes ...") is the
    // outer speaker's report, not a statement of its own; words reported inside stay.
    bool stance = a.kind == CueKind::kDirective || a.kind == CueKind::kBelief;
    if (!stance &&
        (a.source_last != a.source_first + 1 || !IsPronoun(S[a.sentence].tokens[a.source_first])))
      continue;
    for (size_t j = 0; j < out->size() && !drop[i]; ++j) {
      const Attribution& b = (*out)[j];
      if (j == i || drop[j]) continue;
      for (const Span& part : b.content_parts)
        if (part.begin <= a.cue.begin && a.cue.end <= part.end) drop[i] = 1;
    }
  }
  size_t w = 0;
  for (size_t i = 0; i < out->size(); ++i) {
    if (drop[i]) continue;
    if (w != i) (*out)[w] = std::move((*out)[i]);
    ++w;
  }
  out->resize(w);
}

// "The committee, which backed X, spent $1m, according to Y": more than three words between
// the content and its relay mean the chain belongs to the main clause, not to this statement;
// the relay is dropped and the chain's cue is free again.
void Finder::DetachFarRelay(const Toks& T, size_t cj, Attribution* a,
                            std::vector<uint8_t>* consumed) const {
  size_t gap = 0;
  for (size_t k = cj; k < T.size(); ++k)
    gap += T[k].is_word() && T[k].begin >= a->content.end && T[k].end <= a->reporter.begin;
  if (gap <= 3) return;
  a->reporter = Span{};
  for (size_t k = cj; k < T.size(); ++k)
    if (T[k].begin >= a->content.end) (*consumed)[k] = 0;
}

// "While Ramos said that X, he appears ...": an attribution inside a subordinate or relative
// clause ends where the clause does.
void Finder::EndAtMainClause(const Toks& T, Attribution* a) const {
  static const WordSet kSubordinators = {"while",   "though", "although", "because", "since",
                                         "if",      "when",   "after",    "before",  "once",
                                         "whereas", "unless", "as"};
  if (a->direct || a->content_parts.size() != 1 || a->content.begin < a->cue.end) return;
  // "Mr. McConnell, who has endorsed Mr. Trump and criticized his campaign, offered ...": the
  // cue inside a relative clause; its content ends with the clause, at the next comma.
  bool relative = false;
  for (size_t i = 0; i + 1 < T.size() && T[i + 1].end <= a->cue.begin; ++i) {
    if (T[i].is(",") && (T[i + 1].is("who") || T[i + 1].is("which")))
      relative = true;
    else if (relative && T[i].is(","))
      relative = false;
  }
  size_t before = a->source_first;  // "While only 7 percent said ...": past a focus adverb
  if (before > 1 && (T[before - 1].is("only") || T[before - 1].is("just") ||
                     T[before - 1].is("even") || T[before - 1].is("nearly")))
    --before;
  bool subordinate = before > 0 && kSubordinators.count(T[before - 1]);
  if (!relative && !subordinate) return;
  for (size_t i = 0; i + 1 < T.size(); ++i) {
    if (T[i].begin < a->content.begin || T[i].end > a->content.end) continue;
    if (!T[i].is(",")) continue;
    const Token& n = T[i + 1];
    bool number = !n.lower.empty() && std::isdigit(static_cast<unsigned char>(n.lower[0]));
    if (relative || (n.is_word() && (IsPronoun(n) || n.capitalized || IsDet(n) || number))) {
      size_t b = i;
      while (b > 0 && T[b - 1].end > a->content.begin && !T[b - 1].is_word()) --b;
      if (b == 0 || T[b - 1].end <= a->content.begin) return;
      a->content = TrimSpan(Span{a->content.begin, T[b - 1].end});
      a->content_parts = {a->content};
      return;
    }
  }
}

}  // namespace tkg::extract::attr

namespace tkg::extract {

std::vector<Attribution> FindAttributions(std::string_view text,
                                          const std::vector<SentenceTokens>& sentences,
                                          const Lexicon& lexicon) {
  attr::Finder f{text, sentences, lexicon, {}, SIZE_MAX, {}, {}, 0, {}};
  return f.Run();
}

}  // namespace tkg::extract
