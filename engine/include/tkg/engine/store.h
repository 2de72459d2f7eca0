// The tkg store: an embedded RocksDB database holding articles, actors, statements, events and
// topics as nodes, typed edges readable in both directions, and ordered secondary indexes so
// that every query is a bounded range scan. The key layout is specified in engine/KEYS.md and
// implemented in one file (engine/src/keys.cpp).
//
// Thread safety: a Store may be shared by many threads. Reads run concurrently. Writes
// (PutArticle) are serialised internally, so each article and everything derived from it lands
// atomically in one WriteBatch: a reader sees all of it or none of it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tkg/schema/status.h"
#include "tkg/schema/types.h"

namespace tkg {

struct StoreOptions {
  // Create the store if the directory holds none. Default: true.
  bool create_if_missing = true;
  // Open without write access (other processes may write meanwhile). Default: false.
  bool read_only = false;
  // RocksDB block cache, in MiB. Default: 64.
  size_t block_cache_mb = 64;
};

enum class PutOutcome {
  kInserted,   // a new article
  kUnchanged,  // the same article (same id and content hash) was already stored
  kUpdated,    // same id, new content: the new version replaced the old one
};

// Edge types of the graph. Each edge is stored twice (out and in) so both directions are one
// range scan.
enum class EdgeType : uint8_t {
  kSaidBy = 1,       // statement -> actor
  kInArticle,        // statement -> article, event -> article
  kAbout,            // statement -> topic
  kReportedBy,       // statement -> actor
  kPublishedBy,      // article -> outlet
  kHoldsRole,        // actor -> actor (organisation / place); edge data: role title
  kParticipant,      // event -> actor
  kMentions,         // article -> actor
  kSubtopicOf,       // topic -> topic
};
std::string_view EdgeTypeName(EdgeType t);  // "said_by", ...
bool ParseEdgeType(std::string_view name, EdgeType* out);

struct Edge {
  std::string from;
  EdgeType type;
  std::string to;
  std::string data;  // small payload, e.g. a role title
  std::string article_id;  // evidence
  Span evidence;
};

// A statement with what a reader needs to verify it.
struct StatementView {
  Statement statement;
  std::string article_outlet;
  std::string article_headline;
  std::string article_url;
  std::string article_published;  // ISO 8601 as read
  std::string sentence;            // the evidence text: SpanText(article text, sentence_span)
};

struct StatementQuery {
  std::string topic;         // topic name or id; subtopics included. Empty: any.
  std::string speaker;       // actor id, canonical name or alias ("Xi", "President Xi"). Empty: any.
  std::string outlet;        // outlet name or id. Empty: any.
  std::optional<DayNumber> from;  // statements whose date interval overlaps [from, to]
  std::optional<DayNumber> to;
  std::string text;          // case-insensitive words that must all occur in the text. Empty: any.
  float min_confidence = 0.f;
  size_t limit = 50;         // 1..1000
  std::string cursor;        // opaque: next_cursor of the previous page
};

// Statements sorted by date (first day of their interval), undated ones after the dated ones
// when no range is given (a range excludes undated statements).
struct StatementPage {
  std::vector<StatementView> statements;
  std::string next_cursor;  // empty when there is no further page
};

// An actor as known across all articles.
struct ActorView {
  Actor actor;             // name, type, aliases and roles merged over articles; no mentions
  uint32_t article_count = 0;
  uint32_t statement_count = 0;
};

struct EventQuery {
  std::string participant;  // actor id, name or alias. Empty: any.
  std::string type;         // "meeting", ... Empty: any.
  std::optional<DayNumber> from;
  std::optional<DayNumber> to;
  size_t limit = 100;
};

struct StoreStats {
  uint64_t articles = 0, actors = 0, statements = 0, events = 0, topics = 0, edges = 0;
};

class Store {
 public:
  // Opens (or creates) the store in `dir`. Fails with VersionMismatch for a store of another
  // schema version, with Busy when another process holds it for writing.
  static Status Open(const StoreOptions& options, const std::string& dir,
                     std::unique_ptr<Store>* out);
  virtual ~Store();

  // Writes the article, its outlet, actors (merged with what is stored), statements, events,
  // topics, edges and index entries in one WriteBatch. Ids must be filled in.
  virtual Status PutArticle(const ArticleGraph& graph, PutOutcome* outcome) = 0;
  // Stores the taxonomy's topics and subtopic edges (idempotent).
  virtual Status PutTopics(const std::vector<Topic>& topics) = 0;

  virtual Status GetArticle(const std::string& id, Article* out) = 0;
  virtual Status GetArticleGraph(const std::string& id, ArticleGraph* out) = 0;
  virtual Status GetActor(const std::string& id, ActorView* out) = 0;
  // Actors whose name or an alias starts with (or equals) `query`, case-insensitive; best first.
  virtual Status FindActors(const std::string& query, size_t limit, std::vector<ActorView>* out) = 0;
  // Resolves an id, name or alias to actor ids (several when an alias is ambiguous).
  virtual Status ResolveActor(const std::string& id_name_or_alias, std::vector<std::string>* ids) = 0;

  virtual Status QueryStatements(const StatementQuery& query, StatementPage* out) = 0;
  virtual Status QueryEvents(const EventQuery& query, std::vector<Event>* out) = 0;
  virtual Status ListTopics(std::vector<Topic>* out) = 0;

  // Edges leaving (outgoing=true) or reaching `node_id`, of one type.
  virtual Status Neighbors(const std::string& node_id, EdgeType type, bool outgoing,
                           std::vector<Edge>* out) = 0;

  virtual Status Stats(StoreStats* out) = 0;
};

}  // namespace tkg
