// Feed parsing, dates, URLs: pure functions, no network.
#include <catch2/catch.hpp>

#include "feeds_fixture.h"
#include "tkg/importers/feeds.h"
#include "tkg/importers/fetcher.h"

using namespace tkg;
using tkg::feedtest::Fixture;

namespace {
std::string WithBase(std::string s) {
  const std::string key = "{{BASE}}", base = "https://ledger.example";
  for (size_t p = s.find(key); p != std::string::npos; p = s.find(key, p))
    s.replace(p, key.size(), base);
  return s;
}
}  // namespace

TEST_CASE("RSS 2.0: items with guid, link, date, content:encoded and entities", "[feeds][parse]") {
  Feed feed;
  Status s = ParseFeed(WithBase(Fixture("rss.xml")), "https://ledger.example/feed.xml", &feed);
  REQUIRE(s.ok());
  CHECK(feed.kind == "rss");
  CHECK(feed.title == "The Harbor Ledger");
  REQUIRE(feed.items.size() == 3);
  CHECK(feed.items[0].id == "urn:harbor:1");
  CHECK(feed.items[0].link == "https://ledger.example/articles/alpha.html");
  CHECK(feed.items[0].published == "Mon, 02 Nov 2026 09:00:00 GMT");
  // An undeclared HTML entity (&nbsp;) does not break the feed.
  CHECK(feed.items[0].summary.find("teaser") != std::string::npos);
  // guid isPermaLink="true" without <link>: the guid is the link; CDATA title.
  CHECK(feed.items[1].link == "https://ledger.example/articles/beta.html");
  CHECK(feed.items[1].id == feed.items[1].link);
  CHECK(feed.items[1].title == "Ferry Operator Reports Network Outage");
  CHECK(HtmlTextLength(feed.items[1].content) == 0);
  CHECK(HtmlTextLength(feed.items[2].content) > kFeedContentMinChars);
  CHECK(feed.items[2].content.find("<p>The Harbor Council") == 0);
}

TEST_CASE("Atom: alternate link resolved against the feed URL, published before updated",
          "[feeds][parse]") {
  Feed feed;
  REQUIRE(ParseFeed(WithBase(Fixture("atom.xml")), "https://ledger.example/atom.xml", &feed).ok());
  CHECK(feed.kind == "atom");
  CHECK(feed.title == "Harbor City Library News");
  REQUIRE(feed.items.size() == 1);
  const FeedItem& e = feed.items[0];
  CHECK(e.id == "urn:uuid:library-archive-2026");
  CHECK(e.link == "https://ledger.example/articles/gamma.html");
  CHECK(e.title == "Library Opens Digital Archive of Shipping Records");
  CHECK(e.published == "2026-11-04T09:30:00.000+01:00");
  CHECK(e.summary.find("nineteenth century") != std::string::npos);
}

TEST_CASE("RSS 1.0 (RDF) with dc:date, BOM and leading white space, Latin-1", "[feeds][parse]") {
  std::string rdf =
      "\xEF\xBB\xBF\n  <?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
      "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      "<channel rdf:about=\"https://ledger.example/\"><title>Ledger</title></channel>"
      "<item rdf:about=\"https://ledger.example/a\"><title>A</title>"
      "<dc:date>2026-11-02T10:00:00Z</dc:date></item></rdf:RDF>";
  Feed feed;
  REQUIRE(ParseFeed(rdf, "rdf.xml", &feed).ok());
  CHECK(feed.kind == "rdf");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].link == "https://ledger.example/a");
  CHECK(feed.items[0].published == "2026-11-02T10:00:00Z");

  std::string latin1 =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xE9</title>"
      "<item><title>Se\xF1or</title><link>https://ledger.example/b</link></item></channel></rss>";
  REQUIRE(ParseFeed(latin1, "latin1.xml", &feed).ok());
  CHECK(feed.title == "Caf\xC3\xA9");
  CHECK(feed.items[0].title == "Se\xC3\xB1or");
}

