#include "feeds_fixture.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>

namespace tkg::feedtest {

std::string Fixture(const std::string& name) {
  return testing::ReadFile(testing::SourcePath("tests/fixtures/feeds/" + name));
}

const Extractor& SharedExtractor() {
  static std::unique_ptr<Extractor> extractor = [] {
    std::unique_ptr<Extractor> e;
    Status s = Extractor::Create(ExtractorOptions{}, &e);
    if (!s.ok()) FAIL("cannot create the extractor: " << s.ToString());
    return e;
  }();
  return *extractor;
}

FeedServer::FeedServer() {
  port_ = testing::FreePort();
  base_ = "http://127.0.0.1:" + std::to_string(port_);
  server_.set_tcp_nodelay(true);
  auto feed = [this](const std::string& path, const std::string& file, bool etags) {
    server_.Get(path,
                [this, path, file, etags](const httplib::Request& req, httplib::Response& res) {
                  Hit(path);
                  std::string name = file;
                  std::string etag;
                  if (etags) {
                    int v = version_;
                    if (v == 2) name = "rss-v2.xml";
                    etag = "\"v" + std::to_string(v) + "\"";
                    res.set_header("ETag", etag);
                    if (req.get_header_value("If-None-Match") == etag) {
                      res.status = 304;
                      return;
                    }
                  }
                  res.set_content(Fill(Fixture(name)), "application/rss+xml; charset=utf-8");
                });
  };
  feed("/feed.xml", "rss.xml", true);
  feed("/atom.xml", "atom.xml", false);
  feed("/mess.xml", "mess.xml", false);
  feed("/broken.xml", "broken.xml", false);
  server_.Get(R"(/articles/([a-z-]+)\.html)",
              [this](const httplib::Request& req, httplib::Response& res) {
                Hit(req.path);
                std::string file =
                    testing::SourcePath("tests/fixtures/feeds/" + req.matches[1].str() + ".html");
                if (!std::filesystem::exists(file)) {
                  res.status = 404;
                  res.set_content("not found", "text/plain");
                  return;
                }
                res.set_content(Fill(testing::ReadFile(file)), "text/html; charset=utf-8");
              });
  server_.Get("/loop/a", [this](const httplib::Request& req, httplib::Response& res) {
    Hit(req.path);
    res.set_redirect("/loop/b");
  });
  server_.Get("/loop/b", [this](const httplib::Request& req, httplib::Response& res) {
    Hit(req.path);
    res.set_redirect(base_ + "/loop/a");
  });
  server_.Get("/moved/alpha.html", [this](const httplib::Request& req, httplib::Response& res) {
    Hit(req.path);
    res.set_redirect("/articles/alpha.html", 301);
  });
  server_.Get("/big.html", [this](const httplib::Request& req, httplib::Response& res) {
    Hit(req.path);
    std::string body = "<html><body><article>";
    while (body.size() < 3 * 1024 * 1024)
      body += "<p>Filler paragraph of a page far too large.</p>\n";
    body += "</article></body></html>";
    res.set_content(body, "text/html");
  });
  server_.Get("/slow.html", [this](const httplib::Request& req, httplib::Response& res) {
    Hit(req.path);
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    res.set_content(Fill(Fixture("gamma.html")), "text/html");
  });
  if (!server_.bind_to_port("127.0.0.1", port_)) FAIL("cannot bind port " << port_);
  thread_ = std::thread([this] { server_.listen_after_bind(); });
}

FeedServer::~FeedServer() {
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

void FeedServer::Hit(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  ++hits_[path];
}

int FeedServer::Hits(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = hits_.find(path);
  return it == hits_.end() ? 0 : it->second;
}

int FeedServer::TotalPageHits() {
  std::lock_guard<std::mutex> lock(mu_);
  int n = 0;
  for (const auto& [p, c] : hits_)
    if (p.rfind("/articles/", 0) == 0) n += c;
  return n;
}

std::string FeedServer::Fill(const std::string& bytes) const {
  std::string out = bytes;
  const std::string key = "{{BASE}}";
  for (size_t p = out.find(key); p != std::string::npos; p = out.find(key, p + base_.size()))
    out.replace(p, key.size(), base_);
  return out;
}

std::unique_ptr<Article> RecordingStore::Find(const std::string& suffix) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = articles_.rbegin(); it != articles_.rend(); ++it) {
    if (it->url.size() >= suffix.size() &&
        it->url.compare(it->url.size() - suffix.size(), suffix.size(), suffix) == 0)
      return std::make_unique<Article>(*it);
  }
  return nullptr;
}

std::unique_ptr<RecordingStore> OpenRecordingStore(const std::string& dir) {
  std::unique_ptr<Store> inner;
  Status s = Store::Open(StoreOptions{}, dir, &inner);
  if (!s.ok()) FAIL("cannot open store " << dir << ": " << s.ToString());
  return std::make_unique<RecordingStore>(std::move(inner));
}

}  // namespace tkg::feedtest
