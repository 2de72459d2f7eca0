// The import run against a real RocksDB store in a temp directory.
#include "tkg/importers/import.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "test_support.h"
#include "tkg/engine/store.h"
#include "tkg/importers/extractor.h"

namespace fs = std::filesystem;
using tkg::testing::SourcePath;
using tkg::testing::TempDir;

namespace {

struct Fixture {
  TempDir dir;
  std::unique_ptr<tkg::Store> store;
  std::unique_ptr<tkg::Extractor> extractor;

  Fixture() {
    tkg::Status s = tkg::Store::Open(tkg::StoreOptions{}, dir.Join("db"), &store);
    INFO(s.ToString());
    REQUIRE(s.ok());
    s = tkg::Extractor::Create(tkg::ExtractorOptions{}, &extractor);
    INFO(s.ToString());
    REQUIRE(s.ok());
  }

  tkg::ImportSummary Import(const std::vector<std::string>& paths,
                            const tkg::ImportOptions& options = {}) {
    tkg::ImportSummary summary;
    tkg::Status s = tkg::ImportPaths(*store, *extractor, paths, options, &summary);
    INFO(s.ToString());
    REQUIRE(s.ok());
    return summary;
  }

  tkg::StoreStats Stats() {
    tkg::StoreStats st;
    REQUIRE(store->Stats(&st).ok());
    return st;
  }
};

// The example articles: every .txt file in examples/.
std::vector<std::string> ExampleFiles() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(SourcePath("examples"))) {
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

uint64_t TotalSize(const std::vector<std::string>& files) {
  uint64_t n = 0;
  for (const auto& f : files) n += fs::file_size(f);
  return n;
}

std::string Describe(const tkg::ImportSummary& s) {
  std::string out;
  for (const auto& f : s.failures) out += f.input + ": " + f.reason + "\n";
  return out;
}

bool HasFailure(const tkg::ImportSummary& s, const std::string& input_suffix,
                const std::string& reason_part) {
  for (const auto& f : s.failures) {
    if (f.input.ends_with(input_suffix) && f.reason.find(reason_part) != std::string::npos)
      return true;
  }
  return false;
}

}  // namespace

TEST_CASE("run: the examples go into a fresh store", "[import]") {
  Fixture fx;
  auto files = ExampleFiles();
  REQUIRE(files.size() >= 12);
  std::vector<std::string> seen;
  tkg::ImportOptions options;
  options.progress = [&](const std::string& input, size_t done) {
    seen.push_back(input);
    CHECK(done == seen.size());
  };
  auto s = fx.Import({SourcePath("examples")}, options);
  INFO(Describe(s));
  CHECK(s.failures.empty());  // README.md and expected.md are skipped, not failed
  CHECK(s.imported == files.size());
  CHECK(s.unchanged == 0);
  CHECK(s.updated == 0);
  CHECK(s.statements > files.size());  // several statements per article
  CHECK(s.bytes == TotalSize(files));
  CHECK(s.seconds > 0);
  CHECK(seen == files);  // sorted order, one progress call per input

  auto st = fx.Stats();
  CHECK(st.articles == files.size());
  CHECK(st.statements == s.statements);
  CHECK(st.topics > 0);  // the taxonomy is stored with the run
}

TEST_CASE("run: a second import of the same files changes nothing", "[import]") {
  Fixture fx;
  auto first = fx.Import({SourcePath("examples")});
  REQUIRE(first.failures.empty());
  auto before = fx.Stats();

  auto second = fx.Import({SourcePath("examples")});
  INFO(Describe(second));
  CHECK(second.failures.empty());
  CHECK(second.imported == 0);
  CHECK(second.updated == 0);
  CHECK(second.unchanged == first.imported);
  CHECK(second.statements == 0);
  auto after = fx.Stats();
  CHECK(after.articles == before.articles);
  CHECK(after.actors == before.actors);
  CHECK(after.statements == before.statements);
  CHECK(after.events == before.events);
  CHECK(after.topics == before.topics);
  CHECK(after.edges == before.edges);
}

