// ImportFeed, ImportSources and the argument split of `tkg import` (feeds.h).
// One poll of a feed: conditional GET with the stored ETag / Last-Modified; a 304 ends the poll.
// Otherwise each item not seen before becomes an article (from its content when that holds the
// article, else from its fetched page); all articles are written before the feed state (with the
// new item ids) is, so that a crash in between re-imports rather than loses items.
// Items whose page failed for a reason worth retrying (network, timeout, 5xx, 429) are not
// marked seen and are tried again at the next poll; other failures are marked seen, so that a
// broken item is reported once, not every hour.
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>

#include "feed_internal.h"
#include "tkg/importers/feeds.h"
#include "tkg/importers/format_registry.h"

namespace tkg {

namespace {

namespace fs = std::filesystem;

constexpr uint64_t kMaxFileBytes = 50ull * 1024 * 1024;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Status ReadSmallFile(const std::string& path, uint64_t limit, std::string* out) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return Status::IOError(path + ": cannot read: " + ec.message());
  if (size > limit) {
    return Status::InvalidArgument(path + ": too large (" + std::to_string(size) +
                                   " bytes; the limit is " + std::to_string(limit) + ")");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return Status::OK();
}

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
  return buf;
}

bool LooksLikeHtml(const FetchResponse& r) {
  std::string ct = Lower(r.content_type);
  if (ct.find("html") != std::string::npos) return true;
  std::string head = Lower(r.body.substr(0, 2048));
  return head.find("<html") != std::string::npos ||
         head.find("<!doctype html") != std::string::npos;
}

// Worth trying again at the next poll.
bool Transient(const Status& s) { return s.IsIOError(); }
bool TransientHttp(int status) { return status >= 500 || status == 429 || status == 408; }

std::string EscapeHtml(const std::string& s) {
  std::string r;
  for (char c : s) {
    if (c == '<')
      r += "&lt;";
    else if (c == '>')
      r += "&gt;";
    else if (c == '&')
      r += "&amp;";
    else
      r += c;
  }
  return r;
}

std::string UrlWithoutFragment(const std::string& u) {
  std::string r = u.substr(0, u.find('#'));
  while (r.size() > 8 && r.back() == '/') r.pop_back();
  return Lower(r);
}

}  // namespace

namespace feeds {

// Dates of an article read from a feed, page or WARC record (feeds.h: page, item, fetch time).
void ApplyDateFallback(Article* a, const std::string& item_date, const std::string& fetched_iso,
                       const ArticleHints& hints) {
  if (!hints.published.empty()) {
    a->published_basis = "given";
    return;
  }
  if (!a->published.empty()) {
    a->published_basis = "article";
    return;
  }
  if (!item_date.empty()) {
    std::string norm = NormalizeFeedDate(item_date);
    Article tmp;
    if (ParsePublished(norm.empty() ? item_date : norm, &tmp).ok()) {
      a->published = tmp.published;
      a->published_date = tmp.published_date;
      a->published_basis = "feed";
      return;
    }
  }
  Article tmp;
  std::string norm = NormalizeFeedDate(fetched_iso);
  if (ParsePublished(norm.empty() ? fetched_iso : norm, &tmp).ok()) {
    a->published = tmp.published;
    a->published_date = tmp.published_date;
    a->published_basis = "fetched";
  }
}

}  // namespace feeds

namespace {

struct PageResult {
  Status status;
  bool transient = false;
};

// Reads one HTML page into the sink (its first article).
PageResult AddPage(const std::string& html, const std::string& page_url, const std::string& input,
                   const std::string& item_date, const std::string& fetched_iso,
                   const std::string& fallback_outlet, const ImportOptions& options,
                   ArticleRunner* sink) {
  ParsedInput parsed;
  ArticleHints hints = options.hints;
  hints.source = page_url;
  Status s = ParseInput(html, page_url, hints, "html", &parsed);
  if (!s.ok()) return {s};
  if (parsed.articles.empty()) return {Status::InvalidArgument(page_url + ": no article")};
  Article a = std::move(parsed.articles.front());
  if (a.url.empty()) a.url = page_url;
  if (a.outlet.empty()) a.outlet = fallback_outlet;
  feeds::ApplyDateFallback(&a, item_date, fetched_iso, options.hints);
  sink->AddArticle(std::move(a), input);
  return {Status::OK()};
}

}  // namespace

