#include "attribution_finder.h"
#include "word_list.h"

namespace tkg::extract::attr {

Attribution Finder::ColonStatement(size_t s, Range source, size_t colon) const {
  const Toks& T = S[s].tokens;
  Attribution a;
  a.sentence = a.first_sentence = a.last_sentence = s;
  SetSource(&a, T, source);
  a.cue = TokSpan(T, colon, colon + 1);
  a.cue_text = ":";
  a.kind = CueKind::kSpeech;
  a.direct = colon + 1 < T.size() && T[colon + 1].kind == TokenKind::kOpenQuote;
  a.rule = "colon";
  a.confidence = 0.6f;
  return a;
}

// "Sanders: Brexit's message could draw Trump support" / "MATTHEWS: Well, ...": a short
// name opening a sentence and a colon.
void Finder::Colon(size_t s, std::vector<Attribution>* out) {
  const Toks& T = S[s].tokens;
  // A transcript quoted whole: "\"SMITH: ...".
  size_t k0 = !T.empty() && T[0].kind == TokenKind::kOpenQuote ? 1 : 0;
  size_t k = k0;
  while (k < T.size() && k < k0 + 5 && T[k].is_word() && (T[k].capitalized || T[k].is("of"))) ++k;
  // "Clinton camp: ...", "Trump aide: ...": a name and a common noun, in a headline.
  if (S[s].title_case && k > k0 && k + 1 < T.size() && k < k0 + 4 && T[k].is_word() &&
      !T[k].capitalized && !IsStop(T[k]) && T[k + 1].is(":"))
    ++k;
  if (k == k0 || k >= T.size() || !T[k].is(":") || !T[k0].capitalized) {
    if (!S[s].title_case || !HeadlineColon(s, out)) ColonQuote(s, out);
    return;
  }
  if (lex.nonnames.count(T[k0]) && k == k0 + 1) return;
  // A label, not a speaker: "The Latest:", "Editor's Note:", "VIDEO:", "Question:".
  static const WordSet kLabels = {
      "latest",   "note",      "question",     "answer",  "video",    "watch",     "update",
      "updated",  "photos",    "photo",        "live",    "breaking", "exclusive", "analysis",
      "opinion",  "editorial", "correction",   "related", "read",     "listen",    "transcript",
      "text",     "daily",     "podcast",      "chart",   "map",      "look",      "revealed",
      "remember", "plus",      "contributing", "busted",  "hey",      "notice",    "week",
      "deaths",   "a",         "wow",          "warning", "alert"};
  if (kLabels.count(T[k - 1]) && !(T[k - 1].is("watch") && k > k0 + 1)) return;  // "Judicial Watch"
  size_t ne = ContentEnd(T);
  Range r = Trim(T, Range{k + 1, ne});
  if (WordCount(T, r) < 3) return;
  // "New Hampshire: Jane Roe, John Doe, ...": a list of names is no statement.
  size_t commas = 0, capitals = 0, words = 0;
  for (size_t i = r.a; i < r.b; ++i) {
    commas += T[i].is(",");
    words += T[i].is_word();
    capitals += T[i].is_word() && T[i].capitalized;
  }
  if (commas >= 3 && capitals * 4 >= words * 3) return;
  Attribution a = ColonStatement(s, Range{k0, k}, k);
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
  out->push_back(std::move(a));
}

// "Clinton to Planned Parenthood: Trump will reverse ...", "Former AG Mukasey at RNC: ...": a
// headline that names its speaker, then where or to whom, then a colon and the words.
bool Finder::HeadlineColon(size_t s, std::vector<Attribution>* out) {
  static const WordSet kLinks = {"to", "on", "at", "in", "about", "for", "with"};
  const Toks& T = S[s].tokens;
  size_t b = 0;
  // "EXCLUSIVE - Roger Stone: ...": a label before a dash.
  if (T.size() > 3 && T[0].is_word() && IsDash(T[1])) b = 2;
  size_t e = b;
  while (e < T.size() && e < b + 4 && T[e].is_word() && T[e].capitalized && !kLinks.count(T[e]))
    ++e;
  if (e == b || e >= T.size() || !kLinks.count(T[e]) || lex.nonnames.count(T[b])) return false;
  size_t c = e + 1;
  while (c < T.size() && c < e + 9 && !T[c].is(":")) ++c;
  if (c >= T.size() || !T[c].is(":")) return false;
  for (size_t i = b; i < c; ++i)
    if (lex.cues.Match(T, i) != nullptr) return false;
  Range r = Trim(T, Range{c + 1, ContentEnd(T)});
  if (WordCount(T, r) < 3) return false;
  Attribution a = ColonStatement(s, Range{b, e}, c);
  SetContent(&a, T, r);
  out->push_back(std::move(a));
  return true;
}

// "Republican pollster Daron Shaw: "Historically, ..."", "- Carl Bialik: "One of ..."": a
// name just before a colon that opens a quotation, with no reporting verb before it.
void Finder::ColonQuote(size_t s, std::vector<Attribution>* out) {
  const Toks& T = S[s].tokens;
  size_t c = 1;
  while (c + 1 < T.size() && !(T[c].is(":") && T[c + 1].kind == TokenKind::kOpenQuote)) ++c;
  if (c + 1 >= T.size() || inside[s][c]) return;
  size_t b = c;
  while (b > 0 && c - b < 4 && T[b - 1].is_word() && T[b - 1].capitalized) --b;
  if (b == c || (b > 0 && T[b - 1].is_word() && T[b - 1].capitalized)) return;
  if (lex.nonnames.count(T[b]) && c == b + 1) return;
  for (size_t i = 0; i < c; ++i)
    if (lex.cues.Match(T, i) != nullptr) return;
  size_t last = s;
  Span q = QuoteForward(s, c + 1, &last);
  if (q.empty()) return;
  Attribution a = ColonStatement(s, Range{b, c}, c);
  a.last_sentence = last;
  a.content = q;
  a.content_parts = {q};
  out->push_back(std::move(a));
}

// "In the CBS poll, Trump's lead narrowed to 13 points.": a sentence that opens with the
// document it reports from (a poll, a report, an interview) and has no reporting verb of its
// own; the document is the source. (Mid-sentence, "... leads by 9 points in the latest poll"
// was measured too: more wrong than right.)
void Finder::InDocument(size_t s, std::vector<Attribution>* out) {
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
void Finder::DashSignature(size_t s, std::vector<Attribution>* out) {
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

bool Finder::According(size_t s, size_t ci, size_t cj, Attribution* a, std::vector<uint8_t>*) {
  const Toks& T = S[s].tokens;
  size_t ne = ContentEnd(T);
  Range content;
  size_t lead_from = 0;
  while (lead_from < ci && T[lead_from].is_word() && IsStop(T[lead_from])) ++lead_from;
  if (lead_from == ci) {
    // "According to X, ...": the source runs to the first comma.
    size_t comma = cj;  // or a colon: "According to HuffPo: "...""
    while (comma < ne && comma < cj + 30 && !T[comma].is(",") && !T[comma].is(":")) ++comma;
    if (comma >= ne || comma == cj || !(T[comma].is(",") || T[comma].is(":"))) return false;
    SetSource(a, T, Range{cj, comma});
    content = {comma + 1, ne};
    a->rule = "according_to_lead";
  } else {
    auto np = RightNP(T, cj, lex);
    if (!np) return false;
    // "..., according to X[, an appositive]." / "... according to X."
    // "(93 percent were white, according to exit polls)": inside a parenthesis, its words.
    const size_t open = OpeningParen(T, ci, ci);
    size_t end = cj;
    // (a relative clause describes the source: "a new poll that shows ...")
    while (end < ne && !T[end].is(",") && !(open != SIZE_MAX && T[end].is(")")) &&
           !(end > cj + 1 && (T[end].is("that") || T[end].is("who") || T[end].is("which"))))
      ++end;
    if (open != SIZE_MAX) np->b = std::min(np->b, end);
    SetSource(a, T, Range{cj, std::max(np->b, std::min(end, cj + 25))});
    size_t cend = ci;
    if (T[ci - 1].is(",")) --cend;
    content = {open != SIZE_MAX ? open + 1 : 0, cend};
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
Range Finder::RestAfterParenthetical(const Toks& T, size_t comma, size_t ne) {
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

// A participle opening the sentence speaks for its subject after the comma: "Noting that the
// port was full, Berg said ...", "After saying he was tired, the captain left."
bool Finder::LeadingParticiple(size_t s, size_t ci, size_t cj, Attribution* a) {
  static constexpr std::string_view kOpeners[] = {"after", "before", "while",  "by",
                                                  "when",  "since",  "without"};
  const Toks& T = S[s].tokens;
  // "Having announced that ..., Judge Berman proceeded": a perfect participle.
  bool having = ci == 1 && T[0].is("having") && T[ci].lower.ends_with("ed");
  if (!having && !(ci == 0 || (ci == 1 && OneOf(T[0].lower, kOpeners)))) return false;
  const std::string& w = T[ci].lower;
  if (!having && (w.size() < 5 || !w.ends_with("ing"))) return false;
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

// "Smith's claim that ...", "his warning that ...": a cue used as a noun after a possessive
// speaks for the possessor when a that-clause follows.
bool Finder::Possessive(size_t s, size_t ci, size_t cj, const Cue& cue, Attribution* a,
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

bool Finder::IsAdjectiveLike(const Token& t) {
  return t.is_word() && !t.capitalized &&
         (t.lower.size() > 4 &&
          (t.lower.compare(t.lower.size() - 2, 2, "ed") == 0 ||
           t.lower.compare(t.lower.size() - 2, 2, "ly") == 0 || t.is("false") || t.is("earlier") ||
           t.is("latest") || t.is("recent") || t.is("repeated")));
}

bool Finder::Passive(size_t s, size_t ci, size_t by, const Cue& cue, Attribution* a,
                     std::vector<uint8_t>* consumed) {
  const Toks& T = S[s].tokens;
  // Participles that, with an agent, report words or a stance; not those that describe
  // ("backed by", "supported by", "offered by") or relay ("first reported by").
  static const WordSet kReporting = {
      "echoed",       "rejected", "endorsed",   "criticized",   "criticised", "praised",
      "applauded",    "derided",  "denounced",  "condemned",    "confirmed",  "claimed",
      "disputed",     "denied",   "questioned", "asked",        "warned",     "told",
      "pressed",      "urged",    "dismissed",  "ridiculed",    "mocked",     "lambasted",
      "blasted",      "slammed",  "welcomed",   "hailed",       "lauded",     "challenged",
      "contradicted", "refuted",  "described",  "acknowledged", "announced",  "disclosed"};
  if (!kReporting.count(T[ci])) return false;
  auto agent = RightNP(T, by + 1, lex);
  if (!agent || IsPronoun(T[agent->a]) || !PlausibleSource(T, *agent)) return false;
  size_t ne = ContentEnd(T);
  size_t after = agent->b;
  if (after < ne && T[after].is(",")) ++after;
  // (a question's subject too: "asked by Ingraham about ...", "asked by a reporter how ...")
  bool clause_after =
      after < ne &&
      (T[after].is("that") || T[after].is("whether") || T[after].is("to") || T[after].is(":") ||
       T[after].kind == TokenKind::kOpenQuote ||
       (cue.lemma == "ask" && (T[after].is("about") || T[after].is("if") || T[after].is("how") ||
                               T[after].is("why") || T[after].is("what"))));
  if (clause_after) {
    Cue speech = cue;  // the addressee is the passive's subject: nothing to skip after the agent
    speech.kind = CueKind::kSpeech;
    if (!ContentAfter(s, after, speech, a, consumed)) return false;
    // "Asked by Matt Lauer whether she had practiced, she said ...": an opening participle's
    // question ends where the main clause begins.
    bool opening = ci == 0 || (ci == 1 && (T[0].is("when") || T[0].is("after") || T[0].is("if")));
    if (opening && !a->direct) {
      for (size_t k = after + 1; k + 1 < ne; ++k) {
        if (!T[k].is(",") || T[k].begin < a->content.begin || T[k].end > a->content.end) continue;
        if (IsPronoun(T[k + 1]) || T[k + 1].capitalized) {
          SetContent(a, T, Range{after, k});
          break;
        }
      }
    }
  } else {
    // The subject before the participle (past "was", "has been"): "an allegation rejected by".
    size_t q = ci;
    static const WordSet kBe = {"was",   "were", "is",   "are", "been", "be",
                                "being", "has",  "have", "had", "not",  "also"};
    while (q > 0 && kBe.count(T[q - 1])) --q;
    if (q == 0) return false;
    auto subject = LeftNP(T, q - 1, lex);
    if (!subject || IsPronoun(T[subject->a])) return false;
    SetContent(a, T, *subject);
  }
  SetSource(a, T, *agent);
  a->rule = "passive";
  return true;
}

}  // namespace tkg::extract::attr
