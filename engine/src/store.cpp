// tkg::Store on RocksDB. Keys: engine/src/keys.cpp (spec: engine/KEYS.md); values:
// engine/src/codec.cpp. Queries: engine/src/date_scan.h merges the date-class streams of one or
// more index prefixes into one (first day, id) order. A store is opened as the one writer
// (waiting up to lock_wait_ms for RocksDB's LOCK), read-only, or as a RocksDB secondary that
// follows the writer by TryCatchUpWithPrimary (see ReadView for how reads stay consistent there).
#include "tkg/engine/store.h"

#include <rocksdb/cache.h>
#include <rocksdb/convenience.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
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
#include "tkg/schema/ids.h"

namespace tkg {

namespace rdb = rocksdb;

std::string_view EdgeTypeName(EdgeType t) {
  switch (t) {
    case EdgeType::kSaidBy:
      return "said_by";
    case EdgeType::kInArticle:
      return "in_article";
    case EdgeType::kAbout:
      return "about";
    case EdgeType::kReportedBy:
      return "reported_by";
    case EdgeType::kPublishedBy:
      return "published_by";
    case EdgeType::kHoldsRole:
      return "holds_role";
    case EdgeType::kParticipant:
      return "participant";
    case EdgeType::kMentions:
      return "mentions";
    case EdgeType::kSubtopicOf:
      return "subtopic_of";
  }
  return "unknown";
}

bool ParseEdgeType(std::string_view name, EdgeType* out) {
  for (int i = 1; i <= static_cast<int>(EdgeType::kSubtopicOf); ++i) {
    auto t = static_cast<EdgeType>(i);
    if (EdgeTypeName(t) == name) {
      *out = t;
      return true;
    }
  }
  return false;
}

Store::~Store() = default;

Status Store::ListArticles(const std::string&, size_t, std::vector<std::string>* ids) {
  ids->clear();
  return Status::InvalidArgument("ListArticles: not supported by this store implementation");
}

Status Store::CatchUp() { return Status::OK(); }

Status Store::ArticleVersions(const std::string&, std::vector<ArticleVersionInfo>* out) {
  out->clear();
  return Status::InvalidArgument("ArticleVersions: not supported by this store implementation");
}

Status Store::GetFeedState(const std::string& feed_url, FeedState* out) {
  *out = FeedState();
  out->url = feed_url;
  return Status::InvalidArgument("GetFeedState: not supported by this store implementation");
}

Status Store::PutFeedState(const FeedState&) {
  return Status::InvalidArgument("PutFeedState: not supported by this store implementation");
}

namespace {

using codec::ArticleActor;
using codec::Manifest;

#define TKG_RETURN_IF_ERROR(expr) \
  do {                            \
    ::tkg::Status _s = (expr);    \
    if (!_s.ok()) return _s;      \
  } while (0)

Status FromRocks(const rdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::OK();
  if (s.IsCorruption()) return Status::Corruption(what + ": " + s.ToString());
  if (s.IsNotFound()) return Status::NotFound(what + ": " + s.ToString());
  if (s.IsBusy() || s.IsTimedOut() || s.IsTryAgain())
    return Status::Busy(what + ": " + s.ToString());
  return Status::IOError(what + ": " + s.ToString());
}

bool LooksLikeLockError(const rdb::Status& s) {
  std::string m = s.ToString();
  std::transform(m.begin(), m.end(), m.begin(), [](unsigned char c) { return std::tolower(c); });
  return m.find("lock") != std::string::npos;
}

bool HasNul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

// Deltas of the meta counters produced by one write.
struct Counts {
  int64_t articles = 0, actors = 0, statements = 0, events = 0, topics = 0, edges = 0;
  int64_t superseded = 0;
};

int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Lower-case ASCII words of a text.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      cur.push_back(static_cast<char>(std::tolower(c)));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool ContainsAllWords(std::string_view text, const std::vector<std::string>& words) {
  if (words.empty()) return true;
  std::vector<std::string> have = Words(text);
  std::unordered_set<std::string> set(have.begin(), have.end());
  for (const auto& w : words) {
    if (!set.count(w)) return false;
  }
  return true;
}

// The folded names under which an actor is found: canonical name and aliases.
std::set<std::string> NamesOf(const Actor& a) {
  std::set<std::string> out;
  std::string n = FoldName(a.name);
  if (!n.empty()) out.insert(n);
  for (const auto& al : a.aliases) {
    std::string f = FoldName(al);
    if (!f.empty()) out.insert(f);
  }
  return out;
}

// Unions `add` into `into` (aliases and roles), keeping first-seen order.
void UnionActor(Actor* into, const Actor& add) {
  if (into->id.empty()) {
    into->id = add.id;
    into->name = add.name;
    into->type = add.type;
  }
  std::set<std::string> seen;
  seen.insert(FoldName(into->name));
  for (const auto& al : into->aliases) seen.insert(FoldName(al));
  for (const auto& al : add.aliases) {
    if (seen.insert(FoldName(al)).second) into->aliases.push_back(al);
  }
  if (FoldName(add.name) != FoldName(into->name) && seen.insert(FoldName(add.name)).second) {
    into->aliases.push_back(add.name);
  }
  auto role_key = [](const Role& r) { return FoldName(r.title) + '\0' + FoldName(r.of); };
  std::set<std::string> roles;
  for (const auto& r : into->roles) roles.insert(role_key(r));
  for (const auto& r : add.roles) {
    if (roles.insert(role_key(r)).second) into->roles.push_back(r);
  }
}

// The index entries of one statement: under the main statement indexes with the statement id
// as row id, or (a superseded statement) under their history twins with a HistoryRowId.
void StatementIndex(const Statement& s, const std::string& outlet_id, bool history,
                    const std::string& row_id, std::map<std::string, std::string>* index) {
  auto base = [&](char tag, std::string_view field = {}) {
    return keys::DateBase(history ? keys::HistoryIndex(tag) : tag, field);
  };
  std::string v = keys::DateEntryValue(s.date);
  (*index)[keys::DateEntry(base(keys::kIdxStmtDate), s.date, row_id)] = v;
  for (const auto& t : s.topics) {
    std::string tid = TopicId(t);
    if (tid.empty()) continue;
    (*index)[keys::DateEntry(base(keys::kIdxStmtTopic, tid), s.date, row_id)] = v;
  }
  if (!s.speaker_id.empty()) {
    (*index)[keys::DateEntry(base(keys::kIdxStmtSpeaker, s.speaker_id), s.date, row_id)] = v;
  }
  if (!outlet_id.empty()) {
    (*index)[keys::DateEntry(base(keys::kIdxStmtOutlet, outlet_id), s.date, row_id)] = v;
  }
}

// Edges and index entries derived from one article graph, keyed for deduplication.
struct Derived {
  std::map<std::string, Edge> edges;         // by outgoing key
  std::map<std::string, std::string> index;  // key -> value
};

Derived Derive(const ArticleGraph& g) {
  Derived d;
  const std::string& aid = g.article.id;
  auto add = [&](std::string from, EdgeType type, std::string to, Span ev, std::string data = {}) {
    if (from.empty() || to.empty()) return;
    Edge e{std::move(from), type, std::move(to), std::move(data), aid, ev};
    std::string k = keys::EdgeKey(e, true);
    d.edges.emplace(std::move(k), std::move(e));
  };
  std::string outlet_id = g.article.outlet.empty() ? std::string() : OutletId(g.article.outlet);
  add(aid, EdgeType::kPublishedBy, outlet_id, g.article.headline_span);
  std::map<std::string, std::string> by_name;  // folded name or alias -> actor id
  for (const Actor& a : g.actors) {
    for (const auto& n : NamesOf(a)) by_name.emplace(n, a.id);
  }
  for (const Actor& a : g.actors) {
    add(aid, EdgeType::kMentions, a.id, a.mentions.empty() ? Span{} : a.mentions.front());
    for (const Role& r : a.roles) {
      if (r.of.empty()) continue;
      auto it = by_name.find(FoldName(r.of));
      if (it == by_name.end() || it->second == a.id) continue;
      add(a.id, EdgeType::kHoldsRole, it->second, r.evidence, r.title);
    }
  }
  for (const Statement& s : g.statements) {
    add(s.id, EdgeType::kInArticle, aid, s.sentence_span);
    add(s.id, EdgeType::kSaidBy, s.speaker_id, s.source_span);
    for (const auto& t : s.topics) add(s.id, EdgeType::kAbout, TopicId(t), s.text_span);
    for (const auto& r : s.reported_by_ids) add(s.id, EdgeType::kReportedBy, r, s.sentence_span);
    StatementIndex(s, outlet_id, false, s.id, &d.index);
  }
  for (const Event& e : g.events) {
    add(e.id, EdgeType::kInArticle, aid, e.span);
    for (const auto& p : e.participant_ids) add(e.id, EdgeType::kParticipant, p, e.span);
    std::string v = keys::DateEntryValue(e.date);
    d.index[keys::DateEntry(keys::DateBase(keys::kIdxEventDate), e.date, e.id)] = v;
    for (const auto& p : e.participant_ids) {
      if (p.empty()) continue;
      d.index[keys::DateEntry(keys::DateBase(keys::kIdxEventActor, p), e.date, e.id)] = v;
    }
  }
  return d;
}

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
  Status LoadVersions(const std::string& id, const rdb::Snapshot* snap,
                      std::vector<codec::VersionRecord>* out);
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