TEST_CASE("malformed XML and non-feeds fail naming the input and the place", "[feeds][parse]") {
  Feed feed;
  Status s = ParseFeed(Fixture("broken.xml"), "https://ledger.example/broken.xml", &feed);
  REQUIRE(s.IsInvalidArgument());
  CHECK(s.message().find("https://ledger.example/broken.xml") == 0);
  CHECK(s.message().find("not well-formed XML at byte offset") != std::string::npos);

  s = ParseFeed("<html><body>hi</body></html>", "page.xml", &feed);
  REQUIRE(s.IsInvalidArgument());
  CHECK(s.message().find("page.xml: not a feed") == 0);
  CHECK(ParseFeed("  ", "empty.xml", &feed).IsInvalidArgument());

  CHECK(LooksLikeFeed(Fixture("rss.xml")));
  CHECK(LooksLikeFeed(Fixture("atom.xml")));
  CHECK(LooksLikeFeed("<?xml version='1.0'?><!-- c --><rdf:RDF>"));
  CHECK_FALSE(LooksLikeFeed(Fixture("alpha.html")));
}

TEST_CASE("feed dates: RFC 822 and RFC 3339 to ISO 8601", "[feeds][dates]") {
  CHECK(NormalizeFeedDate("Mon, 02 Nov 2026 09:00:00 GMT") == "2026-11-02T09:00:00+00:00");
  CHECK(NormalizeFeedDate("Tue, 3 Nov 2026 14:20:00 -0500") == "2026-11-03T14:20:00-05:00");
  CHECK(NormalizeFeedDate("Wed, 04 Nov 2026 07:45 EST") == "2026-11-04T07:45:00-05:00");
  CHECK(NormalizeFeedDate("04 Nov 26 07:45:00 +0100") == "2026-11-04T07:45:00+01:00");
  CHECK(NormalizeFeedDate("2026-11-04T09:30:00.000+01:00") == "2026-11-04T09:30:00+01:00");
  CHECK(NormalizeFeedDate("2026-11-04T12:00:00Z") == "2026-11-04T12:00:00+00:00");
  CHECK(NormalizeFeedDate("2026-11-04") == "2026-11-04");
  CHECK(NormalizeFeedDate("yesterday") == "");
  CHECK(NormalizeFeedDate("Mon, 45 Nov 2026 09:00:00 GMT") == "");
}

TEST_CASE("URL resolution and text length", "[feeds][url]") {
  CHECK(ResolveUrl("https://a.example/x/feed.xml", "/b.html") == "https://a.example/b.html");
  CHECK(ResolveUrl("https://a.example/x/feed.xml", "b.html") == "https://a.example/x/b.html");
  CHECK(ResolveUrl("https://a.example/x/y/feed", "../b.html#top") == "https://a.example/x/b.html");
  CHECK(ResolveUrl("https://a.example/x/feed", "//c.example/d") == "https://c.example/d");
  CHECK(ResolveUrl("https://a.example/x/feed", "http://d.example/") == "http://d.example/");
  CHECK(ResolveUrl("https://a.example", "p?q=1") == "https://a.example/p?q=1");
  CHECK(HtmlTextLength("<p>ab  c</p><script>var x='<p>zzz</p>';</script>&amp;") == 6);
  CHECK(IsHttpUrl("HTTPS://x.example/"));
  CHECK_FALSE(IsHttpUrl("feeds.txt"));
}

TEST_CASE("real-world mess: bare ampersands, HTML in description, unknown entities",
          "[feeds][parse]") {
  std::string rss =
      "<rss version=\"2.0\"><channel><title>AT&T & Partners</title>"
      "<item><title>Q&A: the &lsquo;barrier&rsquo; &hellip;</title>"
      "<link>https://ledger.example/story?id=7&ref=rss</link>"
      "<description><p>HTML put in <b>unescaped</b></p></description>"
      "<guid>7</guid></item></channel></rss>";
  Feed feed;
  Status s = ParseFeed(rss, "mess.xml", &feed);
  REQUIRE(s.ok());
  CHECK(feed.title == "AT&T & Partners");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].link == "https://ledger.example/story?id=7&ref=rss");
  CHECK(feed.items[0].title.find("Q&A: the \xE2\x80\x98"
                                 "barrier\xE2\x80\x99") == 0);
  CHECK(feed.items[0].summary.find("<b>unescaped</b>") != std::string::npos);
}
