// The import run. Inputs are collected first (folders walked recursively, hidden entries and
// non-article files skipped, each folder's files in sorted order), then read one by one through
// the format registry. Extraction runs on a few threads over a batch of articles while a writer
// thread stores the previous batch; the articles are written in input order, one WriteBatch
// each (Store::PutArticle). Only a store failure ends the run early; everything else is a
// failure record naming the input and the reason.
#include "tkg/importers/import.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <exception>
#include <filesystem>
#include <future>
#include <memory>
#include <thread>

#include "failure_reason.h"
#include "tkg/importers/format_registry.h"

namespace tkg {

namespace {

namespace fs = std::filesystem;

// Inputs larger than this are refused: no news article is that long, and a JSON Lines or SGML
// collection that large should be split.
constexpr uint64_t kMaxInputBytes = 50ull * 1024 * 1024;
// Articles extracted together before they are written.
constexpr size_t kBatch = 64;

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

struct InputList {
  std::vector<std::string> files;
  std::vector<ImportFailure> failures;
};

void Collect(const std::string& path, bool explicit_format, InputList* out) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    out->failures.push_back({path, "no such file or directory"});
    return;
  }
  if (fs::is_regular_file(st)) {
    // A named file is read even if hidden; only a clearly non-article extension is refused.
    std::string ext = fs::path(path).extension().string();
    // .json is read when named (a news-please file) but not picked up in folders, where it is
    // more often something else (annotations, configuration).
    if (!explicit_format && !ext.empty() && !IsArticleFileName(path) && ext != ".json") {
      out->failures.push_back(
          {path, "not an article file (extension " + ext +
                     "; importable: .txt .jsonl .ndjson .json .sgm .sgml .html .htm); "
                     "pass --format to read it anyway"});
      return;
    }
    out->files.push_back(path);
    return;
  }
  if (!fs::is_directory(st)) {
    out->failures.push_back({path, "not a regular file or directory"});
    return;
  }
  std::vector<std::string> found;
  fs::recursive_directory_iterator it(path, ec), end;
  if (ec) {
    out->failures.push_back({path, "cannot read directory: " + ec.message()});
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      out->failures.push_back({path, "cannot read directory: " + ec.message()});
      break;
    }
    const fs::directory_entry& e = *it;
    if (IsHidden(e.path())) {
      if (e.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (e.is_regular_file(ec) && IsArticleFileName(e.path().string())) {
      found.push_back(e.path().string());
    }
  }
  std::sort(found.begin(), found.end());
  out->files.insert(out->files.end(), found.begin(), found.end());
}

// Reads a whole file; the size is checked before reading.
Status ReadInput(const std::string& path, std::string* bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return Status::IOError(path + ": cannot stat: " + std::strerror(err));
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxInputBytes) {
    ::close(fd);
    return Status::InvalidArgument(path + ": too large (" + std::to_string(st.st_size) +
                                   " bytes; the limit is 50 MB per input)");
  }
  bytes->resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (got < bytes->size()) {
    ssize_t n = ::read(fd, bytes->data() + got, bytes->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return Status::IOError(path + ": cannot read: " + std::strerror(err));
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  bytes->resize(got);
  ::close(fd);
  return Status::OK();
}

// One entry of the run in input order: an article to extract and write, or a failure already
// known (an unreadable input), kept in the same stream so that failures stay in input order.
struct Item {
  ArticleGraph graph;
  std::string input;  // "path" or "path:line 3"
  Status status;      // extraction result
  bool failure_only = false;
  std::string reason;  // when failure_only
};

struct WriteResult {
  uint64_t imported = 0, unchanged = 0, updated = 0, statements = 0;
  std::vector<ImportFailure> failures;
  Status status;  // non-OK: the store failed and the run stops
};

// Extracts a batch on a few threads, then hands it to one writer thread and goes on with the
// next batch: extraction of batch k+1 overlaps the writes of batch k. At most one batch is being
// written at a time, and results are merged into the summary in batch order.
class Runner {
 public:
  Runner(Store& store, const Extractor& extractor, const ImportOptions& options,
         ImportSummary* summary)
      : store_(store), extractor_(extractor), summary_(summary) {
    threads_ = options.threads ? options.threads : std::thread::hardware_concurrency();
    if (threads_ == 0) threads_ = 1;
    threads_ = std::min(threads_, 16u);
  }
  ~Runner() {
    if (writing_.valid()) writing_.wait();
  }

  void AddArticle(Article article, std::string input) {
    Item item;
    item.graph.article = std::move(article);
    item.graph.article.ingested_at = static_cast<int64_t>(std::time(nullptr));
    item.input = std::move(input);
    batch_.push_back(std::move(item));
    ++articles_;
  }

  void AddFailure(std::string input, std::string reason) {
    Item item;
    item.failure_only = true;
    item.input = std::move(input);
    item.reason = std::move(reason);
    batch_.push_back(std::move(item));
  }

  bool Full() const { return articles_ >= kBatch || batch_.size() >= 4 * kBatch; }

  // Extracts what is pending and starts writing it. Non-OK only for a store failure (of this or
  // the previous batch).
  Status Flush() {
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

  // Flushes and waits for the last writes.
  Status Finish() {
    Status s = Flush();
    if (!s.ok()) return s;
    return Join();
  }

 private:
  void ExtractAll() {
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
  WriteResult Write(std::vector<Item>& items) {
    WriteResult r;
    for (auto& item : items) {
      if (item.failure_only) {
        r.failures.push_back({item.input, item.reason});
        continue;
      }
      if (!item.status.ok()) {
        r.failures.push_back({item.input, "extraction failed: " + FailureReason(item.status, item.input)});
        continue;
      }
      PutOutcome outcome = PutOutcome::kUnchanged;
      Status s = store_.PutArticle(item.graph, &outcome);
      if (s.IsInvalidArgument()) {  // the article, not the store, is at fault
        r.failures.push_back({item.input, "not stored: " + FailureReason(s, item.input)});
        continue;
      }
      if (!s.ok()) {
        r.status = WithInput(s, item.input);
        return r;
      }
      switch (outcome) {
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
    return r;
  }

  // Waits for the batch being written and merges its results.
  Status Join() {
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
  Status SafeExtract(ArticleGraph* graph) const {
    try {
      return extractor_.Extract(graph);
    } catch (const std::exception& e) {
      return Status::InvalidArgument(std::string("internal error (exception: ") + e.what() + ")");
    } catch (...) {
      return Status::InvalidArgument("internal error (unknown exception)");
    }
  }

  Store& store_;
  const Extractor& extractor_;
  ImportSummary* summary_;
  unsigned threads_ = 1;
  std::vector<Item> batch_;
  size_t articles_ = 0;
  std::future<WriteResult> writing_;
};

}  // namespace

Status ImportPaths(Store& store, const Extractor& extractor, const std::vector<std::string>& paths,
                   const ImportOptions& options, ImportSummary* summary) {
  *summary = ImportSummary{};
  auto started = std::chrono::steady_clock::now();
  auto finish = [&](Status s) {
    summary->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return s;
  };

  if (Status s = store.PutTopics(extractor.taxonomy().topics()); !s.ok()) {
    return finish(s);
  }

  bool explicit_format = !options.format.empty() && options.format != "auto";
  if (explicit_format && !IsFormatName(options.format)) {
    return finish(Status::InvalidArgument("unknown format '" + options.format + "'"));
  }
  InputList inputs;
  for (const auto& p : paths) Collect(p, explicit_format, &inputs);
  summary->failures = std::move(inputs.failures);

  Runner runner(store, extractor, options, summary);
  std::string bytes;
  size_t done = 0;
  for (const std::string& path : inputs.files) {
    Status rs = ReadInput(path, &bytes);
    if (!rs.ok()) {
      runner.AddFailure(path, FailureReason(rs, path));
    } else {
      summary->bytes += bytes.size();
      ParsedInput parsed;
      ArticleHints hints = options.hints;
      hints.source = path;
      Status ps = ParseInput(bytes, path, hints, options.format, &parsed);
      if (!ps.ok()) {
        runner.AddFailure(path, FailureReason(ps, path));
      } else {
        summary->skipped += parsed.skipped;
        for (const auto& e : parsed.errors) runner.AddFailure(path + ":" + e.where, e.reason);
        for (size_t i = 0; i < parsed.articles.size(); ++i) {
          std::string input = parsed.where[i].empty() ? path : path + ":" + parsed.where[i];
          runner.AddArticle(std::move(parsed.articles[i]), std::move(input));
          if (runner.Full()) {
            if (Status s = runner.Flush(); !s.ok()) return finish(s);
          }
        }
      }
    }
    if (runner.Full()) {
      if (Status s = runner.Flush(); !s.ok()) return finish(s);
    }
    ++done;
    if (options.progress) options.progress(path, done);
  }
  return finish(runner.Finish());
}

}  // namespace tkg
