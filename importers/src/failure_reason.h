// How an import run words its failures: shared by the file walk (import.cpp) and the feed and
// archive readers (feeds/), so that every failure in a summary reads alike.
#pragma once

#include <string>

#include "tkg/schema/status.h"

namespace tkg {

// The reason without the leading "<input>: " that messages carry, since the failure record
// names the input already.
std::string FailureReason(const Status& s, const std::string& input);

// The same status with the input named first.
Status WithInput(const Status& s, const std::string& input);

}  // namespace tkg
