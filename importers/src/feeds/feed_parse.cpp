// Feed parsing (feeds.h): RSS 2.0, RSS 1.0 (RDF) and Atom through pugixml, elements matched by
// local name so that any namespace prefix works (content:encoded, dc:date, atom:link).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "tkg/importers/feeds.h"
#include "tkg/importers/format_registry.h"

namespace tkg {

namespace {

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

bool IsWs(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && IsWs(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsWs(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view LocalName(const pugi::xml_node& n) {
  std::string_view name = n.name();
  size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_node c : n.children())
    if (c.type() == pugi::node_element && LocalName(c) == local) return c;
  return {};
}

// The element's content as a string: its text when it holds only text and CDATA, else its inner
// XML (an Atom type="xhtml" div, or HTML a feed put in unescaped).
std::string Inner(const pugi::xml_node& n) {
  if (!n) return "";
  bool elements = false;
  std::string text;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      text += c.value();
    } else if (c.type() == pugi::node_element) {
      elements = true;
    }
  }
  if (!elements) return text;
  std::ostringstream out;
  for (pugi::xml_node c : n.children()) c.print(out, "", pugi::format_raw);
  return out.str();
}

// Strips tags and decodes the few entities titles carry; collapses white space.
std::string PlainText(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '<') {
      size_t e = s.find('>', i);
      if (e != std::string_view::npos) {
        i = e;
        space = true;
        continue;
      }
    }
    if (c == '&') {
      size_t e = s.find(';', i);
      if (e != std::string_view::npos && e - i <= 8) {
        std::string_view ent = s.substr(i + 1, e - i - 1);
        const char* rep = nullptr;
        if (ent == "amp")
          rep = "&";
        else if (ent == "lt")
          rep = "<";
        else if (ent == "gt")
          rep = ">";
        else if (ent == "quot")
          rep = "\"";
        else if (ent == "apos" || ent == "#39")
          rep = "'";
        else if (ent == "nbsp" || ent == "#160")
          rep = " ";
        else if (ent == "rsquo" || ent == "#8217")
          rep = "\xE2\x80\x99";
        else if (ent == "lsquo" || ent == "#8216")
          rep = "\xE2\x80\x98";
        else if (ent == "ldquo" || ent == "#8220")
          rep = "\xE2\x80\x9C";
        else if (ent == "rdquo" || ent == "#8221")
          rep = "\xE2\x80\x9D";
        else if (ent == "mdash" || ent == "#8212")
          rep = "\xE2\x80\x94";
        else if (ent == "ndash" || ent == "#8211")
          rep = "\xE2\x80\x93";
        if (rep) {
          if (space && !out.empty()) out += ' ';
          space = false;
          if (std::string_view(rep) == " ") {
            space = true;
          } else {
            out += rep;
          }
          i = e;
          continue;
        }
      }
    }
    if (IsWs(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The encoding named in the XML declaration, lower-case, or "".
std::string DeclaredEncoding(std::string_view bytes) {
  if (bytes.substr(0, 5) != "<?xml") return "";
  size_t end = bytes.find("?>");
  if (end == std::string_view::npos) return "";
  std::string decl = Lower(bytes.substr(0, end));
  size_t p = decl.find("encoding");
  if (p == std::string::npos) return "";
  p = decl.find_first_of("\"'", p);
  if (p == std::string::npos) return "";
  size_t q = decl.find(decl[p], p + 1);
  if (q == std::string::npos) return "";
  return decl.substr(p + 1, q - p - 1);
}

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && IsWs(s.front())) s.remove_prefix(1);
  return s;
}

int MonthIndex(std::string_view m) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  if (m.size() < 3) return 0;
  std::string l = Lower(m.substr(0, 3));
  for (int i = 0; i < 12; ++i)
    if (l == kMonths[i]) return i + 1;
  return 0;
}

// Offset in minutes for a zone written as "+hhmm", "-hh:mm", "Z", "GMT" or an abbreviation.
bool ZoneOffset(std::string_view z, int* minutes) {
  if (z.empty()) return false;
  if (z[0] == '+' || z[0] == '-') {
    std::string digits;
    for (char c : z.substr(1))
      if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    if (digits.size() != 4 && digits.size() != 2) return false;
    int h = std::stoi(digits.substr(0, 2));
    int m = digits.size() == 4 ? std::stoi(digits.substr(2, 2)) : 0;
    *minutes = (z[0] == '-' ? -1 : 1) * (h * 60 + m);
    return true;
  }
  struct Zone {
    const char* abbr;
    int minutes;
  };
  static const Zone kZones[] = {{"Z", 0},      {"UT", 0},     {"UTC", 0},    {"GMT", 0},
                                {"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300},
                                {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420},
                                {"BST", 60},   {"CET", 60},   {"CEST", 120}, {"IST", 330},
                                {"JST", 540},  {"AEST", 600}, {"AEDT", 660}};
  std::string up(z);
  for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const auto& zone : kZones) {
    if (up == zone.abbr) {
      *minutes = zone.minutes;
      return true;
    }
  }
  return false;
}

std::string FormatIso(int y, int mo, int d, int h, int mi, int s, bool has_zone, int off) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s);
  std::string r = buf;
  if (has_zone) {
    int a = off < 0 ? -off : off;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
    r += buf;
  }
  return r;
}

