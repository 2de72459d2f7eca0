#include "attribution.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_set>

#include "word_list.h"

namespace tkg::extract {

namespace {

using Toks = std::vector<Token>;

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

bool IsPronoun(const Token& t) {
  return t.is("he") || t.is("she") || t.is("they") || t.is("i") || t.is("we") || t.is("who") ||
         t.is("it") || t.is("you") || t.is("which") ||
         // a pronoun with its auxiliary: "He's claiming", "They've said"
         t.is("he's") || t.is("she's") || t.is("they're") || t.is("we're") || t.is("i'm") ||
         t.is("they've") || t.is("we've") || t.is("i've") || t.is("he'd") || t.is("she'd");
}

bool IsStop(const Token& t) { return StopWords().count(t) > 0; }

// Words between a source and its cue that belong to neither: "also", "has", "later", "-ly".
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
  return t.lower.size() > 4 && t.lower.compare(t.lower.size() - 2, 2, "ly") == 0;
}

// Words that open the adverbial after a closing cue: "said Tuesday", "said in a statement".
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

// Auxiliaries and copulas that mark a finite clause: "is", "would", "has".
bool IsFiniteAux(const Token& t) {
  static const WordSet s = {"is",  "was",   "are",    "were",   "will",    "would", "has",  "have",
                            "had", "can",   "could",  "should", "may",     "might", "must", "does",
                            "did", "isn't", "wasn't", "won't",  "doesn't", "didn't"};
  return s.count(t) > 0;
}

// Inside a time expression ("Thursday evening", "last week", "in March"), as the timex stage
// found it.
bool InTime(const Token& t) { return (t.cls & kClsInTime) != 0; }

bool IsEndPunct(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.is(".") || t.is("!") || t.is("?"));
}

// One past the last token that can hold content: drops the final period and quotes after it.
size_t ContentEnd(const Toks& T) {
  size_t e = T.size();
  while (e > 0 && (IsEndPunct(T[e - 1]) || T[e - 1].kind == TokenKind::kCloseQuote ||
                   T[e - 1].is(";") || T[e - 1].is(":")))
    --e;
  return e;
}

struct Range {
  size_t a = 0, b = 0;  // [a, b)
  bool empty() const { return b <= a; }
};

// Reporting verbs whose content may be a to-infinitive: "vowed to fight", "agreed to testify".
bool TakesInfinitive(std::string_view lemma) {
  static constexpr std::string_view kLemmas[] = {
      "vow",      "promise",  "pledge", "agree",  "refuse", "decline", "offer",
      "threaten", "demand",   "ask",    "seek",   "want",   "hope",    "expect",
      "propose",  "continue", "plan",   "decide", "intend", "offer",   "request"};
  return OneOf(lemma, kLemmas);
}

// Stance verbs whose content is often just who they are about: "endorsed Sanders in
// December", "praised Clinton's remarks on Thursday".
bool TakesNameObject(std::string_view lemma) {
  static constexpr std::string_view kLemmas[] = {
      "endorse", "support", "back",    "praise",   "criticize", "criticise", "attack",
      "blast",   "slam",    "condemn", "denounce", "oppose",    "defend",    "mock",
      "thank",   "applaud", "blame",   "welcome",  "embrace",   "reject",    "dismiss"};
  return OneOf(lemma, kLemmas);
}

// When the object of such a verb is a name ("Mr. Sanders", "Sanders' approach"), it ends with
// the name and at most two lower-case words; a time, place or verb after it is not content.
size_t NameObjectEnd(const Toks& T, Range r) {
  size_t j = r.a;
  for (;;) {
    while (j < r.b && T[j].is_word() && (T[j].capitalized || (j > r.a && T[j].is("of")))) ++j;
    // A role between names goes on: "Republican presidential candidate Sen. Ted Cruz".
    size_t k = j;
    while (k < r.b && k < j + 3 && T[k].is_word() && !T[k].capitalized && !IsStop(T[k]) &&
           !InTime(T[k]))
      ++k;
    if (j == r.a || k == j || k >= r.b || !T[k].capitalized || !T[k].is_word()) break;
    j = k;
  }
  if (j == r.a || j >= r.b) return r.b;
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
    return k;
  }
  return j;
}

// A cue other than a noun ("claim" in "Smith's claim that") starts at token i.
bool IsVerbCue(const Toks& T, size_t i, const Lexicon& lex) {
  const Cue* c = lex.cues.Match(T, i);
  return c != nullptr && c->kind != CueKind::kNoun;
}

