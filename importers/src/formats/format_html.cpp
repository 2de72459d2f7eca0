// HTML article pages. Main text: the paragraphs of the article container (an element with
// itemprop="articleBody", else the <article> with the most text, else <main>, else the whole
// <body>), leaving out navigation, headers and footers, asides, forms, figures, scripts, and
// elements whose class, id or role says they are comments, related links, ads, share bars,
// newsletters or the like; blocks that are mostly link text, and short blocks that are not
// sentences ("Related News", "Most Popular", bylines), are dropped too.
// Metadata, in this order of trust: JSON-LD NewsArticle (headline, datePublished, url,
// publisher.name), og:site_name / og:url / og:title, article:published_time,
// <link rel="canonical">, <h1>, <title>.
// A small tolerant tokenizer, not a full HTML5 parser: unclosed <p> and <li> are closed by the
// next block, and end tags without a matching start tag are ignored.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "format_parsers.h"

namespace tkg::formats {

namespace {

struct Tag {
  std::string name;  // lower-case
  bool end = false;
  bool self_closing = false;
  std::vector<std::pair<std::string, std::string>> attrs;  // names lower-case, values decoded

  std::string Attr(std::string_view n) const {
    for (const auto& [k, v] : attrs)
      if (k == n) return v;
    return "";
  }
  bool Has(std::string_view n) const {
    for (const auto& kv : attrs)
      if (kv.first == n) return true;
    return false;
  }
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Parses the tag starting at bytes[pos] == '<'. Returns the position after '>' or npos when this
// '<' does not start a tag.
size_t ParseTag(std::string_view s, size_t pos, Tag* tag) {
  size_t i = pos + 1;
  tag->end = false;
  if (i < s.size() && s[i] == '/') {
    tag->end = true;
    ++i;
  }
  if (i >= s.size() || !std::isalpha(static_cast<unsigned char>(s[i])))
    return std::string_view::npos;
  size_t b = i;
  while (i < s.size() && !IsSpace(s[i]) && s[i] != '>' && s[i] != '/') ++i;
  tag->name = Lower(s.substr(b, i - b));
  tag->attrs.clear();
  tag->self_closing = false;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size()) break;
    if (s[i] == '>') return i + 1;
    if (s[i] == '/') {
      tag->self_closing = true;
      ++i;
      continue;
    }
    size_t nb = i;
    while (i < s.size() && !IsSpace(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
    std::string name = Lower(s.substr(nb, i - nb));
    if (i == nb) {  // stray character
      ++i;
      continue;
    }
    while (i < s.size() && IsSpace(s[i])) ++i;
    std::string value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && IsSpace(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        size_t vb = i;
        while (i < s.size() && s[i] != q) ++i;
        value = DecodeEntities(s.substr(vb, i - vb));
        if (i < s.size()) ++i;
      } else {
        size_t vb = i;
        while (i < s.size() && !IsSpace(s[i]) && s[i] != '>') ++i;
        value = DecodeEntities(s.substr(vb, i - vb));
      }
    }
    tag->attrs.emplace_back(std::move(name), std::move(value));
  }
  return s.size();
}

size_t FindCaseless(std::string_view hay, std::string_view needle, size_t from) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k])
      ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

bool InList(std::string_view name, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool IsVoid(std::string_view n) {
  return InList(n, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                    "param", "source", "track", "wbr"});
}

bool IsBlock(std::string_view n) {
  return InList(
      n, {"address",  "article",    "aside",  "blockquote", "dd",    "div",   "dl",    "dt",
          "fieldset", "figcaption", "figure", "footer",     "form",  "h1",    "h2",    "h3",
          "h4",       "h5",         "h6",     "header",     "hr",    "li",    "main",  "nav",
          "ol",       "p",          "pre",    "section",    "table", "tbody", "thead", "tfoot",
          "td",       "th",         "tr",     "ul",         "body"});
}

bool IsSkippedElement(std::string_view n) {
  return InList(
      n, {"head",   "script", "style",  "noscript", "template", "nav",     "aside",  "footer",
          "header", "form",   "iframe", "svg",      "button",   "select",  "figure", "menu",
          "dialog", "object", "canvas", "video",    "audio",    "textarea"});
}

