// Private to engine/src: the writes of one WriteBatch while it is being built, readable before
// they are written. PutArticles stages a group of articles here: each article reads what the
// ones before it wrote (RocksStore::GetW, ScanW lay these writes over the database), and the
// batch finally written holds each key's last operation, in key order per column family.
//
// Why not RocksDB's WriteBatchWithIndex: its index compares entries by decoding them from the
// batch (and, with overwrite_key, searches twice per Put), which cost about a fifth of a bulk
// import; and its batch is in write order, while the memtable (a skiplist that remembers where
// its last insert went) takes keys in order at a fraction of the cost of keys in any order.
//
// Thread safety: none; the writer holds RocksStore::write_mu_.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tkg::store_internal {

class PendingWrites {
 public:
  struct Op {
    bool deleted = false;
    std::string value;  // when not deleted
  };
  using Ops = std::map<std::string, Op, std::less<>>;

  void Put(rocksdb::ColumnFamilyHandle* cf, std::string key, std::string value) {
    bytes_ += key.size() + value.size() + 16;  // a WriteBatch record's size, about
    Op& op = For(cf)[std::move(key)];
    op.deleted = false;
    op.value = std::move(value);
    ++count_;
  }
  void Delete(rocksdb::ColumnFamilyHandle* cf, std::string key) {
    bytes_ += key.size() + 16;
    Op& op = For(cf)[std::move(key)];
    op.deleted = true;
    op.value.clear();
    ++count_;
  }
  // The pending operation on `key`, or null when this batch did not touch it.
  const Op* Find(rocksdb::ColumnFamilyHandle* cf, std::string_view key) const {
    const Ops* ops = Of(cf);
    if (ops == nullptr) return nullptr;
    auto it = ops->find(key);
    return it == ops->end() ? nullptr : &it->second;
  }
  // The pending operations on keys in [lower, upper) (upper "": no bound), in key order.
  std::pair<Ops::const_iterator, Ops::const_iterator> Range(rocksdb::ColumnFamilyHandle* cf,
                                                            std::string_view lower,
                                                            std::string_view upper) const {
    const Ops* ops = Of(cf);
    if (ops == nullptr) return {empty_.end(), empty_.end()};
    auto b = ops->lower_bound(lower);
    auto e = upper.empty() ? ops->end() : ops->lower_bound(upper);
    return {b, e};
  }
  // Operations staged so far (a key written twice counts twice).
  size_t Count() const { return count_; }
  // Appends each key's last operation to `batch`, in key order per column family.
  void AppendTo(rocksdb::WriteBatch* batch) const {
    for (const auto& [cf, ops] : cfs_) {
      for (const auto& [key, op] : ops) {
        if (op.deleted) {
          batch->Delete(cf, key);
        } else {
          batch->Put(cf, key, op.value);
        }
      }
    }
  }
  // About the size of the WriteBatch AppendTo makes (to reserve it).
  size_t ByteSize() const { return bytes_; }

  // The database iterator of `cf` kept for this batch (`open()` makes it the first time), so
  // that the scans of a batch (RocksStore::ScanW: a few per actor) seek one iterator instead of
  // each opening one, which costs more than the seek. A kept iterator reads the database as it
  // was when opened; that is what a new one would read, since the database does not change
  // while a batch is staged (the one writer holds write_mu_). It has no upper bound: scans
  // stop at theirs.
  template <class Open>
  rocksdb::Iterator* DbIterator(rocksdb::ColumnFamilyHandle* cf, Open open) {
    for (auto& [h, it] : iterators_) {
      if (h == cf) return it.get();
    }
    iterators_.emplace_back(cf, open());
    return iterators_.back().second.get();
  }

 private:
  Ops& For(rocksdb::ColumnFamilyHandle* cf) {
    for (auto& [h, ops] : cfs_) {
      if (h == cf) return ops;
    }
    cfs_.emplace_back(cf, Ops());
    return cfs_.back().second;
  }
  const Ops* Of(rocksdb::ColumnFamilyHandle* cf) const {
    for (const auto& [h, ops] : cfs_) {
      if (h == cf) return &ops;
    }
    return nullptr;
  }

  std::vector<std::pair<rocksdb::ColumnFamilyHandle*, Ops>> cfs_;  // a handful: linear search
  std::vector<std::pair<rocksdb::ColumnFamilyHandle*, std::unique_ptr<rocksdb::Iterator>>>
      iterators_;
  Ops empty_;
  size_t count_ = 0;
  size_t bytes_ = 0;
};

}  // namespace tkg::store_internal
