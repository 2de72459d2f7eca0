// The tkg store: an embedded RocksDB database holding articles, actors, statements, events and
// topics as nodes, typed edges readable in both directions, and ordered secondary indexes so
// that every query is a bounded range scan. The key layout is specified in engine/KEYS.md and
// implemented in one file (engine/src/keys.cpp).
//
// Thread safety: a Store may be shared by many threads. Reads run concurrently. Writes
// (PutArticle, PutArticles) are serialised internally, so each article and everything derived
// from it lands atomically in one WriteBatch: a reader sees all of it or none of it, also after a
// crash.
//
// Processes: one writer at a time (RocksDB's LOCK; StoreOptions::lock_wait_ms), beside any number
// of secondaries (StoreOptions::secondary: `tkg serve` while `tkg import` runs) and read-only
// handles (a fixed view as of opening).
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
  // Open as a RocksDB secondary instance: a reader that takes no lock, so it opens and keeps
  // answering while another process writes the store (`tkg import` from cron under a running
  // `tkg serve`), and follows that writer by catching up (CatchUp(), or automatically, see
  // catch_up_interval_ms). Works whether or not a writer is running; needs an existing store;
  // writes fail with InvalidArgument. Its own small files (RocksDB's info log) go to a fresh
  // directory under the system temp directory, removed on close. Default: false.
  bool secondary = false;
  // Secondary only: before a read, catch up with the writer when the last catch-up is older
  // than this many milliseconds, so new statements answer queries within about this delay.
  // 0: before every read; negative: only when CatchUp() is called. Default: 1000.
  int catch_up_interval_ms = 1000;
  // Writers only: while another process (or handle) holds the store's lock, retry opening for
  // up to this many milliseconds, then fail with Busy. 0: fail at once. Default: 0.
  int lock_wait_ms = 0;
};

enum class PutOutcome {
  kInserted,   // a new article
  kUnchanged,  // the same article (same id and content hash) was already stored
  kUpdated,    // same id, new content: a new version; the old one's statements are kept as
               // superseded history (StatementQuery::include_superseded, ArticleVersions)
};

// What became of one article of a Store::PutArticles group.
struct PutResult {
  Status status;  // InvalidArgument: this article is at fault and was not stored
  PutOutcome outcome = PutOutcome::kUnchanged;  // when status is OK
};

// One stored version of an article (same id, i.e. same URL, different content).
struct ArticleVersionInfo {
  uint32_t version = 0;  // 1 for the first version stored, then 2, 3, ...
  std::string content_hash;
  int64_t ingested_at = 0;       // unix seconds, as the article of that version gave it
  uint32_t statement_count = 0;  // statements of that version
  bool current = false;          // the version that queries answer from by default
};

// What an importer remembers about one feed between polls (conditional GET, seen items).
struct FeedState {
  // At most this many seen item ids are kept (the most recent ones, PutFeedState trims).
  static constexpr size_t kMaxSeenIds = 5000;
  std::string url;                    // the feed's URL: the key
  std::string etag;                   // ETag of the last response, "" if none
  std::string last_modified;          // Last-Modified of the last response, "" if none
  std::vector<std::string> seen_ids;  // item ids (guid or link), oldest first
  int64_t last_polled = 0;            // unix seconds
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
  // The article version the statement comes from, and whether a later version of the article
  // superseded it (only returned with StatementQuery::include_superseded). The article fields
  // above and the sentence are those of that version.
  uint32_t article_version = 1;
  bool superseded = false;
  // The sentence span and the content span (text_span) in the bytes of the original file, for
  // articles whose text is derived from the file (Article::source_map not empty); see
  // MapToSource.
  bool has_file_spans = false;
  Span file_span;
  Span file_text_span;
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
  // Also return statements of older versions of updated articles (history), marked
  // StatementView::superseded. Default: false (current versions only).
  bool include_superseded = false;
};

// Statements sorted by date (first day of their interval), undated ones after the dated ones
// when no range is given (a range excludes undated statements).
struct StatementPage {
  std::vector<StatementView> statements;
  std::string next_cursor;  // empty when there is no further page
};

// Why two stored actor ids name one real person or organisation: a link from a short form
// (`from_id`: a bare surname "Mrs. Clinton", an acronym "FBI") to the actor it stands for
// (`to_id`), with the rule that made it and its evidence. Links are a function of the stored
// actors only (never of import order); see engine/KEYS.md, "Actor links".
struct ActorMerge {
  std::string from_id, to_id;
  std::string rule;        // "unique-surname" (persons) or "org-alias" (organisations)
  std::string article_id;  // evidence: the first article (by id) that mentions from_id
  Span evidence;           // from_id's first mention in that article ({0,0} if none recorded)
  std::string alias;       // from_id's canonical name, e.g. "Mrs. Clinton"
  std::string when;        // publication date of the evidence article (ISO 8601 as read)
};