  Status LoadArticleGraph(const std::string& id, const rdb::Snapshot* snap, ArticleGraph* out,
                          bool* found);
  Status UpdateActor(const std::string& actor_id, const ArticleActor* contribution, bool rebuild,
                     const std::string& article_id, rdb::WriteBatch* b, Counts* d);
  Status ApplyCounts(const Counts& d, rdb::WriteBatch* b);
  Status ResolveActorIds(const std::string& q, const rdb::Snapshot* snap,
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

void RocksStore::Close() {
  if (db_) {
    for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
    handles_.clear();
    db_->Close().PermitUncheckedError();
    db_.reset();
  }
  if (!secondary_path_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(secondary_path_, ec);  // best effort: it holds only logs
    secondary_path_.clear();
  }
}

Status RocksStore::CatchUpNow(int64_t max_age_ms) {
  std::lock_guard<std::mutex> gate(catch_gate_);
  std::unique_lock<std::shared_mutex> lock(catch_mu_);
  if (max_age_ms > 0 && SteadyMs() - last_catch_up_ms_.load() < max_age_ms) return Status::OK();
  TKG_RETURN_IF_ERROR(
      FromRocks(db_->TryCatchUpWithPrimary(), dir_ + ": cannot catch up with the writer"));
  last_catch_up_ms_ = SteadyMs();
  return Status::OK();
}

Status RocksStore::CatchUp() {
  if (mode_ != Mode::kSecondary) return Status::OK();
  return CatchUpNow(0);
}

Status RocksStore::Init(const StoreOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  bool exists = fs::exists(dir_, ec);
  if (exists && !fs::is_directory(dir_, ec)) {
    return Status::InvalidArgument(dir_ + ": not a directory, so not a tkg store");
  }
  bool has_db = exists && fs::exists(fs::path(dir_) / "CURRENT", ec);
  bool creating = false;
  if (!has_db) {
    if (exists && !fs::is_empty(dir_, ec)) {
      return Status::InvalidArgument(dir_ +
                                     ": not a tkg store (the directory holds other files and no "
                                     "database); give an empty or new directory");
    }
    if (!options.create_if_missing || mode_ != Mode::kWriter) {
      return Status::NotFound(dir_ + ": no tkg store in this directory");
    }
    creating = true;
    fs::create_directories(dir_, ec);  // RocksDB creates only the last component
    if (ec) return Status::IOError(dir_ + ": cannot create the store directory: " + ec.message());
  }

  rdb::Options opts;
  opts.create_if_missing = creating;
  opts.create_missing_column_families = mode_ == Mode::kWriter;
  opts.IncreaseParallelism(2);
  opts.max_open_files = 512;
  if (mode_ == Mode::kSecondary) {
    opts.max_open_files = -1;  // RocksDB requires it of a secondary
    // A long-running server catches up every second: keep its info log small.
    opts.info_log_level = rdb::InfoLogLevel::WARN_LEVEL;
    opts.max_log_file_size = 1 << 20;
    opts.keep_log_file_num = 2;
  }
  rdb::BlockBasedTableOptions table;
  table.block_cache = rdb::NewLRUCache(std::max<size_t>(options.block_cache_mb, 1) << 20);
  table.filter_policy.reset(rdb::NewBloomFilterPolicy(10));
  rdb::ColumnFamilyOptions cf_opts(opts);
  cf_opts.table_factory.reset(rdb::NewBlockBasedTableFactory(table));
  cf_opts.compression = rdb::kNoCompression;
  const std::vector<rdb::CompressionType> supported = rdb::GetSupportedCompressions();
  for (auto c : {rdb::kLZ4Compression, rdb::kSnappyCompression, rdb::kZSTD}) {
    if (std::find(supported.begin(), supported.end(), c) != supported.end()) {
      cf_opts.compression = c;
      break;
    }
  }

  std::vector<std::string> names = {rdb::kDefaultColumnFamilyName,
                                    keys::kCfMeta,
                                    keys::kCfNodes,
                                    keys::kCfEdges,
                                    keys::kCfIndex,
                                    keys::kCfText};
  if (!creating) {
    std::vector<std::string> existing;
    rdb::Status s = rdb::DB::ListColumnFamilies(opts, dir_, &existing);
    if (!s.ok()) {
      return Status::InvalidArgument(dir_ + ": not a readable tkg store: " + s.ToString());
    }
    if (std::find(existing.begin(), existing.end(), keys::kCfMeta) == existing.end()) {
      return Status::InvalidArgument(dir_ +
                                     ": a RocksDB database but not a tkg store (no 'meta' column "
                                     "family)");
    }
    for (const auto& n : existing) {
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    }
    if (mode_ != Mode::kWriter) {
      for (const char* n : {keys::kCfNodes, keys::kCfEdges, keys::kCfIndex, keys::kCfText}) {
        if (std::find(existing.begin(), existing.end(), n) == existing.end()) {
          return Status::Corruption(dir_ + ": tkg store lacks the '" + std::string(n) +
                                    "' column family");
        }
      }
    }
  }
  std::vector<rdb::ColumnFamilyDescriptor> descs;
  for (const auto& n : names) descs.emplace_back(n, cf_opts);
  TKG_RETURN_IF_ERROR(OpenDb(options, opts, descs));
  meta_ = handles_[1];
  nodes_ = handles_[2];
  edges_ = handles_[3];
  index_ = handles_[4];
  text_ = handles_[5];
  if (creating) return WriteMeta();
  return CheckMeta();
}

Status RocksStore::OpenDb(const StoreOptions& options, const rdb::Options& opts,
                          const std::vector<rdb::ColumnFamilyDescriptor>& descs) {
  rdb::DB* raw = nullptr;
  if (mode_ == Mode::kReadOnly) {
    TKG_RETURN_IF_ERROR(FromRocks(rdb::DB::OpenForReadOnly(opts, dir_, descs, &handles_, &raw),
                                  dir_ + ": cannot open the store"));
    db_.reset(raw);
    return Status::OK();
  }
  if (mode_ == Mode::kSecondary) {
    // The secondary's own files (info log, options) go to a private directory, so that the
    // store directory may be read-only for the server and leftovers never sit in it.
    std::error_code ec;
    std::filesystem::path tmp = std::filesystem::temp_directory_path(ec);
    if (ec) tmp = "/tmp";
    std::string templ = (tmp / "tkg-secondary-XXXXXX").string();
    if (mkdtemp(templ.data()) == nullptr) {
      return Status::IOError(dir_ +
                             ": cannot create a directory for the secondary instance under " +
                             tmp.string() + ": " + std::strerror(errno));
    }
    secondary_path_ = templ;
    TKG_RETURN_IF_ERROR(
        FromRocks(rdb::DB::OpenAsSecondary(opts, dir_, secondary_path_, descs, &handles_, &raw),
                  dir_ + ": cannot open the store as a secondary"));
    db_.reset(raw);
    last_catch_up_ms_ = SteadyMs();  // opening reads the writer's state up to now
    return Status::OK();
  }
  // The writer: RocksDB's LOCK file admits one writer; wait for it up to lock_wait_ms.
  const int64_t start = SteadyMs();
  const int64_t deadline = start + std::max(0, options.lock_wait_ms);
  for (;;) {
    handles_.clear();
    rdb::Status s = rdb::DB::Open(opts, dir_, descs, &handles_, &raw);
    if (s.ok()) break;
    if (!(s.IsIOError() && LooksLikeLockError(s))) {
      return FromRocks(s, dir_ + ": cannot open the store");
    }
    int64_t now = SteadyMs();
    if (now >= deadline) {
      std::string waited =
          options.lock_wait_ms > 0 ? " after waiting " + std::to_string(now - start) + " ms" : "";
      return Status::Busy(dir_ +
                          ": the store is in use by another process or handle (RocksDB LOCK "
                          "is held)" +
                          waited +
                          "; close it first, wait longer (lock_wait_ms), or open it read-only "
                          "or as a secondary (" +
                          s.ToString() + ")");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min<int64_t>(50, deadline - now)));
  }
  db_.reset(raw);
  return Status::OK();
}

Status RocksStore::WriteMeta() {
  rdb::WriteBatch b;
  b.Put(meta_, std::string(keys::kMetaMagic), "tkg");
  b.Put(meta_, std::string(keys::kMetaSchemaVersion), std::to_string(kSchemaVersion));
  rdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(db_->Write(wo, &b), dir_ + ": cannot write the store's schema version");
}

Status RocksStore::CheckMeta() {
  std::string magic, version;
  bool found = false;
  TKG_RETURN_IF_ERROR(Get(meta_, std::string(keys::kMetaMagic), &magic, &found));
  if (!found || magic != "tkg") {
    return Status::InvalidArgument(dir_ + ": a RocksDB database but not a tkg store (no '" +
                                   std::string(keys::kMetaMagic) + "' marker)");
  }
  TKG_RETURN_IF_ERROR(Get(meta_, std::string(keys::kMetaSchemaVersion), &version, &found));
  if (!found) version = "(none)";
  if (version != std::to_string(kSchemaVersion)) {
    return Status::VersionMismatch(dir_ + ": the store has schema version " + version +
                                   ", this tkg expects version " + std::to_string(kSchemaVersion));
  }
  return Status::OK();
}

Status RocksStore::Get(rdb::ColumnFamilyHandle* cf, const std::string& key, std::string* value,
                       bool* found, const rdb::Snapshot* snap) {
  rdb::ReadOptions ro;
  ro.snapshot = snap;
  rdb::Status s = db_->Get(ro, cf, key, value);
  if (s.IsNotFound()) {
    *found = false;
    return Status::OK();
  }
  *found = s.ok();
  return FromRocks(s, dir_ + ": read of key '" + Printable(key) + "'");
}

Status RocksStore::ApplyCounts(const Counts& d, rdb::WriteBatch* b) {
  const std::pair<const char*, int64_t> deltas[] = {
      {"articles", d.articles},    {"actors", d.actors}, {"statements", d.statements},
      {"events", d.events},        {"topics", d.topics}, {"edges", d.edges},
      {"superseded", d.superseded}};
  for (const auto& [name, delta] : deltas) {
    if (delta == 0) continue;
    std::string key = keys::MetaCounter(name), v;
    bool found = false;
    TKG_RETURN_IF_ERROR(Get(meta_, key, &v, &found));
    int64_t cur = found ? static_cast<int64_t>(keys::DecodeU64(v)) : 0;
    cur = std::max<int64_t>(0, cur + delta);
    b->Put(meta_, key, keys::EncodeU64(static_cast<uint64_t>(cur)));
  }
  return Status::OK();
}

Status RocksStore::LoadArticleGraph(const std::string& id, const rdb::Snapshot* snap,
                                    ArticleGraph* out, bool* found) {
  *out = ArticleGraph();
  TKG_RETURN_IF_ERROR(
      GetRecord(nodes_, keys::Node(keys::kArticle, id), &out->article, found, snap));
  if (!*found) return Status::OK();
  bool f = false;
  TKG_RETURN_IF_ERROR(Get(text_, keys::TextKey(id), &out->article.text, &f, snap));
  Manifest m;
  TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kManifest, id), &m, &f, snap));
  if (!f) return Status::Corruption(dir_ + ": article " + id + " has no manifest");
  for (const auto& aid : m.actor_ids) {
    ArticleActor aa;
    TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::ArticleActorNode(id, aid), &aa, &f, snap));
    if (!f) return Status::Corruption(dir_ + ": article " + id + " lost actor " + aid);
    out->actors.push_back(std::move(aa.actor));
  }
  for (const auto& sid : m.statement_ids) {
    Statement s;
    TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kStatement, sid), &s, &f, snap));
    if (!f) return Status::Corruption(dir_ + ": article " + id + " lost statement " + sid);
    out->statements.push_back(std::move(s));
  }
  for (const auto& eid : m.event_ids) {
    Event e;
    TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kEvent, eid), &e, &f, snap));
    if (!f) return Status::Corruption(dir_ + ": article " + id + " lost event " + eid);
    out->events.push_back(std::move(e));
  }
  out->times = std::move(m.times);
  return Status::OK();
}

