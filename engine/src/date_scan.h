// Reads date-sorted index entries (keys.h: <base><class><first day><id>) of one or more base
// prefixes as one stream ordered by (dated before undated, first day, id), without duplicates.
// Each (base, class) pair is one bounded range scan: for a range [from, to] the class-c scan
// runs from first day `from - MaxSpan(c)` to `to`, so every interval overlapping the range is
// seen and the rest is cut by the stored last day. Undated entries (class 0xFF) come last and
// only when no range is given. A cursor resumes strictly after the (day, id) it names.
// Thread safety: one DateScan per thread.
#pragma once

#include <rocksdb/db.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "keys.h"
#include "tkg/schema/status.h"

namespace tkg::engine_internal {

struct ScanRow {
  bool undated = false;
  DayNumber day = 0;   // first day of the interval (dated rows)
  DayNumber last = 0;  // last day of the interval (dated rows)
  std::string id;
  size_t base = 0;  // index into the bases the scan was given: which index the row came from
};

class DateScan {
 public:
  DateScan(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, const rocksdb::Snapshot* snap,
           const std::vector<std::string>& bases, std::optional<DayNumber> from,
           std::optional<DayNumber> to, const std::optional<keys::Cursor>& cursor);
  // The next row, or false at the end or on an error (see status()).
  bool Next(ScanRow* row);
  Status status() const { return status_; }

 private:
  struct Stream {
    std::unique_ptr<rocksdb::Iterator> it;
    std::string upper;
    rocksdb::Slice upper_slice;
    size_t head = 0;  // bytes of base + class
    bool undated = false;
    size_t base = 0;
    bool valid = false;
    ScanRow row;
  };
  void Load(Stream* s);
  static bool Less(const ScanRow& a, const ScanRow& b);

  std::vector<std::unique_ptr<Stream>> streams_;
  std::optional<DayNumber> from_;
  Status status_;
  bool have_last_ = false;
  ScanRow last_;
};

}  // namespace tkg::engine_internal
