// End to end with the real binary: `tkg import` the team's example articles into a temp store,
// `tkg serve` it on a free port, and ask over HTTP who said what about cybersecurity, and when.
// The answers are checked against what the articles say (examples/expected.md).
#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "test_support.h"

using nlohmann::json;
using tkg::testing::BackgroundProcess;
using tkg::testing::FreePort;
using tkg::testing::RunCommand;
using tkg::testing::SourcePath;
using tkg::testing::TempDir;
using tkg::testing::TkgBinary;

namespace {

namespace fs = std::filesystem;

// Imports examples/: the files with a header in one run, each header-less file with the date and
// outlet examples/README.md gives for it. Returns the JSON summaries of the runs.
std::vector<json> ImportExamples(const std::string& store) {
  std::vector<std::string> with_header;
  for (const auto& e : fs::directory_iterator(SourcePath("examples"))) {
    std::string name = e.path().filename().string();
    if (e.path().extension() == ".txt" && name.rfind("noheader-", 0) != 0) {
      with_header.push_back(e.path().string());
    }
  }
  std::sort(with_header.begin(), with_header.end());
  REQUIRE(with_header.size() >= 10);
  struct NoHeader {
    const char* file;
    const char* published;
    const char* outlet;
  };
  const NoHeader no_header[] = {
      {"noheader-2016-10-24-dns-outage-cyberattack.txt", "2016-10-24", "Metro Ledger"},
      {"noheader-2018-04-10-ransomware-gang-arrests.txt", "2018-04-10", "Continental Post"},
      {"noheader-2016-09-06-election-poll.txt", "2016-09-06", "Westbrook Gazette"},
  };
  std::vector<std::vector<std::string>> runs;
  std::vector<std::string> first = {TkgBinary(), "import", "--db", store, "--quiet"};
  first.insert(first.end(), with_header.begin(), with_header.end());
  runs.push_back(first);
  for (const auto& n : no_header) {
    runs.push_back({TkgBinary(), "import", "--db", store, "--quiet", "--published", n.published,
                    "--outlet", n.outlet, SourcePath(std::string("examples/") + n.file)});
  }
  std::vector<json> summaries;
  for (const auto& argv : runs) {
    auto r = RunCommand(argv);
    INFO(argv.back() << ": " << r.err << r.out);
    REQUIRE(r.exit_code == 0);
    summaries.push_back(json::parse(r.out));
  }
  return summaries;
}

// `tkg serve` on a free port; waits until it answers.
class Served {
 public:
  explicit Served(const std::string& store)
      : port_(FreePort()),
        process_({TkgBinary(), "serve", "--db", store, "--port", std::to_string(port_)}),
        client_("127.0.0.1", port_) {
    client_.set_connection_timeout(0, 200000);
    REQUIRE(tkg::testing::WaitForHealthy(process_, port_));
    client_.set_read_timeout(20);
  }
  // The body of a GET that must succeed.
  std::string Body(const std::string& path) {
    auto res = client_.Get(path.c_str());
    INFO("GET " << path);
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 200);
    return res->body;
  }
  json Json(const std::string& path) { return json::parse(Body(path)); }
  int Stop() { return process_.Stop(); }

 private:
  int port_;
  BackgroundProcess process_;
  httplib::Client client_;
};

const char kCyber[] = "/v1/statements?topic=cybersecurity&limit=1000";

bool Contains(const json& list, const std::string& value) {
  for (const auto& v : list)
    if (v == value) return true;
  return false;
}

}  // namespace

