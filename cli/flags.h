// A small flag parser shared by the subcommands: "--name value", "--name=value", boolean
// "--flag", "--help"/"-h", and positional arguments ("--" ends the flags).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tkg::cli {

class FlagParser {
 public:
  // `usage` is the first line of --help, e.g. "tkg import --db DIR PATH...".
  FlagParser(std::string usage, std::string description);

  void AddString(const std::string& name, std::string* target, const std::string& help);
  // A repeatable flag: every occurrence is appended.
  void AddList(const std::string& name, std::vector<std::string>* target, const std::string& help);
  void AddBool(const std::string& name, bool* target, const std::string& help);
  void AddInt(const std::string& name, int64_t* target, const std::string& help);

  // Parses; on failure returns false with a message naming the flag and the problem.
  bool Parse(const std::vector<std::string>& args, std::string* error);
  bool help_requested() const { return help_requested_; }
  const std::vector<std::string>& positionals() const { return positionals_; }
  // The full --help text.
  std::string Help() const;

 private:
  enum class Kind { kString, kList, kBool, kInt };
  struct Flag {
    std::string name;
    Kind kind;
    void* target;
    std::string help;
  };
  const Flag* Find(const std::string& name) const;

  std::string usage_;
  std::string description_;
  std::vector<Flag> flags_;
  std::vector<std::string> positionals_;
  bool help_requested_ = false;
};

// Standard handling: parses, prints --help to stdout (returns 0 through *exit_code) or the error
// and a hint to stderr (exit 2). Returns true when the command should go on.
bool ParseOrExit(FlagParser& parser, const std::vector<std::string>& args, int* exit_code);

}  // namespace tkg::cli
