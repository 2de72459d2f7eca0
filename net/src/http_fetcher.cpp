// HttpFetcher: one cpp-httplib client per hop, redirects followed by hand.
#include "tkg/net/http_fetcher.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <vector>

namespace tkg {

namespace {

struct UrlParts {
  std::string origin;  // "https://host:port"
  std::string target;  // "/path?query"
};

bool SplitUrl(const std::string& url, UrlParts* out) {
  size_t se = url.find("://");
  if (se == std::string::npos) return false;
  std::string scheme = url.substr(0, se);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (scheme != "http" && scheme != "https") return false;
  size_t hb = se + 3;
  size_t pb = url.find_first_of("/?#", hb);
  std::string host = url.substr(hb, pb == std::string::npos ? std::string::npos : pb - hb);
  if (host.empty() || host.find('@') != std::string::npos || host.find(' ') != std::string::npos)
    return false;
  out->origin = scheme + "://" + host;
  std::string rest = pb == std::string::npos ? "/" : url.substr(pb);
  if (size_t h = rest.find('#'); h != std::string::npos) rest = rest.substr(0, h);
  if (rest.empty() || rest[0] != '/') rest = "/" + rest;
  // Spaces are not allowed in a request line; feeds do contain them.
  std::string target;
  for (char c : rest) {
    if (c == ' ')
      target += "%20";
    else
      target += c;
  }
  out->target = target;
  return true;
}

std::string Chain(const std::vector<std::string>& urls) {
  std::string r;
  for (const auto& u : urls) r += (r.empty() ? "" : " -> ") + u;
  return r;
}

void SetTimeout(httplib::Client& cli, int connect_ms, int read_ms) {
  cli.set_connection_timeout(connect_ms / 1000, (connect_ms % 1000) * 1000);
  cli.set_read_timeout(read_ms / 1000, (read_ms % 1000) * 1000);
  cli.set_write_timeout(read_ms / 1000, (read_ms % 1000) * 1000);
}

}  // namespace

HttpFetcher::HttpFetcher(HttpFetcherOptions options) : options_(std::move(options)) {}

Status HttpFetcher::Fetch(const FetchRequest& request, FetchResponse* response) {
  *response = FetchResponse{};
  const int timeout_ms = request.timeout_ms > 0 ? request.timeout_ms : options_.timeout_ms;
  const int connect_ms = std::min(
      request.timeout_ms > 0 ? request.timeout_ms : options_.connect_timeout_ms, timeout_ms);
  const size_t max_bytes = request.max_bytes > 0 ? request.max_bytes : options_.max_bytes;
  const int max_redirects =
      request.max_redirects >= 0 ? request.max_redirects : options_.max_redirects;

  std::string url = request.url;
  std::vector<std::string> chain{url};
  std::set<std::string> visited{url};
  for (int hop = 0;; ++hop) {
    UrlParts parts;
    if (!SplitUrl(url, &parts)) {
      return Status::InvalidArgument(url + ": not an http or https URL");
    }
    httplib::Client cli(parts.origin);
    if (!cli.is_valid()) return Status::InvalidArgument(url + ": unsupported URL");
    SetTimeout(cli, connect_ms, timeout_ms);
    cli.set_follow_location(false);
    cli.set_keep_alive(false);
    cli.set_decompress(true);
    if (!options_.ca_cert_file.empty()) cli.set_ca_cert_path(options_.ca_cert_file);
    httplib::Headers headers{{"User-Agent", options_.user_agent},
                             {"Accept",
                              "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                              "text/html;q=0.9, */*;q=0.5"},
                             {"Accept-Encoding", "gzip, deflate"}};
    if (!request.etag.empty()) headers.emplace("If-None-Match", request.etag);
    if (!request.last_modified.empty()) headers.emplace("If-Modified-Since", request.last_modified);

    std::string body;
    bool too_large = false, too_slow = false;
    size_t announced = 0;
    auto started = std::chrono::steady_clock::now();
    auto over_time = [&] {
      return std::chrono::steady_clock::now() - started > std::chrono::milliseconds(timeout_ms);
    };
    auto res = cli.Get(
        parts.target, headers,
        [&](const httplib::Response& r) {
          if (r.has_header("Content-Length")) {
            try {
              announced = static_cast<size_t>(std::stoull(r.get_header_value("Content-Length")));
            } catch (...) {
              announced = 0;
            }
            if (announced > max_bytes && r.status / 100 == 2) {
              too_large = true;
              return false;
            }
          }
          return true;
        },
        [&](const char* data, size_t n) {
          if (body.size() + n > max_bytes) {
            too_large = true;
            return false;
          }
          if (over_time()) {
            too_slow = true;
            return false;
          }
          body.append(data, n);
          return true;
        });
    if (!res) {
      auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();
      if (too_large) {
        return Status::InvalidArgument(
            url + ": response body larger than the limit of " + std::to_string(max_bytes) +
            " bytes" + (announced ? " (Content-Length " + std::to_string(announced) + ")" : "") +
            "; aborted");
      }
      if (too_slow) {
        return Status::IOError(url + ": transfer not finished within " +
                               std::to_string(timeout_ms) + " ms; aborted");
      }
      httplib::Error e = res.error();
      if (e == httplib::Error::ConnectionTimeout ||
          (e == httplib::Error::Connection && elapsed + 50 >= connect_ms)) {
        return Status::IOError(url + ": timed out connecting (" + std::to_string(connect_ms) +
                               " ms)");
      }
      if ((e == httplib::Error::Read || e == httplib::Error::Unknown) &&
          elapsed + 50 >= timeout_ms) {
        return Status::IOError(url + ": timed out: no response within " +
                               std::to_string(timeout_ms) + " ms");
      }
      if (e == httplib::Error::Connection) {
        return Status::IOError(url + ": cannot connect to " + parts.origin);
      }
      if (e == httplib::Error::SSLServerVerification) {
        return Status::IOError(url + ": TLS certificate verification failed");
      }
      return Status::IOError(url + ": request failed: " + httplib::to_string(e));
    }
    const httplib::Response& r = res.value();
    bool redirect =
        r.status == 301 || r.status == 302 || r.status == 303 || r.status == 307 || r.status == 308;
    if (redirect && r.has_header("Location")) {
      std::string next = ResolveUrl(url, r.get_header_value("Location"));
      chain.push_back(next);
      if (visited.count(next)) {
        return Status::InvalidArgument(request.url + ": redirect loop: " + Chain(chain));
      }
      if (hop + 1 > max_redirects) {
        return Status::InvalidArgument(request.url + ": too many redirects (more than " +
                                       std::to_string(max_redirects) + "): " + Chain(chain));
      }
      visited.insert(next);
      url = next;
      continue;
    }
    response->status = r.status;
    response->final_url = url;
    response->etag = r.get_header_value("ETag");
    response->last_modified = r.get_header_value("Last-Modified");
    response->content_type = r.get_header_value("Content-Type");
    response->not_modified = r.status == 304;
    if (!response->not_modified) response->body = std::move(body);
    return Status::OK();
  }
}

}  // namespace tkg
