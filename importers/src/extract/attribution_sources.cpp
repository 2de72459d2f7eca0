#include <cctype>

#include "attribution_finder.h"
#include "word_list.h"

namespace tkg::extract::attr {

// A source written in lower case must be headed by a noun that can speak or show
// ("officials", "a campaign operative", "the poll"); names and pronouns always can.
bool Finder::PlausibleSource(const Toks& T, Range r) const {
  if (r.empty()) return false;
  if (r.b - r.a == 1 && IsPronoun(T[r.a])) return true;
  if (r.b - r.a == 1 && (IsQuantifier(T[r.a]) || IsLoneIndefinite(T[r.a])))
    return true;                                      // "Many say", "Those close", "another says"
  if (FractionStart(T, r.b - 1) == r.a) return true;  // "one in four said", "47% say"
  if (r.b - r.a == 1 && !T[r.a].capitalized && IsStop(T[r.a])) return false;  // "him
  for (size_t i = r.a; i < r.b; ++i)
    if (T[i].capitalized && !IsDet(T[i]) && !IsStop(T[i]) && !lex.nonnames.count(T[i])) return true;
  // "officials familiar (with ...)", "a person close (to ...)": the noun before a postnominal
  // adjective heads the phrase.
  if (r.b - r.a >= 2 && IsPostnominal(T[r.b - 1])) return PlausibleSource(T, {r.a, r.b - 1});
  // "the secretary of state": the noun before "of" may head the phrase ("a group of voters":
  // or the one after).
  for (size_t i = r.a + 1; i + 1 < r.b; ++i)
    if (T[i].is("of") && PlausibleSource(T, {r.a, i})) return true;
  std::string head = T[r.b - 1].lower;
  if (head.size() > 2 && head.compare(head.size() - 2, 2, "'s") == 0) head.resize(head.size() - 2);
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

Range Finder::WithFloatingQuantifier(const Toks& T, Range np) const {
  if (np.b != np.a + 1 || np.a == 0 ||
      !(T[np.a].is("both") || T[np.a].is("all") || T[np.a].is("each")))
    return np;
  size_t before = np.a - 1;
  if (size_t open = T[before].is(")") ? OpeningParen(T, before, 10) : SIZE_MAX;
      open != SIZE_MAX && open > 0)
    before = open - 1;
  auto subject = LeftNP(T, before, lex);
  return subject && PlausibleSource(T, *subject) ? Range{subject->a, np.b} : np;
}

std::optional<Range> Finder::AuthorOfDocument(const Toks& T, Range np) const {
  static const WordSet kDocuments = {
      "statement",  "letter", "email",         "e-mail",     "memo",       "release",  "message",
      "tweet",      "video",  "note",          "paper",      "report",     "op-ed",    "editorial",
      "resolution", "ad",     "advertisement", "commercial", "petition",   "lawsuit",  "complaint",
      "filing",     "rally",  "speech",        "address",    "conference", "interview"};
  if (np.b - np.a < 2 || np.a < 2) return std::nullopt;
  bool document = kDocuments.count(T[np.b - 1]) > 0;
  // "a letter to the NAACP board of directors urging ...": the document, then its addressee.
  for (size_t d = np.a + 1; !document && d + 1 < np.b && d < np.a + 4; ++d)
    document = kDocuments.count(T[d]) && (T[d + 1].is("to") || T[d + 1].is("on"));
  if (!document) return std::nullopt;
  if (!T[np.a].is("a") && !T[np.a].is("an")) return std::nullopt;
  const Token& verb = T[np.a - 1];  // "issued", "released", "sent", "put out"
  bool past = verb.lower.ends_with("ed") || verb.is("sent") || verb.is("put") || verb.is("out") ||
              verb.is("wrote") || verb.is("issues") || verb.is("sends");
  if (!verb.is_word() || verb.capitalized || !past) return std::nullopt;
  size_t v = np.a - 1;
  if (verb.is("out") && v > 0) --v;
  auto subject = SubjectNP(T, v);
  if (subject && subject->b == v) return subject;
  // "Later, Trump's campaign released ...": the phrase just before the verb.
  if (v == 0) return std::nullopt;
  subject = LeftNP(T, v - 1, lex);
  if (!subject || subject->b != v || !PlausibleSource(T, *subject)) return std::nullopt;
  if (subject->a > 0 && !T[subject->a - 1].is(",") && !IsDash(T[subject->a - 1]))
    return std::nullopt;
  return subject;
}

// A dateline opening a sentence ("ORLANDO, Fla. — ", "BUENA PARK — "): returns the index
// after its dash, else 0.
size_t Finder::SkipDateline(const Toks& T, size_t limit) const {
  // "WASHINGTON, Dec. 8 (UPI) — ": a date and an agency in parentheses may stand before the dash;
  // "BUENA PARK, Calif. - ": a hyphen after a place in capitals.
  // (Whether the first word is in capitals is asked only at a hyphen: most sentences have none.)
  auto in_capitals = [&](const Token& w) {
    if (!w.is_word() || w.end - w.begin < 2) return false;
    for (uint32_t b = w.begin; b < w.end; ++b)
      if (std::islower(static_cast<unsigned char>(text[b]))) return false;
    return true;
  };
  for (size_t i = 0; i < limit && i < 10; ++i) {
    const Token& t = T[i];
    if (IsDash(t) || (t.is("-") && i > 0 && (T[i - 1].is(")") || in_capitals(T[0]))))
      return i > 0 ? i + 1 : 0;
    if (!t.is_word() && !t.is(",") && !t.is("(") && !t.is(")") && !t.is(".")) return 0;
    if (i == 0 && !t.is_word()) return 0;
  }
  return 0;
}

std::optional<Range> Finder::LastClauseSubject(const Toks& T, size_t limit, size_t after) const {
  static const WordSet kJoins = {"and", "but", "though", "although", "while", "whereas", "yet"};
  auto has_verb = [&](size_t v) {
    while (v < limit && T[v].is_word() && (IsSkippable(T[v]) || T[v].lower.ends_with("ly"))) ++v;
    if (v >= limit || !T[v].is_word() || T[v].capitalized) return false;
    return IsFiniteAux(T[v]) || T[v].lower.ends_with("ed") || IsVerbCue(T, v, lex);
  };
  for (size_t b = limit; b-- > after + 1;) {
    if (!(T[b].is(",") || T[b].is(";"))) continue;
    size_t k = b + 1;
    if (k < limit && kJoins.count(T[k]))
      ++k;
    else if (!T[b].is(";"))
      continue;
    // The clause's subject, after an adverbial of its own ("though in a news conference last
    // week she used ...").
    for (size_t j = k; j < limit && j < k + 10 && T[j].is_word(); ++j) {
      if (IsPronoun(T[j]) && !T[j].is("it") && !T[j].is("who") && !T[j].is("which"))
        return has_verb(j + 1) ? std::optional<Range>(Range{j, j + 1}) : std::nullopt;
      size_t e = j;
      if (IsDet(T[e])) ++e;
      size_t name = e;
      while (e < limit && e < name + 6 && T[e].is_word() &&
             (T[e].capitalized || (e > name && T[e].is("of"))))
        ++e;
      if (e > name) return has_verb(e) ? std::optional<Range>(Range{j, e}) : std::nullopt;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

Range Finder::MainSubjectAfter(const Toks& T, size_t limit, Range earlier) const {
  auto subject = SubjectNP(T, limit);
  return subject && subject->a >= earlier.b ? *subject : earlier;
}

// The subject of the sentence: a pronoun, a run of capitalised words (with "of"), or a short
// determiner phrase.
std::optional<Range> Finder::SubjectNP(const Toks& T, size_t limit, size_t from) const {
  size_t k = from == SIZE_MAX ? SkipDateline(T, limit) : from;
  // "But on Tuesday, he ...", "And yet ...": a conjunction opening the sentence.
  while (k + 1 < limit && (T[k].is("but") || T[k].is("and") || T[k].is("yet") || T[k].is("so")))
    ++k;
  // A sentence adverb ("Ultimately, ...", "Perhaps ...", "Meanwhile, ...") before the subject.
  static constexpr std::string_view kSentenceAdverbs[] = {
      "perhaps",  "however", "meanwhile",    "instead",     "indeed",    "still",
      "yet",      "now",     "then",         "today",       "yesterday", "separately",
      "moreover", "also",    "nevertheless", "nonetheless", "here"};
  auto skip_adverb = [&] {
    if (k + 2 < limit && T[k].is_word() &&
        ((T[k].lower.size() > 4 && T[k].lower.ends_with("ly")) ||
         OneOf(T[k].lower, kSentenceAdverbs)))
      k += T[k + 1].is(",") ? 2 : 1;
  };
  skip_adverb();
  // A time opening the sentence ("Wednesday, ...", "Last October, ...") precedes the subject.
  if (k < limit && (InTime(T[k]) || ((T[k].is("earlier") || T[k].is("later")) && k + 1 < limit &&
                                     InTime(T[k + 1])))) {  // "Earlier Wednesday, ..."
    size_t t = k + 1;
    while (t < limit && InTime(T[t])) ++t;
    if (t < limit && T[t].is(",")) k = t + 1;
  }
  // "Hours later, ...", "Two days earlier, ...", "Moments ago, ...".
  {
    static const WordSet kUnits = {"moments", "minutes", "hours", "days",   "weeks", "months",
                                   "years",   "decades", "a",     "an",     "few",   "two",
                                   "three",   "several", "some",  "minute", "hour",  "day",
                                   "week",    "month",   "year",  "moment"};
    size_t t = k;
    while (t < limit && t < k + 3 && kUnits.count(T[t])) ++t;
    if (t > k && t + 1 < limit && (T[t].is("later") || T[t].is("earlier") || T[t].is("ago")) &&
        T[t + 1].is(","))
      k = t + 2;
  }
  // An introductory phrase ("On Monday, ...", "In a statement, ...", "Asked whether ...,")
  // precedes the subject; so does the place it names ("At a rally in Sumter, S.C., ...").
  const std::string& w0 = T[std::min(k, T.size() - 1)].lower;
  bool participle =
      k < limit && T[k].capitalized && w0.size() > 4 && (w0.ends_with("ed") || w0.ends_with("ing"));
  // "Years after Clinton claimed ..., Obama won ...": a span of time, then a subordinator.
  static const WordSet kSpans = {"years", "months", "weeks", "days", "hours", "minutes", "moments"};
  bool span_then = k + 1 < limit && kSpans.count(T[k]) &&
                   (T[k + 1].is("after") || T[k + 1].is("before") || T[k + 1].is("since"));
  if (limit > k &&
      (participle || span_then || IntroPhrase(T, Range{k, std::min<size_t>(limit, k + 1)}))) {
    size_t c = k;
    while (c < limit && c < k + 20 && !T[c].is(",")) ++c;
    if (c < limit && T[c].is(",")) {
      k = c + 1;
      size_t e = k;
      while (e < limit && e < k + 3 && T[e].is_word() && T[e].capitalized) ++e;
      if (e > k && e + 1 < limit && T[e].is(",") && T[e + 1].is_word()) k = e + 1;
      // "in Aspen, Colo., the mayor": an abbreviated state.
      if (e > k && e + 2 < limit && T[e].is(".") && T[e + 1].is(",") && T[e + 2].is_word())
        k = e + 2;
    }
  }
  skip_adverb();  // "On Thursday, however, Okafor ..."
  // "On Thursday evening Hillary Clinton delivered ...": a time without a comma.
  if (k + 1 < limit &&
      (T[k].is("on") || T[k].is("in") || T[k].is("last") || T[k].is("early") || T[k].is("late") ||
       T[k].is("this") || T[k].is("next")) &&
      InTime(T[k + 1])) {
    size_t t = k + 1;
    while (t < limit && InTime(T[t])) ++t;
    if (t < limit && T[t].is_word() && (T[t].capitalized || IsPronoun(T[t]))) k = t;
    // "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton ...": with a comma too.
    if (t + 1 < limit && T[t].is(",") && T[t + 1].is_word() &&
        (T[t + 1].capitalized || IsPronoun(T[t + 1])))
      k = t + 1;
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

// A time adverbial between a source and its cue ("Spicer on Thursday evening said", "the
// campaign last week announced"): returns where it begins, or `left` if there is none.
size_t Finder::SkipTimeAdverbial(const Toks& T, size_t left) {
  size_t q = left;
  while (q > 0 && left - q < 6 && InTime(T[q - 1])) --q;
  if (q == left) return left;
  // "A document filed Thursday says", "a poll released Monday shows": the participle and its
  // day belong to the source's description; the source ends before them.
  if (q >= 2 && T[q].capitalized && T[q - 1].lower.size() > 4 && T[q - 1].lower.ends_with("ed") &&
      !T[q - 1].capitalized && T[q - 2].is_word() && !IsStop(T[q - 2]))
    return q - 1;
  // "on Thursday", "in March", or a time that opens with a lower-case word ("last week",
  // "earlier this month"); not a bare year or name ("the 2016 campaign", "the March poll").
  bool preposition = q > 0 && (T[q - 1].is("on") || T[q - 1].is("in") || T[q - 1].is("during") ||
                               T[q - 1].is("at") || T[q - 1].is("later") ||
                               T[q - 1].is("earlier"));  // "Priebus later Thursday told"
  if (preposition) {
    --q;
  } else if (T[q].capitalized || !std::isalpha(static_cast<unsigned char>(T[q].lower[0]))) {
    return left;
  }
  while (q > 1 && (T[q - 1].is("just") || T[q - 1].is("only") || T[q - 1].is("also")))
    --q;  // "Wells Fargo just this month announced"
  // The source must end just before it (or its parenthesis: "Sanders (I-Vt.) on Saturday").
  if (q > 0 && (T[q - 1].is(")") || T[q - 1].is(","))) return q;  // "X, who ..., on Sunday"
  if (q == 0 || !T[q - 1].is_word() || IsStop(T[q - 1]) || IsDet(T[q - 1])) return left;
  return q;
}

// A cue in its base form ("show", "say") right after a singular noun is no verb: "the TLC
// reality show", "a radio show". Plural nouns, pronouns, collectives ("police say") and
// coordinated subjects ("Smith and Jones say") agree with it.
bool Finder::AgreesWithBaseForm(const Toks& T, Range np, size_t ci, const Cue& cue) {
  // Only words that are nouns as often as verbs: "says" and "thinks" cannot be nouns.
  static const WordSet kNounToo = {"show",    "report",  "claim",   "call",   "view",     "demand",
                                   "promise", "request", "comment", "answer", "question", "reply",
                                   "post",    "tweet",   "warning", "vow",    "pledge",   "charge",
                                   "appeal",  "praise",  "blame",   "cite",   "quote"};
  const std::string& w = T[ci].lower;
  if (cue.words.size() != 1 || w != cue.lemma || !kNounToo.count(T[ci])) return true;
  const Token& head = T[np.b - 1];
  if (IsPronoun(head) || IsQuantifier(head)) return true;
  if (T[np.a].is("a") || T[np.a].is("an")) return false;  // "a media call", "a radio show"
  for (size_t i = np.a; i < np.b; ++i)
    if (T[i].is("and")) return true;
  static const WordSet kCollective = {
      "police", "people", "staff",    "media", "men",   "women",  "children", "personnel",
      "clergy", "data",   "criteria", "folks", "youth", "public", "majority", "minority"};
  if (kCollective.count(head)) return true;
  const std::string& h = head.lower;
  return !h.empty() && (h.back() == 's' || h.back() == '\'');
}

}  // namespace tkg::extract::attr