Status RocksStore::UpdateActor(const std::string& actor_id, const ArticleActor* contribution,
                               bool rebuild, const std::string& article_id, rdb::WriteBatch* b,
                               Counts* d) {
  std::string key = keys::Node(keys::kActor, actor_id);
  ActorView before;
  bool had = false;
  TKG_RETURN_IF_ERROR(GetRecord(nodes_, key, &before, &had));
  ActorView after;
  bool has = false;
  auto merge = [&](const ArticleActor& aa) {
    UnionActor(&after.actor, aa.actor);
    after.actor.mentions.clear();
    after.article_count += 1;
    after.statement_count += aa.statement_count;
    has = true;
  };
  if (rebuild) {
    // Recompute from every other article that mentions the actor, then this one's new version.
    std::vector<std::string> articles;
    std::string prefix = keys::EdgePrefix(actor_id, EdgeType::kMentions, false);
    Status st = Scan(edges_, prefix, keys::Successor(prefix), nullptr,
                     [&](std::string_view k, std::string_view) {
                       Edge e;
                       if (keys::ParseEdgeKey(k, &e) && e.from != article_id &&
                           (articles.empty() || articles.back() != e.from)) {
                         articles.push_back(e.from);
                       }
                       return true;
                     });
    TKG_RETURN_IF_ERROR(st);
    for (const auto& a : articles) {
      ArticleActor aa;
      bool f = false;
      TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::ArticleActorNode(a, actor_id), &aa, &f));
      if (f) merge(aa);
    }
  } else if (had) {
    after = before;
    has = true;
  }
  if (contribution) merge(*contribution);

  std::set<std::string> old_names = had ? NamesOf(before.actor) : std::set<std::string>();
  std::set<std::string> new_names = has ? NamesOf(after.actor) : std::set<std::string>();
  for (const auto& n : old_names) {
    if (!new_names.count(n)) b->Delete(index_, keys::NameKey(n, actor_id));
  }
  for (const auto& n : new_names) {
    if (!old_names.count(n)) b->Put(index_, keys::NameKey(n, actor_id), rdb::Slice());
  }
  if (!has) {
    if (had) {
      b->Delete(nodes_, key);
      d->actors -= 1;
    }
    return Status::OK();
  }
  if (!had) d->actors += 1;
  b->Put(nodes_, key, codec::Encode(after));
  return Status::OK();
}