// class / id / role values that mark page furniture.
bool IsFurnitureAttr(const Tag& t) {
  std::string role = Lower(t.Attr("role"));
  if (InList(role, {"navigation", "complementary", "banner", "contentinfo", "menu", "dialog"}))
    return true;
  if (t.Has("hidden") || Lower(t.Attr("aria-hidden")) == "true") return true;
  std::string style = Lower(t.Attr("style"));
  if (style.find("display:none") != std::string::npos ||
      style.find("display: none") != std::string::npos)
    return true;
  static const std::string_view kMarks[] = {
      "comment",  "related",    "share",     "social", "advert",    "promo",    "newsletter",
      "sidebar",  "breadcrumb", "subscribe", "cookie", "popular",   "trending", "recommend",
      "outbrain", "taboola",    "footer",    "navbar", "nav-",      "menu",     "masthead",
      "sponsor",  "byline",     "most-read", "widget", "read-more", "readmore", "more-stories",
      "paywall",  "signup",     "modal"};
  for (const char* attr : {"class", "id"}) {
    std::string v = Lower(t.Attr(attr));
    size_t b = 0;
    while (b < v.size()) {
      size_t e = v.find(' ', b);
      if (e == std::string::npos) e = v.size();
      std::string_view tok(v.data() + b, e - b);
      b = e + 1;
      if (tok.empty() || tok.find("commentary") != std::string_view::npos) continue;
      if (tok == "ad" || tok == "ads" || tok == "nav" || tok.rfind("ad-", 0) == 0 ||
          tok.rfind("ad_", 0) == 0 || tok.rfind("ads-", 0) == 0)
        return true;
      for (auto m : kMarks)
        if (tok.find(m) != std::string_view::npos) return true;
    }
  }
  return false;
}

struct Node {
  std::string name;
  bool skip = false;
  bool link = false;
  int container = -1;  // innermost content container this node is in
};

struct Container {
  int kind = 0;  // 3 articleBody, 2 <article>, 1 <main>
  int parent = -1;
  size_t chars = 0;
};

struct Block {
  std::string text;
  std::vector<Origin> origins;  // one per byte of text
  size_t chars = 0, link_chars = 0;
  int container = -1;
};

struct Meta {
  std::map<std::string, std::string> props;  // first value of each meta property/name
  std::string canonical, title, h1;
  std::vector<std::string> jsonld;
};

