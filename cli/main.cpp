// tkg: who said what, about what, and when. Dispatches to the registered subcommands.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "command.h"

namespace tkg::cli {

namespace {
std::vector<Command>& Registry() {
  static std::vector<Command> commands;
  return commands;
}
}  // namespace

bool RegisterCommand(const Command& command) {
  Registry().push_back(command);
  return true;
}

const std::vector<Command>& Commands() { return Registry(); }

}  // namespace tkg::cli

namespace {

void PrintUsage(FILE* to) {
  std::fprintf(to,
               "usage: tkg <command> [options]\n\n"
               "tkg turns news articles into a graph of who said what, about what, and when.\n\n"
               "commands:\n");
  auto commands = tkg::cli::Commands();
  std::sort(commands.begin(), commands.end(),
            [](const auto& a, const auto& b) { return std::string(a.name) < b.name; });
  for (const auto& c : commands) std::fprintf(to, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(to,
               "\n`tkg <command> --help` describes a command.\n"
               "exit codes: 0 ok, 1 some inputs failed, 2 usage error, 3 store error,\n"
               "            75 store busy (another run holds it; try again later)\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(stderr);
    return tkg::cli::kExitUsage;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(stdout);
    return tkg::cli::kExitOk;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const auto& c : tkg::cli::Commands()) {
    if (name == c.name) return c.run(args);
  }
  std::fprintf(stderr, "tkg: unknown command '%s'\n\n", name.c_str());
  PrintUsage(stderr);
  return tkg::cli::kExitUsage;
}
