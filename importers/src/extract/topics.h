// Topics of a statement from the taxonomy's terms (data/topics.tsv): a statement is about a topic
// when its content holds one of the topic's words or phrases and no veto term of that topic
// appears in its sentence ("security" at a stadium is not cybersecurity). Ancestors are added.
// Pure. Thread safety: an immutable TopicMatcher may be shared.
#pragma once

#include <array>
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
  WordMap<std::vector<size_t>> by_first_;
  // Prefix terms ("cyber*") by their first three bytes (fewer if the term is shorter), packed
  // with the length into an integer: no string is built per token.
  std::unordered_map<uint32_t, std::vector<size_t>> by_prefix_;
  static uint32_t PrefixKey(std::string_view s, size_t n);
  HashBloom first_bloom_;   // of by_first_'s keys
  HashBloom prefix_bloom_;  // of by_prefix_'s keys (PrefixKey, mixed)
  static size_t MixKey(uint32_t k) {
    return static_cast<size_t>((k * 0x9E3779B97F4A7C15ull) >> 20);
  }

 public:
  // Marks the tokens that may start a term (TokenClass kClsTopicHead): Match then skips the
  // others without a lookup.
  void Classify(std::vector<Token>* tokens) const;
};

}  // namespace tkg::extract
