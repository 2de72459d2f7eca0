// Evidence of statements read from HTML pages also points into the page's own bytes.
#include <catch2/catch.hpp>
#include <fstream>
#include <memory>

#include "api_fixture.h"
#include "tkg/importers/extractor.h"
#include "tkg/importers/import.h"

using nlohmann::json;
using tkg::testing::ServedStore;

namespace {

// Written for this test.
const char kPage[] =
    "<html><head><title>Kestrel mill reopens</title></head><body>\n"
    "<article><p>The Kestrel paper mill reopened on Thursday after a fire &amp; a flood closed "
    "it in May.</p>\n"
    "<p>&ldquo;Every <em>one</em> of our workers is back,&rdquo; mill manager Tomas Reiner "
    "said.</p></article></body></html>\n";

}  // namespace

TEST_CASE("statements of an HTML page carry file spans into the page", "[api][offsets]") {
  ServedStore s;
  tkg::testing::TempDir dir;
  std::string path = dir.Join("mill.html");
  {
    std::ofstream f(path, std::ios::binary);
    f << kPage;
  }
  tkg::ExtractorOptions opts;
  opts.data_dir = tkg::testing::SourcePath("data");
  std::unique_ptr<tkg::Extractor> ex;
  REQUIRE(tkg::Extractor::Create(opts, &ex).ok());
  tkg::ImportSummary summary;
  REQUIRE(tkg::ImportPaths(s.store(), *ex, {path}, tkg::ImportOptions(), &summary).ok());
  REQUIRE(summary.imported == 1);

  const std::string page = kPage;
  auto check_statement = [&](const json& st) {
    const json& ev = st["evidence"];
    REQUIRE(ev.contains("file_span"));
    REQUIRE(ev.contains("file_text_span"));
    uint32_t b = ev["file_span"][0], e = ev["file_span"][1];
    REQUIRE(b <= e);
    REQUIRE(e <= page.size());
    std::string in_file = page.substr(b, e - b);
    INFO("file bytes: " << in_file);
    CHECK(in_file.find("<em>one</em> of our workers is back") != std::string::npos);
    CHECK(in_file.find("Tomas Reiner") != std::string::npos);
    CHECK(in_file.rfind("&ldquo;", 0) == 0);
    uint32_t tb = ev["file_text_span"][0], te = ev["file_text_span"][1];
    REQUIRE(te <= page.size());
    CHECK(page.substr(tb, te - tb).find("of our workers is back") != std::string::npos);
  };

  int status = 0;
  json list = s.GetJson("/v1/statements?q=workers", &status);
  REQUIRE(status == 200);
  REQUIRE(list["statements"].size() == 1);
  const json st = list["statements"][0];
  check_statement(st);

  std::string article_id = st["article"]["id"];
  json art = s.GetJson("/v1/articles/" + article_id, &status);
  REQUIRE(status == 200);
  CHECK(art.dump().find("\"text_is_file\":false") != std::string::npos);
  bool found = false;
  for (const auto& x : art["statements"]) {
    if (x["id"] == st["id"]) {
      found = true;
      check_statement(x);
    }
  }
  CHECK(found);

  // Articles of plain text files carry no file spans: their spans are the file's already.
  json plain = s.GetJson("/v1/statements?topic=cybersecurity", &status);
  REQUIRE(status == 200);
  REQUIRE_FALSE(plain["statements"].empty());
  CHECK_FALSE(plain["statements"][0]["evidence"].contains("file_span"));
}
