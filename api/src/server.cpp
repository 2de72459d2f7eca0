#include "tkg/api/server.h"

#include <httplib.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <regex>
#include <thread>

#include "tkg/api/json_views.h"
#include "tkg/api/queries.h"

namespace tkg::api {

using json = Json;

namespace {

const char* StatusTitle(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Server Error" : "Client Error";
  }
}

void SetProblem(httplib::Response& res, int status, const std::string& detail) {
  json p = {{"type", "about:blank"},
            {"title", StatusTitle(status)},
            {"status", status},
            {"detail", detail}};
  res.status = status;
  res.set_content(Dump(p), "application/problem+json");
}

int HttpStatusOf(const Status& s) {
  if (s.IsInvalidArgument()) return 400;
  if (s.IsNotFound()) return 404;
  if (s.IsBusy()) return 503;
  return 500;
}

// The GET routes; other methods on these paths get 405.
const char* const kRoutes[] = {
    "/healthz",
    "/v1/statements",
    "/v1/actors",
    "/v1/actors/([^/]+)",
    "/v1/actors/([^/]+)/timeline",
    "/v1/events",
    "/v1/articles/([^/]+)",
    "/v1/topics",
    "/v1/timeline",
};

thread_local std::chrono::steady_clock::time_point request_start;

Params ParamsOf(const httplib::Request& req) {
  Params p;
  // A repeated parameter keeps its first value, as most servers do.
  for (const auto& [name, value] : req.params) p.values.emplace(name, value);
  return p;
}

}  // namespace

struct Server::Impl {
  Store& store;
  ServerOptions options;
  httplib::Server http;
  std::vector<std::regex> routes;
  int port = -1;
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> serving{false};        // inside Serve, around the accept loop
  std::atomic<bool> serve_entered{false};  // Serve has begun (never reset)
  std::thread thread;

  Impl(Store& s, ServerOptions o) : store(s), options(std::move(o)) {
    for (const char* r : kRoutes) routes.emplace_back(r);
    Configure();
  }

  bool KnownPath(const std::string& path) const {
    for (const auto& r : routes)
      if (std::regex_match(path, r)) return true;
    return false;
  }

  // Wraps a request into the JSON/problem response; nothing thrown inside leaves it.
  template <typename Fn>
  httplib::Server::Handler Route(Fn fn) {
    return [fn](const httplib::Request& req, httplib::Response& res) {
      try {
        json body;
        Status s = fn(req, &body);
        if (!s.ok()) {
          SetProblem(res, HttpStatusOf(s), s.message());
          return;
        }
        res.status = 200;
        res.set_content(Dump(body), "application/json");
      } catch (const std::exception& e) {
        SetProblem(res, 500, std::string("internal error: ") + e.what());
      } catch (...) {
        SetProblem(res, 500, "internal error");
      }
    };
  }

  void Configure() {
    http.set_tcp_nodelay(true);
    // cpp-httplib's default socket options include SO_REUSEPORT, which lets a second server bind
    // a port that is in use and silently share its connections. Keep SO_REUSEADDR only (a
    // restart may rebind while old connections linger in TIME_WAIT).
    http.set_socket_options([](int sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof yes);
    });
    http.set_keep_alive_max_count(options.keep_alive_max_count);
    http.set_keep_alive_timeout(options.keep_alive_timeout_s);
    int threads = options.threads > 0 ? options.threads : 1;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    if (options.cors) http.set_default_headers({{"Access-Control-Allow-Origin", "*"}});

    Store& st = store;
    http.Get("/healthz", Route([&st](const httplib::Request& req, json* out) {
               return HealthJson(st, ParamsOf(req), out);
             }));
    http.Get("/v1/statements", Route([&st](const httplib::Request& req, json* out) {
               return StatementsJson(st, ParamsOf(req), out);
             }));
    http.Get("/v1/actors", Route([&st](const httplib::Request& req, json* out) {
               return ActorsJson(st, ParamsOf(req), out);
             }));
    http.Get("/v1/actors/([^/]+)/timeline", Route([&st](const httplib::Request& req, json* out) {
               return ActorTimelineJson(st, req.matches[1].str(), ParamsOf(req), out);
             }));
    http.Get("/v1/actors/([^/]+)", Route([&st](const httplib::Request& req, json* out) {
               return ActorJson(st, req.matches[1].str(), ParamsOf(req), out);
             }));
    http.Get("/v1/events", Route([&st](const httplib::Request& req, json* out) {
               return EventsJson(st, ParamsOf(req), out);
             }));
    http.Get("/v1/articles/([^/]+)", Route([&st](const httplib::Request& req, json* out) {
               return ArticleJson(st, req.matches[1].str(), ParamsOf(req), out);
             }));
    http.Get("/v1/topics", Route([&st](const httplib::Request& req, json* out) {
               return TopicsJson(st, ParamsOf(req), out);
             }));
    http.Get("/v1/timeline", Route([&st](const httplib::Request& req, json* out) {
               return TimelineJson(st, ParamsOf(req), out);
             }));

