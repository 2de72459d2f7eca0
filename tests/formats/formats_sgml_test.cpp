// Reuters-21578 SGML.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "tkg/importers/format_registry.h"

TEST_CASE("sgml: records become articles, Latin-1 becomes UTF-8", "[formats][sgml]") {
  std::string path = tkg::testing::SourcePath("tests/fixtures/formats/reuters-sample.sgm");
  tkg::ParsedInput parsed;
  REQUIRE(tkg::ParseInput(tkg::testing::ReadFile(path), path, {}, "auto", &parsed).ok());
  CHECK(parsed.format == "sgml");
  REQUIRE(parsed.articles.size() == 2);
  CHECK(parsed.skipped == 1);  // the title-only brief
  CHECK(parsed.errors.empty());
  CHECK(parsed.where[0] == "NEWID=101");
  CHECK(parsed.where[1] == "NEWID=103");

  const auto& a = parsed.articles[0];
  CHECK(a.outlet == "Reuters");
  CHECK(a.format == "sgml");
  CHECK(a.headline == "COLOMBIA SEES HIGHER COFFEE EXPORTS");
  CHECK(a.published_date.value == "1987-03-12");
  CHECK(a.published.rfind("1987-03-12", 0) == 0);
  CHECK(tkg::FindInvalidUtf8(a.text) == std::string_view::npos);
  std::string_view body = tkg::SpanText(a.text, a.body_span);
  // The dateline leads the first paragraph; hard wraps are joined; paragraphs kept.
  CHECK(body ==
        "BOGOTA, March 12 - Colombia expects coffee exports to rise this season as new "
        "plantings come into production, the national growers federation said.\n\n"
        "Federation president Andr\xC3\xA9s Mej\xC3\xAD"
        "a told reporters that exports could "
        "reach 11 mln bags, against 10.2 mln <bags> last season.");
  CHECK(a.text.find("Reuter") == std::string::npos);
  CHECK(a.text.find('\x03') == std::string::npos);

  const auto& b = parsed.articles[1];
  CHECK(b.headline == "JAPAN OFFICIAL URGES FASTER TARIFF TALKS");
  CHECK(b.published_date.value == "1987-03-13");
  CHECK(tkg::SpanText(b.text, b.body_span).ends_with("hurt exporters on both sides."));
}

TEST_CASE("sgml: an input without records is refused", "[formats][sgml]") {
  tkg::ParsedInput parsed;
  auto s =
      tkg::ParseInput("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n", "empty.sgm", {}, "auto", &parsed);
  CHECK(s.IsInvalidArgument());
  CHECK(s.message().find("empty.sgm") != std::string::npos);
}

TEST_CASE("sgml: a real Reuters-21578 file with Latin-1 bytes reads cleanly",
          "[formats][sgml][shared]") {
  auto shared = tkg::testing::SharedDir();
  if (!shared) {
    WARN("../shared is absent: skipped");
    return;
  }
  std::string path = *shared + "/corpus/reuters21578/reut2-017.sgm";  // holds Latin-1 bytes
  tkg::ParsedInput parsed;
  REQUIRE(tkg::ParseInput(tkg::testing::ReadFile(path), path, {}, "auto", &parsed).ok());
  CHECK(parsed.errors.empty());
  CHECK(parsed.articles.size() + parsed.skipped == 1000);
  for (const auto& a : parsed.articles) {
    REQUIRE(tkg::FindInvalidUtf8(a.text) == std::string_view::npos);
    REQUIRE(!a.published_date.empty());
  }
}
