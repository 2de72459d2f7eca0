#include "topics.h"

#include <algorithm>

#include "lexicon.h"

namespace tkg::extract {

TopicMatcher::TopicMatcher(const Taxonomy& taxonomy) : taxonomy_(taxonomy) {
  const auto& topics = taxonomy.topics();
  for (size_t i = 0; i < topics.size(); ++i) {
    for (const std::string& raw : topics[i].terms) {
      Term t;
      t.topic = i;
      std::string_view s = raw;
      if (!s.empty() && s.front() == '!') {
        t.veto = true;
        s.remove_prefix(1);
      } else if (!s.empty() && s.front() == '~') {
        t.weak = true;
        s.remove_prefix(1);
      }
      if (!s.empty() && s.back() == '*') {
        t.prefix = true;
        s.remove_suffix(1);
      }
      t.words = PhraseWords(s);
      if (!t.words.empty()) terms_.push_back(std::move(t));
    }
  }
  ancestors_.resize(topics.size());
  root_.resize(topics.size());
  for (size_t i = 0; i < topics.size(); ++i) {
    for (const std::string& name : taxonomy.WithAncestors(topics[i].name))
      for (size_t j = 0; j < topics.size(); ++j)
        if (topics[j].name == name) ancestors_[i].push_back(j);
    root_[i] = ancestors_[i].empty() ? i : ancestors_[i].back();
  }
  for (size_t i = 0; i < terms_.size(); ++i) {
    const Term& t = terms_[i];
    if (t.prefix && t.words.size() == 1) {
      by_prefix_[PrefixKey(t.words[0], std::min<size_t>(3, t.words[0].size()))].push_back(i);
      prefix_bloom_.Add(MixKey(PrefixKey(t.words[0], std::min<size_t>(3, t.words[0].size()))));
    } else {
      by_first_[t.words[0]].push_back(i);
      first_bloom_.Add(WordHash{}(t.words[0]));
    }
  }
  for (const auto& [key, list] : by_prefix_) {
    const size_t n = key >> 24;
    if (n > 2) continue;
    bool fits = false;  // Candidates' test of a term against the key's length
    for (size_t i : list)
      fits = fits || (terms_[i].words[0].size() >= 3 ? n == 3 : n == terms_[i].words[0].size());
    if (!fits) continue;
    const uint32_t bytes = key & 0xFFFFFF;
    if (n == 1) prefix1_[bytes >> 6] |= uint64_t{1} << (bytes & 63);
    if (n == 2) prefix2_[bytes >> 6] |= uint64_t{1} << (bytes & 63);
  }
}

bool TopicMatcher::MayStart(const Token& tok) const {
  if (first_bloom_.MayHave(tok.hash))
    if (auto it = by_first_.find(tok); it != by_first_.end() && !it->second.empty()) return true;
  const std::string& w = tok.lower;
  if (w.empty()) return false;
  const uint32_t b1 = static_cast<uint8_t>(w[0]);
  if ((prefix1_[b1 >> 6] >> (b1 & 63)) & 1) return true;
  if (w.size() < 2) return false;
  const uint32_t b2 = b1 | (static_cast<uint32_t>(static_cast<uint8_t>(w[1])) << 8);
  if ((prefix2_[b2 >> 6] >> (b2 & 63)) & 1) return true;
  if (w.size() < 3) return false;
  const uint32_t key = (3u << 24) | b2 | (static_cast<uint32_t>(static_cast<uint8_t>(w[2])) << 16);
  if (!prefix_bloom_.MayHave(MixKey(key))) return false;
  auto it = by_prefix_.find(key);
  if (it == by_prefix_.end()) return false;
  for (size_t i : it->second)
    if (terms_[i].words[0].size() >= 3) return true;  // Candidates' test with n == 3
  return false;
}

uint32_t TopicMatcher::PrefixKey(std::string_view s, size_t n) {
  uint32_t k = static_cast<uint32_t>(n) << 24;
  for (size_t i = 0; i < n && i < 3; ++i)
    k |= static_cast<uint32_t>(static_cast<uint8_t>(s[i])) << (8 * i);
  return k;
}

template <typename Fn>
void TopicMatcher::Candidates(const Token& tok, Fn fn) const {
  if (!MayHead(tok)) return;
  if (first_bloom_.MayHave(tok.hash))
    if (auto it = by_first_.find(tok); it != by_first_.end())
      for (size_t i : it->second) fn(i);
  // PrefixKey(tok.lower, n) for n = 1..3, one byte added a step: every word asks all three.
  uint32_t bytes = 0;
  for (size_t n = 1; n <= 3 && n <= tok.lower.size(); ++n) {
    bytes |= static_cast<uint32_t>(static_cast<uint8_t>(tok.lower[n - 1])) << (8 * (n - 1));
    uint32_t key = (static_cast<uint32_t>(n) << 24) | bytes;
    if (!prefix_bloom_.MayHave(MixKey(key))) continue;
    if (auto it = by_prefix_.find(key); it != by_prefix_.end())
      for (size_t i : it->second)
        if (terms_[i].words[0].size() >= 3 ? n == 3 : n == terms_[i].words[0].size()) fn(i);
  }
}

void TopicMatcher::Classify(std::vector<Token>* tokens) const {
  for (Token& t : *tokens) {
    if (!t.is_word()) continue;
    t.cls &= static_cast<uint16_t>(~(kClsTopicsDone | kClsTopicHead));
    t.cls |= kClsTopicsDone | (MayStart(t) ? kClsTopicHead : 0);
  }
}

template <typename Seq>
bool TopicMatcher::Matches(const Term& t, const Seq& toks, size_t i) const {
  if (i + t.words.size() > toks.size()) return false;
  for (size_t k = 0; k < t.words.size(); ++k) {
    const std::string& w = At(toks, i + k).lower;
    bool last = k + 1 == t.words.size();
    if (last && t.prefix) {
      if (w.compare(0, t.words[k].size(), t.words[k]) != 0) return false;
    } else if (w != t.words[k]) {
      // Plural and possessive forms of the last word: "breaches" for "breach" is spelled in
      // the file with '*'; here only the possessive "'s" is forgiven.
      if (!(last && w.size() == t.words[k].size() + 2 &&
            w.compare(0, t.words[k].size(), t.words[k]) == 0 &&
            w.compare(w.size() - 2, 2, "'s") == 0))
        return false;
    }
  }
  return true;
}

template <typename Seq>
std::vector<uint8_t> TopicMatcher::Hits(const Seq& content, const std::vector<Token>& context,
                                        const std::vector<uint8_t>* discourse) const {
  const size_t n = root_.size();
  std::vector<uint8_t> hit(n, 0), veto(n, 0);
  bool any = false;
  for (size_t i = 0; i < content.size(); ++i) {
    // Most tokens head no term: skip them here, before a closure is built and called.
    if (!MayHead(At(content, i))) continue;
    Candidates(At(content, i), [&](size_t ti) {
      const Term& t = terms_[ti];
      if (t.veto || hit[t.topic]) return;
      if (t.weak && (discourse == nullptr || !(*discourse)[root_[t.topic]])) return;
      if (Matches(t, content, i)) {
        hit[t.topic] = 1;
        any = true;
      }
    });
  }
  if (!any) return {};
  for (size_t i = 0; i < context.size(); ++i) {
    if (!MayHead(context[i])) continue;
    Candidates(context[i], [&](size_t ti) {
      const Term& t = terms_[ti];
      if (t.veto && hit[t.topic] && !veto[t.topic] && Matches(t, context, i)) veto[t.topic] = 1;
    });
  }
  for (size_t i = 0; i < n; ++i) hit[i] = hit[i] && !veto[i];
  return hit;
}

std::vector<uint8_t> TopicMatcher::Discourse(const std::vector<Token>& tokens) const {
  std::vector<uint8_t> out(root_.size(), 0);
  std::vector<uint8_t> hit = Hits(tokens, tokens, nullptr);
  for (size_t i = 0; i < hit.size(); ++i)
    if (hit[i])
      for (size_t a : ancestors_[i]) out[a] = 1;
  return out;
}

std::vector<std::string> TopicMatcher::Match(const std::vector<Token>& content,
                                             const std::vector<Token>& context,
                                             const std::vector<uint8_t>* discourse) const {
  return MatchSeq(content, context, discourse);
}

std::vector<std::string> TopicMatcher::Match(const std::vector<const Token*>& content,
                                             const std::vector<Token>& context,
                                             const std::vector<uint8_t>* discourse) const {
  return MatchSeq(content, context, discourse);
}

template <typename Seq>
std::vector<std::string> TopicMatcher::MatchSeq(const Seq& content,
                                                const std::vector<Token>& context,
                                                const std::vector<uint8_t>* discourse) const {
  const auto& topics = taxonomy_.topics();
  std::vector<uint8_t> hit = Hits(content, context, discourse);
  std::vector<std::string> out;
  for (size_t i = 0; i < hit.size(); ++i) {
    if (!hit[i]) continue;
    for (size_t a : ancestors_[i])
      if (std::find(out.begin(), out.end(), topics[a].name) == out.end())
        out.push_back(topics[a].name);
  }
  return out;
}

}  // namespace tkg::extract
