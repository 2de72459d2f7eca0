// The attribution pass over one article's sentences: state and rules. Internal to the extraction
// module; FindAttributions (attribution.h) is the entry point. The rules are spread over
// attribution_*.cpp by concern. Not thread-safe: one Finder per call.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "attribution.h"
#include "attribution_words.h"

namespace tkg::extract::attr {

struct Finder {
  std::string_view text;
  const std::vector<SentenceTokens>& S;
  const Lexicon& lex;
  std::vector<std::vector<uint8_t>> inside;  // per sentence, per token: inside a quotation
  size_t last_sentence_ = SIZE_MAX;          // the sentence of the latest attribution
  Range last_source_;                        // and its source
  Range first_source_;                       // the source of that sentence's first one
  size_t last_cue_end_ = 0;                  // token after the latest attribution's cue
  // The closing chain (", the Post reported") that the latest content consumed, if any.
  struct RelayChain {
    size_t sentence = SIZE_MAX;
    Range relay;
    size_t cue = 0;
  };
  RelayChain relay_;

  // --- The whole pass (attribution.cpp)
  // Every attribution of the article, sentence by sentence, in text order.
  std::vector<Attribution> Run();

  // "While Ramos said that X, he appears ...", "X, who has criticized his campaign, offered
  // ...": an attribution inside a subordinate or relative clause ends where the clause does.
  void EndAtMainClause(const Toks& T, Attribution* a) const;

  // A relay chain ("..., according to Y") more than three words after `a`'s content belongs to
  // the main clause: drops `a`'s relay and frees the chain's cue in *consumed.
  void DetachFarRelay(const Toks& T, size_t cj, Attribution* a,
                      std::vector<uint8_t>* consumed) const;

  // ", as Okafor put it.": a source after "as" closing the sentence, the words before it.
  // Fills `a` and returns true if the shape stands.
  bool TrailingAs(size_t s, size_t cj, Range np, Attribution* a);

  // "Trump said he believes it was a mistake": a pronoun speaking inside another attribution's
  // content restates that speaker's stance, which the outer statement already holds; it is
  // dropped rather than reported twice. Named inner speakers ("X said Y told him") stay, and so
  // do participles and appositions, whose source is the outer one's.
  void DropRestatements(std::vector<Attribution>* out) const;

  // "Okafor plans to visit the docks, according to an aide.": the relay (relay_) states the
  // whole clause before its chain; the inner stance is what the relay reported.
  void RelayStatement(const Attribution& inner, std::vector<Attribution>* out);

  // --- Quotations (attribution_quotes.cpp)
  // Fills `inside`: which tokens stand inside a quotation (quotations end with their paragraph
  // unless the next one reopens them).
  void MarkQuotes();

  // A quotation opened at token k of sentence s: its content up to the closing mark, following
  // sentences of the same paragraph if needed. Sets *last_sentence.
  Span QuoteForward(size_t s, size_t k, size_t* last_sentence) const;

  // A quotation closed at token k of sentence s: its content from the opening mark, earlier
  // sentences of the same paragraph if needed. Sets *first_sentence.
  Span QuoteBackward(size_t s, size_t k, size_t* first_sentence) const;

  // `sp` without surrounding spaces, commas, colons, periods and quotation marks.
  Span TrimSpan(Span sp) const;

  // Sentences after a direct quotation that continue it: same paragraph, opening with a quote.
  void FollowingQuotes(Attribution* a);

  // `"Q1," he said, "Q2."`: appends Q2.
  void Continuation(size_t s, size_t k, Attribution* a);

  // The content before a source that follows it: the quotation closed at or before token
  // `close`, or the clause from the sentence start.
  bool BackwardContent(size_t s, size_t close, Attribution* a);

  // --- Shapes without a reporting verb, and cue nouns (attribution_shapes.cpp)
  // "Sanders: Brexit's message could draw Trump support" / "MATTHEWS: Well, ...": a short
  // name opening a sentence and a colon.
  void Colon(size_t s, std::vector<Attribution>* out);
  // A statement of sentence s whose cue is the colon at token `colon`, spoken by `source`
  // (content left to the caller).
  Attribution ColonStatement(size_t s, Range source, size_t colon) const;
  // "Clinton to Planned Parenthood: Trump will ...": a headline's speaker, a link, a colon.
  bool HeadlineColon(size_t s, std::vector<Attribution>* out);
  // "Republican pollster Daron Shaw: "...": a name before a colon that opens a quotation.
  void ColonQuote(size_t s, std::vector<Attribution>* out);

  // "In the CBS poll, Trump's lead narrowed to 13 points.": a sentence that opens with the
  // document it reports from (a poll, a report, an interview) and has no reporting verb of its
  // own; the document is the source. (Mid-sentence, "... leads by 9 points in the latest poll"
  // was measured too: more wrong than right.)
  void InDocument(size_t s, std::vector<Attribution>* out);

  // A quotation signed after a dash, ending its paragraph: `"...." — Jane Roe` (letters to the
  // editor, readers' comments, pull quotes).
  void DashSignature(size_t s, std::vector<Attribution>* out);

  // "According to X, ...", "..., according to X." and "A, according to X, B".
  bool According(size_t s, size_t ci, size_t cj, Attribution* a, std::vector<uint8_t>*);

  // After a parenthetical source closed by the comma at `comma` (and an appositive of its own,
  // ", another former envoy,"), the rest of the sentence if it holds a clause of three or more
  // words; else an empty range.
  static Range RestAfterParenthetical(const Toks& T, size_t comma, size_t ne);

