// Actors across articles: links between the ids of one person or organisation (KEYS.md,
// "Actor links"), name resolution, GetActor and FindActors.

#include "store_impl.h"

namespace tkg {

namespace store_internal {

namespace {

// Titles and honorifics that may precede a name ("Mrs. Clinton", "President Quell"): they say
// nothing about who the person is, so they are set aside before counting name tokens.
bool IsTitle(std::string_view w) {
  static const std::set<std::string, std::less<>> kTitles = [] {
    const char* list =
        "mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister "
        "premier chancellor governor gov senator sen rep representative congressman "
        "congresswoman secretary mayor judge justice general gen colonel col captain capt lt "
        "lieutenant sgt sergeant admiral adm king queen prince princess pope rev reverend father "
        "rabbi imam sheikh chairman chairwoman chair ambassador commissioner director chief "
        "deputy speaker leader mme mlle herr frau president-elect former acting";
    std::set<std::string, std::less<>> out;
    std::string w;
    for (const char* c = list;; ++c) {
      if (*c == ' ' || *c == '\0') {
        if (!w.empty()) out.insert(w);
        w.clear();
        if (*c == '\0') break;
      } else {
        w.push_back(*c);
      }
    }
    return out;
  }();
  return kTitles.count(w) > 0;
}

bool IsNameSuffix(std::string_view w) {
  return w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv";
}

}  // namespace

// "Hillary Clinton" -> full, "clinton"; "Mrs. Clinton" -> surname, "clinton"; "The president"
// -> none. Case-insensitive (FoldName), punctuation around words ignored.
PersonName ParsePersonName(std::string_view name) {
  std::vector<std::string> words;
  std::string cur;
  for (char ch : FoldName(name) + " ") {
    if (ch == ' ' || ch == ',') {
      while (!cur.empty() && (cur.back() == '.' || cur.back() == '\'')) cur.pop_back();
      while (!cur.empty() && cur.front() == '.') cur.erase(0, 1);
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(ch);
    }
  }
  size_t b = 0;
  while (b < words.size() && IsTitle(words[b])) ++b;
  size_t e = words.size();
  while (e > b + 1 && IsNameSuffix(words[e - 1])) --e;
  PersonName out;
  if (e <= b) return out;
  out.form = e - b == 1 ? NameForm::kSurname : NameForm::kFull;
  out.surname = words[e - 1];
  return out;
}

Status RocksStore::DesiredLink(const std::string& actor_id, PendingWrites* b, ActorMerge* m,
                               bool* linked) {
  *linked = false;
  *m = ActorMerge();
  ActorView v;
  bool f = false;
  TKG_RETURN_IF_ERROR(GetRecordW(b, nodes_, keys::Node(keys::kActor, actor_id), &v, &f));
  if (!f) return Status::OK();
  std::string target, rule;
  if (v.actor.type == ActorType::kPerson) {
    // unique-surname: a bare surname links to the one full-name person with that last name;
    // with two or more (Bill and Hillary Clinton) it links to none.
    PersonName pn = ParsePersonName(v.actor.name);
    if (pn.form != NameForm::kSurname) return Status::OK();
    std::vector<std::string> full;
    std::string prefix = keys::SurnamePrefix(pn.surname);
    TKG_RETURN_IF_ERROR(ScanW(
        b, index_, prefix, keys::Successor(prefix), [&](std::string_view k, std::string_view val) {
          if (val.size() == 1 && val[0] == static_cast<char>(NameForm::kFull)) {
            full.emplace_back(keys::KeyTailAfterNul(k));
          }
          return full.size() < 2;
        }));
    if (full.size() != 1 || full[0] == actor_id) return Status::OK();
    target = full[0];
    rule = "unique-surname";
  } else if (v.actor.type == ActorType::kOrganization) {
    // org-alias: an organisation whose name is an alias of exactly one other organisation, with
    // a longer name (a short form or acronym of it; the length keeps links acyclic).
    std::string n = FoldName(v.actor.name);
    if (n.empty()) return Status::OK();
    std::string prefix = keys::NamePrefix(n);
    prefix.push_back('\0');
    // Holders whose name entry gives their kind need no read; the others (entries written by
    // an older engine) are read. Only the one organisation that decides is read in full.
    std::vector<std::pair<std::string, bool>> holders;  // id, known to be an organisation
    TKG_RETURN_IF_ERROR(ScanW(
        b, index_, prefix, keys::Successor(prefix), [&](std::string_view k, std::string_view val) {
          std::string_view id = keys::NameKeyActor(k);
          if (id != actor_id) {
            bool known_org = !val.empty() && val[0] != keys::kNameOther;
            if (val.empty() || known_org)
              holders.emplace_back(id, known_org);
            else
              holders.emplace_back(std::string(), false);  // counts towards the bound
          }
          return holders.size() < 64;
        }));
    std::vector<ActorView> orgs;
    for (const auto& [h, known_org] : holders) {
      if (h.empty()) continue;
      if (known_org && orgs.size() == 1) {  // a second organisation: no link; no need to read
        orgs.emplace_back();
        break;
      }
      ActorView o;
      TKG_RETURN_IF_ERROR(GetRecordW(b, nodes_, keys::Node(keys::kActor, h), &o, &f));
      if (f && o.actor.type == ActorType::kOrganization) orgs.push_back(std::move(o));
    }
    if (orgs.size() != 1 || FoldName(orgs[0].actor.name).size() <= n.size()) return Status::OK();
    target = orgs[0].actor.id;
    rule = "org-alias";
  } else {
    return Status::OK();
  }
  m->from_id = actor_id;
  m->to_id = target;
  m->rule = rule;
  m->alias = v.actor.name;
  // Evidence: the first article by id that mentions the alias, and the alias's first mention
  // there; a choice that depends only on the stored articles, not on their import order.
  std::string prefix = keys::EdgePrefix(actor_id, EdgeType::kMentions, false);
  TKG_RETURN_IF_ERROR(
      ScanW(b, edges_, prefix, keys::Successor(prefix), [&](std::string_view k, std::string_view) {
        Edge e;
        if (!keys::ParseEdgeKey(k, &e)) return true;
        m->article_id = e.from;
        return false;
      }));
  if (!m->article_id.empty()) {
    ArticleActor aa;
    TKG_RETURN_IF_ERROR(
        GetRecordW(b, nodes_, keys::ArticleActorNode(m->article_id, actor_id), &aa, &f));
    if (f && !aa.actor.mentions.empty()) m->evidence = aa.actor.mentions.front();
    Article a;
    TKG_RETURN_IF_ERROR(GetRecordW(b, nodes_, keys::Node(keys::kArticle, m->article_id), &a, &f));
    if (f) m->when = a.published;
  }
  *linked = true;
  return Status::OK();
}

Status RocksStore::ApplyRelink(const Relink& relink, PendingWrites* b) {
  std::set<std::string> ids = relink.ids;
  for (const auto& sn : relink.surnames) {
    // Only bare surnames are ever linked; full names under the surname need no second look.
    std::string prefix = keys::SurnamePrefix(sn);
    TKG_RETURN_IF_ERROR(ScanW(
        b, index_, prefix, keys::Successor(prefix), [&](std::string_view k, std::string_view v) {
          if (v.size() == 1 && v[0] == static_cast<char>(NameForm::kSurname)) {
            ids.emplace(keys::KeyTailAfterNul(k));
          }
          return true;
        }));
  }
  for (const auto& n : relink.names) {
    // A name or alias that appeared or went only changes the link of an organisation called
    // so (org-alias looks up the holders of the organisation's own name); the other holders of
    // the name (a generic alias may have many) keep theirs.
    std::string prefix = keys::OrgNamePrefix(n);
    TKG_RETURN_IF_ERROR(ScanW(b, index_, prefix, keys::Successor(prefix),
                              [&](std::string_view k, std::string_view) {
                                ids.emplace(keys::KeyTailAfterNul(k));
                                return true;
                              }));
  }
  // Each actor's link depends only on actor records, names, surnames and mentions, never on
  // other links, so the order of this loop does not matter.
  for (const auto& id : ids) {
    ActorMerge want;
    bool linked = false;
    TKG_RETURN_IF_ERROR(DesiredLink(id, b, &want, &linked));
    std::string key = keys::Node(keys::kActorLink, id), cur;
    bool had = false;
    TKG_RETURN_IF_ERROR(GetW(b, nodes_, key, &cur, &had));
    std::string enc = linked ? codec::Encode(want) : std::string();
    if (had && linked && cur == enc) continue;
    if (had) {
      ActorMerge old;
      if (codec::Decode(cur, &old) && (!linked || old.to_id != want.to_id)) {
        b->Delete(index_, keys::LinkedFromKey(old.to_id, id));
      }
    }
    if (linked) {
      b->Put(nodes_, key, enc);
      b->Put(index_, keys::LinkedFromKey(want.to_id, id), std::string());
    } else if (had) {
      b->Delete(nodes_, key);
    }
  }
  return Status::OK();
}

Status RocksStore::BackfillOrgNames() {
  std::string v;
  bool f = false;
  TKG_RETURN_IF_ERROR(Get(meta_, std::string(keys::kMetaOrgNames), &v, &f));
  if (f) return Status::OK();
  rdb::WriteBatch b;
  TKG_RETURN_IF_ERROR(ScanActors([&](std::string_view id, const ActorView& a) {
    std::string own = FoldName(a.actor.name);
    if (a.actor.type == ActorType::kOrganization && !own.empty()) {
      b.Put(index_, keys::OrgNameKey(own, id), rdb::Slice());
    }
  }));
  b.Put(meta_, std::string(keys::kMetaOrgNames), "1");
  return FromRocks(db_->Write(rdb::WriteOptions(), &b),
                   dir_ + ": cannot index the organisation names of an older store");
}

Status RocksStore::BackfillLinks() {
  TKG_RETURN_IF_ERROR(BackfillOrgNames());
  std::string v;
  bool f = false;
  TKG_RETURN_IF_ERROR(Get(meta_, std::string(keys::kMetaActorLinks), &v, &f));
  if (f) return Status::OK();
  PendingWrites b;
  Relink relink;
  TKG_RETURN_IF_ERROR(ScanActors([&](std::string_view id, const ActorView& a) {
    relink.ids.insert(std::string(id));
    if (a.actor.type != ActorType::kPerson) return;
    PersonName pn = ParsePersonName(a.actor.name);
    if (pn.form == NameForm::kNone) return;
    b.Put(index_, keys::SurnameKey(pn.surname, id), std::string(1, static_cast<char>(pn.form)));
  }));
  TKG_RETURN_IF_ERROR(ApplyRelink(relink, &b));
  b.Put(meta_, std::string(keys::kMetaActorLinks), "1");
  return WritePending(b, dir_ + ": cannot index the actor links of an older store");
}

Status RocksStore::RootOf(const std::string& id, const rdb::Snapshot* snap, std::string* root) {
  *root = id;
  constexpr int kMaxDepth = 8;  // links only lengthen names, so chains are short and acyclic
  for (int i = 0; i < kMaxDepth; ++i) {
    ActorMerge m;
    bool f = false;
    TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kActorLink, *root), &m, &f, snap));
    if (!f || m.to_id.empty()) break;
    *root = m.to_id;
  }
  return Status::OK();
}