TEST_CASE("who said what about cybersecurity, and when: the example articles over HTTP", "[e2e]") {
  TempDir dir;
  std::string store = dir.Join("store");
  auto summaries = ImportExamples(store);
  uint64_t imported = 0;
  for (const auto& s : summaries) imported += s["imported"].get<uint64_t>();
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(SourcePath("examples"))) {
    files += e.path().extension() == ".txt";
  }
  CHECK(imported == files);

  Served server(store);
  json health = server.Json("/healthz");
  CHECK(health["stats"]["articles"] == imported);

  json cyber = server.Json(kCyber);
  const json& statements = cyber["statements"];
  REQUIRE(statements.size() >= 10);
  CHECK(cyber["next_cursor"].is_null());

  // Sorted by date, undated ones last.
  bool seen_undated = false;
  std::string last_day;
  for (const auto& s : statements) {
    if (s["date_interval"].is_null()) {
      seen_undated = true;
      continue;
    }
    CHECK(!seen_undated);
    std::string day = s["date_interval"]["from"];
    CHECK(day >= last_day);
    last_day = day;
  }

  // None comes from the decoy articles (stadium security, social security, food safety,
  // netizens' criticism, election polling).
  const std::set<std::pair<std::string, std::string>> decoys = {
      {"Harbor City Times", "2016-07-08"},
      {"Capital Observer", "2015-11-19"},
      {"Pacific Tribune", "2017-08-03"},
      {"Eastern Courier", "2016-05-12"},
      {"Westbrook Gazette", "2016-09-06"}};
  for (const auto& s : statements) {
    std::string published = s["published"].is_string() ? s["published"].get<std::string>() : "";
    INFO(s.dump());
    CHECK(decoys.count({s["article"]["outlet"], published.substr(0, 10)}) == 0);
    CHECK(Contains(s["topics"], "cybersecurity"));
  }

  // Kadri Tamm said on Monday 2017-02-27 (Baltic Wire) that NATO must agree on a common answer to
  // state-sponsored cyberattacks.
  bool tamm_nato = false;
  for (const auto& s : statements) {
    tamm_nato = tamm_nato || (s["speaker"]["name"] == "Kadri Tamm" && s["date"] == "2017-02-27" &&
                              s["article"]["outlet"] == "Baltic Wire" &&
                              s["text"].get<std::string>().find("NATO") != std::string::npos);
  }
  CHECK(tamm_nato);

  // Maria Lindqvist said on Wednesday 2018-06-13 (Nordic Herald) that phishing attempts hit party
  // officials.
  bool lindqvist = false;
  for (const auto& s : statements) {
    lindqvist = lindqvist ||
                (s["speaker"]["name"] == "Maria Lindqvist" && s["date"] == "2018-06-13" &&
                 s["article"]["outlet"] == "Nordic Herald" && Contains(s["topics"], "phishing"));
  }
  CHECK(lindqvist);

  // Kadri Tamm pointed out in March 2018 (month precision), as Baltic Wire reported, that shared
  // warnings stopped phishing campaigns.
  std::string tamm_march_id;
  for (const auto& s : statements) {
    if (s["speaker"]["name"] == "Kadri Tamm" && s["date"] == "2018-03") {
      CHECK(s["precision"] == "month");
      bool via_baltic_wire = false;
      for (const auto& r : s["reported_by"]) via_baltic_wire |= r["name"] == "Baltic Wire";
      CHECK(via_baltic_wire);
      tamm_march_id = s["id"];
    }
  }
  REQUIRE(!tamm_march_id.empty());

  // A day inside March 2018 finds the month-precision statement (overlap).
  json mid_march = server.Json("/v1/statements?topic=cybersecurity&from=2018-03-15&to=2018-03-15");
  bool found = false;
  for (const auto& s : mid_march["statements"]) found |= s["id"] == tamm_march_id;
  CHECK(found);
  // On a TimelineJS timeline it has a year and a month but no day.
  json tl = server.Json("/v1/timeline?topic=cybersecurity&speaker=Tamm&format=timelinejs");
  bool on_timeline = false;
  for (const auto& e : tl["events"]) {
    if (e["unique_id"] == tamm_march_id) {
      on_timeline = true;
      CHECK(e["start_date"] == json({{"year", 2018}, {"month", 3}}));
    }
  }
  CHECK(on_timeline);

  // The speaker's surname finds the same person across outlets (merged actors).
  json tamm = server.Json("/v1/statements?speaker=Tamm&limit=1000");
  std::set<std::string> outlets;
  for (const auto& s : tamm["statements"]) {
    CHECK(s["speaker"]["name"] == "Kadri Tamm");
    outlets.insert(s["article"]["outlet"]);
  }
  CHECK(outlets.size() >= 2);

  // Every statement's evidence is the text at its span in the stored article.
  std::map<std::string, std::string> texts;
  for (const auto& s : statements) {
    std::string article = s["evidence"]["article_id"];
    if (!texts.count(article)) {
      texts[article] = server.Json("/v1/articles/" + article + "?text=true")["article"]["text"];
    }
    const std::string& text = texts[article];
    size_t b = s["evidence"]["span"][0], e = s["evidence"]["span"][1];
    REQUIRE(e <= text.size());
    CHECK(text.substr(b, e - b) == s["evidence"]["sentence"].get<std::string>());
    // The content lies inside the evidence (quotes around a cue are joined, so compare spans).
    size_t tb = s["evidence"]["text_span"][0], te = s["evidence"]["text_span"][1];
    CHECK(b <= tb);
    CHECK(te <= e);
  }

  CHECK(server.Stop() == 0);
}

TEST_CASE("re-import changes nothing, a reopened store answers the same, tkg query agrees",
          "[e2e]") {
  TempDir dir;
  std::string store = dir.Join("store");
  auto first = ImportExamples(store);

  const std::vector<std::string> paths = {
      kCyber,
      "/v1/statements?speaker=Lindqvist&limit=1000",
      "/v1/statements?topic=ransomware&from=2017&to=2018",
      "/v1/actors?q=Ta",
      "/v1/events?limit=1000",
      "/v1/timeline?topic=cybersecurity&format=vis",
      "/v1/topics",
  };
  std::vector<std::string> before;
  json health_before;
  {
    Served server(store);
    for (const auto& p : paths) before.push_back(server.Body(p));
    health_before = server.Json("/healthz");
    CHECK(server.Stop() == 0);
  }

  // The same inputs again: every article unchanged, nothing imported or updated.
  auto second = ImportExamples(store);
  uint64_t articles = 0;
  for (size_t i = 0; i < second.size(); ++i) {
    INFO(second[i].dump());
    CHECK(second[i]["imported"] == 0);
    CHECK(second[i]["updated"] == 0);
    CHECK(second[i]["unchanged"] == first[i]["imported"]);
    articles += second[i]["unchanged"].get<uint64_t>();
  }
  CHECK(articles == health_before["stats"]["articles"]);

  // Reopened by a new server: the same counts and byte-identical answers.
  Served again(store);
  CHECK(again.Json("/healthz") == health_before);
  for (size_t i = 0; i < paths.size(); ++i) {
    INFO(paths[i]);
    CHECK(again.Body(paths[i]) == before[i]);
  }
  CHECK(again.Stop() == 0);

  // The command line prints what the API answers.
  auto q = RunCommand({TkgBinary(), "query", "statements", "--db", store, "--topic",
                       "cybersecurity", "--limit", "1000"});
  INFO(q.err);
  REQUIRE(q.exit_code == 0);
  CHECK(q.out == before[0] + "\n");
}
