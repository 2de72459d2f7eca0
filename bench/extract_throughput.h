// Extraction throughput, without storage: parses every plain-text article under a directory,
// extracts each one on this thread, and prints MB/s of input per core of CPU time.
#pragma once

#include <string>

namespace tkg::bench {

// Returns a process exit code (0 on success); prints figures or the error to stdout/stderr.
int RunExtractThroughput(const std::string& dir, int rounds);

}  // namespace tkg::bench
