#include "attribution_words.h"

#include <algorithm>
#include <cctype>

#include "word_list.h"

namespace tkg::extract::attr {

const WordSet& StopWords() {
  static const WordSet s = {
      "and",     "or",      "but",       "nor",     "that",     "is",      "are",     "was",
      "were",    "be",      "been",      "being",   "has",      "have",    "had",     "do",
      "does",    "did",     "will",      "would",   "can",      "could",   "should",  "may",
      "might",   "must",    "shall",     "to",      "in",       "on",      "at",      "by",
      "for",     "with",    "from",      "into",    "about",    "after",   "before",  "since",
      "during",  "over",    "under",     "not",     "no",       "so",      "then",    "there",
      "here",    "what",    "how",       "why",     "where",    "when",    "while",   "if",
      "as",      "than",    "because",   "though",  "although", "also",    "just",    "only",
      "even",    "very",    "too",       "such",    "it's",     "there's", "like",    "whether",
      "once",    "until",   "unless",    "against", "between",  "through", "without", "within",
      "upon",    "however", "meanwhile", "yet",     "still",    "now",     "later",   "earlier",
      "again",   "never",   "always",    "already", "ever",     "up",      "down",    "out",
      "off",     "instead", "rather",    "whose",   "whom",     "him",     "them",    "us",
      "me",      "i'm",     "we're",     "they're", "he's",     "she's",   "isn't",   "wasn't",
      "doesn't", "don't",   "didn't",    "won't",   "can't",    "per",     "via",     "toward",
      "towards", "among",   "across",    "around",  "behind",   "beyond",  "amid",    "despite",
      "except",  "both",    "either",    "neither", "who",      "which"};
  return s;
}

bool IsDet(const Token& t) {
  static const WordSet s = {"the",   "a",    "an",       "his",     "her",   "their", "its",
                            "our",   "my",   "your",     "this",    "these", "those", "another",
                            "some",  "many", "several",  "most",    "other", "each",  "every",
                            "one",   "two",  "three",    "four",    "five",  "six",   "seven",
                            "eight", "nine", "ten",      "few",     "more",  "all",   "any",
                            "both",  "no",   "numerous", "various", "top",   "senior"};
  return s.count(t) > 0;
}

bool IsQuantifier(const Token& t) {
  static const WordSet s = {"some",    "many", "others", "most", "few",
                            "several", "both", "all",    "those"};
  return s.count(t) > 0;
}

bool IsBarePrepositionalPhrase(const Toks& T, Range r) {
  static const WordSet kPrepositions = {"in",   "on",  "at",      "to",     "during", "from",
                                        "with", "via", "through", "before", "after"};
  static const WordSet kDeterminers = {"a", "an", "the", "his", "her", "their", "its", "my", "our"};
  if (r.b < r.a + 2 || r.b > r.a + 11 || !kPrepositions.count(T[r.a])) return false;
  // "reported from Washington", "spoke in Des Moines": a place.
  bool place = r.b <= r.a + 4;
  for (size_t i = r.a + 1; i < r.b && place; ++i) place = T[i].capitalized || T[i].is(".");
  if (place) return true;
  if (r.b < r.a + 3 || !kDeterminers.count(T[r.a + 1])) return false;
  for (size_t i = r.a + 2; i < r.b; ++i)
    if (T[i].is("that") || T[i].is(",") || T[i].is_quote() || IsFiniteAux(T[i])) return false;
  return true;
}

bool IsPostnominal(const Token& t) {
  static const WordSet s = {"familiar", "close",   "knowledgeable", "involved",
                            "briefed",  "present", "aware"};
  return s.count(t) > 0;
}

bool IsPronoun(const Token& t) {
  return t.is("he") || t.is("she") || t.is("they") || t.is("i") || t.is("we") || t.is("who") ||
         t.is("it") || t.is("you") || t.is("which") ||
         // a pronoun with its auxiliary: "He's claiming", "They've said"
         t.is("he's") || t.is("she's") || t.is("they're") || t.is("we're") || t.is("i'm") ||
         t.is("they've") || t.is("we've") || t.is("i've") || t.is("he'd") || t.is("she'd");
}

bool IsSkippable(const Token& t) {
  static const WordSet s = {
      "also",       "has",      "have",         "had",        "later",        "previously",
      "then",       "recently", "repeatedly",   "publicly",   "privately",    "once",
      "again",      "further",  "already",      "even",       "often",        "never",
      "still",      "just",     "did",          "does",       "do",           "would",
      "will",       "could",    "might",        "may",        "is",           "was",
      "were",       "are",      "been",         "not",        "first",        "last",
      "reportedly", "since",    "flatly",       "had",        "both",         "all",
      "himself",    "herself",  "themselves",   "too",        "subsequently", "immediately",
      "quickly",    "loudly",   "clearly",      "frequently", "should",       "can",
      "now",        "finally",  "specifically", "similarly",  "separately",   "directly",
      "explicitly", "isn't",    "wasn't",       "hasn't",     "haven't",      "didn't",
      "doesn't",    "won't",    "wouldn't",     "can't",      "couldn't",     "aren't",
      "weren't",    "hadn't"};
  if (!t.is_word() || t.capitalized) return false;
  if (s.count(t)) return true;
  // "-ly" adverbs ("repeatedly said"), but not the nouns that end so ("a rally said").
  static const WordSet kNouns = {"rally", "family",  "ally",     "assembly", "supply",
                                 "reply", "anomaly", "monopoly", "bully",    "butterfly",
                                 "tally", "folly",   "italy",    "july"};
  return t.lower.size() > 4 && t.lower.compare(t.lower.size() - 2, 2, "ly") == 0 &&
         !kNouns.count(t);
}

bool IsAdverbialStart(const Token& t) {
  static const WordSet s = {
      "in",        "on",         "at",      "during",   "last",       "this",       "earlier",
      "later",     "after",      "before",  "while",    "when",       "about",      "of",
      "yesterday", "today",      "tonight", "monday",   "tuesday",    "wednesday",  "thursday",
      "friday",    "saturday",   "sunday",  "recently", "afterward",  "afterwards", "privately",
      "publicly",  "again",      "too",     "then",     "previously", "repeatedly", "once",
      "as",        "from",       "via",     "through",  "with",       "over",       "late",
      "early",     "separately", "told",    "wrote",    "according",  "speaking",   "adding",
      "noting",    "referring",  "citing",  "for",      "by",         "under",      "shortly",
      "days",      "weeks",      "months",  "years",    "hours",      "moments",    "minutes",
      "already"};
  return s.count(t) > 0;
}

bool IsPartyState(const Token& t) {
  const std::string& w = t.lower;
  return t.capitalized && w.size() >= 3 && (w[0] == 'r' || w[0] == 'd' || w[0] == 'i') &&
         w[1] == '-' && std::isalpha(static_cast<unsigned char>(w[2]));
}

bool IsFiniteAux(const Token& t) {
  static const WordSet s = {"is",  "was",   "are",    "were",   "will",    "would", "has",  "have",
                            "had", "can",   "could",  "should", "may",     "might", "must", "does",
                            "did", "isn't", "wasn't", "won't",  "doesn't", "didn't"};
  return s.count(t) > 0;
}

bool IsEndPunct(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.is(".") || t.is("!") || t.is("?"));
}

