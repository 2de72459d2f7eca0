// tkg import: reads articles from files and folders into a store, extracting statements, actors,
// events and times on the way. Ends with one JSON line on stdout summarising the run.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "command.h"
#include "flags.h"
#include "tkg/engine/store.h"
#include "tkg/importers/extractor.h"
#include "tkg/importers/feeds.h"
#include "tkg/importers/format_registry.h"
#include "tkg/importers/formats.h"
#include "tkg/importers/import.h"
#include "tkg/net/http_fetcher.h"

namespace tkg::cli {
namespace {

int StoreExit(const Status& s) { return s.IsBusy() ? kExitTempFail : kExitStore; }

int RunImport(const std::vector<std::string>& args) {
  std::string db, published, outlet, format = "auto", data_dir;
  bool quiet = false;
  FlagParser flags(
      "tkg import --db DIR [--published DATE] [--outlet NAME] [--format auto|text|jsonl|casie|"
      "sgml|html] [--data-dir DIR] [--wait SECONDS] [--quiet] PATH|URL...",
      "Imports articles from files and folders (recursively, in sorted order; hidden files and\n"
      "files that are not .txt .jsonl .ndjson .sgm .sgml .html .htm are skipped in folders;\n"
      "a named .json file is read as one news-please record or an array of them).\n"
      "An http(s) URL is a feed (RSS or Atom; only new items are fetched, see\n"
      "tkg/importers/feeds.h) or one page; .warc and .warc.gz files, .rss/.atom/.xml feed\n"
      "files and feed lists (text files of feed URLs, one a line) are read too.\n"
      "One bad input never stops the run: it is listed in the summary with its reason.\n"
      "Prints one JSON line: {\"imported\",\"unchanged\",\"updated\",\"failed\",\"statements\",\n"
      "\"skipped\",\"bytes\",\"seconds\",\"failures\":[{\"input\",\"reason\"}]}.\n"
      "Exit codes: 0 all inputs imported, 1 some inputs failed, 2 usage error, 3 store error,\n"
      "75 store busy (another process has it open; try again later).");
  flags.AddString("db", &db, "store directory (created if missing); required");
  flags.AddString("published", &published,
                  "publication date for every input, e.g. 2016-04-21 or "
                  "2016-04-21T22:02:00-04:00 (default: from each file)");
  flags.AddString("outlet", &outlet, "outlet name for every input (default: from each file)");
  flags.AddString("format", &format,
                  "input format: auto (default: by content and extension), text, jsonl, casie, "
                  "sgml, html");
  flags.AddString("data-dir", &data_dir,
                  "directory of data files (topics.tsv, cues.tsv, ...); default $TKG_DATA_DIR or "
                  "the built-in data directory");
  flags.AddBool("quiet", &quiet, "no progress line and no per-input failure lines on stderr");
  int64_t wait_seconds = 0;
  flags.AddInt("wait", &wait_seconds,
               "when another import holds the store, wait up to this many seconds for it "
               "(default 0: exit 75 at once)");
  int exit_code = 0;
  if (!ParseOrExit(flags, args, &exit_code)) return exit_code;

  auto usage = [](const std::string& msg) {
    std::fprintf(stderr, "tkg import: %s\n(see tkg import --help)\n", msg.c_str());
    return kExitUsage;
  };
  if (db.empty()) return usage("--db DIR is required");
  if (wait_seconds < 0 || wait_seconds > 24 * 3600) {
    return usage("--wait " + std::to_string(wait_seconds) + ": give 0 to 86400 seconds");
  }
  if (flags.positionals().empty()) return usage("no PATH given: name files or folders to import");
  if (format != "auto" && !IsFormatName(format)) {
    return usage("--format '" + format + "' is not one of auto, text, jsonl, casie, sgml, html");
  }
  if (!published.empty()) {
    Article probe;
    Status s = ParsePublished(published, &probe);
    if (!s.ok()) return usage("--published '" + published + "': " + s.message());
  }

  ExtractorOptions eopts;
  eopts.data_dir = data_dir;
  std::unique_ptr<Extractor> extractor;
  if (Status s = Extractor::Create(eopts, &extractor); !s.ok()) {
    std::fprintf(stderr, "tkg import: cannot load the data files: %s\n", s.ToString().c_str());
    return s.IsInvalidArgument() || s.IsNotFound() ? kExitUsage : kExitStore;
  }

  // RocksDB creates the store directory but not its parents.
  std::error_code mkdir_error;
  std::filesystem::create_directories(std::filesystem::path(db).parent_path(), mkdir_error);

  std::unique_ptr<Store> store;
  StoreOptions store_options;
  store_options.lock_wait_ms = static_cast<int>(wait_seconds * 1000);
  if (Status s = Store::Open(store_options, db, &store); !s.ok()) {
    if (s.IsBusy()) {
      std::fprintf(stderr,
                   "tkg import: store %s is busy: another process has it open (%s); try again "
                   "when it has finished\n",
                   db.c_str(), s.message().c_str());
    } else {
      std::fprintf(stderr, "tkg import: cannot open store %s: %s\n", db.c_str(),
                   s.ToString().c_str());
    }
    return StoreExit(s);
  }

  ImportOptions options;
  options.hints.published = published;
  options.hints.outlet = outlet;
  options.format = format;
  const bool show_progress = !quiet && ::isatty(STDERR_FILENO) == 1;
  if (show_progress) {
    // At most ten updates a second: thousands of small files must not flood the terminal.
    options.progress = [last = std::chrono::steady_clock::time_point{}](const std::string& input,
                                                                        size_t done) mutable {
      auto now = std::chrono::steady_clock::now();
      if (now - last < std::chrono::milliseconds(100)) return;
      last = now;
      std::fprintf(stderr, "\r\033[K%zu inputs read: %s", done, input.c_str());
      std::fflush(stderr);
    };
  }
  ImportSummary summary;
  // Feeds, URLs and WARC files (tkg/importers/feeds.h) go beside the file paths.
  std::vector<std::string> paths, sources;
  SplitImportArguments(flags.positionals(), &paths, &sources);
  Status run = ImportPaths(*store, *extractor, paths, options, &summary);
  if (run.ok() && !sources.empty()) {
    HttpFetcher fetcher;
    run = ImportSources(*store, *extractor, fetcher, sources, options, &summary);
  }
  if (show_progress) std::fprintf(stderr, "\r\033[K");
  if (!quiet) {
    for (const auto& f : summary.failures) {
      std::fprintf(stderr, "tkg import: %s: %s\n", f.input.c_str(), f.reason.c_str());
    }
  }

  nlohmann::ordered_json j;  // keys in the documented order
  j["imported"] = summary.imported;
  j["unchanged"] = summary.unchanged;
  j["updated"] = summary.updated;
  j["failed"] = summary.failures.size();
  j["statements"] = summary.statements;
  j["skipped"] = summary.skipped;
  j["bytes"] = summary.bytes;
  j["seconds"] = std::round(summary.seconds * 1000.0) / 1000.0;
  j["failures"] = nlohmann::ordered_json::array();
  for (const auto& f : summary.failures) {
    j["failures"].push_back({{"input", f.input}, {"reason", f.reason}});
  }
  std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  std::fflush(stdout);

  if (!run.ok()) {
    std::fprintf(stderr, "tkg import: store error, run stopped: %s\n", run.ToString().c_str());
    return StoreExit(run);
  }
  return summary.failures.empty() ? kExitOk : kExitFailed;
}

}  // namespace

TKG_COMMAND("import", "import articles (text, JSON Lines, CASIE, Reuters SGML, HTML) into a store",
            RunImport);

}  // namespace tkg::cli
