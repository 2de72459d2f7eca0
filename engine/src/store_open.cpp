// Opening and closing the RocksDB store (writer, read-only, secondary), its meta records,
// catching up, and point reads.

#include "store_impl.h"

namespace tkg {

namespace store_internal {

void RocksStore::Close() {
  if (db_) {
    if (mode_ == Mode::kWriter) {
      // RocksDB does not flush memtables at close (the WAL holds their writes), so every later
      // open, read-only and secondary ones included, replayed the WAL of everything written
      // since the last flush: seconds after a bulk import. Writing those memtables out once
      // here costs less than one replay. A failure loses nothing (the WAL still has it).
      db_->Flush(rdb::FlushOptions(), handles_).PermitUncheckedError();
    }
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
  // A write group's batch holds its keys in order (PendingWrites), but they land far apart in a
  // memtable of random hash ids, so the skiplist's one remembered insert position never fits and
  // every insert searched from the top level: a third of an import's CPU. With a hint per key
  // tag (the first byte), an insert climbs from the previous insert's position only as far as
  // needed. Memtables only: the files written, and hence queries, are the same.
  cf_opts.memtable_insert_with_hint_prefix_extractor.reset(rdb::NewCappedPrefixTransform(1));
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
  // Writing an article group reads many records of `nodes` that are not there (a new article,
  // a new actor, the link of an unlinked actor: two reads in three), and each such read searched
  // the whole memtable. A memtable filter over whole keys answers most of them at once. Memtable
  // only: the files written, and hence queries, are the same.
  rdb::ColumnFamilyOptions nodes_opts = cf_opts;
  nodes_opts.memtable_whole_key_filtering = true;
  // 10 Mbit a 64 MB memtable: about 30 bits a record (a full one holds some 350,000).
  nodes_opts.memtable_prefix_bloom_size_ratio = 0.02;
  std::vector<rdb::ColumnFamilyDescriptor> descs;
  for (const auto& n : names) descs.emplace_back(n, n == keys::kCfNodes ? nodes_opts : cf_opts);
  TKG_RETURN_IF_ERROR(OpenDb(options, opts, descs));
  meta_ = handles_[1];
  nodes_ = handles_[2];
  edges_ = handles_[3];
  index_ = handles_[4];
  text_ = handles_[5];
  if (creating) return WriteMeta();
  TKG_RETURN_IF_ERROR(CheckMeta());
  return mode_ == Mode::kWriter ? BackfillLinks() : Status::OK();
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
  b.Put(meta_, std::string(keys::kMetaActorLinks), "1");  // nothing to backfill
  b.Put(meta_, std::string(keys::kMetaOrgNames), "1");    // nor here
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

}  // namespace store_internal

Status Store::Open(const StoreOptions& options, const std::string& dir,
                   std::unique_ptr<Store>* out) {
  if (dir.empty()) return Status::InvalidArgument("store directory: empty path");
  auto store = std::make_unique<store_internal::RocksStore>(dir, options);
  Status s = store->Init(options);
  if (!s.ok()) return s;
  *out = std::move(store);
  return Status::OK();
}

}  // namespace tkg
