// news-please JSON Lines.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "tkg/importers/format_registry.h"

namespace {

tkg::ParsedInput ParseFixture(const tkg::ArticleHints& hints = {}) {
  std::string path = tkg::testing::SourcePath("tests/fixtures/formats/news-please.jsonl");
  tkg::ParsedInput parsed;
  tkg::Status s = tkg::ParseInput(tkg::testing::ReadFile(path), path, hints, "auto", &parsed);
  REQUIRE(s.ok());
  return parsed;
}

}  // namespace

TEST_CASE("jsonl: one article per line, with news-please fields", "[formats][jsonl]") {
  auto parsed = ParseFixture();
  CHECK(parsed.format == "jsonl");
  REQUIRE(parsed.articles.size() == 2);
  REQUIRE(parsed.where.size() == 2);
  CHECK(parsed.where[0] == "line 1");
  CHECK(parsed.where[1] == "line 4");

  const auto& a = parsed.articles[0];
  CHECK(a.format == "jsonl");
  CHECK(a.headline == "Council Votes to Replace Aging Water Billing System After Outage");
  CHECK(tkg::SpanText(a.text, a.headline_span) == a.headline);
  CHECK(a.url == "https://www.riverbend-gazette.example/2016/02/10/water-billing");
  CHECK(a.outlet == "riverbend-gazette.example");
  CHECK(a.published_date.value == "2016-02-10");
  std::string_view body = tkg::SpanText(a.text, a.body_span);
  CHECK(body.rfind("The city council voted on Tuesday", 0) == 0);
  CHECK(body.find("\n\n\"We cannot keep patching") != std::string_view::npos);
  CHECK(body.ends_with("by March."));

  const auto& b = parsed.articles[1];
  CHECK(b.url.empty());  // null in the record
  CHECK(b.outlet == "campus-ledger.example");
  CHECK(b.published_date.value == "2017-11-07");
  CHECK(b.published.rfind("2017-11-07T14:30", 0) == 0);
}

TEST_CASE("jsonl: bad lines are record errors, the other lines are kept", "[formats][jsonl]") {
  auto parsed = ParseFixture();
  REQUIRE(parsed.errors.size() == 2);
  CHECK(parsed.errors[0].where == "line 3");
  CHECK(parsed.errors[0].reason == "not valid JSON");
  CHECK(parsed.errors[1].where == "line 5");
  CHECK(parsed.errors[1].reason.find("no article text") != std::string::npos);
}

TEST_CASE("jsonl: hints override the records' outlet and date", "[formats][jsonl]") {
  tkg::ArticleHints hints;
  hints.outlet = "Wire Digest";
  hints.published = "2018-01-05";
  auto parsed = ParseFixture(hints);
  for (const auto& a : parsed.articles) {
    CHECK(a.outlet == "Wire Digest");
    CHECK(a.published_date.value == "2018-01-05");
  }
}

TEST_CASE("jsonl: invalid UTF-8 in one line fails that line only", "[formats][jsonl]") {
  std::string bytes =
      "{\"title\":\"Good\",\"maintext\":\"Fine text here.\"}\n"
      "{\"title\":\"Bad\",\"maintext\":\"caf\xE9\"}\n";
  tkg::ParsedInput parsed;
  REQUIRE(tkg::ParseInput(bytes, "mixed.jsonl", {}, "auto", &parsed).ok());
  CHECK(parsed.articles.size() == 1);
  REQUIRE(parsed.errors.size() == 1);
  CHECK(parsed.errors[0].where == "line 2");
  CHECK(parsed.errors[0].reason.find("invalid UTF-8") != std::string::npos);
}

TEST_CASE("jsonl: one pretty-printed news-please object per .json file", "[formats][jsonl]") {
  std::string path = tkg::testing::SourcePath("tests/fixtures/formats/news-please-single.json");
  std::string bytes = tkg::testing::ReadFile(path);
  CHECK(tkg::DetectFormat(path, bytes) == "jsonl");
  tkg::ParsedInput parsed;
  REQUIRE(tkg::ParseInput(bytes, path, {}, "auto", &parsed).ok());
  REQUIRE(parsed.articles.size() == 1);
  CHECK(parsed.errors.empty());
  const auto& a = parsed.articles[0];
  CHECK(a.headline == "Ferry Booking Site Offline After Cyberattack");
  CHECK(a.outlet == "islandpost.example");
  CHECK(a.url == "https://islandpost.example/news/ferry-booking-cyberattack");
  CHECK(a.published.rfind("2017-04-02T18:45", 0) == 0);
  CHECK(tkg::SpanText(a.text, a.body_span).ends_with("bought at the harbour."));
}

TEST_CASE("jsonl: a JSON array of records", "[formats][jsonl]") {
  std::string bytes =
      "[\n {\"title\": \"One\", \"maintext\": \"First story.\"},\n"
      " {\"title\": \"Two\", \"maintext\": \"\"},\n"
      " {\"title\": \"Three\", \"maintext\": \"Third story.\"}\n]\n";
  tkg::ParsedInput parsed;
  REQUIRE(tkg::ParseInput(bytes, "batch.json", {}, "auto", &parsed).ok());
  REQUIRE(parsed.articles.size() == 2);
  CHECK(parsed.where[1] == "record 3");
  REQUIRE(parsed.errors.size() == 1);
  CHECK(parsed.errors[0].where == "record 2");
}
