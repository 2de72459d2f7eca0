// tkg::Store: the public free functions, the defaults of members added to the interface later,
// and the helpers the store_*.cpp files share (store_impl.h).
#include "store_impl.h"

namespace tkg {

std::string_view EdgeTypeName(EdgeType t) {
  switch (t) {
    case EdgeType::kSaidBy:
      return "said_by";
    case EdgeType::kInArticle:
      return "in_article";
    case EdgeType::kAbout:
      return "about";
    case EdgeType::kReportedBy:
      return "reported_by";
    case EdgeType::kPublishedBy:
      return "published_by";
    case EdgeType::kHoldsRole:
      return "holds_role";
    case EdgeType::kParticipant:
      return "participant";
    case EdgeType::kMentions:
      return "mentions";
    case EdgeType::kSubtopicOf:
      return "subtopic_of";
  }
  return "unknown";
}

bool ParseEdgeType(std::string_view name, EdgeType* out) {
  for (int i = 1; i <= static_cast<int>(EdgeType::kSubtopicOf); ++i) {
    auto t = static_cast<EdgeType>(i);
    if (EdgeTypeName(t) == name) {
      *out = t;
      return true;
    }
  }
  return false;
}

Store::~Store() = default;

Status Store::ListArticles(const std::string&, size_t, std::vector<std::string>* ids) {
  ids->clear();
  return Status::InvalidArgument("ListArticles: not supported by this store implementation");
}

Status Store::CatchUp() { return Status::OK(); }

Status Store::PutArticles(const std::vector<const ArticleGraph*>& graphs,
                          std::vector<PutResult>* results) {
  results->assign(graphs.size(), PutResult());
  for (size_t i = 0; i < graphs.size(); ++i) {
    PutResult& r = (*results)[i];
    r.status = PutArticle(*graphs[i], &r.outcome);
    if (!r.status.ok() && !r.status.IsInvalidArgument()) {
      for (size_t j = i + 1; j < graphs.size(); ++j) (*results)[j].status = r.status;
      return r.status;
    }
  }
  return Status::OK();
}

Status Store::ArticleVersions(const std::string&, std::vector<ArticleVersionInfo>* out) {
  out->clear();
  return Status::InvalidArgument("ArticleVersions: not supported by this store implementation");
}

Status Store::GetFeedState(const std::string& feed_url, FeedState* out) {
  *out = FeedState();
  out->url = feed_url;
  return Status::InvalidArgument("GetFeedState: not supported by this store implementation");
}

Status Store::PutFeedState(const FeedState&) {
  return Status::InvalidArgument("PutFeedState: not supported by this store implementation");
}

namespace store_internal {

Status FromRocks(const rdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::OK();
  if (s.IsCorruption()) return Status::Corruption(what + ": " + s.ToString());
  if (s.IsNotFound()) return Status::NotFound(what + ": " + s.ToString());
  if (s.IsBusy() || s.IsTimedOut() || s.IsTryAgain())
    return Status::Busy(what + ": " + s.ToString());
  return Status::IOError(what + ": " + s.ToString());
}

bool LooksLikeLockError(const rdb::Status& s) {
  std::string m = s.ToString();
  std::transform(m.begin(), m.end(), m.begin(), [](unsigned char c) { return std::tolower(c); });
  return m.find("lock") != std::string::npos;
}

int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Lower-case ASCII words of a text.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      cur.push_back(static_cast<char>(std::tolower(c)));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool ContainsAllWords(std::string_view text, const std::vector<std::string>& words) {
  if (words.empty()) return true;
  std::vector<std::string> have = Words(text);
  std::unordered_set<std::string> set(have.begin(), have.end());
  for (const auto& w : words) {
    if (!set.count(w)) return false;
  }
  return true;
}

// The folded names under which an actor is found: canonical name and aliases.
std::set<std::string> NamesOf(const Actor& a) {
  std::set<std::string> out;
  std::string n = FoldName(a.name);
  if (!n.empty()) out.insert(n);
  for (const auto& al : a.aliases) {
    std::string f = FoldName(al);
    if (!f.empty()) out.insert(f);
  }
  return out;
}

// Unions `add` into `into` (aliases and roles), keeping first-seen order.
void UnionActor(Actor* into, const Actor& add) {
  if (into->id.empty()) {
    into->id = add.id;
    into->name = add.name;
    into->type = add.type;
  }
  std::set<std::string> seen;
  seen.insert(FoldName(into->name));
  for (const auto& al : into->aliases) seen.insert(FoldName(al));
  for (const auto& al : add.aliases) {
    if (seen.insert(FoldName(al)).second) into->aliases.push_back(al);
  }
  if (FoldName(add.name) != FoldName(into->name) && seen.insert(FoldName(add.name)).second) {
    into->aliases.push_back(add.name);
  }
  auto role_key = [](const Role& r) { return FoldName(r.title) + '\0' + FoldName(r.of); };
  std::set<std::string> roles;
  for (const auto& r : into->roles) roles.insert(role_key(r));
  for (const auto& r : add.roles) {
    if (roles.insert(role_key(r)).second) into->roles.push_back(r);
  }
}

// The index entries of one statement: under the main statement indexes with the statement id
// as row id, or (a superseded statement) under their history twins with a HistoryRowId.
void StatementIndex(const Statement& s, const std::string& outlet_id, bool history,
                    const std::string& row_id, std::map<std::string, std::string>* index) {
  auto base = [&](char tag, std::string_view field = {}) {
    return keys::DateBase(history ? keys::HistoryIndex(tag) : tag, field);
  };
  std::string v = keys::DateEntryValue(s.date);
  (*index)[keys::DateEntry(base(keys::kIdxStmtDate), s.date, row_id)] = v;
  for (const auto& t : s.topics) {
    std::string tid = TopicId(t);
    if (tid.empty()) continue;
    (*index)[keys::DateEntry(base(keys::kIdxStmtTopic, tid), s.date, row_id)] = v;
  }
  if (!s.speaker_id.empty()) {
    (*index)[keys::DateEntry(base(keys::kIdxStmtSpeaker, s.speaker_id), s.date, row_id)] = v;
  }
  if (!outlet_id.empty()) {
    (*index)[keys::DateEntry(base(keys::kIdxStmtOutlet, outlet_id), s.date, row_id)] = v;
  }
}

Derived Derive(const ArticleGraph& g) {
  Derived d;
  const std::string& aid = g.article.id;
  auto add = [&](std::string from, EdgeType type, std::string to, Span ev, std::string data = {}) {
    if (from.empty() || to.empty()) return;
    Edge e{std::move(from), type, std::move(to), std::move(data), aid, ev};
    std::string k = keys::EdgeKey(e, true);
    d.edges.emplace(std::move(k), std::move(e));
  };
  std::string outlet_id = g.article.outlet.empty() ? std::string() : OutletId(g.article.outlet);
  add(aid, EdgeType::kPublishedBy, outlet_id, g.article.headline_span);
  std::map<std::string, std::string> by_name;  // folded name or alias -> actor id
  for (const Actor& a : g.actors) {
    for (const auto& n : NamesOf(a)) by_name.emplace(n, a.id);
  }
  for (const Actor& a : g.actors) {
    add(aid, EdgeType::kMentions, a.id, a.mentions.empty() ? Span{} : a.mentions.front());
    for (const Role& r : a.roles) {
      if (r.of.empty()) continue;
      auto it = by_name.find(FoldName(r.of));
      if (it == by_name.end() || it->second == a.id) continue;
      add(a.id, EdgeType::kHoldsRole, it->second, r.evidence, r.title);
    }
  }
  for (const Statement& s : g.statements) {
    add(s.id, EdgeType::kInArticle, aid, s.sentence_span);
    add(s.id, EdgeType::kSaidBy, s.speaker_id, s.source_span);
    for (const auto& t : s.topics) add(s.id, EdgeType::kAbout, TopicId(t), s.text_span);
    for (const auto& r : s.reported_by_ids) add(s.id, EdgeType::kReportedBy, r, s.sentence_span);
    StatementIndex(s, outlet_id, false, s.id, &d.index);
  }
  for (const Event& e : g.events) {
    add(e.id, EdgeType::kInArticle, aid, e.span);
    for (const auto& p : e.participant_ids) add(e.id, EdgeType::kParticipant, p, e.span);
    std::string v = keys::DateEntryValue(e.date);
    d.index[keys::DateEntry(keys::DateBase(keys::kIdxEventDate), e.date, e.id)] = v;
    for (const auto& p : e.participant_ids) {
      if (p.empty()) continue;
      d.index[keys::DateEntry(keys::DateBase(keys::kIdxEventActor, p), e.date, e.id)] = v;
    }
  }
  return d;
}

}  // namespace store_internal
}  // namespace tkg
