// Feeds, web archives and fetched pages as import sources, for `tkg import` run from cron:
//   - RSS 2.0, RSS 1.0 (RDF) and Atom feeds, by URL or as local files (.rss .atom .xml): each
//     new item becomes an article, from its content:encoded / Atom content when that holds the
//     article (more than kFeedContentMinChars of text), else from its page, fetched and read
//     through the "html" format (format_registry.h);
//   - single pages by URL (a URL whose response is HTML rather than a feed);
//   - feed lists: a text file whose lines are feed URLs (blank lines and # comments allowed);
//   - WARC files (.warc, .warc.gz as CC-NEWS ships them): HTML response records.
// Polling is incremental: per feed, the store keeps the ETag, Last-Modified and the item ids
// already imported (Store::GetFeedState / PutFeedState), so a 304 or an unchanged feed fetches
// no page, and an item already seen is never fetched again.
// Article dates: the page's own date, else the feed item's date, else the fetch time (the WARC
// record's date for WARC), recorded in Article::published_basis ("article", "feed", "fetched";
// "given" for --published).
// Results land in the same ImportSummary as ImportPaths (import.h): per-item problems are
// failures naming the feed, the item and the reason; the run goes on.
// Thread safety: the functions are reentrant; the Store serialises writes, the Fetcher must be
// usable from the calling thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tkg/engine/store.h"
#include "tkg/importers/extractor.h"
#include "tkg/importers/fetcher.h"
#include "tkg/importers/import.h"
#include "tkg/schema/status.h"

namespace tkg {

// content:encoded (or Atom content) with more characters of text than this, after markup is
// stripped, is taken as the article; shorter content (teasers) makes the importer fetch the page.
inline constexpr size_t kFeedContentMinChars = 500;

struct FeedItem {
  std::string id;         // guid / Atom id; else the link; else title + date
  std::string link;       // the article page, absolute when the feed gives a base
  std::string title;      // text, entities decoded
  std::string published;  // pubDate / published / updated / dc:date as written
  std::string content;    // content:encoded or Atom content (HTML), "" if none
  std::string summary;    // description or Atom summary (HTML), "" if none
};

struct Feed {
  std::string kind;             // "rss", "rdf", "atom"
  std::string title;            // channel / feed title
  std::string link;             // the site the feed belongs to
  std::vector<FeedItem> items;  // in feed order
};

// Whether `bytes` look like a feed: an XML document whose root is <rss>, <feed> or <rdf:RDF>.
// Cheap: looks at the first few kilobytes only.
bool LooksLikeFeed(std::string_view bytes);

// Parses a feed. `name` (URL or path) names the input in messages and resolves relative links.
// Tolerates a BOM or white space before the XML declaration, undeclared HTML entities, CDATA,
// namespaced elements under any prefix, and ISO-8859-1 declared encodings. Fails with
// InvalidArgument naming the input and the byte offset for XML that is not well-formed, and for
// XML that is not a feed.
Status ParseFeed(std::string_view bytes, std::string_view name, Feed* out);

// RFC 822 ("Thu, 21 Apr 2016 22:02:00 -0400", "... GMT", "... EDT") and RFC 3339
// ("2016-04-21T22:02:00.000Z") dates to the ISO 8601 form ParsePublished reads
// ("2016-04-21T22:02:00-04:00"); "" when the text is neither.
std::string NormalizeFeedDate(std::string_view text);

// Characters of text in an HTML fragment once tags, comments, scripts and styles are removed
// and white space is collapsed (entities count as one character).
size_t HtmlTextLength(std::string_view html);

// Imports one feed (or a single page) by URL, or a local feed file, incrementally (see above).
// Adds to *summary (does not reset it). Non-OK only when the store fails.
Status ImportFeed(Store& store, const Extractor& extractor, Fetcher& fetcher,
                  const std::string& feed_url_or_path, const ImportOptions& options,
                  ImportSummary* summary);

// Imports the HTML response records (status 200, Content-Type text/html or XHTML) of a WARC
// file, plain or gzip-compressed (concatenated members, as CC-NEWS ships them). WARC-Target-URI
// is the article's URL when the page names none; WARC-Date is the date fallback ("fetched").
// Damaged gzip data is a failure naming the file and the compressed offset; the records before
// it are kept (and after it, when a later gzip member can be found). Adds to *summary.
// Non-OK only when the store fails.
Status ImportWarc(Store& store, const Extractor& extractor, const std::string& path,
                  const ImportOptions& options, ImportSummary* summary);

// --- dispatch for `tkg import` ---

// "http://..." or "https://..." (case-insensitive scheme).
bool IsHttpUrl(std::string_view s);

// Sorts command-line arguments: URLs, .warc / .warc.gz files, local feed files (.rss, .atom,
// and .xml files whose content is a feed) and feed lists (files whose non-comment lines are all
// URLs) go to *sources; everything else (article files and folders) to *paths, for ImportPaths.
void SplitImportArguments(const std::vector<std::string>& args, std::vector<std::string>* paths,
                          std::vector<std::string>* sources);

// Imports what SplitImportArguments put in `sources`, each feed URL once. Adds to *summary
// (the run's seconds included). Non-OK only when the store fails.
Status ImportSources(Store& store, const Extractor& extractor, Fetcher& fetcher,
                     const std::vector<std::string>& sources, const ImportOptions& options,
                     ImportSummary* summary);

}  // namespace tkg
