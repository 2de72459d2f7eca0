// Writes: an article and everything derived from it in one WriteBatch, topics, feed states.

#include "store_impl.h"

namespace tkg {

namespace store_internal {

template <class Batch>
Status RocksStore::ApplyCounts(const Counts& d, Batch* b) {
  const std::pair<const char*, int64_t> deltas[] = {
      {"articles", d.articles},    {"actors", d.actors}, {"statements", d.statements},
      {"events", d.events},        {"topics", d.topics}, {"edges", d.edges},
      {"superseded", d.superseded}};
  for (const auto& [name, delta] : deltas) {
    if (delta == 0) continue;
    std::string key = keys::MetaCounter(name), v;
    bool found = false;
    TKG_RETURN_IF_ERROR(Get(meta_, key, &v, &found));
    int64_t cur = found ? static_cast<int64_t>(keys::DecodeU64(v)) : 0;
    cur = std::max<int64_t>(0, cur + delta);
    b->Put(meta_, key, keys::EncodeU64(static_cast<uint64_t>(cur)));
  }
  return Status::OK();
}

namespace {

// Whether `newer` gives every name, alias and role that `older` gave (folded, as UnionActor
// compares them): then replacing `older` by `newer` in a merged actor removes nothing from it.
bool Covers(const Actor& newer, const Actor& older) {
  std::set<std::string> names = NamesOf(newer);
  for (const auto& n : NamesOf(older)) {
    if (!names.count(n)) return false;
  }
  auto role_key = [](const Role& r) { return FoldName(r.title) + '\0' + FoldName(r.of); };
  std::set<std::string> roles;
  for (const auto& r : newer.roles) roles.insert(role_key(r));
  for (const auto& r : older.roles) {
    if (!roles.count(role_key(r))) return false;
  }
  return true;
}

}  // namespace

Status RocksStore::UpdateActor(const std::string& actor_id, const ArticleActor* contribution,
                               const ArticleActor* previous, const std::string& article_id,
                               PendingWrites* b, Counts* d, Relink* relink) {
  std::string key = keys::Node(keys::kActor, actor_id);
  ActorView before;
  bool had = false;
  TKG_RETURN_IF_ERROR(GetRecordW(b, nodes_, key, &before, &had));
  ActorView after;
  bool has = false;
  auto merge = [&](const ArticleActor& aa) {
    UnionActor(&after.actor, aa.actor);
    after.actor.mentions.clear();
    after.article_count += 1;
    after.statement_count += aa.statement_count;
    has = true;
  };
  // A new article (no previous contribution) only adds to the merged actor: union and add, at a
  // cost independent of how many articles mention the actor. So does a new version that still
  // gives everything its old version gave (the usual correction of a page). Only a version that
  // drops the actor, or one of its names or roles, must recompute the merged actor from the
  // other articles that mention it (their X records): what it dropped may come from them too.
  bool rebuild = previous != nullptr &&
                 (contribution == nullptr || !had || !Covers(contribution->actor, previous->actor));
  if (rebuild) {
    // Recompute from every other article that mentions the actor, then this one's new version.
    std::vector<std::string> articles;
    std::string prefix = keys::EdgePrefix(actor_id, EdgeType::kMentions, false);
    Status st = ScanW(b, edges_, prefix, keys::Successor(prefix),
                      [&](std::string_view k, std::string_view) {
                        Edge e;
                        if (keys::ParseEdgeKey(k, &e) && e.from != article_id &&
                            (articles.empty() || articles.back() != e.from)) {
                          articles.push_back(e.from);
                        }
                        return true;
                      });
    TKG_RETURN_IF_ERROR(st);
    for (const auto& a : articles) {
      ArticleActor aa;
      bool f = false;
      TKG_RETURN_IF_ERROR(GetRecordW(b, nodes_, keys::ArticleActorNode(a, actor_id), &aa, &f));
      if (f) merge(aa);
    }
  } else if (had) {
    after = before;
    has = true;
    if (previous != nullptr) {  // the old version's share, replaced by the new one's below
      after.article_count -= std::min<uint32_t>(after.article_count, 1);
      after.statement_count -= std::min(after.statement_count, previous->statement_count);
    }
  }
  if (contribution) merge(*contribution);

  std::set<std::string> old_names = had ? NamesOf(before.actor) : std::set<std::string>();
  std::set<std::string> new_names = has ? NamesOf(after.actor) : std::set<std::string>();
  // The kind of each name entry (keys.h) follows the actor's type and canonical name, which only
  // a recomputation (an update) may change: then the entries of both names are rewritten.
  const bool org = (has ? after.actor.type : before.actor.type) == ActorType::kOrganization;
  const std::string old_own = had ? FoldName(before.actor.name) : std::string();
  const std::string new_own = has ? FoldName(after.actor.name) : std::string();
  auto kind = [&](const std::string& n) {
    return std::string(
        1, !org ? keys::kNameOther : (n == new_own ? keys::kNameOwnOrg : keys::kNameOrgAlias));
  };
  for (const auto& n : old_names) {
    if (!new_names.count(n)) b->Delete(index_, keys::NameKey(n, actor_id));
  }
  for (const auto& n : new_names) {
    bool renamed = had && old_own != new_own && (n == old_own || n == new_own);
    if (!old_names.count(n) || renamed) b->Put(index_, keys::NameKey(n, actor_id), kind(n));
    if (renamed && org) relink->names.insert(n);
  }
  if (org && (had != has || old_own != new_own)) {  // organisations by own name (keys.h)
    if (had && !old_own.empty()) b->Delete(index_, keys::OrgNameKey(old_own, actor_id));
    if (has && !new_own.empty()) b->Put(index_, keys::OrgNameKey(new_own, actor_id), {});
    if (had && !old_own.empty()) relink->names.insert(old_own);
    if (has && !new_own.empty()) relink->names.insert(new_own);
  }
  // Actor links: a person is indexed by surname from when it is first stored until it is gone.
  // Only what changes the inputs of other actors' links fans out (KEYS.md, "Actor links"): a
  // full-name person appearing or going (the bare surnames under its surname), an organisation
  // name or alias appearing or going (the organisations of that name). The actor itself is
  // always re-examined (its mentions, hence its link evidence, may have changed).
  relink->ids.insert(actor_id);
  const Actor& self = has ? after.actor : before.actor;
  if (self.type == ActorType::kPerson) {
    PersonName pn = ParsePersonName(self.name);
    if (pn.form != NameForm::kNone && had != has) {
      if (pn.form == NameForm::kFull) relink->surnames.insert(pn.surname);
      std::string ukey = keys::SurnameKey(pn.surname, actor_id);
      if (has) b->Put(index_, ukey, std::string(1, static_cast<char>(pn.form)));
      if (had) b->Delete(index_, ukey);
    }
  } else if (self.type == ActorType::kOrganization) {
    for (const auto& n : old_names) {
      if (!new_names.count(n)) relink->names.insert(n);
    }
    for (const auto& n : new_names) {
      if (!old_names.count(n)) relink->names.insert(n);
    }
  }
  if (!has) {
    if (had) {
      b->Delete(nodes_, key);
      d->actors -= 1;
    }
    return Status::OK();
  }
  if (!had) d->actors += 1;
  b->Put(nodes_, key, codec::Encode(after));
  return Status::OK();
}

// Checks an article (InvalidArgument names what is wrong) and normalises a copy: fills
// back-references and the content hash, drops duplicate records.
Status RocksStore::Normalise(const ArticleGraph& in, ArticleGraph* out) {
  const std::string& id = in.article.id;
  if (id.empty() || HasNul(id) || id.find('@') != std::string::npos) {
    return Status::InvalidArgument("article '" + in.article.source + "': the article id '" + id +
                                   "' is empty or holds a zero byte or '@'");
  }
  // Ids end key fields at a zero byte (KEYS.md), so none may contain one.
  for (const Actor& a : in.actors) {
    if (HasNul(a.id)) return Status::InvalidArgument("article " + id + ": bad actor id");
  }
  for (const Statement& s : in.statements) {
    bool bad = HasNul(s.id) || HasNul(s.speaker_id);
    for (const auto& r : s.reported_by_ids) bad = bad || HasNul(r);
    if (bad) return Status::InvalidArgument("article " + id + ": bad id in statement " + s.id);
  }
  for (const Event& e : in.events) {
    bool bad = HasNul(e.id);
    for (const auto& p : e.participant_ids) bad = bad || HasNul(p);
    if (bad) return Status::InvalidArgument("article " + id + ": bad id in event " + e.id);
  }
  ArticleGraph& g = *out;
  g = ArticleGraph();
  g.article = in.article;
  if (g.article.content_hash.empty()) g.article.content_hash = Hex16(Hash64(g.article.text));
  g.times = in.times;
  {
    std::map<std::string, size_t> pos;
    for (const Actor& a : in.actors) {
      if (a.id.empty()) {
        return Status::InvalidArgument("article " + id + ": actor '" + a.name + "' has no id");
      }
      auto [it, fresh] = pos.emplace(a.id, g.actors.size());
      if (fresh) {
        g.actors.push_back(a);
      } else {
        Actor& into = g.actors[it->second];
        UnionActor(&into, a);
        into.mentions.insert(into.mentions.end(), a.mentions.begin(), a.mentions.end());
      }
    }
    std::set<std::string> seen;
    for (const Statement& s : in.statements) {
      if (s.id.empty()) {
        return Status::InvalidArgument("article " + id + ": a statement has no id ('" + s.text +
                                       "')");
      }
      if (!s.article_id.empty() && s.article_id != id) {
        return Status::InvalidArgument("article " + id + ": statement " + s.id +
                                       " names another article (" + s.article_id + ")");
      }
      if (!seen.insert(s.id).second) continue;
      g.statements.push_back(s);
      g.statements.back().article_id = id;
    }
    seen.clear();
    for (const Event& e : in.events) {
      if (e.id.empty()) return Status::InvalidArgument("article " + id + ": an event has no id");
      if (!e.article_id.empty() && e.article_id != id) {
        return Status::InvalidArgument("article " + id + ": event " + e.id +
                                       " names another article (" + e.article_id + ")");
      }
      if (!seen.insert(e.id).second) continue;
      g.events.push_back(e);
      g.events.back().article_id = id;
    }
  }
  return Status::OK();
}

Status RocksStore::StageArticle(const ArticleGraph& g, PendingWrites* bp, Counts* dp, Relink* rp,
                                PutOutcome* outcome) {
  PendingWrites& b = *bp;
  Counts& d = *dp;
  Relink& relink = *rp;
  const std::string& id = g.article.id;
  Article stored;
  bool found = false;
  TKG_RETURN_IF_ERROR(GetRecordW(&b, nodes_, keys::Node(keys::kArticle, id), &stored, &found));
  ArticleGraph old;
  bool updating = false;
  if (found) {
    if (stored.content_hash == g.article.content_hash) {
      *outcome = PutOutcome::kUnchanged;
      return Status::OK();
    }
    bool f = false;
    TKG_RETURN_IF_ERROR(LoadArticleGraph(id, nullptr, &old, &f, &b));
    updating = true;
  }

  uint32_t version = 1;
  if (updating) {
    // The old version becomes history: its statements move out of the main indexes into the
    // history indexes and records (keyed by article id and version), with its text and article
    // record, so that they stay queryable (include_superseded) and their evidence readable.
    std::vector<codec::VersionRecord> versions;
    TKG_RETURN_IF_ERROR(LoadVersions(id, nullptr, &versions, &b));
    codec::VersionRecord ov;
    if (!versions.empty()) {
      ov = versions.back();
    } else {  // stored before versions were recorded: it was the first
      ov.version = 1;
      ov.article = old.article;
      ov.statement_count = static_cast<uint32_t>(old.statements.size());
    }
    ov.article.text.clear();
    ov.superseded = true;
    version = ov.version + 1;
    b.Put(nodes_, keys::VersionKey(id, ov.version), codec::Encode(ov));
    b.Put(text_, keys::VersionTextKey(id, ov.version), old.article.text);
    std::string old_outlet =
        old.article.outlet.empty() ? std::string() : OutletId(old.article.outlet);
    std::map<std::string, std::string> history;
    for (const auto& s : old.statements) {
      b.Put(nodes_, keys::HistoryStatementKey(id, ov.version, s.id), codec::Encode(s));
      StatementIndex(s, old_outlet, true, keys::HistoryRowId(s.id, id, ov.version), &history);
    }
    for (const auto& [k, v] : history) b.Put(index_, k, v);
    d.superseded += static_cast<int64_t>(old.statements.size());

    Derived od = Derive(old);
    for (const auto& [k, e] : od.edges) {
      b.Delete(edges_, k);
      b.Delete(edges_, keys::EdgeKey(e, false));
    }
    d.edges -= static_cast<int64_t>(od.edges.size());
    for (const auto& [k, v] : od.index) b.Delete(index_, k);
    for (const auto& s : old.statements) b.Delete(nodes_, keys::Node(keys::kStatement, s.id));
    for (const auto& e : old.events) b.Delete(nodes_, keys::Node(keys::kEvent, e.id));
    for (const auto& a : old.actors) b.Delete(nodes_, keys::ArticleActorNode(id, a.id));
    d.statements -= static_cast<int64_t>(old.statements.size());
    d.events -= static_cast<int64_t>(old.events.size());
  } else {
    d.articles += 1;
  }

  b.Put(nodes_, keys::Node(keys::kArticle, id), codec::Encode(g.article));
  b.Put(text_, keys::TextKey(id), g.article.text);
  {
    codec::VersionRecord nv;
    nv.version = version;
    nv.article = g.article;
    nv.article.text.clear();
    nv.statement_count = static_cast<uint32_t>(g.statements.size());
    b.Put(nodes_, keys::VersionKey(id, version), codec::Encode(nv));
  }
  if (!g.article.outlet.empty()) {
    std::string okey = keys::Node(keys::kOutlet, OutletId(g.article.outlet)), v;
    bool f = false;
    TKG_RETURN_IF_ERROR(GetW(&b, nodes_, okey, &v, &f));
    if (!f) b.Put(nodes_, okey, codec::EncodeOutlet(g.article.outlet));
  }

  // Actors: this article's view of each, and the merged view across articles.
  std::unordered_map<std::string, uint32_t> said;
  for (const auto& s : g.statements) {
    if (!s.speaker_id.empty()) said[s.speaker_id] += 1;
  }
  std::map<std::string, ArticleActor> contributions;
  Manifest m;
  for (const Actor& a : g.actors) {
    ArticleActor aa{a, said.count(a.id) ? said[a.id] : 0};
    b.Put(nodes_, keys::ArticleActorNode(id, a.id), codec::Encode(aa));
    m.actor_ids.push_back(a.id);
    contributions.emplace(a.id, std::move(aa));
  }
  // The old version's view of each actor (as its X records hold it), so that an update can
  // replace it in the merged actor instead of recomputing it from every article.
  std::map<std::string, ArticleActor> previous;
  {
    std::unordered_map<std::string, uint32_t> old_said;
    for (const auto& s : old.statements) {
      if (!s.speaker_id.empty()) old_said[s.speaker_id] += 1;
    }
    for (const Actor& a : old.actors) {
      auto it = old_said.find(a.id);
      previous.emplace(a.id, ArticleActor{a, it == old_said.end() ? 0 : it->second});
    }
  }
  std::set<std::string> touched;
  for (const auto& [aid, aa] : contributions) touched.insert(aid);
  for (const auto& [aid, aa] : previous) touched.insert(aid);
  for (const auto& aid : touched) {
    auto it = contributions.find(aid);
    auto pt = previous.find(aid);
    TKG_RETURN_IF_ERROR(UpdateActor(aid, it == contributions.end() ? nullptr : &it->second,
                                    pt == previous.end() ? nullptr : &pt->second, id, &b, &d,
                                    &relink));
  }

  std::set<std::string> new_topics;
  for (const auto& s : g.statements) {
    b.Put(nodes_, keys::Node(keys::kStatement, s.id), codec::Encode(s));
    m.statement_ids.push_back(s.id);
    for (const auto& t : s.topics) {
      std::string tid = TopicId(t);
      if (tid.empty() || new_topics.count(tid)) continue;
      std::string tkey = keys::Node(keys::kTopic, tid), v;
      bool f = false;
      TKG_RETURN_IF_ERROR(GetW(&b, nodes_, tkey, &v, &f));
      if (f) continue;
      new_topics.insert(tid);
      Topic topic;
      topic.id = tid;
      topic.name = t;
      b.Put(nodes_, tkey, codec::Encode(topic));
      d.topics += 1;
    }
  }
  d.statements += static_cast<int64_t>(g.statements.size());
  for (const auto& e : g.events) {
    b.Put(nodes_, keys::Node(keys::kEvent, e.id), codec::Encode(e));
    m.event_ids.push_back(e.id);
  }
  d.events += static_cast<int64_t>(g.events.size());

  Derived nd = Derive(g);
  for (const auto& [k, e] : nd.edges) {
    std::string v = keys::EncodeSpan(e.evidence);
    b.Put(edges_, k, v);
    b.Put(edges_, keys::EdgeKey(e, false), v);
  }
  d.edges += static_cast<int64_t>(nd.edges.size());
  for (const auto& [k, v] : nd.index) b.Put(index_, k, v);

  m.times = g.times;
  b.Put(nodes_, keys::Node(keys::kManifest, id), codec::Encode(m));
  *outcome = updating ? PutOutcome::kUpdated : PutOutcome::kInserted;
  return Status::OK();
}

Status RocksStore::PutArticle(const ArticleGraph& graph, PutOutcome* outcome) {
  std::vector<PutResult> results;
  TKG_RETURN_IF_ERROR(PutArticles({&graph}, &results));
  *outcome = results[0].outcome;
  return results[0].status;
}

Status RocksStore::PutArticles(const std::vector<const ArticleGraph*>& graphs,
                               std::vector<PutResult>* results) {
  TKG_RETURN_IF_ERROR(WritableCheck());
  results->assign(graphs.size(), PutResult());
  std::vector<ArticleGraph> norm(graphs.size());
  for (size_t i = 0; i < graphs.size(); ++i) {
    (*results)[i].status = Normalise(*graphs[i], &norm[i]);
  }

  std::lock_guard<std::mutex> lock(write_mu_);
  // RocksDB counts every key comparison in its thread-local perf context by default (a TLS
  // lookup each, several per memtable insert); nothing reads those counts here.
  const rdb::PerfLevel perf_level = rdb::GetPerfLevel();
  rdb::SetPerfLevel(rdb::PerfLevel::kDisable);
  Status s = WriteGroup(norm, results);
  rdb::SetPerfLevel(perf_level);
  if (!s.ok()) {  // nothing of the group was written
    for (PutResult& r : *results) {
      if (r.status.ok()) r.status = s;
    }
  }
  return s;
}

Status RocksStore::WriteGroup(const std::vector<ArticleGraph>& norm,
                              std::vector<PutResult>* results) {
  // Readable before it is written: each article reads what the articles before it in the group
  // wrote (the same article twice, a merged actor, a new topic), and actor links are decided on
  // the state the whole group leaves (ApplyRelink).
  PendingWrites b;
  Counts total;
  Relink relink;
  std::string first_id;
  for (size_t i = 0; i < norm.size(); ++i) {
    PutResult& r = (*results)[i];
    if (!r.status.ok()) continue;
    Counts d;
    Relink rl;
    // Everything an article can be at fault for was checked by Normalise: what fails here is
    // the store (a read, a record that does not decode), and then none of the group is written.
    TKG_RETURN_IF_ERROR(StageArticle(norm[i], &b, &d, &rl, &r.outcome));
    if (first_id.empty()) first_id = norm[i].article.id;
    total.articles += d.articles;
    total.actors += d.actors;
    total.statements += d.statements;
    total.events += d.events;
    total.topics += d.topics;
    total.edges += d.edges;
    total.superseded += d.superseded;
    relink.ids.merge(rl.ids);
    relink.surnames.merge(rl.surnames);
    relink.names.merge(rl.names);
  }
  if (b.Count() == 0) return Status::OK();  // nothing new (kUnchanged)
  // Links are a function of the stored records only (KEYS.md, "Actor links"), so deciding them
  // once on the group's final state gives what deciding them after each article would.
  TKG_RETURN_IF_ERROR(ApplyRelink(relink, &b));
  TKG_RETURN_IF_ERROR(ApplyCounts(total, &b));
  std::string what = dir_ + ": cannot write article " + first_id;
  if (norm.size() > 1) what += " and the others of its group";
  return WritePending(b, what);
}

Status RocksStore::WritePending(const PendingWrites& b, const std::string& what) {
  rdb::WriteBatch batch(b.ByteSize());
  b.AppendTo(&batch);
  return FromRocks(db_->Write(rdb::WriteOptions(), &batch), what);
}

Status RocksStore::PutTopics(const std::vector<Topic>& topics) {
  TKG_RETURN_IF_ERROR(WritableCheck());
  std::lock_guard<std::mutex> lock(write_mu_);
  rdb::WriteBatch b;
  Counts d;
  std::set<std::string> written;
  for (Topic t : topics) {
    if (t.id.empty()) t.id = TopicId(t.name);
    if (t.id.empty() || HasNul(t.id)) {
      return Status::InvalidArgument("topic '" + t.name + "': the name gives no usable id");
    }
    if (!written.insert(t.id).second) continue;  // the first of duplicates wins
    std::string key = keys::Node(keys::kTopic, t.id), v;
    bool f = false;
    TKG_RETURN_IF_ERROR(Get(nodes_, key, &v, &f));
    std::string enc = codec::Encode(t);
    if (!f) d.topics += 1;
    if (!f || v != enc) b.Put(nodes_, key, enc);
    // The one taxonomy edge of this topic (article id empty): replace a stale parent.
    std::string parent = t.parent.empty() ? std::string() : TopicId(t.parent);
    std::vector<Edge> current;
    TKG_RETURN_IF_ERROR(NeighborsAt(t.id, EdgeType::kSubtopicOf, true, nullptr, &current));
    bool present = false;
    for (const Edge& e : current) {
      if (!e.article_id.empty()) continue;
      if (e.to == parent && !present) {
        present = true;
        continue;
      }
      b.Delete(edges_, keys::EdgeKey(e, true));
      b.Delete(edges_, keys::EdgeKey(e, false));
      d.edges -= 1;
    }
    if (!parent.empty() && !present && parent != t.id) {
      Edge e{t.id, EdgeType::kSubtopicOf, parent, {}, {}, {}};
      b.Put(edges_, keys::EdgeKey(e, true), keys::EncodeSpan({}));
      b.Put(edges_, keys::EdgeKey(e, false), keys::EncodeSpan({}));
      d.edges += 1;
    }
  }
  if (b.Count() == 0) return Status::OK();
  TKG_RETURN_IF_ERROR(ApplyCounts(d, &b));
  return FromRocks(db_->Write(rdb::WriteOptions(), &b), dir_ + ": cannot write topics");
}

Status RocksStore::PutFeedState(const FeedState& state) {
  TKG_RETURN_IF_ERROR(WritableCheck());
  if (state.url.empty()) return Status::InvalidArgument("feed state: empty feed URL");
  FeedState trimmed;
  const FeedState* st = &state;
  if (state.seen_ids.size() > FeedState::kMaxSeenIds) {
    trimmed = state;
    trimmed.seen_ids.erase(trimmed.seen_ids.begin(),
                           trimmed.seen_ids.end() - FeedState::kMaxSeenIds);
    st = &trimmed;
  }
  rdb::WriteBatch b;
  b.Put(meta_, keys::FeedKey(st->url), codec::Encode(*st));
  return FromRocks(db_->Write(rdb::WriteOptions(), &b),
                   dir_ + ": cannot write the state of feed " + st->url);
}

}  // namespace store_internal

}  // namespace tkg
