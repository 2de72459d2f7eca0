// Private to engine/src: the RocksDB implementation of tkg::Store, shared by the store_*.cpp
// files (one per concern: opening, writing, queries, actors and links, history). Keys:
// engine/src/keys.cpp (spec: engine/KEYS.md); values: engine/src/codec.cpp. Queries:
// engine/src/date_scan.h merges the date-class streams of one or more index prefixes into one
// (first day, id) order. A store is opened as the one writer (waiting up to lock_wait_ms for
// RocksDB's LOCK), read-only, or as a RocksDB secondary that follows the writer by
// TryCatchUpWithPrimary (see ReadView for how reads stay consistent there).
#pragma once

#include <rocksdb/cache.h>
#include <rocksdb/convenience.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/perf_level.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "codec.h"
#include "date_scan.h"
#include "keys.h"
#include "pending_writes.h"
#include "tkg/engine/store.h"
#include "tkg/schema/ids.h"

namespace tkg {

namespace rdb = rocksdb;

namespace store_internal {

using codec::ArticleActor;
using codec::Manifest;

#define TKG_RETURN_IF_ERROR(expr) \
  do {                            \
    ::tkg::Status _s = (expr);    \
    if (!_s.ok()) return _s;      \
  } while (0)

Status FromRocks(const rdb::Status& s, const std::string& what);

bool LooksLikeLockError(const rdb::Status& s);

inline bool HasNul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

// Deltas of the meta counters produced by one write.
struct Counts {
  int64_t articles = 0, actors = 0, statements = 0, events = 0, topics = 0, edges = 0;
  int64_t superseded = 0;
};

int64_t SteadyMs();

// Lower-case ASCII words of a text.
std::vector<std::string> Words(std::string_view text);

bool ContainsAllWords(std::string_view text, const std::vector<std::string>& words);

// The folded names under which an actor is found: canonical name and aliases.
std::set<std::string> NamesOf(const Actor& a);

// Unions `add` into `into` (aliases and roles), keeping first-seen order.
void UnionActor(Actor* into, const Actor& add);

// ---- Actor links (KEYS.md, "Actor links") ----

// How a person's canonical name reads once titles are set aside.
enum class NameForm : char { kNone = 0, kSurname = 's', kFull = 'f' };

struct PersonName {
  NameForm form = NameForm::kNone;
  std::string surname;  // folded last name
};

// "Hillary Clinton" -> full, "clinton"; "Mrs. Clinton" -> surname, "clinton"; "The president"
// -> none. Case-insensitive (FoldName), punctuation around words ignored.
PersonName ParsePersonName(std::string_view name);

// What a write must re-examine for actor links: actors whose link may have changed, surnames
// whose set of persons changed, and (organisations) names and aliases that were added/removed.
struct Relink {
  std::set<std::string> ids, surnames, names;
};

// The index entries of one statement: under the main statement indexes with the statement id
// as row id, or (a superseded statement) under their history twins with a HistoryRowId.
void StatementIndex(const Statement& s, const std::string& outlet_id, bool history,
                    const std::string& row_id, std::map<std::string, std::string>* index);

// Edges and index entries derived from one article graph, keyed for deduplication.
struct Derived {
  std::map<std::string, Edge> edges;         // by outgoing key
  std::map<std::string, std::string> index;  // key -> value
};

Derived Derive(const ArticleGraph& g);

class RocksStore final : public Store {
 public:
  enum class Mode { kWriter, kReadOnly, kSecondary };
  RocksStore(std::string dir, const StoreOptions& o)
      : dir_(std::move(dir)),
        mode_(o.secondary   ? Mode::kSecondary
              : o.read_only ? Mode::kReadOnly
                            : Mode::kWriter),
        catch_up_interval_ms_(o.catch_up_interval_ms) {}
  ~RocksStore() override { Close(); }

  Status Init(const StoreOptions& options);

