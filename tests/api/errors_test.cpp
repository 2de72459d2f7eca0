// Errors as application/problem+json with a human message, and a store that fails or throws.
#include <catch2/catch.hpp>
#include <stdexcept>

#include "api_fixture.h"

using nlohmann::json;
using tkg::testing::Ids;
using tkg::testing::ServedStore;

namespace {

std::string Enc(const std::string& v) { return httplib::detail::encode_query_param(v); }

// Checks a problem document: status, content type, fields, and words the detail must hold.
void CheckProblem(ServedStore& s, const std::string& path, int want_status,
                  const std::string& detail_part) {
  auto res = s.Get(path);
  INFO("GET " << path << " -> " << res->status << " " << res->body);
  CHECK(res->status == want_status);
  CHECK(res->get_header_value("Content-Type") == "application/problem+json");
  json p = json::parse(res->body, nullptr, false);
  REQUIRE(!p.is_discarded());
  CHECK(p["status"] == want_status);
  CHECK(p["type"].is_string());
  CHECK(p["title"].is_string());
  REQUIRE(p["detail"].is_string());
  CHECK(p["detail"].get<std::string>().find(detail_part) != std::string::npos);
}

}  // namespace

TEST_CASE("400 for bad dates, limits, formats, cursors and parameters", "[api][errors]") {
  ServedStore s;
  CheckProblem(s, "/v1/statements?from=2016-13-45", 400, "'2016-13-45' is not a date");
  CheckProblem(s, "/v1/statements?to=yesterday", 400, "'to'");
  CheckProblem(s, "/v1/statements?from=2016-05&to=2016-04", 400, "after");
  CheckProblem(s, "/v1/statements?limit=0", 400, "limit");
  CheckProblem(s, "/v1/statements?limit=1001", 400, "1 to 1000");
  CheckProblem(s, "/v1/statements?limit=ten", 400, "'ten'");
  CheckProblem(s, "/v1/statements?min_confidence=2", 400, "0 to 1");
  CheckProblem(s, "/v1/statements?cursor=" + Enc("not a cursor"), 400, "cursor");
  CheckProblem(s, "/v1/statements?spekaer=Voss", 400, "unknown parameter 'spekaer'");
  CheckProblem(s, "/v1/timeline?topic=cybersecurity&format=xml", 400, "unknown format 'xml'");
  CheckProblem(s, "/v1/timeline?from=March", 400, "'March'");
  CheckProblem(s, "/v1/events?limit=5000", 400, "limit");
  CheckProblem(s, "/v1/events?to=2016-02-30", 400, "2016-02-30");
  CheckProblem(s, "/v1/actors/" + Ids().voss + "/timeline?format=csv", 400, "csv");
  // Limits at the edges are fine.
  CHECK(s.Get("/v1/statements?limit=1")->status == 200);
  CHECK(s.Get("/v1/statements?limit=1000")->status == 200);
}

TEST_CASE("404 for unknown ids and paths", "[api][errors]") {
  ServedStore s;
  CheckProblem(s, "/v1/actors/p0000000000000000", 404, "p0000000000000000");
  CheckProblem(s, "/v1/actors/p0000000000000000/timeline", 404, "p0000000000000000");
  CheckProblem(s, "/v1/articles/a0000000000000000", 404, "a0000000000000000");
  CheckProblem(s, "/v1/nothing-here", 404, "/v1/nothing-here");
  CheckProblem(s, "/", 404, "no such endpoint");
}

TEST_CASE("405 for other methods on known paths", "[api][errors]") {
  ServedStore s;
  httplib::Client c("127.0.0.1", s.port());
  auto post = c.Post("/v1/statements", "{}", "application/json");
  REQUIRE(post);
  CHECK(post->status == 405);
  CHECK(post->get_header_value("Content-Type") == "application/problem+json");
  CHECK(post->get_header_value("Allow").find("GET") != std::string::npos);
  auto del = c.Delete(("/v1/actors/" + Ids().voss).c_str());
  REQUIRE(del);
  CHECK(del->status == 405);
  auto put_unknown = c.Put("/v1/unknown", "x", "text/plain");
  REQUIRE(put_unknown);
  CHECK(put_unknown->status == 404);
}

