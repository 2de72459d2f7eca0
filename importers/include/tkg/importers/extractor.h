// Extraction: turns one article into actors, statements, events and time expressions. One place
// wires the pure rule modules of importers/src/extract/ together (sentences, names, cues, time
// expressions, coreference, topics, dating, reporting chains, events).
// Thread safety: an Extractor is immutable once created; Extract may run concurrently.
#pragma once

#include <memory>
#include <string>

#include "tkg/schema/status.h"
#include "tkg/schema/taxonomy.h"
#include "tkg/schema/types.h"

namespace tkg {

struct ExtractorOptions {
  // Directory of data files (topics.tsv, cues.tsv, ...). Default: $TKG_DATA_DIR if set, else the
  // data/ directory of the source tree the binary was built from.
  std::string data_dir;
  // Topic taxonomy file. Default: <data_dir>/topics.tsv.
  std::string taxonomy_path;
};

// The default data directory as described in ExtractorOptions::data_dir.
std::string DefaultDataDir();

class Extractor {
 public:
  static Status Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* out);
  virtual ~Extractor();

  // `graph->article` must hold the article (text, published_date, ...); fills in its id and
  // content hash when missing, and the actors, statements, events and times derived from it.
  virtual Status Extract(ArticleGraph* graph) const = 0;

  virtual const Taxonomy& taxonomy() const = 0;
};

}  // namespace tkg
