// Topics of a statement from the taxonomy's terms (data/topics.tsv): a statement is about a topic
// when its content holds one of the topic's words or phrases and no veto term of that topic
// appears in its sentence ("security" at a stadium is not cybersecurity). Ancestors are added.
// Pure. Thread safety: an immutable TopicMatcher may be shared.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "tkg/schema/taxonomy.h"
#include "tokens.h"

namespace tkg::extract {

class TopicMatcher {
 public:
  explicit TopicMatcher(const Taxonomy& taxonomy);
  // Topic names (ancestors included, nearest first per match) for `content`, vetoed by terms in
  // `context` (usually the sentence).
  std::vector<std::string> Match(const std::vector<Token>& content,
                                 const std::vector<Token>& context) const;

 private:
  struct Term {
    std::vector<std::string> words;
    bool prefix = false;  // the last word is a prefix
    bool veto = false;
    size_t topic = 0;
  };
  bool Matches(const Term& t, const std::vector<Token>& toks, size_t i) const;
  // Calls fn(term index) for every term that may start at toks[i].
  template <typename Fn>
  void Candidates(const Token& tok, Fn fn) const;
  const Taxonomy& taxonomy_;
  std::vector<Term> terms_;
  // Terms by their first word, and single-word prefix terms by up to 3 leading bytes.
  std::unordered_map<std::string, std::vector<size_t>> by_first_;
  std::unordered_map<std::string, std::vector<size_t>> by_prefix_;
};

}  // namespace tkg::extract
