// The word lists extraction reads from data files (data/cues.tsv, data/lexicon.tsv,
// data/events.tsv), parsed into lookup tables. Users extend the files without recompiling.
// Thread safety: immutable once parsed; const methods may be called concurrently.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tkg/schema/status.h"
#include "tokens.h"

namespace tkg::extract {

enum class CueKind : uint8_t {
  kSpeech,     // X said (that) ... / "...", X said / "...", said X
  kReport,     // like speech; trailing after another attribution it marks a relay
  kBelief,     // X thinks (that) ...
  kDirective,  // X urged Y to ...: the content keeps the addressee
  kObject,     // X told Y (that) ...: the addressee is skipped
  kAccording,  // according to X
  kNoun,       // X's claim that ...: a noun, only after a possessive and before "that"
};
std::string_view CueKindName(CueKind k);

struct Cue {
  std::vector<std::string> words;  // lower-cased words of the phrase
  std::vector<size_t> hashes;      // WordHash of each word, filled in by PhraseTable::Add
  CueKind kind = CueKind::kSpeech;
  std::string lemma;
};

struct EventCue {
  std::vector<std::string> words;
  std::vector<size_t> hashes;
  std::string type;  // "meeting", "announcement"
  bool noun = true;
};

// A phrase list keyed by its first word, longest phrases first.
template <typename T>
class PhraseTable {
 public:
  explicit PhraseTable(uint16_t head_class) : head_class_(head_class) {}
  uint16_t head_class() const { return head_class_; }
  void Add(T entry) {
    entry.hashes.clear();
    for (const std::string& w : entry.words) entry.hashes.push_back(WordHash{}(w));
    auto& v = by_first_[entry.words.front()];
    v.push_back(std::move(entry));
    std::stable_sort(v.begin(), v.end(),
                     [](const T& a, const T& b) { return a.words.size() > b.words.size(); });
  }
  // The longest entry whose words match tokens[i...]; nullptr if none.
  const T* Match(const std::vector<Token>& tokens, size_t i) const {
    if (i >= tokens.size() || !tokens[i].is_word()) return nullptr;
    if ((tokens[i].cls & kClsLexiconDone) && !(tokens[i].cls & head_class_)) return nullptr;
    auto it = by_first_.find(tokens[i]);
    if (it == by_first_.end()) return nullptr;
    for (const T& e : it->second) {
      if (i + e.words.size() > tokens.size()) continue;
      bool ok = true;
      for (size_t k = 1; k < e.words.size() && ok; ++k)
        ok = tokens[i + k].hash == e.hashes[k] && tokens[i + k].lower == e.words[k];
      if (ok) return &e;
    }
    return nullptr;
  }
  size_t size() const { return by_first_.size(); }
  template <typename Fn>
  void ForEachHead(Fn fn) const {
    for (const auto& [w, v] : by_first_) fn(w);
  }

 private:
  uint16_t head_class_;
  WordMap<std::vector<T>> by_first_;
};

struct Lexicon {
  PhraseTable<Cue> cues{kClsCueHead};
  PhraseTable<EventCue> events{kClsEventHead};
  // Titles by lower-cased first word; each entry the lower-cased words and a gender ("" if none).
  struct Title {
    std::vector<std::string> words;
    std::vector<size_t> hashes;
    std::string gender;
    bool capitalized_only = false;  // written capitalised in the file ("President")
  };
  PhraseTable<Title> titles{kClsTitleHead};
  // Sets and maps answer for a Token (its cached hash) as well as for a string.
  WordSet org_words;              // lower-cased
  WordMap<std::string> demonyms;  // "chinese" -> "China"
  WordSet nonnames;               // lower-cased
  WordSet group_words;            // lower-cased: "democrats", "evangelicals"
  WordSet places;                 // lower-cased: the demonyms' places and `place` rows
  WordSet place_heads;            // first words of the places of two or more words
  WordSet source_nouns;           // lower-cased heads of lower-case sources
  // Role nouns and the titles they refer back to: "congressman" -> {"rep.", "representative",
  // "congressman"}, so that "the congressman" finds "Rep. Adam Kessler". Lower-cased.
  WordMap<std::vector<std::string>> role_titles;
  WordMap<std::string> given_genders;  // "hillary" -> "female"
  WordMap<uint16_t> head_classes;      // first words of the phrase tables -> TokenClass bits
  HashBloom head_bloom;                // of head_classes' keys

  // Sets the TokenClass bits of the word tokens: one lookup per token, after which the phrase
  // tables skip words that head none of their phrases. Call after the files are parsed.
  void Classify(std::vector<Token>* tokens) const;
  // Rebuilds the table Classify reads; the parsers call it.
  void IndexHeads();

  // Parsers for the three files; `origin` names the file in error messages.
  Status ParseCues(std::string_view text, std::string_view origin);
  Status ParseNames(std::string_view text, std::string_view origin);
  Status ParseEvents(std::string_view text, std::string_view origin);
};

// Splits a phrase into lower-cased words the way Tokenize does.
std::vector<std::string> PhraseWords(std::string_view phrase);

}  // namespace tkg::extract
