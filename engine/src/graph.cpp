#include "tkg/engine/graph.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <set>

namespace tkg {

void ActorNetwork::AddActor(const std::string& id, const std::string& name) {
  if (id.empty()) return;
  auto [it, fresh] = names_.emplace(id, name);
  if (!fresh && it->second.empty()) it->second = name;
}

ActorLink* ActorNetwork::Link(const std::string& x, const std::string& y) {
  if (x.empty() || y.empty() || x == y) return nullptr;
  auto key = x < y ? std::make_pair(x, y) : std::make_pair(y, x);
  auto [it, fresh] = links_.try_emplace(key);
  if (fresh) {
    it->second.a = key.first;
    it->second.b = key.second;
  }
  return &it->second;
}

void ActorNetwork::AddArticle(const ArticleGraph& g) {
  std::vector<std::string> ids;
  for (const Actor& a : g.actors) {
    AddActor(a.id, a.name);
    if (!a.id.empty()) ids.push_back(a.id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (options_.co_occurrence && ids.size() <= options_.max_actors_per_article) {
    for (size_t i = 0; i < ids.size(); ++i) {
      for (size_t j = i + 1; j < ids.size(); ++j) Link(ids[i], ids[j])->co_occurrence += 1;
    }
  }
  for (const Statement& s : g.statements) {
    AddActor(s.speaker_id, s.speaker);
    for (size_t i = 0; i < s.reported_by_ids.size(); ++i) {
      AddActor(s.reported_by_ids[i], i < s.reported_by.size() ? s.reported_by[i] : "");
      if (!options_.reported_by) continue;
      if (ActorLink* l = Link(s.speaker_id, s.reported_by_ids[i])) l->reported_by += 1;
    }
  }
  for (const Event& e : g.events) {
    std::set<std::string> parts;
    for (size_t i = 0; i < e.participant_ids.size(); ++i) {
      AddActor(e.participant_ids[i], i < e.participants.size() ? e.participants[i] : "");
      if (!e.participant_ids[i].empty()) parts.insert(e.participant_ids[i]);
    }
    if (!options_.co_participation) continue;
    for (auto i = parts.begin(); i != parts.end(); ++i) {
      for (auto j = std::next(i); j != parts.end(); ++j) Link(*i, *j)->co_participation += 1;
    }
  }
}

Status ActorNetwork::FromStore(Store& store, const ActorNetworkOptions& options,
                               ActorNetwork* out) {
  *out = ActorNetwork(options);
  std::string after;
  constexpr size_t kPage = 1000;
  for (;;) {
    std::vector<std::string> ids;
    Status s = store.ListArticles(after, kPage, &ids);
    if (!s.ok()) return s;
    for (const auto& id : ids) {
      ArticleGraph g;
      s = store.GetArticleGraph(id, &g);
      if (!s.ok()) return s;
      out->AddArticle(g);
    }
    if (ids.size() < kPage) return Status::OK();
    after = ids.back();
  }
}

std::vector<ActorLink> ActorNetwork::Links() const {
  std::vector<ActorLink> out;
  out.reserve(links_.size());
  for (const auto& [k, l] : links_) {
    if (l.weight() > 0) out.push_back(l);
  }
  return out;
}

std::vector<ActorCentrality> ActorNetwork::Centrality() const {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  std::vector<ActorCentrality> out;
  std::map<std::string, size_t> index;
  for (const auto& [id, name] : names_) {
    index.emplace(id, out.size());
    ActorCentrality c;
    c.id = id;
    c.name = name;
    out.push_back(std::move(c));
  }
  Graph g(out.size());
  for (const auto& [k, l] : links_) {
    if (l.weight() == 0) continue;
    size_t a = index.at(l.a), b = index.at(l.b);
    boost::add_edge(a, b, g);
    out[a].degree += 1;
    out[b].degree += 1;
    out[a].weighted_degree += l.weight();
    out[b].weighted_degree += l.weight();
  }
  std::vector<double> between(out.size(), 0.0);
  boost::brandes_betweenness_centrality(g,
                                        boost::centrality_map(boost::make_iterator_property_map(
                                            between.begin(), boost::get(boost::vertex_index, g))));
  // Boost 1.74 counts each unordered pair once on an undirected graph: divide by the number of
  // pairs of other vertices.
  double n = static_cast<double>(out.size());
  double pairs = n > 2 ? (n - 1) * (n - 2) / 2 : 0;
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].betweenness = pairs > 0 ? between[i] / pairs : 0;
  }
  std::sort(out.begin(), out.end(), [](const ActorCentrality& x, const ActorCentrality& y) {
    if (x.betweenness != y.betweenness) return x.betweenness > y.betweenness;
    if (x.weighted_degree != y.weighted_degree) return x.weighted_degree > y.weighted_degree;
    return x.id < y.id;
  });
  return out;
}

}  // namespace tkg
