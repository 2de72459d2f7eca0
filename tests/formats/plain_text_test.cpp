// The plain-text article shape and publication dates, on articles written for these tests.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "test_support.h"
#include "tkg/importers/formats.h"

using namespace tkg;

namespace {

const char* kWithHeader =
    "COASTAL GAZETTE\n"
    "\n"
    "Harbour Authority Delays Dredging Plan\n"
    "\n"
    "| Jul 3, 2018 6:45 PM PDT\n"
    "\n"
    "The harbour authority said on Monday that dredging would start in the autumn.\n"
    "\n"
    "Fishermen welcomed the delay. \"We need the summer,\" one captain said\n"
    "\n"
    "Related News\n"
    "\n"
    "Most Popular\n"
    "\n"
    "EDITOR'S PICK\n";

}  // namespace

TEST_CASE("plain text: outlet, headline, date line with time zone, furniture", "[plain_text]") {
  Article a;
  ArticleHints hints;
  hints.source = "coastal.txt";
  REQUIRE(ParsePlainTextArticle(kWithHeader, hints, &a).ok());
  CHECK(a.text == kWithHeader);  // the bytes unchanged: spans point into the file
  CHECK(a.outlet == "Coastal Gazette");
  CHECK(a.headline == "Harbour Authority Delays Dredging Plan");
  CHECK(SpanText(a.text, a.headline_span) == a.headline);
  CHECK(a.published == "2018-07-03T18:45:00-07:00");
  CHECK(a.published_date.value == "2018-07-03");
  std::string_view body = SpanText(a.text, a.body_span);
  CHECK(body.substr(0, 25) == "The harbour authority sai");
  // The last paragraph has no final period but is a sentence, not furniture.
  CHECK(body.substr(body.size() - 16) == "one captain said");
  CHECK(body.find("Related News") == std::string_view::npos);
  CHECK(a.format == "text");
  CHECK(a.source == "coastal.txt");
  CHECK(!a.id.empty());
  CHECK(!a.content_hash.empty());
}

TEST_CASE("plain text: no header, hints supply the date and outlet", "[plain_text]") {
  std::string text =
      "Council Votes To Close Library Branch.\n\nThe city council voted 7-2 on Tuesday to "
      "close the branch.\n";
  Article a;
  ArticleHints hints;
  hints.published = "2016-09-07";
  hints.outlet = "Metro Ledger";
  REQUIRE(ParsePlainTextArticle(text, hints, &a).ok());
  CHECK(a.headline == "Council Votes To Close Library Branch.");
  CHECK(a.outlet == "Metro Ledger");
  CHECK(a.published == "2016-09-07");
  CHECK(a.published_date.value == "2016-09-07");
  CHECK(SpanText(a.text, a.body_span).substr(0, 16) == "The city council");
}

TEST_CASE("plain text: hints override the file's header", "[plain_text]") {
  Article a;
  ArticleHints hints;
  hints.published = "2018-07-04T09:00:00+02:00";
  hints.outlet = "Other Outlet";
  REQUIRE(ParsePlainTextArticle(kWithHeader, hints, &a).ok());
  CHECK(a.outlet == "Other Outlet");
  CHECK(a.published == "2018-07-04T09:00:00+02:00");
  CHECK(a.published_date.value == "2018-07-04");
}

TEST_CASE("plain text: errors name the input and the problem", "[plain_text]") {
  Article a;
  ArticleHints hints;
  hints.source = "bad.txt";
  hints.published = "Aprl 21";
  Status s = ParsePlainTextArticle("Headline\n\nBody text.\n", hints, &a);
  REQUIRE_FALSE(s.ok());
  CHECK(s.IsInvalidArgument());
  CHECK(s.message().find("bad.txt") != std::string::npos);
  CHECK(s.message().find("Aprl 21") != std::string::npos);
  ArticleHints h2;
  h2.source = "empty.txt";
  Status e = ParsePlainTextArticle("  \n\n", h2, &a);
  REQUIRE_FALSE(e.ok());
  CHECK(e.message().find("empty.txt") != std::string::npos);
}

TEST_CASE("published dates: the forms users and headers write", "[published]") {
  struct Case {
    const char* in;
    const char* published;
    const char* day;
  };
  const Case cases[] = {
      {"2016-04-21", "2016-04-21", "2016-04-21"},
      {"2016-04-21T22:02:00-04:00", "2016-04-21T22:02:00-04:00", "2016-04-21"},
      {"Apr 21, 2016 10:02 PM EDT", "2016-04-21T22:02:00-04:00", "2016-04-21"},
      {"| Mar 2, 2017 9:15 AM GMT", "2017-03-02T09:15:00+00:00", "2017-03-02"},
      {"Jan 5, 2018 11:30 AM CET", "2018-01-05T11:30:00+01:00", "2018-01-05"},
      {"April 21, 2016", "2016-04-21", "2016-04-21"},
      {"Thursday, April 21, 2016", "2016-04-21", "2016-04-21"},
      {"21 April 2016", "2016-04-21", "2016-04-21"},
      {"Sept. 9, 2016", "2016-09-09", "2016-09-09"},
  };
  for (const auto& c : cases) {
    Article a;
    INFO(c.in);
    REQUIRE(ParsePublished(c.in, &a).ok());
    CHECK(a.published == c.published);
    CHECK(a.published_date.value == c.day);
  }
  Article bad;
  CHECK_FALSE(ParsePublished("Aprl 21", &bad).ok());
  CHECK_FALSE(ParsePublished("2016-13-40", &bad).ok());
  CHECK_FALSE(ParsePublished("", &bad).ok());
}

TEST_CASE("plain text: the team's example articles", "[plain_text][examples]") {
  std::string path =
      testing::SourcePath("examples/baltic-wire-2017-03-02-tamm-cyber-deterrence.txt");
  if (!std::filesystem::exists(path)) {
    WARN("examples/ not present; skipped");
    return;
  }
  Article a;
  ArticleHints hints;
  REQUIRE(ParsePlainTextArticle(testing::ReadFile(path), hints, &a).ok());
  CHECK(a.outlet == "Baltic Wire");
  CHECK(a.published_date.value == "2017-03-02");
  CHECK(SpanText(a.text, a.body_span).find("EDITOR'S PICK") == std::string_view::npos);
}