Status RocksStore::PutArticle(const ArticleGraph& in, PutOutcome* outcome) {
  TKG_RETURN_IF_ERROR(WritableCheck());
  const std::string& id = in.article.id;
  if (id.empty() || HasNul(id) || id.find('@') != std::string::npos) {
    return Status::InvalidArgument("article '" + in.article.source + "': the article id '" + id +
                                   "' is empty or holds a zero byte or '@'");
  }
  // Ids end key fields at a zero byte (KEYS.md), so none may contain one.
  for (const Actor& a : in.actors) {
    if (HasNul(a.id)) return Status::InvalidArgument("article " + id + ": bad actor id");
  }
  for (const Statement& s : in.statements) {
    bool bad = HasNul(s.id) || HasNul(s.speaker_id);
    for (const auto& r : s.reported_by_ids) bad = bad || HasNul(r);
    if (bad) return Status::InvalidArgument("article " + id + ": bad id in statement " + s.id);
  }
  for (const Event& e : in.events) {
    bool bad = HasNul(e.id);
    for (const auto& p : e.participant_ids) bad = bad || HasNul(p);
    if (bad) return Status::InvalidArgument("article " + id + ": bad id in event " + e.id);
  }
  // Normalise a copy: fill back-references and the content hash, drop duplicate records.
  ArticleGraph g;
  g.article = in.article;
  if (g.article.content_hash.empty()) g.article.content_hash = Hex16(Hash64(g.article.text));
  g.times = in.times;
  {
    std::map<std::string, size_t> pos;
    for (const Actor& a : in.actors) {
      if (a.id.empty()) {
        return Status::InvalidArgument("article " + id + ": actor '" + a.name + "' has no id");
      }
      auto [it, fresh] = pos.emplace(a.id, g.actors.size());
      if (fresh) {
        g.actors.push_back(a);
      } else {
        Actor& into = g.actors[it->second];
        UnionActor(&into, a);
        into.mentions.insert(into.mentions.end(), a.mentions.begin(), a.mentions.end());
      }
    }
    std::set<std::string> seen;
    for (const Statement& s : in.statements) {
      if (s.id.empty()) {
        return Status::InvalidArgument("article " + id + ": a statement has no id ('" + s.text +
                                       "')");
      }
      if (!s.article_id.empty() && s.article_id != id) {
        return Status::InvalidArgument("article " + id + ": statement " + s.id +
                                       " names another article (" + s.article_id + ")");
      }
      if (!seen.insert(s.id).second) continue;
      g.statements.push_back(s);
      g.statements.back().article_id = id;
    }
    seen.clear();
    for (const Event& e : in.events) {
      if (e.id.empty()) return Status::InvalidArgument("article " + id + ": an event has no id");
      if (!e.article_id.empty() && e.article_id != id) {
        return Status::InvalidArgument("article " + id + ": event " + e.id +
                                       " names another article (" + e.article_id + ")");
      }
      if (!seen.insert(e.id).second) continue;
      g.events.push_back(e);
      g.events.back().article_id = id;
    }
  }

  std::lock_guard<std::mutex> lock(write_mu_);
  Article stored;
  bool found = false;
  TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kArticle, id), &stored, &found));
  ArticleGraph old;
  bool updating = false;
  if (found) {
    if (stored.content_hash == g.article.content_hash) {
      *outcome = PutOutcome::kUnchanged;
      return Status::OK();
    }
    bool f = false;
    TKG_RETURN_IF_ERROR(LoadArticleGraph(id, nullptr, &old, &f));
    updating = true;
  }

  rdb::WriteBatch b;
  Counts d;
  uint32_t version = 1;
  if (updating) {
    // The old version becomes history: its statements move out of the main indexes into the
    // history indexes and records (keyed by article id and version), with its text and article
    // record, so that they stay queryable (include_superseded) and their evidence readable.
    std::vector<codec::VersionRecord> versions;
    TKG_RETURN_IF_ERROR(LoadVersions(id, nullptr, &versions));
    codec::VersionRecord ov;
    if (!versions.empty()) {
      ov = versions.back();
    } else {  // stored before versions were recorded: it was the first
      ov.version = 1;
      ov.article = old.article;
      ov.statement_count = static_cast<uint32_t>(old.statements.size());
    }
    ov.article.text.clear();
    ov.superseded = true;
    version = ov.version + 1;
    b.Put(nodes_, keys::VersionKey(id, ov.version), codec::Encode(ov));
    b.Put(text_, keys::VersionTextKey(id, ov.version), old.article.text);
    std::string old_outlet =
        old.article.outlet.empty() ? std::string() : OutletId(old.article.outlet);
    std::map<std::string, std::string> history;
    for (const auto& s : old.statements) {
      b.Put(nodes_, keys::HistoryStatementKey(id, ov.version, s.id), codec::Encode(s));
      StatementIndex(s, old_outlet, true, keys::HistoryRowId(s.id, id, ov.version), &history);
    }
    for (const auto& [k, v] : history) b.Put(index_, k, v);
    d.superseded += static_cast<int64_t>(old.statements.size());

    Derived od = Derive(old);
    for (const auto& [k, e] : od.edges) {
      b.Delete(edges_, k);
      b.Delete(edges_, keys::EdgeKey(e, false));
    }
    d.edges -= static_cast<int64_t>(od.edges.size());
    for (const auto& [k, v] : od.index) b.Delete(index_, k);
    for (const auto& s : old.statements) b.Delete(nodes_, keys::Node(keys::kStatement, s.id));
    for (const auto& e : old.events) b.Delete(nodes_, keys::Node(keys::kEvent, e.id));
    for (const auto& a : old.actors) b.Delete(nodes_, keys::ArticleActorNode(id, a.id));
    d.statements -= static_cast<int64_t>(old.statements.size());
    d.events -= static_cast<int64_t>(old.events.size());
  } else {
    d.articles += 1;
  }

  b.Put(nodes_, keys::Node(keys::kArticle, id), codec::Encode(g.article));
  b.Put(text_, keys::TextKey(id), g.article.text);
  {
    codec::VersionRecord nv;
    nv.version = version;
    nv.article = g.article;
    nv.article.text.clear();
    nv.statement_count = static_cast<uint32_t>(g.statements.size());
    b.Put(nodes_, keys::VersionKey(id, version), codec::Encode(nv));
  }
  if (!g.article.outlet.empty()) {
    std::string okey = keys::Node(keys::kOutlet, OutletId(g.article.outlet)), v;
    bool f = false;
    TKG_RETURN_IF_ERROR(Get(nodes_, okey, &v, &f));
    if (!f) b.Put(nodes_, okey, codec::EncodeOutlet(g.article.outlet));
  }

  // Actors: this article's view of each, and the merged view across articles.
  std::unordered_map<std::string, uint32_t> said;
  for (const auto& s : g.statements) {
    if (!s.speaker_id.empty()) said[s.speaker_id] += 1;
  }
  std::map<std::string, ArticleActor> contributions;
  Manifest m;
  for (const Actor& a : g.actors) {
    ArticleActor aa{a, said.count(a.id) ? said[a.id] : 0};
    b.Put(nodes_, keys::ArticleActorNode(id, a.id), codec::Encode(aa));
    m.actor_ids.push_back(a.id);
    contributions.emplace(a.id, std::move(aa));
  }
  std::set<std::string> touched;
  for (const auto& [aid, aa] : contributions) touched.insert(aid);
  for (const auto& a : old.actors) touched.insert(a.id);
  for (const auto& aid : touched) {
    auto it = contributions.find(aid);
    TKG_RETURN_IF_ERROR(
        UpdateActor(aid, it == contributions.end() ? nullptr : &it->second, updating, id, &b, &d));
  }

  std::set<std::string> new_topics;
  for (const auto& s : g.statements) {
    b.Put(nodes_, keys::Node(keys::kStatement, s.id), codec::Encode(s));
    m.statement_ids.push_back(s.id);
    for (const auto& t : s.topics) {
      std::string tid = TopicId(t);
      if (tid.empty() || new_topics.count(tid)) continue;
      std::string tkey = keys::Node(keys::kTopic, tid), v;
      bool f = false;
      TKG_RETURN_IF_ERROR(Get(nodes_, tkey, &v, &f));
      if (f) continue;
      new_topics.insert(tid);
      Topic topic;
      topic.id = tid;
      topic.name = t;
      b.Put(nodes_, tkey, codec::Encode(topic));
      d.topics += 1;
    }
  }
  d.statements += static_cast<int64_t>(g.statements.size());
  for (const auto& e : g.events) {
    b.Put(nodes_, keys::Node(keys::kEvent, e.id), codec::Encode(e));
    m.event_ids.push_back(e.id);
  }
  d.events += static_cast<int64_t>(g.events.size());

  Derived nd = Derive(g);
  for (const auto& [k, e] : nd.edges) {
    std::string v = keys::EncodeSpan(e.evidence);
    b.Put(edges_, k, v);
    b.Put(edges_, keys::EdgeKey(e, false), v);
  }
  d.edges += static_cast<int64_t>(nd.edges.size());
  for (const auto& [k, v] : nd.index) b.Put(index_, k, v);

  m.times = g.times;
  b.Put(nodes_, keys::Node(keys::kManifest, id), codec::Encode(m));
  TKG_RETURN_IF_ERROR(ApplyCounts(d, &b));
  TKG_RETURN_IF_ERROR(
      FromRocks(db_->Write(rdb::WriteOptions(), &b), dir_ + ": cannot write article " + id));
  *outcome = updating ? PutOutcome::kUpdated : PutOutcome::kInserted;
  return Status::OK();
}

