// Shared by the extraction tests: runs the real pipeline (data files of the source tree) on an
// article written in the test.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "test_support.h"
#include "tkg/importers/extractor.h"
#include "tkg/importers/formats.h"

namespace tkg::testing {

inline const Extractor& TestExtractor() {
  static std::unique_ptr<Extractor> extractor = [] {
    ExtractorOptions opts;
    opts.data_dir = SourcePath("data");
    std::unique_ptr<Extractor> e;
    Status s = Extractor::Create(opts, &e);
    if (!s.ok()) FAIL("cannot create the extractor: " << s.ToString());
    return e;
  }();
  return *extractor;
}

inline ArticleGraph ExtractArticle(const std::string& text, const std::string& published = "",
                                   const std::string& outlet = "") {
  ArticleHints hints;
  hints.published = published;
  hints.outlet = outlet;
  hints.source = "test-article.txt";
  ArticleGraph g;
  Status s = ParsePlainTextArticle(text, hints, &g.article);
  REQUIRE(s.ok());
  s = TestExtractor().Extract(&g);
  REQUIRE(s.ok());
  return g;
}

// The first statement whose text contains `needle`, or nullptr.
inline const Statement* FindStatement(const ArticleGraph& g, const std::string& needle) {
  for (const auto& s : g.statements)
    if (s.text.find(needle) != std::string::npos) return &s;
  return nullptr;
}

// The actor with that canonical name, or nullptr.
inline const Actor* FindActor(const ArticleGraph& g, const std::string& name) {
  for (const auto& a : g.actors)
    if (a.name == name) return &a;
  return nullptr;
}

inline bool HasTopic(const Statement& s, const std::string& topic) {
  for (const auto& t : s.topics)
    if (t == topic) return true;
  return false;
}

}  // namespace tkg::testing
