// Stable identifiers. The same input always yields the same id, on every machine and run, so
// importing an article twice finds and changes nothing.
//   article    "a" + 16 hex of XXH3-64(canonical URL), else of the article text
//   statement  "s" + 16 hex of (article id, content span)
//   event      "e" + 16 hex of (article id, span)
//   actor      "p"/"o"/"l"/"g" (person/organisation/place/group) + 16 hex of the folded name
//   outlet     "n" + 16 hex of the folded outlet name
//   topic      its name folded to a slug: "cyber-deterrence"
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "tkg/schema/types.h"

namespace tkg {

uint64_t Hash64(std::string_view bytes);
std::string Hex16(uint64_t v);

// Lower-cases ASCII, folds curly quotes, drops a leading "the ", collapses spaces.
std::string FoldName(std::string_view name);

std::string ArticleId(std::string_view canonical_url, std::string_view text);
std::string StatementId(std::string_view article_id, Span content_span);
std::string EventId(std::string_view article_id, Span span);
std::string ActorId(ActorType type, std::string_view canonical_name);
// ActorId of a name already folded (FoldName(canonical_name)): extraction folds every name it
// meets and need not fold it again.
std::string ActorIdOfFolded(ActorType type, std::string_view folded_name);
std::string OutletId(std::string_view outlet_name);
std::string TopicId(std::string_view topic_name);

}  // namespace tkg
