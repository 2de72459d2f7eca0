// The run's contract under faults: an article whose extraction fails (or throws) is a failure
// and the run goes on; a store that fails stops the run with the store's status.
#include <catch2/catch.hpp>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_support.h"
#include "tkg/engine/store.h"
#include "tkg/importers/extractor.h"
#include "tkg/importers/import.h"

using tkg::testing::SourcePath;
using tkg::testing::TempDir;

namespace {

// Wraps the real extractor; misbehaves on articles whose headline contains a marker.
class FaultyExtractor : public tkg::Extractor {
 public:
  explicit FaultyExtractor(std::unique_ptr<tkg::Extractor> real) : real_(std::move(real)) {}
  tkg::Status Extract(tkg::ArticleGraph* graph) const override {
    if (graph->article.headline.find("Police Promise") != std::string::npos)
      throw std::runtime_error("rule bug");
    if (graph->article.headline.find("Social Security") != std::string::npos)
      return tkg::Status::InvalidArgument("cannot segment sentences");
    return real_->Extract(graph);
  }
  const tkg::Taxonomy& taxonomy() const override { return real_->taxonomy(); }

 private:
  std::unique_ptr<tkg::Extractor> real_;
};

// Wraps the real extractor; gives the article about ransomware and hospitals an id the store
// refuses ('@' is reserved), as a buggy extraction might.
class BadIdExtractor : public tkg::Extractor {
 public:
  explicit BadIdExtractor(std::unique_ptr<tkg::Extractor> real) : real_(std::move(real)) {}
  tkg::Status Extract(tkg::ArticleGraph* graph) const override {
    tkg::Status s = real_->Extract(graph);
    if (s.ok() && graph->article.headline.find("Hospitals") != std::string::npos) {
      graph->article.id += "@bad";
    }
    return s;
  }
  const tkg::Taxonomy& taxonomy() const override { return real_->taxonomy(); }

 private:
  std::unique_ptr<tkg::Extractor> real_;
};

// Delegates to a real store; PutArticle fails with `error` from the `fail_at`-th call on.
class FailingStore : public tkg::Store {
 public:
  FailingStore(std::unique_ptr<tkg::Store> real, int fail_at, tkg::Status error)
      : real_(std::move(real)), fail_at_(fail_at), error_(std::move(error)) {}
  tkg::Status PutArticle(const tkg::ArticleGraph& g, tkg::PutOutcome* o) override {
    if (++puts_ >= fail_at_) return error_;
    return real_->PutArticle(g, o);
  }
  tkg::Status PutTopics(const std::vector<tkg::Topic>& t) override { return real_->PutTopics(t); }
  tkg::Status GetArticle(const std::string& id, tkg::Article* out) override {
    return real_->GetArticle(id, out);
  }
  tkg::Status GetArticleGraph(const std::string& id, tkg::ArticleGraph* out) override {
    return real_->GetArticleGraph(id, out);
  }
  tkg::Status GetActor(const std::string& id, tkg::ActorView* out) override {
    return real_->GetActor(id, out);
  }
  tkg::Status FindActors(const std::string& q, size_t limit,
                         std::vector<tkg::ActorView>* out) override {
    return real_->FindActors(q, limit, out);
  }
  tkg::Status ResolveActor(const std::string& q, std::vector<std::string>* ids) override {
    return real_->ResolveActor(q, ids);
  }
  tkg::Status QueryStatements(const tkg::StatementQuery& q, tkg::StatementPage* out) override {
    return real_->QueryStatements(q, out);
  }
  tkg::Status QueryEvents(const tkg::EventQuery& q, std::vector<tkg::Event>* out) override {
    return real_->QueryEvents(q, out);
  }
  tkg::Status ListTopics(std::vector<tkg::Topic>* out) override { return real_->ListTopics(out); }
  tkg::Status Neighbors(const std::string& id, tkg::EdgeType type, bool outgoing,
                        std::vector<tkg::Edge>* out) override {
    return real_->Neighbors(id, type, outgoing, out);
  }
  tkg::Status Stats(tkg::StoreStats* out) override { return real_->Stats(out); }
  int puts() const { return puts_; }

