// Internal to importers: the extract-then-write stage every import path shares (files in
// import.cpp; feeds, fetched pages and WARC records in feeds/). Articles are extracted a batch at
// a time on a few threads while one writer thread stores the previous batch; they are written in
// the order added, in groups of one WriteBatch each (Store::PutArticles; every article all or
// nothing), and outcomes and failures are counted into the ImportSummary in that order.
// Thread safety: one thread drives a runner.
#pragma once

#include <future>
#include <string>
#include <vector>

#include "tkg/engine/store.h"
#include "tkg/importers/extractor.h"
#include "tkg/importers/import.h"
#include "tkg/schema/status.h"
#include "tkg/schema/types.h"

namespace tkg {

class ArticleRunner {
 public:
  // Articles a batch holds before Full() says to flush.
  static constexpr size_t kBatch = 64;
  // The writer stores articles in groups of at most this many, or of about this much text
  // (Store::PutArticles), bounding the memory of one write.
  static constexpr size_t kGroup = 64;
  static constexpr size_t kGroupBytes = 16u << 20;

  ArticleRunner(Store& store, const Extractor& extractor, const ImportOptions& options,
                ImportSummary* summary);
  ~ArticleRunner();  // waits for the batch being written
  ArticleRunner(const ArticleRunner&) = delete;
  ArticleRunner& operator=(const ArticleRunner&) = delete;

  // `input` names the article in failure records ("a.txt", "f.jsonl:line 3", a URL).
  void AddArticle(Article article, std::string input);
  // A failure already known (an unreadable input), kept in order with the articles.
  void AddFailure(std::string input, std::string reason);
  bool Full() const { return articles_ >= kBatch || batch_.size() >= 4 * kBatch; }

  // Extracts what is pending and starts writing it. Non-OK only for a store failure (of this or
  // the previous batch).
  Status Flush();
  // Flushes and waits for the last writes: afterwards everything added is stored or counted.
  Status Finish();

 private:
  struct Item {
    ArticleGraph graph;
    std::string input;
    Status status;  // extraction result
    bool failure_only = false;
    std::string reason;  // when failure_only
  };
  struct WriteResult {
    uint64_t imported = 0, unchanged = 0, updated = 0, statements = 0;
    std::vector<ImportFailure> failures;
    Status status;  // non-OK: the store failed and the run stops
  };

  void ExtractAll();
  WriteResult Write(std::vector<Item>& items);
  Status Join();
  Status SafeExtract(ArticleGraph* graph) const;

  Store& store_;
  const Extractor& extractor_;
  ImportSummary* summary_;
  unsigned threads_ = 1;
  std::vector<Item> batch_;
  size_t articles_ = 0;
  std::future<WriteResult> writing_;
};

}  // namespace tkg
