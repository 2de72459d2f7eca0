#include "api_fixture.h"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "tkg/schema/ids.h"
#include "tkg/schema/time_value.h"

namespace tkg::testing {
namespace {

const char kLedgerText[] =
    "Minister warns of network attacks\n"
    "Harbor Ledger | March 18, 2016\n"
    "\n"
    "Interior Minister Alda Voss said on Tuesday that attacks on the power grid had doubled. "
    "Voss told reporters that the ministry would hire 200 analysts. "
    "In March, the trade envoy Benno Karr said tariffs would fall.\n";

const char kCourierText[] =
    "Deterrence debate heats up\n"
    "Valley Courier | April 2, 2016\n"
    "\n"
    "General Oren Falk said the country must be able to strike back at hackers. "
    "Minister Voss said last year that cyber deterrence was a priority. "
    "According to Falk, the new command opens in 2017. "
    "Voss and Falk met on Friday at the defence ministry.\n";

Span Find(const std::string& text, const std::string& needle, size_t from = 0) {
  size_t at = text.find(needle, from);
  if (at == std::string::npos) throw std::logic_error("fixture text lacks '" + needle + "'");
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

TimeValue Date(const std::string& value) {
  if (value.empty()) return TimeValue();
  auto v = ParseTimeValue(value);
  if (!v) throw std::logic_error("bad fixture date " + value);
  return *v;
}

Actor MakeActor(const std::string& name, std::vector<std::string> aliases, const std::string& title,
                const std::string& of) {
  Actor a;
  a.name = name;
  a.type = ActorType::kPerson;
  a.id = ActorId(a.type, name);
  a.aliases = std::move(aliases);
  if (!title.empty()) {
    Role r;
    r.title = title;
    r.of = of;
    a.roles.push_back(r);
  }
  return a;
}

struct StatementSpec {
  const Actor* speaker;
  std::string source;  // the mention as written
  std::string cue;
  std::string content;   // the statement text as it stands in the article
  std::string sentence;  // the whole sentence
  std::string date;
  DateBasis basis;
  std::vector<std::string> topics;
  float confidence;
  bool direct = false;
};

Statement MakeStatement(const Article& article, const StatementSpec& spec) {
  Statement s;
  s.article_id = article.id;
  s.speaker_id = spec.speaker->id;
  s.speaker = spec.speaker->name;
  s.sentence_span = Find(article.text, spec.sentence);
  s.source_span = Find(article.text, spec.source, s.sentence_span.begin);
  s.cue = spec.cue;
  s.cue_span = Find(article.text, spec.cue, s.sentence_span.begin);
  s.text = spec.content;
  s.text_span = Find(article.text, spec.content, s.sentence_span.begin);
  s.id = StatementId(article.id, s.text_span);
  s.direct = spec.direct;
  s.date = Date(spec.date);
  s.date_basis = spec.basis;
  s.topics = spec.topics;
  s.rule = "test.hand_written";
  s.confidence = spec.confidence;
  return s;
}

Article MakeArticle(const std::string& text, const std::string& outlet, const std::string& url,
                    const std::string& headline, const std::string& published) {
  Article a;
  a.text = text;
  a.url = url;
  a.id = ArticleId(url, text);
  a.outlet = outlet;
  a.headline = headline;
  a.published = published;
  a.published_date = Date(published.substr(0, 10));
  a.source = "tests/api/" + outlet;
  a.format = "text";
  a.content_hash = Hex16(Hash64(text));
  a.ingested_at = 1700000000;
  a.headline_span = Find(text, headline);
  a.body_span =
      Span{static_cast<uint32_t>(text.find("\n\n") + 2), static_cast<uint32_t>(text.size())};
  return a;
}

}  // namespace

std::vector<Topic> InventedTopics() {
  std::vector<Topic> topics(3);
  topics[0].name = "cybersecurity";
  topics[0].terms = {"hackers", "network attacks"};
  topics[1].name = "cyber deterrence";
  topics[1].parent = "cybersecurity";
  topics[1].terms = {"deterrence", "strike back"};
  topics[2].name = "trade";
  topics[2].terms = {"tariffs"};
  for (auto& t : topics) t.id = TopicId(t.name);
  return topics;
}

std::vector<ArticleGraph> InventedGraphs() {
  std::vector<ArticleGraph> graphs(2);
  const std::vector<std::string> cyber = {"cybersecurity"};
  const std::vector<std::string> deterrence = {"cyber deterrence", "cybersecurity"};

  {
    ArticleGraph& g = graphs[0];
    g.article = MakeArticle(kLedgerText, "Harbor Ledger",
                            "https://harbor-ledger.example/2016/03/18/minister-warns",
                            "Minister warns of network attacks", "2016-03-18T09:30:00+01:00");
    Actor voss = MakeActor("Alda Voss", {"Voss", "Minister Voss"}, "Interior Minister", "");
    Actor karr = MakeActor("Benno Karr", {"Karr"}, "trade envoy", "");
    const std::string& t = g.article.text;
    voss.mentions = {Find(t, "Alda Voss"), Find(t, "Voss told")};
    karr.mentions = {Find(t, "Benno Karr")};
    const std::string s1 =
        "Interior Minister Alda Voss said on Tuesday that attacks on the power grid had doubled.";
    const std::string s2 = "Voss told reporters that the ministry would hire 200 analysts.";
    const std::string s3 = "In March, the trade envoy Benno Karr said tariffs would fall.";
    g.statements.push_back(MakeStatement(
        g.article, {&voss, "Alda Voss", "said", "attacks on the power grid had doubled", s1,
                    "2016-03-15", DateBasis::kExplicit, cyber, 0.9f}));
    g.statements.push_back(MakeStatement(
        g.article, {&voss, "Voss", "told reporters", "the ministry would hire 200 analysts", s2,
                    "2016-03-18", DateBasis::kPublished, cyber, 0.8f}));
    g.statements.push_back(MakeStatement(g.article, {&karr,
                                                     "Benno Karr",
                                                     "said",
                                                     "tariffs would fall",
                                                     s3,
                                                     "2016-03",
                                                     DateBasis::kExplicit,
                                                     {"trade"},
                                                     0.7f}));
    g.actors = {voss, karr};
    g.times.push_back({Find(t, "on Tuesday"), "DATE", "2016-03-15"});
    g.times.push_back({Find(t, "In March"), "DATE", "2016-03"});
  }
  {
    ArticleGraph& g = graphs[1];
    g.article = MakeArticle(kCourierText, "Valley Courier",
                            "https://valley-courier.example/deterrence-debate",
                            "Deterrence debate heats up", "2016-04-02");
    Actor falk = MakeActor("Oren Falk", {"Falk", "General Falk"}, "General", "");
    Actor voss = MakeActor("Alda Voss", {"Minister Voss"}, "Minister", "");
    const std::string& t = g.article.text;
    falk.mentions = {Find(t, "Oren Falk"), Find(t, "Falk,")};
    voss.mentions = {Find(t, "Minister Voss")};
    const std::string s4 =
        "General Oren Falk said the country must be able to strike back at hackers.";
    const std::string s5 = "Minister Voss said last year that cyber deterrence was a priority.";
    const std::string s6 = "According to Falk, the new command opens in 2017.";
    g.statements.push_back(MakeStatement(
        g.article,
        {&falk, "Oren Falk", "said", "the country must be able to strike back at hackers", s4,
         "2016-04-01", DateBasis::kContext, deterrence, 0.85f}));
    g.statements.push_back(
        MakeStatement(g.article, {&voss, "Minister Voss", "said", "cyber deterrence was a priority",
                                  s5, "2015", DateBasis::kExplicit, deterrence, 0.75f}));
    g.statements.push_back(
        MakeStatement(g.article, {&falk, "Falk", "According to", "the new command opens in 2017",
                                  s6, "", DateBasis::kNone, cyber, 0.6f}));
    Event e;
    e.article_id = g.article.id;
    e.type = "meeting";
    e.span = Find(t, "Voss and Falk met on Friday at the defence ministry.");
    e.text = "Voss and Falk met on Friday at the defence ministry.";
    e.id = EventId(g.article.id, e.span);
    e.date = Date("2016-04-01");
    e.date_basis = DateBasis::kExplicit;
    e.participant_ids = {voss.id, falk.id};
    e.participants = {voss.name, falk.name};
    g.events.push_back(e);
    g.actors = {falk, voss};
    g.times.push_back({Find(t, "last year"), "DATE", "2015"});
    g.times.push_back({Find(t, "on Friday"), "DATE", "2016-04-01"});
  }
  return graphs;
}

ArticleGraph UpdatedLedger() {
  // The same URL with corrected text: the ministry will hire 250 analysts, not 200.
  static const std::string text =
      std::string(kLedgerText)
          .replace(std::string(kLedgerText).find("200 analysts"), 12, "250 analysts");
  ArticleGraph g;
  g.article =
      MakeArticle(text, "Harbor Ledger", "https://harbor-ledger.example/2016/03/18/minister-warns",
                  "Minister warns of network attacks", "2016-03-18T09:30:00+01:00");
  g.article.ingested_at = 1700003600;
  Actor voss = MakeActor("Alda Voss", {"Voss", "Minister Voss"}, "Interior Minister", "");
  voss.mentions = {Find(text, "Alda Voss")};
  g.statements.push_back(
      MakeStatement(g.article, {&voss,
                                "Voss",
                                "told reporters",
                                "the ministry would hire 250 analysts",
                                "Voss told reporters that the ministry would hire 250 analysts.",
                                "2016-03-18",
                                DateBasis::kPublished,
                                {"cybersecurity"},
                                0.8f}));
  g.actors = {voss};
  return g;
}

ArticleGraph LakesideArticle() {
  const std::string text =
      "Harbour cameras hacked\n"
      "Lakeside Post | May 3, 2016\n"
      "\n"
      "Port authority chief Ines Roth said on Monday that the harbour cameras had been hacked.\n";
  ArticleGraph g;
  g.article = MakeArticle(text, "Lakeside Post", "https://lakeside-post.example/cameras",
                          "Harbour cameras hacked", "2016-05-03");
  Actor roth = MakeActor("Ines Roth", {"Roth"}, "Port authority chief", "");
  roth.mentions = {Find(text, "Ines Roth")};
  g.statements.push_back(MakeStatement(
      g.article,
      {&roth,
       "Ines Roth",
       "said",
       "the harbour cameras had been hacked",
       "Port authority chief Ines Roth said on Monday that the harbour cameras had been hacked.",
       "2016-05-02",
       DateBasis::kExplicit,
       {"cybersecurity"},
       0.9f}));
  g.actors = {roth};
  return g;
}

InventedIds Ids() {
  auto graphs = InventedGraphs();
  InventedIds ids;
  ids.s_grid = graphs[0].statements[0].id;
  ids.s_analysts = graphs[0].statements[1].id;
  ids.s_tariffs = graphs[0].statements[2].id;
  ids.s_strike = graphs[1].statements[0].id;
  ids.s_priority = graphs[1].statements[1].id;
  ids.s_command = graphs[1].statements[2].id;
  ids.voss = ActorId(ActorType::kPerson, "Alda Voss");
  ids.karr = ActorId(ActorType::kPerson, "Benno Karr");
  ids.falk = ActorId(ActorType::kPerson, "Oren Falk");
  ids.ledger_article = graphs[0].article.id;
  ids.courier_article = graphs[1].article.id;
  ids.e_meeting = graphs[1].events[0].id;
  return ids;
}

void FillStore(Store& store) {
  Status s = store.PutTopics(InventedTopics());
  INFO(s.ToString());
  REQUIRE(s.ok());
  for (const auto& g : InventedGraphs()) {
    PutOutcome outcome;
    Status p = store.PutArticle(g, &outcome);
    INFO(p.ToString());
    REQUIRE(p.ok());
  }
}

void MakeFilledStore(const std::string& dir) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(StoreOptions(), dir, &store);
  INFO(s.ToString());
  REQUIRE(s.ok());
  FillStore(*store);
}

ServedStore::ServedStore() { Open(dir_.Join("store"), true); }

ServedStore::ServedStore(const std::string& store_dir) { Open(store_dir, false); }

void ServedStore::Open(const std::string& store_dir, bool fill) {
  StoreOptions options;
  options.create_if_missing = fill;
  Status s = Store::Open(options, store_dir, &store_);
  INFO(s.ToString());
  REQUIRE(s.ok());
  if (fill) FillStore(*store_);
  api::ServerOptions server_options;
  server_options.port = 0;
  server_options.threads = 2;
  server_ = std::make_unique<api::Server>(*store_, server_options);
  Status started = server_->Start();
  INFO(started.ToString());
  REQUIRE(started.ok());
  REQUIRE(server_->port() > 0);
  client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  client_->set_connection_timeout(5);
  client_->set_read_timeout(10);
}

ServedStore::~ServedStore() {
  client_.reset();
  server_.reset();  // stops and joins before the store closes
  store_.reset();
}

httplib::Result ServedStore::Get(const std::string& path_and_query) {
  auto res = client_->Get(path_and_query.c_str());
  INFO("GET " << path_and_query << ": " << httplib::to_string(res.error()));
  REQUIRE(res);
  return res;
}

nlohmann::json ServedStore::GetJson(const std::string& path_and_query, int* status,
                                    std::string* content_type) {
  auto res = Get(path_and_query);
  if (status) *status = res->status;
  if (content_type) *content_type = res->get_header_value("Content-Type");
  INFO("GET " << path_and_query << " -> " << res->status << " " << res->body);
  auto j = nlohmann::json::parse(res->body, nullptr, false);
  REQUIRE(!j.is_discarded());
  return j;
}

std::vector<std::string> StatementIds(const nlohmann::json& answer) {
  std::vector<std::string> ids;
  for (const auto& s : answer.at("statements")) ids.push_back(s.at("id").get<std::string>());
  return ids;
}

}  // namespace tkg::testing
