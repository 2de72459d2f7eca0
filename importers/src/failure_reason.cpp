#include "failure_reason.h"

namespace tkg {

std::string FailureReason(const Status& s, const std::string& input) {
  std::string m = s.message();
  if (!input.empty() && m.rfind(input + ": ", 0) == 0) m = m.substr(input.size() + 2);
  return m.empty() ? s.ToString() : m;
}

Status WithInput(const Status& s, const std::string& input) {
  std::string m = input + ": " + s.message();
  switch (s.code()) {
    case Status::Code::kBusy:
      return Status::Busy(m);
    case Status::Code::kCorruption:
      return Status::Corruption(m);
    case Status::Code::kVersionMismatch:
      return Status::VersionMismatch(m);
    case Status::Code::kNotFound:
      return Status::NotFound(m);
    case Status::Code::kInvalidArgument:
      return Status::InvalidArgument(m);
    default:
      return Status::IOError(m);
  }
}

}  // namespace tkg