Status ImportFeed(Store& store, const Extractor& extractor, Fetcher& fetcher,
                  const std::string& feed_url_or_path, const ImportOptions& options,
                  ImportSummary* summary) {
  const std::string& arg = feed_url_or_path;
  const bool remote = IsHttpUrl(arg);
  std::string key = arg;
  if (!remote) {
    std::error_code ec;
    fs::path abs = fs::absolute(arg, ec);
    key = "file:" + (ec ? arg : abs.lexically_normal().string());
  }
  if (Status s = store.PutTopics(extractor.taxonomy().topics()); !s.ok()) return s;
  FeedState state;
  Status gs = store.GetFeedState(key, &state);
  if (gs.IsNotFound()) {
    state = FeedState{};
    state.url = key;
  } else if (!gs.ok()) {
    return WithInput(gs, arg);
  }

  // The feed's bytes.
  std::string fetched_iso = NowIso();
  FetchResponse resp;
  std::string final_url = arg;
  if (remote) {
    FetchRequest req;
    req.url = arg;
    req.etag = state.etag;
    req.last_modified = state.last_modified;
    Status fs = fetcher.Fetch(req, &resp);
    if (!fs.ok()) {
      summary->failures.push_back({arg, FailureReason(fs, arg)});
      return Status::OK();
    }
    final_url = resp.final_url.empty() ? arg : resp.final_url;
    if (resp.not_modified) {
      state.last_polled = static_cast<int64_t>(std::time(nullptr));
      return store.PutFeedState(state);
    }
    if (resp.status != 200) {
      summary->failures.push_back({arg, "HTTP status " + std::to_string(resp.status)});
      return Status::OK();
    }
    summary->bytes += resp.body.size();
  } else {
    Status rs = ReadSmallFile(arg, kMaxFileBytes, &resp.body);
    if (!rs.ok()) {
      summary->failures.push_back({arg, FailureReason(rs, arg)});
      return Status::OK();
    }
    summary->bytes += resp.body.size();
  }

  ArticleRunner sink(store, extractor, options, summary);
  auto save_state = [&](const std::vector<std::string>& new_ids) -> Status {
    if (Status s = sink.Finish(); !s.ok()) return s;
    if (remote) {
      state.etag = resp.etag;
      state.last_modified = resp.last_modified;
    }
    for (const auto& id : new_ids) state.seen_ids.push_back(id);
    state.last_polled = static_cast<int64_t>(std::time(nullptr));
    return store.PutFeedState(state);
  };

  if (!LooksLikeFeed(resp.body)) {
    if (remote && LooksLikeHtml(resp)) {  // a single page
      PageResult pr = AddPage(resp.body, final_url, arg, "", fetched_iso, "", options, &sink);
      if (!pr.status.ok()) summary->failures.push_back({arg, FailureReason(pr.status, final_url)});
      return save_state({});
    }
  }
  Feed feed;
  if (Status ps = ParseFeed(resp.body, final_url, &feed); !ps.ok()) {
    summary->failures.push_back({arg, FailureReason(ps, final_url)});
    return Status::OK();
  }

  std::unordered_set<std::string> seen(state.seen_ids.begin(), state.seen_ids.end());
  std::set<std::string> self{UrlWithoutFragment(arg), UrlWithoutFragment(final_url)};
  std::vector<std::string> new_ids;
  std::set<std::string> pages_done;  // links fetched in this poll (duplicates in one feed)
  size_t index = 0;
  for (const FeedItem& item : feed.items) {
    ++index;
    std::string input = !item.link.empty() ? item.link : arg + ": item " + std::to_string(index);
    auto fail = [&](const std::string& reason, bool mark_seen) {
      summary->failures.push_back({input, reason + " (item of feed " + arg + ")"});
      if (mark_seen) {
        new_ids.push_back(item.id);
        seen.insert(item.id);
      }
    };
    if (item.id.empty()) {
      summary->failures.push_back({input, "feed item without guid, id, link or title; skipped"});
      continue;
    }
    if (seen.count(item.id)) continue;
    if (HtmlTextLength(item.content) > kFeedContentMinChars) {
      std::string html = "<!DOCTYPE html><html><head><title>" + EscapeHtml(item.title) +
                         "</title></head><body><article><h1>" + EscapeHtml(item.title) + "</h1>" +
                         item.content + "</article></body></html>";
      std::string name = item.link.empty() ? input : item.link;
      PageResult pr =
          AddPage(html, name, input, item.published, fetched_iso, feed.title, options, &sink);
      if (!pr.status.ok()) {
        fail("feed content unreadable: " + FailureReason(pr.status, name), true);
        continue;
      }
      new_ids.push_back(item.id);
      seen.insert(item.id);
      continue;
    }
    if (item.link.empty()) {
      fail("feed item with too little content and no link", true);
      continue;
    }
    if (!IsHttpUrl(item.link)) {
      fail("item link is not an http(s) URL: " + item.link, true);
      continue;
    }
    std::string norm = UrlWithoutFragment(item.link);
    if (self.count(norm)) {
      fail("item links to the feed itself; not followed", true);
      continue;
    }
    if (!pages_done.insert(norm).second) {  // the same page twice in one feed
      new_ids.push_back(item.id);
      seen.insert(item.id);
      continue;
    }
    FetchRequest preq;
    preq.url = item.link;
    FetchResponse page;
    Status fs = fetcher.Fetch(preq, &page);
    if (!fs.ok()) {
      fail(FailureReason(fs, item.link), !Transient(fs));
      continue;
    }
    if (page.status != 200) {
      fail("HTTP status " + std::to_string(page.status), !TransientHttp(page.status));
      continue;
    }
    summary->bytes += page.body.size();
    std::string page_url = page.final_url.empty() ? item.link : page.final_url;
    if (self.count(UrlWithoutFragment(page_url)) || LooksLikeFeed(page.body)) {
      fail("item link leads to a feed (" + page_url + "), not an article page; not followed", true);
      continue;
    }
    PageResult pr =
        AddPage(page.body, page_url, input, item.published, NowIso(), feed.title, options, &sink);
    if (!pr.status.ok()) {
      fail(FailureReason(pr.status, page_url), true);
      continue;
    }
    new_ids.push_back(item.id);
    seen.insert(item.id);
  }
  return save_state(new_ids);
}

