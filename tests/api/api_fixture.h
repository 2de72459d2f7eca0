// A small invented news world, written as ArticleGraph records by hand, stored in a real store in
// a temp directory and served by the real Server on a free loopback port.
//
// Articles (all names and sentences invented for these tests):
//   Harbor Ledger, 2016-03-18  "Minister warns of network attacks"
//     s_grid      Alda Voss  said            2016-03-15 (explicit)   cybersecurity        0.90
//     s_analysts  Alda Voss  told reporters  2016-03-18 (published)  cybersecurity        0.80
//     s_tariffs   Benno Karr said            2016-03    (explicit)   trade                0.70
//   Valley Courier, 2016-04-02  "Deterrence debate heats up"
//     s_strike    Oren Falk  said            2016-04-01 (explicit)   cyber deterrence     0.85
//     s_priority  Alda Voss  said            2015       (explicit)   cyber deterrence     0.75
//     s_command   Oren Falk  according to    (undated)               cybersecurity        0.60
//     event e_meeting: meeting of Voss and Falk, 2016-04-01
// "cyber deterrence" is a subtopic of "cybersecurity"; Alda Voss has the aliases "Voss" and
// "Minister Voss".
#pragma once

#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.h"
#include "tkg/api/server.h"
#include "tkg/engine/store.h"
#include "tkg/schema/types.h"

namespace tkg::testing {

// The graphs of the two articles above, with ids filled in.
std::vector<ArticleGraph> InventedGraphs();
std::vector<Topic> InventedTopics();
// A corrected version of the Harbor Ledger article (same URL; "250 analysts" instead of "200"),
// with one statement.
ArticleGraph UpdatedLedger();
// A third article, not in the store at first: Lakeside Post, 2016-05-03, Ines Roth said on
// Monday (2016-05-02) that the harbour cameras had been hacked (cybersecurity).
ArticleGraph LakesideArticle();

// Statement ids by the short names above ("s_grid", ...), and actor ids.
struct InventedIds {
  std::string s_grid, s_analysts, s_tariffs, s_strike, s_priority, s_command;
  std::string voss, karr, falk;
  std::string ledger_article, courier_article;
  std::string e_meeting;
};
InventedIds Ids();

// Writes the invented world into a (new or existing) store.
void FillStore(Store& store);
// Creates a store in `dir` holding the invented world, and closes it.
void MakeFilledStore(const std::string& dir);

// A real store in a temp dir, filled with the invented world, served in-process.
class ServedStore {
 public:
  ServedStore();
  // Serves the store already in `store_dir` (filled by FillStore earlier) instead of a new one.
  explicit ServedStore(const std::string& store_dir);
  ~ServedStore();
  Store& store() { return *store_; }
  api::Server& server() { return *server_; }
  int port() const { return server_->port(); }

  // GET path; fails the test when there is no response.
  httplib::Result Get(const std::string& path_and_query);
  // GET and parse the JSON body (any status).
  nlohmann::json GetJson(const std::string& path_and_query, int* status = nullptr,
                         std::string* content_type = nullptr);

 private:
  void Open(const std::string& store_dir, bool fill);
  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<api::Server> server_;
  std::unique_ptr<httplib::Client> client_;
};

// Ids of the statements of an answer, in order.
std::vector<std::string> StatementIds(const nlohmann::json& answer);

}  // namespace tkg::testing