// The noun phrase that ends at token p (inclusive), read leftwards.
std::optional<Range> LeftNP(const Toks& T, size_t p, const Lexicon& lex) {
  if (p >= T.size() || !T[p].is_word()) return std::nullopt;
  if (IsPronoun(T[p])) return Range{p, p + 1};
  if (T[p].is("some") || T[p].is("many") || T[p].is("others") || T[p].is("most") ||
      T[p].is("few") || T[p].is("several") || T[p].is("both") || T[p].is("all")) {
    return Range{p, p + 1};  // "Some said", "Many say"
  }
  if (IsStop(T[p]) || IsDet(T[p])) return std::nullopt;
  if (!T[p].capitalized && IsVerbCue(T, p, lex)) return std::nullopt;
  size_t q = p;
  while (q > 0 && p - q < 10) {
    const Token& t = T[q - 1];
    if (!t.is_word()) break;
    if (IsDet(t)) {
      --q;
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

// The noun phrase that starts at token k, read rightwards up to a comma or the sentence end.
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

Span TokSpan(const Toks& T, size_t a, size_t b) { return Span{T[a].begin, T[b - 1].end}; }

// Trims punctuation and quote marks at both ends of [a, b).
Range Trim(const Toks& T, Range r) {
  while (r.a < r.b && !T[r.a].is_word()) ++r.a;
  while (r.b > r.a && !T[r.b - 1].is_word()) --r.b;
  return r;
}

size_t WordCount(const Toks& T, Range r) {
  size_t n = 0;
  for (size_t i = r.a; i < r.b; ++i) n += T[i].is_word();
  return n;
}

struct Finder {
  std::string_view text;
  const std::vector<SentenceTokens>& S;
  const Lexicon& lex;
  std::vector<std::vector<uint8_t>> inside;  // per sentence, per token: inside a quotation
  size_t last_sentence_ = SIZE_MAX;          // the sentence of the latest attribution
  Range last_source_;                        // and its source

  void MarkQuotes() {
    inside.resize(S.size());
    bool in = false;
    uint32_t para = UINT32_MAX;
    for (size_t s = 0; s < S.size(); ++s) {
      if (S[s].paragraph != para) {
        in = false;
        para = S[s].paragraph;
      }
      const Toks& T = S[s].tokens;
      inside[s].assign(T.size(), 0);
      for (size_t i = 0; i < T.size(); ++i) {
        if (T[i].kind == TokenKind::kOpenQuote) {
          in = true;
        } else if (T[i].kind == TokenKind::kCloseQuote) {
          in = false;
        }
        inside[s][i] = in && T[i].kind != TokenKind::kOpenQuote;
      }
    }
  }

  // A quotation opened at token k of sentence s: its content up to the closing mark, following
  // sentences of the same paragraph if needed. Sets *last_sentence.
  Span QuoteForward(size_t s, size_t k, size_t* last_sentence) const {
    uint32_t begin = S[s].tokens[k].end;
    uint32_t para = S[s].paragraph;
    for (size_t t = s; t < S.size() && t < s + 12; ++t) {
      const Toks& T = S[t].tokens;
      size_t from = t == s ? k + 1 : 0;
      if (S[t].paragraph != para) {
        // A paragraph that ends inside a quotation goes on in the next one, which reopens it.
        if (para == UINT32_MAX || T.empty() || T[0].kind != TokenKind::kOpenQuote) break;
        para = S[t].paragraph;
        from = 1;
      }
      for (size_t i = from; i < T.size(); ++i) {
        if (T[i].kind == TokenKind::kCloseQuote || (t != s && T[i].kind == TokenKind::kOpenQuote)) {
          *last_sentence = t;
          return TrimSpan(Span{begin, T[i].begin});
        }
      }
      *last_sentence = t;
    }
    return TrimSpan(Span{begin, S[*last_sentence].span.end});
  }

  // A quotation closed at token k of sentence s: its content from the opening mark, earlier
  // sentences of the same paragraph if needed. Sets *first_sentence.
  Span QuoteBackward(size_t s, size_t k, size_t* first_sentence) const {
    uint32_t end = S[s].tokens[k].begin;
    for (size_t t = s + 1; t-- > 0;) {
      if (S[t].paragraph != S[s].paragraph || s - t > 12) break;
      const Toks& T = S[t].tokens;
      size_t from = t == s ? k : T.size();
      for (size_t i = from; i-- > 0;) {
        if (T[i].kind == TokenKind::kOpenQuote) {
          *first_sentence = t;
          return TrimSpan(Span{T[i].end, end});
        }
        if (t != s && T[i].kind == TokenKind::kCloseQuote) {
          *first_sentence = t + 1 <= s ? t + 1 : s;
          return TrimSpan(Span{S[*first_sentence].span.begin, end});
        }
      }
      *first_sentence = t;
    }
    return TrimSpan(Span{S[*first_sentence].span.begin, end});
  }

  Span TrimSpan(Span sp) const {
    auto strip_front = [&](uint32_t& b, uint32_t e) {
      while (b < e) {
        unsigned char c = static_cast<unsigned char>(text[b]);
        if (c == ' ' || c == '\n' || c == ',' || c == '"' || c == '\'' || c == ':' || c == '.') {
          ++b;
        } else if (text.compare(b, 3, "\xE2\x80\x9C") == 0 ||
                   text.compare(b, 3, "\xE2\x80\x9D") == 0 ||
                   text.compare(b, 3, "\xE2\x80\x98") == 0 ||
                   text.compare(b, 3, "\xE2\x80\x94") == 0) {
          b += 3;
        } else if (text.compare(b, 2, "\xC2\xA0") == 0) {
          b += 2;
        } else {
          break;
        }
      }
    };
    strip_front(sp.begin, sp.end);
    while (sp.end > sp.begin) {
      unsigned char c = static_cast<unsigned char>(text[sp.end - 1]);
      if (c == ' ' || c == '\n' || c == ',' || c == '"' || c == '.' || c == ':' || c == ';') {
        --sp.end;
      } else if (sp.end - sp.begin >= 3 && (text.compare(sp.end - 3, 3, "\xE2\x80\x9D") == 0 ||
                                            text.compare(sp.end - 3, 3, "\xE2\x80\x9C") == 0 ||
                                            text.compare(sp.end - 3, 3, "\xE2\x80\x94") == 0)) {
        sp.end -= 3;
      } else if (sp.end - sp.begin >= 2 && text.compare(sp.end - 2, 2, "\xC2\xA0") == 0) {
        sp.end -= 2;
      } else {
        break;
      }
    }
    return sp;
  }

  // ", the Post reported." or ", according to X." closing the range [k, e): returns the comma
  // index and fills the relay's token range and the chain's cue index.
  bool FindChain(const Toks& T, size_t k, size_t e, Range* relay, size_t* cue_index) const {
    for (size_t c = e; c-- > k + 1;) {
      if (!T[c].is(",")) continue;
      size_t j = c + 1;
      if (j < e && T[j].kind == TokenKind::kCloseQuote) ++j;
      if (j + 2 < e + 1 && T[j].is("according") && j + 1 < e && T[j + 1].is("to")) {
        auto np = RightNP(T, j + 2, lex);
        if (np && np->b >= e) {
          *relay = *np;
          *cue_index = j;
          return true;
        }
      }
      auto np = RightNP(T, j, lex);
      if (!np) continue;
      size_t q = np->b;
      while (q < e && IsSkippable(T[q])) ++q;
      const Cue* cue = lex.cues.Match(T, q);
      if (cue == nullptr || cue->kind == CueKind::kDirective || cue->kind == CueKind::kBelief ||
          cue->kind == CueKind::kNoun)
        continue;
      size_t after = q + cue->words.size();
      if (after + 3 < e) continue;  // something follows: not a closing chain
      *relay = *np;
      *cue_index = q;
      return true;
    }
    return false;
  }

  std::vector<Attribution> Run() {
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
        // Capitalised cues mid-sentence only in title case ("Sanders Says ..."), and only
        // reporting verbs there: "Wants" in a headline is no statement.
        if (T[ci].capitalized && ci > 0 && cue->kind != CueKind::kAccording &&
            !(S[s].title_case && (cue->kind == CueKind::kSpeech || cue->kind == CueKind::kReport)))
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
        for (size_t k = ci; k < cj; ++k) consumed[k] = 1;
        last_sentence_ = s;
        last_source_ = Range{a.source_first, a.source_last};
        out.push_back(std::move(a));
        ci = cj - 1;
      }
    }
    return out;
  }

  // "While Ramos said that X, he appears ...": an attribution inside a subordinate clause ends
  // where the main clause begins.
  void EndAtMainClause(const Toks& T, Attribution* a) const {
    static const WordSet kSubordinators = {"while",   "though", "although", "because", "since",
                                           "if",      "when",   "after",    "before",  "once",
                                           "whereas", "unless", "as"};
    if (a->direct || a->content_parts.size() != 1 || a->source_first == 0 ||
        a->content.begin < a->cue.end || !kSubordinators.count(T[a->source_first - 1]))
      return;
    for (size_t i = 0; i + 1 < T.size(); ++i) {
      if (T[i].begin < a->content.begin || T[i].end > a->content.end) continue;
      if (!T[i].is(",")) continue;
      const Token& n = T[i + 1];
      if (n.is_word() && (IsPronoun(n) || n.capitalized || IsDet(n))) {
        size_t b = i;
        while (b > 0 && T[b - 1].end > a->content.begin && !T[b - 1].is_word()) --b;
        if (b == 0 || T[b - 1].end <= a->content.begin) return;
        a->content = TrimSpan(Span{a->content.begin, T[b - 1].end});
        a->content_parts = {a->content};
        return;
      }
    }
  }

  // "Sanders: Brexit's message could draw Trump support" / "MATTHEWS: Well, ...": a short
  // name opening a sentence and a colon.
  void Colon(size_t s, std::vector<Attribution>* out) {
    const Toks& T = S[s].tokens;
    // A transcript quoted whole: "\"SMITH: ...".
    size_t k0 = !T.empty() && T[0].kind == TokenKind::kOpenQuote ? 1 : 0;
    size_t k = k0;
    while (k < T.size() && k < k0 + 5 && T[k].is_word() && (T[k].capitalized || T[k].is("of"))) ++k;
    if (k == k0 || k >= T.size() || !T[k].is(":") || !T[k0].capitalized) return;
    if (lex.nonnames.count(T[k0]) && k == k0 + 1) return;
    size_t ne = ContentEnd(T);
    Range r = Trim(T, Range{k + 1, ne});
    if (WordCount(T, r) < 3) return;
    Attribution a;
    a.sentence = a.first_sentence = a.last_sentence = s;
    SetSource(&a, T, Range{k0, k});
    a.cue = TokSpan(T, k, k + 1);
    a.cue_text = ":";
    a.kind = CueKind::kSpeech;
    SetContent(&a, T, r);
    // A speaker's turn ("SMITH: ...") in a transcript runs to the end of its paragraph.
    if (S[s].paragraph != UINT32_MAX && T[k + 1].kind != TokenKind::kOpenQuote) {
      for (size_t t = s + 1; t < S.size() && S[t].paragraph == S[s].paragraph && t < s + 30; ++t) {
        Span part = TrimSpan(S[t].span);
        if (part.empty()) continue;
        a.content_parts.push_back(part);
        a.content.end = part.end;
        a.last_sentence = t;
      }
    }
    a.direct = T[k + 1].kind == TokenKind::kOpenQuote;
    a.rule = "colon";
    a.confidence = 0.6f;
    out->push_back(std::move(a));
  }

  // "In the CBS poll, Trump's lead narrowed to 13 points.": a sentence that opens with the
  // document it reports from (a poll, a report, an interview) and has no reporting verb of its
  // own; the document is the source. (Mid-sentence, "... leads by 9 points in the latest poll"
  // was measured too: more wrong than right.)
  void InDocument(size_t s, std::vector<Attribution>* out) {
    static constexpr std::string_view kDocuments[] = {
        "poll",      "polls",    "survey",  "surveys", "study",   "report",    "statement",
        "interview", "letter",   "memo",    "filing",  "lawsuit", "complaint", "book",
        "speech",    "ad",       "video",   "email",   "e-mail",  "column",    "editorial",
        "essay",     "analysis", "release", "post",    "tweet",   "blog",      "testimony"};
    const Toks& T = S[s].tokens;
    if (T.size() < 6 || !T[0].is("in")) return;
    size_t comma = 1;
    while (comma < T.size() && comma < 12 && T[comma].is_word()) ++comma;
    if (comma >= T.size() || !T[comma].is(",") || comma < 2) return;
    if (!OneOf(T[comma - 1].lower, kDocuments)) return;
    size_t ne = ContentEnd(T);
    for (size_t i = comma + 1; i < ne; ++i)
      if (!inside[s][i] && IsVerbCue(T, i, lex) && !T[i].capitalized) return;  // "..., X said"
    Range r = Trim(T, Range{comma + 1, ne});
    if (WordCount(T, r) < 4) return;
    Attribution a;
    a.sentence = a.first_sentence = a.last_sentence = s;
    SetSource(&a, T, Range{1, comma});
    a.cue = TokSpan(T, 0, 1);
    a.cue_text = "in";
    a.kind = CueKind::kSpeech;
    SetContent(&a, T, r);
    a.rule = "in_document";
    a.confidence = 0.55f;
    out->push_back(std::move(a));
  }

  // A quotation signed after a dash, ending its paragraph: `"...." — Jane Roe` (letters to the
  // editor, readers' comments, pull quotes).
  void DashSignature(size_t s, std::vector<Attribution>* out) {
    if (s + 1 < S.size() && S[s + 1].paragraph == S[s].paragraph) return;
    const Toks& T = S[s].tokens;
    size_t e = T.size();
    while (e > 0 && (IsEndPunct(T[e - 1]) || T[e - 1].is(","))) --e;
    size_t n = e;
    while (n > 0 && e - n < 6 && T[n - 1].is_word()) --n;
    if (n == e || n < 1 || !T[n].capitalized) return;
    const Token& d = T[n - 1];
    bool dash = d.is("--") || d.is("-") || d.lower == "\xE2\x80\x94" || d.lower == "\xE2\x80\x95" ||
                d.lower == "\xE2\x80\x93";
    if (!dash) return;
    // The closing mark before the dash, in this sentence or (split off) the one before.
    const Token* close = nullptr;
    if (n >= 2) {
      close = &T[n - 2];
    } else if (s > 0 && S[s - 1].paragraph == S[s].paragraph && !S[s - 1].tokens.empty()) {
      close = &S[s - 1].tokens.back();
    }
    if (close == nullptr || !close->is_quote()) return;
    size_t f = s;
    while (f > 0 && S[f - 1].paragraph == S[s].paragraph) --f;
    if (S[f].tokens.empty() || !S[f].tokens[0].is_quote()) return;
    Span c = TrimSpan(Span{S[f].tokens[0].end, close->begin});
    if (c.size() < 10) return;
    Attribution a;
    a.sentence = s;
    a.first_sentence = f;
    a.last_sentence = s;
    SetSource(&a, T, Range{n, e});
    a.cue = TokSpan(T, n - 1, n);
    a.cue_text = std::string(SpanText(text, a.cue));
    a.kind = CueKind::kSpeech;
    a.content = c;
    a.content_parts = {c};
    a.direct = true;
    a.rule = "dash_signature";
    a.confidence = 0.6f;
    out->push_back(std::move(a));
  }

  bool According(size_t s, size_t ci, size_t cj, Attribution* a, std::vector<uint8_t>*) {
    const Toks& T = S[s].tokens;
    size_t ne = ContentEnd(T);
    Range content;
    size_t lead_from = 0;
    while (lead_from < ci && T[lead_from].is_word() && IsStop(T[lead_from])) ++lead_from;
    if (lead_from == ci) {
      // "According to X, ...": the source runs to the first comma.
      size_t comma = cj;
      while (comma < ne && comma < cj + 30 && !T[comma].is(",")) ++comma;
      if (comma >= ne || comma == cj || !T[comma].is(",")) return false;
      SetSource(a, T, Range{cj, comma});
      content = {comma + 1, ne};
      a->rule = "according_to_lead";
    } else {
      auto np = RightNP(T, cj, lex);
      if (!np) return false;
      // "..., according to X[, an appositive]." / "... according to X."
      size_t end = cj;
      while (end < ne && !T[end].is(",")) ++end;
      SetSource(a, T, Range{cj, std::max(np->b, std::min(end, cj + 25))});
      size_t cend = ci;
      if (T[ci - 1].is(",")) --cend;
      content = {0, cend};
      a->rule = "according_to_trail";
      // Mid-sentence: "At the heart of it, according to X[, an appositive], was ...": the
      // content goes on after the source.
      Range rest = RestAfterParenthetical(T, end, ne);
      if (!rest.empty()) {
        content = Trim(T, content);
        if (WordCount(T, content) < 1) return false;
        SetContent(a, T, content);
        Span part = TrimSpan(TokSpan(T, rest.a, rest.b));
        a->content_parts.push_back(part);
        a->content.end = part.end;
        a->rule = "according_to_mid";
        a->confidence = 0.8f;
        return true;
      }
    }
    content = Trim(T, content);
    if (WordCount(T, content) < 3) return false;
    SetContent(a, T, content);
    a->confidence = 0.85f;
    return true;
  }

  // After a parenthetical source closed by the comma at `comma` (and an appositive of its own,
  // ", another former envoy,"), the rest of the sentence if it holds a clause of three or more
  // words; else an empty range.
  static Range RestAfterParenthetical(const Toks& T, size_t comma, size_t ne) {
    if (comma >= ne || !T[comma].is(",")) return {};
    size_t from = comma + 1;
    if (from < ne && IsDet(T[from])) {
      size_t c = from;
      while (c < ne && c < from + 10 && !T[c].is(",") && !IsFiniteAux(T[c])) ++c;
      if (c < ne && T[c].is(",")) from = c + 1;
    }
    Range rest = Trim(T, Range{from, ne});
    // ", who ...", ", which ...": a clause about the source, not the content.
    if (rest.a < ne && (T[rest.a].is("who") || T[rest.a].is("which") || T[rest.a].is("whose") ||
                        T[rest.a].is("where") || T[rest.a].is("when")))
      return {};
    if (WordCount(T, rest) < 3) return {};
    return rest;
  }

  void SetSource(Attribution* a, const Toks& T, Range r) {
    a->source = TokSpan(T, r.a, r.b);
    a->source_first = r.a;
    a->source_last = r.b;
  }
  void SetContent(Attribution* a, const Toks& T, Range r) {
    a->content = TrimSpan(TokSpan(T, r.a, r.b));
    a->content_parts = {a->content};
  }

  // Content to the right of a cue (lead and participle shapes).
  bool ContentAfter(size_t s, size_t k, const Cue& cue, Attribution* a,
                    std::vector<uint8_t>* consumed) {
    const Toks& T = S[s].tokens;
    size_t ne = ContentEnd(T);
    if (k < T.size() && (T[k].is(":") || T[k].is(","))) ++k;
    if (cue.kind == CueKind::kObject && k < ne && T[k].is_word() && !T[k].is("that")) {
      // Skip the addressee: "told reporters", "told CNN", "warned the committee", and what
      // stands between it and a "that" ("told reporters after the session that ...").
      size_t that = SIZE_MAX;
      for (size_t q = k; q < ne && q < k + 9 && T[q].is_word(); ++q) {
        if (T[q].is("that")) {
          that = q;
          break;
        }
        if (q > k && (IsPronoun(T[q]) || IsFiniteAux(T[q]))) break;  // a clause began
      }
      if (that != SIZE_MAX) {
        k = that;
      } else {
        size_t j = k;
        if (T[j].capitalized) {
          while (j < ne && T[j].is_word() && T[j].capitalized) ++j;  // "told CNN", "told Aalto"
        } else if (IsDet(T[j]) && j + 1 < ne) {
          j += 2;  // "told the crowd"
        } else {
          j += 1;  // "told reporters", "told him"
        }
        k = j;
      }
      if (k < T.size() && (T[k].is(":") || T[k].is(","))) ++k;
    }
    // "said that ...", "said on Monday that ...", "said in a statement that ...": only an
    // adverbial may stand between the cue and "that" (else "that" is inside the content).
    if (k < ne && (T[k].is("that") || IsAdverbialStart(T[k]))) {
      for (size_t j = k; j < ne && j < k + 9; ++j) {
        if (T[j].is("that")) {
          k = j + 1;
          break;
        }
        // A clause has begun ("said Thursday his worry is that ..."): "that" is its own.
        if (!T[j].is_word() || (j > k && (IsPronoun(T[j]) || IsFiniteAux(T[j])))) break;
        if (j == k + 1 && InTime(T[k]) && !InTime(T[j])) break;
      }
    }
    if (k < T.size() && (T[k].is(":") || T[k].is(","))) ++k;
    k = SkipLeadingTime(T, k, ne);
    if (k >= ne && k > 0 && T[k - 1].is(":") && s + 1 < S.size() && !S[s + 1].tokens.empty()) {
      // "X said:" closing a sentence or paragraph: the next sentence is the content.
      const Toks& N = S[s + 1].tokens;
      size_t last = s + 1;
      Span q = N[0].kind == TokenKind::kOpenQuote ? QuoteForward(s + 1, 0, &last)
                                                  : TrimSpan(S[s + 1].span);
      if (q.empty()) return false;
      a->content = q;
      a->content_parts = {q};
      a->direct = N[0].kind == TokenKind::kOpenQuote;
      a->last_sentence = last;
      return true;
    }
    if (k < T.size() && T[k].kind == TokenKind::kOpenQuote) {
      size_t last = s;
      Span q = QuoteForward(s, k, &last);
      if (q.empty()) return false;
      a->content = q;
      a->content_parts = {q};
      a->direct = true;
      a->last_sentence = last;
      // A quotation woven into the sentence: `said "Q" against ...` goes on after the mark.
      if (last == s) {
        size_t c = k + 1;
        while (c < ne && T[c].kind != TokenKind::kCloseQuote) ++c;
        if (c + 1 < ne && T[c + 1].is_word() && !T[c + 1].capitalized &&
            !IsVerbCue(T, c + 1, lex) && !IsPronoun(T[c + 1])) {
          Range r = Trim(T, Range{k, ClauseEnd(T, Range{k, ne})});
          if (r.b > c + 1) SetContent(a, T, r);
        }
      }
      return true;
    }
    Range r{k, ne};
    Range relay;
    size_t chain_cue = 0;
    if (FindChain(T, k, ne, &relay, &chain_cue)) {
      size_t comma = relay.a - 1;
      while (comma > k && !T[comma].is(",")) --comma;
      r.b = comma;
      a->reporter = TokSpan(T, relay.a, relay.b);
      for (size_t j = chain_cue; j < T.size() && j < chain_cue + 3; ++j) (*consumed)[j] = 1;
    }
    r.b = ClauseEnd(T, r);
    if (cue.kind == CueKind::kDirective && TakesNameObject(cue.lemma)) r.b = NameObjectEnd(T, r);
    r = Trim(T, r);
    // One word is content only as a name ("endorsed Clinton") or an answer ("said no", "said
    // so"), not a stray word.
    bool answer = r.b == r.a + 1 && (T[r.a].is("yes") || T[r.a].is("no") || T[r.a].is("so"));
    if (WordCount(T, r) < 2 && !(r.b == r.a + 1 && T[r.a].capitalized) && !answer) return false;
    SetContent(a, T, r);
    return true;
  }

  // Where reported content ends before the sentence does: at a concessive clause (", although
  // he refused ...") or at a second reporting clause ("... and said ...", ", and Republicans
  // want ..."), which is a statement of its own.
  size_t ClauseEnd(const Toks& T, Range r) const {
    for (size_t i = r.a + 2; i + 1 < r.b; ++i) {
      if (T[i].is(",") &&
          (T[i + 1].is("although") || T[i + 1].is("though") || T[i + 1].is("whereas")))
        return i;
      // ", but ..." opens a contrast the speaker did not say; ", but that ..." goes on.
      if (T[i].is(",") && T[i + 1].is("but") && !(i + 2 < r.b && T[i + 2].is("that"))) return i;
      // ", and won ...": the source's next action, not its words.
      if (T[i].is(",") && T[i + 1].is("and") && i + 2 < r.b && T[i + 2].is_word() &&
          !T[i + 2].capitalized && T[i + 2].lower.size() > 4 &&
          T[i + 2].lower.compare(T[i + 2].lower.size() - 2, 2, "ed") == 0)
        return i;
      // ", who ..." / ", which ...": a relative clause the writer adds about a name.
      if (T[i].is(",") && (T[i + 1].is("who") || T[i + 1].is("which"))) return i;
      // ", saying ...", ", he added": another attribution begins.
      if (T[i].is(",") && !T[i + 1].capitalized && IsVerbCue(T, i + 1, lex) &&
          T[i + 1].lower.size() > 4 &&
          T[i + 1].lower.compare(T[i + 1].lower.size() - 3, 3, "ing") == 0)
        return i;
      if (!(T[i].is("and") || T[i].is("but"))) continue;
      size_t j = i + 1;
      size_t subject = 0;
      while (j < r.b && j < i + 5 && T[j].is_word() &&
             (T[j].capitalized || IsPronoun(T[j]) || IsDet(T[j]) || IsSkippable(T[j])) &&
             !IsVerbCue(T, j, lex)) {
        subject += !IsSkippable(T[j]);
        ++j;
      }
      // "and said", "and also warned": the same source; ", and Republicans want": another one.
      bool comma = T[i - 1].is(",");
      if (j < r.b && !T[j].capitalized && IsVerbCue(T, j, lex) && (subject == 0 || comma))
        return T[i - 1].is(",") ? i - 1 : i;
    }
    return r.b;
  }

  // A source written in lower case must be headed by a noun that can speak or show
  // ("officials", "a campaign operative", "the poll"); names and pronouns always can.
  bool PlausibleSource(const Toks& T, Range r) const {
    if (r.empty()) return false;
    if (r.b - r.a == 1 && IsPronoun(T[r.a])) return true;
    for (size_t i = r.a; i < r.b; ++i)
      if (T[i].capitalized && !IsDet(T[i]) && !IsStop(T[i]) && !lex.nonnames.count(T[i]))
        return true;
    std::string head = T[r.b - 1].lower;
    if (head.size() > 2 && head.compare(head.size() - 2, 2, "'s") == 0)
      head.resize(head.size() - 2);
    if (lex.source_nouns.count(head) || lex.org_words.count(head)) return true;
    std::vector<Token> one(1);
    one[0].lower = head;
    one[0].kind = TokenKind::kWord;
    one[0].Rehash();
    if (lex.titles.Match(one, 0) != nullptr) return true;
    std::string sing = head;
    if (sing.size() > 3 && sing.back() == 's') sing.pop_back();
    if (lex.source_nouns.count(sing) || lex.org_words.count(sing)) return true;
    if (lex.source_nouns.count(head + "s")) return true;  // the list may hold the plural
    one[0].lower = sing;
    one[0].Rehash();
    if (lex.titles.Match(one, 0) != nullptr) return true;
    // Agent nouns: "voters", "analysts", "historians", "businessman", "spokeswoman".
    for (std::string_view suf :
         {"ist", "ian", "man", "woman", "person", "men", "women", "people", "er", "or"})
      if (sing.size() > suf.size() + 3 &&
          sing.compare(sing.size() - suf.size(), suf.size(), suf) == 0)
        return true;
    return false;
  }

  // A dateline opening a sentence ("ORLANDO, Fla. — ", "BUENA PARK — "): returns the index
  // after its dash, else 0.
  static size_t SkipDateline(const Toks& T, size_t limit) {
    for (size_t i = 0; i < limit && i < 8; ++i) {
      const Token& t = T[i];
      if (t.is("--") || t.lower == "\xE2\x80\x94" || t.lower == "\xE2\x80\x93")
        return i > 0 ? i + 1 : 0;
      if (!t.is_word() && !t.is(",")) return 0;
      if (i == 0 && !t.is_word()) return 0;
    }
    return 0;
  }

  // The subject of the sentence: a pronoun, a run of capitalised words (with "of"), or a short
  // determiner phrase.
  std::optional<Range> SubjectNP(const Toks& T, size_t limit) const {
    size_t k = SkipDateline(T, limit);
    // A sentence adverb ("Ultimately, ...", "Perhaps ...", "Meanwhile, ...") before the subject.
    static constexpr std::string_view kSentenceAdverbs[] = {
        "perhaps",  "however", "meanwhile",    "instead",    "indeed",    "still",
        "yet",      "now",     "then",         "today",      "yesterday", "separately",
        "moreover", "also",    "nevertheless", "nonetheless"};
    if (k + 2 < limit && T[k].is_word() &&
        ((T[k].lower.size() > 4 && T[k].lower.ends_with("ly")) ||
         OneOf(T[k].lower, kSentenceAdverbs)))
      k += T[k + 1].is(",") ? 2 : 1;
    // An introductory phrase ("On Monday, ...", "In a statement, ...") precedes the subject.
    if (limit > k && IntroPhrase(T, Range{k, std::min<size_t>(limit, k + 1)})) {
      size_t c = k;
      while (c < limit && c < 14 && !T[c].is(",")) ++c;
      if (c < limit && T[c].is(",")) k = c + 1;
    }
    while (k < limit && T[k].is_word() && IsStop(T[k]) && !IsPronoun(T[k])) ++k;
    if (k >= limit || !T[k].is_word()) return std::nullopt;
    if (IsPronoun(T[k])) return Range{k, k + 1};
    size_t j = k;
    if (IsDet(T[j])) ++j;
    size_t start = j;
    while (
        j < limit && T[j].is_word() &&
        (T[j].capitalized || (j > start && T[j].is("of") && j + 1 < limit && T[j + 1].capitalized)))
      ++j;
    if (j == start) {
      while (j < limit && j - start < 3 && T[j].is_word() && !IsStop(T[j]) && !IsVerbCue(T, j, lex))
        ++j;
      // Keep the head only if it plausibly speaks.
      while (j > start && !PlausibleSource(T, Range{k, j})) --j;
    }
    if (j == start) return std::nullopt;
    return Range{k, j};
  }

  // Sentences after a direct quotation that continue it: same paragraph, opening with a quote.
  void FollowingQuotes(Attribution* a) {
    size_t t = a->last_sentence + 1;
    while (t < S.size() && S[t].paragraph == S[a->sentence].paragraph) {
      const Toks& T = S[t].tokens;
      if (T.empty() || T[0].kind != TokenKind::kOpenQuote) break;
      // A quotation with a cue of its own (`"...," she said.`) is a statement of its own.
      bool own_cue = false;
      for (size_t i = 1; i < T.size() && !own_cue; ++i)
        own_cue = !inside[t][i] && T[i].is_word() && !T[i].capitalized && IsVerbCue(T, i, lex);
      if (own_cue) break;
      size_t last = t;
      Span q = QuoteForward(t, 0, &last);
      if (q.empty()) break;
      a->content_parts.push_back(q);
      a->content.end = q.end;
      a->last_sentence = last;
      t = last + 1;
    }
  }

  // A time right after the cue ("disclosed on Monday a set of flaws", "said Thursday his
  // worry ...") dates the statement; it is not what was said. Returns where the content starts.
  static size_t SkipLeadingTime(const Toks& T, size_t k, size_t ne) {
    size_t j = k;
    if (j + 1 < ne && (T[j].is("on") || T[j].is("in") || T[j].is("during") || T[j].is("at")) &&
        InTime(T[j + 1]))
      ++j;
    if (j >= ne || !InTime(T[j])) return k;
    while (j < ne && InTime(T[j])) ++j;
    if (j < ne && T[j].is(",")) ++j;
    if (j >= ne || WordCount(T, Range{j, ne}) < 3) return k;
    return j;
  }

  // A time adverbial between a source and its cue ("Spicer on Thursday evening said", "the
  // campaign last week announced"): returns where it begins, or `left` if there is none.
  static size_t SkipTimeAdverbial(const Toks& T, size_t left) {
    size_t q = left;
    while (q > 0 && left - q < 6 && InTime(T[q - 1])) --q;
    if (q == left) return left;
    // "on Thursday", "in March", or a time that opens with a lower-case word ("last week",
    // "earlier this month"); not a bare year or name ("the 2016 campaign", "the March poll").
    bool preposition = q > 0 && (T[q - 1].is("on") || T[q - 1].is("in") || T[q - 1].is("during") ||
                                 T[q - 1].is("at"));
    if (preposition) {
      --q;
    } else if (T[q].capitalized || !std::isalpha(static_cast<unsigned char>(T[q].lower[0]))) {
      return left;
    }
    // The source must end just before it.
    if (q == 0 || !T[q - 1].is_word() || IsStop(T[q - 1]) || IsDet(T[q - 1])) return left;
    return q;
  }

  // A participle opening the sentence speaks for its subject after the comma: "Noting that the
  // port was full, Berg said ...", "After saying he was tired, the captain left."
  bool LeadingParticiple(size_t s, size_t ci, size_t cj, Attribution* a) {
    static constexpr std::string_view kOpeners[] = {"after", "before", "while",  "by",
                                                    "when",  "since",  "without"};
    const Toks& T = S[s].tokens;
    if (!(ci == 0 || (ci == 1 && OneOf(T[0].lower, kOpeners)))) return false;
    const std::string& w = T[ci].lower;
    if (w.size() < 5 || !w.ends_with("ing")) return false;
    size_t ne = ContentEnd(T);
    size_t c = cj;
    while (c < ne && c < cj + 30 && !(T[c].is(",") && !inside[s][c])) ++c;
    if (c + 1 >= ne || !T[c].is(",")) return false;
    std::optional<Range> src;
    if (IsPronoun(T[c + 1]) && !T[c + 1].is("it") && !T[c + 1].is("which")) {
      src = Range{c + 1, c + 2};
    } else {
      src = RightNP(T, c + 1, lex);
      if (src && !PlausibleSource(T, *src)) src.reset();
    }
    if (!src) return false;
    size_t k = cj;
    if (k < c && T[k].is("that")) ++k;
    Range r = Trim(T, Range{k, c});
    if (WordCount(T, r) < 2) return false;
    SetSource(a, T, *src);
    SetContent(a, T, r);
    a->rule = "leading_participle";
    return true;
  }

  // A cue in its base form ("show", "say") right after a singular noun is no verb: "the TLC
  // reality show", "a radio show". Plural nouns, pronouns, collectives ("police say") and
  // coordinated subjects ("Smith and Jones say") agree with it.
  static bool AgreesWithBaseForm(const Toks& T, Range np, size_t ci, const Cue& cue) {
    // Only words that are nouns as often as verbs: "says" and "thinks" cannot be nouns.
    static const WordSet kNounToo = {
        "show",    "report", "claim",    "call",   "view",  "demand", "promise", "request",
        "comment", "answer", "question", "reply",  "post",  "tweet",  "warning", "vow",
        "pledge",  "charge", "appeal",   "praise", "blame", "cite",   "quote"};
    const std::string& w = T[ci].lower;
    if (cue.words.size() != 1 || w != cue.lemma || !kNounToo.count(T[ci])) return true;
    const Token& head = T[np.b - 1];
    if (IsPronoun(head) || head.is("some") || head.is("many") || head.is("others") ||
        head.is("most") || head.is("few") || head.is("several") || head.is("both") ||
        head.is("all"))
      return true;
    for (size_t i = np.a; i < np.b; ++i)
      if (T[i].is("and")) return true;
    static const WordSet kCollective = {
        "police", "people", "staff",    "media", "men",   "women",  "children", "personnel",
        "clergy", "data",   "criteria", "folks", "youth", "public", "majority", "minority"};
    if (kCollective.count(head)) return true;
    const std::string& h = head.lower;
    return !h.empty() && (h.back() == 's' || h.back() == '\'');
  }

  bool Verb(size_t s, size_t ci, size_t cj, const Cue& cue, Attribution* a,
            std::vector<uint8_t>* consumed) {
    if (cue.kind == CueKind::kNoun) return Possessive(s, ci, cj, cue, a, consumed);
    const Toks& T = S[s].tokens;
    size_t ne = ContentEnd(T);
    // "backed off", "attacks and ...", "calls into": a particle, a conjunction or punctuation
    // after a directive cue makes it a phrasal verb or a noun, not a reporting verb.
    // "compared with last year", "compared to 2012": a preposition, not a stance.
    if (cue.lemma == "compare" && cj < ne && (T[cj].is("with") || T[cj].is("to"))) return false;
    if (cue.kind == CueKind::kDirective && ci > 0 && !T[ci - 1].is(",") &&
        T[ci - 1].kind != TokenKind::kCloseQuote) {
      if (cj >= ne) return false;
      static const WordSet kNotContent = {"and",  "or",   "but",  "off",  "up",    "out",
                                          "down", "away", "back", "into", "among", "than"};
      bool quote_follows = T[cj].is(",") && cj + 1 < T.size() && T[cj + 1].is_quote();
      if (kNotContent.count(T[cj]) ||
          (!T[cj].is_word() && !T[cj].is(":") && !T[cj].is_quote() && !quote_follows))
        return false;
    }
    float base = cue.kind == CueKind::kBelief ? 0.5f : 0.85f;
    // Is the cue the end of its sentence, but for a few words ("said Tuesday", "said in a
    // statement")? Then its content comes before it.
    auto ends_after = [&](size_t from, size_t* stop) {
      if (cue.kind == CueKind::kObject && from < ne && T[from].is_word() && !T[from].is("that")) {
        // "..., she told a cheering crowd." / "..., Ramos told AFP in an interview."
        if (T[from].capitalized) {
          while (from < ne && T[from].is_word() && T[from].capitalized) ++from;
        } else if (IsDet(T[from])) {
          from += 1;
          while (from < ne && from < from + 3 && T[from].is_word() && !IsStop(T[from]) &&
                 !IsAdverbialStart(T[from]))
            ++from;
        } else {
          from += 1;
        }
        while (from < ne && T[from].kind == TokenKind::kOpenQuote) {
          // a programme's name in quotes: "Good Morning America"
          size_t q = from + 1;
          while (q < ne && T[q].kind != TokenKind::kCloseQuote) ++q;
          from = q < ne ? q + 1 : ne;
        }
        if (from >= ne) {
          *stop = ne;
          return true;
        }
      }
      size_t j = from, rest = 0;
      for (; j < ne && !T[j].is(","); ++j) {
        if (T[j].is("that") || T[j].is(":") || T[j].kind == TokenKind::kOpenQuote) return false;
        ++rest;
      }
      *stop = j;
      if (rest == 0) return true;
      // What may follow a closing cue: when, where, how ("Tuesday", "in a statement").
      return rest <= 7 && IsAdverbialStart(T[from]);
    };
    // Does a quotation follow the cue after a comma ("said, "...")?
    auto stop_quote = [&](size_t from) {
      return from + 1 < T.size() && T[from].is(",") && T[from + 1].kind == TokenKind::kOpenQuote;
    };
    // Inverted: "...," said Smith. Not with an addressee ("..., told reporters") nor a
    // participle ("..., referring to Smith"): the name after those is not the speaker.
    bool ing_cue =
        T[ci].lower.size() > 4 && T[ci].lower.compare(T[ci].lower.size() - 3, 3, "ing") == 0;
    if (ci > 0 && (T[ci - 1].is(",") || T[ci - 1].kind == TokenKind::kCloseQuote) &&
        cue.kind != CueKind::kObject && !ing_cue) {
      auto np = RightNP(T, cj, lex);
      // After a closing quotation mark the shape is certain: any source may follow ("said a
      // source close to the campaign", "said an official who ...").
      bool after_quote = T[ci - 1].kind == TokenKind::kCloseQuote ||
                         (ci >= 2 && T[ci - 2].kind == TokenKind::kCloseQuote);
      if (np && !IsPronoun(T[np->a]) && PlausibleSource(T, *np) &&
          (after_quote || np->b >= ne || T[np->b].is(",") || IsEndPunct(T[np->b]))) {
        size_t close = ci - 1;
        if (BackwardContent(s, close, a)) {
          SetSource(a, T, *np);
          // `"Q1," said Jane Roe, an economist at X, "Q2."`: Q2 goes on after the appositive.
          size_t c = np->b;
          while (c + 1 < T.size() && T[c].kind != TokenKind::kOpenQuote &&
                 !(T[c].is(",") && T[c + 1].kind == TokenKind::kOpenQuote) && !IsEndPunct(T[c]))
            ++c;
          Continuation(s, c, a);
          if (a->direct) FollowingQuotes(a);
          a->rule = "inverted";
          a->confidence = base;
          return true;
        }
      }
    }
    size_t left = ci;
    while (left > 0 && IsSkippable(T[left - 1])) --left;
    left = SkipTimeAdverbial(T, left);
    while (left > 0 && IsSkippable(T[left - 1])) --left;
    // A parenthesis between the source and its cue: "Rep. Jane Roe (D-Ore.) said ...".
    if (left > 1 && T[left - 1].is(")")) {
      size_t o = left - 1;
      while (o > 0 && left - o < 12 && !T[o - 1].is("(") && !T[o - 1].is(")")) --o;
      if (o > 1 && T[o - 1].is("(")) {
        left = o - 1;
        while (left > 0 && IsSkippable(T[left - 1])) --left;
      }
    }
    if (LeadingParticiple(s, ci, cj, a)) {
      a->confidence = base - 0.15f;
      return true;
    }
    if (left == 0) return false;
    // "Sanders's call for ...", "the president's remarks": a noun, not a reporting verb.
    // "reported to the centre", "said to be", "announced by": passive or participle.
    // Verbs whose content may be an infinitive ("vowed to fight") are not passive before "to".
    if ((cue.kind == CueKind::kSpeech || cue.kind == CueKind::kReport) && cj < T.size() &&
        (T[cj].is("by") || (T[cj].is("to") && cj + 1 < T.size() && !T[cj + 1].capitalized &&
                            !TakesInfinitive(cue.lemma))))
      return false;
    if (const std::string& w = T[ci - 1].lower;
        w.size() > 2 && (w.compare(w.size() - 2, 2, "'s") == 0 || w.back() == '\''))
      return Possessive(s, ci, cj, cue, a, consumed);
    size_t p = left - 1;
    // Coordination: "X announced A and said B" / "X said A but added B".
    if ((T[p].is("and") || T[p].is("but")) && p > 0 && T[p - 1].is_word() == (T[p - 1].is_word())) {
      std::optional<Range> np;
      if (last_sentence_ == s && !last_source_.empty()) np = last_source_;
      if (!np) np = SubjectNP(T, p);
      if (!np || np->b > p) return false;
      if (!ContentAfter(s, cj, cue, a, consumed)) return false;
      SetSource(a, T, *np);
      a->rule = "coordinated";
      a->confidence = base - 0.1f;
      return true;
    }
    // Participle: "..., saying (that) ..." takes the sentence's subject.
    bool ing = T[ci].lower.size() > 4 && T[ci].lower.compare(T[ci].lower.size() - 3, 3, "ing") == 0;
    if (T[p].is(",") && ing) {
      // "..., he said, adding that ...": the source of the attribution just before, else the
      // sentence's subject.
      std::optional<Range> np;
      if (last_sentence_ == s && !last_source_.empty() && last_source_.b <= p) np = last_source_;
      if (!np) np = SubjectNP(T, p);
      if (!np) return false;
      if (!ContentAfter(s, cj, cue, a, consumed)) return false;
      SetSource(a, T, *np);
      a->rule = "participle";
      a->confidence = base - 0.15f;
      return true;
    }
    // Appositive: "Smith, the head of X, said ..." and "...," Smith, the head of X, said.
    if (T[p].is(",")) {
      for (size_t c1 = p; c1-- > 0 && p - c1 < 40;) {
        if (!T[c1].is(",")) continue;
        if (c1 == 0) break;
        auto np = LeftNP(T, c1 - 1, lex);
        if (!np || !PlausibleSource(T, *np)) break;
        bool after_content =
            np->a > 0 && (T[np->a - 1].is(",") || T[np->a - 1].kind == TokenKind::kCloseQuote);
        if (np->a > 0 && !after_content && !IsStop(T[np->a - 1]) &&
            T[np->a - 1].kind != TokenKind::kOpenQuote)
          break;
        size_t stop = 0;
        if (after_content && ends_after(cj, &stop)) {
          if (!BackwardContent(s, np->a - 1, a)) return false;
          SetSource(a, T, *np);
          if (a->direct) FollowingQuotes(a);
          a->rule = "trailing_appositive";
          a->confidence = base - 0.05f;
          return true;
        }
        if (!ContentAfter(s, cj, cue, a, consumed)) return false;
        SetSource(a, T, *np);
        a->rule = "appositive";
        a->confidence = base - 0.05f;
        return true;
      }
      return false;
    }
    auto np = LeftNP(T, p, lex);
    if (!np) return false;
    if (left == ci && !AgreesWithBaseForm(T, *np, ci, cue)) return false;
    if (!PlausibleSource(T, *np)) {
      // "Democrats in Iowa who watched the debate said": the source before a relative clause.
      bool found = false;
      for (size_t w = np->a; w-- > 0 && np->a - w < 12;) {
        if (!T[w].is_word()) break;
        if ((T[w].is("who") || T[w].is("whose")) && w > 0) {
          auto head = LeftNP(T, w - 1, lex);
          if (head && PlausibleSource(T, *head)) {
            np = Range{head->a, p + 1};
            found = true;
          }
          break;
        }
      }
      // "the years of empty promises": no plausible speaker, no attribution.
      if (!found) return false;
    }
    // Trailing: "...," Smith said. / ..., sources said Tuesday.
    bool after_quote = np->a > 0 && T[np->a - 1].kind == TokenKind::kCloseQuote;
    bool after_comma = np->a > 0 && (T[np->a - 1].is(",") || T[np->a - 1].is("--") ||
                                     T[np->a - 1].lower == "\xE2\x80\x94");
    if (after_quote || (after_comma && np->a >= 2 && T[np->a - 2].kind == TokenKind::kCloseQuote)) {
      size_t j = cj;
      while (j < ne && !T[j].is(",")) ++j;
      if (BackwardContent(s, np->a - 1, a)) {
        SetSource(a, T, *np);
        Continuation(s, j, a);
        if (a->direct) FollowingQuotes(a);
        a->rule = a->direct ? "trailing_quote" : "trailing";
        a->confidence = base;
        return true;
      }
      return false;
    }
    size_t stop = 0;
    // "Asked about it, she said, "Q."" / "Taking it in, Trump said, "Q."": an introductory
    // phrase, then the source and a quotation; the quotation is the content (handled below).
    bool quote_next = stop_quote(cj);
    bool intro_before = quote_next && IntroductoryClause(T, Range{0, np->a - 1});
    if (after_comma && !intro_before && ends_after(cj, &stop)) {
      if (BackwardContent(s, np->a - 1, a)) {
        SetSource(a, T, *np);
        a->rule = "trailing";
        a->confidence = base - 0.05f;
        // Parenthetical: "The industry, she said, is doing well." / "An economic downturn, he
        // said, "could be a good time."" The content goes on.
        if (stop < ne && T[stop].is(",") && stop + 1 < T.size() &&
            T[stop + 1].kind == TokenKind::kOpenQuote) {
          Continuation(s, stop, a);
          a->rule = "parenthetical";
        } else if (stop < ne && T[stop].is(",") && stop + 1 < T.size()) {
          Range rest = Trim(T, Range{stop + 1, ne});
          if (WordCount(T, rest) >= 2) {
            Span part = TrimSpan(TokSpan(T, rest.a, rest.b));
            a->content_parts.push_back(part);
            a->content.end = part.end;
            a->rule = "parenthetical";
          }
        }
        return true;
      }
      // An introductory phrase before the source: the content follows the cue.
      Attribution fresh;  // keep only where the cue is
      fresh.sentence = a->sentence;
      fresh.first_sentence = a->first_sentence;
      fresh.last_sentence = a->last_sentence;
      fresh.cue = a->cue;
      fresh.cue_text = std::move(a->cue_text);
      fresh.kind = a->kind;
      *a = std::move(fresh);
    }
    // "Biden said." after a quotation that ICU closed as a sentence of its own.
    if (np->a == 0 && ends_after(cj, &stop) && s > 0 && S[s - 1].paragraph == S[s].paragraph &&
        !S[s - 1].tokens.empty()) {
      const Toks& P = S[s - 1].tokens;
      size_t q = P.size() - 1;
      if (P[q].kind == TokenKind::kCloseQuote) {
        size_t first = s - 1;
        Span c = QuoteBackward(s - 1, q, &first);
        if (!c.empty()) {
          a->content = c;
          a->content_parts = {c};
          a->direct = true;
          a->first_sentence = first;
          SetSource(a, T, *np);
          a->rule = "trailing_quote_prev";
          a->confidence = base - 0.05f;
          FollowingQuotes(a);
          return true;
        }
      }
    }
    if (!ContentAfter(s, cj, cue, a, consumed)) return false;
    SetSource(a, T, *np);
    a->rule = a->direct ? "lead_quote" : (cue.kind == CueKind::kDirective ? "directive" : "lead");
    a->confidence = base + (a->direct ? 0.05f : 0.f);
    return true;
  }

  // "Smith's claim that ...", "his warning that ...": a cue used as a noun after a possessive
  // speaks for the possessor when a that-clause follows.
  bool Possessive(size_t s, size_t ci, size_t cj, const Cue& cue, Attribution* a,
                  std::vector<uint8_t>* consumed) {
    const Toks& T = S[s].tokens;
    if (ci == 0 || cj >= T.size() || !T[cj].is("that")) return false;
    const std::string& w = T[ci].lower;
    if (w.size() > 3 && (w.compare(w.size() - 2, 2, "ed") == 0)) return false;  // a verb form
    size_t p = ci - 1;
    if (IsAdjectiveLike(T[p]) && p > 0) --p;  // "Smith's repeated claim that"
    Range src;
    if (T[p].is("his") || T[p].is("her") || T[p].is("their")) {
      src = Range{p, p + 1};
    } else {
      const std::string& pw = T[p].lower;
      if (!(pw.size() > 2 && (pw.compare(pw.size() - 2, 2, "'s") == 0 || pw.back() == '\'')))
        return false;
      auto np = LeftNP(T, p, lex);
      if (!np || !PlausibleSource(T, Range{np->a, np->b})) return false;
      src = *np;
    }
    if (!ContentAfter(s, cj, cue, a, consumed)) return false;
    SetSource(a, T, src);
    a->rule = "possessive_noun";
    a->confidence = 0.6f;
    return true;
  }

  static bool IsAdjectiveLike(const Token& t) {
    return t.is_word() && !t.capitalized &&
           (t.lower.size() > 4 &&
            (t.lower.compare(t.lower.size() - 2, 2, "ed") == 0 ||
             t.lower.compare(t.lower.size() - 2, 2, "ly") == 0 || t.is("false") ||
             t.is("earlier") || t.is("latest") || t.is("recent") || t.is("repeated")));
  }

  // The content before a source that follows it: the quotation closed at or before token
  // `close`, or the clause from the sentence start.
  bool BackwardContent(size_t s, size_t close, Attribution* a) {
    const Toks& T = S[s].tokens;
    size_t q = close;
    while (q > 0 && (T[q].is(",") || T[q].is("--") || T[q].lower == "\xE2\x80\x94" || T[q].is(":")))
      --q;
    // A quotation woven into the writer's sentence ("... will take time to "cool off," Kunin
    // said"): the content is the sentence, not only its quoted words.
    bool woven = false;
    if (T[q].kind == TokenKind::kCloseQuote ||
        (q > 0 && T[q].is(",") && T[q - 1].kind == TokenKind::kCloseQuote)) {
      size_t open = SIZE_MAX;
      for (size_t i = q; i-- > 0;) {
        if (T[i].kind == TokenKind::kOpenQuote) {
          open = i;
          break;
        }
      }
      woven = open != SIZE_MAX && open > 0 && T[open - 1].is_word() && !inside[s][0] &&
              WordCount(T, Range{0, open}) >= 3;
    }
    if (!woven && (T[q].kind == TokenKind::kCloseQuote ||
                   (q > 0 && T[q].is(",") && T[q - 1].kind == TokenKind::kCloseQuote))) {
      size_t first = s;
      Span c = QuoteBackward(s, q, &first);
      if (c.empty()) return false;
      a->content = c;
      a->content_parts = {c};
      a->direct = true;
      a->first_sentence = first;
      return true;
    }
    Range r{0, close};
    // Content that is itself a quotation opened in an earlier sentence.
    if (inside[s].size() > 0 && close > 0 && inside[s][0]) {
      return false;
    }
    r = Trim(T, r);
    if (WordCount(T, r) < 3 || IntroPhrase(T, r)) return false;
    SetContent(a, T, r);
    return true;
  }

  // A clause that only introduces what follows: a prepositional phrase (see IntroPhrase) or a
  // participle ("Asked by a reporter whether ...", "Taking it in").
  bool IntroductoryClause(const Toks& T, Range r) const {
    r = Trim(T, r);
    if (r.empty()) return false;
    if (IntroPhrase(T, r)) return true;
    const std::string& w = T[r.a].lower;
    return w.size() > 4 && (w.ends_with("ing") || w.ends_with("ed"));
  }

  // An introductory phrase ("In an interview with CNN," / "Despite their friendship,") is no
  // content: a segment opening with a preposition or subordinator needs a clause after a comma.
  bool IntroPhrase(const Toks& T, Range r) const {
    static const WordSet kIntro = {
        "in",     "on",     "at",         "despite",  "if",        "when",      "after", "before",
        "during", "since",  "while",      "although", "though",    "as",        "to",    "with",
        "for",    "from",   "by",         "among",    "across",    "unlike",    "like",  "because",
        "until",  "amid",   "without",    "through",  "following", "according", "of",    "over",
        "under",  "within", "throughout", "upon",     "once",      "whether",   "absent"};
    size_t k = r.a;
    while (k < r.b && (T[k].is("but") || T[k].is("and") || T[k].is("yet") || T[k].is("so") ||
                       T[k].is("still") || T[k].is("then")))
      ++k;
    if (k >= r.b || !kIntro.count(T[k])) return false;
    for (size_t i = k; i < r.b; ++i)
      if (T[i].is(",")) return false;
    return true;
  }

  // `"Q1," he said, "Q2."`: appends Q2.
  void Continuation(size_t s, size_t k, Attribution* a) {
    const Toks& T = S[s].tokens;
    if (k + 1 < T.size() && T[k].is(",") && T[k + 1].kind == TokenKind::kOpenQuote) {
      size_t last = s;
      Span q = QuoteForward(s, k + 1, &last);
      if (!q.empty()) {
        a->content_parts.push_back(q);
        a->content.end = q.end;
        a->last_sentence = last;
        a->direct = true;
      }
    }
  }
};

}  // namespace

std::vector<Attribution> FindAttributions(std::string_view text,
                                          const std::vector<SentenceTokens>& sentences,
                                          const Lexicon& lexicon) {
  Finder f{text, sentences, lexicon, {}, SIZE_MAX, {}};
  return f.Run();
}

}  // namespace tkg::extract