size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if (!IsSpace(c) && (static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

class Extractor {
 public:
  explicit Extractor(std::string_view s) : s_(s) {}

  void Run() {
    stack_.push_back(Node{"#root", false, false, -1});
    size_t i = 0;
    while (i < s_.size()) {
      size_t lt = s_.find('<', i);
      if (lt == std::string_view::npos) lt = s_.size();
      if (lt > i) Text(s_.substr(i, lt - i));
      if (lt >= s_.size()) break;
      if (s_.compare(lt, 4, "<!--") == 0) {
        size_t e = s_.find("-->", lt + 4);
        i = e == std::string_view::npos ? s_.size() : e + 3;
        continue;
      }
      if (lt + 1 < s_.size() && (s_[lt + 1] == '!' || s_[lt + 1] == '?')) {
        size_t e = s_.find('>', lt);
        i = e == std::string_view::npos ? s_.size() : e + 1;
        continue;
      }
      Tag tag;
      size_t after = ParseTag(s_, lt, &tag);
      if (after == std::string_view::npos) {
        Text(s_.substr(lt, 1));
        i = lt + 1;
        continue;
      }
      i = after;
      if (tag.end) {
        End(tag.name);
        continue;
      }
      if (InList(tag.name, {"script", "style", "title", "textarea", "noscript"})) {
        std::string close = "</" + tag.name;
        size_t e = FindCaseless(s_, close, i);
        std::string_view raw = s_.substr(i, (e == std::string_view::npos ? s_.size() : e) - i);
        if (tag.name == "script" && Lower(tag.Attr("type")) == "application/ld+json")
          meta_.jsonld.emplace_back(raw);
        if (tag.name == "title" && meta_.title.empty())
          meta_.title = CollapseSpace(DecodeEntities(raw));
        if (e == std::string_view::npos) {
          i = s_.size();
        } else {
          size_t gt = s_.find('>', e);
          i = gt == std::string_view::npos ? s_.size() : gt + 1;
        }
        if (IsBlock(tag.name)) Flush();
        continue;
      }
      Start(tag);
    }
    Flush();
  }

  const std::vector<Block>& blocks() const { return blocks_; }
  const std::vector<Container>& containers() const { return containers_; }
  const Meta& meta() const { return meta_; }

 private:
  void Start(const Tag& tag) {
    const std::string& n = tag.name;
    if (n == "meta") {
      std::string key = Lower(tag.Has("property") ? tag.Attr("property") : tag.Attr("name"));
      if (key.empty()) key = Lower(tag.Attr("itemprop"));
      if (!key.empty() && tag.Has("content")) meta_.props.emplace(key, tag.Attr("content"));
      return;
    }
    if (n == "link") {
      if (Lower(tag.Attr("rel")) == "canonical" && meta_.canonical.empty())
        meta_.canonical = tag.Attr("href");
      return;
    }
    if (n == "br") {  // a line break inside a paragraph, not a new block
      if (!stack_.back().skip) {
        buf_ += ' ';
        buf_origins_.push_back(Origin{});
      }
      return;
    }
    if (IsBlock(n)) Flush();
    // Implied ends: a block closes an open <p>; <li> closes an open <li>.
    if (IsBlock(n) && stack_.size() > 1 && stack_.back().name == "p") stack_.pop_back();
    if (n == "li" && stack_.size() > 1 && stack_.back().name == "li") stack_.pop_back();
    if (IsVoid(n) || tag.self_closing) return;
    const Node& parent = stack_.back();
    Node node;
    node.name = n;
    // Class names on the page's outer elements describe the page ("has-sidebar", "menu-open"),
    // not furniture: only inner elements are judged by them.
    bool outer = n == "html" || n == "body" || n == "main" || n == "article" ||
                 Lower(tag.Attr("itemprop")).find("articlebody") != std::string::npos;
    node.skip = parent.skip || IsSkippedElement(n) || (!outer && IsFurnitureAttr(tag));
    node.link = parent.link || n == "a";
    node.container = parent.container;
    int kind = 0;
    if (Lower(tag.Attr("itemprop")).find("articlebody") != std::string::npos)
      kind = 3;
    else if (n == "article")
      kind = 2;
    else if (n == "main" || Lower(tag.Attr("role")) == "main")
      kind = 1;
    if (kind > 0 && !node.skip) {
      containers_.push_back(Container{kind, parent.container, 0});
      node.container = static_cast<int>(containers_.size()) - 1;
    }
    if (n == "h1") in_h1_ = true;
    if (stack_.size() < 4096) stack_.push_back(std::move(node));
  }

  void End(const std::string& name) {
    if (IsBlock(name)) Flush();
    if (name == "h1") {
      in_h1_ = false;
      if (meta_.h1.empty()) meta_.h1 = CollapseSpace(h1_buf_);
    }
    for (size_t k = stack_.size(); k-- > 1;) {
      if (stack_[k].name == name) {
        stack_.resize(k);
        return;
      }
    }
  }

  void Text(std::string_view raw) {
    std::string text;
    std::vector<Origin> origins;
    DecodeTracked(raw, static_cast<uint32_t>(raw.data() - s_.data()), &text, &origins);
    if (in_h1_) h1_buf_ += text;
    const Node& top = stack_.back();
    if (top.skip) return;
    size_t chars = CountChars(text);
    if (chars == 0 && buf_chars_ == 0) return;  // white space between blocks
    if (buf_chars_ == 0) buf_container_ = top.container;
    buf_ += text;
    buf_origins_.insert(buf_origins_.end(), origins.begin(), origins.end());
    buf_chars_ += chars;
    if (top.link) link_chars_ += chars;
  }

  void Flush() {
    std::vector<Origin> origins;
    std::string text = CollapseTracked(buf_, buf_origins_, &origins);
    if (!text.empty()) {
      Block b;
      b.origins = std::move(origins);
      b.chars = CountChars(text);
      b.link_chars = link_chars_;
      b.container = buf_container_;
      b.text = std::move(text);
      for (int c = b.container; c >= 0; c = containers_[c].parent) containers_[c].chars += b.chars;
      blocks_.push_back(std::move(b));
    }
    buf_.clear();
    buf_origins_.clear();
    buf_chars_ = 0;
    link_chars_ = 0;
  }

  std::string_view s_;
  std::vector<Node> stack_;
  std::vector<Block> blocks_;
  std::vector<Container> containers_;
  Meta meta_;
  std::string buf_, h1_buf_;
  std::vector<Origin> buf_origins_;  // one per byte of buf_
  size_t link_chars_ = 0;
  size_t buf_chars_ = 0;  // visible characters in buf_
  int buf_container_ = -1;
  bool in_h1_ = false;
};

bool IsArticleType(const nlohmann::json& type) {
  static const std::string_view kTypes[] = {"NewsArticle",          "Article",
                                            "ReportageNewsArticle", "AnalysisNewsArticle",
                                            "OpinionNewsArticle",   "BackgroundNewsArticle",
                                            "BlogPosting",          "Report"};
  auto match = [](const std::string& t) {
    for (auto k : kTypes)
      if (t == k) return true;
    return false;
  };
  if (type.is_string()) return match(type.get<std::string>());
  if (type.is_array())
    for (const auto& t : type)
      if (t.is_string() && match(t.get<std::string>())) return true;
  return false;
}

const nlohmann::json* FindArticleObject(const nlohmann::json& j, int depth = 0) {
  if (depth > 8) return nullptr;
  if (j.is_object()) {
    auto t = j.find("@type");
    if (t != j.end() && IsArticleType(*t)) return &j;
    auto g = j.find("@graph");
    if (g != j.end()) return FindArticleObject(*g, depth + 1);
    return nullptr;
  }
  if (j.is_array()) {
    for (const auto& e : j)
      if (const auto* found = FindArticleObject(e, depth + 1)) return found;
  }
  return nullptr;
}

std::string JsonString(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object()) {
    for (const char* k : {"@id", "url", "name"}) {
      auto in = it->find(k);
      if (in != it->end() && in->is_string()) return in->get<std::string>();
    }
  }
  if (it->is_array() && !it->empty()) {
    const auto& first = (*it)[0];
    if (first.is_string()) return first.get<std::string>();
    if (first.is_object()) {
      auto in = first.find("name");
      if (in != first.end() && in->is_string()) return in->get<std::string>();
    }
  }
  return "";
}

std::string Prop(const Meta& m, const char* key) {
  auto it = m.props.find(key);
  return it == m.props.end() ? "" : std::string(Trim(it->second));
}

// The charset a page declares in its first bytes, lower-case; "" when none.
std::string DeclaredCharset(std::string_view s) {
  std::string head = Lower(s.substr(0, 4096));
  size_t p = head.find("charset=");
  if (p == std::string::npos) return "";
  p += 8;
  while (p < head.size() && (head[p] == '"' || head[p] == '\'' || head[p] == ' ')) ++p;
  size_t e = p;
  while (e < head.size() &&
         (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' || head[e] == '_'))
    ++e;
  return head.substr(p, e - p);
}

// raw_of, when given, receives for each output byte (and one past the end) the input byte it
// came from.
std::string Windows1252ToUtf8(std::string_view bytes, std::vector<uint32_t>* raw_of = nullptr) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (size_t i = 0; i < bytes.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      std::string ref = "&#" + std::to_string(c) + ";";  // FixC1 maps 0x80..0x9F
      out += DecodeEntities(ref);
    }
    if (raw_of != nullptr) raw_of->resize(out.size(), static_cast<uint32_t>(i));
  }
  if (raw_of != nullptr) raw_of->push_back(static_cast<uint32_t>(bytes.size()));
  return out;
}

}  // namespace