bool ValidDate(int y, int mo, int d, int h, int mi, int s) {
  return y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 &&
         mi >= 0 && mi <= 59 && s >= 0 && s <= 60;
}

std::string NormalizeRfc3339(std::string_view t) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  auto num = [&](size_t pos, size_t len, int* out) {
    if (pos + len > t.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
      v = v * 10 + (t[i] - '0');
    }
    *out = v;
    return true;
  };
  if (!num(0, 4, &y) || t.size() < 10 || t[4] != '-' || !num(5, 2, &mo) || t[7] != '-' ||
      !num(8, 2, &d))
    return "";
  if (t.size() == 10) {
    if (!ValidDate(y, mo, d, 0, 0, 0)) return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
    return buf;
  }
  if ((t[10] != 'T' && t[10] != 't' && t[10] != ' ') || !num(11, 2, &h) || t.size() < 16 ||
      t[13] != ':' || !num(14, 2, &mi))
    return "";
  size_t p = 16;
  if (p < t.size() && t[p] == ':') {
    if (!num(p + 1, 2, &s)) return "";
    p += 3;
    if (p < t.size() && (t[p] == '.' || t[p] == ',')) {
      ++p;
      while (p < t.size() && std::isdigit(static_cast<unsigned char>(t[p]))) ++p;
    }
  }
  std::string_view zone = TrimView(t.substr(p));
  int off = 0;
  bool has_zone = !zone.empty();
  if (has_zone && !ZoneOffset(zone, &off)) return "";
  if (!ValidDate(y, mo, d, h, mi, s)) return "";
  return FormatIso(y, mo, d, h, mi, s, has_zone, off);
}

std::string NormalizeRfc822(std::string_view t) {
  // Tokens on white space and commas.
  std::vector<std::string> tok;
  std::string cur;
  for (char c : t) {
    if (IsWs(c) || c == ',') {
      if (!cur.empty()) tok.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) tok.push_back(cur);
  size_t i = 0;
  if (i < tok.size() && !tok[i].empty() && std::isalpha(static_cast<unsigned char>(tok[i][0])) &&
      !MonthIndex(tok[i]))
    ++i;  // weekday
  else if (i < tok.size() && tok[i].size() > 3 && MonthIndex(tok[i]) &&
           std::isalpha(static_cast<unsigned char>(tok[i][3])) && i + 1 < tok.size() &&
           !std::isdigit(static_cast<unsigned char>(tok[i + 1][0])))
    ++i;
  if (i + 3 > tok.size()) return "";
  int d = 0, mo = 0, y = 0;
  // "21 Apr 2016" or (a common mistake) "Apr 21 2016".
  if (std::isdigit(static_cast<unsigned char>(tok[i][0]))) {
    d = std::atoi(tok[i].c_str());
    mo = MonthIndex(tok[i + 1]);
  } else {
    mo = MonthIndex(tok[i]);
    d = std::atoi(tok[i + 1].c_str());
  }
  y = std::atoi(tok[i + 2].c_str());
  if (tok[i + 2].size() == 2) y += y < 50 ? 2000 : 1900;
  i += 3;
  int h = 0, mi = 0, s = 0;
  bool has_time = false;
  if (i < tok.size() && tok[i].find(':') != std::string::npos) {
    if (std::sscanf(tok[i].c_str(), "%d:%d:%d", &h, &mi, &s) < 2) return "";
    has_time = true;
    ++i;
  }
  int off = 0;
  bool has_zone = i < tok.size() && ZoneOffset(tok[i], &off);
  if (!ValidDate(y, mo, d, h, mi, s)) return "";
  if (!has_time) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
    return buf;
  }
  return FormatIso(y, mo, d, h, mi, s, has_zone, off);
}

std::string Base(std::string_view name) {
  return IsHttpUrl(name) ? std::string(name) : std::string();
}

std::string Resolve(const std::string& base, const std::string& link) {
  std::string l(TrimView(link));
  if (l.empty() || base.empty()) return l;
  return ResolveUrl(base, l);
}

