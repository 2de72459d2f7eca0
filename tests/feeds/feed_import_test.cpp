// Feed polling against a real loopback HTTP server: first import, 304, new items only, the
// failures a real feed produces (redirect loops, self references, huge and slow pages), dates.
#include <catch2/catch.hpp>

#include "feeds_fixture.h"
#include "tkg/importers/feeds.h"
#include "tkg/net/http_fetcher.h"

using namespace tkg;
using namespace tkg::feedtest;
using tkg::testing::TempDir;

namespace {

HttpFetcher TestFetcher() {
  HttpFetcherOptions o;
  o.connect_timeout_ms = 2000;
  o.timeout_ms = 800;         // /slow.html sleeps 2500 ms
  o.max_bytes = 1024 * 1024;  // /big.html is 3 MB
  return HttpFetcher(o);
}

ImportOptions Options() {
  ImportOptions o;
  o.threads = 2;
  return o;
}

std::string FailureFor(const ImportSummary& s, const std::string& input_part) {
  for (const auto& f : s.failures)
    if (f.input.find(input_part) != std::string::npos) return f.reason;
  return "";
}

std::string AllFailures(const ImportSummary& s) {
  std::string r;
  for (const auto& f : s.failures) r += f.input + ": " + f.reason + "\n";
  return r;
}

}  // namespace

TEST_CASE(
    "an RSS feed imports its items, a 304 fetches nothing, and a new item is all that "
    "is fetched next",
    "[feeds][import]") {
  FeedServer server;
  TempDir dir;
  auto store = OpenRecordingStore(dir.Join("db"));
  HttpFetcher fetcher = TestFetcher();
  const std::string feed = server.Url("/feed.xml");

  ImportSummary s1;
  REQUIRE(ImportFeed(*store, SharedExtractor(), fetcher, feed, Options(), &s1).ok());
  INFO(AllFailures(s1));
  CHECK(s1.failures.empty());
  CHECK(s1.imported == 3);
  CHECK(s1.statements > 0);
  CHECK(server.Hits("/articles/alpha.html") == 1);
  CHECK(server.Hits("/articles/beta.html") == 1);
  // The item whose content:encoded holds the article is not fetched.
  CHECK(server.Hits("/articles/council-session.html") == 0);

  // Dates: the page's own, else the item's.
  auto alpha = store->Find("/articles/alpha.html");
  REQUIRE(alpha);
  CHECK(alpha->published.rfind("2026-11-02T08:30:00", 0) == 0);
  CHECK(alpha->published_basis == "article");
  CHECK(alpha->headline == "Harbor Council Approves Flood Barrier Funding");
  auto beta = store->Find("/articles/beta.html");
  REQUIRE(beta);
  CHECK(beta->published == "2026-11-03T14:20:00-05:00");
  CHECK(beta->published_date.value == "2026-11-03");
  CHECK(beta->published_basis == "feed");
  auto council = store->Find("/articles/council-session.html");
  REQUIRE(council);
  CHECK(council->published == "2026-11-04T07:45:00-05:00");
  CHECK(council->published_basis == "feed");
  CHECK(council->text.find("pumping stations") != std::string::npos);
  CHECK(council->outlet == "The Harbor Ledger");

  FeedState state;
  REQUIRE(store->GetFeedState(feed, &state).ok());
  CHECK(state.etag == "\"v1\"");
  CHECK(state.seen_ids.size() == 3);

  // Second poll: the server answers 304 to the ETag; no page is fetched, nothing changes.
  store->Clear();
  ImportSummary s2;
  REQUIRE(ImportFeed(*store, SharedExtractor(), fetcher, feed, Options(), &s2).ok());
  CHECK(server.Hits("/feed.xml") == 2);
  CHECK(server.TotalPageHits() == 2);
  CHECK(s2.imported == 0);
  CHECK(s2.updated == 0);
  CHECK(s2.unchanged == 0);
  CHECK(s2.failures.empty());
  CHECK(store->articles().empty());

  // The feed gains an item: only its page is fetched.
  server.SetFeedVersion(2);
  ImportSummary s3;
  REQUIRE(ImportFeed(*store, SharedExtractor(), fetcher, feed, Options(), &s3).ok());
  INFO(AllFailures(s3));
  CHECK(s3.imported == 1);
  CHECK(s3.failures.empty());
  CHECK(server.Hits("/articles/delta.html") == 1);
  CHECK(server.TotalPageHits() == 3);
  REQUIRE(store->articles().size() == 1);
  CHECK(store->articles()[0].headline == "Port Authority Names New Security Chief");
  REQUIRE(store->GetFeedState(feed, &state).ok());
  CHECK(state.etag == "\"v2\"");
  CHECK(state.seen_ids.size() == 4);
}

