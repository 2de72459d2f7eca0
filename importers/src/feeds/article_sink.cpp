// ArticleSink: see article_sink.h.
#include "article_sink.h"

#include <algorithm>
#include <atomic>
#include <ctime>
#include <exception>
#include <thread>

namespace tkg::feeds {

ArticleSink::ArticleSink(Store& store, const Extractor& extractor, const ImportOptions& options,
                         ImportSummary* summary)
    : store_(store), extractor_(extractor), summary_(summary) {
  threads_ = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads_ = std::clamp(threads_, 1u, 16u);
}

void ArticleSink::Add(Article article, std::string input) {
  Item item;
  item.graph.article = std::move(article);
  item.graph.article.ingested_at = static_cast<int64_t>(std::time(nullptr));
  item.input = std::move(input);
  items_.push_back(std::move(item));
}

Status ArticleSink::Flush() {
  // Extraction must not throw, but one article tripping a bug must not end the run.
  auto extract = [this](Item& item) {
    try {
      item.status = extractor_.Extract(&item.graph);
    } catch (const std::exception& e) {
      item.status =
          Status::InvalidArgument(std::string("internal error (exception: ") + e.what() + ")");
    } catch (...) {
      item.status = Status::InvalidArgument("internal error (unknown exception)");
    }
  };
  size_t n = items_.size();
  unsigned workers = static_cast<unsigned>(std::min<size_t>(threads_, n));
  if (workers <= 1) {
    for (auto& item : items_) extract(item);
  } else {
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < n; i = next++) extract(items_[i]);
    };
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
  }
  std::vector<Item> items = std::move(items_);
  items_.clear();
  for (auto& item : items) {
    if (!item.status.ok()) {
      summary_->failures.push_back(
          {item.input, "extraction failed: " + FailureReason(item.status, item.input)});
      continue;
    }
    PutOutcome outcome = PutOutcome::kUnchanged;
    Status s = store_.PutArticle(item.graph, &outcome);
    if (s.IsInvalidArgument()) {
      summary_->failures.push_back({item.input, "not stored: " + FailureReason(s, item.input)});
      continue;
    }
    if (!s.ok()) return WithInput(s, item.input);
    switch (outcome) {
      case PutOutcome::kInserted:
        ++summary_->imported;
        summary_->statements += item.graph.statements.size();
        break;
      case PutOutcome::kUpdated:
        ++summary_->updated;
        summary_->statements += item.graph.statements.size();
        break;
      case PutOutcome::kUnchanged:
        ++summary_->unchanged;
        break;
    }
  }
  return Status::OK();
}

}  // namespace tkg::feeds