std::string AtomLink(const pugi::xml_node& entry) {
  std::string fallback;
  for (pugi::xml_node c : entry.children()) {
    if (c.type() != pugi::node_element || LocalName(c) != "link") continue;
    std::string rel = c.attribute("rel").value();
    std::string href = c.attribute("href").value();
    if (href.empty()) href = std::string(TrimView(Inner(c)));
    if (href.empty()) continue;
    if (rel.empty() || rel == "alternate") return href;
    if (fallback.empty() && rel != "self" && rel != "enclosure" && rel != "replies")
      fallback = href;
  }
  return fallback;
}

void FillId(FeedItem* item) {
  if (item->id.empty()) item->id = item->link;
  if (item->id.empty() && !item->title.empty()) item->id = item->title + "|" + item->published;
}

FeedItem RssItem(const pugi::xml_node& n, const std::string& base) {
  FeedItem it;
  it.title = PlainText(Inner(Child(n, "title")));
  std::string link;
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element || LocalName(c) != "link") continue;
    std::string v(TrimView(Inner(c)));
    if (v.empty()) v = c.attribute("href").value();
    if (!v.empty()) {
      link = v;
      break;
    }
  }
  pugi::xml_node guid = Child(n, "guid");
  it.id = std::string(TrimView(Inner(guid)));
  if (link.empty() && guid && Lower(guid.attribute("isPermaLink").value()) != "false" &&
      IsHttpUrl(it.id))
    link = it.id;
  if (link.empty()) {  // RSS 1.0 puts it in rdf:about
    for (pugi::xml_attribute a : n.attributes()) {
      std::string_view an = a.name();
      if (an == "rdf:about" || (an.size() > 6 && an.substr(an.size() - 6) == ":about"))
        link = a.value();
    }
  }
  it.link = Resolve(base, link);
  for (std::string_view d : {"pubDate", "date", "published", "updated", "issued", "modified"}) {
    pugi::xml_node dn = Child(n, d);
    if (dn) {
      it.published = std::string(TrimView(Inner(dn)));
      if (!it.published.empty()) break;
    }
  }
  it.content = Inner(Child(n, "encoded"));
  it.summary = Inner(Child(n, "description"));
  if (it.content.empty()) it.content = Inner(Child(n, "content"));
  FillId(&it);
  return it;
}

FeedItem AtomEntry(const pugi::xml_node& n, const std::string& base) {
  FeedItem it;
  it.id = std::string(TrimView(Inner(Child(n, "id"))));
  it.title = PlainText(Inner(Child(n, "title")));
  it.link = Resolve(base, AtomLink(n));
  for (std::string_view d : {"published", "updated", "issued", "modified", "date"}) {
    pugi::xml_node dn = Child(n, d);
    if (dn) {
      it.published = std::string(TrimView(Inner(dn)));
      if (!it.published.empty()) break;
    }
  }
  pugi::xml_node content = Child(n, "content");
  if (content && content.attribute("src").empty()) it.content = Inner(content);
  it.summary = Inner(Child(n, "summary"));
  FillId(&it);
  return it;
}

}  // namespace

bool IsHttpUrl(std::string_view s) {
  std::string head = Lower(s.substr(0, 8));
  return (head.rfind("http://", 0) == 0 && s.size() > 7) ||
         (head.rfind("https://", 0) == 0 && s.size() > 8);
}

bool LooksLikeFeed(std::string_view bytes) {
  std::string_view s = SkipBomAndSpace(bytes.substr(0, 8192));
  // Skip the declaration, comments, processing instructions and the doctype.
  while (s.size() > 1 && s[0] == '<' && (s[1] == '?' || s[1] == '!')) {
    size_t end;
    if (s.substr(0, 4) == "<!--") {
      end = s.find("-->");
      if (end == std::string_view::npos) return false;
      end += 3;
    } else {
      end = s.find('>');
      if (end == std::string_view::npos) return false;
      end += 1;
    }
    s = SkipBomAndSpace(s.substr(end));
  }
  if (s.empty() || s[0] != '<') return false;
  size_t e = 1;
  while (e < s.size() && !IsWs(s[e]) && s[e] != '>' && s[e] != '/') ++e;
  std::string name(s.substr(1, e - 1));
  size_t colon = name.rfind(':');
  std::string local = colon == std::string::npos ? name : name.substr(colon + 1);
  return local == "rss" || local == "feed" || local == "RDF";
}

std::string NormalizeFeedDate(std::string_view text) {
  std::string_view t = TrimView(text);
  if (t.empty()) return "";
  if (t.size() >= 10 && std::isdigit(static_cast<unsigned char>(t[0])) && t[4] == '-')
    return NormalizeRfc3339(t);
  return NormalizeRfc822(t);
}

