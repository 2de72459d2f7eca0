// Reads: articles, edges, statement and event queries over the date-sorted indexes, topics,
// stats, article listing, feed states.

#include "store_impl.h"

namespace tkg {

namespace store_internal {

Status RocksStore::GetArticle(const std::string& id_arg, Article* out) {
  const std::string id = id_arg;  // the caller may pass out->id
  ReadView snap(this);
  bool f = false;
  TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kArticle, id), out, &f, snap.get()));
  if (!f) return Status::NotFound("article " + id + " is not in the store " + dir_);
  return Get(text_, keys::TextKey(id), &out->text, &f, snap.get());
}

Status RocksStore::GetArticleGraph(const std::string& id_arg, ArticleGraph* out) {
  const std::string id = id_arg;  // the caller may pass out->article.id
  ReadView snap(this);
  bool f = false;
  TKG_RETURN_IF_ERROR(LoadArticleGraph(id, snap.get(), out, &f));
  if (!f) return Status::NotFound("article " + id + " is not in the store " + dir_);
  return Status::OK();
}

Status RocksStore::LoadArticleGraph(const std::string& id, const rdb::Snapshot* snap,
                                    ArticleGraph* out, bool* found, PendingWrites* pending) {
  *out = ArticleGraph();
  auto get_record = [&](rdb::ColumnFamilyHandle* cf, const std::string& key, auto* rec, bool* f) {
    return pending != nullptr ? GetRecordW(pending, cf, key, rec, f)
                              : GetRecord(cf, key, rec, f, snap);
  };
  TKG_RETURN_IF_ERROR(get_record(nodes_, keys::Node(keys::kArticle, id), &out->article, found));
  if (!*found) return Status::OK();
  bool f = false;
  TKG_RETURN_IF_ERROR(pending != nullptr
                          ? GetW(pending, text_, keys::TextKey(id), &out->article.text, &f)
                          : Get(text_, keys::TextKey(id), &out->article.text, &f, snap));
  Manifest m;
  TKG_RETURN_IF_ERROR(get_record(nodes_, keys::Node(keys::kManifest, id), &m, &f));
  if (!f) return Status::Corruption(dir_ + ": article " + id + " has no manifest");
  for (const auto& aid : m.actor_ids) {
    ArticleActor aa;
    TKG_RETURN_IF_ERROR(get_record(nodes_, keys::ArticleActorNode(id, aid), &aa, &f));
    if (!f) return Status::Corruption(dir_ + ": article " + id + " lost actor " + aid);
    out->actors.push_back(std::move(aa.actor));
  }
  for (const auto& sid : m.statement_ids) {
    Statement s;
    TKG_RETURN_IF_ERROR(get_record(nodes_, keys::Node(keys::kStatement, sid), &s, &f));
    if (!f) return Status::Corruption(dir_ + ": article " + id + " lost statement " + sid);
    out->statements.push_back(std::move(s));
  }
  for (const auto& eid : m.event_ids) {
    Event e;
    TKG_RETURN_IF_ERROR(get_record(nodes_, keys::Node(keys::kEvent, eid), &e, &f));
    if (!f) return Status::Corruption(dir_ + ": article " + id + " lost event " + eid);
    out->events.push_back(std::move(e));
  }
  out->times = std::move(m.times);
  return Status::OK();
}

Status RocksStore::NeighborsAt(const std::string& node_id, EdgeType type, bool outgoing,
                               const rdb::Snapshot* snap, std::vector<Edge>* out) {
  std::string prefix = keys::EdgePrefix(node_id, type, outgoing);
  bool bad = false;
  TKG_RETURN_IF_ERROR(Scan(edges_, prefix, keys::Successor(prefix), snap,
                           [&](std::string_view k, std::string_view v) {
                             Edge e;
                             if (!keys::ParseEdgeKey(k, &e) || !keys::DecodeSpan(v, &e.evidence)) {
                               bad = true;
                               return false;
                             }
                             out->push_back(std::move(e));
                             return true;
                           }));
  if (bad) return Status::Corruption(dir_ + ": malformed edge of node " + node_id);
  return Status::OK();
}

Status RocksStore::Neighbors(const std::string& node_id, EdgeType type, bool outgoing,
                             std::vector<Edge>* out) {
  const std::string node = node_id;  // the caller may pass a field of an edge in *out
  out->clear();
  ReadView snap(this);
  return NeighborsAt(node, type, outgoing, snap.get(), out);
}

