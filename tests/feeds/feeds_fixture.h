// Shared by the feeds tests: a real cpp-httplib server on a free loopback port serving the
// fixtures of tests/fixtures/feeds/ (with {{BASE}} replaced by its own address), counting hits
// per path; a Store wrapper that remembers the articles written (to check fields the store does
// not keep, such as Article::published_basis); one Extractor for all tests.
#pragma once

#include <httplib.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"
#include "tkg/engine/store.h"
#include "tkg/importers/extractor.h"

namespace tkg::feedtest {

std::string Fixture(const std::string& name);  // bytes of tests/fixtures/feeds/<name>
const Extractor& SharedExtractor();

class FeedServer {
 public:
  FeedServer();
  ~FeedServer();
  const std::string& base() const { return base_; }
  std::string Url(const std::string& path) const { return base_ + path; }
  int Hits(const std::string& path);
  int TotalPageHits();  // requests under /articles/
  void SetFeedVersion(int v) { version_ = v; }

 private:
  void Hit(const std::string& path);
  std::string Fill(const std::string& bytes) const;

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::string base_;
  std::atomic<int> version_{1};
  std::mutex mu_;
  std::map<std::string, int> hits_;
};

// A Store that forwards to a real one and keeps a copy of each article written.
class RecordingStore : public Store {
 public:
  explicit RecordingStore(std::unique_ptr<Store> inner) : inner_(std::move(inner)) {}
  Status PutArticle(const ArticleGraph& graph, PutOutcome* outcome) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      articles_.push_back(graph.article);
    }
    return inner_->PutArticle(graph, outcome);
  }
  Status PutTopics(const std::vector<Topic>& topics) override { return inner_->PutTopics(topics); }
  Status GetArticle(const std::string& id, Article* out) override {
    return inner_->GetArticle(id, out);
  }
  Status GetArticleGraph(const std::string& id, ArticleGraph* out) override {
    return inner_->GetArticleGraph(id, out);
  }
  Status GetActor(const std::string& id, ActorView* out) override {
    return inner_->GetActor(id, out);
  }
  Status FindActors(const std::string& q, size_t limit, std::vector<ActorView>* out) override {
    return inner_->FindActors(q, limit, out);
  }
  Status ResolveActor(const std::string& q, std::vector<std::string>* ids) override {
    return inner_->ResolveActor(q, ids);
  }
  Status QueryStatements(const StatementQuery& q, StatementPage* out) override {
    return inner_->QueryStatements(q, out);
  }
  Status QueryEvents(const EventQuery& q, std::vector<Event>* out) override {
    return inner_->QueryEvents(q, out);
  }
  Status ListTopics(std::vector<Topic>* out) override { return inner_->ListTopics(out); }
  Status Neighbors(const std::string& id, EdgeType t, bool outgoing,
                   std::vector<Edge>* out) override {
    return inner_->Neighbors(id, t, outgoing, out);
  }
  Status Stats(StoreStats* out) override { return inner_->Stats(out); }
  Status ListArticles(const std::string& after, size_t limit,
                      std::vector<std::string>* ids) override {
    return inner_->ListArticles(after, limit, ids);
  }
  Status GetFeedState(const std::string& url, FeedState* out) override {
    return inner_->GetFeedState(url, out);
  }
  Status PutFeedState(const FeedState& state) override { return inner_->PutFeedState(state); }

  std::vector<Article> articles() {
    std::lock_guard<std::mutex> lock(mu_);
    return articles_;
  }
  // The last article written whose url ends with `suffix`; nullptr if none.
  std::unique_ptr<Article> Find(const std::string& suffix);
  void Clear() {
    std::lock_guard<std::mutex> lock(mu_);
    articles_.clear();
  }

 private:
  std::unique_ptr<Store> inner_;
  std::mutex mu_;
  std::vector<Article> articles_;
};

std::unique_ptr<RecordingStore> OpenRecordingStore(const std::string& dir);

}  // namespace tkg::feedtest