size_t ContentEnd(const Toks& T) {
  size_t e = T.size();
  while (e > 0 && (IsEndPunct(T[e - 1]) || T[e - 1].kind == TokenKind::kCloseQuote ||
                   T[e - 1].is(";") || T[e - 1].is(":")))
    --e;
  return e;
}

bool TakesInfinitive(std::string_view lemma) {
  static constexpr std::string_view kLemmas[] = {
      "vow",      "promise",  "pledge", "agree",  "refuse", "decline", "offer",
      "threaten", "demand",   "ask",    "seek",   "want",   "hope",    "expect",
      "propose",  "continue", "plan",   "decide", "intend", "offer",   "request"};
  return OneOf(lemma, kLemmas);
}

bool TakesNameObject(std::string_view lemma) {
  static constexpr std::string_view kLemmas[] = {
      "endorse", "support", "back",    "praise",   "criticize", "criticise", "attack",
      "blast",   "slam",    "condemn", "denounce", "oppose",    "defend",    "mock",
      "thank",   "applaud", "blame",   "welcome",  "embrace",   "reject",    "dismiss"};
  return OneOf(lemma, kLemmas);
}

size_t NameObjectEnd(const Toks& T, Range r) {
  size_t j = r.a;
  for (;;) {
    while (j < r.b && T[j].is_word() && (T[j].capitalized || (j > r.a && T[j].is("of")))) ++j;
    // A role between names goes on: "Republican presidential candidate Sen. Ted Cruz".
    size_t k = j;
    while (k < r.b && k < j + 3 && T[k].is_word() && !T[k].capitalized && !IsStop(T[k]) &&
           !InTime(T[k]))
      ++k;
    // "endorsed Clinton and Kaine": names joined by "and" are one object.
    if (j > r.a && k == j && j + 1 < r.b && (T[j].is("and") || T[j].is("or")) &&
        T[j + 1].capitalized && T[j + 1].is_word()) {
      j += 1;
      continue;
    }
    if (j == r.a || k == j || k >= r.b || !T[k].capitalized || !T[k].is_word()) break;
    j = k;
  }
  if (j == r.a || j >= r.b) return r.b;
  // "attacked GOP voters", "backed Medicare cuts": the names qualify a plural noun, which
  // heads the object.
  if (T[j].is_word() && !T[j].capitalized && T[j].lower.size() > 3 && T[j].lower.ends_with("s") &&
      !IsStop(T[j]) && !InTime(T[j]) && !T[j].lower.ends_with("ss"))
    return r.b;
  // "slammed Obama as elitist", "praised Kasich for ...": the complement is content.
  if (T[j].is("as") || T[j].is("for") || T[j].is("over") || T[j].is("of") || T[j].is("that") ||
      T[j].is("to") || T[j].kind == TokenKind::kCloseQuote || T[j].is("'"))
    return r.b;
  const std::string& w = T[j - 1].lower;
  bool possessive = (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) || w.back() == '\'' ||
                    (j < r.b && T[j].is("'s"));
  if (possessive) {
    size_t k = j, n = 0;
    while (k < r.b && n < 3 && T[k].is_word() && !T[k].capitalized && !IsStop(T[k]) &&
           !InTime(T[k]))
      ++k, ++n;
    // "condemned North Korea's claim to have tested ...", "mocked Rubio's protestations that
    // ...": the possessed noun's complement is content too.
    if (n > 0 && k < r.b && (T[k].is("to") || T[k].is("that"))) return r.b;
    return k;
  }
  // "praising Jeb Bush, who ended his bid, as "a man who ..."": an apposition, then the
  // complement; "endorsing Hillary Clinton, the Democratic nominee.": an apposition to the end.
  if (T[j].is(",")) {
    size_t k = j + 1;
    while (k < r.b && !T[k].is(",") && k < j + 16) ++k;
    if (k >= r.b && j + 1 < r.b && IsDet(T[j + 1])) return r.b;
    if (k < r.b && T[k].is(",") && k + 1 < r.b && (T[k + 1].is("as") || T[k + 1].is("for")))
      return r.b;
    // "called Clinton, his Democratic challenger, an ISIS co-founder": a naming verb's
    // complement after the apposition.
    if (k < r.b && T[k].is(",") && k + 1 < r.b && IsDet(T[j + 1]) &&
        (T[k + 1].is("a") || T[k + 1].is("an") || T[k + 1].is("the") || T[k + 1].is_quote()))
      return r.b;
  }
  return j;
}