  Status PutArticle(const ArticleGraph& graph, PutOutcome* outcome) override;
  Status PutArticles(const std::vector<const ArticleGraph*>& graphs,
                     std::vector<PutResult>* results) override;
  Status PutTopics(const std::vector<Topic>& topics) override;
  Status GetArticle(const std::string& id, Article* out) override;
  Status GetArticleGraph(const std::string& id, ArticleGraph* out) override;
  Status GetActor(const std::string& id, ActorView* out) override;
  Status FindActors(const std::string& query, size_t limit, std::vector<ActorView>* out) override;
  Status ResolveActor(const std::string& q, std::vector<std::string>* ids) override;
  Status QueryStatements(const StatementQuery& query, StatementPage* out) override;
  Status QueryEvents(const EventQuery& query, std::vector<Event>* out) override;
  Status ListTopics(std::vector<Topic>* out) override;
  Status Neighbors(const std::string& node_id, EdgeType type, bool outgoing,
                   std::vector<Edge>* out) override;
  Status Stats(StoreStats* out) override;
  Status ListArticles(const std::string& after, size_t limit,
                      std::vector<std::string>* ids) override;
  Status CatchUp() override;
  Status ArticleVersions(const std::string& article_id,
                         std::vector<ArticleVersionInfo>* out) override;
  Status GetFeedState(const std::string& feed_url, FeedState* out) override;
  Status PutFeedState(const FeedState& state) override;

 private:
  // What every read holds for its duration, so that all of its reads see one state. A writer or
  // read-only store: a RocksDB snapshot. A secondary (where RocksDB 7.8 has no snapshots: Get
  // ignores them and iterators refuse them) first catches up when due, then holds catch_mu_
  // shared, so that no catch-up changes the state under a running read.
  class ReadView {
   public:
    explicit ReadView(RocksStore* store) : store_(store) {
      if (store->mode_ == Mode::kSecondary) {
        store->MaybeCatchUp();
        // A catch-up waiting for catch_mu_ holds the gate: new reads queue behind it instead of
        // starving it (glibc's rwlock prefers readers).
        { std::lock_guard<std::mutex> gate(store->catch_gate_); }
        lock_ = std::shared_lock<std::shared_mutex>(store->catch_mu_);
      } else {
        snap_ = store->db_->GetSnapshot();
      }
    }
    ~ReadView() {
      if (snap_ != nullptr) store_->db_->ReleaseSnapshot(snap_);
    }
    ReadView(const ReadView&) = delete;
    ReadView& operator=(const ReadView&) = delete;
    const rdb::Snapshot* get() const { return snap_; }

   private:
    RocksStore* store_;
    std::shared_lock<std::shared_mutex> lock_;
    const rdb::Snapshot* snap_ = nullptr;
  };

  // Secondary: catches up when the last catch-up is older than catch_up_interval_ms_. A failure
  // is not the read's: the read answers from the state of the last catch-up, and the next read
  // tries again (CatchUp() reports errors).
  void MaybeCatchUp() {
    if (catch_up_interval_ms_ < 0) return;
    if (catch_up_interval_ms_ > 0 &&
        SteadyMs() - last_catch_up_ms_.load() < catch_up_interval_ms_) {
      return;
    }
    Status ignored = CatchUpNow(catch_up_interval_ms_);
    (void)ignored;
  }
  // Catches up unless another thread did within `max_age_ms` (<= 0: always).
  Status CatchUpNow(int64_t max_age_ms);
  Status OpenDb(const StoreOptions& options, const rdb::Options& opts,
                const std::vector<rdb::ColumnFamilyDescriptor>& descs);
  // `pending`: read through that batch (its writes over the database) instead of at `snap`.
  Status LoadVersions(const std::string& id, const rdb::Snapshot* snap,
                      std::vector<codec::VersionRecord>* out, PendingWrites* pending = nullptr);
  // The current version number of a stored article: its last version record, or 1 for an
  // article stored before versions were recorded.
  Status CurrentVersion(const std::string& id, const rdb::Snapshot* snap, uint32_t* version);

  void Close();
  Status WriteMeta();
  Status CheckMeta();

