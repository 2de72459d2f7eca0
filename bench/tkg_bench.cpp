// tkg_bench: throughput of writing articles into a real store and latency of typical queries,
// on a synthetic corpus of ArticleGraph records (invented names, topics, outlets and sentences;
// no third-party text). Prints the figures as tables.
//
//   tkg_bench [--sizes 10000,100000] [--queries 300] [--no-http] [--dir DIR] [--seed N]
//             [--group N]
//   tkg_bench --extract DIR
//
// Import figures time Store::PutArticle only (with --group N: PutArticles of N articles, as
// `tkg import` writes; the corpus is generated beforehand, in chunks), so they measure the
// engine, not extraction. Query figures are per call, after the import, with a
// warm block cache; "http" runs the same statement queries through the API server on a loopback
// port with one keep-alive client.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "extract_throughput.h"
#include "tkg/api/json_views.h"
#include "tkg/api/queries.h"
#include "tkg/api/server.h"
#include "tkg/engine/store.h"
#include "tkg/schema/ids.h"
#include "tkg/schema/time_value.h"
#include "tkg/schema/types.h"

namespace {

using namespace tkg;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// A small deterministic generator (splitmix64), so every run builds the same corpus.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }
  double Unit() { return static_cast<double>(Next() >> 11) / 9007199254740992.0; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }

 private:
  uint64_t state_;
};

const std::vector<std::string> kFirst = {
    "Alda", "Benno", "Carys", "Dario", "Elin",   "Faro", "Greta", "Hanno", "Ilse", "Joren",
    "Kaja", "Lenno", "Mira",  "Nils",  "Orla",   "Pavo", "Quinn", "Rhea",  "Sten", "Tova",
    "Ulla", "Veit",  "Wenna", "Xavi",  "Ysolde", "Zeno", "Arvid", "Bryn",  "Cato", "Della"};
const std::vector<std::string> kLast = {
    "Voss",    "Karr",   "Falk",   "Lindqvist", "Marrow", "Oakes",   "Pellin", "Quarry",
    "Rask",    "Sallow", "Thorne", "Umber",     "Vantor", "Wexley",  "Yarrow", "Zell",
    "Ashdown", "Brack",  "Corvin", "Dunmore",   "Elsing", "Fennick", "Garrow", "Holt",
    "Iversen", "Jarl",   "Kettle", "Larch",     "Morrow", "Nettle"};
const std::vector<std::string> kTitles = {"Minister", "General",    "Senator",   "Director",
                                          "Governor", "Ambassador", "Professor", "Chairman"};
const std::vector<std::string> kCues = {"said",   "told reporters", "warned", "argued",
                                        "stated", "according to",   "noted",  "insisted"};
const std::vector<std::string> kWords = {
    "the",      "network",   "grid",    "attack",    "policy",  "budget",   "border",
    "treaty",   "market",    "tariffs", "hackers",   "defence", "systems",  "agency",
    "would",    "must",      "could",   "soon",      "again",   "never",    "rise",
    "fall",     "protect",   "respond", "invest",    "talks",   "allies",   "partners",
    "security", "servers",   "data",    "exports",   "imports", "farmers",  "workers",
    "coast",    "election",  "reform",  "court",     "ruling",  "strike",   "deal",
    "growth",   "inflation", "schools", "hospitals", "weather", "flooding", "energy"};

struct TopicSpec {
  const char* name;
  const char* parent;
};
const std::vector<TopicSpec> kTopics = {{"cybersecurity", ""},
                                        {"cyber deterrence", "cybersecurity"},
                                        {"ransomware", "cybersecurity"},
                                        {"espionage", "cybersecurity"},
                                        {"trade", ""},
                                        {"tariffs", "trade"},
                                        {"exports", "trade"},
                                        {"climate", ""},
                                        {"flooding", "climate"},
                                        {"energy", "climate"},
                                        {"elections", ""},
                                        {"courts", ""},
                                        {"health", ""},
                                        {"hospitals", "health"},
                                        {"education", ""},
                                        {"defence", ""},
                                        {"nuclear", "defence"},
                                        {"economy", ""},
                                        {"inflation", "economy"},
                                        {"labour", "economy"}};

struct World {
  std::vector<std::string> actor_names;
  std::vector<std::string> actor_titles;
  std::vector<std::string> outlets;
  std::vector<Topic> topics;
};

