// Errors as values. A Status is either OK or carries a code and a human message that names the
// input and the problem ("examples/x.txt: line 3: unknown date 'Aprl 21'").
// Thread safety: a Status is a plain value; const methods may be called concurrently.
#pragma once

#include <string>
#include <utility>

namespace tkg {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,
    kInvalidArgument,  // bad input from a user or a file
    kCorruption,       // stored data that cannot be decoded
    kIOError,          // the file system or RocksDB failed
    kBusy,             // another process holds the store
    kVersionMismatch,  // a store written by an unknown schema version
  };

  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Busy(std::string msg) { return Status(Code::kBusy, std::move(msg)); }
  static Status VersionMismatch(std::string msg) {
    return Status(Code::kVersionMismatch, std::move(msg));
  }

  bool ok() const { return code_ == Code::kOk; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  bool IsCorruption() const { return code_ == Code::kCorruption; }
  bool IsIOError() const { return code_ == Code::kIOError; }
  bool IsBusy() const { return code_ == Code::kBusy; }
  bool IsVersionMismatch() const { return code_ == Code::kVersionMismatch; }

  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "OK", or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace tkg