Status RocksStore::TopicWithDescendants(const std::string& q, const rdb::Snapshot* snap,
                                        std::vector<std::string>* ids) {
  ids->clear();
  std::string v;
  bool f = false;
  TKG_RETURN_IF_ERROR(Get(nodes_, keys::Node(keys::kTopic, q), &v, &f, snap));
  std::string root = f ? q : TopicId(q);
  if (root.empty()) return Status::OK();
  std::set<std::string> seen{root};
  ids->push_back(root);
  constexpr size_t kMaxTopics = 64;  // a topic query stays a handful of scans
  for (size_t i = 0; i < ids->size() && ids->size() < kMaxTopics; ++i) {
    std::vector<Edge> children;
    TKG_RETURN_IF_ERROR(NeighborsAt((*ids)[i], EdgeType::kSubtopicOf, false, snap, &children));
    for (const Edge& e : children) {
      if (ids->size() < kMaxTopics && seen.insert(e.from).second) ids->push_back(e.from);
    }
  }
  return Status::OK();
}

Status RocksStore::QueryStatements(const StatementQuery& q, StatementPage* out) {
  out->statements.clear();
  out->next_cursor.clear();
  if (q.limit == 0 || q.limit > 1000) {
    return Status::InvalidArgument("statement query: limit " + std::to_string(q.limit) +
                                   " is outside 1..1000");
  }
  if (q.from && q.to && *q.from > *q.to) {
    return Status::InvalidArgument("statement query: from " + DayToIso(*q.from) + " is after to " +
                                   DayToIso(*q.to));
  }
  std::optional<keys::Cursor> cursor;
  if (!q.cursor.empty()) {
    keys::Cursor c;
    if (!keys::DecodeCursor(q.cursor, &c)) {
      return Status::InvalidArgument("statement query: malformed cursor '" + q.cursor + "'");
    }
    cursor = std::move(c);
  }
  ReadView holder(this);
  const rdb::Snapshot* snap = holder.get();

  std::vector<std::string> speakers, topics;
  std::string outlet;
  if (!q.speaker.empty()) {
    TKG_RETURN_IF_ERROR(ResolveActorIds(q.speaker, snap, &speakers));
    if (speakers.empty()) return Status::OK();
  }
  if (!q.topic.empty()) {
    TKG_RETURN_IF_ERROR(TopicWithDescendants(q.topic, snap, &topics));
    if (topics.empty()) return Status::OK();
  }
  if (!q.outlet.empty()) {
    std::string v;
    bool f = false;
    TKG_RETURN_IF_ERROR(Get(nodes_, keys::Node(keys::kOutlet, q.outlet), &v, &f, snap));
    outlet = f ? q.outlet : OutletId(q.outlet);
  }

  // The driving index: of the filters given (speaker, topic, outlet; the date index when a
  // range is given), the one with the fewest rows left in the range, counted by scanning each
  // candidate up to kProbe rows; ties go to speaker, then topic, then outlet. The other filters
  // are checked on each row.
  enum class Driver { kSpeaker, kTopic, kOutlet, kDate };
  std::vector<std::pair<Driver, std::vector<std::string>>> candidates;
  // With include_superseded each base is followed by its history twin (bases at odd
  // positions are history then); the scan merges them all into one order.
  const size_t per_base = q.include_superseded ? 2 : 1;
  auto bases_of = [&](char tag, const std::vector<std::string>& fields) {
    std::vector<std::string> b;
    for (const auto& f : fields) {
      b.push_back(keys::DateBase(tag, f));
      if (q.include_superseded) b.push_back(keys::DateBase(keys::HistoryIndex(tag), f));
    }
    return b;
  };
  if (!speakers.empty()) {
    candidates.emplace_back(Driver::kSpeaker, bases_of(keys::kIdxStmtSpeaker, speakers));
  }
  if (!topics.empty()) {
    candidates.emplace_back(Driver::kTopic, bases_of(keys::kIdxStmtTopic, topics));
  }
  if (!outlet.empty()) {
    candidates.emplace_back(Driver::kOutlet, bases_of(keys::kIdxStmtOutlet, {outlet}));
  }
  if (candidates.empty() || q.from || q.to) {
    candidates.emplace_back(Driver::kDate, bases_of(keys::kIdxStmtDate, {std::string()}));
  }
  size_t pick = 0;
  if (candidates.size() > 1) {
    constexpr size_t kProbe = 1000;
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < candidates.size(); ++i) {
      engine_internal::DateScan probe(db_.get(), index_, snap, candidates[i].second, q.from, q.to,
                                      cursor);
      engine_internal::ScanRow r;
      size_t n = 0;
      while (n < std::min(best, kProbe) && probe.Next(&r)) ++n;
      TKG_RETURN_IF_ERROR(probe.status());
      if (n < best) {
        best = n;
        pick = i;
      }
      if (n == 0) break;
    }
  }
  const Driver driver = candidates[pick].first;
  const std::vector<std::string>& bases = candidates[pick].second;
  std::set<std::string> speaker_set(speakers.begin(), speakers.end());
  std::set<std::string> topic_set(topics.begin(), topics.end());
  std::vector<std::string> words = Words(q.text);

  // Articles and texts by article id (current version) or by article id, \0, version
  // (superseded versions); with the version number of each.
  struct ArticleAt {
    Article article;
    uint32_t version = 1;
  };
  std::unordered_map<std::string, ArticleAt> articles;
  auto article_of = [&](const std::string& aid, uint32_t old_version,
                        const ArticleAt** a) -> Status {
    std::string key = old_version ? keys::VersionTextKey(aid, old_version) : aid;
    auto it = articles.find(key);
    if (it == articles.end()) {
      ArticleAt at;
      bool f = false;
      if (old_version) {
        codec::VersionRecord vr;
        TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::VersionKey(aid, old_version), &vr, &f, snap));
        if (!f) {
          return Status::Corruption(dir_ + ": superseded statement of a missing version " +
                                    std::to_string(old_version) + " of article " + aid);
        }
        at.article = std::move(vr.article);
        at.version = old_version;
      } else {
        TKG_RETURN_IF_ERROR(
            GetRecord(nodes_, keys::Node(keys::kArticle, aid), &at.article, &f, snap));
        if (!f) return Status::Corruption(dir_ + ": statement of a missing article " + aid);
        TKG_RETURN_IF_ERROR(CurrentVersion(aid, snap, &at.version));
      }
      it = articles.emplace(key, std::move(at)).first;
    }
    *a = &it->second;
    return Status::OK();
  };
  std::unordered_map<std::string, std::string> texts;

  engine_internal::DateScan scan(db_.get(), index_, snap, bases, q.from, q.to, cursor);
  engine_internal::ScanRow row;
  keys::Cursor last;
  while (scan.Next(&row)) {
    Statement s;
    bool f = false;
    uint32_t old_version = 0;  // a superseded statement: the version it belongs to
    if (row.base % per_base == 1) {
      std::string sid, aid;
      if (!keys::ParseHistoryRowId(row.id, &sid, &aid, &old_version)) {
        return Status::Corruption(dir_ + ": malformed history index row '" + row.id + "'");
      }
      TKG_RETURN_IF_ERROR(
          GetRecord(nodes_, keys::HistoryStatementKey(aid, old_version, sid), &s, &f, snap));
    } else {
      TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kStatement, row.id), &s, &f, snap));
    }
    if (!f) return Status::Corruption(dir_ + ": index names a missing statement " + row.id);
    if (driver != Driver::kSpeaker && !speaker_set.empty() && !speaker_set.count(s.speaker_id)) {
      continue;
    }
    if (driver != Driver::kTopic && !topic_set.empty()) {
      bool any = false;
      for (const auto& t : s.topics) any = any || topic_set.count(TopicId(t)) > 0;
      if (!any) continue;
    }
    if (s.confidence < q.min_confidence) continue;
    if (!ContainsAllWords(s.text, words)) continue;
    const ArticleAt* at = nullptr;
    TKG_RETURN_IF_ERROR(article_of(s.article_id, old_version, &at));
    const Article* art = &at->article;
    if (driver != Driver::kOutlet && !outlet.empty() &&
        (art->outlet.empty() || OutletId(art->outlet) != outlet)) {
      continue;
    }
    if (out->statements.size() == q.limit) {
      // One more row matches: there is a further page, which starts after the last row returned.
      out->next_cursor = keys::EncodeCursor(last);
      break;
    }
    std::string text_key =
        old_version ? keys::VersionTextKey(s.article_id, old_version) : keys::TextKey(s.article_id);
    auto tit = texts.find(text_key);
    if (tit == texts.end()) {
      std::string text;
      TKG_RETURN_IF_ERROR(Get(text_, text_key, &text, &f, snap));
      tit = texts.emplace(text_key, std::move(text)).first;
    }
    StatementView view;
    view.article_outlet = art->outlet;
    view.article_headline = art->headline;
    view.article_url = art->url;
    view.article_published = art->published;
    view.sentence = std::string(SpanText(tit->second, s.sentence_span));
    view.article_version = at->version;
    view.superseded = old_version != 0;
    if (!art->source_map.empty()) {
      view.has_file_spans = true;
      view.file_span = MapToSource(*art, s.sentence_span);
      view.file_text_span = MapToSource(*art, s.text_span);
    }
    view.statement = std::move(s);
    out->statements.push_back(std::move(view));
    last = keys::Cursor{row.undated, row.day, row.id};
  }
  return scan.status();
}

