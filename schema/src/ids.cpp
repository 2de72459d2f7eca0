#include "tkg/schema/ids.h"

#include <xxhash.h>

#include <charconv>
#include <cstring>

namespace tkg {

uint64_t Hash64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::string Hex16(uint64_t v) {
  // By hand, not snprintf: every statement, event and actor id goes through here.
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<size_t>(i)] = kDigits[v & 15];
  return out;
}

namespace {

// `tag` followed by Hex16(v), built in one string (not a concatenation of two).
std::string TagHex16(char tag, uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(17, '0');
  out[0] = tag;
  for (int i = 16; i >= 1; --i, v >>= 4) out[static_cast<size_t>(i)] = kDigits[v & 15];
  return out;
}

// Folds the UTF-8 curly apostrophe and quotes to ASCII so "Xi’s" and "Xi's" fold alike.
bool FoldQuote(std::string_view s, size_t i, char* ascii) {
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char c = static_cast<unsigned char>(s[i + 2]);
    if (c == 0x98 || c == 0x99) {
      *ascii = '\'';
      return true;
    }
    if (c == 0x9C || c == 0x9D) {
      *ascii = '"';
      return true;
    }
  }
  return false;
}

// The tag and the 16 hex digits of the hash of `a`, a NUL and `b`. Every statement and event id
// goes through here: the key is built in a stack buffer when it fits, and the id in one string.
std::string Tagged(char tag, std::string_view a, std::string_view b) {
  const size_t n = a.size() + b.size() + 1;
  char small[128];
  std::string big;
  char* key = small;
  if (n > sizeof(small)) {
    big.resize(n);
    key = big.data();
  }
  std::memcpy(key, a.data(), a.size());
  key[a.size()] = '\0';
  std::memcpy(key + a.size() + 1, b.data(), b.size());
  return TagHex16(tag, Hash64(std::string_view(key, n)));
}

// "begin:end", written into `buf` (at least 24 bytes); returns the view of it.
std::string_view SpanKey(Span s, char* buf) {
  auto r = std::to_chars(buf, buf + 10, s.begin);
  *r.ptr++ = ':';
  r = std::to_chars(r.ptr, r.ptr + 10, s.end);
  return std::string_view(buf, static_cast<size_t>(r.ptr - buf));
}

}  // namespace

std::string FoldName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool space = false;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    char folded;
    if (FoldQuote(name, i, &folded)) {
      c = folded;
      i += 2;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

std::string ArticleId(std::string_view canonical_url, std::string_view text) {
  if (!canonical_url.empty()) return TagHex16('a', Hash64(canonical_url));
  return TagHex16('a', Hash64(text));
}

std::string StatementId(std::string_view article_id, Span content_span) {
  char buf[24];
  return Tagged('s', article_id, SpanKey(content_span, buf));
}

std::string EventId(std::string_view article_id, Span span) {
  char buf[24];
  return Tagged('e', article_id, SpanKey(span, buf));
}

std::string ActorId(ActorType type, std::string_view canonical_name) {
  return ActorIdOfFolded(type, FoldName(canonical_name));
}

std::string ActorIdOfFolded(ActorType type, std::string_view folded_name) {
  static constexpr char kTags[] = {'p', 'o', 'l', 'g'};
  char tag = kTags[static_cast<int>(type)];
  return TagHex16(tag, Hash64(folded_name));
}

std::string OutletId(std::string_view outlet_name) {
  return TagHex16('n', Hash64(FoldName(outlet_name)));
}

std::string TopicId(std::string_view topic_name) {
  std::string slug;
  for (char c : FoldName(topic_name)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      slug.push_back(c);
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace tkg