 private:
  std::unique_ptr<tkg::Store> real_;
  int fail_at_;
  tkg::Status error_;
  int puts_ = 0;
};

std::unique_ptr<tkg::Store> OpenStore(const TempDir& dir) {
  std::unique_ptr<tkg::Store> store;
  tkg::Status s = tkg::Store::Open(tkg::StoreOptions{}, dir.Join("db"), &store);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return store;
}

std::unique_ptr<tkg::Extractor> RealExtractor() {
  std::unique_ptr<tkg::Extractor> e;
  REQUIRE(tkg::Extractor::Create(tkg::ExtractorOptions{}, &e).ok());
  return e;
}

}  // namespace

TEST_CASE("run: failing or throwing extraction fails that article only", "[import]") {
  TempDir dir;
  auto store = OpenStore(dir);
  FaultyExtractor extractor(RealExtractor());
  for (unsigned threads : {1u, 2u}) {
    tkg::ImportOptions options;
    options.threads = threads;
    tkg::ImportSummary summary;
    REQUIRE(tkg::ImportPaths(*store, extractor, {SourcePath("examples")}, options, &summary).ok());
    CHECK(summary.failures.size() == 2);
    bool threw = false, failed = false;
    for (const auto& f : summary.failures) {
      if (f.input.ends_with("stadium-security.txt") &&
          f.reason.find("rule bug") != std::string::npos)
        threw = true;
      if (f.input.ends_with("social-security-reform.txt") &&
          f.reason.find("cannot segment sentences") != std::string::npos)
        failed = true;
    }
    CHECK(threw);
    CHECK(failed);
    CHECK(summary.imported + summary.unchanged >= 13);
  }
}

TEST_CASE("run: a store failure stops the run with the store's status", "[import]") {
  TempDir dir;
  FailingStore store(OpenStore(dir), 3, tkg::Status::IOError("disk full"));
  auto extractor = RealExtractor();
  tkg::ImportSummary summary;
  tkg::Status s =
      tkg::ImportPaths(store, *extractor, {SourcePath("examples")}, tkg::ImportOptions{}, &summary);
  REQUIRE(s.IsIOError());
  CHECK(s.message().find("disk full") != std::string::npos);
  CHECK(s.message().find("examples/") != std::string::npos);  // names the article's input
  CHECK(summary.imported == 2);  // what went in before the failure is counted
  CHECK(store.puts() == 3);      // nothing was tried after it
  CHECK(summary.seconds > 0);
}

TEST_CASE("run: an article the store refuses fails alone, the others written with it are stored",
          "[import]") {
  TempDir dir, reference;
  auto store = OpenStore(dir);
  BadIdExtractor extractor(RealExtractor());
  tkg::ImportSummary summary;
  REQUIRE(
      tkg::ImportPaths(*store, extractor, {SourcePath("examples")}, tkg::ImportOptions{}, &summary)
          .ok());
  REQUIRE(summary.failures.size() == 1);
  CHECK(summary.failures[0].input.ends_with("ransomware-hospitals.txt"));
  CHECK(summary.failures[0].reason.find("not stored") != std::string::npos);

  // Everything else is stored as a run without the bad article stores it.
  auto ref = OpenStore(reference);
  auto real = RealExtractor();
  tkg::ImportSummary all;
  REQUIRE(tkg::ImportPaths(*ref, *real, {SourcePath("examples")}, tkg::ImportOptions{}, &all).ok());
  CHECK(all.failures.empty());
  CHECK(summary.imported == all.imported - 1);
  tkg::StoreStats got, want;
  REQUIRE(store->Stats(&got).ok());
  REQUIRE(ref->Stats(&want).ok());
  CHECK(got.articles == want.articles - 1);
  CHECK(got.statements < want.statements);
  CHECK(got.statements > 0);
}
