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

#include <cstring>
#include <map>
#include <memory>
#include <memory_resource>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tkg::store_internal {

class PendingWrites {
 public:
  // Keys and values are copies held in this batch's arena (below), which lives as long as the
  // batch: an import stages about 1.5 million small keys, and allocating each key, value and
  // map node on the heap, then freeing them one by one, cost about 2% of its CPU time.
  struct Op {
    bool deleted = false;
    std::string_view value;  // when not deleted
  };
  using Ops = std::pmr::map<std::string_view, Op, std::less<>>;

  void Put(rocksdb::ColumnFamilyHandle* cf, std::string_view key, std::string_view value) {
    bytes_ += key.size() + value.size() + 16;  // a WriteBatch record's size, about
    Op& op = Slot(cf, key);
    op.deleted = false;
    op.value = Copy(value);
    ++count_;
  }
  void Delete(rocksdb::ColumnFamilyHandle* cf, std::string_view key) {
    bytes_ += key.size() + 16;
    Op& op = Slot(cf, key);
    op.deleted = true;
    op.value = {};
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
          batch->Delete(cf, rocksdb::Slice(key));
        } else {
          batch->Put(cf, rocksdb::Slice(key), rocksdb::Slice(op.value));
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
    cfs_.emplace_back(cf, Ops(&arena_));
    return cfs_.back().second;
  }
  // The operation slot of `key` (a new one holds a copy of the key).
  Op& Slot(rocksdb::ColumnFamilyHandle* cf, std::string_view key) {
    Ops& ops = For(cf);
    auto it = ops.lower_bound(key);
    if (it == ops.end() || it->first != key) it = ops.emplace_hint(it, Copy(key), Op());
    return it->second;
  }
  std::string_view Copy(std::string_view bytes) {
    if (bytes.empty()) return {};
    char* p = static_cast<char*>(arena_.allocate(bytes.size(), 1));
    std::memcpy(p, bytes.data(), bytes.size());
    return {p, bytes.size()};
  }
  const Ops* Of(rocksdb::ColumnFamilyHandle* cf) const {
    for (const auto& [h, ops] : cfs_) {
      if (h == cf) return &ops;
    }
    return nullptr;
  }

  // Declared first, so that it outlives the maps that use it. Grows from 64 KB, freed at once.
  std::pmr::monotonic_buffer_resource arena_{64 << 10};
  std::vector<std::pair<rocksdb::ColumnFamilyHandle*, Ops>> cfs_;  // a handful: linear search
  std::vector<std::pair<rocksdb::ColumnFamilyHandle*, std::unique_ptr<rocksdb::Iterator>>>
      iterators_;
  Ops empty_;
  size_t count_ = 0;
  size_t bytes_ = 0;
};

}  // namespace tkg::store_internal
