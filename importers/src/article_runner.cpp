#include "article_runner.h"

#include <algorithm>
#include <atomic>
#include <ctime>
#include <exception>
#include <memory>
#include <thread>

#include "failure_reason.h"

namespace tkg {

ArticleRunner::ArticleRunner(Store& store, const Extractor& extractor,
                             const ImportOptions& options, ImportSummary* summary)
    : store_(store), extractor_(extractor), summary_(summary) {
  threads_ = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads_ = std::clamp(threads_, 1u, 16u);
}

ArticleRunner::~ArticleRunner() {
  if (writing_.valid()) writing_.wait();
}

void ArticleRunner::AddArticle(Article article, std::string input) {
  Item item;
  item.graph.article = std::move(article);
  item.graph.article.ingested_at = static_cast<int64_t>(std::time(nullptr));
  item.input = std::move(input);
  batch_.push_back(std::move(item));
  ++articles_;
}

void ArticleRunner::AddFailure(std::string input, std::string reason) {
  Item item;
  item.failure_only = true;
  item.input = std::move(input);
  item.reason = std::move(reason);
  batch_.push_back(std::move(item));
}

Status ArticleRunner::Flush() {
  if (batch_.empty()) return Status::OK();
  ExtractAll();
  Status s = Join();
  if (!s.ok()) return s;
  auto items = std::make_shared<std::vector<Item>>(std::move(batch_));
  batch_.clear();
  articles_ = 0;
  writing_ = std::async(std::launch::async, [this, items] { return Write(*items); });
  return Status::OK();
}

Status ArticleRunner::Finish() {
  Status s = Flush();
  if (!s.ok()) return s;
  return Join();
}

void ArticleRunner::ExtractAll() {
  std::vector<Item*> todo;
  for (auto& item : batch_)
    if (!item.failure_only) todo.push_back(&item);
  size_t n = todo.size();
  unsigned workers = static_cast<unsigned>(std::min<size_t>(threads_, n));
  if (workers <= 1) {
    for (Item* item : todo) item->status = SafeExtract(&item->graph);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) todo[i]->status = SafeExtract(&todo[i]->graph);
  };
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work);
  work();  // this thread takes part too
  for (auto& t : pool) t.join();
}

// Runs on the writer thread; touches only `items` and the store (which serialises writes).
// Articles go to the store in groups (Store::PutArticles: one WriteBatch per group, each article
// still all or nothing), which costs far less per article than one write each.
ArticleRunner::WriteResult ArticleRunner::Write(std::vector<Item>& items) {
  WriteResult r;
  std::vector<Item*> group;
  size_t group_bytes = 0;
  auto write_group = [&]() -> bool {
    if (group.empty()) return true;
    std::vector<const ArticleGraph*> graphs;
    for (Item* item : group) graphs.push_back(&item->graph);
    std::vector<PutResult> results;
    Status s = store_.PutArticles(graphs, &results);
    results.resize(group.size(), PutResult{s, PutOutcome::kUnchanged});
    for (size_t i = 0; i < group.size(); ++i) {
      const Item& item = *group[i];
      const PutResult& pr = results[i];
      if (pr.status.IsInvalidArgument()) {  // the article, not the store, is at fault
        r.failures.push_back({item.input, "not stored: " + FailureReason(pr.status, item.input)});
        continue;
      }
      if (!pr.status.ok()) {  // the store failed: this article and the rest are not stored
        r.status = WithInput(pr.status, item.input);
        return false;
      }
      switch (pr.outcome) {
        case PutOutcome::kInserted:
          ++r.imported;
          r.statements += item.graph.statements.size();
          break;
        case PutOutcome::kUpdated:
          ++r.updated;
          r.statements += item.graph.statements.size();
          break;
        case PutOutcome::kUnchanged:
          ++r.unchanged;
          break;
      }
    }
    if (!s.ok()) {  // a store failure that no result carries
      r.status = WithInput(s, group.front()->input);
      return false;
    }
    group.clear();
    group_bytes = 0;
    return true;
  };
  for (auto& item : items) {
    if (item.failure_only) {
      if (!write_group()) return r;  // failures stay in input order
      r.failures.push_back({item.input, item.reason});
      continue;
    }
    if (!item.status.ok()) {
      if (!write_group()) return r;
      r.failures.push_back(
          {item.input, "extraction failed: " + FailureReason(item.status, item.input)});
      continue;
    }
    group.push_back(&item);
    group_bytes += item.graph.article.text.size();
    if (group.size() >= kGroup || group_bytes >= kGroupBytes) {
      if (!write_group()) return r;
    }
  }
  write_group();
  return r;
}

// Waits for the batch being written and merges its results.
Status ArticleRunner::Join() {
  if (!writing_.valid()) return Status::OK();
  WriteResult r = writing_.get();
  summary_->imported += r.imported;
  summary_->unchanged += r.unchanged;
  summary_->updated += r.updated;
  summary_->statements += r.statements;
  for (auto& f : r.failures) summary_->failures.push_back(std::move(f));
  return r.status;
}

// Extraction must not throw (errors are values), but one article that trips a bug in a rule
// must not end a bulk run either: it becomes that article's failure.
Status ArticleRunner::SafeExtract(ArticleGraph* graph) const {
  try {
    return extractor_.Extract(graph);
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string("internal error (exception: ") + e.what() + ")");
  } catch (...) {
    return Status::InvalidArgument("internal error (unknown exception)");
  }
}

}  // namespace tkg
