// Word classes and token-range helpers shared by the attribution rules (attribution_*.cpp).
// Internal to the extraction module. Thread safety: pure functions.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "tkg/schema/types.h"
#include "tokens.h"

namespace tkg::extract::attr {

using Toks = std::vector<Token>;

// Function words that never head a source or a name: "and", "is", "to", "which", ...
const WordSet& StopWords();

// Determiners and quantifiers that open a noun phrase: "the", "his", "several", "top".
bool IsDet(const Token& t);

// Subject pronouns, with their contracted auxiliaries ("he's", "they've"), and "who".
bool IsPronoun(const Token& t);
// A quantifier that stands for people on its own: "Some said", "Many say", "Those close to".
bool IsQuantifier(const Token& t);
// An adjective that follows its noun in a source: "officials familiar with", "a person close to".
bool IsPostnominal(const Token& t);

inline bool IsStop(const Token& t) { return StopWords().count(t) > 0; }

// Words between a source and its cue that belong to neither: "also", "has", "later", "-ly".
bool IsSkippable(const Token& t);

// Words that open the adverbial after a closing cue: "said Tuesday", "said in a statement".
bool IsAdverbialStart(const Token& t);

// Auxiliaries and copulas that mark a finite clause: "is", "would", "has".
bool IsFiniteAux(const Token& t);
// "R-Fla", "D-N.Y", "I-Vt": a party and a state after a US lawmaker's name.
bool IsPartyState(const Token& t);

// Inside a time expression ("Thursday evening", "last week", "in March"), as the timex stage
// found it.
inline bool InTime(const Token& t) { return (t.cls & kClsInTime) != 0; }

bool IsEndPunct(const Token& t);

// One past the last token that can hold content: drops the final period and quotes after it.
size_t ContentEnd(const Toks& T);

struct Range {
  size_t a = 0, b = 0;  // [a, b)
  bool empty() const { return b <= a; }
};

// Reporting verbs whose content may be a to-infinitive: "vowed to fight", "agreed to testify".
bool TakesInfinitive(std::string_view lemma);

// Stance verbs whose content is often just who they are about: "endorsed Sanders in
// December", "praised Clinton's remarks on Thursday".
bool TakesNameObject(std::string_view lemma);

// When the object of such a verb is a name ("Mr. Sanders", "Sanders' approach"), it ends with
// the name and at most two lower-case words; a time, place or verb after it is not content.
size_t NameObjectEnd(const Toks& T, Range r);

// A cue other than a noun ("claim" in "Smith's claim that") starts at token i.
bool IsVerbCue(const Toks& T, size_t i, const Lexicon& lex);

// The noun phrase that ends at token p (inclusive), read leftwards.
std::optional<Range> LeftNP(const Toks& T, size_t p, const Lexicon& lex);

// The noun phrase that starts at token k, read rightwards up to a comma or the sentence end.
std::optional<Range> RightNP(const Toks& T, size_t k, const Lexicon& lex);

inline Span TokSpan(const Toks& T, size_t a, size_t b) { return Span{T[a].begin, T[b - 1].end}; }

// Trims punctuation and quote marks at both ends of [a, b).
Range Trim(const Toks& T, Range r);

size_t WordCount(const Toks& T, Range r);

// The cue T[ci] is a passive participle ("was charged with", "were told", "is expected"): its
// subject did not speak. (Negated cues, "did not respond", stay statements: PolNeAR counts them,
// and they report a stance.)
bool IsPassiveCue(const Toks& T, size_t ci);

// "in an interview with CNN", "to a crowd of about 500": a preposition, a determiner or
// possessive and at most nine more words, with no clause ("that", a finite verb, a comma); or a
// preposition and a place of up to three capitalised words ("from Washington").
bool IsBarePrepositionalPhrase(const Toks& T, Range r);

// Token i may stand right before a participle cue that speaks for the sentence's subject: a
// comma, a dash, "by", "before", "after", or a quotation closed with its comma (`"...,"
// adding`). ("..., while also urging ..." stays part of the statement it accompanies.)
bool IsParticipleLeadIn(const Toks& T, size_t i);

// The "(" opening the parenthesis closed at token `close`, at most `max_back` tokens before it
// and with no other parenthesis mark between; SIZE_MAX if none.
size_t OpeningParen(const Toks& T, size_t close, size_t max_back);

// "one", "another", "each", "neither": a lone indefinite that can speak ("another says").
bool IsLoneIndefinite(const Token& t);

// "one in four", "9 in 10" ending at token p: a share of people, which can speak.
bool IsFraction(const Toks& T, size_t p);

// The first token of a share of people ending at token p ("one in four", "nine out of 10",
// "47%"), or SIZE_MAX.
size_t FractionStart(const Toks& T, size_t p);

// A source starting at token `a` follows a quotation it closes: `"...," the mogul said`,
// `"...", his wife said`.
inline bool ClosesQuote(const Toks& T, size_t a) {
  return (a > 0 && T[a - 1].kind == TokenKind::kCloseQuote) ||
         (a > 1 && T[a - 1].is(",") && T[a - 2].kind == TokenKind::kCloseQuote);
}

}  // namespace tkg::extract::attr