World MakeWorld(size_t actors, Rng& rng) {
  World w;
  for (size_t i = 0; i < actors; ++i) {
    std::string name = kFirst[i % kFirst.size()] + " " + kLast[(i / kFirst.size()) % kLast.size()];
    if (i >= kFirst.size() * kLast.size())
      name += " " + std::to_string(i / (kFirst.size() * kLast.size()));
    w.actor_names.push_back(name);
    w.actor_titles.push_back(rng.Pick(kTitles));
  }
  for (size_t i = 0; i < 30; ++i) {
    w.outlets.push_back(std::string(i % 2 ? "The " : "") + kLast[i % kLast.size()] + " " +
                        (i % 3 == 0   ? "Courier"
                         : i % 3 == 1 ? "Ledger"
                                      : "Gazette"));
  }
  for (const auto& t : kTopics) {
    Topic topic;
    topic.name = t.name;
    topic.parent = t.parent;
    topic.id = TopicId(topic.name);
    topic.terms = {topic.name};
    w.topics.push_back(topic);
  }
  return w;
}

TimeValue RandomDate(Rng& rng, DateBasis* basis) {
  // 2010-01-01 .. 2020-12-31, precisions mixed as news dates are.
  DayNumber day = DaysFromCivil(2010, 1, 1) + static_cast<DayNumber>(rng.Below(4018));
  int y = 0;
  unsigned m = 0, d = 0;
  CivilFromDays(day, &y, &m, &d);
  double r = rng.Unit();
  char buf[32];
  if (r < 0.70) {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    *basis = rng.Unit() < 0.5 ? DateBasis::kExplicit : DateBasis::kPublished;
  } else if (r < 0.85) {
    std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
    *basis = DateBasis::kExplicit;
  } else if (r < 0.90) {
    std::snprintf(buf, sizeof buf, "%04d", y);
    *basis = DateBasis::kExplicit;
  } else {
    *basis = DateBasis::kNone;
    return TimeValue();
  }
  auto v = ParseTimeValue(buf);
  return v ? *v : TimeValue();
}

