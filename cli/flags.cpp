#include "flags.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "command.h"

namespace tkg::cli {

FlagParser::FlagParser(std::string usage, std::string description)
    : usage_(std::move(usage)), description_(std::move(description)) {}

void FlagParser::AddString(const std::string& name, std::string* target, const std::string& help) {
  flags_.push_back({name, Kind::kString, target, help});
}
void FlagParser::AddList(const std::string& name, std::vector<std::string>* target,
                         const std::string& help) {
  flags_.push_back({name, Kind::kList, target, help});
}
void FlagParser::AddBool(const std::string& name, bool* target, const std::string& help) {
  flags_.push_back({name, Kind::kBool, target, help});
}
void FlagParser::AddInt(const std::string& name, int64_t* target, const std::string& help) {
  flags_.push_back({name, Kind::kInt, target, help});
}

const FlagParser::Flag* FlagParser::Find(const std::string& name) const {
  for (const auto& f : flags_)
    if (f.name == name) return &f;
  return nullptr;
}

bool FlagParser::Parse(const std::vector<std::string>& args, std::string* error) {
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (flags_done || arg.size() < 2 || arg[0] != '-') {
      positionals_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_done = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      help_requested_ = true;
      continue;
    }
    std::string name = arg.substr(arg.rfind("--", 0) == 0 ? 2 : 1);
    std::string value;
    bool has_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    const Flag* flag = Find(name);
    if (flag == nullptr) {
      *error = "unknown option '--" + name + "'";
      return false;
    }
    if (flag->kind == Kind::kBool) {
      if (has_value && value != "true" && value != "false") {
        *error = "option '--" + name + "' takes no value";
        return false;
      }
      *static_cast<bool*>(flag->target) = !has_value || value == "true";
      continue;
    }
    if (!has_value) {
      if (i + 1 >= args.size()) {
        *error = "option '--" + name + "' needs a value";
        return false;
      }
      value = args[++i];
    }
    switch (flag->kind) {
      case Kind::kString:
        *static_cast<std::string*>(flag->target) = value;
        break;
      case Kind::kList:
        static_cast<std::vector<std::string>*>(flag->target)->push_back(value);
        break;
      case Kind::kInt: {
        char* end = nullptr;
        long long v = std::strtoll(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0') {
          *error = "option '--" + name + "' needs a whole number, not '" + value + "'";
          return false;
        }
        *static_cast<int64_t*>(flag->target) = v;
        break;
      }
      case Kind::kBool:
        break;
    }
  }
  return true;
}

std::string FlagParser::Help() const {
  std::ostringstream out;
  out << "usage: " << usage_ << "\n\n" << description_ << "\n\noptions:\n";
  for (const auto& f : flags_) {
    std::string left = "--" + f.name + (f.kind == Kind::kBool ? "" : " VALUE");
    out << "  " << left;
    for (size_t n = left.size(); n < 22; ++n) out << ' ';
    out << " " << f.help << "\n";
  }
  out << "  --help                 show this help\n";
  return out.str();
}

bool ParseOrExit(FlagParser& parser, const std::vector<std::string>& args, int* exit_code) {
  std::string error;
  if (!parser.Parse(args, &error)) {
    std::fprintf(stderr, "tkg: %s\nTry the command with --help.\n", error.c_str());
    *exit_code = kExitUsage;
    return false;
  }
  if (parser.help_requested()) {
    std::fputs(parser.Help().c_str(), stdout);
    *exit_code = kExitOk;
    return false;
  }
  return true;
}

}  // namespace tkg::cli