Status RocksStore::QueryEvents(const EventQuery& q, std::vector<Event>* out) {
  out->clear();
  if (q.limit == 0 || q.limit > 1000) {
    return Status::InvalidArgument("event query: limit " + std::to_string(q.limit) +
                                   " is outside 1..1000");
  }
  if (q.from && q.to && *q.from > *q.to) {
    return Status::InvalidArgument("event query: from " + DayToIso(*q.from) + " is after to " +
                                   DayToIso(*q.to));
  }
  ReadView holder(this);
  const rdb::Snapshot* snap = holder.get();
  std::vector<std::string> bases;
  if (!q.participant.empty()) {
    std::vector<std::string> ids;
    TKG_RETURN_IF_ERROR(ResolveActorIds(q.participant, snap, &ids));
    if (ids.empty()) return Status::OK();
    for (const auto& id : ids) bases.push_back(keys::DateBase(keys::kIdxEventActor, id));
  } else {
    bases.push_back(keys::DateBase(keys::kIdxEventDate));
  }
  std::string type = FoldName(q.type);
  engine_internal::DateScan scan(db_.get(), index_, snap, bases, q.from, q.to, std::nullopt);
  engine_internal::ScanRow row;
  while (out->size() < q.limit && scan.Next(&row)) {
    Event e;
    bool f = false;
    TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kEvent, row.id), &e, &f, snap));
    if (!f) return Status::Corruption(dir_ + ": index names a missing event " + row.id);
    if (!type.empty() && FoldName(e.type) != type) continue;
    out->push_back(std::move(e));
  }
  return scan.status();
}

