// Word lists looked up by token, as flat open-addressing tables. Every stage asks them about
// most tokens of a text (names, cues, stop words, titles), and std::unordered_map spent that time
// on a division by a prime and a pointer chase per lookup; here a lookup is a masked index, a
// compare of the cached hash, and a string compare only on a hash hit.
// Thread safety: const methods may be called concurrently; writers need exclusive access.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tkg::extract {

// A map from lower-cased words to V. `Hash` hashes a string_view; `Tok` is anything with
// `hash` (that hash of its text) and `lower` members, looked up without hashing again.
// Entries stay in insertion order (iteration, and pointers into them until the next insert);
// find() returns end() when the word is absent.
template <typename V, typename Hash>
class WordTable {
 public:
  using value_type = std::pair<std::string, V>;
  using iterator = value_type*;
  using const_iterator = const value_type*;

  iterator begin() { return entries_.data(); }
  iterator end() { return entries_.data() + entries_.size(); }
  const_iterator begin() const { return entries_.data(); }
  const_iterator end() const { return entries_.data() + entries_.size(); }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  void clear() {
    entries_.clear();
    hashes_.clear();
    slots_.clear();
  }

  V& operator[](std::string_view w) {
    size_t h = Hash{}(w);
    if (const_iterator it = Find(h, w); it != end()) return entries_[it - begin()].second;
    return Insert(h, std::string(w))->second;
  }
  // Inserts `w` with a default value unless present; true if inserted.
  bool insert(std::string w) {
    size_t h = Hash{}(w);
    if (Find(h, w) != end()) return false;
    Insert(h, std::move(w));
    return true;
  }

  template <typename Tok, typename = decltype(std::declval<const Tok&>().hash)>
  const_iterator find(const Tok& t) const {
    return Find(t.hash, t.lower);
  }
  const_iterator find(std::string_view w) const { return Find(Hash{}(w), w); }
  template <typename Tok, typename = decltype(std::declval<const Tok&>().hash)>
  size_t count(const Tok& t) const {
    return Find(t.hash, t.lower) != end() ? 1 : 0;
  }
  size_t count(std::string_view w) const { return find(w) != end() ? 1 : 0; }

 private:
  const_iterator Find(size_t h, std::string_view w) const {
    if (slots_.empty()) return end();
    const size_t mask = slots_.size() - 1;
    for (size_t s = h & mask;; s = (s + 1) & mask) {
      uint32_t e = slots_[s];
      if (e == 0) return end();
      if (hashes_[e - 1] == h && entries_[e - 1].first == w) return begin() + (e - 1);
    }
  }
  iterator Insert(size_t h, std::string w) {
    entries_.emplace_back(std::move(w), V{});
    hashes_.push_back(h);
    // At most half full, so that a miss ends at an empty slot within a probe or two.
    if (entries_.size() * 2 > slots_.size()) {
      Rehash(slots_.empty() ? 16 : slots_.size() * 2);
    } else {
      Place(entries_.size() - 1);
    }
    return end() - 1;
  }
  void Rehash(size_t n) {
    slots_.assign(n, 0);
    for (size_t e = 0; e < entries_.size(); ++e) Place(e);
  }
  void Place(size_t e) {
    const size_t mask = slots_.size() - 1;
    size_t s = hashes_[e] & mask;
    while (slots_[s] != 0) s = (s + 1) & mask;
    slots_[s] = static_cast<uint32_t>(e + 1);
  }

  std::vector<value_type> entries_;
  std::vector<size_t> hashes_;   // Hash of each entry's word
  std::vector<uint32_t> slots_;  // entry index + 1; 0 = empty; size a power of two
};

// A set of lower-cased words: a WordTable without values.
template <typename Hash>
class WordSetT {
 public:
  WordSetT() = default;
  WordSetT(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) table_.insert(std::string(w));
  }
  bool insert(std::string w) { return table_.insert(std::move(w)); }
  template <typename T>
  size_t count(const T& w) const {
    return table_.count(w);
  }
  size_t count(std::string_view w) const { return table_.count(w); }
  size_t size() const { return table_.size(); }
  bool empty() const { return table_.empty(); }

 private:
  struct Unit {};
  WordTable<Unit, Hash> table_;
};

}  // namespace tkg::extract
