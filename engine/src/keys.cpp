// The one place where keys are built and parsed. Specification: engine/KEYS.md.
#include "keys.h"

#include <climits>

namespace tkg::keys {

namespace {

void PutBE32(std::string* out, uint32_t v) {
  out->push_back(static_cast<char>(v >> 24));
  out->push_back(static_cast<char>(v >> 16));
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v));
}

uint32_t GetBE32(const char* p) {
  auto b = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | uint32_t{b[3]};
}

// Upper bounds of (last_day - first_day) per date class. Class 0 holds days (and anything finer),
// 1 weeks, 2 months, 3 quarters and seasons, 4 halves, 5 years, 6 decades, 7 centuries, 8 the rest.
constexpr int64_t kMaxSpan[kNumDateClasses] = {0, 6, 30, 91, 183, 365, 3652, 36524, INT32_MAX};

}  // namespace

std::string MetaCounter(std::string_view name) { return "count/" + std::string(name); }

std::string FeedKey(std::string_view feed_url) { return "feed/" + std::string(feed_url); }

std::string EncodeU64(uint64_t v) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  return out;
}

uint64_t DecodeU64(std::string_view bytes) {
  if (bytes.size() != 8) return 0;
  uint64_t v = 0;
  for (char c : bytes) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

std::string Node(char tag, std::string_view id) {
  std::string k(1, tag);
  k.append(id);
  return k;
}

std::string ArticleActorNode(std::string_view article_id, std::string_view actor_id) {
  std::string k = ArticleActorPrefix(article_id);
  k.append(actor_id);
  return k;
}

std::string ArticleActorPrefix(std::string_view article_id) {
  std::string k(1, kArticleActor);
  k.append(article_id);
  k.push_back('\0');
  return k;
}

std::string TextKey(std::string_view article_id) { return std::string(article_id); }

std::string VersionTextKey(std::string_view article_id, uint32_t version) {
  std::string k(article_id);
  k.push_back('\0');
  PutBE32(&k, version);
  return k;
}

std::string VersionPrefix(std::string_view article_id) {
  std::string k(1, kVersion);
  k.append(article_id);
  k.push_back('\0');
  return k;
}

std::string VersionKey(std::string_view article_id, uint32_t version) {
  std::string k = VersionPrefix(article_id);
  PutBE32(&k, version);
  return k;
}

uint32_t VersionOfKey(std::string_view key) {
  size_t z = key.find('\0');
  if (z == std::string_view::npos || key.size() != z + 5) return 0;
  return GetBE32(key.data() + z + 1);
}

std::string HistoryStatementKey(std::string_view article_id, uint32_t version,
                                std::string_view statement_id) {
  std::string k(1, kHistory);
  k.append(article_id);
  k.push_back('\0');
  PutBE32(&k, version);
  k.append(statement_id);
  return k;
}

char HistoryIndex(char statement_index) {
  switch (statement_index) {
    case kIdxStmtDate:
      return kIdxHistDate;
    case kIdxStmtTopic:
      return kIdxHistTopic;
    case kIdxStmtSpeaker:
      return kIdxHistSpeaker;
    case kIdxStmtOutlet:
      return kIdxHistOutlet;
  }
  return statement_index;
}

std::string HistoryRowId(std::string_view statement_id, std::string_view article_id,
                         uint32_t version) {
  std::string r(statement_id);
  r.push_back('@');
  r.append(article_id);
  r.push_back('@');
  r.append(std::to_string(version));
  return r;
}

bool ParseHistoryRowId(std::string_view row_id, std::string* statement_id, std::string* article_id,
                       uint32_t* version) {
  // From the right: the version, then the article id (which holds no '@'); the statement id is
  // the rest, so it may hold '@'.
  size_t b = row_id.rfind('@');
  if (b == std::string_view::npos || b == 0 || b + 1 >= row_id.size() || b + 11 < row_id.size()) {
    return false;
  }
  size_t a = row_id.rfind('@', b - 1);
  if (a == std::string_view::npos) return false;
  uint64_t v = 0;
  for (char c : row_id.substr(b + 1)) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v == 0 || v > 0xFFFFFFFFull) return false;
  statement_id->assign(row_id.substr(0, a));
  article_id->assign(row_id.substr(a + 1, b - a - 1));
  *version = static_cast<uint32_t>(v);
  return !statement_id->empty() && !article_id->empty();
}

std::string EdgePrefix(std::string_view node_id, EdgeType type, bool outgoing) {
  std::string k(1, outgoing ? 'o' : 'i');
  k.append(node_id);
  k.push_back('\0');
  k.push_back(static_cast<char>(type));
  return k;
}

std::string EdgeKey(const Edge& e, bool outgoing) {
  std::string k = EdgePrefix(outgoing ? e.from : e.to, e.type, outgoing);
  k.append(outgoing ? e.to : e.from);
  k.push_back('\0');
  k.append(e.article_id);
  k.push_back('\0');
  k.append(e.data);
  return k;
}

bool ParseEdgeKey(std::string_view key, Edge* e) {
  if (key.size() < 2 || (key[0] != 'o' && key[0] != 'i')) return false;
  bool outgoing = key[0] == 'o';
  size_t p = 1;
  size_t z = key.find('\0', p);
  if (z == std::string_view::npos || z + 1 >= key.size()) return false;
  std::string_view node = key.substr(p, z - p);
  auto type = static_cast<EdgeType>(static_cast<uint8_t>(key[z + 1]));
  p = z + 2;
  z = key.find('\0', p);
  if (z == std::string_view::npos) return false;
  std::string_view other = key.substr(p, z - p);
  p = z + 1;
  z = key.find('\0', p);
  if (z == std::string_view::npos) return false;
  e->article_id.assign(key.substr(p, z - p));
  e->data.assign(key.substr(z + 1));
  e->type = type;
  e->from.assign(outgoing ? node : other);
  e->to.assign(outgoing ? other : node);
  return true;
}

