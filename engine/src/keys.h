// The key encoding of the tkg store: every key of every column family is built and parsed here
// and nowhere else. engine/KEYS.md is the written specification; keep the two in step.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "tkg/engine/store.h"
#include "tkg/schema/time_value.h"

namespace tkg::keys {

// Column families. RocksDB's "default" family is opened but unused.
inline constexpr const char* kCfMeta = "meta";
inline constexpr const char* kCfNodes = "nodes";
inline constexpr const char* kCfEdges = "edges";
inline constexpr const char* kCfIndex = "index";
inline constexpr const char* kCfText = "text";

// ---- meta ----
inline constexpr std::string_view kMetaMagic = "tkg_store";               // value "tkg"
inline constexpr std::string_view kMetaSchemaVersion = "schema_version";  // decimal ASCII
// "1" once the actor-link keys (L, U) are maintained for every stored actor.
inline constexpr std::string_view kMetaActorLinks = "actor_links";
// "1": the organisation-name keys (C) are maintained for every stored organisation.
inline constexpr std::string_view kMetaOrgNames = "org_names";
std::string MetaCounter(std::string_view name);  // "count/<name>", value 8-byte big endian
std::string FeedKey(std::string_view feed_url);  // "feed/<url>", value: FeedState record
std::string EncodeU64(uint64_t v);
uint64_t DecodeU64(std::string_view bytes);  // 0 when not 8 bytes

// ---- nodes ---- (one tag byte, then the id)
inline constexpr char kArticle = 'A';
inline constexpr char kOutlet = 'O';
inline constexpr char kActor = 'P';         // merged actor view
inline constexpr char kArticleActor = 'X';  // an actor as one article saw it: X<article>\0<actor>
inline constexpr char kStatement = 'S';
inline constexpr char kEvent = 'E';
inline constexpr char kTopic = 'T';
inline constexpr char kManifest = 'M';  // what one article contributed (ids, time expressions)
inline constexpr char kVersion = 'V';   // V<article>\0<be32 version>: one version's record
inline constexpr char kHistory = 'H';   // H<article>\0<be32 version><statement>: superseded
std::string VersionKey(std::string_view article_id, uint32_t version);
std::string VersionPrefix(std::string_view article_id);  // V<article>\0
uint32_t VersionOfKey(std::string_view key);             // 0 when malformed
std::string HistoryStatementKey(std::string_view article_id, uint32_t version,
                                std::string_view statement_id);
std::string Node(char tag, std::string_view id);
std::string ArticleActorNode(std::string_view article_id, std::string_view actor_id);
std::string ArticleActorPrefix(std::string_view article_id);
// L<from actor id>: an actor link (ActorMerge record). Spec: KEYS.md, "Actor links".
inline constexpr char kActorLink = 'L';

// ---- text ---- (key: the article id, value: the article's bytes)
std::string TextKey(std::string_view article_id);
// The text of a superseded version: <article id> \0 <be32 version>.
std::string VersionTextKey(std::string_view article_id, uint32_t version);

// ---- edges ----
// out: 'o' from \0 type to \0 article \0 data     in: 'i' to \0 type from \0 article \0 data
// value: evidence span, begin and end as 4-byte big endian each.
std::string EdgeKey(const Edge& e, bool outgoing);
std::string EdgePrefix(std::string_view node_id, EdgeType type, bool outgoing);
bool ParseEdgeKey(std::string_view key, Edge* e);  // fills from, type, to, article_id, data
std::string EncodeSpan(Span s);
bool DecodeSpan(std::string_view bytes, Span* s);

// ---- index ----
// Date-sorted indexes: <base prefix> <class> <first day> <id>, value <last day>; undated
// entries: <base prefix> 0xFF <id>, empty value. See KEYS.md for the date classes.
inline constexpr char kIdxStmtDate = 'D';
inline constexpr char kIdxStmtTopic = 'T';
inline constexpr char kIdxStmtSpeaker = 'S';
inline constexpr char kIdxStmtOutlet = 'O';
inline constexpr char kIdxEventDate = 'V';
inline constexpr char kIdxEventActor = 'W';
inline constexpr char kIdxName = 'N';  // N<folded name>\0<actor id>, value: a name kind
// History (superseded statements): the same date-sorted layout as D, T, S, O under lower-case
// bases, with history row ids (HistoryRowId) in place of statement ids.
inline constexpr char kIdxHistDate = 'd';
inline constexpr char kIdxHistTopic = 't';
inline constexpr char kIdxHistSpeaker = 's';
inline constexpr char kIdxHistOutlet = 'o';
// The history twin of a statement index tag ('D' -> 'd', ...).
char HistoryIndex(char statement_index);
// "<statement id>@<article id>@<version>" (decimal version): unique across versions, never
// holds a zero byte. Article ids hold no '@' (PutArticle refuses them), so it parses from the
// right.
std::string HistoryRowId(std::string_view statement_id, std::string_view article_id,
                         uint32_t version);
// Splits a history row id; false for a plain statement id.
bool ParseHistoryRowId(std::string_view row_id, std::string* statement_id, std::string* article_id,
                       uint32_t* version);

// The base prefix of a date-sorted index: "D" for a global one, "T<topic id>\0" for a keyed one.
std::string DateBase(char index, std::string_view field = {});

inline constexpr int kNumDateClasses = 9;
inline constexpr uint8_t kUndatedClass = 0xFF;
// The class of an interval: the smallest c with (last - first) <= MaxSpan(c).
uint8_t DateClass(DayNumber first, DayNumber last);
int64_t MaxSpan(uint8_t cls);

std::string EncodeDay(DayNumber d);  // 4 bytes, big endian, sign bit flipped
DayNumber DecodeDay(const char* p);  // reads 4 bytes
std::string DateEntry(std::string_view base, const TimeValue& date, std::string_view id);
std::string DateEntryValue(const TimeValue& date);  // 4 bytes last day, or "" when undated

std::string NameKey(std::string_view folded, std::string_view actor_id);
std::string NamePrefix(std::string_view folded_prefix);  // N<folded_prefix> (no terminator)
// The actor id of a name key, or "" if malformed.
std::string_view NameKeyActor(std::string_view key);
// The folded name of a name key.
std::string_view NameKeyName(std::string_view key);
// The value of a name key: one byte saying what holds the name, so that actor-link decisions
// need not read the holder's record. An empty value (written before kinds existed): unknown.
inline constexpr char kNameOwnOrg = 'o';    // an organisation's own (canonical) name
inline constexpr char kNameOrgAlias = 'a';  // an alias of an organisation
inline constexpr char kNameOther = 'x';     // a name or alias of a person, place or group

// Actor links, reverse direction: L<to actor id>\0<from actor id>, empty value.
inline constexpr char kIdxLinkedFrom = 'L';
std::string LinkedFromKey(std::string_view to_id, std::string_view from_id);
std::string LinkedFromPrefix(std::string_view to_id);  // L<to id>\0
// Person actors by surname: U<surname>\0<actor id>, value "f" (a full name with that last name)
// or "s" (the surname alone, possibly after a title: "Mrs. Clinton").
inline constexpr char kIdxSurname = 'U';
std::string SurnameKey(std::string_view surname, std::string_view actor_id);
std::string SurnamePrefix(std::string_view surname);  // U<surname>\0
// Organisations by their own folded name: C<folded canonical name>\0<actor id>, empty value.
// The organisations an org-alias link of that name depends on, found without reading the
// (possibly many) other holders of the name.
inline constexpr char kIdxOrgName = 'C';
std::string OrgNameKey(std::string_view folded, std::string_view actor_id);
std::string OrgNamePrefix(std::string_view folded);  // C<folded>\0
// The id after the first zero byte of a key (the actor id of LinkedFrom and Surname keys).
std::string_view KeyTailAfterNul(std::string_view key);

// The smallest string greater than every string that starts with `prefix` ("" if none).
std::string Successor(std::string_view prefix);

// ---- cursors ---- (opaque to callers: lower-case hex of version, undated flag, day, id)
struct Cursor {
  bool undated = false;
  DayNumber day = 0;
  std::string id;
};
std::string EncodeCursor(const Cursor& c);
bool DecodeCursor(std::string_view text, Cursor* c);

}  // namespace tkg::keys