Status RocksStore::PutTopics(const std::vector<Topic>& topics) {
  TKG_RETURN_IF_ERROR(WritableCheck());
  std::lock_guard<std::mutex> lock(write_mu_);
  rdb::WriteBatch b;
  Counts d;
  std::set<std::string> written;
  for (Topic t : topics) {
    if (t.id.empty()) t.id = TopicId(t.name);
    if (t.id.empty() || HasNul(t.id)) {
      return Status::InvalidArgument("topic '" + t.name + "': the name gives no usable id");
    }
    if (!written.insert(t.id).second) continue;  // the first of duplicates wins
    std::string key = keys::Node(keys::kTopic, t.id), v;
    bool f = false;
    TKG_RETURN_IF_ERROR(Get(nodes_, key, &v, &f));
    std::string enc = codec::Encode(t);
    if (!f) d.topics += 1;
    if (!f || v != enc) b.Put(nodes_, key, enc);
    // The one taxonomy edge of this topic (article id empty): replace a stale parent.
    std::string parent = t.parent.empty() ? std::string() : TopicId(t.parent);
    std::vector<Edge> current;
    TKG_RETURN_IF_ERROR(NeighborsAt(t.id, EdgeType::kSubtopicOf, true, nullptr, &current));
    bool present = false;
    for (const Edge& e : current) {
      if (!e.article_id.empty()) continue;
      if (e.to == parent && !present) {
        present = true;
        continue;
      }
      b.Delete(edges_, keys::EdgeKey(e, true));
      b.Delete(edges_, keys::EdgeKey(e, false));
      d.edges -= 1;
    }
    if (!parent.empty() && !present && parent != t.id) {
      Edge e{t.id, EdgeType::kSubtopicOf, parent, {}, {}, {}};
      b.Put(edges_, keys::EdgeKey(e, true), keys::EncodeSpan({}));
      b.Put(edges_, keys::EdgeKey(e, false), keys::EncodeSpan({}));
      d.edges += 1;
    }
  }
  if (b.Count() == 0) return Status::OK();
  TKG_RETURN_IF_ERROR(ApplyCounts(d, &b));
  return FromRocks(db_->Write(rdb::WriteOptions(), &b), dir_ + ": cannot write topics");
}

Status RocksStore::GetArticle(const std::string& id_arg, Article* out) {
  const std::string id = id_arg;  // the caller may pass out->id
  ReadView snap(this);
  bool f = false;
  TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kArticle, id), out, &f, snap.get()));
  if (!f) return Status::NotFound("article " + id + " is not in the store " + dir_);
  return Get(text_, keys::TextKey(id), &out->text, &f, snap.get());
}

Status RocksStore::GetArticleGraph(const std::string& id_arg, ArticleGraph* out) {
  const std::string id = id_arg;  // the caller may pass out->article.id
  ReadView snap(this);
  bool f = false;
  TKG_RETURN_IF_ERROR(LoadArticleGraph(id, snap.get(), out, &f));
  if (!f) return Status::NotFound("article " + id + " is not in the store " + dir_);
  return Status::OK();
}

Status RocksStore::GetActor(const std::string& id_arg, ActorView* out) {
  const std::string id = id_arg;  // the caller may pass out->actor.id
  ReadView snap(this);
  bool f = false;
  TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kActor, id), out, &f, snap.get()));
  if (!f) return Status::NotFound("actor " + id + " is not in the store " + dir_);
  return Status::OK();
}

