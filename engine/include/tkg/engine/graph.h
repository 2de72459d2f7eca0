// The actor network: who is linked to whom across the articles, and who is central. Actors are
// vertices; two actors are linked when one relayed the other's statement (reported_by), when
// they took part in one event (co-participation), or when one article mentions both
// (co-occurrence). Centralities are computed with Boost.Graph.
// Thread safety: build on one thread; const methods may then be called concurrently.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "tkg/engine/store.h"

namespace tkg {

struct ActorNetworkOptions {
  bool reported_by = true;       // link a statement's speaker with each actor relaying it
  bool co_participation = true;  // link the participants of one event pairwise
  bool co_occurrence = true;     // link the actors of one article pairwise
  // Articles with more actors than this add no co-occurrence links: the pairs grow
  // quadratically and a long list says little about any one pair. Default: 30.
  size_t max_actors_per_article = 30;
};

// An undirected link with the evidence counts of each kind.
struct ActorLink {
  std::string a, b;  // actor ids, a < b
  uint32_t reported_by = 0;
  uint32_t co_participation = 0;
  uint32_t co_occurrence = 0;
  uint32_t weight() const { return reported_by + co_participation + co_occurrence; }
};

struct ActorCentrality {
  std::string id;
  std::string name;
  uint32_t degree = 0;           // distinct neighbours
  uint64_t weighted_degree = 0;  // sum of the weights of its links
  // Brandes betweenness on the unweighted graph, normalised to 0..1 by the number of pairs of
  // other actors ((n-1)(n-2)/2): the share of shortest paths between others that pass through it.
  double betweenness = 0;
};

class ActorNetwork {
 public:
  explicit ActorNetwork(ActorNetworkOptions options = {}) : options_(options) {}

  // Adds one article's actors and links. Add each article once.
  void AddArticle(const ArticleGraph& graph);
  // The network of every article in the store (walks ListArticles and GetArticleGraph).
  static Status FromStore(Store& store, const ActorNetworkOptions& options, ActorNetwork* out);

  size_t actor_count() const { return names_.size(); }
  // Links ordered by (a, b).
  std::vector<ActorLink> Links() const;
  // Every actor with its centralities, most central first (betweenness, then weighted degree,
  // then id).
  std::vector<ActorCentrality> Centrality() const;

 private:
  void AddActor(const std::string& id, const std::string& name);
  ActorLink* Link(const std::string& x, const std::string& y);

  ActorNetworkOptions options_;
  std::map<std::string, std::string> names_;  // actor id -> canonical name
  std::map<std::pair<std::string, std::string>, ActorLink> links_;
};

}  // namespace tkg
