// The HTTP JSON API over a Store (cpp-httplib underneath; no HTTP types leak from this header).
//
//   GET /v1/statements   GET /v1/actors   GET /v1/actors/{id}   GET /v1/actors/{id}/timeline
//   GET /v1/events       GET /v1/articles/{id}   GET /v1/topics   GET /v1/timeline   GET /healthz
//
// Answers are application/json; errors are application/problem+json (RFC 7807:
// {"type","title","status","detail"}): 400 bad parameters, 404 unknown ids or paths, 405 other
// methods on a known path, 500 store errors, 503 store busy. Exceptions never escape a handler.
//
// Thread safety: Bind/Serve/Start are called from one thread; Stop() may be called from any
// thread (or a signal-handling thread) at any time, also before Serve has started listening.
// Requests run concurrently on `threads` workers and share the Store, which allows concurrent
// reads.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "tkg/engine/store.h"
#include "tkg/schema/status.h"

namespace tkg::api {

struct ServerOptions {
  // Address to listen on. Default: loopback only, because the API has no authentication.
  std::string bind = "127.0.0.1";
  // TCP port; 0 takes any free port (read it back with Server::port()). Default: 8080.
  int port = 8080;
  // Worker threads answering requests. Default: 8.
  int threads = 8;
  // Requests served on one keep-alive connection before it is closed. Default: 100000
  // (cpp-httplib's own default of 5 halves the throughput of a busy client).
  size_t keep_alive_max_count = 100000;
  // Seconds an idle keep-alive connection is kept open. Default: 5.
  int keep_alive_timeout_s = 5;
  // Send "Access-Control-Allow-Origin: *" so that a browser timeline (TimelineJS, vis-timeline)
  // served from elsewhere may read the API. Default: true (the API is read-only).
  bool cors = true;
  // Called after each request (method, path with query, status, milliseconds); may be empty.
  // Runs on the worker thread, so it must be thread-safe.
  std::function<void(const std::string& method, const std::string& target, int status,
                     double millis)>
      access_log;
};

class Server {
 public:
  // `store` must outlive the Server.
  Server(Store& store, ServerOptions options);
  ~Server();  // stops serving and joins the background thread, if any
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket (options.port, or any free port when 0). After it, port() is
  // the bound port and clients may connect (they queue until Serve runs).
  Status Bind();
  // Serves until Stop(); binds first when Bind() was not called. Blocks.
  Status Serve();
  // Bind() if needed, then Serve() on a background thread; returns once requests are answered.
  Status Start();
  // Stops serving; idempotent. Serve() returns (and a Start() thread ends) soon after.
  void Stop();

  int port() const;
  // "http://127.0.0.1:8080"
  std::string url() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tkg::api
