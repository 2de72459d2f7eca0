// https through the same fetcher: a real TLS server on loopback with a certificate made for the
// test (openssl command line; skipped when it is missing).
#include <catch2/catch.hpp>
#include <filesystem>
#include <thread>

#include "feeds_fixture.h"
#include "tkg/net/http_fetcher.h"

using namespace tkg;
using tkg::testing::TempDir;

TEST_CASE("https: verified against the given CA, refused when the certificate is not trusted",
          "[feeds][fetch][https]") {
  if (!std::filesystem::exists("/usr/bin/openssl")) {
    WARN("openssl not installed: https test skipped");
    return;
  }
  TempDir dir;
  const std::string cert = dir.Join("cert.pem"), key = dir.Join("key.pem");
  auto made = tkg::testing::RunCommand(
      {"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
       cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
  REQUIRE(made.exit_code == 0);
  httplib::SSLServer server(cert.c_str(), key.c_str());
  REQUIRE(server.is_valid());
  server.Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(tkg::feedtest::Fixture("atom.xml"), "application/atom+xml");
  });
  int port = tkg::testing::FreePort();
  REQUIRE(server.bind_to_port("127.0.0.1", port));
  std::thread t([&] { server.listen_after_bind(); });
  const std::string url = "https://127.0.0.1:" + std::to_string(port) + "/feed.xml";

  HttpFetcherOptions trusting;
  trusting.ca_cert_file = cert;
  trusting.timeout_ms = 5000;
  HttpFetcher good(trusting);
  FetchRequest req;
  req.url = url;
  FetchResponse resp;
  Status s = good.Fetch(req, &resp);
  CHECK(s.ok());
  CHECK(resp.status == 200);
  CHECK(resp.body.find("Harbor City Library News") != std::string::npos);

  HttpFetcherOptions system_cas;
  system_cas.timeout_ms = 5000;
  HttpFetcher strict(system_cas);
  s = strict.Fetch(req, &resp);
  CHECK(s.IsIOError());
  CHECK(s.message().find(url) == 0);
  CHECK(s.message().find("certificate") != std::string::npos);

  server.stop();
  t.join();
}