TEST_CASE("run: bad files are failures with reasons, good files still go in", "[import]") {
  Fixture fx;
  TempDir in;
  auto files = ExampleFiles();
  using tkg::testing::ReadFile;
  using tkg::testing::WriteFile;
  WriteFile(in.Join("a-good.txt"), ReadFile(files[0]));
  WriteFile(in.Join("nested/deeper/b-good.txt"), ReadFile(files[1]));
  WriteFile(in.Join("binary.txt"), std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  WriteFile(in.Join("latin1.txt"),
            "OUTLET\n\nCaf\xE9 Closes\n\n| Mar 3, 2017 9:15 AM EST\n\n"
            "The owner said the caf\xE9 would close.\n");
  WriteFile(in.Join("empty.txt"), "");
  WriteFile(in.Join("blank.txt"), "\n  \n\t\n");
  WriteFile(in.Join(".hidden.txt"), "Hidden\n\nNot to be imported.\n");
  WriteFile(in.Join(".git/objects.txt"), "Hidden folder\n\nNot to be imported.\n");
  WriteFile(in.Join("notes.md"), "# notes, not an article\n");
  WriteFile(in.Join("big.txt"), "");
  fs::resize_file(in.Join("big.txt"), 50ull * 1024 * 1024 + 1);  // sparse: nothing is read

  auto s = fx.Import({in.path(), in.Join("missing.txt")});
  INFO(Describe(s));
  CHECK(s.imported == 2);
  CHECK(s.failures.size() == 6);
  CHECK(HasFailure(s, "/binary.txt", "binary"));
  CHECK(HasFailure(s, "/latin1.txt", "invalid UTF-8 at byte offset"));
  CHECK(HasFailure(s, "/empty.txt", "empty"));
  CHECK(HasFailure(s, "/blank.txt", "empty"));
  CHECK(HasFailure(s, "/big.txt", "too large"));
  CHECK(HasFailure(s, "/missing.txt", "no such file"));
  CHECK(fx.Stats().articles == 2);
}

TEST_CASE("run: a named non-article file is refused unless a format is given", "[import]") {
  Fixture fx;
  TempDir in;
  std::string body = tkg::testing::ReadFile(ExampleFiles()[0]);
  tkg::testing::WriteFile(in.Join("story.md"), body);
  auto refused = fx.Import({in.Join("story.md")});
  CHECK(refused.imported == 0);
  CHECK(HasFailure(refused, "story.md", "not an article file"));

  tkg::ImportOptions options;
  options.format = "text";
  auto forced = fx.Import({in.Join("story.md")}, options);
  INFO(Describe(forced));
  CHECK(forced.failures.empty());
  CHECK(forced.imported == 1);
}

TEST_CASE("run: hints give headerless articles their date and outlet", "[import]") {
  Fixture fx;
  tkg::ImportOptions options;
  options.hints.published = "2016-10-24";
  options.hints.outlet = "Metro Ledger";
  auto s =
      fx.Import({SourcePath("examples/noheader-2016-10-24-dns-outage-cyberattack.txt")}, options);
  INFO(Describe(s));
  REQUIRE(s.imported == 1);
  tkg::StatementQuery q;
  q.outlet = "Metro Ledger";
  q.limit = 100;
  tkg::StatementPage page;
  REQUIRE(fx.store->QueryStatements(q, &page).ok());
  REQUIRE(!page.statements.empty());
  CHECK(page.statements[0].article_outlet == "Metro Ledger");
  CHECK(page.statements[0].article_published.rfind("2016-10-24", 0) == 0);
}

TEST_CASE("run: several formats in one folder, many articles per file", "[import]") {
  Fixture fx;
  auto s = fx.Import({SourcePath("tests/fixtures/formats")});
  INFO(Describe(s));
  // news-please.jsonl: 2 articles and 2 bad lines; casie: 1; reuters: 2 (+1 brief skipped);
  // html: 3 pages.
  CHECK(s.imported == 8);
  CHECK(s.failures.size() == 2);
  CHECK(HasFailure(s, "news-please.jsonl:line 3", "not valid JSON"));
  CHECK(HasFailure(s, "news-please.jsonl:line 5", "no article text"));
  CHECK(fx.Stats().articles == 8);

  auto again = fx.Import({SourcePath("tests/fixtures/formats")});
  CHECK(again.imported == 0);
  CHECK(again.unchanged == 8);
}
