// Names of people, organisations and places in a sentence, with the titles and roles written
// around them: "Chinese President Xi Jinping" (title President, of China), "National Computer
// Network Emergency Response Technical Team director Huang Chngqing" (director of the team),
// "Rep. Adam Schiff, the top Democrat on the House Intelligence Committee".
// Pure: tokens in, records out. Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "tkg/schema/types.h"
#include "tokens.h"

namespace tkg::extract {

struct NameMention {
  Span span;         // the whole mention, titles included
  Span name;         // the name proper: "Xi Jinping"
  size_t first = 0;  // token index of the name proper in the sentence
  size_t last = 0;   // token index one past the name proper
  ActorType type = ActorType::kPerson;
  bool certain = false;  // a title, an honorific, an organisation word or two or more words
  std::string title;     // "President", "director"; "" if none
  std::string of;        // "China", "National Computer Network ..."; "" if none
  std::string gender;    // "male", "female" or ""
  // A second role from an apposition when the name has a title of its own: "Rep. Adam Kessler,
  // the top Democrat on the Fisheries Committee" -> "top Democrat", "Fisheries Committee".
  std::string appos_title;
  std::string appos_of;
  Span appos_span;
};

// The name mentions of one sentence, in order. `text` is the article text the tokens point into.
std::vector<NameMention> FindNames(std::string_view text, const std::vector<Token>& tokens,
                                   const Lexicon& lexicon);

// A lower-cased word without a contraction's ending: "he's" -> "he", "they're" -> "they" (also a
// possessive: "obama's" -> "obama"). Other words are returned whole.
std::string_view WithoutContraction(std::string_view lower);

// What a lone capitalised word that founds no certain name stands for when it heads a source:
// a common noun ("Polls show", "Aides said", "Q:"), which names no one, as in lower case; a
// group of people ("Democrats", "Americans", "The French"); or else perhaps a surname.
enum class LoneWord { kMaybeName, kCommonNoun, kGroup };
LoneWord ClassifyLoneWord(const Token& word, const Lexicon& lexicon);

// The text of a name's span, its words joined by single ASCII spaces (a no-break space or a line
// break between them counts as a space), with a possessive "'s" or "’s" removed.
std::string NameText(std::string_view text, Span span);

}  // namespace tkg::extract