    // Any error without a body of its own (unknown path, wrong method, malformed request) gets
    // a problem document.
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request& req, httplib::Response& res) {
          if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
          if (res.status == 404) {
            bool read = req.method == "GET" || req.method == "HEAD";
            if (!read && KnownPath(req.path)) {
              res.set_header("Allow", "GET, HEAD");
              SetProblem(res, 405,
                         "method " + req.method + " is not allowed on " + req.path +
                             "; the API is read-only (GET)");
            } else {
              SetProblem(res, 404,
                         "no such endpoint: " + req.path +
                             " (see /v1/statements, /v1/actors, /v1/events, "
                             "/v1/articles/{id}, /v1/topics, /v1/timeline, /healthz)");
            }
          } else {
            SetProblem(res, res.status, std::string(StatusTitle(res.status)));
          }
          return httplib::Server::HandlerResponse::Handled;
        }));
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
          std::string what = "internal error";
          try {
            if (ep) std::rethrow_exception(ep);
          } catch (const std::exception& e) {
            what += std::string(": ") + e.what();
          } catch (...) {
          }
          SetProblem(res, 500, what);
        });
    if (options.access_log) {
      // The pre-routing handler and the logger of one request run on the same worker thread.
      http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        request_start = std::chrono::steady_clock::now();
        return httplib::Server::HandlerResponse::Unhandled;
      });
      auto log = options.access_log;
      http.set_logger([log](const httplib::Request& req, const httplib::Response& res) {
        std::chrono::duration<double, std::milli> ms =
            std::chrono::steady_clock::now() - request_start;
        std::string target = req.target.empty() ? req.path : req.target;
        log(req.method, target, res.status, ms.count());
      });
    }
  }
};

Server::Server(Store& store, ServerOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {}

Server::~Server() {
  Stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

Status Server::Bind() {
  if (impl_->port > 0) return Status::OK();
  const auto& o = impl_->options;
  if (o.port < 0 || o.port > 65535) {
    return Status::InvalidArgument("port " + std::to_string(o.port) + " is not 0..65535");
  }
  if (o.port == 0) {
    int port = impl_->http.bind_to_any_port(o.bind);
    if (port <= 0) {
      return Status::IOError("cannot listen on " + o.bind + " (any port): " + std::strerror(errno));
    }
    impl_->port = port;
  } else {
    if (!impl_->http.bind_to_port(o.bind, o.port)) {
      return Status::IOError("cannot listen on " + o.bind + ":" + std::to_string(o.port) + ": " +
                             std::strerror(errno));
    }
    impl_->port = o.port;
  }
  return Status::OK();
}

Status Server::Serve() {
  if (Status s = Bind(); !s.ok()) return s;
  impl_->serving = true;
  impl_->serve_entered = true;
  if (impl_->stop_requested) {
    impl_->serving = false;
    return Status::OK();
  }
  bool ok = impl_->http.listen_after_bind();
  impl_->serving = false;
  if (!ok && !impl_->stop_requested) {
    return Status::IOError("serving on " + url() + " failed");
  }
  return Status::OK();
}

Status Server::Start() {
  if (Status s = Bind(); !s.ok()) return s;
  impl_->thread = std::thread([this] { (void)Serve(); });
  // Return once the accept loop runs, so that Stop() right after Start() cannot be lost.
  while (!impl_->serve_entered) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  while (impl_->serving && !impl_->http.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return Status::OK();
}

void Server::Stop() {
  impl_->stop_requested = true;
  // Serve() may be between its stop check and the start of the accept loop; wait for the loop so
  // the stop reaches it.
  while (impl_->serving && !impl_->http.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->http.stop();
}

int Server::port() const { return impl_->port; }

std::string Server::url() const {
  std::string host = impl_->options.bind;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(impl_->port);
}

}  // namespace tkg::api
