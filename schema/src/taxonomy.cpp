#include "tkg/schema/taxonomy.h"

#include <fstream>
#include <sstream>

#include "tkg/schema/ids.h"

namespace tkg {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string_view::npos ? s.npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

}  // namespace

Status Taxonomy::Parse(std::string_view text, std::string_view origin, Taxonomy* out) {
  Taxonomy result;
  size_t line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    auto fields = Split(line, '\t');
    std::string where = std::string(origin) + ":" + std::to_string(line_no) + ": ";
    if (fields.size() < 3) {
      return Status::InvalidArgument(where + "expected 3 tab-separated fields (name, parent, terms)");
    }
    Topic topic;
    topic.name = std::string(Trim(fields[0]));
    topic.parent = std::string(Trim(fields[1]));
    if (topic.name.empty()) return Status::InvalidArgument(where + "empty topic name");
    topic.id = TopicId(topic.name);
    if (result.Find(topic.id) != nullptr) {
      return Status::InvalidArgument(where + "topic '" + topic.name + "' defined twice");
    }
    for (std::string_view term : Split(fields[2], '|')) {
      term = Trim(term);
      if (!term.empty()) topic.terms.emplace_back(term);
    }
    result.topics_.push_back(std::move(topic));
  }
  for (const Topic& t : result.topics_) {
    if (!t.parent.empty() && result.Find(t.parent) == nullptr) {
      return Status::InvalidArgument(std::string(origin) + ": topic '" + t.name +
                                     "' names an unknown parent '" + t.parent + "'");
    }
  }
  // A parent chain that loops would make WithAncestors spin: refuse it.
  for (const Topic& t : result.topics_) {
    const Topic* cur = &t;
    for (size_t steps = 0; cur != nullptr && !cur->parent.empty(); ++steps) {
      if (steps > result.topics_.size()) {
        return Status::InvalidArgument(std::string(origin) + ": topic '" + t.name +
                                       "' is its own ancestor");
      }
      cur = result.Find(cur->parent);
    }
  }
  *out = std::move(result);
  return Status::OK();
}

Status Taxonomy::Load(const std::string& path, Taxonomy* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot read the topic taxonomy");
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path, out);
}

const Topic* Taxonomy::Find(std::string_view name_or_id) const {
  std::string id = TopicId(name_or_id);
  for (const Topic& t : topics_) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

std::vector<std::string> Taxonomy::WithAncestors(std::string_view name) const {
  std::vector<std::string> out;
  for (const Topic* t = Find(name); t != nullptr; t = t->parent.empty() ? nullptr : Find(t->parent)) {
    out.push_back(t->name);
  }
  return out;
}

std::vector<std::string> Taxonomy::WithDescendants(std::string_view name) const {
  std::vector<std::string> out;
  const Topic* root = Find(name);
  if (root == nullptr) return out;
  out.push_back(root->name);
  for (size_t i = 0; i < out.size(); ++i) {
    std::string id = TopicId(out[i]);
    for (const Topic& t : topics_) {
      if (!t.parent.empty() && TopicId(t.parent) == id) out.push_back(t.name);
    }
  }
  return out;
}

}  // namespace tkg
