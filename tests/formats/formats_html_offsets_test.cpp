// HTML pages: Article::source_map gives every span of the derived text in the page's own bytes.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <utility>

#include "test_support.h"
#include "tkg/importers/extractor.h"
#include "tkg/importers/format_registry.h"
#include "tkg/importers/formats.h"

namespace {

// Written for this test: entities, nested inline tags, a <br>, a headline from <title> only.
const char kPage[] =
    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
    "<title>Harbour and rail systems restored after outage | Marlow Daily</title></head>\n"
    "<body><nav><a href=\"/\">Home</a></nav>\n"
    "<article>\n"
    "  <p>The Marlow transit authority said on Tuesday that its <b>signalling &amp; ticketing</b>\n"
    "     systems were working again after a <a href=\"/x\">two-day outage</a>.</p>\n"
    "  <p>&ldquo;We restored every line by <i>Monday night</i>,&rdquo; transit director "
    "Petra Vance said.<br>She said no data had been lost.</p>\n"
    "  <p>Engineers at the authority said the fault began in a power supply, not in the "
    "software&nbsp;itself, and that spare units had been ordered.</p>\n"
    "</article>\n"
    "<footer>Copyright Marlow Daily</footer></body></html>\n";

// The few entities of kPage, decoded independently of the reader; white space removed.
std::string DecodeAndSqueeze(std::string s) {
  const std::pair<std::string, std::string> kEntities[] = {
      {"&amp;", "&"}, {"&ldquo;", "\xE2\x80\x9C"}, {"&rdquo;", "\xE2\x80\x9D"}, {"&nbsp;", " "}};
  for (const auto& [from, to] : kEntities) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
      s.replace(p, from.size(), to);
  }
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out += c;
  return out;
}

// The page's bytes in `s`, with tags removed, entities decoded and white space collapsed: what
// the derived text of those bytes should read.
std::string Visible(std::string_view s) {
  std::string stripped;
  bool in_tag = false;
  for (char c : s) {
    if (c == '<') {
      in_tag = true;
      stripped += ' ';  // <br> reads as a space; other tags stand between words or not at all
      continue;
    }
    if (c == '>') {
      in_tag = false;
      continue;
    }
    if (!in_tag) stripped += c;
  }
  // Compared without spaces: tags may or may not separate words.
  return DecodeAndSqueeze(stripped);
}

std::string NoSpace(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\xC2\xA0") == 0) {  // no-break space
      ++i;
      continue;
    }
    if (s[i] != ' ' && s[i] != '\n') out += s[i];
  }
  return out;
}

tkg::Article ParsePage() {
  tkg::ParsedInput parsed;
  tkg::Status s = tkg::ParseInput(kPage, "page.html", {}, "auto", &parsed);
  INFO(s.ToString());
  REQUIRE(s.ok());
  REQUIRE(parsed.articles.size() == 1);
  return parsed.articles[0];
}

}  // namespace