Status RocksStore::GroupOf(const std::string& root, const rdb::Snapshot* snap,
                           std::vector<std::string>* members) {
  members->assign(1, root);
  std::set<std::string> seen{root};
  constexpr size_t kMaxMembers = 256;
  for (size_t i = 0; i < members->size() && members->size() < kMaxMembers; ++i) {
    std::string prefix = keys::LinkedFromPrefix((*members)[i]);
    TKG_RETURN_IF_ERROR(Scan(index_, prefix, keys::Successor(prefix), snap,
                             [&](std::string_view k, std::string_view) {
                               std::string from(keys::KeyTailAfterNul(k));
                               if (seen.insert(from).second) members->push_back(std::move(from));
                               return members->size() < kMaxMembers;
                             }));
  }
  return Status::OK();
}

Status RocksStore::ViewOf(const std::string& id, const rdb::Snapshot* snap, ActorView* out,
                          bool* found) {
  *out = ActorView();
  TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kActor, id), out, found, snap));
  if (!*found) return Status::OK();
  std::string root;
  TKG_RETURN_IF_ERROR(RootOf(id, snap, &root));
  bool f = false;
  if (root != id) {
    out->merged_into = root;
    ActorMerge m;
    TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kActorLink, id), &m, &f, snap));
    if (f) out->merges.push_back(std::move(m));
    return Status::OK();
  }
  std::vector<std::string> members;
  TKG_RETURN_IF_ERROR(GroupOf(root, snap, &members));
  for (size_t i = 1; i < members.size(); ++i) {
    ActorMerge m;
    TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kActorLink, members[i]), &m, &f, snap));
    if (f) out->merges.push_back(std::move(m));
    ActorView member;
    TKG_RETURN_IF_ERROR(GetRecord(nodes_, keys::Node(keys::kActor, members[i]), &member, &f, snap));
    if (!f) continue;
    Actor names;  // the member's names become aliases of the canonical actor
    names.name = member.actor.name;
    names.aliases = member.actor.aliases;
    UnionActor(&out->actor, names);
    out->article_count += member.article_count;
    out->statement_count += member.statement_count;
  }
  return Status::OK();
}

