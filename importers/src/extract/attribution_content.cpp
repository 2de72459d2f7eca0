#include "attribution_finder.h"

namespace tkg::extract::attr {

// Content to the right of a cue (lead and participle shapes).
bool Finder::ContentAfter(size_t s, size_t k, const Cue& cue, Attribution* a,
                          std::vector<uint8_t>* consumed) {
  const Toks& T = S[s].tokens;
  size_t ne = ContentEnd(T);
  // "Paul then interjected, calling the credit ...", "responded Friday, saying ...": the
  // participle's statement follows; this cue has no words of its own.
  for (size_t j = k; j + 1 < ne && j < k + 4; ++j) {
    if (!T[j].is(",")) {
      bool time_preposition = (T[j].is("on") || T[j].is("in") || T[j].is("at")) && InTime(T[j + 1]);
      if (!InTime(T[j]) && !time_preposition) break;
      continue;
    }
    const std::string& w = T[j + 1].lower;
    if (w.size() > 4 && w.ends_with("ing") && IsVerbCue(T, j + 1, lex)) return false;
    break;
  }
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
  // "asking her, "Where do we go?"", "urged the crowd: "Vote."": an addressee, then the words.
  if (cue.kind == CueKind::kDirective && k < ne && T[k].is_word()) {
    size_t j = k;
    while (j < ne && j < k + 4 && T[j].is_word() && !IsVerbCue(T, j, lex)) ++j;
    if (j > k && j + 1 < ne && (T[j].is(",") || T[j].is(":")) &&
        T[j + 1].kind == TokenKind::kOpenQuote)
      k = j + 1;
  }
  k = SkipLeadingTime(T, k, ne);
  // "said last week in Tel Aviv, "Q"": an adverbial, then the quotation.
  if (k < ne && (IsAdverbialStart(T[k]) || InTime(T[k]))) {
    for (size_t j = k; j + 1 < ne && j < k + 10; ++j) {
      if ((T[j].is(",") || T[j].is(":")) && T[j + 1].kind == TokenKind::kOpenQuote) {
        k = j + 1;
        break;
      }
      if (!T[j].is_word() || IsPronoun(T[j]) || IsFiniteAux(T[j])) break;
    }
  }
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
      if (c + 1 < ne && T[c + 1].is_word() && !T[c + 1].capitalized && !IsVerbCue(T, c + 1, lex) &&
          !IsPronoun(T[c + 1])) {
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
  }
  // The chain's cue is the relay's, not a statement of its own, once this content stands.
  auto consume_chain = [&] {
    if (a->reporter.empty()) return;
    for (size_t j = chain_cue; j < T.size() && j < chain_cue + 3; ++j) (*consumed)[j] = 1;
    relay_ = RelayChain{s, relay, chain_cue};
  };
  r.b = ClauseEnd(T, r);
  if (cue.kind == CueKind::kDirective) r.b = StanceObjectEnd(T, r);
  if (cue.kind == CueKind::kDirective && TakesNameObject(cue.lemma)) r.b = NameObjectEnd(T, r);
  // "said so in an interview", "acknowledged as much on Monday": the answer is the content,
  // what follows is when and where.
  {
    size_t e = r.a;
    if (e < r.b && T[e].is("so"))
      e += 1;
    else if (e + 1 < r.b && T[e].is("as") && T[e + 1].is("much"))
      e += 2;
    // ("felt so strongly about": "so" before an adverb is no answer.)
    if (e > r.a && e < r.b && (IsAdverbialStart(T[e]) || InTime(T[e])) &&
        !T[e].lower.ends_with("ly"))
      r.b = e;
  }
  r = Trim(T, r);
  // One word is content only as a name ("endorsed Clinton") or an answer ("said no", "said
  // so"), not a stray word.
  bool answer = (r.b == r.a + 1 && (T[r.a].is("yes") || T[r.a].is("no") || T[r.a].is("so"))) ||
                (r.b == r.a + 2 && T[r.a].is("as") && T[r.a + 1].is("much"));
  // ("endorsed her", "opposed it": a stance on someone or something named before.)
  bool object_pronoun =
      r.b == r.a + 1 && cue.kind == CueKind::kDirective &&
      (T[r.a].is("her") || T[r.a].is("him") || T[r.a].is("it") || T[r.a].is("them"));
  if (WordCount(T, r) < 2 && !(r.b == r.a + 1 && T[r.a].capitalized) && !answer && !object_pronoun)
    return false;
  // "said in an op-ed Thursday.", "spoke to a crowd of about 500.": only where and when; the
  // words are elsewhere. ("did not respond to a request for comment" is a statement.)
  static const WordSet kAnswers = {"respond", "comment", "agree", "reply"};
  // (Only when nothing follows: "found that in the three counties, which ..., voters ...".)
  if (IsBarePrepositionalPhrase(T, r) && !kAnswers.count(cue.lemma) &&
      Trim(T, Range{r.b, ne}).empty())
    return false;
  SetContent(a, T, r);
  consume_chain();
  if (r.b == ne || (r.b < T.size() && T[r.b].kind == TokenKind::kCloseQuote))
    ExtendOpenQuote(s, r, a);
  // "called on NATO governments on Monday to agree ...": the time between the addressee and
  // the infinitive dates the call; it is not what was asked. The content leaves it out.
  if (cue.kind == CueKind::kDirective) {
    for (size_t j = r.a + 1; j < r.b && j < r.a + 8; ++j) {
      if (!InTime(T[j])) continue;
      size_t t0 = j, t1 = j;
      if (t0 > r.a + 1 && (T[t0 - 1].is("on") || T[t0 - 1].is("in") || T[t0 - 1].is("at"))) --t0;
      while (t1 < r.b && InTime(T[t1])) ++t1;
      if (t1 + 1 < r.b && T[t1].is("to")) {
        Span head = TrimSpan(TokSpan(T, r.a, t0)), rest = TrimSpan(TokSpan(T, t1, r.b));
        if (!head.empty() && !rest.empty()) {
          a->content_parts = {head, rest};
          a->content = Span{head.begin, rest.end};
        }
      }
      break;
    }
  }
  return true;
}

// `said he would "carpet-bomb them. I don't know ..."`: a quotation opened inside indirect
// content and still open at the sentence's end goes on to its closing mark, up to four
// sentences on in the same paragraph.
void Finder::ExtendOpenQuote(size_t s, Range r, Attribution* a) const {
  const Toks& T = S[s].tokens;
  size_t open = SIZE_MAX;
  for (size_t i = r.a; i < T.size(); ++i) {
    if (T[i].kind == TokenKind::kOpenQuote) open = i;
    if (T[i].kind == TokenKind::kCloseQuote) open = SIZE_MAX;
  }
  if (open == SIZE_MAX || open < r.a) return;
  for (size_t t = s + 1; t < S.size() && t <= s + 4 && S[t].paragraph == S[s].paragraph; ++t) {
    for (const Token& tok : S[t].tokens) {
      if (tok.kind == TokenKind::kOpenQuote) return;
      if (tok.kind != TokenKind::kCloseQuote) continue;
      Span all = TrimSpan(Span{a->content.begin, tok.begin});
      if (all.end <= a->content.end) return;
      a->content = all;
      a->content_parts = {all};
      a->last_sentence = t;
      return;
    }
  }
}

// Where reported content ends before the sentence does: at a concessive clause (", although
// he refused ...") or at a second reporting clause ("... and said ...", ", and Republicans
// want ..."), which is a statement of its own.
size_t Finder::ClauseEnd(const Toks& T, Range r) const {
  bool quoted = false;  // the source's own words inside a quotation are not cut
  if (r.a < r.b && T[r.a].is_quote()) quoted = T[r.a].kind == TokenKind::kOpenQuote;
  // From the second token: "endorsed her, citing ...", "opposed it as he ...".
  for (size_t i = r.a + 1; i + 1 < r.b; ++i) {
    if (T[i].kind == TokenKind::kOpenQuote) quoted = true;
    if (T[i].kind == TokenKind::kCloseQuote) quoted = false;
    if (quoted) continue;
    // ", although ...", ", while ...", ", leading to ...": the writer's adjunct, not the words.
    static const WordSet kAdjuncts = {"although",  "though",   "whereas", "while", "leading",
                                      "prompting", "compared", "sending", "after", "before"};
    // (Also after a quotation closed with its comma: `"a mistake," although he ...`.)
    bool comma_closed = T[i].kind == TokenKind::kCloseQuote && i > 0 && T[i - 1].is(",");
    if (comma_closed && (kAdjuncts.count(T[i + 1]) ||
                         (T[i + 1].is("but") && !(i + 2 < r.b && T[i + 2].is("that")))))
      return i + 1;
    if (T[i].is(",") && kAdjuncts.count(T[i + 1])) return i;
    // "they believe X; 29 percent said ...": a semicolon ends the reported clause.
    if (T[i].is(";")) return i;
    // `asserted that X: "Q," she claimed.`: a quotation after a colon with a cue of its own
    // after it is another statement.
    if (T[i].is(":") && T[i + 1].kind == TokenKind::kOpenQuote) {
      size_t c = i + 2;  // (past r.b: the cue may have been taken for a relay chain)
      while (c < T.size() && T[c].kind != TokenKind::kCloseQuote) ++c;
      size_t v = c + 1;
      while (v < T.size() && v < c + 5 && T[v].is_word() && !IsVerbCue(T, v, lex)) ++v;
      if (v < T.size() && v > c + 1 && IsVerbCue(T, v, lex)) return i;
    }
    // ", but ..." opens a contrast the speaker did not say; ", but that ..." goes on.
    if (T[i].is(",") && T[i + 1].is("but") && !(i + 2 < r.b && T[i + 2].is("that"))) return i;
    // ", and won ...": the source's next action, not its words.
    if ((T[i].is(",") || comma_closed) && T[i + 1].is("and") && i + 2 < r.b && T[i + 2].is_word() &&
        !T[i + 2].capitalized && T[i + 2].lower.size() > 4 &&
        T[i + 2].lower.compare(T[i + 2].lower.size() - 2, 2, "ed") == 0)
      return comma_closed ? i + 1 : i;
    // "... as he faces a primary", "... as they campaigned": the writer's time clause.
    if (T[i].is("as") && i + 2 < r.b && IsPronoun(T[i + 1]) && !T[i + 1].is("it") &&
        !T[i + 1].is("i") && !T[i + 1].is("we") && !T[i + 1].is("you") && T[i + 2].is_word() &&
        !IsFiniteAux(T[i + 2]))
      return i;
    // ", about the same number who said ...": another group's words begin.
    if (T[i].is(",")) {
      for (size_t j = i + 2; j + 1 < r.b && j < i + 9 && T[j].is_word(); ++j)
        if (T[j].is("who") && IsVerbCue(T, j + 1, lex)) return i;
    }
    // ", who ..." / ", which ...": a relative clause the writer adds about a name (not after
    // an opening phrase: "that in the three counties, which include X, voters ...").
    static const WordSet kOpening = {"in",     "at",    "during", "among",  "across",    "after",
                                     "before", "since", "under",  "within", "throughout"};
    if ((T[i].is(",") || comma_closed) && (T[i + 1].is("who") || T[i + 1].is("which")) &&
        !(kOpening.count(T[r.a]) && IntroPhrase(T, Range{r.a, i}))) {
      // "suggested that the billionaire, who is now the nominee, would unite Britain": the
      // clause closes with a comma and the reported clause's own verb follows; it goes on.
      size_t c = EmbeddedRelativeEnd(T, Range{i + 1, r.b});
      if (c != 0) {
        i = c;
        continue;
      }
      return comma_closed ? i + 1 : i;
    }
    // ", saying ...", ", he added": another attribution begins; also after a quotation closed
    // with its comma (`maniacal," adding, "...`).
    if (IsParticipleLeadIn(T, i) && !T[i + 1].capitalized && IsVerbCue(T, i + 1, lex) &&
        T[i + 1].lower.size() > 4 &&
        T[i + 1].lower.compare(T[i + 1].lower.size() - 3, 3, "ing") == 0)
      return T[i].kind == TokenKind::kCloseQuote ? i + 1 : i;
    // "... - Ryan saying he was pleased and Trump calling it ...": a name and its own
    // participle are another source's words.
    if ((T[i].is(",") || IsDash(T[i]) || T[i].is("and") || T[i].is("with")) &&
        T[i + 1].capitalized) {
      size_t v = i + 1;
      while (v < r.b && v < i + 4 && T[v].is_word() && T[v].capitalized &&
             !T[v].lower.ends_with("'s") && !T[v].lower.ends_with("\xE2\x80\x99s"))
        ++v;
      if (v + 1 < r.b && !T[v].capitalized && T[v].lower.size() > 4 &&
          T[v].lower.ends_with("ing") && IsVerbCue(T, v, lex))
        return i;
    }
    if (!(T[i].is("and") || T[i].is("but"))) continue;
    size_t j = i + 1;
    size_t subject = 0;
    // "..., and one in four said ...": a share of people is a subject of its own.
    for (size_t e = j + 1; e < r.b && e < j + 4; ++e)
      if (FractionStart(T, e) == j && e + 1 < r.b && IsVerbCue(T, e + 1, lex)) return i;
    while (j < r.b && j < i + 5 && T[j].is_word() &&
           (T[j].capitalized || IsPronoun(T[j]) || IsDet(T[j]) || IsSkippable(T[j])) &&
           !IsVerbCue(T, j, lex)) {
      subject += !IsSkippable(T[j]);
      ++j;
    }
    // "and said", "and also warned": the same source; ", and Republicans want": another one.
    // (A dash before "and" parts clauses as a comma does: "... - and he noted ...".)
    bool comma = T[i - 1].is(",") || IsDash(T[i - 1]) ||
                 (T[i - 1].kind == TokenKind::kCloseQuote && i > 1 && T[i - 2].is(","));
    if (j < r.b && !T[j].capitalized && IsVerbCue(T, j, lex) && (subject == 0 || comma))
      return T[i - 1].is(",") || IsDash(T[i - 1]) ? i - 1 : i;
    // "... and he said ...", "... and Lund says ...": a pronoun or a name with "say" is
    // another sentence of reported speech even without a comma.
    if (j < r.b && subject > 0 && subject == j - i - 1 && (T[j].is("said") || T[j].is("says")) &&
        (IsPronoun(T[i + 1]) || T[i + 1].capitalized))
      return i;
    // ", and three-quarters said ...", ", and other party leaders have said ...": after a
    // comma, any short noun phrase, then a finite reporting verb, is another source.
    if (comma && T[i].is("and")) {
      size_t e = i + 1;
      while (e < r.b && e < i + 7 && T[e].is_word() && !IsVerbCue(T, e, lex) &&
             !IsFiniteAux(T[e]) && !IsStop(T[e]))
        ++e;
      size_t v = e;
      if (v < r.b && IsFiniteAux(T[v])) ++v;
      if (e > i + 1 && v < r.b && !T[v].capitalized && IsVerbCue(T, v, lex) &&
          !T[v].lower.ends_with("ing"))
        return i - 1;
    }
  }
  return r.b;
}

size_t Finder::EmbeddedRelativeEnd(const Toks& T, Range r) const {
  // ("..., who said ...": another source's words begin, not a description.)
  // ("..., which, in today's dollars, is ...": an aside about the figure.)
  if (r.a + 1 >= r.b || IsVerbCue(T, r.a + 1, lex) || T[r.a + 1].is(",")) return 0;
  for (size_t c = r.a + 2; c + 1 < r.b && c < r.a + 30; ++c) {
    if (T[c].is_quote() || T[c].is(";") || T[c].is(":") || IsDash(T[c])) return 0;
    if (!T[c].is(",")) continue;
    return IsFiniteAux(T[c + 1]) ? c : 0;
  }
  return 0;
}

// A stance verb's object ("criticized the plan", "dismissed ideological labels") ends before
// what the writer adds after a comma: a new clause (", and at one point the crowd ..."), an
// adjunct (", even as ...", ", with ...") or a comment on the object (", a sentiment ...").
size_t Finder::StanceObjectEnd(const Toks& T, Range r) const {
  static const WordSet kAfterComma = {"even", "as", "with", "a", "an"};
  bool list = false;  // "A, B, and C": a comma before ", and" makes it a list
  for (size_t i = r.a + 1; i + 1 < r.b; ++i) {
    if (T[i].kind == TokenKind::kOpenQuote) {
      // `called him a "moderate," a subtle dig`, `called it "a terrible deal" and ranked ...`:
      // after the quotation closes, the writer's comment or the source's next action.
      size_t c = i + 1;
      while (c < r.b && T[c].kind != TokenKind::kCloseQuote) ++c;
      if (c + 1 >= r.b) return r.b;
      size_t n = c + 1;
      bool comma_in = T[c - 1].is(",");
      // (`whom he described as "volatile," with Clinton`: a quotation closed with its comma.)
      if (comma_in && T[n].is_word() && !T[n].is("and") && !T[n].is("or")) return c - 1;
      if (T[n].is("and") && n + 1 < r.b && T[n + 1].lower.size() > 4 &&
          T[n + 1].lower.ends_with("ed") && !T[n + 1].capitalized)
        return n;
      return r.b;
    }
    // "endorsed her – they appeared together ...": a dash, then the writer's own clause.
    if (IsDash(T[i]) && (IsPronoun(T[i + 1]) || T[i + 1].is("and") || T[i + 1].is("but"))) return i;
    // "preferred Clinton while most men backed Sanders": a contrast the writer draws.
    // ("while painting ...", the source's own action, goes on.)
    if ((T[i].is("while") || T[i].is("whereas")) && i > r.a && i + 2 < r.b) {
      size_t w = i + 1;
      if (IsSkippable(T[w])) ++w;
      if (!T[w].lower.ends_with("ing")) return T[i - 1].is(",") ? i - 1 : i;
    }
    // "opposed the bill and later voted for it", "blamed hackers but did not say ...": the
    // source's next action, not the object.
    if ((T[i].is("and") || T[i].is("but")) && i > r.a) {
      size_t j = i + 1;
      while (j < r.b && j < i + 3 && IsSkippable(T[j]) && !IsFiniteAux(T[j])) ++j;
      if (j < r.b && !T[j].capitalized &&
          (IsFiniteAux(T[j]) || IsVerbCue(T, j, lex) ||
           (T[j].lower.size() > 4 && T[j].lower.ends_with("ed"))))
        return T[i - 1].is(",") ? i - 1 : i;
    }
    if (!T[i].is(",")) continue;
    const Token& n = T[i + 1];
    if (kAfterComma.count(n) && !(i + 2 < r.b && T[i + 2].is("that"))) return i;
    // "opposed the tax, down from 47 percent": the writer's comparison.
    if ((n.is("down") || n.is("up")) && i + 2 < r.b && T[i + 2].is("from")) return i;
    // ", and at one point the crowd ...", ", and it is ...": a clause, not a list's last item.
    if (n.is("and") && !list && i + 2 < r.b &&
        (IsPronoun(T[i + 2]) || IsAdverbialStart(T[i + 2]) || T[i + 2].is("the")))
      return i;
    list = true;
  }
  return r.b;
}

// A time right after the cue ("disclosed on Monday a set of flaws", "said Thursday his
// worry ...") dates the statement; it is not what was said. Returns where the content starts.
size_t Finder::SkipLeadingTime(const Toks& T, size_t k, size_t ne) {
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

// An introductory phrase ("In an interview with CNN," / "Despite their friendship,") is no
// content: a segment opening with a preposition or subordinator needs a clause after a comma.
bool Finder::IntroPhrase(const Toks& T, Range r) const {
  static const WordSet kIntro = {
      "in",        "on",        "at",      "despite", "if",       "when",      "after",
      "before",    "during",    "since",   "while",   "although", "though",    "as",
      "to",        "with",      "for",     "from",    "by",       "among",     "across",
      "unlike",    "like",      "because", "until",   "amid",     "without",   "through",
      "following", "according", "of",      "over",    "under",    "within",    "throughout",
      "upon",      "once",      "whether", "absent",  "along",    "alongside", "outside",
      "inside",    "besides",   "beyond",  "around",  "against",  "regarding", "near"};
  size_t k = r.a;
  while (k < r.b && (T[k].is("but") || T[k].is("and") || T[k].is("yet") || T[k].is("so") ||
                     T[k].is("still") || T[k].is("then")))
    ++k;
  if (k >= r.b || !kIntro.count(T[k])) return false;
  for (size_t i = k; i < r.b; ++i)
    if (T[i].is(",")) return false;
  return true;
}

// A clause that only introduces what follows: a prepositional phrase (see IntroPhrase) or a
// participle ("Asked by a reporter whether ...", "Taking it in").
bool Finder::IntroductoryClause(const Toks& T, Range r) const {
  r = Trim(T, r);
  if (r.empty()) return false;
  if (IntroPhrase(T, r)) return true;
  const std::string& w = T[r.a].lower;
  return w.size() > 4 && (w.ends_with("ing") || w.ends_with("ed"));
}

// ", the Post reported." or ", according to X." closing the range [k, e): returns the comma
// index and fills the relay's token range and the chain's cue index.
bool Finder::FindChain(const Toks& T, size_t k, size_t e, Range* relay, size_t* cue_index) const {
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

}  // namespace tkg::extract::attr