TEST_CASE("a feed without ETag: seen items are not fetched again", "[feeds][import]") {
  FeedServer server;
  TempDir dir;
  auto store = OpenRecordingStore(dir.Join("db"));
  HttpFetcher fetcher = TestFetcher();
  ImportSummary s1, s2;
  REQUIRE(
      ImportFeed(*store, SharedExtractor(), fetcher, server.Url("/atom.xml"), Options(), &s1).ok());
  INFO(AllFailures(s1));
  CHECK(s1.imported == 1);
  auto gamma = store->Find("/articles/gamma.html");
  REQUIRE(gamma);
  CHECK(gamma->published == "2026-11-04T09:30:00+01:00");
  CHECK(gamma->published_basis == "feed");
  REQUIRE(
      ImportFeed(*store, SharedExtractor(), fetcher, server.Url("/atom.xml"), Options(), &s2).ok());
  CHECK(server.Hits("/atom.xml") == 2);
  CHECK(server.Hits("/articles/gamma.html") == 1);
  CHECK(s2.imported + s2.unchanged + s2.updated == 0);
  CHECK(s2.failures.empty());
}

TEST_CASE("redirect loops, self references, huge and slow pages fail clearly and the run goes on",
          "[feeds][import][errors]") {
  FeedServer server;
  TempDir dir;
  auto store = OpenRecordingStore(dir.Join("db"));
  HttpFetcher fetcher = TestFetcher();
  const std::string feed = server.Url("/mess.xml");
  ImportSummary s;
  REQUIRE(ImportFeed(*store, SharedExtractor(), fetcher, feed, Options(), &s).ok());
  INFO(AllFailures(s));
  CHECK(s.imported == 2);  // nodate.html and beta.html
  CHECK(s.failures.size() == 4);
  std::string loop = FailureFor(s, "/loop/a");
  CHECK(loop.find("redirect loop") != std::string::npos);
  CHECK(loop.find("/loop/a -> " + server.base() + "/loop/b -> " + server.base() + "/loop/a") !=
        std::string::npos);
  CHECK(FailureFor(s, "/mess.xml").find("links to the feed itself") != std::string::npos);
  std::string big = FailureFor(s, "/big.html");
  CHECK(big.find("larger than the limit of 1048576 bytes") != std::string::npos);
  std::string slow = FailureFor(s, "/slow.html");
  CHECK(slow.find("timed out") != std::string::npos);
  CHECK(server.Hits("/mess.xml") == 1);  // the self-referencing item was not fetched

  // The page without a date and an item without a date: the fetch time, marked as such.
  auto nodate = store->Find("/articles/nodate.html");
  REQUIRE(nodate);
  CHECK(nodate->published_basis == "fetched");
  CHECK_FALSE(nodate->published.empty());
  CHECK_FALSE(nodate->published_date.value.empty());
  auto beta = store->Find("/articles/beta.html?from=mess");  // no canonical: the fetched URL
  REQUIRE(beta);
  CHECK(beta->published_basis == "feed");

  // Next poll: only the timed-out page (worth retrying) is fetched again.
  ImportSummary s2;
  REQUIRE(ImportFeed(*store, SharedExtractor(), fetcher, feed, Options(), &s2).ok());
  CHECK(server.Hits("/slow.html") == 2);
  CHECK(server.Hits("/loop/a") == 1);
  CHECK(server.Hits("/big.html") == 1);
  CHECK(server.Hits("/articles/nodate.html") == 1);
  CHECK(s2.failures.size() == 1);
  CHECK(s2.imported == 0);
}

