#include "../../importers/src/extract/sentences.h"

#include <catch2/catch.hpp>
#include <string>

#include "../../importers/src/extract/tokens.h"

using tkg::Span;
using tkg::SpanText;
using tkg::extract::SplitSentences;
using tkg::extract::Tokenize;
using tkg::extract::TokenKind;

namespace {
Span All(const std::string& s) { return Span{0, static_cast<uint32_t>(s.size())}; }
}  // namespace

TEST_CASE("sentences: abbreviations do not end a sentence", "[sentences]") {
  std::string text = "Mr. Okafor met Dr. Lindgren in the U.S. capital. They spoke for an hour.";
  auto s = SplitSentences(text, All(text));
  for (const auto& x : s) UNSCOPED_INFO(SpanText(text, x.span));
  REQUIRE(s.size() == 2);
  CHECK(SpanText(text, s[0].span) == "Mr. Okafor met Dr. Lindgren in the U.S. capital.");
  CHECK(SpanText(text, s[1].span) == "They spoke for an hour.");
}

TEST_CASE("sentences: byte offsets survive multi-byte characters", "[sentences]") {
  std::string text =
      "\xE2\x80\x9C"
      "We are ready,\xE2\x80\x9D said Jos\xC3\xA9 Mart\xC3\xADnez. Nobody objected.";
  auto s = SplitSentences(text, All(text));
  REQUIRE(s.size() == 2);
  CHECK(SpanText(text, s[1].span) == "Nobody objected.");
  CHECK(s[0].span.begin == 0);
}

TEST_CASE("sentences: offsets after characters outside the BMP and ill-formed bytes",
          "[sentences]") {
  // A 4-byte character is two UTF-16 units for ICU; the spans stay byte offsets.
  std::string text = "Fans cheered \xF0\x9F\x8E\x89 loudly. The team won. \xF0\x9F\x8F\x86 Again.";
  auto s = SplitSentences(text, All(text));
  REQUIRE(s.size() == 3);
  CHECK(SpanText(text, s[0].span) == "Fans cheered \xF0\x9F\x8E\x89 loudly.");
  CHECK(SpanText(text, s[1].span) == "The team won.");
  CHECK(SpanText(text, s[2].span) == "\xF0\x9F\x8F\x86 Again.");
  // A stray continuation byte: the line is still split, with byte offsets.
  std::string bad = "Prices rose \x80 sharply. Markets fell.";
  auto b = SplitSentences(bad, All(bad));
  REQUIRE(b.size() == 2);
  CHECK(SpanText(bad, b[1].span) == "Markets fell.");
}

TEST_CASE("sentences: a line break ends a sentence and counts paragraphs", "[sentences]") {
  std::string text =
      "A headline without a period\n\nThe first paragraph. It has two sentences.\n"
      "A last line without a period";
  auto s = SplitSentences(text, All(text));
  REQUIRE(s.size() == 4);
  CHECK(s[0].paragraph == 0);
  CHECK(s[1].paragraph == 1);
  CHECK(s[2].paragraph == 1);
  CHECK(s[3].paragraph == 2);
  CHECK(SpanText(text, s[3].span) == "A last line without a period");
}

TEST_CASE("sentences: only the body span is split", "[sentences]") {
  std::string text = "HEADER\nBody one. Body two.\nFOOTER";
  Span body{7, 26};
  auto s = SplitSentences(text, body);
  REQUIRE(s.size() == 2);
  CHECK(SpanText(text, s[0].span) == "Body one.");
}

TEST_CASE("tokens: quotes, apostrophes and abbreviations", "[tokens]") {
  std::string text = "\"It\xE2\x80\x99s time,\" said Rep. Ana Ortiz of the U.S. House.";
  auto t = Tokenize(text, All(text));
  REQUIRE(t.size() >= 10);
  CHECK(t[0].kind == TokenKind::kOpenQuote);
  CHECK(t[1].lower == "it's");
  CHECK(t[4].kind == TokenKind::kCloseQuote);
  CHECK(t[6].lower == "rep.");
  bool us = false;
  for (const auto& tok : t) us |= tok.lower == "u.s.";
  CHECK(us);
  CHECK(t.back().lower == ".");
}

TEST_CASE("sentences: a name of a law or a state abbreviation", "[sentences]") {
  // ICU's suppression list would keep "Act." from ending a sentence; news needs it to.
  std::string text =
      "The court struck down the Water Act. That ruling was appealed. Officials in Salem, Ore. "
      "said little. Apple Inc. declined to comment.";
  auto s = SplitSentences(text, All(text));
  for (const auto& x : s) UNSCOPED_INFO(SpanText(text, x.span));
  REQUIRE(s.size() == 4);
  CHECK(SpanText(text, s[0].span) == "The court struck down the Water Act.");
  CHECK(SpanText(text, s[1].span) == "That ruling was appealed.");
  CHECK(SpanText(text, s[2].span) == "Officials in Salem, Ore. said little.");
}

TEST_CASE("sentences: a single initial inside a name", "[sentences]") {
  std::string text = "The network hired M. Night Shyamalan for the series. He agreed.";
  auto s = SplitSentences(text, All(text));
  REQUIRE(s.size() == 2);
  CHECK(SpanText(text, s[0].span) == "The network hired M. Night Shyamalan for the series.");
}