Status ParseHtml(std::string_view raw, std::string_view path, ParsedInput* out) {
  std::string converted;
  std::vector<uint32_t> raw_of;  // converted byte -> file byte, when converted
  std::string_view bytes = raw;
  if (FindInvalidUtf8(raw) != std::string_view::npos) {
    std::string cs = DeclaredCharset(raw);
    if (cs == "utf-8" || cs == "utf8") {
      return Status::InvalidArgument(std::string(path) + ": invalid UTF-8 at byte " +
                                     std::to_string(FindInvalidUtf8(raw)) +
                                     " although the page declares UTF-8");
    }
    converted = Windows1252ToUtf8(raw, &raw_of);  // ISO 8859-1 pages are Windows-1252 in practice
    bytes = converted;
  }
  Extractor ex(bytes);
  ex.Run();
  const Meta& meta = ex.meta();

  // JSON-LD first.
  std::string ld_headline, ld_date, ld_url, ld_publisher, ld_body;
  for (const auto& script : meta.jsonld) {
    nlohmann::json j = nlohmann::json::parse(script, nullptr, false);
    if (j.is_discarded()) continue;
    const nlohmann::json* obj = FindArticleObject(j);
    if (obj == nullptr) continue;
    ld_headline = JsonString(*obj, "headline");
    ld_date = JsonString(*obj, "datePublished");
    ld_url = JsonString(*obj, "url");
    if (ld_url.empty()) ld_url = JsonString(*obj, "mainEntityOfPage");
    ld_publisher = JsonString(*obj, "publisher");
    ld_body = JsonString(*obj, "articleBody");
    break;
  }

  std::string headline = ld_headline;
  if (headline.empty()) headline = Prop(meta, "og:title");
  if (headline.empty()) headline = meta.h1;
  std::string site = ld_publisher;
  if (site.empty()) site = Prop(meta, "og:site_name");
  if (headline.empty()) {
    headline = meta.title;
    // "Headline | Outlet", "Headline - Outlet"
    for (const char* sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
      size_t p = headline.rfind(sep);
      if (p != std::string::npos && p > 0 &&
          (site.empty() || headline.compare(p + std::strlen(sep), std::string::npos, site) == 0)) {
        headline.erase(p);
        break;
      }
    }
  }
  headline = CollapseSpace(DecodeEntities(headline));

  // The best content container: highest kind, then most text.
  const auto& containers = ex.containers();
  int best = -1;
  for (int c = 0; c < static_cast<int>(containers.size()); ++c) {
    if (containers[c].chars == 0) continue;
    if (best < 0 || containers[c].kind > containers[best].kind ||
        (containers[c].kind == containers[best].kind &&
         containers[c].chars > containers[best].chars))
      best = c;
  }
  std::vector<std::string> paragraphs;
  std::vector<const std::vector<Origin>*> paragraph_origins;  // nullptr: not from the page
  for (const Block& b : ex.blocks()) {
    if (best >= 0) {
      bool inside = false;
      for (int c = b.container; c >= 0; c = containers[c].parent)
        if (c == best) inside = true;
      if (!inside) continue;
    }
    if (b.link_chars * 2 > b.chars) continue;  // link lists
    char last = b.text.back();
    bool sentence = last == '.' || last == '!' || last == '?' || last == '"' || last == ':' ||
                    (b.text.size() >= 3 &&
                     (b.text.compare(b.text.size() - 3, 3, "\xE2\x80\x9D") == 0 ||  // closing quote
                      b.text.compare(b.text.size() - 3, 3, "\xE2\x80\xA6") == 0));  // ellipsis
    if (!sentence && b.chars < 60) continue;  // "Related News", bylines, datelines, labels
    if (b.text == headline) continue;
    paragraphs.push_back(b.text);
    paragraph_origins.push_back(&b.origins);
  }
  if (paragraphs.empty() && !ld_body.empty()) {
    size_t start = 0;
    while (start <= ld_body.size()) {
      size_t nl = ld_body.find('\n', start);
      if (nl == std::string::npos) nl = ld_body.size();
      std::string p = CollapseSpace(ld_body.substr(start, nl - start));
      if (!p.empty()) {
        paragraphs.push_back(std::move(p));
        paragraph_origins.push_back(nullptr);
      }
      start = nl + 1;
    }
  }
  if (paragraphs.empty()) {
    return Status::InvalidArgument(std::string(path) + ": no article text found in the HTML page");
  }

  Article a;
  ComposeArticle(headline, paragraphs, &a);
  // The source map. The headline maps to its first verbatim occurrence in the page, if any.
  {
    std::vector<Origin> headline_origins;
    size_t at = headline.empty() ? std::string_view::npos : bytes.find(headline);
    if (at != std::string_view::npos) {
      for (size_t k = 0; k < headline.size(); ++k)
        headline_origins.push_back(
            Origin{static_cast<uint32_t>(at + k), static_cast<uint32_t>(at + k + 1)});
    }
    ComposeSourceMap(headline_origins, paragraphs, paragraph_origins, raw_of, &a);
  }
  a.url = ld_url;
  if (a.url.empty()) a.url = Prop(meta, "og:url");
  if (a.url.empty()) a.url = std::string(Trim(meta.canonical));
  a.outlet = site.empty() ? HostOfUrl(a.url) : CollapseSpace(site);
  std::string date = ld_date;
  if (date.empty()) date = Prop(meta, "article:published_time");
  if (date.empty()) date = Prop(meta, "datepublished");
  SetPublishedLenient(date, &a);
  out->articles.push_back(std::move(a));
  out->where.push_back("");
  return Status::OK();
}

}  // namespace tkg::formats
