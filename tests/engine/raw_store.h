// Direct RocksDB access to the files of a closed store, for tests that fake a store written by an
// older or a future engine (a missing marker, another schema version) or read raw keys.
#pragma once

#include <rocksdb/db.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

namespace tkg::enginetest {

class RawStore {
 public:
  // Opens every column family of the store at `path`; the test fails if it cannot.
  explicit RawStore(const std::string& path, bool read_only = false) {
    rocksdb::DBOptions opts;
    REQUIRE(rocksdb::DB::ListColumnFamilies(opts, path, &names_).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descs;
    for (const auto& n : names_) descs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    rocksdb::DB* db = nullptr;
    rocksdb::Status s = read_only ? rocksdb::DB::OpenForReadOnly(opts, path, descs, &handles_, &db)
                                  : rocksdb::DB::Open(opts, path, descs, &handles_, &db);
    REQUIRE(s.ok());
    db_.reset(db);
  }
  ~RawStore() {
    for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  }
  RawStore(const RawStore&) = delete;
  RawStore& operator=(const RawStore&) = delete;

  rocksdb::DB* db() { return db_.get(); }
  const std::vector<std::string>& families() const { return names_; }
  // The handle of the column family `name`; the test fails if the store has none.
  rocksdb::ColumnFamilyHandle* family(const std::string& name) {
    size_t i = std::find(names_.begin(), names_.end(), name) - names_.begin();
    REQUIRE(i < names_.size());
    return handles_[i];
  }

 private:
  std::vector<std::string> names_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::unique_ptr<rocksdb::DB> db_;
};

}  // namespace tkg::enginetest