bool IsVerbCue(const Toks& T, size_t i, const Lexicon& lex) {
  const Cue* c = lex.cues.Match(T, i);
  return c != nullptr && c->kind != CueKind::kNoun;
}

bool IsParticipleLeadIn(const Toks& T, size_t i) {
  const Token& t = T[i];
  return t.is(",") || IsDash(t) || t.is("by") || t.is("before") || t.is("after") ||
         (t.kind == TokenKind::kCloseQuote && i > 0 && T[i - 1].is(","));
}

size_t OpeningParen(const Toks& T, size_t close, size_t max_back) {
  for (size_t i = close; i-- > 0 && close - i <= max_back;) {
    if (T[i].is("(")) return i;
    if (T[i].is(")")) break;
  }
  return SIZE_MAX;
}

bool IsLoneIndefinite(const Token& t) {
  return t.is("one") || t.is("another") || t.is("each") || t.is("neither");
}

bool IsNumberWord(const Token& t) {
  static const WordSet s = {"one", "two",   "three", "four", "five",
                            "six", "seven", "eight", "nine", "ten"};
  return s.count(t) > 0 ||
         (!t.lower.empty() && std::isdigit(static_cast<unsigned char>(t.lower[0])));
}

bool IsFraction(const Toks& T, size_t p) {
  if (p >= T.size() || !IsNumberWord(T[p])) return false;
  if (p >= 2 && T[p - 1].is("in") && IsNumberWord(T[p - 2])) return true;
  return p >= 3 && T[p - 1].is("of") && T[p - 2].is("out") && IsNumberWord(T[p - 3]);
}

// The first token of a share of people ending at p: "one in four", "nine out of 10", "47%".
size_t FractionStart(const Toks& T, size_t p) {
  if (IsFraction(T, p)) return T[p - 1].is("in") ? p - 2 : p - 3;
  if (p >= 1 && p < T.size() && T[p].is("%") && IsNumberWord(T[p - 1])) return p - 1;
  return SIZE_MAX;
}