size_t HtmlTextLength(std::string_view html) {
  size_t n = 0;
  bool space = true;
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (c == '<') {
      if (html.substr(i, 4) == "<!--") {
        size_t e = html.find("-->", i + 4);
        i = e == std::string_view::npos ? html.size() : e + 2;
        continue;
      }
      std::string head = Lower(html.substr(i, 7));
      if (head == "<script" || head.substr(0, 6) == "<style") {
        std::string close = head == "<script" ? "</script" : "</style";
        size_t e = i;
        while (true) {
          e = html.find("</", e + 1);
          if (e == std::string_view::npos || Lower(html.substr(e, close.size())) == close) break;
        }
        if (e == std::string_view::npos) break;
        i = html.find('>', e);
        if (i == std::string_view::npos) break;
        continue;
      }
      size_t e = html.find('>', i);
      if (e == std::string_view::npos) break;
      i = e;
      if (!space) {
        ++n;
        space = true;
      }
      continue;
    }
    if (c == '&') {
      size_t e = html.find(';', i);
      if (e != std::string_view::npos && e - i <= 10) {
        i = e;
        ++n;
        space = false;
        continue;
      }
    }
    if (IsWs(c)) {
      if (!space) ++n;
      space = true;
      continue;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    ++n;
    space = false;
  }
  return n;
}

Status ParseFeed(std::string_view bytes, std::string_view name, Feed* out) {
  *out = Feed{};
  const std::string input(name);
  std::string_view s = SkipBomAndSpace(bytes);
  if (s.empty()) return Status::InvalidArgument(input + ": empty feed");
  std::string converted;
  pugi::xml_encoding enc = pugi::encoding_auto;
  std::string declared = DeclaredEncoding(s);
  if (declared == "iso-8859-1" || declared == "latin1" || declared == "latin-1" ||
      declared == "windows-1252" || declared == "cp1252" || declared == "iso-8859-15" ||
      (declared.empty() && bytes.substr(0, 2) != "\xFF\xFE" && bytes.substr(0, 2) != "\xFE\xFF" &&
       FindInvalidUtf8(s) != std::string_view::npos)) {
    converted = Latin1ToUtf8(s);
    s = converted;
    enc = pugi::encoding_utf8;
  } else if (declared == "utf-8" || declared == "us-ascii" || declared == "ascii") {
    enc = pugi::encoding_utf8;
    if (size_t bad = FindInvalidUtf8(s); bad != std::string_view::npos) {
      // Declared UTF-8 but not: read as Latin-1 rather than lose the feed.
      converted = Latin1ToUtf8(s);
      s = converted;
    }
  }
  pugi::xml_document doc;
  pugi::xml_parse_result r = doc.load_buffer(s.data(), s.size(), pugi::parse_default, enc);
  if (!r) {
    return Status::InvalidArgument(input + ": not well-formed XML at byte offset " +
                                   std::to_string(r.offset) + ": " + r.description());
  }
  pugi::xml_node root = doc.document_element();
  std::string_view root_name = LocalName(root);
  std::string base = Base(name);
  if (root_name == "rss" || root_name == "RDF") {
    out->kind = root_name == "rss" ? "rss" : "rdf";
    pugi::xml_node channel = Child(root, "channel");
    out->title = PlainText(Inner(Child(channel, "title")));
    out->link = std::string(TrimView(Inner(Child(channel, "link"))));
    // RSS 2.0 has items in <channel>; RSS 1.0 beside it.
    for (pugi::xml_node parent : {channel, root}) {
      if (!parent) continue;
      for (pugi::xml_node c : parent.children())
        if (c.type() == pugi::node_element && LocalName(c) == "item")
          out->items.push_back(RssItem(c, base));
    }
  } else if (root_name == "feed") {
    out->kind = "atom";
    out->title = PlainText(Inner(Child(root, "title")));
    out->link = Resolve(base, AtomLink(root));
    std::string xml_base = root.attribute("xml:base").value();
    if (!xml_base.empty()) base = base.empty() ? xml_base : ResolveUrl(base, xml_base);
    for (pugi::xml_node c : root.children())
      if (c.type() == pugi::node_element && LocalName(c) == "entry")
        out->items.push_back(AtomEntry(c, base));
  } else {
    return Status::InvalidArgument(input + ": not a feed (the XML root element is <" +
                                   std::string(root.name()) + ">, not <rss>, <feed> or <rdf:RDF>)");
  }
  return Status::OK();
}

}  // namespace tkg
