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

#include "article_runner.h"
#include "failure_reason.h"
#include "tkg/importers/format_registry.h"

namespace tkg {

namespace {

namespace fs = std::filesystem;

// Inputs larger than this are refused: no news article is that long, and a JSON Lines or SGML
// collection that large should be split.
constexpr uint64_t kMaxInputBytes = 50ull * 1024 * 1024;
// Articles extracted together before they are written.

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

  ArticleRunner runner(store, extractor, options, summary);
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