std::string EncodeSpan(Span s) {
  std::string out;
  PutBE32(&out, s.begin);
  PutBE32(&out, s.end);
  return out;
}

bool DecodeSpan(std::string_view bytes, Span* s) {
  if (bytes.size() != 8) return false;
  s->begin = GetBE32(bytes.data());
  s->end = GetBE32(bytes.data() + 4);
  return true;
}

std::string DateBase(char index, std::string_view field) {
  std::string k(1, index);
  if (index != kIdxStmtDate && index != kIdxEventDate && index != kIdxHistDate) {
    k.append(field);
    k.push_back('\0');
  }
  return k;
}

uint8_t DateClass(DayNumber first, DayNumber last) {
  int64_t span = static_cast<int64_t>(last) - first;
  for (int c = 0; c < kNumDateClasses; ++c) {
    if (span <= kMaxSpan[c]) return static_cast<uint8_t>(c);
  }
  return kNumDateClasses - 1;
}

int64_t MaxSpan(uint8_t cls) { return cls < kNumDateClasses ? kMaxSpan[cls] : 0; }

std::string EncodeDay(DayNumber d) {
  std::string out;
  PutBE32(&out, static_cast<uint32_t>(d) ^ 0x80000000u);
  return out;
}

DayNumber DecodeDay(const char* p) { return static_cast<DayNumber>(GetBE32(p) ^ 0x80000000u); }

std::string DateEntry(std::string_view base, const TimeValue& date, std::string_view id) {
  std::string k(base);
  if (date.has_interval()) {
    k.push_back(static_cast<char>(DateClass(date.first_day, date.last_day)));
    k.append(EncodeDay(date.first_day));
  } else {
    k.push_back(static_cast<char>(kUndatedClass));
  }
  k.append(id);
  return k;
}

std::string DateEntryValue(const TimeValue& date) {
  return date.has_interval() ? EncodeDay(date.last_day) : std::string();
}

std::string NameKey(std::string_view folded, std::string_view actor_id) {
  std::string k = NamePrefix(folded);
  k.push_back('\0');
  k.append(actor_id);
  return k;
}

std::string NamePrefix(std::string_view folded_prefix) {
  std::string k(1, kIdxName);
  k.append(folded_prefix);
  return k;
}

std::string_view NameKeyActor(std::string_view key) {
  size_t z = key.find('\0');
  return z == std::string_view::npos ? std::string_view() : key.substr(z + 1);
}

std::string_view NameKeyName(std::string_view key) {
  size_t z = key.find('\0');
  if (key.empty() || z == std::string_view::npos) return {};
  return key.substr(1, z - 1);
}

namespace {
std::string TaggedPrefix(char tag, std::string_view field) {
  std::string k(1, tag);
  k.append(field);
  k.push_back('\0');
  return k;
}
}  // namespace

std::string LinkedFromKey(std::string_view to_id, std::string_view from_id) {
  return TaggedPrefix(kIdxLinkedFrom, to_id).append(from_id);
}

std::string LinkedFromPrefix(std::string_view to_id) { return TaggedPrefix(kIdxLinkedFrom, to_id); }

std::string SurnameKey(std::string_view surname, std::string_view actor_id) {
  return TaggedPrefix(kIdxSurname, surname).append(actor_id);
}

std::string SurnamePrefix(std::string_view surname) { return TaggedPrefix(kIdxSurname, surname); }

std::string OrgNameKey(std::string_view folded, std::string_view actor_id) {
  return TaggedPrefix(kIdxOrgName, folded).append(actor_id);
}

std::string OrgNamePrefix(std::string_view folded) { return TaggedPrefix(kIdxOrgName, folded); }

std::string_view KeyTailAfterNul(std::string_view key) {
  size_t z = key.find('\0');
  return z == std::string_view::npos ? std::string_view() : key.substr(z + 1);
}

std::string Successor(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty() && static_cast<unsigned char>(s.back()) == 0xFF) s.pop_back();
  if (!s.empty()) s.back() = static_cast<char>(static_cast<unsigned char>(s.back()) + 1);
  return s;
}

namespace {
constexpr char kHex[] = "0123456789abcdef";
}

std::string EncodeCursor(const Cursor& c) {
  std::string raw;
  raw.push_back(1);  // cursor format version
  raw.push_back(c.undated ? 1 : 0);
  raw.append(EncodeDay(c.day));
  raw.append(c.id);
  std::string out;
  for (unsigned char b : raw) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

bool DecodeCursor(std::string_view text, Cursor* c) {
  if (text.size() % 2 != 0 || text.size() < 12) return false;
  std::string raw;
  for (size_t i = 0; i < text.size(); i += 2) {
    auto nib = [](char h) -> int {
      if (h >= '0' && h <= '9') return h - '0';
      if (h >= 'a' && h <= 'f') return h - 'a' + 10;
      if (h >= 'A' && h <= 'F') return h - 'A' + 10;
      return -1;
    };
    int hi = nib(text[i]), lo = nib(text[i + 1]);
    if (hi < 0 || lo < 0) return false;
    raw.push_back(static_cast<char>(hi * 16 + lo));
  }
  if (raw[0] != 1 || (raw[1] != 0 && raw[1] != 1)) return false;
  c->undated = raw[1] == 1;
  c->day = DecodeDay(raw.data() + 2);
  c->id = raw.substr(6);
  return !c->id.empty() && c->id.find('\0') == std::string::npos;
}

}  // namespace tkg::keys
