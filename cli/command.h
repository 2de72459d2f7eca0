// Subcommands of `tkg` register themselves here: one file per subcommand (cmd_<name>.cpp), each
// with a TKG_COMMAND(...) line. main.cpp dispatches on the first argument.
//
// Exit codes shared by all subcommands (documented in the README):
//   0 success; 1 some inputs failed (import) or the request found nothing to do it on;
//   2 usage error; 3 store error (cannot open, version mismatch, I/O); 75 store busy (EX_TEMPFAIL).
#pragma once

#include <string>
#include <vector>

namespace tkg::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitStore = 3;
inline constexpr int kExitTempFail = 75;

// args excludes "tkg" and the subcommand name.
using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
  const char* name;
  const char* summary;  // one line for `tkg --help`
  CommandFn run;
};

// Registers a command at static-initialisation time; returns true.
bool RegisterCommand(const Command& command);
const std::vector<Command>& Commands();

}  // namespace tkg::cli

#define TKG_CONCAT_INNER(a, b) a##b
#define TKG_CONCAT(a, b) TKG_CONCAT_INNER(a, b)
#define TKG_COMMAND(name, summary, fn)                                                  \
  static const bool TKG_CONCAT(tkg_command_registered_, __LINE__) =                    \
      ::tkg::cli::RegisterCommand(::tkg::cli::Command{name, summary, fn})
