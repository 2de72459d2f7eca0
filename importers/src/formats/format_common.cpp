// Text helpers shared by the format readers: entities, white space, URLs, article assembly.
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>

#include "format_parsers.h"

namespace tkg::formats {

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

const std::unordered_map<std::string_view, uint32_t>& NamedEntities() {
  static const auto* table = new std::unordered_map<std::string_view, uint32_t>{
      {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},
      {"apos", '\''},    {"nbsp", 0xA0},    {"ndash", 0x2013},  {"mdash", 0x2014},
      {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A},  {"ldquo", 0x201C},
      {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"hellip", 0x2026}, {"laquo", 0xAB},
      {"raquo", 0xBB},   {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122},
      {"euro", 0x20AC},  {"pound", 0xA3},   {"yen", 0xA5},      {"cent", 0xA2},
      {"deg", 0xB0},     {"middot", 0xB7},  {"bull", 0x2022},   {"times", 0xD7},
      {"divide", 0xF7},  {"shy", 0xAD},     {"thinsp", 0x2009}, {"ensp", 0x2002},
      {"emsp", 0x2003},  {"zwj", 0x200D},   {"zwnj", 0x200C},   {"sect", 0xA7},
      {"para", 0xB6},    {"iexcl", 0xA1},   {"iquest", 0xBF},   {"szlig", 0xDF},
      {"aacute", 0xE1},  {"agrave", 0xE0},  {"acirc", 0xE2},    {"auml", 0xE4},
      {"atilde", 0xE3},  {"aring", 0xE5},   {"aelig", 0xE6},    {"ccedil", 0xE7},
      {"eacute", 0xE9},  {"egrave", 0xE8},  {"ecirc", 0xEA},    {"euml", 0xEB},
      {"iacute", 0xED},  {"igrave", 0xEC},  {"icirc", 0xEE},    {"iuml", 0xEF},
      {"ntilde", 0xF1},  {"oacute", 0xF3},  {"ograve", 0xF2},   {"ocirc", 0xF4},
      {"ouml", 0xF6},    {"otilde", 0xF5},  {"oslash", 0xF8},   {"uacute", 0xFA},
      {"ugrave", 0xF9},  {"ucirc", 0xFB},   {"uuml", 0xFC},     {"yacute", 0xFD},
      {"Aacute", 0xC1},  {"Agrave", 0xC0},  {"Auml", 0xC4},     {"Aring", 0xC5},
      {"Ccedil", 0xC7},  {"Eacute", 0xC9},  {"Egrave", 0xC8},   {"Iacute", 0xCD},
      {"Ntilde", 0xD1},  {"Oacute", 0xD3},  {"Ouml", 0xD6},     {"Oslash", 0xD8},
      {"Uacute", 0xDA},  {"Uuml", 0xDC},    {"prime", 0x2032},  {"Prime", 0x2033},
  };
  return *table;
}

// Numeric references in 0x80..0x9F mean Windows-1252 characters in practice.
uint32_t FixC1(uint32_t cp) {
  static const uint16_t k1252[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  if (cp >= 0x80 && cp <= 0x9F) return k1252[cp - 0x80];
  return cp;
}

}  // namespace

std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '&') {
      out.push_back(c);
      continue;
    }
    size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12 || semi == i + 1) {
      out.push_back(c);
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    bool ok = false;
    if (name[0] == '#') {
      bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      std::string_view digits = name.substr(hex ? 2 : 1);
      if (!digits.empty()) {
        ok = true;
        for (char d : digits) {
          int v;
          if (d >= '0' && d <= '9')
            v = d - '0';
          else if (hex && d >= 'a' && d <= 'f')
            v = d - 'a' + 10;
          else if (hex && d >= 'A' && d <= 'F')
            v = d - 'A' + 10;
          else {
            ok = false;
            break;
          }
          cp = cp * (hex ? 16 : 10) + v;
          if (cp > 0x10FFFF) {
            ok = false;
            break;
          }
        }
      }
      if (ok) cp = FixC1(cp);
    } else {
      auto it = NamedEntities().find(name);
      if (it != NamedEntities().end()) {
        cp = it->second;
        ok = true;
      }
    }
    if (!ok) {
      out.push_back(c);
      continue;
    }
    i = semi;
    if (cp == 0xAD) continue;  // soft hyphen: invisible
    if (cp < 0x20 && cp != '\t' && cp != '\n') continue;
    if (cp == 0x7F) continue;
    AppendUtf8(cp, &out);
  }
  return out;
}

// The byte length of the white space character at s[i], 0 if there is none: ASCII white space,
// U+00A0 no-break space, U+2000..U+200B (thin, hair, zero-width, ... spaces).
static size_t SpaceLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) >= 0x80 && static_cast<unsigned char>(s[i + 2]) <= 0x8B)
    return 3;
  return 0;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t n = SpaceLength(s, i);
    bool space = n > 0;
    if (n > 1) i += n - 1;
    if (space) {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(s[i]);
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::strchr(" \t\r\n\f\v", s[b]) != nullptr) ++b;
  while (e > b && std::strchr(" \t\r\n\f\v", s[e - 1]) != nullptr) --e;
  return s.substr(b, e - b);
}