TEST_CASE("html offsets: every paragraph maps to the page bytes it was read from",
          "[formats][html][offsets]") {
  tkg::Article a = ParsePage();
  const std::string page = kPage;
  REQUIRE(a.headline == "Harbour and rail systems restored after outage");
  REQUIRE_FALSE(a.source_map.empty());

  // The headline, taken from <title> without the outlet, maps to its bytes there.
  tkg::Span h = tkg::MapToSource(a, a.headline_span);
  CHECK(h.begin == page.find("Harbour"));
  CHECK(page.substr(h.begin, h.size()) == a.headline);

  size_t begin = a.body_span.begin;
  int paragraphs = 0;
  while (begin < a.body_span.end) {
    size_t end = a.text.find("\n\n", begin);
    if (end == std::string::npos || end > a.body_span.end) end = a.body_span.end;
    tkg::Span p{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    tkg::Span f = tkg::MapToSource(a, p);
    REQUIRE(f.end <= page.size());
    std::string_view in_file(page.data() + f.begin, f.size());
    INFO("paragraph: " << tkg::SpanText(a.text, p) << "\nfile bytes: " << in_file);
    CHECK(Visible(in_file) == NoSpace(tkg::SpanText(a.text, p)));
    // Every sub-span too: each word of the paragraph maps to bytes reading that word.
    for (size_t w = begin; w < end;) {
      size_t we = a.text.find(' ', w);
      if (we == std::string::npos || we > end) we = end;
      tkg::Span ws{static_cast<uint32_t>(w), static_cast<uint32_t>(we)};
      tkg::Span wf = tkg::MapToSource(a, ws);
      std::string_view word_file(page.data() + wf.begin, wf.size());
      INFO("word: " << tkg::SpanText(a.text, ws) << " file: " << word_file);
      CHECK(Visible(word_file) == NoSpace(tkg::SpanText(a.text, ws)));
      w = we + 1;
    }
    ++paragraphs;
    begin = end + 2;
  }
  CHECK(paragraphs == 3);

  // Entities round outward: the "&" of the text maps to the whole "&amp;" of the page.
  size_t amp = a.text.find('&', a.body_span.begin);
  REQUIRE(amp != std::string::npos);
  tkg::Span af =
      tkg::MapToSource(a, tkg::Span{static_cast<uint32_t>(amp), static_cast<uint32_t>(amp + 1)});
  CHECK(page.substr(af.begin, af.size()) == "&amp;");
  // Half of a decoded multi-byte character (the opening quote, from &ldquo;) maps to the entity.
  size_t quote = a.text.find("\xE2\x80\x9C");
  REQUIRE(quote != std::string::npos);
  tkg::Span qf = tkg::MapToSource(
      a, tkg::Span{static_cast<uint32_t>(quote + 1), static_cast<uint32_t>(quote + 2)});
  CHECK(page.substr(qf.begin, qf.size()) == "&ldquo;");
}

TEST_CASE("html offsets: inserted separators round outward", "[formats][html][offsets]") {
  tkg::Article a = ParsePage();
  const std::string page = kPage;
  // The blank line between headline and body was inserted: it maps to the page bytes between
  // where the headline and the first paragraph were read.
  REQUIRE(a.body_span.begin >= 2);
  tkg::Span gap{a.body_span.begin - 2, a.body_span.begin};
  REQUIRE(tkg::SpanText(a.text, gap) == "\n\n");
  tkg::Span g = tkg::MapToSource(a, gap);
  size_t headline_end = page.find(" | Marlow Daily");
  size_t first_p = page.find("The Marlow");
  CHECK(g.begin == headline_end);
  CHECK(g.end == first_p);
  // A span from the blank line into the body starts at the body's first byte in the page.
  tkg::Span into{a.body_span.begin - 1, a.body_span.begin + 10};
  tkg::Span i = tkg::MapToSource(a, into);
  CHECK(page.substr(i.begin, i.size()) == "The Marlow");
}

TEST_CASE("html offsets: a statement extracted from the page maps to its words in the page",
          "[formats][html][offsets]") {
  tkg::ExtractorOptions opts;
  opts.data_dir = tkg::testing::SourcePath("data");
  std::unique_ptr<tkg::Extractor> ex;
  REQUIRE(tkg::Extractor::Create(opts, &ex).ok());
  tkg::ArticleGraph g;
  g.article = ParsePage();
  REQUIRE(ex->Extract(&g).ok());
  const std::string page = kPage;
  const tkg::Statement* st = nullptr;
  for (const auto& s : g.statements)
    if (s.text.find("Monday night") != std::string::npos) st = &s;
  REQUIRE(st != nullptr);
  tkg::Span f = tkg::MapToSource(g.article, st->text_span);
  REQUIRE(f.end <= page.size());
  std::string_view in_file(page.data() + f.begin, f.size());
  INFO("statement: " << st->text << "\nfile bytes: " << in_file);
  CHECK(Visible(in_file) == NoSpace(tkg::SpanText(g.article.text, st->text_span)));
  tkg::Span sf = tkg::MapToSource(g.article, st->sentence_span);
  std::string_view sentence_file(page.data() + sf.begin, sf.size());
  CHECK(Visible(sentence_file) == NoSpace(tkg::SpanText(g.article.text, st->sentence_span)));
  CHECK(sentence_file.find("Petra Vance") != std::string_view::npos);
}

TEST_CASE("html offsets: plain text has no map and spans are the file's",
          "[formats][html][offsets]") {
  const std::string text = "Quiet day in Marlow\n\nThe council met on Monday.\n";
  tkg::ParsedInput parsed;
  REQUIRE(tkg::ParseInput(text, "note.txt", {}, "text", &parsed).ok());
  REQUIRE(parsed.articles.size() == 1);
  const tkg::Article& a = parsed.articles[0];
  CHECK(a.source_map.empty());
  CHECK(tkg::MapToSource(a, tkg::Span{3, 9}) == tkg::Span{3, 9});
}

namespace {

// Each word of the article's text (split at spaces and newlines) maps to file bytes that read as
// that word once converted from Latin-1 (when `latin1`), with tags dropped; words
// whose bytes hold an entity are only checked to map inside the file.
void CheckWordsMapIntoFile(const tkg::Article& a, const std::string& file, bool latin1) {
  REQUIRE_FALSE(a.source_map.empty());
  size_t w = 0;
  int checked = 0;
  while (w < a.text.size()) {
    size_t we = a.text.find_first_of(" \n", w);
    if (we == std::string::npos) we = a.text.size();
    if (we > w) {
      tkg::Span ws{static_cast<uint32_t>(w), static_cast<uint32_t>(we)};
      tkg::Span f = tkg::MapToSource(a, ws);
      REQUIRE(f.end <= file.size());
      std::string bytes = file.substr(f.begin, f.size());
      INFO("word '" << tkg::SpanText(a.text, ws) << "' maps to '" << bytes << "'");
      bool c1 = false;  // Windows-1252 bytes 0x80..0x9F are not Latin-1: not compared
      for (char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80 && static_cast<unsigned char>(c) <= 0x9F)
          c1 = true;
      if (bytes.find('&') == std::string::npos && !c1) {
        std::string read = latin1 ? tkg::Latin1ToUtf8(bytes) : bytes;
        CHECK(NoSpace(Visible(read)) == NoSpace(tkg::SpanText(a.text, ws)));
        ++checked;
      }
    }
    w = we + 1;
  }
  CHECK(checked > 10);
}

}  // namespace

TEST_CASE("sgml offsets: words of re-flowed Reuters stories map into the Latin-1 file",
          "[formats][sgml][offsets]") {
  std::string path = tkg::testing::SourcePath("tests/fixtures/formats/reuters-sample.sgm");
  std::string file = tkg::testing::ReadFile(path);
  tkg::ParsedInput parsed;
  REQUIRE(tkg::ParseInput(file, path, {}, "auto", &parsed).ok());
  REQUIRE(parsed.articles.size() == 2);
  for (const auto& a : parsed.articles) CheckWordsMapIntoFile(a, file, true);
  // The dateline and the first paragraph come from separate elements: the span across both
  // covers the bytes between them too.
  const tkg::Article& a = parsed.articles[0];
  tkg::Span f = tkg::MapToSource(a, a.body_span);
  CHECK(file.substr(f.begin, 6) == "BOGOTA");
}

TEST_CASE("html offsets: a Windows-1252 page maps into the file's own bytes",
          "[formats][html][offsets]") {
  std::string path = tkg::testing::SourcePath("tests/fixtures/formats/latin1.html");
  std::string file = tkg::testing::ReadFile(path);
  tkg::ParsedInput parsed;
  REQUIRE(tkg::ParseInput(file, path, {}, "auto", &parsed).ok());
  REQUIRE(parsed.articles.size() == 1);
  CheckWordsMapIntoFile(parsed.articles[0], file, true);
}
