// The import run: walks files and folders, reads each article through its format, extracts, and
// writes each article with everything derived from it in one batch. One bad article never stops
// a run: its failure is recorded with the input and the reason.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "tkg/engine/store.h"
#include "tkg/importers/extractor.h"
#include "tkg/importers/formats.h"
#include "tkg/schema/status.h"

namespace tkg {

struct ImportOptions {
  ArticleHints hints;         // applied to every input (published, outlet)
  std::string format = "auto";  // "auto" or a format name
  // Called after each input with its path; may be empty.
  std::function<void(const std::string& input, size_t done)> progress;
  // Threads running extraction (articles are still written one by one, in input order).
  // Default 0: one per core.
  unsigned threads = 0;
};

struct ImportFailure {
  std::string input;
  std::string reason;
};

struct ImportSummary {
  uint64_t imported = 0;   // new articles
  uint64_t unchanged = 0;  // already stored, same content
  uint64_t updated = 0;    // same article id, new content
  uint64_t statements = 0; // statements written by this run
  uint64_t bytes = 0;      // input bytes read
  uint64_t skipped = 0;    // records holding no article by design (Reuters title-only briefs)
  std::vector<ImportFailure> failures;
  double seconds = 0;
};

// Imports files and folders (recursively, in sorted order). Returns a non-OK status only when the
// run itself cannot go on (the store fails); per-article problems land in summary->failures.
Status ImportPaths(Store& store, const Extractor& extractor, const std::vector<std::string>& paths,
                   const ImportOptions& options, ImportSummary* summary);

}  // namespace tkg
