// The topic taxonomy, kept as a data file users extend without recompiling (data/topics.tsv).
// Format: one topic a line, tab-separated: name, parent (may be empty), terms separated by '|'.
// Lines starting with '#' and blank lines are ignored. Terms are matched case-insensitively as
// words or phrases; a trailing '*' makes a term a prefix ("cyberattack*"), and a leading '!'
// marks a term that vetoes the topic in the same sentence ("security guard").
// Thread safety: a loaded Taxonomy is immutable; const methods may be called concurrently.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tkg/schema/status.h"
#include "tkg/schema/types.h"

namespace tkg {

class Taxonomy {
 public:
  // Parses the text of a taxonomy file; `origin` names it in error messages.
  static Status Parse(std::string_view text, std::string_view origin, Taxonomy* out);
  static Status Load(const std::string& path, Taxonomy* out);

  const std::vector<Topic>& topics() const { return topics_; }
  const Topic* Find(std::string_view name_or_id) const;
  // The topic and all its ancestors, nearest first. Empty if unknown.
  std::vector<std::string> WithAncestors(std::string_view name) const;
  // The topic and all its descendants.
  std::vector<std::string> WithDescendants(std::string_view name) const;

 private:
  std::vector<Topic> topics_;
};

}  // namespace tkg