std::string HostOfUrl(std::string_view url) {
  url = Trim(url);
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#:");
  std::string host = Lower(rest.substr(0, end));
  size_t at = host.rfind('@');
  if (at != std::string::npos) host = host.substr(at + 1);
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

void ComposeArticle(const std::string& headline, const std::vector<std::string>& paragraphs,
                    Article* a) {
  a->headline = headline;
  a->text.clear();
  a->headline_span = Span{};
  a->body_span = Span{};
  if (!headline.empty()) {
    a->text = headline;
    a->headline_span = Span{0, static_cast<uint32_t>(headline.size())};
  }
  bool first = true;
  for (const auto& p : paragraphs) {
    if (p.empty()) continue;
    if (!a->text.empty()) a->text += "\n\n";
    if (first) a->body_span.begin = static_cast<uint32_t>(a->text.size());
    first = false;
    a->text += p;
  }
  if (!first) a->body_span.end = static_cast<uint32_t>(a->text.size());
  if (!a->text.empty()) a->text += "\n";
}

void SetPublishedLenient(std::string_view text, Article* a) {
  text = Trim(text);
  if (text.empty()) return;
  Article probe;
  if (ParsePublished(text, &probe).ok()) {
    a->published = probe.published;
    a->published_date = probe.published_date;
    return;
  }
  // A leading calendar day: "2016-11-04 00:00:00", "2016-11-04T10:00:00.000Z" in odd shapes.
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    std::string_view day = text.substr(0, 10);
    if (ParsePublished(day, &probe).ok()) {
      a->published = probe.published;
      a->published_date = probe.published_date;
    }
  }
}

// --- source maps ---

void DecodeTracked(std::string_view raw, uint32_t base, std::string* out,
                   std::vector<Origin>* origins) {
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '&') {
      size_t semi = raw.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 12 && semi > i + 1 &&
          raw.substr(i + 1, semi - i - 1).find('&') == std::string_view::npos) {
        std::string_view entity = raw.substr(i, semi - i + 1);
        std::string decoded = DecodeEntities(entity);
        if (decoded != entity) {
          Origin o{base + static_cast<uint32_t>(i), base + static_cast<uint32_t>(semi + 1)};
          *out += decoded;
          origins->insert(origins->end(), decoded.size(), o);
          i = semi;
          continue;
        }
      }
    }
    out->push_back(raw[i]);
    origins->push_back(
        Origin{base + static_cast<uint32_t>(i), base + static_cast<uint32_t>(i + 1)});
  }
}

std::string CollapseTracked(std::string_view s, const std::vector<Origin>& in,
                            std::vector<Origin>* origins) {
  std::string out;
  origins->clear();
  bool pending = false;
  Origin space_origin;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t at = i;
    size_t n = SpaceLength(s, i);
    bool space = n > 0;
    if (n > 1) i += n - 1;
    if (space) {
      if (!pending) {
        space_origin = in[at];
        if (i != at && in[i].end != Origin::kNone && space_origin.begin != Origin::kNone)
          space_origin.end = std::max(space_origin.end, in[i].end);
      }
      pending = !out.empty();
      continue;
    }
    if (pending) {
      out.push_back(' ');
      origins->push_back(space_origin);
    }
    pending = false;
    out.push_back(s[i]);
    origins->push_back(in[at]);
  }
  return out;
}

void AppendRuns(const std::vector<Origin>& origins, uint32_t text_begin,
                const std::vector<uint32_t>& raw_of, std::vector<SourceRun>* runs) {
  bool open = false;  // whether runs->back() may still grow
  for (size_t k = 0; k < origins.size(); ++k) {
    Origin o = origins[k];
    if (o.begin == Origin::kNone) {
      open = false;
      continue;
    }
    if (!raw_of.empty()) {
      uint32_t b = raw_of[o.begin];
      uint32_t e = o.end < raw_of.size() ? raw_of[o.end] : raw_of.back();
      if (o.end > o.begin && e <= raw_of[o.end - 1]) e = raw_of[o.end - 1] + 1;
      o = Origin{b, e};
    }
    uint32_t t = text_begin + static_cast<uint32_t>(k);
    if (open) {
      SourceRun& r = runs->back();
      bool verbatim = r.text_length == r.source_length;
      if (verbatim && o.end - o.begin == 1 && o.begin == r.source_begin + r.source_length) {
        ++r.text_length;
        ++r.source_length;
        continue;
      }
      if (o.begin == r.source_begin && o.end == r.source_begin + r.source_length) {
        ++r.text_length;  // another byte of the same entity
        continue;
      }
    }
    runs->push_back(SourceRun{t, 1, o.begin, o.end - o.begin});
    open = true;
  }
}

void ComposeSourceMap(const std::vector<Origin>& headline_origins,
                      const std::vector<std::string>& paragraphs,
                      const std::vector<const std::vector<Origin>*>& paragraph_origins,
                      const std::vector<uint32_t>& raw_of, Article* a) {
  std::vector<SourceRun> runs;
  uint32_t pos = 0;
  if (!a->headline.empty()) {
    if (headline_origins.size() == a->headline.size())
      AppendRuns(headline_origins, 0, raw_of, &runs);
    pos = static_cast<uint32_t>(a->headline.size());
  }
  for (size_t k = 0; k < paragraphs.size(); ++k) {
    const std::string& p = paragraphs[k];
    if (p.empty()) continue;
    if (pos > 0) pos += 2;                               // "\n\n"
    if (a->text.compare(pos, p.size(), p) != 0) return;  // laid out otherwise: no map
    if (k < paragraph_origins.size() && paragraph_origins[k] != nullptr &&
        paragraph_origins[k]->size() == p.size())
      AppendRuns(*paragraph_origins[k], pos, raw_of, &runs);
    pos += static_cast<uint32_t>(p.size());
  }
  a->source_map = std::move(runs);
}

}  // namespace tkg::formats