Status RocksStore::ResolveActorIds(const std::string& q, const rdb::Snapshot* snap,
                                   std::vector<std::string>* ids) {
  ids->clear();
  if (q.empty()) return Status::OK();
  std::string v;
  bool f = false;
  TKG_RETURN_IF_ERROR(Get(nodes_, keys::Node(keys::kActor, q), &v, &f, snap));
  if (!f) {
    // An id that only statements or events name (a speaker missing from the article's actors).
    for (char idx : {keys::kIdxStmtSpeaker, keys::kIdxEventActor, keys::kIdxHistSpeaker}) {
      std::string base = keys::DateBase(idx, q);
      TKG_RETURN_IF_ERROR(
          Scan(index_, base, keys::Successor(base), snap, [&](std::string_view, std::string_view) {
            f = true;
            return false;
          }));
      if (f) break;
    }
  }
  if (f) {
    ids->push_back(q);
    return Status::OK();
  }
  std::string folded = FoldName(q);
  // Exact name or alias; failing that, drop leading words ("President Xi" -> "Xi") one by one.
  while (!folded.empty()) {
    std::string prefix = keys::NamePrefix(folded);
    prefix.push_back('\0');
    TKG_RETURN_IF_ERROR(Scan(index_, prefix, keys::Successor(prefix), snap,
                             [&](std::string_view k, std::string_view) {
                               ids->emplace_back(keys::NameKeyActor(k));
                               return true;
                             }));
    if (!ids->empty()) break;
    size_t sp = folded.find(' ');
    if (sp == std::string::npos) break;
    folded.erase(0, sp + 1);
  }
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  return Status::OK();
}

Status RocksStore::ResolveActor(const std::string& q, std::vector<std::string>* ids) {
  ReadView snap(this);
  return ResolveActorIds(std::string(q), snap.get(), ids);  // a copy: q may live in *ids
}

Status RocksStore::FindActors(const std::string& query_arg, size_t limit,
                              std::vector<ActorView>* out) {
  const std::string query = query_arg;  // the caller may pass a name held in *out
  out->clear();
  if (limit == 0) return Status::OK();
  ReadView snap(this);
  std::string folded = FoldName(query);
  std::string lower = keys::NamePrefix(folded);
  std::map<std::string, bool> found;  // actor id -> exact match of a name or alias
  constexpr size_t kMaxNames = 5000;  // bounds the work of a very short prefix
  size_t seen = 0;
  TKG_RETURN_IF_ERROR(Scan(index_, lower, keys::Successor(lower), snap.get(),
                           [&](std::string_view k, std::string_view) {
                             bool exact = keys::NameKeyName(k) == folded;
                             auto [it, fresh] = found.emplace(keys::NameKeyActor(k), exact);
                             if (!fresh) it->second = it->second || exact;
                             return ++seen < kMaxNames;
                           }));
  struct Ranked {
    ActorView view;
    int rank;
  };
  std::vector<Ranked> ranked;
  for (const auto& [id, exact] : found) {
    ActorView v;
    bool f = false;
    TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kActor, id), &v, &f, snap.get()));
    if (!f) continue;
    int rank = FoldName(v.actor.name) == folded ? 0 : exact ? 1 : 2;
    ranked.push_back({std::move(v), rank});
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.view.statement_count != b.view.statement_count) {
      return a.view.statement_count > b.view.statement_count;
    }
    if (a.view.article_count != b.view.article_count) {
      return a.view.article_count > b.view.article_count;
    }
    return a.view.actor.name < b.view.actor.name;
  });
  for (auto& r : ranked) {
    if (out->size() >= limit) break;
    out->push_back(std::move(r.view));
  }
  return Status::OK();
}

Status RocksStore::NeighborsAt(const std::string& node_id, EdgeType type, bool outgoing,
                               const rdb::Snapshot* snap, std::vector<Edge>* out) {
  std::string prefix = keys::EdgePrefix(node_id, type, outgoing);
  bool bad = false;
  TKG_RETURN_IF_ERROR(Scan(edges_, prefix, keys::Successor(prefix), snap,
                           [&](std::string_view k, std::string_view v) {
                             Edge e;
                             if (!keys::ParseEdgeKey(k, &e) || !keys::DecodeSpan(v, &e.evidence)) {
                               bad = true;
                               return false;
                             }
                             out->push_back(std::move(e));
                             return true;
                           }));
  if (bad) return Status::Corruption(dir_ + ": malformed edge of node " + node_id);
  return Status::OK();
}

Status RocksStore::Neighbors(const std::string& node_id, EdgeType type, bool outgoing,
                             std::vector<Edge>* out) {
  const std::string node = node_id;  // the caller may pass a field of an edge in *out
  out->clear();
  ReadView snap(this);
  return NeighborsAt(node, type, outgoing, snap.get(), out);
}

Status RocksStore::TopicWithDescendants(const std::string& q, const rdb::Snapshot* snap,
                                        std::vector<std::string>* ids) {
  ids->clear();
  std::string v;
  bool f = false;
  TKG_RETURN_IF_ERROR(Get(nodes_, keys::Node(keys::kTopic, q), &v, &f, snap));
  std::string root = f ? q : TopicId(q);
  if (root.empty()) return Status::OK();
  std::set<std::string> seen{root};
  ids->push_back(root);
  constexpr size_t kMaxTopics = 64;  // a topic query stays a handful of scans
  for (size_t i = 0; i < ids->size() && ids->size() < kMaxTopics; ++i) {
    std::vector<Edge> children;
    TKG_RETURN_IF_ERROR(NeighborsAt((*ids)[i], EdgeType::kSubtopicOf, false, snap, &children));
    for (const Edge& e : children) {
      if (ids->size() < kMaxTopics && seen.insert(e.from).second) ids->push_back(e.from);
    }
  }
  return Status::OK();
}

