// tkg query: asks a store what the HTTP API would answer, and prints the same JSON.
//   tkg query statements --db DIR [--topic T] [--speaker NAME] ... -> {"statements": [...], ...}
//   tkg query actors|actor|events|article|topics|timeline ...
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "flags.h"
#include "tkg/api/json_views.h"
#include "tkg/api/queries.h"
#include "tkg/engine/store.h"

namespace tkg::cli {
namespace {

using json = api::Json;

// A flag that becomes an API parameter of the same name (dashes turned into underscores).
struct ParamFlag {
  const char* flag;
  const char* help;
  bool boolean = false;  // a flag without a value, passed on as "true"
};

struct QueryKind {
  const char* name;
  const char* args;  // usage after "--db DIR"
  const char* summary;
  std::vector<ParamFlag> params;
  bool takes_id = false;  // one positional: an actor or article id
  std::function<Status(Store&, const std::string& id, const api::Params&, json*)> run;
};

const std::vector<QueryKind>& Kinds() {
  static const std::vector<QueryKind> kinds = {
      {"statements",
       "[--topic T] [--speaker NAME] [--outlet O] [--from DATE] [--to DATE] [--q WORDS] "
       "[--limit N] [--cursor C] [--min-confidence X] [--include-superseded]",
       "statements sorted by date: who said what, about what, and when "
       "(same JSON as GET /v1/statements)",
       {{"topic", "topic name or id; subtopics included"},
        {"speaker", "speaker: actor id, name or alias"},
        {"outlet", "outlet name or id"},
        {"from", "statements whose date overlaps from this date on (YYYY, YYYY-MM, YYYY-MM-DD)"},
        {"to", "... up to this date"},
        {"q", "words that must all occur in the statement"},
        {"limit", "statements per page, 1..1000 (default 50)"},
        {"cursor", "next_cursor of the previous page"},
        {"min-confidence", "lowest confidence, 0..1 (default 0)"},
        {"include-superseded", "also statements of older versions of updated articles", true}},
       false,
       [](Store& s, const std::string&, const api::Params& p, json* out) {
         return api::StatementsJson(s, p, out);
       }},
      {"actors",
       "[--q NAME] [--limit N]",
       "actors whose name or alias starts with NAME (same JSON as GET /v1/actors)",
       {{"q", "start of a name or alias (empty: all)"}, {"limit", "1..1000 (default 50)"}},
       false,
       [](Store& s, const std::string&, const api::Params& p, json* out) {
         return api::ActorsJson(s, p, out);
       }},
      {"actor",
       "ID|NAME",
       "one actor, by id, name or alias (same JSON as GET /v1/actors/{id})",
       {},
       true,
       [](Store& s, const std::string& id, const api::Params& p, json* out) {
         return api::ActorJson(s, id, p, out);
       }},
      {"events",
       "[--participant NAME] [--type T] [--from DATE] [--to DATE] [--limit N]",
       "events (same JSON as GET /v1/events)",
       {{"participant", "actor id, name or alias"},
        {"type", "event type, e.g. meeting"},
        {"from", "events whose date overlaps from this date on"},
        {"to", "... up to this date"},
        {"limit", "1..1000 (default 100)"}},
       false,
       [](Store& s, const std::string&, const api::Params& p, json* out) {
         return api::EventsJson(s, p, out);
       }},
      {"article",
       "ID [--text]",
       "one article with its statements (same JSON as GET /v1/articles/{id})",
       {{"text", "include the article text", true}},
       true,
       [](Store& s, const std::string& id, const api::Params& p, json* out) {
         return api::ArticleJson(s, id, p, out);
       }},
      {"topics",
       "",
       "the topic taxonomy (same JSON as GET /v1/topics)",
       {},
       false,
       [](Store& s, const std::string&, const api::Params& p, json* out) {
         return api::TopicsJson(s, p, out);
       }},
      {"timeline",
       "[--topic T] [--speaker NAME] [--outlet O] [--from DATE] [--to DATE] "
       "[--format timelinejs|vis|list]",
       "a timeline for TimelineJS or vis-timeline (same JSON as GET /v1/timeline)",
       {{"topic", "topic name or id"},
        {"speaker", "actor id, name or alias"},
        {"outlet", "outlet name or id"},
        {"from", "from this date on"},
        {"to", "up to this date"},
        {"q", "words that must all occur"},
        {"min-confidence", "lowest confidence, 0..1"},
        {"format", "timelinejs (default), vis or list"}},
       false,
       [](Store& s, const std::string&, const api::Params& p, json* out) {
         return api::TimelineJson(s, p, out);
       }},
  };
  return kinds;
}

void PrintQueryUsage(FILE* to) {
  std::fprintf(to,
               "usage: tkg query <what> --db DIR [options]\n\n"
               "Asks the store in DIR and prints the JSON the HTTP API would answer.\n\n"
               "what:\n");
  for (const auto& k : Kinds()) std::fprintf(to, "  %-11s %s\n", k.name, k.summary);
  std::fprintf(to, "\n`tkg query <what> --help` lists the options of one query.\n");
}

int RunKind(const QueryKind& kind, const std::vector<std::string>& args) {
  std::string db;
  bool pretty = false;
  std::vector<std::string> values(kind.params.size());
  // std::vector<bool> has no addressable elements.
  std::unique_ptr<bool[]> switches(new bool[kind.params.size() + 1]());
  std::string usage = std::string("tkg query ") + kind.name + " --db DIR";
  if (*kind.args) usage += std::string(" ") + kind.args;
  FlagParser flags(usage, std::string("Prints ") + kind.summary + ".");
  flags.AddString("db", &db, "store directory (required)");
  for (size_t i = 0; i < kind.params.size(); ++i) {
    if (kind.params[i].boolean) {
      flags.AddBool(kind.params[i].flag, &switches[i], kind.params[i].help);
    } else {
      flags.AddString(kind.params[i].flag, &values[i], kind.params[i].help);
    }
  }
  flags.AddBool("pretty", &pretty, "indent the JSON");
  int exit_code = kExitOk;
  if (!ParseOrExit(flags, args, &exit_code)) return exit_code;

  const std::string cmd = std::string("tkg query ") + kind.name;
  std::string id;
  const auto& pos = flags.positionals();
  if (kind.takes_id) {
    if (pos.size() != 1) {
      std::fprintf(stderr, "%s: expects one id%s\nTry %s --help.\n", cmd.c_str(),
                   pos.empty() ? "" : ", not several", cmd.c_str());
      return kExitUsage;
    }
    id = pos[0];
  } else if (!pos.empty()) {
    std::fprintf(stderr, "%s: unexpected argument '%s'\nTry %s --help.\n", cmd.c_str(),
                 pos[0].c_str(), cmd.c_str());
    return kExitUsage;
  }
  if (db.empty()) {
    std::fprintf(stderr, "%s: --db DIR is required\nTry %s --help.\n", cmd.c_str(), cmd.c_str());
    return kExitUsage;
  }

  api::Params params;
  params.flag_style = true;
  for (size_t i = 0; i < kind.params.size(); ++i) {
    if (kind.params[i].boolean && switches[i]) values[i] = "true";
    if (values[i].empty()) continue;  // not given
    std::string name = kind.params[i].flag;
    for (char& c : name)
      if (c == '-') c = '_';
    params.values[name] = values[i];
  }

  std::error_code ec;
  if (!std::filesystem::is_directory(db, ec)) {
    std::fprintf(stderr, "%s: %s: no store there (create one with tkg import --db %s PATH)\n",
                 cmd.c_str(), db.c_str(), db.c_str());
    return kExitStore;
  }
  StoreOptions options;
  options.create_if_missing = false;
  options.read_only = true;
  std::unique_ptr<Store> store;
  if (Status s = Store::Open(options, db, &store); !s.ok()) {
    std::fprintf(stderr, "%s: %s: cannot open the store: %s\n", cmd.c_str(), db.c_str(),
                 s.ToString().c_str());
    return s.IsBusy() ? kExitTempFail : kExitStore;
  }

  json out;
  Status s = kind.run(*store, id, params, &out);
  if (s.IsInvalidArgument()) {
    std::fprintf(stderr, "%s: %s\n", cmd.c_str(), s.message().c_str());
    return kExitUsage;
  }
  if (s.IsNotFound()) {
    std::fprintf(stderr, "%s: %s: %s\n", cmd.c_str(), db.c_str(), s.message().c_str());
    return kExitFailed;
  }
  if (!s.ok()) {
    std::fprintf(stderr, "%s: %s: %s\n", cmd.c_str(), db.c_str(), s.ToString().c_str());
    return s.IsBusy() ? kExitTempFail : kExitStore;
  }
  std::string text = api::Dump(out, pretty ? 2 : -1);
  text += '\n';
  std::fwrite(text.data(), 1, text.size(), stdout);
  return std::fflush(stdout) == 0 ? kExitOk : kExitFailed;
}

int RunQuery(const std::vector<std::string>& args) {
  if (args.empty()) {
    PrintQueryUsage(stderr);
    return kExitUsage;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    PrintQueryUsage(stdout);
    return kExitOk;
  }
  for (const auto& kind : Kinds()) {
    if (args[0] == kind.name) return RunKind(kind, {args.begin() + 1, args.end()});
  }
  std::fprintf(stderr, "tkg query: unknown query '%s'\n\n", args[0].c_str());
  PrintQueryUsage(stderr);
  return kExitUsage;
}

}  // namespace
}  // namespace tkg::cli

TKG_COMMAND("query", "ask a store who said what, about what, and when (prints JSON)",
            tkg::cli::RunQuery);