Status RocksStore::ListTopics(std::vector<Topic>* out) {
  out->clear();
  ReadView snap(this);
  std::string prefix(1, keys::kTopic);
  bool bad = false;
  TKG_RETURN_IF_ERROR(Scan(nodes_, prefix, keys::Successor(prefix), snap.get(),
                           [&](std::string_view, std::string_view v) {
                             Topic t;
                             if (!codec::Decode(v, &t)) {
                               bad = true;
                               return false;
                             }
                             out->push_back(std::move(t));
                             return true;
                           }));
  if (bad) return Status::Corruption(dir_ + ": a topic record cannot be decoded");
  return Status::OK();
}

Status RocksStore::Stats(StoreStats* out) {
  ReadView snap(this);
  std::pair<const char*, uint64_t*> fields[] = {{"articles", &out->articles},
                                                {"actors", &out->actors},
                                                {"statements", &out->statements},
                                                {"events", &out->events},
                                                {"topics", &out->topics},
                                                {"edges", &out->edges},
                                                {"superseded", &out->superseded_statements}};
  for (auto& [name, field] : fields) {
    std::string v;
    bool f = false;
    TKG_RETURN_IF_ERROR(Get(meta_, keys::MetaCounter(name), &v, &f, snap.get()));
    *field = f ? keys::DecodeU64(v) : 0;
  }
  return Status::OK();
}

Status RocksStore::ListArticles(const std::string& after, size_t limit,
                                std::vector<std::string>* ids) {
  std::string lower = keys::Node(keys::kArticle, after);  // before clear(): `after` may alias
  if (!after.empty()) lower.push_back('\0');              // strictly after
  ids->clear();
  if (limit == 0) return Status::InvalidArgument("ListArticles: limit must be at least 1");
  std::string upper = keys::Successor(std::string(1, keys::kArticle));
  ReadView snap(this);
  return Scan(nodes_, lower, upper, snap.get(), [&](std::string_view k, std::string_view) {
    ids->emplace_back(k.substr(1));
    return ids->size() < limit;
  });
}

Status RocksStore::GetFeedState(const std::string& feed_url_arg, FeedState* out) {
  const std::string url = feed_url_arg;  // the caller may pass out->url
  *out = FeedState();
  out->url = url;
  if (url.empty()) return Status::InvalidArgument("feed state: empty feed URL");
  ReadView snap(this);
  bool f = false;
  TKG_RETURN_IF_ERROR(GetRecord(meta_, keys::FeedKey(url), out, &f, snap.get()));
  if (!f) {
    *out = FeedState();
    out->url = url;
    return Status::NotFound("feed " + url + " has no stored state in " + dir_);
  }
  return Status::OK();
}

}  // namespace store_internal

}  // namespace tkg