Status RocksStore::QueryStatements(const StatementQuery& q, StatementPage* out) {
  out->statements.clear();
  out->next_cursor.clear();
  if (q.limit == 0 || q.limit > 1000) {
    return Status::InvalidArgument("statement query: limit " + std::to_string(q.limit) +
                                   " is outside 1..1000");
  }
  if (q.from && q.to && *q.from > *q.to) {
    return Status::InvalidArgument("statement query: from " + DayToIso(*q.from) + " is after to " +
                                   DayToIso(*q.to));
  }
  std::optional<keys::Cursor> cursor;
  if (!q.cursor.empty()) {
    keys::Cursor c;
    if (!keys::DecodeCursor(q.cursor, &c)) {
      return Status::InvalidArgument("statement query: malformed cursor '" + q.cursor + "'");
    }
    cursor = std::move(c);
  }
  ReadView holder(this);
  const rdb::Snapshot* snap = holder.get();

  std::vector<std::string> speakers, topics;
  std::string outlet;
  if (!q.speaker.empty()) {
    TKG_RETURN_IF_ERROR(ResolveActorIds(q.speaker, snap, &speakers));
    if (speakers.empty()) return Status::OK();
  }
  if (!q.topic.empty()) {
    TKG_RETURN_IF_ERROR(TopicWithDescendants(q.topic, snap, &topics));
    if (topics.empty()) return Status::OK();
  }
  if (!q.outlet.empty()) {
    std::string v;
    bool f = false;
    TKG_RETURN_IF_ERROR(Get(nodes_, keys::Node(keys::kOutlet, q.outlet), &v, &f, snap));
    outlet = f ? q.outlet : OutletId(q.outlet);
  }

  // The driving index: of the filters given (speaker, topic, outlet; the date index when a
  // range is given), the one with the fewest rows left in the range, counted by scanning each
  // candidate up to kProbe rows; ties go to speaker, then topic, then outlet. The other filters
  // are checked on each row.
  enum class Driver { kSpeaker, kTopic, kOutlet, kDate };
  std::vector<std::pair<Driver, std::vector<std::string>>> candidates;
  // With include_superseded each base is followed by its history twin (bases at odd
  // positions are history then); the scan merges them all into one order.
  const size_t per_base = q.include_superseded ? 2 : 1;
  auto bases_of = [&](char tag, const std::vector<std::string>& fields) {
    std::vector<std::string> b;
    for (const auto& f : fields) {
      b.push_back(keys::DateBase(tag, f));
      if (q.include_superseded) b.push_back(keys::DateBase(keys::HistoryIndex(tag), f));
    }
    return b;
  };
  if (!speakers.empty()) {
    candidates.emplace_back(Driver::kSpeaker, bases_of(keys::kIdxStmtSpeaker, speakers));
  }
  if (!topics.empty()) {
    candidates.emplace_back(Driver::kTopic, bases_of(keys::kIdxStmtTopic, topics));
  }
  if (!outlet.empty()) {
    candidates.emplace_back(Driver::kOutlet, bases_of(keys::kIdxStmtOutlet, {outlet}));
  }
  if (candidates.empty() || q.from || q.to) {
    candidates.emplace_back(Driver::kDate, bases_of(keys::kIdxStmtDate, {std::string()}));
  }
  size_t pick = 0;
  if (candidates.size() > 1) {
    constexpr size_t kProbe = 1000;
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < candidates.size(); ++i) {
      engine_internal::DateScan probe(db_.get(), index_, snap, candidates[i].second, q.from, q.to,
                                      cursor);
      engine_internal::ScanRow r;
      size_t n = 0;
      while (n < std::min(best, kProbe) && probe.Next(&r)) ++n;
      TKG_RETURN_IF_ERROR(probe.status());
      if (n < best) {
        best = n;
        pick = i;
      }
      if (n == 0) break;
    }
  }
  const Driver driver = candidates[pick].first;
  const std::vector<std::string>& bases = candidates[pick].second;
  std::set<std::string> speaker_set(speakers.begin(), speakers.end());
  std::set<std::string> topic_set(topics.begin(), topics.end());
  std::vector<std::string> words = Words(q.text);

  // Articles and texts by article id (current version) or by article id, \0, version
  // (superseded versions); with the version number of each.
  struct ArticleAt {
    Article article;
    uint32_t version = 1;
  };
  std::unordered_map<std::string, ArticleAt> articles;
  auto article_of = [&](const std::string& aid, uint32_t old_version,
                        const ArticleAt** a) -> Status {
    std::string key = old_version ? keys::VersionTextKey(aid, old_version) : aid;
    auto it = articles.find(key);
    if (it == articles.end()) {
      ArticleAt at;
      bool f = false;
      if (old_version) {
        codec::VersionRecord vr;
        TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::VersionKey(aid, old_version), &vr, &f, snap));
        if (!f) {
          return Status::Corruption(dir_ + ": superseded statement of a missing version " +
                                    std::to_string(old_version) + " of article " + aid);
        }
        at.article = std::move(vr.article);
        at.version = old_version;
      } else {
        TKG_RETURN_IF_ERROR(
            GetRecord(nodes_, keys::Node(keys::kArticle, aid), &at.article, &f, snap));
        if (!f) return Status::Corruption(dir_ + ": statement of a missing article " + aid);
        TKG_RETURN_IF_ERROR(CurrentVersion(aid, snap, &at.version));
      }
      it = articles.emplace(key, std::move(at)).first;
    }
    *a = &it->second;
    return Status::OK();
  };
  std::unordered_map<std::string, std::string> texts;

  engine_internal::DateScan scan(db_.get(), index_, snap, bases, q.from, q.to, cursor);
  engine_internal::ScanRow row;
  keys::Cursor last;
  while (scan.Next(&row)) {
    Statement s;
    bool f = false;
    uint32_t old_version = 0;  // a superseded statement: the version it belongs to
    if (row.base % per_base == 1) {
      std::string sid, aid;
      if (!keys::ParseHistoryRowId(row.id, &sid, &aid, &old_version)) {
        return Status::Corruption(dir_ + ": malformed history index row '" + row.id + "'");
      }
      TKG_RETURN_IF_ERROR(
          GetRecord(nodes_, keys::HistoryStatementKey(aid, old_version, sid), &s, &f, snap));
    } else {
      TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kStatement, row.id), &s, &f, snap));
    }
    if (!f) return Status::Corruption(dir_ + ": index names a missing statement " + row.id);
    if (driver != Driver::kSpeaker && !speaker_set.empty() && !speaker_set.count(s.speaker_id)) {
      continue;
    }
    if (driver != Driver::kTopic && !topic_set.empty()) {
      bool any = false;
      for (const auto& t : s.topics) any = any || topic_set.count(TopicId(t)) > 0;
      if (!any) continue;
    }
    if (s.confidence < q.min_confidence) continue;
    if (!ContainsAllWords(s.text, words)) continue;
    const ArticleAt* at = nullptr;
    TKG_RETURN_IF_ERROR(article_of(s.article_id, old_version, &at));
    const Article* art = &at->article;
    if (driver != Driver::kOutlet && !outlet.empty() &&
        (art->outlet.empty() || OutletId(art->outlet) != outlet)) {
      continue;
    }
    if (out->statements.size() == q.limit) {
      // One more row matches: there is a further page, which starts after the last row returned.
      out->next_cursor = keys::EncodeCursor(last);
      break;
    }
    std::string text_key =
        old_version ? keys::VersionTextKey(s.article_id, old_version) : keys::TextKey(s.article_id);
    auto tit = texts.find(text_key);
    if (tit == texts.end()) {
      std::string text;
      TKG_RETURN_IF_ERROR(Get(text_, text_key, &text, &f, snap));
      tit = texts.emplace(text_key, std::move(text)).first;
    }
    StatementView view;
    view.article_outlet = art->outlet;
    view.article_headline = art->headline;
    view.article_url = art->url;
    view.article_published = art->published;
    view.sentence = std::string(SpanText(tit->second, s.sentence_span));
    view.article_version = at->version;
    view.superseded = old_version != 0;
    view.statement = std::move(s);
    out->statements.push_back(std::move(view));
    last = keys::Cursor{row.undated, row.day, row.id};
  }
  return scan.status();
}

Status RocksStore::QueryEvents(const EventQuery& q, std::vector<Event>* out) {
  out->clear();
  if (q.limit == 0 || q.limit > 1000) {
    return Status::InvalidArgument("event query: limit " + std::to_string(q.limit) +
                                   " is outside 1..1000");
  }
  if (q.from && q.to && *q.from > *q.to) {
    return Status::InvalidArgument("event query: from " + DayToIso(*q.from) + " is after to " +
                                   DayToIso(*q.to));
  }
  ReadView holder(this);
  const rdb::Snapshot* snap = holder.get();
  std::vector<std::string> bases;
  if (!q.participant.empty()) {
    std::vector<std::string> ids;
    TKG_RETURN_IF_ERROR(ResolveActorIds(q.participant, snap, &ids));
    if (ids.empty()) return Status::OK();
    for (const auto& id : ids) bases.push_back(keys::DateBase(keys::kIdxEventActor, id));
  } else {
    bases.push_back(keys::DateBase(keys::kIdxEventDate));
  }
  std::string type = FoldName(q.type);
  engine_internal::DateScan scan(db_.get(), index_, snap, bases, q.from, q.to, std::nullopt);
  engine_internal::ScanRow row;
  while (out->size() < q.limit && scan.Next(&row)) {
    Event e;
    bool f = false;
    TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kEvent, row.id), &e, &f, snap));
    if (!f) return Status::Corruption(dir_ + ": index names a missing event " + row.id);
    if (!type.empty() && FoldName(e.type) != type) continue;
    out->push_back(std::move(e));
  }
  return scan.status();
}

