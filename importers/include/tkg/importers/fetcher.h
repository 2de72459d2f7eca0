// Fetching by URL without knowing how: importers ask a Fetcher for bytes and never see an HTTP
// library (the cpp-httplib implementation lives in net/, see tkg/net/http_fetcher.h). Tests and
// other callers may implement it on anything (files, a cache).
// Thread safety: implementations say; HttpFetcher may be shared by threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "tkg/schema/status.h"

namespace tkg {

struct FetchRequest {
  std::string url;            // http:// or https://
  std::string etag;           // sent as If-None-Match when not empty (conditional GET)
  std::string last_modified;  // sent as If-Modified-Since when not empty
  // Limits; 0 takes the fetcher's default (HttpFetcherOptions).
  int timeout_ms = 0;      // connect and read timeout, and a bound on the whole transfer
  size_t max_bytes = 0;    // a body larger than this is aborted with an error
  int max_redirects = -1;  // redirects followed; -1 takes the fetcher's default
};

struct FetchResponse {
  int status = 0;             // the final HTTP status (after redirects)
  std::string final_url;      // the URL that answered (after redirects)
  std::string body;           // empty for 304
  std::string etag;           // the response's ETag, "" if none
  std::string last_modified;  // the response's Last-Modified, "" if none
  std::string content_type;   // e.g. "text/html; charset=utf-8"
  bool not_modified = false;  // status 304: the conditional GET found nothing new
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Fetches `request.url`, following redirects. OK for any final HTTP status (the caller looks
  // at response->status; 304 sets not_modified). Non-OK, naming the URL and the problem:
  // IOError for network failures and timeouts (worth retrying later), InvalidArgument for
  // requests that cannot succeed as made (bad URL, redirect loop, too many redirects, body over
  // the size limit).
  virtual Status Fetch(const FetchRequest& request, FetchResponse* response) = 0;
};

}  // namespace tkg

namespace tkg {

// `ref` resolved against the absolute URL `base` (RFC 3986, the common cases: absolute,
// scheme-relative "//host/x", absolute-path "/x", relative "x", "../x", query-only "?q";
// the fragment is dropped). "" when `ref` is empty.
std::string ResolveUrl(std::string_view base, std::string_view ref);

}  // namespace tkg