namespace {

// A store that passes everything through except QueryStatements, which fails or throws.
class FailingStore : public tkg::Store {
 public:
  FailingStore(tkg::Store& inner, bool do_throw) : inner_(inner), throw_(do_throw) {}
  tkg::Status PutArticle(const tkg::ArticleGraph& g, tkg::PutOutcome* o) override {
    return inner_.PutArticle(g, o);
  }
  tkg::Status PutTopics(const std::vector<tkg::Topic>& t) override { return inner_.PutTopics(t); }
  tkg::Status GetArticle(const std::string& id, tkg::Article* out) override {
    return inner_.GetArticle(id, out);
  }
  tkg::Status GetArticleGraph(const std::string& id, tkg::ArticleGraph* out) override {
    return inner_.GetArticleGraph(id, out);
  }
  tkg::Status GetActor(const std::string& id, tkg::ActorView* out) override {
    return inner_.GetActor(id, out);
  }
  tkg::Status FindActors(const std::string& q, size_t limit,
                         std::vector<tkg::ActorView>* out) override {
    return inner_.FindActors(q, limit, out);
  }
  tkg::Status ResolveActor(const std::string& q, std::vector<std::string>* ids) override {
    return inner_.ResolveActor(q, ids);
  }
  tkg::Status QueryStatements(const tkg::StatementQuery&, tkg::StatementPage*) override {
    if (throw_) throw std::runtime_error("disk on fire");
    return tkg::Status::IOError("statement index unreadable: checksum mismatch in block 7");
  }
  tkg::Status QueryEvents(const tkg::EventQuery& q, std::vector<tkg::Event>* out) override {
    return inner_.QueryEvents(q, out);
  }
  tkg::Status ListTopics(std::vector<tkg::Topic>* out) override { return inner_.ListTopics(out); }
  tkg::Status Neighbors(const std::string& id, tkg::EdgeType t, bool outgoing,
                        std::vector<tkg::Edge>* out) override {
    return inner_.Neighbors(id, t, outgoing, out);
  }
  tkg::Status Stats(tkg::StoreStats* out) override { return inner_.Stats(out); }

 private:
  tkg::Store& inner_;
  bool throw_;
};

}  // namespace

TEST_CASE("500 with the store's message, and exceptions never escape a handler", "[api][errors]") {
  tkg::testing::TempDir dir;
  std::unique_ptr<tkg::Store> store;
  REQUIRE(tkg::Store::Open(tkg::StoreOptions(), dir.Join("store"), &store).ok());
  for (bool do_throw : {false, true}) {
    FailingStore failing(*store, do_throw);
    tkg::api::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    tkg::api::Server server(failing, options);
    REQUIRE(server.Start().ok());
    httplib::Client c("127.0.0.1", server.port());
    auto res = c.Get("/v1/statements?topic=cybersecurity");
    REQUIRE(res);
    CHECK(res->status == 500);
    CHECK(res->get_header_value("Content-Type") == "application/problem+json");
    json p = json::parse(res->body);
    CHECK(p["status"] == 500);
    std::string detail = p["detail"];
    CHECK(detail.find(do_throw ? "disk on fire" : "checksum mismatch in block 7") !=
          std::string::npos);
    // The server still answers afterwards.
    auto health = c.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
    server.Stop();
  }
}

TEST_CASE("a server stops cleanly, also right after it starts", "[api]") {
  tkg::testing::TempDir dir;
  std::unique_ptr<tkg::Store> store;
  REQUIRE(tkg::Store::Open(tkg::StoreOptions(), dir.Join("store"), &store).ok());
  for (int i = 0; i < 5; ++i) {
    tkg::api::ServerOptions options;
    options.port = 0;
    tkg::api::Server server(*store, options);
    REQUIRE(server.Start().ok());
    server.Stop();
    server.Stop();  // idempotent
  }
  // Stop before Serve: Serve returns at once.
  tkg::api::ServerOptions options;
  options.port = 0;
  tkg::api::Server server(*store, options);
  REQUIRE(server.Bind().ok());
  server.Stop();
  CHECK(server.Serve().ok());
  // A taken port is an error naming it.
  tkg::api::ServerOptions same;
  tkg::api::ServerOptions first_options;
  first_options.port = 0;
  tkg::api::Server first(*store, first_options);
  REQUIRE(first.Start().ok());
  same.port = first.port();
  tkg::api::Server second(*store, same);
  tkg::Status s = second.Bind();
  CHECK(!s.ok());
  CHECK(s.message().find(std::to_string(first.port())) != std::string::npos);
}
