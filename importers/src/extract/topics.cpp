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
      }
      if (!s.empty() && s.back() == '*') {
        t.prefix = true;
        s.remove_suffix(1);
      }
      t.words = PhraseWords(s);
      if (!t.words.empty()) terms_.push_back(std::move(t));
    }
  }
  for (size_t i = 0; i < terms_.size(); ++i) {
    const Term& t = terms_[i];
    if (t.prefix && t.words.size() == 1)
      by_prefix_[t.words[0].substr(0, 3)].push_back(i);
    else
      by_first_[t.words[0]].push_back(i);
  }
}

template <typename Fn>
void TopicMatcher::Candidates(const Token& tok, Fn fn) const {
  if (!tok.is_word()) return;
  if (auto it = by_first_.find(tok.lower); it != by_first_.end())
    for (size_t i : it->second) fn(i);
  for (size_t n = 1; n <= 3 && n <= tok.lower.size(); ++n) {
    if (auto it = by_prefix_.find(tok.lower.substr(0, n)); it != by_prefix_.end())
      for (size_t i : it->second)
        if (terms_[i].words[0].size() >= 3 ? n == 3 : n == terms_[i].words[0].size()) fn(i);
  }
}

bool TopicMatcher::Matches(const Term& t, const std::vector<Token>& toks, size_t i) const {
  if (i + t.words.size() > toks.size()) return false;
  for (size_t k = 0; k < t.words.size(); ++k) {
    const std::string& w = toks[i + k].lower;
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

std::vector<std::string> TopicMatcher::Match(const std::vector<Token>& content,
                                             const std::vector<Token>& context) const {
  const auto& topics = taxonomy_.topics();
  std::vector<uint8_t> hit(topics.size(), 0), veto(topics.size(), 0);
  for (size_t i = 0; i < content.size(); ++i) {
    Candidates(content[i], [&](size_t ti) {
      const Term& t = terms_[ti];
      if (!t.veto && !hit[t.topic] && Matches(t, content, i)) hit[t.topic] = 1;
    });
  }
  bool any = false;
  for (uint8_t h : hit) any |= h != 0;
  if (!any) return {};
  for (size_t i = 0; i < context.size(); ++i) {
    Candidates(context[i], [&](size_t ti) {
      const Term& t = terms_[ti];
      if (t.veto && hit[t.topic] && !veto[t.topic] && Matches(t, context, i)) veto[t.topic] = 1;
    });
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < topics.size(); ++i) {
    if (!hit[i] || veto[i]) continue;
    for (const std::string& name : taxonomy_.WithAncestors(topics[i].name)) {
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
  }
  return out;
}

}  // namespace tkg::extract
