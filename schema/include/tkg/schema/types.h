// The records of the tkg graph. Every fact keeps its evidence: the article it came from and the
// UTF-8 byte span (end exclusive) in that article's text. These records are what extraction
// produces and what the engine stores; they know nothing of storage or of article formats.
// Thread safety: plain values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tkg/schema/time_value.h"

namespace tkg {

// Bump when the stored encoding changes; a store of another version is refused.
inline constexpr int kSchemaVersion = 1;

// UTF-8 byte offsets into Article::text, end exclusive. {0,0} means "none".
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return end <= begin; }
  uint32_t size() const { return empty() ? 0 : end - begin; }
  bool operator==(const Span&) const = default;
};

// Where a date came from.
enum class DateBasis : uint8_t {
  kNone = 0,   // the article does not say: date stays empty
  kExplicit,   // a time expression in the same sentence
  kContext,    // carried over from the discourse it belongs to (the meeting "on Monday")
  kPublished,  // the publication date, where the text says "today" or the like
};
std::string_view DateBasisName(DateBasis b);  // "none", "explicit", "context", "published"

enum class ActorType : uint8_t { kPerson = 0, kOrganization, kPlace, kGroup };
std::string_view ActorTypeName(ActorType t);  // "person", "organization", "place", "group"
bool ParseActorType(std::string_view name, ActorType* out);

// An article as a format importer hands it over, and as it is stored. `text` holds the bytes
// that every span points into (for plain text: the file itself).
// One stretch of Article::text and the bytes of the original file it came from.
struct SourceRun {
  uint32_t text_begin = 0;
  uint32_t text_length = 0;
  uint32_t source_begin = 0;
  uint32_t source_length = 0;
  bool operator==(const SourceRun&) const = default;
};

struct Article {
  std::string id;            // ArticleId(url, text); filled in by the pipeline
  std::string url;           // canonical URL, may be empty
  std::string outlet;        // display name, e.g. "Yibada"; may be empty
  std::string headline;      // may be empty
  std::string published;     // ISO 8601 as read, e.g. "2016-04-21T22:02:00-04:00"; "" if unknown
  TimeValue published_date;  // local calendar date of publication (precision day or coarser)
  std::string source;        // the file path or URL it was read from
  std::string format;        // "text", "html", ...
  std::string content_hash;  // Hex16(Hash64(text))
  int64_t ingested_at = 0;   // unix seconds
  std::string text;          // the article's bytes (headline and body)
  Span headline_span;
  Span body_span;            // content proper, without header lines and page furniture
  // Where `published` came from, for articles read from feeds, fetched pages and WARC files:
  // "article" (the page's own date), "feed" (the feed item's date), "fetched" (the fetch time,
  // for want of a better one), "given" (--published); "" when not recorded (file imports).
  std::string published_basis;
  // Where the bytes of `text` stand in the original file, for formats whose text is derived
  // (HTML: markup and entities removed, headline and blank lines inserted). Sorted by
  // text_begin, non-overlapping. A run with text_length == source_length was copied verbatim;
  // otherwise (a decoded entity, a re-encoded byte) the whole text range stands for the whole
  // source range. Text outside every run was inserted. Empty when the text is the file itself or
  // when no map was recorded: see MapToSource.
  std::vector<SourceRun> source_map;
};

struct Role {
  std::string title;  // "President", "director"
  std::string of;     // "China", "National Computer Network Emergency Response Technical Team"
  TimeValue when;     // when the role was held, if known (usually the article date)
  Span evidence;
};

struct Actor {
  std::string id;                    // ActorId(type, name)
  std::string name;                  // canonical name: "Xi Jinping"
  ActorType type = ActorType::kPerson;
  std::vector<std::string> aliases;  // "Xi", "President Xi", "The president"
  std::vector<Role> roles;
  std::vector<Span> mentions;        // every mention in this article, pronouns included
};

struct TimeExpression {
  Span span;
  std::string type;   // TimeML: "DATE", "TIME", "DURATION", "SET"
  std::string value;  // TimeML value: "2016-04-18", "P1M", "PRESENT_REF", ...
};

struct Statement {
  std::string id;          // StatementId(article_id, text_span)
  std::string article_id;
  std::string speaker_id;  // actor id; empty when unresolved
  std::string speaker;     // canonical name of the speaker
  Span source_span;        // the mention as it stands in the text: "He", "The president"
  std::string cue;         // "said", "pointed out", "according to"
  Span cue_span;
  std::string text;        // content without cue, speaker or quote marks
  Span text_span;
  Span sentence_span;      // the sentence(s) that hold the statement: the evidence
  bool direct = false;     // a direct (quoted) statement
  TimeValue date;          // when it was said; empty when the article does not say
  DateBasis date_basis = DateBasis::kNone;
  std::vector<std::string> topics;            // topic names, ancestors included
  std::vector<std::string> reported_by;       // canonical names of relaying actors
  std::vector<std::string> reported_by_ids;   // their actor ids, same order
  std::string rule;        // the extraction rule that produced it, for debugging
  float confidence = 0.f;  // 0..1
};

struct Event {
  std::string id;          // EventId(article_id, span)
  std::string article_id;
  std::string type;        // "meeting", "announcement", ...
  std::string text;
  Span span;
  TimeValue date;
  DateBasis date_basis = DateBasis::kNone;
  std::vector<std::string> participant_ids;
  std::vector<std::string> participants;  // canonical names, same order
};

struct Topic {
  std::string id;      // TopicId(name)
  std::string name;    // "cyber deterrence"
  std::string parent;  // parent topic name; empty for a root
  std::vector<std::string> terms;  // words and phrases that signal it
};

// An article and everything derived from it: the unit the engine writes in one batch.
struct ArticleGraph {
  Article article;
  std::vector<Actor> actors;
  std::vector<Statement> statements;
  std::vector<Event> events;
  std::vector<TimeExpression> times;
};

// The text a span points at, or "" when out of range.
inline std::string_view SpanText(std::string_view text, Span s) {
  if (s.empty() || s.end > text.size()) return {};
  return text.substr(s.begin, s.end - s.begin);
}

// The smallest span of the original file covering the text span `s` of `a.text`: `s` itself
// when a.source_map is empty. Ends inside a run that is not verbatim (an entity) round outward
// to the whole run; inserted text (separators) maps to nothing, and a span made only of inserted
// text maps to the source bytes between its neighbouring runs. Empty for an empty span. Pure.
Span MapToSource(const Article& a, Span s);

}  // namespace tkg
