// Article versions: the version records of updated articles (history of superseded
// statements is written by PutArticle, store_write.cpp, and read by QueryStatements).

#include "store_impl.h"

namespace tkg {

namespace store_internal {

Status RocksStore::LoadVersions(const std::string& id, const rdb::Snapshot* snap,
                                std::vector<codec::VersionRecord>* out, PendingWrites* pending) {
  out->clear();
  std::string prefix = keys::VersionPrefix(id);
  bool bad = false;
  auto take = [&](std::string_view k, std::string_view v) {
    codec::VersionRecord r;
    if (!codec::Decode(v, &r) || r.version != keys::VersionOfKey(k)) {
      bad = true;
      return false;
    }
    out->push_back(std::move(r));
    return true;
  };
  TKG_RETURN_IF_ERROR(pending != nullptr
                          ? ScanW(pending, nodes_, prefix, keys::Successor(prefix), take)
                          : Scan(nodes_, prefix, keys::Successor(prefix), snap, take));
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

}  // namespace store_internal

}  // namespace tkg