// One article with `n` statements by speakers of the world.
ArticleGraph MakeArticle(const World& w, size_t index, size_t n, Rng& rng) {
  ArticleGraph g;
  Article& a = g.article;
  a.outlet = rng.Pick(w.outlets);
  a.url = "https://bench.example/" + std::to_string(index);
  a.headline = "Report number " + std::to_string(index) + " on " + rng.Pick(kWords) + " and " +
               rng.Pick(kWords);
  DateBasis ignored;
  TimeValue pub;
  while (pub.precision != TimePrecision::kDay) pub = RandomDate(rng, &ignored);
  a.published = pub.value;
  a.published_date = pub;
  a.format = "text";
  a.source = "bench";
  std::string& text = a.text;
  text = a.headline + "\n" + a.outlet + " | " + pub.value + "\n\n";
  a.headline_span = {0, static_cast<uint32_t>(a.headline.size())};
  a.body_span.begin = static_cast<uint32_t>(text.size());

  std::vector<size_t> speakers;
  for (size_t i = 0; i < n; ++i) {
    // Filler sentences between statements, as in real articles.
    for (size_t f = rng.Below(4); f > 0; --f) {
      std::string filler = "The " + rng.Pick(kWords);
      for (size_t k = 8 + rng.Below(12); k > 0; --k) filler += " " + rng.Pick(kWords);
      text += filler + ". ";
    }
    size_t who = rng.Below(w.actor_names.size());
    // Some speakers are much more quoted than others.
    if (rng.Unit() < 0.5) who = rng.Below(std::min<size_t>(50, w.actor_names.size()));
    speakers.push_back(who);
    const std::string& name = w.actor_names[who];
    std::string cue = rng.Pick(kCues);
    std::string content = rng.Pick(kWords);
    for (size_t k = 6 + rng.Below(14); k > 0; --k) content += " " + rng.Pick(kWords);

    Statement s;
    uint32_t sentence_begin = static_cast<uint32_t>(text.size());
    std::string prefix = w.actor_titles[who] + " ";
    s.source_span = {static_cast<uint32_t>(text.size() + prefix.size()),
                     static_cast<uint32_t>(text.size() + prefix.size() + name.size())};
    text += prefix + name + " ";
    s.cue_span = {static_cast<uint32_t>(text.size()),
                  static_cast<uint32_t>(text.size() + cue.size())};
    text += cue + " that ";
    s.text_span = {static_cast<uint32_t>(text.size()),
                   static_cast<uint32_t>(text.size() + content.size())};
    text += content + ". ";
    s.sentence_span = {sentence_begin, static_cast<uint32_t>(text.size() - 1)};
    s.speaker = name;
    s.speaker_id = ActorId(ActorType::kPerson, name);
    s.cue = cue;
    s.text = content;
    s.date = RandomDate(rng, &s.date_basis);
    const Topic& topic = rng.Pick(w.topics);
    s.topics.push_back(topic.name);
    if (!topic.parent.empty()) s.topics.push_back(topic.parent);
    if (rng.Unit() < 0.2) {
      const std::string& relay = rng.Pick(w.outlets);
      s.reported_by.push_back(relay);
      s.reported_by_ids.push_back(ActorId(ActorType::kOrganization, relay));
    }
    s.rule = "bench";
    s.confidence = static_cast<float>(0.5 + 0.5 * rng.Unit());
    g.statements.push_back(std::move(s));
    if (i % 3 == 2) text += "\n\n";
  }
  a.body_span.end = static_cast<uint32_t>(text.size());
  a.id = ArticleId(a.url, text);
  a.content_hash = Hex16(Hash64(text));
  for (auto& s : g.statements) {
    s.article_id = a.id;
    s.id = StatementId(a.id, s.text_span);
  }
  std::sort(speakers.begin(), speakers.end());
  speakers.erase(std::unique(speakers.begin(), speakers.end()), speakers.end());
  for (size_t who : speakers) {
    Actor actor;
    actor.name = w.actor_names[who];
    actor.id = ActorId(ActorType::kPerson, actor.name);
    actor.aliases = {actor.name.substr(actor.name.find(' ') + 1),
                     w.actor_titles[who] + " " + actor.name.substr(actor.name.find(' ') + 1)};
    Role role;
    role.title = w.actor_titles[who];
    actor.roles.push_back(role);
    for (const auto& s : g.statements)
      if (s.speaker_id == actor.id) actor.mentions.push_back(s.source_span);
    g.actors.push_back(std::move(actor));
  }
  if (speakers.size() >= 2 && rng.Unit() < 0.3) {
    Event e;
    e.article_id = a.id;
    e.type = "meeting";
    e.span = g.statements[0].sentence_span;
    e.text = std::string(SpanText(text, e.span));
    e.id = EventId(a.id, e.span);
    e.date = g.statements[0].date;
    e.date_basis = g.statements[0].date_basis;
    for (size_t k = 0; k < 2; ++k) {
      e.participant_ids.push_back(g.actors[k].id);
      e.participants.push_back(g.actors[k].name);
    }
    g.events.push_back(std::move(e));
  }
  return g;
}

struct ImportFigures {
  size_t articles = 0, statements = 0;
  uint64_t text_bytes = 0;
  double seconds = 0;
  uint64_t store_bytes = 0;
};

uint64_t DirBytes(const std::string& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  return total;
}

bool Import(Store& store, const World& w, size_t statements, uint64_t seed, size_t group,
            ImportFigures* f) {
  Rng rng(seed);
  size_t index = 0;
  const size_t chunk = 500;
  while (f->statements < statements) {
    std::vector<ArticleGraph> batch;
    size_t planned = f->statements;
    while (batch.size() < chunk && planned < statements) {
      size_t n = std::min<size_t>(2 + rng.Below(7), statements - planned);  // 2..8 a piece
      batch.push_back(MakeArticle(w, index++, n, rng));
      planned += n;
    }
    auto start = Clock::now();
    if (group > 1) {
      for (size_t i = 0; i < batch.size(); i += group) {
        std::vector<const ArticleGraph*> graphs;
        for (size_t j = i; j < std::min(batch.size(), i + group); ++j) graphs.push_back(&batch[j]);
        std::vector<PutResult> results;
        Status s = store.PutArticles(graphs, &results);
        for (const auto& r : results) s = s.ok() ? r.status : s;
        if (!s.ok()) {
          std::fprintf(stderr, "tkg_bench: PutArticles: %s\n", s.ToString().c_str());
          return false;
        }
      }
    }
    for (const auto& g : batch) {
      if (group > 1) break;
      PutOutcome outcome;
      Status s = store.PutArticle(g, &outcome);
      if (!s.ok()) {
        std::fprintf(stderr, "tkg_bench: PutArticle %s: %s\n", g.article.id.c_str(),
                     s.ToString().c_str());
        return false;
      }
    }
    f->seconds += Seconds(Clock::now() - start);
    for (const auto& g : batch) {
      f->articles++;
      f->statements += g.statements.size();
      f->text_bytes += g.article.text.size();
    }
  }
  return true;
}