// An actor as known across all articles.
struct ActorView {
  Actor actor;             // name, type, aliases and roles merged over articles; no mentions
  uint32_t article_count = 0;
  uint32_t statement_count = 0;
  // Actor links (GetActor, FindActors): for an actor linked to another, the id of the canonical
  // actor it stands for ("" when it is itself canonical). `merges` holds the links that made
  // it: for a linked actor its own link; for a canonical actor every link into it, whose names
  // are then listed among its aliases and whose article and statement counts are added to its
  // own.
  std::string merged_into;
  std::vector<ActorMerge> merges;
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
  // Statements of older article versions, kept as history (not counted in `statements`).
  uint64_t superseded_statements = 0;
};

class Store {
 public:
  // Opens (or creates) the store in `dir`. Fails with VersionMismatch for a store of another
  // schema version, with Busy when another process holds it for writing (after waiting up to
  // StoreOptions::lock_wait_ms). A secondary (StoreOptions::secondary) is never Busy.
  static Status Open(const StoreOptions& options, const std::string& dir,
                     std::unique_ptr<Store>* out);
  virtual ~Store();

  // Writes the article, its outlet, actors (merged with what is stored), statements, events,
  // topics, edges and index entries in one WriteBatch. Ids must be filled in; an article id
  // holds no zero byte and no '@' (ArticleId never makes one). A new content for a stored id
  // is a new version (kUpdated); the old version's statements become superseded history.
  virtual Status PutArticle(const ArticleGraph& graph, PutOutcome* outcome) = 0;
  // Writes several articles as PutArticle would write them one after the other, in one
  // WriteBatch (bulk imports: far cheaper per article). Each article is still all or nothing,
  // also after a crash; an article at fault (InvalidArgument in its result) is left out and the
  // others are written. `results` gets one entry per graph, in order. A non-OK return is a
  // store failure; then each article whose result is not OK was not stored (the store's error:
  // the RocksDB store writes none of the group). Default: PutArticle on each, stopping at the
  // first store failure (the articles before it are stored).
  virtual Status PutArticles(const std::vector<const ArticleGraph*>& graphs,
                             std::vector<PutResult>* results);
  // Stores the taxonomy's topics and subtopic edges (idempotent).
  virtual Status PutTopics(const std::vector<Topic>& topics) = 0;

  virtual Status GetArticle(const std::string& id, Article* out) = 0;
  virtual Status GetArticleGraph(const std::string& id, ArticleGraph* out) = 0;
  // An actor by id, with its links: a linked actor is its own record with merged_into set; a
  // canonical actor folds in the names and counts of the actors linked to it (ActorView).
  virtual Status GetActor(const std::string& id, ActorView* out) = 0;
  // Actors whose name or an alias starts with (or equals) `query`, case-insensitive; best first.
  // Linked actors are reported as their canonical actor (once).
  virtual Status FindActors(const std::string& query, size_t limit, std::vector<ActorView>* out) = 0;
  // Resolves an id, name or alias to actor ids (several when an alias is ambiguous). Follows
  // actor links: a linked actor resolves to its canonical actor (ActorView::merged_into).
  // Statement and event queries by speaker or participant include every actor linked to the
  // ones resolved.
  virtual Status ResolveActor(const std::string& id_name_or_alias, std::vector<std::string>* ids) = 0;

  virtual Status QueryStatements(const StatementQuery& query, StatementPage* out) = 0;
  virtual Status QueryEvents(const EventQuery& query, std::vector<Event>* out) = 0;
  virtual Status ListTopics(std::vector<Topic>* out) = 0;

  // Edges leaving (outgoing=true) or reaching `node_id`, of one type.
  virtual Status Neighbors(const std::string& node_id, EdgeType type, bool outgoing,
                           std::vector<Edge>* out) = 0;

  virtual Status Stats(StoreStats* out) = 0;

  // Up to `limit` article ids in id order, starting after `after` ("" = from the first); fewer
  // than `limit` means the end. For whole-store walks (the actor network of graph.h, exports).
  // Added after the first version of this interface: the default reports it unsupported, so
  // other implementations of Store keep compiling.
  virtual Status ListArticles(const std::string& after, size_t limit,
                              std::vector<std::string>* ids);

  // The members below were added later, like ListArticles, with defaults so that other
  // implementations of Store keep compiling.

  // A secondary store: catches up with the writer now, so that reads after it see every write
  // the writer had made. Other stores: nothing to do, OK. Thread-safe; waits for running reads.
  virtual Status CatchUp();

  // Every stored version of an article, oldest first (the last one is current). NotFound for
  // an unknown article. Default: unsupported (InvalidArgument).
  virtual Status ArticleVersions(const std::string& article_id,
                                 std::vector<ArticleVersionInfo>* out);

  // The state of one feed; NotFound (and *out = {url}) when none was stored. Default:
  // unsupported (InvalidArgument).
  virtual Status GetFeedState(const std::string& feed_url, FeedState* out);
  // Stores the state of one feed (replacing it) in its own small write, keeping only the last
  // FeedState::kMaxSeenIds seen ids. Default: unsupported (InvalidArgument).
  virtual Status PutFeedState(const FeedState& state);
};

}  // namespace tkg
