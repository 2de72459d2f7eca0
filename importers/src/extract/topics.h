// Topics of a statement from the taxonomy's terms (data/topics.tsv): a statement is about a topic
// when its content holds one of the topic's words or phrases and no veto term of that topic
// appears in its sentence ("security" at a stadium is not cybersecurity). Ancestors are added.
// Weak terms ("~attack*", "~impacted") count only when the statement's discourse (its
// paragraph, the one before and the headline) is about the topic's root through a strong term:
// "It is impossible to say how many organisations might be impacted", said of a hacking
// campaign, is about cybersecurity; the same words in an article on floods are not.
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
  // `discourse`, if given, holds per topic index whether the discourse is about it (from
  // Discourse, or-ed over sentences); weak terms need their topic's root there.
  std::vector<std::string> Match(const std::vector<Token>& content,
                                 const std::vector<Token>& context,
                                 const std::vector<uint8_t>* discourse = nullptr) const;
  // The same for content tokens held elsewhere (the sentences' own): no copies.
  std::vector<std::string> Match(const std::vector<const Token*>& content,
                                 const std::vector<Token>& context,
                                 const std::vector<uint8_t>* discourse = nullptr) const;
  // Per topic index: 1 when `tokens` hold a strong term of the topic or of a descendant, not
  // vetoed in the same tokens.
  std::vector<uint8_t> Discourse(const std::vector<Token>& tokens) const;
  size_t topic_count() const { return root_.size(); }

 private:
  struct Term {
    std::vector<std::string> words;
    bool prefix = false;  // the last word is a prefix
    bool veto = false;
    bool weak = false;  // "~": needs the discourse
    size_t topic = 0;
  };
  // Seq: std::vector<Token> or std::vector<const Token*> (see At).
  static const Token& At(const std::vector<Token>& v, size_t i) { return v[i]; }
  static const Token& At(const std::vector<const Token*>& v, size_t i) { return *v[i]; }
  template <typename Seq>
  bool Matches(const Term& t, const Seq& toks, size_t i) const;
  // False when the token surely starts no term (not a word, or Classify found it heads none).
  static bool MayHead(const Token& tok) {
    return tok.is_word() && (!(tok.cls & kClsTopicsDone) || (tok.cls & kClsTopicHead));
  }
  // Calls fn(term index) for every term that may start at toks[i].
  template <typename Fn>
  void Candidates(const Token& tok, Fn fn) const;
  // Strong hits (vetoes applied) and their ancestors, per topic index.
  template <typename Seq>
  std::vector<uint8_t> Hits(const Seq& content, const std::vector<Token>& context,
                            const std::vector<uint8_t>* discourse) const;
  template <typename Seq>
  std::vector<std::string> MatchSeq(const Seq& content, const std::vector<Token>& context,
                                    const std::vector<uint8_t>* discourse) const;
  const Taxonomy& taxonomy_;
  std::vector<Term> terms_;
  std::vector<size_t> root_;                    // per topic index: the index of its root
  std::vector<std::vector<size_t>> ancestors_;  // per topic index: itself, then its ancestors
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
  // by_prefix_'s keys of one and two bytes that a term answers to, as exact bit sets indexed by
  // the bytes: Classify asks them of every word, without a Bloom probe or a lookup.
  std::array<uint64_t, 4> prefix1_{};
  std::vector<uint64_t> prefix2_ = std::vector<uint64_t>(1024, 0);
  // True when some term may start at the token (what Candidates would call fn for).
  bool MayStart(const Token& tok) const;

 public:
  // Marks the tokens that may start a term (TokenClass kClsTopicHead): Match then skips the
  // others without a lookup.
  void Classify(std::vector<Token>* tokens) const;
};

}  // namespace tkg::extract