Status RocksStore::ListTopics(std::vector<Topic>* out) {
  out->clear();
  ReadView snap(this);
  std::string prefix(1, keys::kTopic);
  bool bad = false;
  TKG_RETURN_IF_ERROR(Scan(nodes_, prefix, keys::Successor(prefix), snap.get(),
                           [&](std::string_view, std::string_view v) {
                             Topic t;
                             if (!codec::Decode(v, &t)) {
                               bad = true;
                               return false;
                             }
                             out->push_back(std::move(t));
                             return true;
                           }));
  if (bad) return Status::Corruption(dir_ + ": a topic record cannot be decoded");
  return Status::OK();
}

Status RocksStore::Stats(StoreStats* out) {
  ReadView snap(this);
  std::pair<const char*, uint64_t*> fields[] = {{"articles", &out->articles},
                                                {"actors", &out->actors},
                                                {"statements", &out->statements},
                                                {"events", &out->events},
                                                {"topics", &out->topics},
                                                {"edges", &out->edges},
                                                {"superseded", &out->superseded_statements}};
  for (auto& [name, field] : fields) {
    std::string v;
    bool f = false;
    TKG_RETURN_IF_ERROR(Get(meta_, keys::MetaCounter(name), &v, &f, snap.get()));
    *field = f ? keys::DecodeU64(v) : 0;
  }
  return Status::OK();
}

Status RocksStore::ListArticles(const std::string& after, size_t limit,
                                std::vector<std::string>* ids) {
  std::string lower = keys::Node(keys::kArticle, after);  // before clear(): `after` may alias
  if (!after.empty()) lower.push_back('\0');              // strictly after
  ids->clear();
  if (limit == 0) return Status::InvalidArgument("ListArticles: limit must be at least 1");
  std::string upper = keys::Successor(std::string(1, keys::kArticle));
  ReadView snap(this);
  return Scan(nodes_, lower, upper, snap.get(), [&](std::string_view k, std::string_view) {
    ids->emplace_back(k.substr(1));
    return ids->size() < limit;
  });
}

Status RocksStore::LoadVersions(const std::string& id, const rdb::Snapshot* snap,
                                std::vector<codec::VersionRecord>* out) {
  out->clear();
  std::string prefix = keys::VersionPrefix(id);
  bool bad = false;
  TKG_RETURN_IF_ERROR(Scan(nodes_, prefix, keys::Successor(prefix), snap,
                           [&](std::string_view k, std::string_view v) {
                             codec::VersionRecord r;
                             if (!codec::Decode(v, &r) || r.version != keys::VersionOfKey(k)) {
                               bad = true;
                               return false;
                             }
                             out->push_back(std::move(r));
                             return true;
                           }));
  if (bad) {
    return Status::Corruption(dir_ + ": a version record of article " + id + " is malformed");
  }
  return Status::OK();
}

Status RocksStore::CurrentVersion(const std::string& id, const rdb::Snapshot* snap,
                                  uint32_t* version) {
  // The last key under the article's version prefix: one backward seek.
  std::string prefix = keys::VersionPrefix(id);
  std::string upper = keys::Successor(prefix);
  rdb::ReadOptions ro;
  ro.snapshot = snap;
  rdb::Slice lb(prefix);
  ro.iterate_lower_bound = &lb;
  std::unique_ptr<rdb::Iterator> it(db_->NewIterator(ro, nodes_));
  it->SeekForPrev(upper);
  if (it->Valid() && it->key().ToStringView() == upper) it->Prev();
  *version = 1;
  if (it->Valid()) {
    uint32_t v = keys::VersionOfKey(it->key().ToStringView());
    if (v == 0) return Status::Corruption(dir_ + ": malformed version key of article " + id);
    *version = v;
  }
  return FromRocks(it->status(), dir_ + ": versions of article " + id);
}

Status RocksStore::ArticleVersions(const std::string& id_arg,
                                   std::vector<ArticleVersionInfo>* out) {
  const std::string id = id_arg;
  out->clear();
  ReadView snap(this);
  std::vector<codec::VersionRecord> versions;
  TKG_RETURN_IF_ERROR(LoadVersions(id, snap.get(), &versions));
  if (versions.empty()) {
    // Stored before versions were recorded: its one version is the current article.
    Article a;
    bool f = false;
    TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kArticle, id), &a, &f, snap.get()));
    if (!f) return Status::NotFound("article " + id + " is not in the store " + dir_);
    Manifest m;
    TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kManifest, id), &m, &f, snap.get()));
    codec::VersionRecord r;
    r.version = 1;
    r.article = std::move(a);
    r.statement_count = static_cast<uint32_t>(m.statement_ids.size());
    versions.push_back(std::move(r));
  }
  for (size_t i = 0; i < versions.size(); ++i) {
    ArticleVersionInfo info;
    info.version = versions[i].version;
    info.content_hash = versions[i].article.content_hash;
    info.ingested_at = versions[i].article.ingested_at;
    info.statement_count = versions[i].statement_count;
    info.current = i + 1 == versions.size();
    out->push_back(std::move(info));
  }
  return Status::OK();
}

Status RocksStore::GetFeedState(const std::string& feed_url_arg, FeedState* out) {
  const std::string url = feed_url_arg;  // the caller may pass out->url
  *out = FeedState();
  out->url = url;
  if (url.empty()) return Status::InvalidArgument("feed state: empty feed URL");
  ReadView snap(this);
  bool f = false;
  TKG_RETURN_IF_ERROR(GetRecord(meta_, keys::FeedKey(url), out, &f, snap.get()));
  if (!f) {
    *out = FeedState();
    out->url = url;
    return Status::NotFound("feed " + url + " has no stored state in " + dir_);
  }
  return Status::OK();
}

Status RocksStore::PutFeedState(const FeedState& state) {
  TKG_RETURN_IF_ERROR(WritableCheck());
  if (state.url.empty()) return Status::InvalidArgument("feed state: empty feed URL");
  FeedState trimmed;
  const FeedState* st = &state;
  if (state.seen_ids.size() > FeedState::kMaxSeenIds) {
    trimmed = state;
    trimmed.seen_ids.erase(trimmed.seen_ids.begin(),
                           trimmed.seen_ids.end() - FeedState::kMaxSeenIds);
    st = &trimmed;
  }
  rdb::WriteBatch b;
  b.Put(meta_, keys::FeedKey(st->url), codec::Encode(*st));
  return FromRocks(db_->Write(rdb::WriteOptions(), &b),
                   dir_ + ": cannot write the state of feed " + st->url);
}

}  // namespace

Status Store::Open(const StoreOptions& options, const std::string& dir,
                   std::unique_ptr<Store>* out) {
  if (dir.empty()) return Status::InvalidArgument("store directory: empty path");
  auto store = std::make_unique<RocksStore>(dir, options);
  Status s = store->Init(options);
  if (!s.ok()) return s;
  *out = std::move(store);
  return Status::OK();
}

}  // namespace tkg
