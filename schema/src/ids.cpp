#include "tkg/schema/ids.h"

#include <xxhash.h>

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

std::string Tagged(char tag, std::string_view a, std::string_view b) {
  std::string key;
  key.reserve(a.size() + b.size() + 1);
  key.append(a);
  key.push_back('\0');
  key.append(b);
  return std::string(1, tag) + Hex16(Hash64(key));
}

std::string SpanKey(Span s) { return std::to_string(s.begin) + ":" + std::to_string(s.end); }

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
  if (!canonical_url.empty()) return "a" + Hex16(Hash64(canonical_url));
  return "a" + Hex16(Hash64(text));
}

std::string StatementId(std::string_view article_id, Span content_span) {
  return Tagged('s', article_id, SpanKey(content_span));
}

std::string EventId(std::string_view article_id, Span span) {
  return Tagged('e', article_id, SpanKey(span));
}

std::string ActorId(ActorType type, std::string_view canonical_name) {
  return ActorIdOfFolded(type, FoldName(canonical_name));
}

std::string ActorIdOfFolded(ActorType type, std::string_view folded_name) {
  static constexpr char kTags[] = {'p', 'o', 'l', 'g'};
  char tag = kTags[static_cast<int>(type)];
  return std::string(1, tag) + Hex16(Hash64(folded_name));
}

std::string OutletId(std::string_view outlet_name) {
  return "n" + Hex16(Hash64(FoldName(outlet_name)));
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
