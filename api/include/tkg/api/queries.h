// The API's requests, independent of HTTP: parameters in (as a client writes them), JSON out. The
// HTTP server and `tkg query` both call these, so a command-line query prints exactly the JSON
// the API returns for the same parameters.
//
// Errors: InvalidArgument for bad parameters (a malformed date, an unknown parameter or format, a
// limit outside 1..1000, a bad cursor), with a message naming the parameter and the value;
// NotFound for unknown ids; any other code comes from the store.
//
// Thread safety: the functions hold no state; they are as thread-safe as the Store (reads run
// concurrently).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "tkg/api/json_views.h"
#include "tkg/engine/store.h"
#include "tkg/schema/status.h"

namespace tkg::api {

struct Params {
  // Parameter name -> value, e.g. {"topic": "cybersecurity", "from": "2016-03"}.
  std::map<std::string, std::string> values;
  // Name parameters in error messages as command-line flags ("--min-confidence") rather than
  // query parameters ("min_confidence"). Default: false.
  bool flag_style = false;

  bool has(const std::string& name) const { return values.count(name) != 0; }
  std::string get(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
  }
};

// Largest page a client may ask for.
inline constexpr size_t kMaxLimit = 1000;
// Most entries a timeline collects (statements and events together); beyond it the answer says
// "truncated": true.
inline constexpr size_t kMaxTimelineEntries = 5000;

// Parameter parsing, exposed for tests and the command line.
Status ParseStatementQuery(const Params& params, StatementQuery* out);
Status ParseEventQuery(const Params& params, EventQuery* out);

// GET /v1/statements?topic=&speaker=&outlet=&from=&to=&q=&limit=&cursor=&min_confidence=
Status StatementsJson(Store& store, const Params& params, Json* out);
// GET /v1/actors?q=&limit=
Status ActorsJson(Store& store, const Params& params, Json* out);
// GET /v1/actors/{id}
Status ActorJson(Store& store, const std::string& id, const Params& params, Json* out);
// GET /v1/actors/{id}/timeline?from=&to=&format=list|timelinejs|vis
Status ActorTimelineJson(Store& store, const std::string& id, const Params& params, Json* out);
// GET /v1/events?participant=&type=&from=&to=&limit=
Status EventsJson(Store& store, const Params& params, Json* out);
// GET /v1/articles/{id}?text=true
Status ArticleJson(Store& store, const std::string& id, const Params& params, Json* out);
// GET /v1/topics
Status TopicsJson(Store& store, const Params& params, Json* out);
// GET /v1/timeline?topic=&speaker=&outlet=&from=&to=&q=&min_confidence=&format=timelinejs|vis|list
Status TimelineJson(Store& store, const Params& params, Json* out);
// GET /healthz
Status HealthJson(Store& store, const Params& params, Json* out);

}  // namespace tkg::api