Status RocksStore::GetActor(const std::string& id_arg, ActorView* out) {
  const std::string id = id_arg;  // the caller may pass out->actor.id
  ReadView snap(this);
  bool f = false;
  TKG_RETURN_IF_ERROR(ViewOf(id, snap.get(), out, &f));
  if (!f) return Status::NotFound("actor " + id + " is not in the store " + dir_);
  return Status::OK();
}

Status RocksStore::ResolveActorIds(const std::string& q, const rdb::Snapshot* snap,
                                   std::vector<std::string>* ids, bool by_group) {
  TKG_RETURN_IF_ERROR(ResolveNames(q, snap, ids));
  // Follow actor links: each id to its canonical actor, then (queries) to its whole group.
  std::set<std::string> out;
  for (const auto& id : *ids) {
    std::string root;
    TKG_RETURN_IF_ERROR(RootOf(id, snap, &root));
    if (!by_group) {
      out.insert(root);
      continue;
    }
    std::vector<std::string> members;
    TKG_RETURN_IF_ERROR(GroupOf(root, snap, &members));
    out.insert(members.begin(), members.end());
  }
  ids->assign(out.begin(), out.end());
  return Status::OK();
}

Status RocksStore::ResolveNames(const std::string& q, const rdb::Snapshot* snap,
                                std::vector<std::string>* ids) {
  ids->clear();
  if (q.empty()) return Status::OK();
  std::string v;
  bool f = false;
  TKG_RETURN_IF_ERROR(Get(nodes_, keys::Node(keys::kActor, q), &v, &f, snap));
  if (!f) {
    // An id that only statements or events name (a speaker missing from the article's actors).
    for (char idx : {keys::kIdxStmtSpeaker, keys::kIdxEventActor, keys::kIdxHistSpeaker}) {
      std::string base = keys::DateBase(idx, q);
      TKG_RETURN_IF_ERROR(
          Scan(index_, base, keys::Successor(base), snap, [&](std::string_view, std::string_view) {
            f = true;
            return false;
          }));
      if (f) break;
    }
  }
  if (f) {
    ids->push_back(q);
    return Status::OK();
  }
  std::string folded = FoldName(q);
  // Exact name or alias; failing that, drop leading words ("President Xi" -> "Xi") one by one.
  while (!folded.empty()) {
    std::string prefix = keys::NamePrefix(folded);
    prefix.push_back('\0');
    TKG_RETURN_IF_ERROR(Scan(index_, prefix, keys::Successor(prefix), snap,
                             [&](std::string_view k, std::string_view) {
                               ids->emplace_back(keys::NameKeyActor(k));
                               return true;
                             }));
    if (!ids->empty()) break;
    size_t sp = folded.find(' ');
    if (sp == std::string::npos) break;
    folded.erase(0, sp + 1);
  }
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  return Status::OK();
}

