// The JSON of `tkg extract --json`: the contract of ../shared/eval/README.md (article, actors,
// statements, times, events), with extra fields (ids, spans, rule, confidence, date_basis).
#pragma once

#include <nlohmann/json.hpp>

#include "tkg/schema/types.h"

namespace tkg {

nlohmann::json ExtractionToJson(const ArticleGraph& graph);

}  // namespace tkg
