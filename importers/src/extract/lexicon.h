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
};
std::string_view CueKindName(CueKind k);

struct Cue {
  std::vector<std::string> words;  // lower-cased words of the phrase
  CueKind kind = CueKind::kSpeech;
  std::string lemma;
};

struct EventCue {
  std::vector<std::string> words;
  std::string type;  // "meeting", "announcement"
  bool noun = true;
};

// A phrase list keyed by its first word, longest phrases first.
template <typename T>
class PhraseTable {
 public:
  void Add(T entry) {
    auto& v = by_first_[entry.words.front()];
    v.push_back(std::move(entry));
    std::stable_sort(v.begin(), v.end(),
                     [](const T& a, const T& b) { return a.words.size() > b.words.size(); });
  }
  // The longest entry whose words match tokens[i...]; nullptr if none.
  const T* Match(const std::vector<Token>& tokens, size_t i) const {
    if (i >= tokens.size() || !tokens[i].is_word()) return nullptr;
    auto it = by_first_.find(tokens[i].lower);
    if (it == by_first_.end()) return nullptr;
    for (const T& e : it->second) {
      if (i + e.words.size() > tokens.size()) continue;
      bool ok = true;
      for (size_t k = 1; k < e.words.size() && ok; ++k) ok = tokens[i + k].lower == e.words[k];
      if (ok) return &e;
    }
    return nullptr;
  }
  size_t size() const { return by_first_.size(); }

 private:
  std::unordered_map<std::string, std::vector<T>> by_first_;
};

struct Lexicon {
  PhraseTable<Cue> cues;
  PhraseTable<EventCue> events;
  // Titles by lower-cased first word; each entry the lower-cased words and a gender ("" if none).
  struct Title {
    std::vector<std::string> words;
    std::string gender;
    bool capitalized_only = false;  // written capitalised in the file ("President")
  };
  PhraseTable<Title> titles;
  std::unordered_set<std::string> org_words;              // lower-cased
  std::unordered_map<std::string, std::string> demonyms;  // "chinese" -> "China"
  std::unordered_set<std::string> nonnames;               // lower-cased
  std::unordered_set<std::string> places;        // lower-cased place names from the demonym list
  std::unordered_set<std::string> source_nouns;  // lower-cased heads of lower-case sources

  // Parsers for the three files; `origin` names the file in error messages.
  Status ParseCues(std::string_view text, std::string_view origin);
  Status ParseNames(std::string_view text, std::string_view origin);
  Status ParseEvents(std::string_view text, std::string_view origin);
};

// Splits a phrase into lower-cased words the way Tokenize does.
std::vector<std::string> PhraseWords(std::string_view phrase);

}  // namespace tkg::extract