  Status Get(rdb::ColumnFamilyHandle* cf, const std::string& key, std::string* value, bool* found,
             const rdb::Snapshot* snap = nullptr);
  template <class T>
  Status GetRecord(rdb::ColumnFamilyHandle* cf, const std::string& key, T* out, bool* found,
                   const rdb::Snapshot* snap = nullptr) {
    std::string v;
    TKG_RETURN_IF_ERROR(Get(cf, key, &v, found, snap));
    if (*found && !codec::Decode(v, out)) {
      return Status::Corruption(dir_ + ": cannot decode the record under key '" + Printable(key) +
                                "'");
    }
    return Status::OK();
  }
  // Calls fn(key, value) for every key in [lower, upper); fn returns false to stop.
  template <class Fn>
  Status Scan(rdb::ColumnFamilyHandle* cf, const std::string& lower, const std::string& upper,
              const rdb::Snapshot* snap, Fn fn) {
    rdb::ReadOptions ro;
    ro.snapshot = snap;
    rdb::Slice ub(upper);
    if (!upper.empty()) ro.iterate_upper_bound = &ub;
    std::unique_ptr<rdb::Iterator> it(db_->NewIterator(ro, cf));
    for (it->Seek(lower); it->Valid(); it->Next()) {
      if (!fn(std::string_view(it->key().data(), it->key().size()),
              std::string_view(it->value().data(), it->value().size()))) {
        break;
      }
    }
    return FromRocks(it->status(), dir_ + ": scan from '" + Printable(lower) + "'");
  }
  // Calls fn(actor id, actor) for every actor record; an undecodable record is corruption.
  template <class Fn>
  Status ScanActors(Fn fn) {
    std::string prefix(1, keys::kActor);
    bool bad = false;
    TKG_RETURN_IF_ERROR(Scan(nodes_, prefix, keys::Successor(prefix), nullptr,
                             [&](std::string_view k, std::string_view val) {
                               ActorView a;
                               if (!codec::Decode(val, &a)) {
                                 bad = true;
                                 return false;
                               }
                               fn(k.substr(1), a);
                               return true;
                             }));
    if (bad) return Status::Corruption(dir_ + ": an actor record cannot be decoded");
    return Status::OK();
  }
  static std::string Printable(std::string_view key) {
    std::string out;
    for (unsigned char c : key) {
      if (c >= 0x20 && c < 0x7F) {
        out.push_back(static_cast<char>(c));
      } else {
        static const char* hex = "0123456789abcdef";
        out += "\\x";
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
      }
    }
    return out;
  }

  // `pending`: read through that batch (its writes over the database) instead of at `snap`.
  Status LoadArticleGraph(const std::string& id, const rdb::Snapshot* snap, ArticleGraph* out,
                          bool* found, PendingWrites* pending = nullptr);
  // PutArticles, in steps: check and normalise one article (no store access); then add what it
  // writes to `b`, reading through `b`, with its counter deltas and the links to re-examine.
  Status Normalise(const ArticleGraph& in, ArticleGraph* out);
  // Under write_mu_: stages the articles whose result is OK so far, then writes them in one
  // batch. Non-OK: a store failure, and nothing was written.
  Status WriteGroup(const std::vector<ArticleGraph>& norm, std::vector<PutResult>* results);
  Status StageArticle(const ArticleGraph& g, PendingWrites* b, Counts* d, Relink* relink,
                      PutOutcome* outcome);
  // Merges `contribution` (this article's view of the actor; null: it no longer mentions it)
  // into the stored merged actor, replacing `previous` (the replaced version's view; null: a
  // new article, or the old version did not mention it), and notes in `relink` what actor links
  // to re-examine.
  Status UpdateActor(const std::string& actor_id, const ArticleActor* contribution,
                     const ArticleActor* previous, const std::string& article_id, PendingWrites* b,
                     Counts* d, Relink* relink);
  // Adds the counter updates of `d` to `b` (a WriteBatch or PendingWrites).
  template <class Batch>
  Status ApplyCounts(const Counts& d, Batch* b);
  // Writes what `b` holds (each key's last operation, in key order).
  Status WritePending(const PendingWrites& b, const std::string& what);

