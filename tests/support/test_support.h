// Helpers shared by the test suites: temporary directories, paths into the source tree, the
// built tkg binary, a free loopback port, and running a command with its output captured.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace tkg::testing {

// A fresh directory under /tmp, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Join(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Absolute path of a file in the source tree: SourcePath("examples").
std::string SourcePath(const std::string& relative);
// The tkg binary built with the tests.
std::string TkgBinary();
// ../shared beside the source tree, when present (it is absent on a bare clone).
std::optional<std::string> SharedDir();

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& bytes);

// A TCP port on 127.0.0.1 that was free a moment ago.
int FreePort();

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs argv (no shell) and waits; stdin is /dev/null.
CommandResult RunCommand(const std::vector<std::string>& argv);

// A child process running in the background (e.g. `tkg serve`), killed on destruction.
class BackgroundProcess {
 public:
  explicit BackgroundProcess(const std::vector<std::string>& argv);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;
  int pid() const { return pid_; }
  bool running();
  // Sends SIGTERM and waits; returns the exit status (or -1).
  int Stop();

 private:
  int pid_ = -1;
};

// Polls until `path` exists (true) or `timeout` passes (false): the handshake of tests that
// run a helper process.
bool WaitForFile(const std::string& path, std::chrono::milliseconds timeout);

// Polls GET /healthz on 127.0.0.1:port until it answers 200 (true), or the process ends or
// 20 s pass (false).
bool WaitForHealthy(BackgroundProcess& process, int port);

}  // namespace tkg::testing
