// tkg serve: the HTTP JSON API over a store, until SIGTERM or SIGINT.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "command.h"
#include "flags.h"
#include "tkg/api/server.h"
#include "tkg/engine/store.h"

namespace tkg::cli {
namespace {

int ExitCodeForStore(const Status& s) { return s.IsBusy() ? kExitTempFail : kExitStore; }

int RunServe(const std::vector<std::string>& args) {
  std::string db;
  std::string bind = "127.0.0.1";
  int64_t port = 8080;
  int64_t threads = 8;
  int64_t catch_up_ms = 1000;
  bool access_log = false;
  FlagParser flags("tkg serve --db DIR [--bind 127.0.0.1] [--port 8080] [--threads N]",
                   "Serves the store in DIR as an HTTP JSON API (GET /v1/statements, /v1/actors,\n"
                   "/v1/events, /v1/articles/{id}, /v1/topics, /v1/timeline, /healthz) until\n"
                   "SIGTERM or SIGINT (Ctrl-C). The store is read without a lock, so `tkg import`\n"
                   "may write to it meanwhile: new articles answer within --catch-up-ms.\n"
                   "Prints \"tkg: serving DIR on http://HOST:PORT\" to stderr once listening.");
  flags.AddString("db", &db, "store directory (required)");
  flags.AddString("bind", &bind, "address to listen on (default 127.0.0.1: loopback only)");
  flags.AddInt("port", &port, "TCP port (default 8080; 0 takes any free port)");
  flags.AddInt("threads", &threads, "worker threads answering requests (default 8)");
  flags.AddInt("catch-up-ms", &catch_up_ms,
               "show other processes' writes within this many ms (default 1000)");
  flags.AddBool("access-log", &access_log, "log each request to stderr");
  int exit_code = kExitOk;
  if (!ParseOrExit(flags, args, &exit_code)) return exit_code;
  if (!flags.positionals().empty()) {
    std::fprintf(stderr, "tkg serve: unexpected argument '%s'\nTry tkg serve --help.\n",
                 flags.positionals()[0].c_str());
    return kExitUsage;
  }
  if (db.empty()) {
    std::fprintf(stderr, "tkg serve: --db DIR is required\nTry tkg serve --help.\n");
    return kExitUsage;
  }
  if (port < 0 || port > 65535) {
    std::fprintf(stderr, "tkg serve: --port %lld is not a port (0..65535)\n",
                 static_cast<long long>(port));
    return kExitUsage;
  }
  if (catch_up_ms < 0 || catch_up_ms > 3600000) {
    std::fprintf(stderr, "tkg serve: --catch-up-ms %lld is not 0..3600000\n",
                 static_cast<long long>(catch_up_ms));
    return kExitUsage;
  }
  if (threads < 1 || threads > 1024) {
    std::fprintf(stderr, "tkg serve: --threads %lld is not 1..1024\n",
                 static_cast<long long>(threads));
    return kExitUsage;
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(db, ec)) {
    std::fprintf(stderr,
                 "tkg serve: %s: no store there (create one with tkg import --db %s PATH)\n",
                 db.c_str(), db.c_str());
    return kExitStore;
  }

  // SIGTERM and SIGINT are blocked in every thread and taken by one thread with sigwait, which
  // then stops the server safely. Blocked before the store opens: threads inherit the mask, and
  // RocksDB starts its background threads on open.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // A secondary reader takes no lock: `tkg import` may write the store meanwhile, and the server
  // follows it (new articles answer within about catch_up_ms).
  StoreOptions store_options;
  store_options.create_if_missing = false;
  store_options.secondary = true;
  store_options.catch_up_interval_ms = static_cast<int>(catch_up_ms);
  std::unique_ptr<Store> store;
  if (Status s = Store::Open(store_options, db, &store); !s.ok()) {
    std::fprintf(stderr, "tkg serve: %s: cannot open the store: %s\n", db.c_str(),
                 s.ToString().c_str());
    return ExitCodeForStore(s);
  }

  api::ServerOptions options;
  options.bind = bind;
  options.port = static_cast<int>(port);
  options.threads = static_cast<int>(threads);
  if (access_log) {
    options.access_log = [](const std::string& method, const std::string& target, int status,
                            double millis) {
      std::fprintf(stderr, "%s %s %d %.2fms\n", method.c_str(), target.c_str(), status, millis);
    };
  }
  api::Server server(*store, options);
  if (Status s = server.Bind(); !s.ok()) {
    std::fprintf(stderr, "tkg serve: %s\n", s.message().c_str());
    return kExitFailed;
  }

  std::atomic<bool> done{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    if (!done) std::fprintf(stderr, "tkg: %s received, stopping\n", strsignal(sig));
    server.Stop();
  });

  std::fprintf(stderr, "tkg: serving %s on %s\n", db.c_str(), server.url().c_str());
  std::fflush(stderr);
  Status served = server.Serve();
  done = true;
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter when no signal came
  waiter.join();
  if (!served.ok()) {
    std::fprintf(stderr, "tkg serve: %s\n", served.message().c_str());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace
}  // namespace tkg::cli

TKG_COMMAND("serve", "serve a store as an HTTP JSON API", tkg::cli::RunServe);