struct Latency {
  std::string name;
  std::vector<double> micros;
  double results = 0;  // average answer size
  size_t errors = 0;
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// A typical query: the parameters as a client would send them.
struct QueryCase {
  std::string name;
  std::function<api::Params(Rng&)> make;
  int pages = 1;  // > 1: follow next_cursor for this many pages, timing each page
};

std::string RandomMonthRange(Rng& rng, int months, std::string* to) {
  int y = 2010 + static_cast<int>(rng.Below(11));
  int m = 1 + static_cast<int>(rng.Below(12));
  char from[16], until[16];
  std::snprintf(from, sizeof from, "%04d-%02d", y, m);
  int m2 = m + months - 1, y2 = y;
  while (m2 > 12) {
    m2 -= 12;
    ++y2;
  }
  std::snprintf(until, sizeof until, "%04d-%02d", y2, m2);
  *to = until;
  return from;
}

std::vector<QueryCase> Cases(const World& w) {
  std::vector<QueryCase> cases;
  cases.push_back({"topic + 3-month range", [&w](Rng& rng) {
                     api::Params p;
                     std::string to;
                     p.values["topic"] = w.topics[rng.Below(w.topics.size())].name;
                     p.values["from"] = RandomMonthRange(rng, 3, &to);
                     p.values["to"] = to;
                     return p;
                   }});
  cases.push_back({"root topic (with subtopics)", [](Rng& rng) {
                     api::Params p;
                     const char* roots[] = {"cybersecurity", "trade", "climate", "economy"};
                     p.values["topic"] = roots[rng.Below(4)];
                     return p;
                   }});
  cases.push_back({"speaker (name or alias)", [&w](Rng& rng) {
                     api::Params p;
                     const std::string& name = w.actor_names[rng.Below(w.actor_names.size())];
                     p.values["speaker"] =
                         rng.Unit() < 0.5 ? name : ActorId(ActorType::kPerson, name);
                     return p;
                   }});
  cases.push_back({"outlet", [&w](Rng& rng) {
                     api::Params p;
                     p.values["outlet"] = w.outlets[rng.Below(w.outlets.size())];
                     return p;
                   }});
  cases.push_back({"date range only (1 month)", [](Rng& rng) {
                     api::Params p;
                     std::string to;
                     p.values["from"] = RandomMonthRange(rng, 1, &to);
                     p.values["to"] = to;
                     return p;
                   }});
  cases.push_back({"words (q=)", [](Rng& rng) {
                     api::Params p;
                     p.values["q"] = rng.Pick(kWords) + " " + rng.Pick(kWords);
                     p.values["limit"] = "20";
                     return p;
                   }});
  cases.push_back({"paginated topic, 20/page, 5 pages",
                   [&w](Rng& rng) {
                     api::Params p;
                     p.values["topic"] = w.topics[rng.Below(w.topics.size())].name;
                     p.values["limit"] = "20";
                     return p;
                   },
                   5});
  return cases;
}

// Runs each case `n` times through `run`, which answers the parameters with the statements
// count and the next cursor (or fails), and the microseconds the call itself took (without
// preparing the parameters or reading the answer).
using Runner =
    std::function<bool(const api::Params&, size_t* count, std::string* cursor, double* micros)>;

std::vector<Latency> Measure(const World& w, size_t n, uint64_t seed, const Runner& run) {
  std::vector<Latency> out;
  for (const auto& c : Cases(w)) {
    Rng rng(seed);
    Latency lat;
    lat.name = c.name;
    size_t total = 0, calls = 0;
    for (size_t i = 0; i < n; ++i) {
      api::Params p = c.make(rng);
      for (int page = 0; page < c.pages; ++page) {
        size_t count = 0;
        std::string cursor;
        double micros = 0;
        bool ok = run(p, &count, &cursor, &micros);
        lat.micros.push_back(micros);
        ++calls;
        if (!ok) {
          ++lat.errors;
          break;
        }
        total += count;
        if (cursor.empty()) break;
        p.values["cursor"] = cursor;
      }
    }
    lat.results = calls ? static_cast<double>(total) / static_cast<double>(calls) : 0;
    out.push_back(std::move(lat));
  }
  return out;
}

void PrintLatencies(const char* title, const std::vector<Latency>& lats) {
  std::printf("\n%s\n", title);
  std::printf("  %-36s %8s %9s %9s %9s %7s\n", "query", "calls", "p50 ms", "p99 ms", "avg rows",
              "errors");
  for (const auto& l : lats) {
    std::printf("  %-36s %8zu %9.3f %9.3f %9.1f %7zu\n", l.name.c_str(), l.micros.size(),
                Percentile(l.micros, 0.50) / 1000.0, Percentile(l.micros, 0.99) / 1000.0, l.results,
                l.errors);
  }
}

// A minimal HTTP/1.1 keep-alive client for the loopback server (the bench target does not carry
// cpp-httplib's compile flags, so it does not include httplib.h).
class HttpClient {
 public:
  explicit HttpClient(int port) : port_(port) {}
  ~HttpClient() { Close(); }
  // GET; fills status and body. Reconnects once if the server closed the connection.
  bool Get(const std::string& target, int* status, std::string* body) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (fd_ < 0 && !Connect()) return false;
      if (Exchange(target, status, body)) return true;
      Close();
    }
    return false;
  }

 private:
  bool Connect() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return false;
    int yes = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      Close();
      return false;
    }
    buffer_.clear();
    return true;
  }
  void Close() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }
  bool Fill() {
    char chunk[65536];
    ssize_t n = read(fd_, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(n));
    return true;
  }
  bool Exchange(const std::string& target, int* status, std::string* body) {
    std::string req = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    if (write(fd_, req.data(), req.size()) != static_cast<ssize_t>(req.size())) return false;
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos)
      if (!Fill()) return false;
    std::string head = buffer_.substr(0, end);
    buffer_.erase(0, end + 4);
    if (head.size() < 12) return false;
    *status = std::atoi(head.c_str() + 9);
    size_t length = 0;
    for (size_t pos = 0; pos < head.size();) {
      size_t eol = head.find("\r\n", pos);
      std::string line = head.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
      for (size_t k = 0; k < line.size() && line[k] != ':'; ++k)
        line[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(line[k])));
      if (line.rfind("content-length:", 0) == 0)
        length = std::strtoull(line.c_str() + 15, nullptr, 10);
      if (eol == std::string::npos) break;
      pos = eol + 2;
    }
    while (buffer_.size() < length)
      if (!Fill()) return false;
    body->assign(buffer_, 0, length);
    buffer_.erase(0, length);
    return true;
  }

  int port_;
  int fd_ = -1;
  std::string buffer_;
};

