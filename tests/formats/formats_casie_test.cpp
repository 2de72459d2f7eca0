// CASIE tagged text.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "tkg/importers/format_registry.h"

TEST_CASE("casie: title, source URL, date and text", "[formats][casie]") {
  std::string path = tkg::testing::SourcePath("tests/fixtures/formats/casie-sample.txt");
  tkg::ParsedInput parsed;
  REQUIRE(tkg::ParseInput(tkg::testing::ReadFile(path), path, {}, "auto", &parsed).ok());
  CHECK(parsed.format == "casie");
  REQUIRE(parsed.articles.size() == 1);
  const auto& a = parsed.articles[0];
  CHECK(a.headline == "Regional Bank Warns Customers After Data Breach at Card Processor");
  CHECK(a.url == "https://www.example-harbor-news.com/business/2018/03/bank-card-breach/");
  CHECK(a.outlet == "example-harbor-news.com");
  CHECK(a.published_date.value == "2018-03-07");
  std::string_view body = tkg::SpanText(a.text, a.body_span);
  CHECK(body.rfind("Westshore Savings Bank has warned", 0) == 0);
  CHECK(body.find("in February & had since") != std::string_view::npos);  // &amp; decoded
  CHECK(body.find("<text>") == std::string_view::npos);
  CHECK(body.ends_with("a bank spokeswoman said."));
}

TEST_CASE("casie: a missing closing tag and a one-digit day are tolerated", "[formats][casie]") {
  std::string bytes =
      "<title>Short</title>\n<source> https://news.example.org/x </source>\n"
      "<date> 2017_05_9\n<text>\nOne line of text.\n";
  tkg::ParsedInput parsed;
  REQUIRE(tkg::ParseInput(bytes, "c.txt", {}, "auto", &parsed).ok());
  REQUIRE(parsed.articles.size() == 1);
  CHECK(parsed.articles[0].published_date.value == "2017-05-09");
  CHECK(tkg::SpanText(parsed.articles[0].text, parsed.articles[0].body_span) ==
        "One line of text.");
}
