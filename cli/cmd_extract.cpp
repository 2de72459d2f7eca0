// `tkg extract --json [--published DATE] [--outlet NAME] [--data-dir DIR] FILE`: reads one
// article, extracts who said what, about what and when, and prints the JSON of
// ../shared/eval/README.md. Touches no store.
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "command.h"
#include "flags.h"
#include "tkg/importers/extraction_json.h"
#include "tkg/importers/extractor.h"
#include "tkg/importers/formats.h"

namespace tkg::cli {

namespace {

int RunExtract(const std::vector<std::string>& args) {
  bool json = false;
  std::string published, outlet, data_dir;
  FlagParser p("tkg extract --json [--published DATE] [--outlet NAME] [--data-dir DIR] FILE",
               "Extracts actors, statements (who said what, about what, when), events and time\n"
               "expressions from one plain-text article and prints them as JSON.");
  p.AddBool("json", &json, "print JSON (the only output format; accepted for clarity)");
  p.AddString("published", &published,
              "publication date, e.g. 2016-04-21 or 2016-04-21T22:02:00-04:00 (default: the "
              "file's date line)");
  p.AddString("outlet", &outlet, "outlet name (default: the file's outlet line)");
  p.AddString("data-dir", &data_dir,
              "directory of topics.tsv, cues.tsv, ... (default: "
              "$TKG_DATA_DIR, else the source tree's data/)");
  int code = kExitOk;
  if (!ParseOrExit(p, args, &code)) return code;
  if (p.positionals().size() != 1) {
    std::fprintf(stderr, "tkg extract: expected exactly one FILE, got %zu\n%s",
                 p.positionals().size(), "try 'tkg extract --help'\n");
    return kExitUsage;
  }
  const std::string& path = p.positionals()[0];
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    std::fprintf(stderr, "tkg extract: %s: %s\n", path.c_str(), std::strerror(errno));
    return kExitFailed;
  }
  if (S_ISDIR(st.st_mode)) {
    std::fprintf(stderr, "tkg extract: %s: is a directory (give one article file)\n", path.c_str());
    return kExitFailed;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "tkg extract: %s: cannot open: %s\n", path.c_str(), std::strerror(errno));
    return kExitFailed;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    std::fprintf(stderr, "tkg extract: %s: read failed\n", path.c_str());
    return kExitFailed;
  }
  std::string bytes = buf.str();

  if (!published.empty()) {
    Article probe;
    Status s = ParsePublished(published, &probe);
    if (!s.ok()) {
      std::fprintf(stderr, "tkg extract: --published: %s\n", s.message().c_str());
      return kExitUsage;
    }
  }
  ArticleHints hints;
  hints.published = published;
  hints.outlet = outlet;
  hints.source = path;
  ArticleGraph graph;
  Status s = ParsePlainTextArticle(bytes, hints, &graph.article);
  if (!s.ok()) {
    std::fprintf(stderr, "tkg extract: %s\n", s.message().c_str());
    return kExitFailed;
  }
  ExtractorOptions opts;
  opts.data_dir = data_dir;
  std::unique_ptr<Extractor> extractor;
  s = Extractor::Create(opts, &extractor);
  if (!s.ok()) {
    std::fprintf(stderr, "tkg extract: %s\n", s.message().c_str());
    return kExitFailed;
  }
  s = extractor->Extract(&graph);
  if (!s.ok()) {
    std::fprintf(stderr, "tkg extract: %s: %s\n", path.c_str(), s.message().c_str());
    return kExitFailed;
  }
  // Spans are cut at UTF-8 boundaries; replace guards against malformed input bytes.
  std::cout << ExtractionToJson(graph).dump(json ? 1 : -1, ' ', false,
                                            nlohmann::json::error_handler_t::replace)
            << "\n";
  return kExitOk;
}

}  // namespace

TKG_COMMAND("extract", "extract who said what, about what and when from one article (JSON)",
            RunExtract);

}  // namespace tkg::cli
