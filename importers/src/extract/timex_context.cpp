// Time expressions: tense of the surrounding clause.
#include "timex_context.h"

#include <string_view>
#include <unordered_map>

#include "word_list.h"

namespace tkg::extract::timex {
namespace {

using std::string_view_literals::operator""sv;

const std::unordered_map<std::string_view, Tense>& TenseWords() {
  static const auto* m = [] {
    auto* t = new std::unordered_map<std::string_view, Tense>;
    for (std::string_view w :
         {"will"sv,    "shall"sv,  "ll"sv,       "going"sv,  "scheduled"sv, "would"sv,
          "should"sv,  "must"sv,   "might"sv,    "can"sv,    "effective"sv, "expected"sv,
          "expects"sv, "expect"sv, "intends"sv,  "intend"sv, "upcoming"sv,  "aims"sv,
          "due"sv,     "wo"sv,     "tomorrow"sv, "slated"sv})
      (*t)[w] = Tense::kFuture;
    for (std::string_view w :
         {"said"sv,     "was"sv,       "were"sv,       "had"sv,   "did"sv,    "told"sv,
          "came"sv,     "went"sv,      "met"sv,        "made"sv,  "took"sv,   "gave"sv,
          "saw"sv,      "found"sv,     "left"sv,       "began"sv, "became"sv, "held"sv,
          "won"sv,      "lost"sv,      "fell"sv,       "rose"sv,  "paid"sv,   "sold"sv,
          "bought"sv,   "brought"sv,   "thought"sv,    "knew"sv,  "got"sv,    "ran"sv,
          "spent"sv,    "sent"sv,      "struck"sv,     "spoke"sv, "wrote"sv,  "broke"sv,
          "chose"sv,    "flew"sv,      "fought"sv,     "led"sv,   "meant"sv,  "stood"sv,
          "kept"sv,     "felt"sv,      "heard"sv,      "built"sv, "shot"sv,   "hit"sv,
          "ago"sv,      "yesterday"sv, "previously"sv, "began"sv, "drew"sv,   "wore"sv,
          "threw"sv,    "grew"sv,      "sank"sv,       "fled"sv,  "forgot"sv, "sought"sv,
          "taught"sv,   "caught"sv,    "dealt"sv,      "lay"sv,   "laid"sv,   "quit"sv,
          "rang"sv,     "sang"sv,      "swore"sv,      "beat"sv,  "tore"sv,   "woke"sv,
          "overtook"sv, "withdrew"sv,  "undertook"sv,  "been"sv})
      (*t)[w] = Tense::kPast;
    // Past forms too short for the -ed test in WordTense.
    for (std::string_view w : {"died"sv, "sued"sv, "used"sv, "owed"sv, "lied"sv, "axed"sv})
      (*t)[w] = Tense::kPast;
    for (std::string_view w :
         {"is"sv, "are"sv, "am"sv, "says"sv, "say"sv, "now"sv, "today"sv, "currently"sv})
      (*t)[w] = Tense::kPresent;
    return t;
  }();
  return *m;
}

// Words ending in -ed that are not past forms.
bool NotPastEd(std::string_view w) {
  static const std::string_view kList[] = {
      "need"sv,    "speed"sv,    "seed"sv,      "feed"sv,    "bed"sv,      "red"sv,
      "shed"sv,    "indeed"sv,   "proceed"sv,   "exceed"sv,  "succeed"sv,  "breed"sv,
      "greed"sv,   "weed"sv,     "embed"sv,     "hundred"sv, "wed"sv,      "bleed"sv,
      "creed"sv,   "led"sv,      "sled"sv,      "united"sv,  "limited"sv,  "based"sv,
      "related"sv, "expected"sv, "scheduled"sv, "planned"sv, "proposed"sv, "concerned"sv};
  return OneOf(w, kList);
}

bool IsDeterminer(std::string_view w) {
  static const std::string_view kList[] = {"a"sv,     "an"sv,    "the"sv,   "its"sv,  "his"sv,
                                           "her"sv,   "their"sv, "our"sv,   "your"sv, "this"sv,
                                           "these"sv, "those"sv, "every"sv, "each"sv};
  return OneOf(w, kList);
}

bool IsBeForm(std::string_view w) {
  return w == "be"sv || w == "being"sv || w == "is"sv || w == "are"sv || w == "was"sv ||
         w == "were"sv || w == "been"sv || w == "am"sv;
}

// The tense word k signals, looking at its neighbours: "plans to", "is to", "had been
// scheduled" (a plan that lies in the past).
Tense WordTense(const std::vector<Token>& toks, size_t k) {
  const Token& t = toks[k];
  if (t.kind != TokKind::kWord) return Tense::kUnknown;
  const Token* prev = k > 0 ? &toks[k - 1] : nullptr;
  const Token* next = k + 1 < toks.size() ? &toks[k + 1] : nullptr;
  auto word_at = [&](size_t j) -> std::string_view {
    return j < toks.size() && toks[j].kind == TokKind::kWord ? toks[j].low : std::string_view();
  };
  bool next_to = next != nullptr && next->low == "to"sv;
  if (t.low == "may"sv && !t.cap) return Tense::kFuture;  // the modal
  // "could win on Tuesday", "could be higher Saturday" look ahead; "could not be reached
  // Friday", "could have won Tuesday", "the spoiler he could have Tuesday" report the past.
  if (t.low == "could"sv) {
    if (next == nullptr || next->kind != TokKind::kWord) return Tense::kUnknown;
    std::string_view n = next->low;
    const Token* after = k + 2 < toks.size() ? &toks[k + 2] : nullptr;
    bool have_back = n == "have"sv && (after == nullptr || after->kind != TokKind::kWord ||
                                       after->lex != nullptr || after->low == "been"sv ||
                                       (after->low.size() >= 4 && (after->low.ends_with("ed"sv) ||
                                                                   after->low.ends_with("en"sv))));
    // "nor could he be reached Monday": reports of who was reachable are told afterwards.
    static const std::string_view kReached[] = {"reached"sv,   "located"sv,   "found"sv,
                                                "contacted"sv, "confirmed"sv, "verified"sv};
    bool be_reached = n == "be"sv && OneOf(word_at(k + 2), kReached);
    bool back = n == "not"sv || n == "never"sv || n == "only"sv ||
                (n == "n"sv && word_at(k + 2) == "t"sv) || have_back || be_reached;
    return back ? Tense::kPast : Tense::kFuture;
  }
  // "a planned rally on Saturday", "a memorial is planned Friday": the plan's day lies ahead.
  // "planned to" stays open: reports use it for plans already carried out as often.
  if (t.low == "planned"sv && prev != nullptr &&
      (IsDeterminer(prev->low) || prev->low == "is"sv || prev->low == "are"sv))
    return Tense::kFuture;
  // "Protesters planned a march on Saturday": what was planned lies ahead ("had planned a
  // march" looks back).
  if (t.low == "planned"sv && next != nullptr && IsDeterminer(next->low) &&
      !(prev != nullptr && prev->low == "had"sv))
    return Tense::kFuture;
  if ((t.low == "plans"sv || t.low == "plan"sv || t.low == "planning"sv || t.low == "hopes"sv ||
       t.low == "wants"sv || t.low == "set"sv || t.low == "is"sv || t.low == "are"sv ||
       t.low == "likely"sv || t.low == "unlikely"sv || t.low == "poised"sv) &&
      next_to && k + 2 < toks.size() && toks[k + 2].kind == TokKind::kWord &&
      toks[k + 2].lex == nullptr && toks[k + 2].low != "the"sv)
    return Tense::kFuture;
  const auto& m = TenseWords();
  auto it = m.find(t.low);
  if (it != m.end()) {
    // "'ll": only after an apostrophe.
    if (t.low == "ll"sv && (prev == nullptr || t.space_before)) return Tense::kUnknown;
    if (it->second == Tense::kFuture && k >= 1) {
      // "had been scheduled to expire Friday": the plan, and its day, are behind us.
      std::string_view p1 = word_at(k - 1), p2 = k >= 2 ? word_at(k - 2) : std::string_view();
      if (p1 == "had"sv || (p1 == "been"sv && p2 == "had"sv)) return Tense::kPast;
    }
    // "will be named", "would be paid": a passive participle carries no tense of its own.
    if (it->second == Tense::kPast && prev != nullptr && IsBeForm(prev->low) && t.low != "been"sv)
      return Tense::kUnknown;
    return it->second;
  }
  if (prev != nullptr && IsBeForm(prev->low)) return Tense::kUnknown;
  if (t.low.size() < 5 || !t.low.ends_with("ed"sv) || t.cap || NotPastEd(t.low))
    return Tense::kUnknown;
  // "a still unspecified date", "the newly elected board": after a determiner an -ed word
  // describes a noun and says nothing about when the clause happens.
  if (prev != nullptr &&
      (IsDeterminer(prev->low) || (k >= 2 && IsDeterminer(toks[k - 2].low) &&
                                   (prev->low == "still"sv || prev->low.ends_with("ly"sv)))))
    return Tense::kUnknown;
  return Tense::kPast;
}

bool IsAbbrevBefore(const std::vector<Token>& toks, size_t i) {
  // toks[i] is '.', is toks[i-1] a short abbreviation glued to it?
  if (i == 0) return false;
  const Token& w = toks[i - 1];
  if (w.end != toks[i].begin || w.kind != TokKind::kWord) return false;
  if (w.low.size() == 1) return true;  // initials, "a.m."
  static const std::string_view kAbbr[] = {
      "mr"sv,  "mrs"sv, "ms"sv,  "dr"sv,   "gen"sv, "sen"sv, "rep"sv,  "gov"sv,  "st"sv,
      "jan"sv, "feb"sv, "aug"sv, "sept"sv, "sep"sv, "oct"sv, "nov"sv,  "dec"sv,  "jr"sv,
      "sr"sv,  "co"sv,  "inc"sv, "corp"sv, "lt"sv,  "col"sv, "capt"sv, "prof"sv, "vs"sv,
      "no"sv,  "apr"sv, "mar"sv, "jun"sv,  "jul"sv, "rev"sv, "sgt"sv,  "ft"sv};
  return OneOf(w.low, kAbbr);
}

}  // namespace

bool EndsSentence(const std::vector<Token>& toks, size_t i) {
  const Token& t = toks[i];
  if (i + 1 < toks.size() && toks[i + 1].para_before) return true;
  if (t.kind != TokKind::kPunct) return false;
  char c = t.low[0];
  if (c == '!' || c == '?') return true;
  if (c != '.') return false;
  if (IsAbbrevBefore(toks, i)) {
    // "... at 10 a.m. Police said": an abbreviation followed by a capitalised word is ambiguous;
    // treat it as no break.
    return false;
  }
  return true;
}

Tense TenseAround(const std::vector<Token>& toks, size_t first, size_t end) {
  constexpr size_t kWindow = 20;
  // "as early as Tuesday", "as soon as Friday": a date still to come.
  if (first >= 3 && toks[first - 1].low == "as" &&
      (toks[first - 2].low == "early" || toks[first - 2].low == "soon") &&
      toks[first - 3].low == "as")
    return Tense::kFuture;
  // "postponed until Tuesday": a deadline still to come, unless the clause looks back from a
  // past perfect ("until Thursday, they had not ...").
  if (first >= 1 && (toks[first - 1].low == "until" || toks[first - 1].low == "till")) {
    bool had = false;
    size_t k = first;
    while (k > 0 && first - k < kWindow && !EndsSentence(toks, k - 1)) --k;
    for (; k < end + kWindow && k < toks.size(); ++k) {
      if (toks[k].low == "had") had = true;
      if (k >= end && EndsSentence(toks, k)) break;
    }
    if (!had) return Tense::kFuture;
  }
  // "since December", "since Monday": the start of a stretch reaching to now.
  if (first >= 1 && toks[first - 1].low == "since") return Tense::kPast;
  // "ahead of the weekend", "set for Nov. 3": a date still to come.
  if (first >= 2 && ((toks[first - 1].low == "of" && toks[first - 2].low == "ahead") ||
                     (toks[first - 1].low == "for" && toks[first - 2].low == "set")))
    return Tense::kFuture;
  if (first >= 3 && toks[first - 2].low == "of" && toks[first - 3].low == "ahead" &&
      toks[first - 1].low == "the")
    return Tense::kFuture;
  // Leftwards to the sentence start.
  for (size_t k = first, steps = 0; k > 0 && steps < kWindow; ++steps) {
    --k;
    if (EndsSentence(toks, k)) break;
    Tense t = WordTense(toks, k);
    if (t != Tense::kUnknown) return t;
    if (toks[k].para_before) break;
  }
  for (size_t k = end, steps = 0; k < toks.size() && steps < 12; ++k, ++steps) {
    if (toks[k].para_before) break;
    Tense t = WordTense(toks, k);
    if (t != Tense::kUnknown) return t;
    if (EndsSentence(toks, k)) break;
  }
  return Tense::kUnknown;
}

}  // namespace tkg::extract::timex
