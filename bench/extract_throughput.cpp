#include "extract_throughput.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

#include "tkg/importers/extractor.h"
#include "tkg/importers/formats.h"

namespace tkg::bench {

namespace {

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

int RunExtractThroughput(const std::string& dir, int rounds) {
  namespace fs = std::filesystem;
  std::vector<Article> articles;
  size_t bytes = 0;
  std::error_code ec;
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
  if (ec) {
    std::fprintf(stderr, "tkg_bench: %s: %s\n", dir.c_str(), ec.message().c_str());
    return 1;
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Article a;
    ArticleHints hints;
    hints.source = p.string();
    if (!ParsePlainTextArticle(text, hints, &a).ok()) continue;
    bytes += text.size();
    articles.push_back(std::move(a));
  }
  if (articles.empty()) {
    std::fprintf(stderr, "tkg_bench: no plain-text articles (*.txt) under %s\n", dir.c_str());
    return 1;
  }
  std::unique_ptr<Extractor> extractor;
  if (Status s = Extractor::Create(ExtractorOptions(), &extractor); !s.ok()) {
    std::fprintf(stderr, "tkg_bench: %s\n", s.ToString().c_str());
    return 1;
  }
  size_t statements = 0;
  double best = 0;
  for (int r = 0; r < rounds; ++r) {
    double cpu0 = CpuSeconds();
    for (const Article& a : articles) {
      ArticleGraph g;
      g.article = a;
      if (extractor->Extract(&g).ok() && r == 0) statements += g.statements.size();
    }
    double cpu = CpuSeconds() - cpu0;
    best = std::max(best, static_cast<double>(bytes) / 1e6 / cpu);
  }
  std::printf(
      "extraction: %zu articles, %.1f MB, %zu statements; best of %d rounds: %.1f MB/s "
      "per core (%.0f articles/s)\n",
      articles.size(), static_cast<double>(bytes) / 1e6, statements, rounds, best,
      best * 1e6 / static_cast<double>(bytes) * static_cast<double>(articles.size()));
  return 0;
}

}  // namespace tkg::bench