std::string UrlEncode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::vector<size_t> ParseSizes(const std::string& s) {
  std::vector<size_t> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t comma = s.find(',', pos);
    std::string part = s.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (!part.empty()) out.push_back(std::strtoull(part.c_str(), nullptr, 10));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> sizes = {10000, 100000};
  size_t queries = 300;
  bool http = true;
  std::string base_dir;
  uint64_t seed = 42;
  size_t group = 1;  // articles per write: 1 PutArticle each, more: PutArticles groups
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char* flag) -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "tkg_bench: %s needs a value\n", flag);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--sizes") {
      sizes = ParseSizes(value("--sizes"));
    } else if (a == "--queries") {
      queries = std::strtoull(value("--queries").c_str(), nullptr, 10);
    } else if (a == "--no-http") {
      http = false;
    } else if (a == "--dir") {
      base_dir = value("--dir");
    } else if (a == "--seed") {
      seed = std::strtoull(value("--seed").c_str(), nullptr, 10);
    } else if (a == "--group") {
      group = std::max<size_t>(1, std::strtoull(value("--group").c_str(), nullptr, 10));
    } else if (a == "--extract") {
      // Extraction alone, no store: tkg_bench --extract ../shared/corpus/polnear/train
      return tkg::bench::RunExtractThroughput(value("--extract"), 3);
    } else if (a == "--help" || a == "-h") {
      std::printf(
          "usage: tkg_bench [--sizes 10000,100000] [--queries 300] [--no-http] [--dir DIR] "
          "[--seed N] [--group N]\n\nBuilds synthetic corpora with the given numbers of "
          "statements, writes "
          "each into a\nfresh store (under DIR, default a temp directory, removed afterwards) "
          "and prints\nimport throughput and query latency (p50/p99), directly and over "
          "HTTP.\n\n  tkg_bench --extract DIR   extraction throughput (no storage) over the *.txt "
          "articles\n                            under DIR, in MB/s per core of CPU time\n  "
          "--group "
          "N   write N articles per Store::PutArticles call (as tkg import does;\n            "
          "default 1: one Store::PutArticle each)\n");
      return 0;
    } else {
      std::fprintf(stderr, "tkg_bench: unknown option '%s' (try --help)\n", a.c_str());
      return 2;
    }
  }
  if (sizes.empty() || queries == 0) {
    std::fprintf(stderr, "tkg_bench: nothing to measure\n");
    return 2;
  }
  bool remove_base = base_dir.empty();
  if (base_dir.empty()) {
    std::string pattern = (fs::temp_directory_path() / "tkg-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("tkg_bench: mkdtemp");
      return 1;
    }
    base_dir = pattern;
  }

  std::vector<std::pair<size_t, ImportFigures>> imports;
  std::vector<std::pair<size_t, std::vector<Latency>>> direct, with_json, over_http;
  struct Throughput {
    size_t size;
    double per_second;
    int failures;
  };
  std::vector<Throughput> throughput;
  for (size_t size : sizes) {
    std::string dir = base_dir + "/store-" + std::to_string(size);
    std::error_code ec;
    fs::remove_all(dir, ec);
    std::unique_ptr<Store> store;
    if (Status s = Store::Open(StoreOptions(), dir, &store); !s.ok()) {
      std::fprintf(stderr, "tkg_bench: %s: %s\n", dir.c_str(), s.ToString().c_str());
      return 1;
    }
    Rng world_rng(seed);
    World w = MakeWorld(std::max<size_t>(200, size / 50), world_rng);
    if (Status s = store->PutTopics(w.topics); !s.ok()) {
      std::fprintf(stderr, "tkg_bench: PutTopics: %s\n", s.ToString().c_str());
      return 1;
    }
    std::fprintf(stderr, "tkg_bench: importing %zu statements into %s\n", size, dir.c_str());
    ImportFigures f;
    if (!Import(*store, w, size, seed + 1, group, &f)) return 1;
    f.store_bytes = DirBytes(dir);
    imports.emplace_back(size, f);

    std::fprintf(stderr, "tkg_bench: querying (%zu of each)\n", queries);
    direct.emplace_back(
        size, Measure(w, queries, seed + 2,
                      [&](const api::Params& p, size_t* count, std::string* cur, double* micros) {
                        StatementQuery q;
                        if (!api::ParseStatementQuery(p, &q).ok()) return false;
                        StatementPage page;
                        auto start = Clock::now();
                        Status s = store->QueryStatements(q, &page);
                        *micros = Seconds(Clock::now() - start) * 1e6;
                        if (!s.ok()) return false;
                        *count = page.statements.size();
                        *cur = page.next_cursor;
                        return true;
                      }));
    with_json.emplace_back(
        size, Measure(w, queries, seed + 2,
                      [&](const api::Params& p, size_t* count, std::string* cur, double* micros) {
                        api::Json j;
                        auto start = Clock::now();
                        Status s = api::StatementsJson(*store, p, &j);
                        std::string body = api::Dump(j);
                        *micros = Seconds(Clock::now() - start) * 1e6;
                        if (!s.ok()) return false;
                        *count = j["statements"].size();
                        *cur = j["next_cursor"].is_string() ? j["next_cursor"].get<std::string>()
                                                            : std::string();
                        return true;
                      }));
    if (http) {
      api::ServerOptions options;
      options.port = 0;
      options.threads = 2;
      api::Server server(*store, options);
      if (Status s = server.Start(); !s.ok()) {
        std::fprintf(stderr, "tkg_bench: server: %s\n", s.ToString().c_str());
        return 1;
      }
      HttpClient client(server.port());
      over_http.emplace_back(
          size, Measure(w, queries, seed + 2,
                        [&](const api::Params& p, size_t* count, std::string* cur, double* micros) {
                          std::string target = "/v1/statements";
                          char sep = '?';
                          for (const auto& [k, v] : p.values) {
                            target += sep + k + "=" + UrlEncode(v);
                            sep = '&';
                          }
                          int status = 0;
                          std::string body;
                          auto start = Clock::now();
                          bool got = client.Get(target, &status, &body);
                          *micros = Seconds(Clock::now() - start) * 1e6;
                          if (!got || status != 200) return false;
                          auto j = nlohmann::json::parse(body, nullptr, false);
                          if (j.is_discarded()) return false;
                          *count = j["statements"].size();
                          *cur = j["next_cursor"].is_string() ? j["next_cursor"].get<std::string>()
                                                              : std::string();
                          return true;
                        }));
      // Throughput: several keep-alive clients at once, speaker queries (50 rows at most).
      {
        const int clients = 4;
        const int per_client = static_cast<int>(std::max<size_t>(queries, 100));
        std::vector<std::thread> threads;
        std::atomic<int> failures{0};
        auto start = Clock::now();
        for (int c = 0; c < clients; ++c) {
          threads.emplace_back([&, c] {
            HttpClient cl(server.port());
            Rng rng(seed + 10 + static_cast<uint64_t>(c));
            for (int i = 0; i < per_client; ++i) {
              std::string target =
                  "/v1/statements?speaker=" + UrlEncode(rng.Pick(w.actor_names)) + "&limit=20";
              int status = 0;
              std::string body;
              if (!cl.Get(target, &status, &body) || status != 200) ++failures;
            }
          });
        }
        for (auto& t : threads) t.join();
        double secs = Seconds(Clock::now() - start);
        throughput.push_back({size, clients * per_client / secs, failures.load()});
      }
      server.Stop();
    }
    store.reset();
  }
  if (remove_base) {
    std::error_code ec;
    fs::remove_all(base_dir, ec);
  }

  std::printf("tkg_bench: synthetic corpus, seed %" PRIu64 "\n\n", seed);
  if (group > 1) {
    std::printf("import (Store::PutArticles, %zu articles a call)\n", group);
  } else {
    std::printf("import (Store::PutArticle)\n");
  }
  std::printf("  %-12s %9s %9s %9s %11s %8s %13s %9s\n", "statements", "articles", "text MB",
              "seconds", "articles/s", "MB/s", "statements/s", "store MB");
  for (const auto& [size, f] : imports) {
    double mb = static_cast<double>(f.text_bytes) / 1e6;
    std::printf("  %-12zu %9zu %9.1f %9.2f %11.0f %8.2f %13.0f %9.1f\n", f.statements, f.articles,
                mb, f.seconds, f.articles / f.seconds, mb / f.seconds, f.statements / f.seconds,
                static_cast<double>(f.store_bytes) / 1e6);
  }
  for (const auto& [size, lats] : direct) {
    std::string title = "queries, Store::QueryStatements, " + std::to_string(size) + " statements";
    PrintLatencies(title.c_str(), lats);
  }
  for (const auto& [size, lats] : with_json) {
    std::string title =
        "queries + JSON view and serialisation (what a request costs without "
        "HTTP), " +
        std::to_string(size) + " statements";
    PrintLatencies(title.c_str(), lats);
  }
  for (const auto& [size, lats] : over_http) {
    std::string title = "queries over HTTP (GET /v1/statements, keep-alive, loopback), " +
                        std::to_string(size) + " statements";
    PrintLatencies(title.c_str(), lats);
  }
  if (!throughput.empty()) {
    std::printf(
        "\nHTTP throughput (4 keep-alive clients, 2 server threads, speaker queries, 20 rows)\n");
    for (const auto& t : throughput) {
      std::printf("  %-12zu statements: %9.0f requests/s  (%d failed)\n", t.size, t.per_second,
                  t.failures);
    }
  }
  return 0;
}
