// HTML article pages: main text and metadata.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "tkg/importers/format_registry.h"

namespace {

tkg::Article ParseOne(const std::string& fixture) {
  std::string path = tkg::testing::SourcePath("tests/fixtures/formats/" + fixture);
  tkg::ParsedInput parsed;
  tkg::Status s = tkg::ParseInput(tkg::testing::ReadFile(path), path, {}, "auto", &parsed);
  INFO(s.ToString());
  REQUIRE(s.ok());
  CHECK(parsed.format == "html");
  REQUIRE(parsed.articles.size() == 1);
  return parsed.articles[0];
}

}  // namespace

TEST_CASE("html: main text without navigation, ads, related links and comments",
          "[formats][html]") {
  tkg::Article a = ParseOne("article.html");
  std::string_view body = tkg::SpanText(a.text, a.body_span);
  CHECK(body ==
        "The Bayport port authority said on Wednesday that a ransomware attack had shut down "
        "the computer systems used to schedule cargo at two of its terminals.\n\n"
        "\xE2\x80\x9CWe are moving containers by hand and by phone until the systems are "
        "restored,\xE2\x80\x9D port director Helen Marsh told reporters. She said that no "
        "ransom had been paid.\n\n"
        "Shipping companies said delays could last into next week & warned customers to expect "
        "late deliveries.");
  for (const char* furniture :
       {"Subscribe", "Sports", "Advertisement", "Cranes stood", "Shipping rates climb", "Trending",
        "Click here", "Share on", "Great article", "sourdough", "Copyright", "tracking", "display",
        "Jordan Pike"}) {
    INFO(furniture);
    CHECK(a.text.find(furniture) == std::string::npos);
  }
}

TEST_CASE("html: JSON-LD NewsArticle metadata is trusted first", "[formats][html]") {
  tkg::Article a = ParseOne("article.html");
  CHECK(a.headline == "Port Authority Confirms Ransomware Attack on Cargo Systems");
  CHECK(tkg::SpanText(a.text, a.headline_span) == a.headline);
  CHECK(a.url == "https://www.coastal-courier.example/2017/06/28/port-ransomware");
  CHECK(a.outlet == "The Coastal Courier");
  CHECK(a.published.rfind("2017-06-28T14:05:00", 0) == 0);
  CHECK(a.published_date.value == "2017-06-28");
  CHECK(a.format == "html");
}

TEST_CASE("html: without JSON-LD, og and article meta tags, then canonical and title",
          "[formats][html]") {
  tkg::Article a = ParseOne("article-meta.html");
  CHECK(a.headline == "School Board Delays Vote on Phone Ban");  // <title> minus the site name
  CHECK(a.url == "https://valley-ledger.example/news/phone-ban-vote");  // og:url over canonical
  CHECK(a.outlet == "Valley Morning Star-Ledger");
  CHECK(a.published_date.value == "2016-09-14");
  std::string_view body = tkg::SpanText(a.text, a.body_span);
  // Unclosed <p> elements end at the next block; <br> inside a paragraph is a space.
  CHECK(body ==
        "The Valley school board postponed a vote on Tuesday on a proposal to ban mobile phones "
        "in classrooms, saying it needed more time to hear from parents.\n\n"
        "Board chair Linda Osei said that the board would take up the proposal again in "
        "October.\n\n"
        "Several teachers told the board that phones distracted students during lessons.");
  CHECK(a.text.find("Home") == std::string::npos);
  CHECK(a.text.find("About us") == std::string::npos);
}

TEST_CASE("html: a page declared as ISO-8859-1 is converted to UTF-8", "[formats][html]") {
  tkg::Article a = ParseOne("latin1.html");
  CHECK(a.headline == "Caf\xC3\xA9 Owner Fined");
  CHECK(tkg::SpanText(a.text, a.body_span) ==
        "The owner of a caf\xC3\xA9 in the old town was fined on Monday for selling "
        "\xE2\x80\x9C"
        "expired\xE2\x80\x9D pastries.");
}

TEST_CASE("html: a page with no article text is refused", "[formats][html]") {
  tkg::ParsedInput parsed;
  auto s = tkg::ParseInput("<!DOCTYPE html><html><body><nav><a href=/>Home</a></nav></body></html>",
                           "nav.html", {}, "auto", &parsed);
  CHECK(s.IsInvalidArgument());
  CHECK(s.message().find("nav.html") != std::string::npos);
}
