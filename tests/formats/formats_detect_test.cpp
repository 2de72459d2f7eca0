// Format detection and the input checks every format shares.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "tkg/importers/format_registry.h"

using tkg::DetectFormat;
using tkg::ParsedInput;

TEST_CASE("detect: detection by content comes before the extension", "[formats]") {
  CHECK(DetectFormat("a.txt", "<title>T</title>\n<source> u </source>\n<text>\nx\n</text>\n") ==
        "casie");
  CHECK(DetectFormat("reut2-000.sgm", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS>") ==
        "sgml");
  CHECK(DetectFormat("x.txt", "<REUTERS NEWID=\"1\">") == "sgml");
  CHECK(DetectFormat("page", "  <!DOCTYPE html><html><body></body></html>") == "html");
  CHECK(DetectFormat("page.txt", "<html><body><p>x</p></body></html>") == "html");
  CHECK(DetectFormat("feed.txt", "{\"title\": \"x\"}\n") == "jsonl");
  CHECK(DetectFormat("feed.jsonl", "") == "jsonl");
  CHECK(DetectFormat("page.HTM", "hello") == "html");
  CHECK(DetectFormat("story.txt", "YIBADA\n\nHeadline\n\n| Apr 21, 2016 10:02 PM EDT\n") == "text");
  CHECK(DetectFormat("story.txt", "\xEF\xBB\xBF<title>T</title><text>x</text>") == "casie");
}

TEST_CASE("detect: article file names are chosen by extension", "[formats]") {
  CHECK(tkg::IsArticleFileName("examples/a.txt"));
  CHECK(tkg::IsArticleFileName("x/reut2-000.SGM"));
  CHECK(tkg::IsArticleFileName("train.jsonl"));
  CHECK(tkg::IsArticleFileName("page.html"));
  CHECK_FALSE(tkg::IsArticleFileName("examples/README.md"));
  CHECK_FALSE(tkg::IsArticleFileName("examples/expected.md"));
  CHECK_FALSE(tkg::IsArticleFileName("photo.jpg"));
  CHECK_FALSE(tkg::IsArticleFileName("Makefile"));
}

TEST_CASE("detect: UTF-8 validation and Latin-1 conversion", "[formats]") {
  CHECK(tkg::FindInvalidUtf8("plain ascii") == std::string_view::npos);
  CHECK(tkg::FindInvalidUtf8("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D") ==
        std::string_view::npos);
  CHECK(tkg::FindInvalidUtf8("caf\xE9 au lait") == 3);  // Latin-1 e-acute
  CHECK(tkg::FindInvalidUtf8("ab\xC0\xAF") == 2);       // overlong '/'
  CHECK(tkg::FindInvalidUtf8("x\xED\xA0\x80") == 1);    // surrogate
  CHECK(tkg::FindInvalidUtf8("trunc\xE2\x80") == 5);    // cut short
  CHECK(tkg::Latin1ToUtf8("caf\xE9") == "caf\xC3\xA9");
}

TEST_CASE("detect: unusable inputs are refused with a reason naming the input", "[formats]") {
  ParsedInput parsed;
  tkg::ArticleHints hints;
  auto empty = tkg::ParseInput("  \n\n ", "in/empty.txt", hints, "auto", &parsed);
  REQUIRE(empty.IsInvalidArgument());
  CHECK(empty.message().find("in/empty.txt") != std::string::npos);
  CHECK(empty.message().find("empty") != std::string::npos);

  auto binary =
      tkg::ParseInput(std::string("GIF89a\0\0\x01", 9), "in/pic.txt", hints, "auto", &parsed);
  REQUIRE(binary.IsInvalidArgument());
  CHECK(binary.message().find("binary") != std::string::npos);

  auto bad =
      tkg::ParseInput("Headline\n\nThe caf\xE9 said so.\n", "in/latin.txt", hints, "auto", &parsed);
  REQUIRE(bad.IsInvalidArgument());
  CHECK(bad.message().find("invalid UTF-8 at byte offset 17") != std::string::npos);

  auto unknown = tkg::ParseInput("x", "in/x.txt", hints, "pdf", &parsed);
  CHECK(unknown.IsInvalidArgument());
}

TEST_CASE("detect: plain text goes through ParsePlainTextArticle unchanged", "[formats]") {
  std::string path =
      tkg::testing::SourcePath("examples/baltic-wire-2017-03-02-tamm-cyber-deterrence.txt");
  std::string bytes = tkg::testing::ReadFile(path);
  ParsedInput parsed;
  REQUIRE(tkg::ParseInput(bytes, path, {}, "auto", &parsed).ok());
  CHECK(parsed.format == "text");
  REQUIRE(parsed.articles.size() == 1);
  const auto& a = parsed.articles[0];
  CHECK(a.text == bytes);  // spans point into the file itself
  CHECK(a.source == path);
  CHECK(a.published_date.value == "2017-03-02");
  CHECK(tkg::SpanText(a.text, a.headline_span) ==
        "Estonia Pushes NATO Allies Toward Shared Cyber Deterrence Doctrine");
}
