#include "date_scan.h"

#include <algorithm>
#include <climits>

namespace tkg::engine_internal {

DateScan::DateScan(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, const rocksdb::Snapshot* snap,
                   const std::vector<std::string>& bases, std::optional<DayNumber> from,
                   std::optional<DayNumber> to, const std::optional<keys::Cursor>& cursor)
    : from_(from) {
  size_t base_index = 0;
  auto open = [&](const std::string& lower, std::string upper, size_t head, bool undated) {
    auto s = std::make_unique<Stream>();
    s->base = base_index;
    s->upper = std::move(upper);
    s->upper_slice = rocksdb::Slice(s->upper);
    s->head = head;
    s->undated = undated;
    rocksdb::ReadOptions ro;
    ro.snapshot = snap;
    ro.iterate_upper_bound = &s->upper_slice;
    s->it.reset(db->NewIterator(ro, cf));
    s->it->Seek(lower);
    Load(s.get());
    streams_.push_back(std::move(s));
  };
  bool ranged = from.has_value() || to.has_value();
  for (const std::string& base : bases) {
    if (!(cursor && cursor->undated)) {
      for (int c = 0; c < keys::kNumDateClasses; ++c) {
        std::string head = base;
        head.push_back(static_cast<char>(c));
        std::string lower = head;
        if (from) {
          int64_t lo = static_cast<int64_t>(*from) - keys::MaxSpan(static_cast<uint8_t>(c));
          lo = std::max<int64_t>(lo, INT32_MIN);
          lower += keys::EncodeDay(static_cast<DayNumber>(lo));
        }
        if (cursor) {
          std::string after = head + keys::EncodeDay(cursor->day) + cursor->id;
          after.push_back('\0');  // the smallest key greater than the cursor's own
          lower = std::max(lower, after);
        }
        std::string upper =
            to && *to < INT32_MAX ? head + keys::EncodeDay(*to + 1) : keys::Successor(head);
        open(lower, std::move(upper), head.size(), false);
      }
    }
    if (!ranged) {
      std::string head = base;
      head.push_back(static_cast<char>(keys::kUndatedClass));
      std::string lower = head;
      if (cursor && cursor->undated) {
        lower += cursor->id;
        lower.push_back('\0');
      }
      open(lower, keys::Successor(head), head.size(), true);
    }
    ++base_index;
  }
}

void DateScan::Load(Stream* s) {
  s->valid = false;
  if (!s->it->Valid()) {
    if (!s->it->status().ok() && status_.ok()) {
      status_ = Status::IOError("index scan failed: " + s->it->status().ToString());
    }
    return;
  }
  std::string_view key(s->it->key().data(), s->it->key().size());
  std::string_view value(s->it->value().data(), s->it->value().size());
  ScanRow& r = s->row;
  r.undated = s->undated;
  r.base = s->base;
  if (s->undated) {
    if (key.size() <= s->head) {
      status_ = Status::Corruption("malformed undated index key");
      return;
    }
    r.day = r.last = 0;
    r.id.assign(key.substr(s->head));
  } else {
    if (key.size() <= s->head + 4 || value.size() != 4) {
      status_ = Status::Corruption("malformed dated index entry");
      return;
    }
    r.day = keys::DecodeDay(key.data() + s->head);
    r.last = keys::DecodeDay(value.data());
    r.id.assign(key.substr(s->head + 4));
  }
  s->valid = true;
}

bool DateScan::Less(const ScanRow& a, const ScanRow& b) {
  if (a.undated != b.undated) return !a.undated;
  if (a.day != b.day) return a.day < b.day;
  return a.id < b.id;
}

bool DateScan::Next(ScanRow* row) {
  while (status_.ok()) {
    Stream* best = nullptr;
    for (auto& s : streams_) {
      if (s->valid && (!best || Less(s->row, best->row))) best = s.get();
    }
    if (!best) return false;
    *row = best->row;
    best->it->Next();
    Load(best);
    bool duplicate = have_last_ && !Less(last_, *row) && !Less(*row, last_);
    have_last_ = true;
    last_ = *row;
    if (duplicate) continue;
    if (from_ && !row->undated && row->last < *from_) continue;  // ends before the range
    return true;
  }
  return false;
}

}  // namespace tkg::engine_internal