Status RocksStore::ResolveActor(const std::string& q, std::vector<std::string>* ids) {
  ReadView snap(this);
  // A copy: q may live in *ids.
  return ResolveActorIds(std::string(q), snap.get(), ids, /*by_group=*/false);
}

Status RocksStore::FindActors(const std::string& query_arg, size_t limit,
                              std::vector<ActorView>* out) {
  const std::string query = query_arg;  // the caller may pass a name held in *out
  out->clear();
  if (limit == 0) return Status::OK();
  ReadView snap(this);
  std::string folded = FoldName(query);
  std::string lower = keys::NamePrefix(folded);
  std::map<std::string, bool> found;  // actor id -> exact match of a name or alias
  constexpr size_t kMaxNames = 5000;  // bounds the work of a very short prefix
  size_t seen = 0;
  TKG_RETURN_IF_ERROR(Scan(index_, lower, keys::Successor(lower), snap.get(),
                           [&](std::string_view k, std::string_view) {
                             bool exact = keys::NameKeyName(k) == folded;
                             auto [it, fresh] = found.emplace(keys::NameKeyActor(k), exact);
                             if (!fresh) it->second = it->second || exact;
                             return ++seen < kMaxNames;
                           }));
  struct Ranked {
    ActorView view;
    int rank;
  };
  std::map<std::string, bool> roots;  // linked actors answer as their canonical actor
  for (const auto& [id, exact] : found) {
    std::string root;
    TKG_RETURN_IF_ERROR(RootOf(id, snap.get(), &root));
    auto [it, fresh] = roots.emplace(root, exact);
    if (!fresh) it->second = it->second || exact;
  }
  std::vector<Ranked> ranked;
  for (const auto& [id, exact] : roots) {
    ActorView v;
    bool f = false;
    TKG_RETURN_IF_ERROR(ViewOf(id, snap.get(), &v, &f));
    if (!f) continue;
    int rank = FoldName(v.actor.name) == folded ? 0 : exact ? 1 : 2;
    ranked.push_back({std::move(v), rank});
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.view.statement_count != b.view.statement_count) {
      return a.view.statement_count > b.view.statement_count;
    }
    if (a.view.article_count != b.view.article_count) {
      return a.view.article_count > b.view.article_count;
    }
    return a.view.actor.name < b.view.actor.name;
  });
  for (auto& r : ranked) {
    if (out->size() >= limit) break;
    out->push_back(std::move(r.view));
  }
  return Status::OK();
}

}  // namespace store_internal

}  // namespace tkg