  // Reads through pending writes (laid over the database), so that a write sees the state it
  // leaves: link decisions, and each article of a group what the ones before it wrote.
  Status GetW(PendingWrites* b, rdb::ColumnFamilyHandle* cf, const std::string& key,
              std::string* value, bool* found) {
    if (const PendingWrites::Op* op = b->Find(cf, key)) {
      *found = !op->deleted;
      if (*found) *value = op->value;
      return Status::OK();
    }
    return Get(cf, key, value, found);
  }
  template <class T>
  Status GetRecordW(PendingWrites* b, rdb::ColumnFamilyHandle* cf, const std::string& key, T* out,
                    bool* found) {
    std::string v;
    TKG_RETURN_IF_ERROR(GetW(b, cf, key, &v, found));
    if (*found && !codec::Decode(v, out)) {
      return Status::Corruption(dir_ + ": cannot decode the record under key '" + Printable(key) +
                                "'");
    }
    return Status::OK();
  }
  // Scan (above) of the database with the pending writes laid over it.
  template <class Fn>
  Status ScanW(PendingWrites* b, rdb::ColumnFamilyHandle* cf, const std::string& lower,
               const std::string& upper, Fn fn) {
    auto [p, pend] = b->Range(cf, lower, upper);
    rdb::Iterator* it = b->DbIterator(cf, [&] {
      return std::unique_ptr<rdb::Iterator>(db_->NewIterator(rdb::ReadOptions(), cf));
    });
    it->Seek(lower);
    const rdb::Slice ub(upper);
    for (;;) {
      bool db_ok = it->Valid() && (upper.empty() || it->key().compare(ub) < 0);
      if (!db_ok && p == pend) break;
      std::string_view dk =
          db_ok ? std::string_view(it->key().data(), it->key().size()) : std::string_view();
      if (p != pend && (!db_ok || std::string_view(p->first) <= dk)) {
        bool shadows = db_ok && std::string_view(p->first) == dk;
        bool go_on =
            p->second.deleted || fn(std::string_view(p->first), std::string_view(p->second.value));
        if (shadows) it->Next();
        ++p;
        if (!go_on) break;
      } else {
        if (!fn(dk, std::string_view(it->value().data(), it->value().size()))) break;
        it->Next();
      }
    }
    return FromRocks(it->status(), dir_ + ": scan from '" + Printable(lower) + "'");
  }
  // Recomputes the links of every actor `relink` names (and of those sharing its surnames or
  // names) from the state the batch leaves, writing only what changed.
  Status ApplyRelink(const Relink& relink, PendingWrites* b);
  // The link `actor_id` should have in that state; *linked false when none.
  Status DesiredLink(const std::string& actor_id, PendingWrites* b, ActorMerge* m, bool* linked);
  // Stores built before actor links existed: index surnames and compute links once (writer).
  Status BackfillLinks();
  // Stores built before organisation-name keys (C) existed: index them once (writer).
  Status BackfillOrgNames();
  // Read side: the canonical actor of `id` (itself when unlinked), the members of a canonical
  // actor's group (itself first), and an actor's view with its links.
  Status RootOf(const std::string& id, const rdb::Snapshot* snap, std::string* root);
  Status GroupOf(const std::string& root, const rdb::Snapshot* snap,
                 std::vector<std::string>* members);
  Status ViewOf(const std::string& id, const rdb::Snapshot* snap, ActorView* out, bool* found);
  // by_group: every member of each resolved actor's group (queries); otherwise the canonical
  // actors (ResolveActor).
  Status ResolveActorIds(const std::string& q, const rdb::Snapshot* snap,
                         std::vector<std::string>* ids, bool by_group = true);
  // The actor ids an id, name or alias names as stored, without following links.
  Status ResolveNames(const std::string& q, const rdb::Snapshot* snap,
                      std::vector<std::string>* ids);
  Status TopicWithDescendants(const std::string& q, const rdb::Snapshot* snap,
                              std::vector<std::string>* ids);
  Status NeighborsAt(const std::string& node_id, EdgeType type, bool outgoing,
                     const rdb::Snapshot* snap, std::vector<Edge>* out);
  Status WritableCheck() const {
    if (mode_ == Mode::kReadOnly) {
      return Status::InvalidArgument(dir_ + ": the store is opened read-only");
    }
    if (mode_ == Mode::kSecondary) {
      return Status::InvalidArgument(dir_ +
                                     ": the store is opened as a secondary (a reader following "
                                     "the writer); open it as the writer to write");
    }
    return Status::OK();
  }

  std::string dir_;
  const Mode mode_;
  const int catch_up_interval_ms_;
  std::string secondary_path_;  // the secondary instance's own directory, removed on close
  std::shared_mutex catch_mu_;  // secondary: reads shared, catch-up exclusive
  std::mutex catch_gate_;       // secondary: held by a catch-up from before it waits for catch_mu_
  std::atomic<int64_t> last_catch_up_ms_{0};
  std::unique_ptr<rdb::DB> db_;
  std::vector<rdb::ColumnFamilyHandle*> handles_;
  rdb::ColumnFamilyHandle* meta_ = nullptr;
  rdb::ColumnFamilyHandle* nodes_ = nullptr;
  rdb::ColumnFamilyHandle* edges_ = nullptr;
  rdb::ColumnFamilyHandle* index_ = nullptr;
  rdb::ColumnFamilyHandle* text_ = nullptr;
  std::mutex write_mu_;  // serialises PutArticle / PutTopics (read-merge-write of actors)
};

}  // namespace store_internal
}  // namespace tkg