TEST_CASE("fetcher: redirects followed, limits, timeouts, conditional GET", "[feeds][fetch]") {
  FeedServer server;
  HttpFetcher fetcher = TestFetcher();
  FetchRequest req;
  FetchResponse resp;
  req.url = server.Url("/moved/alpha.html");
  REQUIRE(fetcher.Fetch(req, &resp).ok());
  CHECK(resp.status == 200);
  CHECK(resp.final_url == server.Url("/articles/alpha.html"));
  CHECK(resp.content_type.find("text/html") == 0);
  CHECK(resp.body.find("Flood Barrier") != std::string::npos);

  req.max_redirects = 0;
  Status s = fetcher.Fetch(req, &resp);
  CHECK(s.IsInvalidArgument());
  CHECK(s.message().find("too many redirects (more than 0)") != std::string::npos);

  req = FetchRequest{};
  req.url = server.Url("/feed.xml");
  req.etag = "\"v1\"";
  REQUIRE(fetcher.Fetch(req, &resp).ok());
  CHECK(resp.not_modified);
  CHECK(resp.body.empty());

  req = FetchRequest{};
  req.url = server.Url("/slow.html");
  req.timeout_ms = 300;
  auto t0 = std::chrono::steady_clock::now();
  s = fetcher.Fetch(req, &resp);
  auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
          .count();
  CHECK(s.IsIOError());
  CHECK(s.message().find("timed out") != std::string::npos);
  CHECK(ms < 2000);  // gave up before the server answered

  req = FetchRequest{};
  req.url = "http://127.0.0.1:" + std::to_string(tkg::testing::FreePort()) + "/nothing";
  s = fetcher.Fetch(req, &resp);
  CHECK(s.IsIOError());
  CHECK(s.message().find(req.url) == 0);

  req.url = "ftp://ledger.example/feed";
  CHECK(fetcher.Fetch(req, &resp).IsInvalidArgument());
}

TEST_CASE("a URL answering HTML is one page, and broken feeds and feed-level loops are failures",
          "[feeds][import]") {
  FeedServer server;
  TempDir dir;
  auto store = OpenRecordingStore(dir.Join("db"));
  HttpFetcher fetcher = TestFetcher();
  ImportSummary s;
  REQUIRE(ImportFeed(*store, SharedExtractor(), fetcher, server.Url("/articles/delta.html"),
                     Options(), &s)
              .ok());
  CHECK(s.imported == 1);
  REQUIRE(ImportFeed(*store, SharedExtractor(), fetcher, server.Url("/broken.xml"), Options(), &s)
              .ok());
  CHECK(s.failures.size() == 1);
  CHECK(FailureFor(s, "/broken.xml").find("not well-formed XML at byte offset") !=
        std::string::npos);
  REQUIRE(
      ImportFeed(*store, SharedExtractor(), fetcher, server.Url("/loop/a"), Options(), &s).ok());
  CHECK(FailureFor(s, "/loop/a").find("redirect loop") != std::string::npos);
  CHECK(s.failures.size() == 2);
  CHECK(s.imported == 1);
}

TEST_CASE("a local feed file: its items' pages are fetched, and only once over two runs",
          "[feeds][import]") {
  FeedServer server;
  TempDir dir;
  auto store = OpenRecordingStore(dir.Join("db"));
  HttpFetcher fetcher = TestFetcher();
  std::string rss = Fixture("rss.xml");
  for (size_t p = rss.find("{{BASE}}"); p != std::string::npos; p = rss.find("{{BASE}}", p))
    rss.replace(p, 8, server.base());
  const std::string path = dir.Join("harbor.rss");
  tkg::testing::WriteFile(path, rss);
  ImportSummary s1, s2;
  REQUIRE(ImportFeed(*store, SharedExtractor(), fetcher, path, Options(), &s1).ok());
  INFO(AllFailures(s1));
  CHECK(s1.imported == 3);
  CHECK(server.TotalPageHits() == 2);
  REQUIRE(ImportFeed(*store, SharedExtractor(), fetcher, path, Options(), &s2).ok());
  CHECK(s2.imported + s2.unchanged == 0);
  CHECK(server.TotalPageHits() == 2);

  std::vector<std::string> paths, sources;
  SplitImportArguments({path, server.Url("/feed.xml"), dir.path(), "x.warc.gz",
                        tkg::testing::SourcePath("tests/fixtures/feeds/alpha.html")},
                       &paths, &sources);
  CHECK(sources == std::vector<std::string>{path, server.Url("/feed.xml")});
  // A WARC that does not exist goes to the file importer, which reports it missing.
  CHECK(paths.size() == 3);
}