std::optional<Range> LeftNP(const Toks& T, size_t p, const Lexicon& lex) {
  if (size_t f = FractionStart(T, p); f != SIZE_MAX) return Range{f, p + 1};  // "47% say"
  if (p >= T.size() || !T[p].is_word()) return std::nullopt;
  if (IsPronoun(T[p])) return Range{p, p + 1};
  if (IsQuantifier(T[p])) return Range{p, p + 1};  // "Some said", "Many say"
  // "One says ..., while another says ...": a lone "one" or "another" opening its clause.
  if (IsLoneIndefinite(T[p]) &&
      (p == 0 || !T[p - 1].is_word() || T[p - 1].is("while") || T[p - 1].is("and") ||
       T[p - 1].is("but") || T[p - 1].is("whereas")))
    return Range{p, p + 1};
  if (IsStop(T[p]) || IsDet(T[p])) return std::nullopt;
  // A cue word after a determiner or "of" is a noun: "the report said", "a study found", "the
  // secretary of state said".
  if (!T[p].capitalized && IsVerbCue(T, p, lex) &&
      !(p > 0 && (IsDet(T[p - 1]) || T[p - 1].is("of"))))
    return std::nullopt;
  size_t q = p;
  while (q > 0 && p - q < 10) {
    const Token& t = T[q - 1];
    if (!t.is_word()) break;
    if (IsDet(t)) {
      --q;
      // "a senior official", "one top aide": "senior" and "top" read as determiners
      while (q > 0 && p - q < 10 && IsDet(T[q - 1])) --q;
      // "One of his advisers", "some of the voters": a quantifier before "of".
      static const WordSet kPartitive = {"one",  "two",  "three", "some", "many", "several",
                                         "most", "all",  "none",  "each", "any",  "few",
                                         "both", "half", "four",  "five"};
      if (q >= 2 && T[q - 1].is("of") && kPartitive.count(T[q - 2])) q -= 2;
      break;
    }
    if (t.is("of") && q >= 2 && T[q - 2].is_word() && !IsStop(T[q - 2]) && !IsPronoun(T[q - 2])) {
      --q;
      continue;
    }
    if (IsStop(t) || IsPronoun(t)) break;
    if (!t.capitalized && IsVerbCue(T, q - 1, lex)) break;
    --q;
  }
  return Range{q, p + 1};
}

std::optional<Range> RightNP(const Toks& T, size_t k, const Lexicon& lex) {
  size_t j = k;
  while (j < T.size() && j - k < 12 && T[j].is_word()) {
    if (j > k && IsVerbCue(T, j, lex) && !T[j].capitalized) break;
    bool inner_name = j > k && T[j].capitalized && j + 1 < T.size() && T[j + 1].is_word() &&
                      T[j + 1].capitalized;  // "director In An", "The New York Times"
    if (IsStop(T[j]) && !inner_name &&
        !(T[j].is("of") || T[j].is("and") || T[j].is("for") || T[j].is("at") || T[j].is("on")))
      break;
    ++j;
  }
  if (j == k) return std::nullopt;
  while (j > k && (T[j - 1].is("of") || T[j - 1].is("and") || T[j - 1].is("for") ||
                   T[j - 1].is("at") || T[j - 1].is("on")))
    --j;
  if (j == k || IsStop(T[k])) return std::nullopt;
  return Range{k, j};
}

Range Trim(const Toks& T, Range r) {
  r.b = std::min(r.b, T.size());
  if (r.a > r.b) r.a = r.b;
  while (r.a < r.b && !T[r.a].is_word()) ++r.a;
  while (r.b > r.a && !T[r.b - 1].is_word()) --r.b;
  return r;
}

size_t WordCount(const Toks& T, Range r) {
  size_t n = 0;
  for (size_t i = r.a; i < r.b; ++i) n += T[i].is_word();
  return n;
}

bool IsPassiveCue(const Toks& T, size_t ci) {
  static const WordSet kBe = {"was", "were", "is", "are", "been", "be", "being"};
  static const WordSet kIrregular = {"told",    "shown",   "seen", "known",
                                     "written", "thought", "said"};
  const std::string& w = T[ci].lower;
  bool participle = (w.size() > 3 && w.ends_with("ed")) || kIrregular.count(T[ci]);
  return participle && ci > 0 && kBe.count(T[ci - 1]);
}

}  // namespace tkg::extract::attr
