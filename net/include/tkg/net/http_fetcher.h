// The Fetcher of importers (tkg/importers/fetcher.h) over HTTP and HTTPS with cpp-httplib.
// Redirects are followed by hand, so that loops are reported as such and the limit is ours;
// conditional GET sends If-None-Match / If-Modified-Since; bodies over the size limit and
// transfers over the time limit are aborted. Certificates are verified against the system's CAs.
// Thread safety: Fetch may be called from several threads at once (each call has its own
// connection; options are read-only).
#pragma once

#include <cstddef>
#include <string>

#include "tkg/importers/fetcher.h"

namespace tkg {

struct HttpFetcherOptions {
  // Connecting (TCP and TLS) may take this long. Default: 10 s.
  int connect_timeout_ms = 10000;
  // Waiting for data may take this long, and the whole transfer at most this long (a server
  // trickling bytes is cut off too). Default: 30 s. FetchRequest::timeout_ms overrides.
  int timeout_ms = 30000;
  // Larger bodies are aborted. Default: 20 MB. FetchRequest::max_bytes overrides.
  size_t max_bytes = 20u * 1024 * 1024;
  // Redirects followed. Default: 5. FetchRequest::max_redirects overrides.
  int max_redirects = 5;
  std::string user_agent = "tkg/0.1 (news feed importer)";
  // PEM file of the certificate authorities trusted for https. Default "": the system's.
  std::string ca_cert_file;
};

class HttpFetcher : public Fetcher {
 public:
  explicit HttpFetcher(HttpFetcherOptions options = {});
  Status Fetch(const FetchRequest& request, FetchResponse* response) override;

 private:
  HttpFetcherOptions options_;
};

}  // namespace tkg
