#include <cctype>

#include "attribution_finder.h"

namespace tkg::extract::attr {

bool Finder::Verb(size_t s, size_t ci, size_t cj, const Cue& cue, Attribution* a,
                  std::vector<uint8_t>* consumed) {
  if (cue.kind == CueKind::kNoun) return Possessive(s, ci, cj, cue, a, consumed);
  const Toks& T = S[s].tokens;
  size_t ne = ContentEnd(T);
  // "backed off", "attacks and ...", "calls into": a particle, a conjunction or punctuation
  // after a directive cue makes it a phrasal verb or a noun, not a reporting verb.
  // "compared with last year", "compared to 2012": a preposition, not a stance.
  if (cue.lemma == "compare" && cj < ne && (T[cj].is("with") || T[cj].is("to"))) return false;
  // "showed up", "called off", "backed down": a particle makes another verb.
  static const WordSet kParticles = {"up", "off", "down", "away"};
  if (cj < ne && kParticles.count(T[cj]) && cue.words.size() == 1) return false;
  // "found himself in the same bind": a reflexive object makes no finding.
  static const WordSet kReflexives = {"himself", "herself",   "themselves", "itself",
                                      "myself",  "ourselves", "yourself"};
  if (cue.lemma == "find" && cj < ne && kReflexives.count(T[cj])) return false;
  // "thanks to her wins", "thanks in part to": a preposition.
  if (T[ci].is("thanks") && cj < ne && (T[cj].is("to") || T[cj].is("in") || T[cj].is("largely")))
    return false;
  // Verbs that report words only with a clause or a quotation after them: "maintained that
  // ...", not "has maintained some clout"; "remarks that", not "his remarks".
  static const WordSet kNeedClause = {"maintain", "remark"};
  if (kNeedClause.count(cue.lemma) && ci > 0 && !T[ci - 1].is(",") &&
      T[ci - 1].kind != TokenKind::kCloseQuote) {
    size_t j = cj;
    while (j < ne && (InTime(T[j]) || IsAdverbialStart(T[j])) && j < cj + 4) ++j;
    bool clause = j < ne && (T[j].is("that") || T[j].is(":") || T[j].is_quote() ||
                             (T[j].is(",") && j + 1 < ne && T[j + 1].is_quote()));
    if (!clause && cj < ne) return false;
  }
  // "see", "view", "regard" report a stance only with "as": "sees the plan as a threat" (not
  // "saw the film").
  if (cue.lemma == "see as") {
    size_t j = cj;
    while (j < ne && j < cj + 9 && T[j].is_word() && !T[j].is("as")) ++j;
    if (j >= ne || !T[j].is("as") || j == cj) return false;
  }
  // `"...?" he asked.`, `"...," it recommended.`: after a quotation a directive cue needs no
  // addressee; the quotation is its content.
  auto subject_after_quote = [&] {
    size_t k = ci;
    while (k > 0 && ci - k < 6 && T[k - 1].is_word()) --k;
    if (k == ci) return false;
    if (k == 0)
      return s > 0 && S[s - 1].paragraph == S[s].paragraph && !S[s - 1].tokens.empty() &&
             S[s - 1].tokens.back().kind == TokenKind::kCloseQuote;
    return ClosesQuote(T, k);
  };
  if (cue.kind == CueKind::kDirective && ci > 0 && !T[ci - 1].is(",") &&
      T[ci - 1].kind != TokenKind::kCloseQuote && !subject_after_quote()) {
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
  // `after_quote`: the source follows a closing quotation, a shape so certain that a long
  // adverbial may follow the cue ("said of the meeting he had last week with ...").
  auto ends_after = [&](size_t from, size_t* stop, bool after_quote = false) {
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
    for (; j < ne && !T[j].is(",") && !IsDash(T[j]); ++j) {  // a dash ends it too
      if (T[j].is("that") || T[j].is(":") || T[j].kind == TokenKind::kOpenQuote) return false;
      ++rest;
    }
    *stop = j;
    if (rest == 0) return true;
    // What may follow a closing cue: when, where, how ("Tuesday", "in a statement").
    if (after_quote) {
      const std::string& w = T[from].lower;
      bool ly = w.size() > 4 && w.ends_with("ly");  // "asked rhetorically"
      // `"...?" Trump told Britain's ITV television.`: the rest of the addressee.
      bool addressee = (cue.kind == CueKind::kObject || cue.kind == CueKind::kDirective) &&
                       rest <= 4 && (!IsStop(T[from]) || IsDet(T[from]));  // "asked the mogul"
      return rest <= 25 && (IsAdverbialStart(T[from]) || ly || addressee);
    }
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
    // `...," X, a fellow at Y, said of RT.`: what the words were about, not who said them.
    if (np && (T[np->a].is("of") || T[np->a].is("about"))) np.reset();
    // After a closing quotation mark the shape is certain: any source may follow ("said a
    // source close to the campaign", "said an official who ...").
    bool after_quote = T[ci - 1].kind == TokenKind::kCloseQuote ||
                       (ci >= 2 && T[ci - 2].kind == TokenKind::kCloseQuote);
    // A quotation opened mid-sentence may be a title inside a phrase (`the host of "The
    // Apprentice," listed an NBC show`): then only a plausible speaker may follow.
    bool mid_quote = false;
    if (after_quote) {
      size_t q = T[ci - 1].kind == TokenKind::kCloseQuote ? ci - 1 : ci - 2;
      size_t o = q;
      while (o > 0 && T[o - 1].kind != TokenKind::kOpenQuote) --o;
      if (o > 0) {
        size_t open = o - 1;
        mid_quote = open != SkipDateline(T, open) ||
                    !(open == 0 || T[open - 1].is(":") || T[open - 1].is(",") ||
                      IsDash(T[open - 1]) || T[open - 1].kind == TokenKind::kCloseQuote);
      }
    }
    bool stance_verb = cue.kind == CueKind::kDirective || cue.kind == CueKind::kBelief;
    if (np && mid_quote && (stance_verb || !PlausibleSource(T, *np))) np.reset();
    // "..., mocked the Republican Party, and ...": after a comma, a stance verb's noun phrase
    // is its object; only after a quotation ("...?" asked Smith) does it name the speaker.
    if (stance_verb && !after_quote) np.reset();
    if (np && after_quote && (!PlausibleSource(T, *np) || IsPostnominal(T[np->b - 1]))) {
      // "said a person close to the Clintons.": the source runs to the comma or the end.
      size_t e = np->b;
      while (e < ne && e < cj + 15 && T[e].is_word()) ++e;
      if (e >= ne || T[e].is(",")) np->b = e;
    }
    if (np && !IsPronoun(T[np->a]) && (after_quote || PlausibleSource(T, *np)) &&
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
  // Adverbs and auxiliaries between the source and its cue are skipped; a quantifier that
  // opens its clause is the source itself ("On taxes, both said ...").
  auto skippable = [&](size_t i) {
    return IsSkippable(T[i]) && !(IsQuantifier(T[i]) && (i == 0 || !T[i - 1].is_word()));
  };
  size_t left = ci;
  while (left > 0 && skippable(left - 1)) --left;
  left = SkipTimeAdverbial(T, left);
  while (left > 0 && skippable(left - 1)) --left;
  // "an allegation rejected by the inquiry", "was asked by the host whether ...": the agent
  // after "by" speaks.
  if (cj + 1 < T.size() && T[cj].is("by") && Passive(s, ci, cj, cue, a, consumed)) {
    a->confidence = base - 0.15f;
    return true;
  }
  if (IsPassiveCue(T, ci)) return false;
  // A parenthesis between the source and its cue: "Rep. Jane Roe (D-Ore.) said ...".
  if (left > 1 && T[left - 1].is(")")) {
    size_t open = OpeningParen(T, left - 1, 12);
    if (open != SIZE_MAX && open > 0) {
      left = open;
      while (left > 0 && IsSkippable(T[left - 1])) --left;
    }
  }
  if (LeadingParticiple(s, ci, cj, a)) {
    a->confidence = base - 0.15f;
    return true;
  }
  // "Said Comey, "The thought ... is very painful."": the cue opens the sentence.
  if (ci == 0 && (cue.kind == CueKind::kSpeech || cue.kind == CueKind::kReport)) {
    auto np = RightNP(T, cj, lex);
    if (np && np->b + 1 < T.size() && (T[np->b].is(",") || T[np->b].is(":")) &&
        T[np->b + 1].kind == TokenKind::kOpenQuote) {
      size_t last = s;
      Span q = QuoteForward(s, np->b + 1, &last);
      if (q.empty()) return false;
      SetSource(a, T, *np);
      a->content = q;
      a->content_parts = {q};
      a->direct = true;
      a->last_sentence = last;
      a->rule = "inverted_lead";
      a->confidence = base;
      return true;
    }
  }
  if (left == 0) return false;
  // "Sanders's call for ...", "the president's remarks": a noun, not a reporting verb.
  // "reported to the centre", "said to be", "announced by": passive or participle.
  // Verbs whose content may be an infinitive ("vowed to fight") are not passive before "to".
  // "said to a cheering crowd", "said to reporters" name a hearer, not a passive.
  // "said to applause", "said to reporters", "told to cheering supporters"
  static const WordSet kAudience = {
      "reporters", "supporters", "voters",       "journalists", "delegates",  "students",
      "donors",    "applause",   "cheers",       "laughter",    "laughs",     "boos",
      "cheering",  "rousing",    "enthusiastic", "loud",        "thunderous", "scattered"};
  bool to_hearer =
      cj + 1 < T.size() && T[cj].is("to") &&
      (IsDet(T[cj + 1]) || T[cj + 1].is("him") || T[cj + 1].is("her") || T[cj + 1].is("them") ||
       T[cj + 1].is("me") || T[cj + 1].is("us") || kAudience.count(T[cj + 1]));
  if ((cue.kind == CueKind::kSpeech || cue.kind == CueKind::kReport) && cj < T.size() &&
      (T[cj].is("by") || (T[cj].is("to") && cj + 1 < T.size() && !T[cj + 1].capitalized &&
                          !TakesInfinitive(cue.lemma) && !to_hearer)))
    return false;
  // "Smith's claim that": a possessive; "He's said", "She's argued" hold "has", not a possessive.
  if (const std::string& w = T[ci - 1].lower;
      w.size() > 2 && (w.compare(w.size() - 2, 2, "'s") == 0 || w.back() == '\'') &&
      !IsPronoun(T[ci - 1]))
    return Possessive(s, ci, cj, cue, a, consumed);
  size_t p = left - 1;
  // Coordination: "X announced A and said B" / "X said A but added B".
  if ((T[p].is("and") || T[p].is("but")) && p > 0 && T[p - 1].is_word() == (T[p - 1].is_word())) {
    // Not a verb: "Questions and answers have been edited", "call centers"; not a statement:
    // "were mocked and criticized" (a passive).
    static const WordSet kAux = {"have", "has", "are", "were", "is", "was"};
    if (cj < T.size() && kAux.count(T[cj])) return false;
    if (p >= 2 && IsPassiveCue(T, p - 1)) return false;
    std::optional<Range> np;
    // "Ginsburg said that she ... and predicted ...": the main clause's subject, the source of
    // the sentence's first attribution, not the last one (which may be reported inside it).
    // "Annette Guessford, who answered her door and said ...": inside a relative clause its
    // pronoun is the subject.
    for (size_t w = p; w-- > 1 && p - w < 15;) {
      if (!T[w].is(",")) continue;
      if (T[w + 1].is("who")) np = Range{w + 1, w + 2};
      break;
    }
    if (!np && last_sentence_ == s && !first_source_.empty())
      np = MainSubjectAfter(T, p, first_source_);
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
  // ("by saying" after the sentence's first words only: "By saying ..." opens it.)
  bool lead_in = IsParticipleLeadIn(T, p) && (p > 1 || !T[p].is_word());
  if (lead_in && ing) {
    // "..., he said, adding that ...": the source of the attribution just before, else the
    // sentence's subject.
    std::optional<Range> np;
    // "..., he said, adding ...": the cue just before; else the main clause's subject.
    bool adjacent = last_cue_end_ <= p && p <= last_cue_end_ + 3;
    Range prev = adjacent ? last_source_ : first_source_;
    if (last_sentence_ == s && !prev.empty() && prev.b <= p)
      np = adjacent ? prev : MainSubjectAfter(T, p, prev);
    if (!np) np = SubjectNP(T, p);
    if (np && !adjacent)
      if (auto later = LastClauseSubject(T, p, np->b)) np = later;
    if (!np) return false;
    if (!ContentAfter(s, cj, cue, a, consumed)) return false;
    // "Lund, citing the cost, said ...": the participle's words end where the main clause's
    // reporting verb follows a comma.
    if (!a->direct && a->last_sentence == s) {
      size_t first = SIZE_MAX;
      for (size_t i = cj; i + 2 < T.size() && T[i].begin < a->content.end; ++i) {
        if (T[i].begin < a->content.begin) continue;
        if (first == SIZE_MAX) first = i;
        if (T[i].kind == TokenKind::kOpenQuote) break;
        if (i > first && T[i].is(",") && !T[i + 1].capitalized && IsVerbCue(T, i + 1, lex) &&
            !T[i + 1].lower.ends_with("ing") && T[i + 2].is_word()) {
          SetContent(a, T, Trim(T, Range{first, i}));
          // (The main verb is no relay of the participle's words: it reports its own.)
          if (!a->reporter.empty() && a->reporter.begin >= T[i].end) {
            a->reporter = Span{};
            relay_.sentence = SIZE_MAX;
            for (size_t k = i; k < T.size(); ++k) (*consumed)[k] = 0;
          }
          break;
        }
      }
    }
    SetSource(a, T, *np);
    a->rule = "participle";
    a->confidence = base - 0.15f;
    return true;
  }
  // Between dashes: "Kall -- co-editor of a book on the debates -- said ...".
  if (IsDash(T[p])) {
    for (size_t d = p; d-- > 1 && p - d < 40;) {
      if (!IsDash(T[d])) continue;
      auto np = LeftNP(T, d - 1, lex);
      if (!np || !PlausibleSource(T, *np) || (np->a > 0 && !IsStop(T[np->a - 1]))) break;
      if (!ContentAfter(s, cj, cue, a, consumed)) return false;
      SetSource(a, T, Range{np->a, p + 1});
      a->rule = "appositive";
      a->confidence = base - 0.05f;
      return true;
    }
  }
  // `Mr. Scott, who has called the remarks "toxic," portrayed ...`: a relative clause that
  // closes with a quotation and its comma.
  if (T[p].kind == TokenKind::kCloseQuote && p > 1 && T[p - 1].is(",")) {
    bool relative = false;
    for (size_t i = p - 1; i-- > 1 && !relative;) relative = T[i].is("who") && T[i - 1].is(",");
    if (relative) --p;
  }
  // Appositive: "Smith, the head of X, said ..." and "...," Smith, the head of X, said.
  if (T[p].is(",")) {
    for (size_t c1 = p; c1-- > 0 && p - c1 < 40;) {
      if (!T[c1].is(",")) continue;
      if (c1 == 0) break;
      // "Jimmy Ghazal, 39, a visitor from Beirut, told ...": an age between commas.
      if (c1 >= 2 && T[c1 - 2].is(",") && !T[c1 - 1].lower.empty() &&
          std::isdigit(static_cast<unsigned char>(T[c1 - 1].lower[0])))
        continue;
      // "Sen. Marco Rubio, R-Fla., appearing on ..., said": a party and state between commas.
      if (IsPartyState(T[c1 - 1]) || (c1 >= 3 && T[c1 - 1].is(".") && IsPartyState(T[c1 - 2])))
        continue;
      // "Sen. Ted Cruz (R-Texas), also a hopeful, called ...": the name before a parenthesis.
      size_t before = c1 - 1;
      if (size_t open = T[before].is(")") ? OpeningParen(T, before, 10) : SIZE_MAX;
          open != SIZE_MAX && open > 0)
        before = open - 1;
      auto np = LeftNP(T, before, lex);
      if (!np) break;
      bool after_content =
          np->a > 0 && (T[np->a - 1].is(",") || T[np->a - 1].kind == TokenKind::kCloseQuote);
      // Right after a quotation the shape is certain: any noun phrase speaks ("his wife, ...").
      if (!PlausibleSource(T, *np) && !(after_content && ClosesQuote(T, np->a))) break;
      // "..., editor at large of The Forward, an influential weekly, wrote": a name inside the
      // apposition; the source is further left.
      // But "The director of the European Centre, Ina Kirsch, told ...": the phrase opens the
      // sentence and its head speaks.
      // (So too "A lawyer for the company, Nils Dahl, said", "Officials at the port, ...".)
      static const WordSet kInside = {"of", "at", "for", "with", "from", "in"};
      if (np->a >= 2 && kInside.count(T[np->a - 1])) {
        auto head = LeftNP(T, np->a - 2, lex);
        if (head && PlausibleSource(T, *head) && SkipDateline(T, head->a) == head->a &&
            (head->a == 0 || IsDash(T[head->a - 1])))
          np = Range{head->a, np->b};
      }
      if (np->a > 0 && kInside.count(T[np->a - 1])) continue;
      // "BERGEN — X, ...", "... — X, a spokesman, said"
      bool after_dateline = np->a > 0 && (SkipDateline(T, np->a) == np->a || IsDash(T[np->a - 1]));
      if (np->a > 0 && !after_content && !after_dateline && !IsStop(T[np->a - 1]) &&
          T[np->a - 1].kind != TokenKind::kOpenQuote)
        break;
      size_t stop = 0;
      // "Last week, X, the editor, wrote, "Q."": an introduction, then the quotation.
      bool intro_then_quote = stop_quote(cj) && !ClosesQuote(T, np->a);
      if (after_content && !intro_then_quote && ends_after(cj, &stop, ClosesQuote(T, np->a))) {
        if (!BackwardContent(s, np->a - 1, a)) return false;
        SetSource(a, T, *np);
        if (a->direct) FollowingQuotes(a);
        a->rule = "trailing_appositive";
        a->confidence = base - 0.05f;
        return true;
      }
      if (!ContentAfter(s, cj, cue, a, consumed)) return false;
      // "One of his advisers, Tad Devine, told ...": a bare name in the apposition names the
      // unnamed subject; the source spans both so that the name is the speaker.
      // ("The director of the European Centre, Ina Kirsch,": a description, then the name.)
      bool named = T[np->a].capitalized && !IsDet(T[np->a]) && T[np->b - 1].capitalized;
      bool bare_name = c1 + 1 < p;
      for (size_t i = c1 + 1; i < p && bare_name; ++i) bare_name = T[i].capitalized;
      SetSource(a, T, !named && bare_name ? Range{np->a, p} : *np);
      a->rule = "appositive";
      a->confidence = base - 0.05f;
      return true;
    }
    return false;
  }
  auto np = LeftNP(T, p, lex);
  // "Those close to him say": an object pronoun ends the phrase before the cue.
  static const WordSet kObjectPronouns = {"him", "her", "them", "us", "me"};
  if (!np && kObjectPronouns.count(T[p]) && p >= 2 && T[p - 1].is_word() && IsStop(T[p - 1]))
    np = Range{p, p + 1};
  if (!np) return false;
  if (TrailingAs(s, cj, *np, a)) {
    a->confidence = base - 0.1f;
    return true;
  }
  // "Cruz and Rubio both condemned ...": a floating quantifier after the subject.
  np = WithFloatingQuantifier(T, *np);
  // "McConnell issued a statement saying ...", "The group sent a letter urging ...": the
  // document was put out by the sentence's subject, who speaks.
  auto author = AuthorOfDocument(T, *np);
  if (author) np = author;
  // "Data from the 2014 survey show ...": the head before a prepositional phrase may agree.
  bool agrees = AgreesWithBaseForm(T, *np, ci, cue);
  for (Range r = *np; !agrees && r.a >= 2 &&
                      (T[r.a - 1].is("from") || T[r.a - 1].is("of") || T[r.a - 1].is("in") ||
                       T[r.a - 1].is("on"));) {
    auto h = LeftNP(T, r.a - 2, lex);
    if (!h) break;
    agrees = AgreesWithBaseForm(T, *h, ci, cue);
    r = *h;
  }
  if (left == ci && !agrees) return false;
  // A cue word that is a plural noun: after a quantifier ("those jokes", "several requests")
  // or followed by the sentence's own verb ("Health worries have dogged ...").
  if (left == ci && T[ci].lower.ends_with("s") && cue.words.size() == 1) {
    if (np->b - np->a == 1 && IsQuantifier(T[np->a])) return false;
    static const WordSet kAux = {"have", "are", "were"};
    if (cj < T.size() && kAux.count(T[cj])) return false;
  }
  // "the organizer of a pro-Trump rally said", "the deputy head of the delegation to the
  // forum said": the head before the prepositional phrases speaks.
  auto head_of_phrases = [&](Range r) -> std::optional<Range> {
    static const WordSet kPrep = {"of", "at", "to", "for", "from", "in", "on", "with", "by"};
    std::optional<Range> best;
    if (PlausibleSource(T, r)) best = r;
    // "Experts on North Korea and nuclear arms said": "and" joins inside a phrase.
    for (size_t hops = 0; hops < 4 && r.a >= 2 && (kPrep.count(T[r.a - 1]) || T[r.a - 1].is("and"));
         ++hops) {
      auto head = LeftNP(T, r.a - 2, lex);
      if (!head) break;
      // "a study by X", "a count by X"; not "Clinton leads Sanders by 271".
      if (T[r.a - 1].is("by") && !IsDet(T[head->a])) break;
      if (PlausibleSource(T, *head)) best = head;
      r = *head;
    }
    // "A witness interviewed by congressional staff said": the head before a participle and
    // its agent speaks, not the agent.
    if (r.a >= 3 && T[r.a - 1].is("by") && T[r.a - 2].lower.size() > 4 &&
        T[r.a - 2].lower.ends_with("ed") && !T[r.a - 2].capitalized) {
      auto head = LeftNP(T, r.a - 3, lex);
      if (head && PlausibleSource(T, *head) && (head->a == 0 || IsStop(T[head->a - 1])))
        best = head;
    }
    return best;
  };
  // "Democrats in Iowa who watched the debate said", "27 percent of those who named a
  // candidate said": the source is the head before a relative clause that ends at the cue.
  std::optional<Range> relative_head;
  for (size_t w = np->a; w-- > 0 && np->a - w < 12;) {
    if (!T[w].is_word()) break;
    // Not "critics who say he said", "customers who were told they": there the noun phrase
    // is the subject of the clause the relative one reports.
    if (IsPronoun(T[np->a]) || IsVerbCue(T, w, lex)) break;
    if ((T[w].is("who") || T[w].is("whose")) && w > 0 && w + 1 < np->a) {
      if (auto head = LeftNP(T, w - 1, lex)) relative_head = head_of_phrases(*head);
      break;
    }
  }
  // A document's author stays alone ("McConnell", not "McConnell issued a statement"); other
  // sources run from their head to the cue.
  if (!author && relative_head) {
    np = Range{relative_head->a, p + 1};
  } else if (!author && !ClosesQuote(T, np->a)) {
    auto head = head_of_phrases(*np);
    // "the years of empty promises": no plausible speaker, no attribution.
    if (!head) return false;
    // "sent a letter to the board urging ...": the letter's author speaks.
    if (auto writer = head->a + 1 < np->a ? AuthorOfDocument(T, *head) : std::nullopt)
      np = writer;
    else
      np = Range{head->a, p + 1};
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
      FollowingQuotes(a);  // the content closed a quotation, which may go on
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
  bool intro_before = quote_next && np->a > 0 && IntroductoryClause(T, Range{0, np->a - 1});
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
  bool prev_quote =
      s > 0 && !S[s - 1].tokens.empty() && S[s - 1].tokens.back().kind == TokenKind::kCloseQuote;
  if (np->a == 0 && ends_after(cj, &stop, prev_quote) && s > 0 &&
      S[s - 1].paragraph == S[s].paragraph && !S[s - 1].tokens.empty()) {
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

// "The ferry is "a lifeline," as Okafor put it.": the cue closes the sentence after "as X"
// (and a time: "as Okafor noted on Friday."); the words are the clause or quotation before the
// comma.
bool Finder::TrailingAs(size_t s, size_t cj, Range np, Attribution* a) {
  const Toks& T = S[s].tokens;
  size_t ne = ContentEnd(T);
  size_t after_cue = cj;
  if (after_cue + 1 < ne && (T[after_cue].is("on") || T[after_cue].is("in")) &&
      InTime(T[after_cue + 1]))
    ++after_cue;
  while (after_cue < ne && InTime(T[after_cue])) ++after_cue;
  bool as_after_comma = np.a >= 2 && T[np.a - 1].is("as") &&
                        (T[np.a - 2].is(",") || (np.a >= 3 && T[np.a - 3].is(",") &&
                                                 T[np.a - 2].kind == TokenKind::kCloseQuote));
  if (!as_after_comma || after_cue < ne || !PlausibleSource(T, np)) return false;
  if (!BackwardContent(s, np.a - 2, a)) return false;
  SetSource(a, T, np);
  a->rule = "trailing_as";
  return true;
}

}  // namespace tkg::extract::attr