  // A participle opening the sentence speaks for its subject after the comma: "Noting that the
  // port was full, Berg said ...", "After saying he was tired, the captain left."
  bool LeadingParticiple(size_t s, size_t ci, size_t cj, Attribution* a);
  // A passive cue with its agent: "a sentiment endorsed by the crowd" (content: the subject),
  // "was warned by the embassy that ..." (content: what follows the agent).
  bool Passive(size_t s, size_t ci, size_t by, const Cue& cue, Attribution* a,
               std::vector<uint8_t>* consumed);

  // "Smith's claim that ...", "his warning that ...": a cue used as a noun after a possessive
  // speaks for the possessor when a that-clause follows.
  bool Possessive(size_t s, size_t ci, size_t cj, const Cue& cue, Attribution* a,
                  std::vector<uint8_t>* consumed);

  // "repeated", "recent", "earlier": a modifier between a possessive and a cue noun.
  static bool IsAdjectiveLike(const Token& t);

  // --- Content after a cue (attribution_content.cpp)
  void SetSource(Attribution* a, const Toks& T, Range r) const {
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
                    std::vector<uint8_t>* consumed);

  // Where a stance verb's object ends: before what the writer adds after it (a clause after a
  // comma, a contrast with "while", the source's next action after "and").
  size_t StanceObjectEnd(const Toks& T, Range r) const;
  // A quotation opened inside content range r of sentence s and still open at its end: extends
  // a's content to the closing mark in a later sentence of the paragraph.
  void ExtendOpenQuote(size_t s, Range r, Attribution* a) const;
  // Where reported content ends before the sentence does: at a concessive clause (", although
  // he refused ...") or at a second reporting clause ("... and said ...", ", and Republicans
  // want ..."), which is a statement of its own.
  size_t ClauseEnd(const Toks& T, Range r) const;
  // A relative clause opening at r.a ("who is now the nominee,") that sits inside the reported
  // clause's subject: it closes with a comma right before a finite verb ("would unite ...").
  // Returns that comma's index, or 0 when the clause is the writer's addition about a name.
  size_t EmbeddedRelativeEnd(const Toks& T, Range r) const;

  // A time right after the cue ("disclosed on Monday a set of flaws", "said Thursday his
  // worry ...") dates the statement; it is not what was said. Returns where the content starts.
  static size_t SkipLeadingTime(const Toks& T, size_t k, size_t ne);

  // An introductory phrase ("In an interview with CNN," / "Despite their friendship,") is no
  // content: a segment opening with a preposition or subordinator needs a clause after a comma.
  bool IntroPhrase(const Toks& T, Range r) const;

  // A clause that only introduces what follows: a prepositional phrase (see IntroPhrase) or a
  // participle ("Asked by a reporter whether ...", "Taking it in").
  bool IntroductoryClause(const Toks& T, Range r) const;

  // ", the Post reported." or ", according to X." closing the range [k, e): returns the comma
  // index and fills the relay's token range and the chain's cue index.
  bool FindChain(const Toks& T, size_t k, size_t e, Range* relay, size_t* cue_index) const;

  // --- Sources (attribution_sources.cpp)
  // A source written in lower case must be headed by a noun that can speak or show
  // ("officials", "a campaign operative", "the poll"); names and pronouns always can.
  bool PlausibleSource(const Toks& T, Range r) const;

  // A dateline opening a sentence ("ORLANDO, Fla. — ", "BUENA PARK — "): returns the index
  // after its dash, else 0.
  size_t SkipDateline(const Toks& T, size_t limit) const;

  // The subject of the sentence: a pronoun, a run of capitalised words (with "of"), or a short
  // determiner phrase.
  std::optional<Range> SubjectNP(const Toks& T, size_t limit, size_t from = SIZE_MAX) const;
  // "Cruz and Rubio both said", "They all said": `np` widened from the quantifier to the
  // subject before it; else `np`.
  Range WithFloatingQuantifier(const Toks& T, Range np) const;
  // "..., and the ACLU has sued the city, saying ...": the subject of the last clause joined
  // after token `after` and before `limit`, if one stands there with its verb.
  std::optional<Range> LastClauseSubject(const Toks& T, size_t limit, size_t after) const;
  // "When liberal groups advocated X, Emanuel pressured them ..., threatening ...": an earlier
  // source inside an opening subordinate clause is not the main clause's subject. Returns the
  // subject found before `limit` when it stands after `earlier`, else `earlier`.
  Range MainSubjectAfter(const Toks& T, size_t limit, Range earlier) const;

  // A time adverbial between a source and its cue ("Spicer on Thursday evening said", "the
  // campaign last week announced"): returns where it begins, or `left` if there is none.
  static size_t SkipTimeAdverbial(const Toks& T, size_t left);

  // A cue in its base form ("show", "say") right after a singular noun is no verb: "the TLC
  // reality show", "a radio show". Plural nouns, pronouns, collectives ("police say") and
  // coordinated subjects ("Smith and Jones say") agree with it.
  static bool AgreesWithBaseForm(const Toks& T, Range np, size_t ci, const Cue& cue);

  // "McConnell issued a statement saying ...": when `np` is an indefinite document ("a
  // statement", "a letter") right after a verb, the subject before that verb; else nullopt.
  std::optional<Range> AuthorOfDocument(const Toks& T, Range np) const;

  // --- A reporting verb and its shapes (attribution_verb.cpp)
  // The cue T[ci, cj) of sentence s: tries the inverted, trailing, appositive, participle,
  // coordinated and lead shapes in turn and fills *a on success; marks relay cues in *consumed.
  bool Verb(size_t s, size_t ci, size_t cj, const Cue& cue, Attribution* a,
            std::vector<uint8_t>* consumed);
};

}  // namespace tkg::extract::attr