// --- dispatch ---

namespace {

bool IsWarcName(const std::string& path) {
  std::string l = Lower(path);
  return EndsWith(l, ".warc") || EndsWith(l, ".warc.gz");
}

std::string Head(const std::string& path, size_t n) {
  std::ifstream in(path, std::ios::binary);
  std::string buf(n, '\0');
  in.read(buf.data(), static_cast<std::streamsize>(n));
  buf.resize(static_cast<size_t>(in.gcount()));
  return buf;
}

// URLs of a feed list, or false when the file is not one (every non-blank line that is not a
// # comment must be one URL).
bool ReadFeedList(const std::string& bytes, std::vector<std::string>* urls) {
  std::istringstream in(bytes);
  std::string line;
  std::vector<std::string> found;
  while (std::getline(in, line)) {
    size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    size_t e = line.find_last_not_of(" \t\r");
    std::string t = line.substr(b, e - b + 1);
    if (t[0] == '#') continue;
    if (!IsHttpUrl(t) || t.find_first_of(" \t") != std::string::npos) return false;
    found.push_back(t);
  }
  if (found.empty()) return false;
  *urls = std::move(found);
  return true;
}

constexpr size_t kMaxFeedListBytes = 1u << 20;

bool IsFeedListFile(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  auto size = fs::file_size(path, ec);
  if (ec || size > kMaxFeedListBytes || size == 0) return false;
  std::vector<std::string> urls;
  return ReadFeedList(Head(path, kMaxFeedListBytes), &urls);
}

}  // namespace

void SplitImportArguments(const std::vector<std::string>& args, std::vector<std::string>* paths,
                          std::vector<std::string>* sources) {
  for (const std::string& a : args) {
    std::string l = Lower(a);
    std::error_code ec;
    bool file = !IsHttpUrl(a) && fs::is_regular_file(a, ec);
    if (IsHttpUrl(a) || (file && (IsWarcName(a) || EndsWith(l, ".rss") || EndsWith(l, ".atom"))) ||
        (file && EndsWith(l, ".xml") && LooksLikeFeed(Head(a, 8192))) ||
        (file && IsFeedListFile(a))) {
      sources->push_back(a);
    } else {
      paths->push_back(a);
    }
  }
}

Status ImportSources(Store& store, const Extractor& extractor, Fetcher& fetcher,
                     const std::vector<std::string>& sources, const ImportOptions& options,
                     ImportSummary* summary) {
  auto started = std::chrono::steady_clock::now();
  auto finish = [&](Status s) {
    summary->seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return s;
  };
  std::set<std::string> done;
  size_t count = 0;
  auto feed = [&](const std::string& f) -> Status {
    if (!done.insert(f).second) return Status::OK();
    Status s = ImportFeed(store, extractor, fetcher, f, options, summary);
    if (options.progress) options.progress(f, ++count);
    return s;
  };
  for (const std::string& src : sources) {
    Status s;
    std::error_code ec;
    if (IsHttpUrl(src)) {
      s = feed(src);
    } else if (IsWarcName(src)) {
      s = ImportWarc(store, extractor, src, options, summary);
      if (options.progress) options.progress(src, ++count);
    } else if (IsFeedListFile(src)) {
      std::vector<std::string> urls;
      ReadFeedList(Head(src, kMaxFeedListBytes), &urls);
      for (const auto& u : urls) {
        s = feed(u);
        if (!s.ok()) break;
      }
    } else {
      s = feed(src);
    }
    if (!s.ok()) return finish(s);
  }
  return finish(Status::OK());
}

}  // namespace tkg
