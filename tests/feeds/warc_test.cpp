// WARC files: plain and gzip (one member per record, as CC-NEWS ships them), damaged gzip.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstring>

#include "feeds_fixture.h"
#include "tkg/importers/feeds.h"

using namespace tkg;
using namespace tkg::feedtest;
using tkg::testing::SourcePath;
using tkg::testing::TempDir;

namespace {

std::string Gzip(const std::string& in) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  REQUIRE(deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&zs, in.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Record(const std::string& uri, const std::string& date, const std::string& html) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
                     std::to_string(html.size()) + "\r\n\r\n" + html;
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: " + date +
         "\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

void CheckSmall(RecordingStore& store, const ImportSummary& s) {
  std::string failures;
  for (const auto& f : s.failures) failures += f.input + ": " + f.reason + "\n";
  INFO(failures);
  CHECK(s.imported == 2);
  CHECK(s.skipped == 1);  // the JPEG response
  CHECK(s.failures.empty());
  auto one = store.Find("/2026/11/warc-one");
  REQUIRE(one);
  CHECK(one->url == "https://ledger.example/2026/11/warc-one");
  CHECK(one->published.rfind("2026-11-02T08:30:00", 0) == 0);  // the page's own date
  CHECK(one->published_basis == "article");
  auto two = store.Find("/2026/11/warc-two");
  REQUIRE(two);
  CHECK(two->published == "2026-11-06T10:00:04+00:00");  // WARC-Date
  CHECK(two->published_basis == "fetched");
  CHECK(two->headline == "Harbor Fishermen Warn of Declining Catch");
}

}  // namespace

TEST_CASE("WARC: two HTML responses of six records become two articles", "[feeds][warc]") {
  for (const char* name : {"small.warc", "small.warc.gz"}) {
    SECTION(name) {
      TempDir dir;
      auto store = OpenRecordingStore(dir.Join("db"));
      ImportSummary s;
      REQUIRE(ImportWarc(*store, SharedExtractor(),
                         SourcePath(std::string("tests/fixtures/feeds/") + name), ImportOptions{},
                         &s)
                  .ok());
      CheckSmall(*store, s);
    }
  }
}

TEST_CASE("WARC: truncated gzip keeps the records before the break and names file and offset",
          "[feeds][warc]") {
  TempDir dir;
  auto store = OpenRecordingStore(dir.Join("db"));
  const std::string path = SourcePath("tests/fixtures/feeds/truncated.warc.gz");
  ImportSummary s;
  REQUIRE(ImportWarc(*store, SharedExtractor(), path, ImportOptions{}, &s).ok());
  CHECK(s.imported == 1);
  REQUIRE(s.failures.size() == 1);
  CHECK(s.failures[0].input == path);
  CHECK(s.failures[0].reason.find("truncated gzip data") != std::string::npos);
  CHECK(s.failures[0].reason.find("byte offset 1643 ends at byte offset 1936") !=
        std::string::npos);  // member start, file end
  REQUIRE(store->articles().size() == 1);
  CHECK(store->articles()[0].url == "https://ledger.example/2026/11/warc-one");
}

TEST_CASE("WARC: a corrupt gzip member in the middle is reported and later members are read",
          "[feeds][warc]") {
  TempDir dir;
  std::string a =
      Gzip(Record("https://ledger.example/a", "2026-11-06T10:00:00Z", Fixture("alpha.html")));
  std::string b =
      Gzip(Record("https://ledger.example/b", "2026-11-06T10:00:01Z", Fixture("beta.html")));
  std::string c =
      Gzip(Record("https://ledger.example/c", "2026-11-06T10:00:02Z", Fixture("gamma.html")));
  for (size_t i = 20; i < 60; ++i) b[i] = static_cast<char>(b[i] ^ 0x5a);  // damage b's data
  const std::string path = dir.Join("damaged.warc.gz");
  tkg::testing::WriteFile(path, a + b + c);
  auto store = OpenRecordingStore(dir.Join("db"));
  ImportSummary s;
  REQUIRE(ImportWarc(*store, SharedExtractor(), path, ImportOptions{}, &s).ok());
  CHECK(s.imported == 2);
  REQUIRE(s.failures.size() == 1);
  CHECK(s.failures[0].input == path);
  CHECK(s.failures[0].reason.find("corrupt gzip data") != std::string::npos);
  CHECK(s.failures[0].reason.find("member starting at byte offset " + std::to_string(a.size())) !=
        std::string::npos);
  CHECK(store->Find("ledger.example/a"));
  CHECK(store->Find("ledger.example/c"));
  CHECK_FALSE(store->Find("ledger.example/b"));

  ImportSummary missing;
  REQUIRE(ImportWarc(*store, SharedExtractor(), dir.Join("none.warc.gz"), ImportOptions{}, &missing)
              .ok());
  REQUIRE(missing.failures.size() == 1);
  CHECK(missing.failures[0].reason.find("cannot open") == 0);
}
