// The actors of one article and who a mention refers to: full names, surnames ("Xi"), titles
// with surnames ("President Xi"), pronouns ("He", "She") and role nouns ("The president",
// "the company") resolve to the most recent compatible actor mentioned before them.
// Pure: mentions in, actors out. Thread safety: none (one table per article).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "names.h"
#include "tkg/schema/types.h"

namespace tkg::extract {

class ActorTable {
 public:
  explicit ActorTable(std::string_view text) : text_(text) {}

  // Records a name mention; returns the actor index, or -1 when the mention is too uncertain to
  // found an actor (a lone capitalised word that matches no known actor).
  int AddMention(const NameMention& m);
  // Creates (or finds) an actor for a name that stands as a speaker without other evidence.
  int AddSpeakerName(const NameMention& m);

  // The organisation whose name begins with the word `word` ("Nordvault" of "Nordvault Systems"),
  // the one mentioned last before `mention`; records the mention. -1 if none.
  int FindOrganizationByFirstWord(const std::string& word, Span mention);
  // The actor of the body that a title-case headline calls `name`: by its full name or an alias,
  // or, for one word, the one person of the body with that surname. -1 if none, or if two
  // people share the surname. Headlines are not read for names (every word is capitalised), so
  // a headline speaker links only to an actor the body founded.
  int FindForHeadline(std::string_view name) const;
  // The actor a pronoun at `pos` refers to ("he", "she", "it", "they", "who"...), or -1.
  int ResolvePronoun(std::string_view lower_pronoun, uint32_t pos) const;
  // The actor a role noun phrase refers to ("president" of "The president"), or -1. A person
  // fits when one of their roles ends with the noun or is one of `titles`, the titles the noun
  // stands for ("congressman": "rep.", "representative"; lower-cased).
  int ResolveRoleNoun(std::string_view lower_head, const std::vector<std::string>& titles,
                      uint32_t pos) const;
  // Records that the actor is mentioned at `span` (a pronoun or role noun), with an alias.
  void AddReference(int actor, Span span, std::string_view alias);

  const std::vector<Actor>& actors() const { return actors_; }
  // Hands the actors over (a copy of every alias, role and mention list cost ~1% of
  // extraction); the table is left without actors and must not be used afterwards.
  std::vector<Actor> TakeActors() { return std::move(actors_); }
  const Actor& actor(int i) const { return actors_[static_cast<size_t>(i)]; }

 private:
  // `folded` is FoldName(name), which the caller keeps for AddAlias.
  int Find(const NameMention& m, const std::string& name, const std::string& folded) const;
  // `folded` as for Find.
  int Create(const NameMention& m, const std::string& name, std::string folded);
  // The mention's roles: its title, and a second one from an apposition.
  void AddRole(int actor, const NameMention& m);
  void AddRole(int actor, const std::string& title, const std::string& of, Span evidence);
  void AddAlias(int actor, std::string alias);
  void AddAlias(int actor, std::string alias, std::string folded_alias);
  uint32_t LastMentionBefore(int actor, uint32_t pos) const;
  void RecordMention(int actor, Span span);
  void SetNameKeys(int actor);  // after the actor's name is set or changed

  std::string_view text_;
  std::vector<Actor> actors_;
  std::vector<std::string> genders_;
  std::vector<uint32_t> latest_mention_;  // per actor: 1 + the latest mention's begin, 0 if none
  std::vector<std::vector<std::string>> folded_;  // per actor: folded name, then folded aliases
  // Indexes of folded_ for Find: folded name -> lowest actor with it as its name (canon_) or
  // as one of its aliases (alias_); a lookup instead of a scan of every actor per mention.
  std::unordered_map<std::string, int> canon_;
  std::unordered_map<std::string, int> alias_;
  // Per actor: hashes of the first and last word of the name and of folded_'s aliases, so that
  // Find's surname search (every actor per mention) compares integers, not strings.
  struct NameKeys {
    size_t first_word = 0;
    size_t last_word = 0;
    bool single_name = false;
    std::vector<size_t> aliases;  // WordHashOf(folded_[i][1..])
  };
  std::vector<NameKeys> keys_;
};

bool IsPersonalPronoun(std::string_view lower);

}  // namespace tkg::extract
