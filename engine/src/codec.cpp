#include "codec.h"

#include <cstring>

namespace tkg::codec {

namespace {

constexpr char kFormat = 1;

class Writer {
 public:
  Writer() { out_.push_back(kFormat); }
  void U(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void I(int64_t v) { U((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void B(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void S(std::string_view s) {
    U(s.size());
    out_.append(s);
  }
  void F(float f) {
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xFF));
  }
  void Sp(Span s) {
    U(s.begin);
    U(s.end);
  }
  void T(const TimeValue& t) {
    S(t.value);
    B(static_cast<uint8_t>(t.precision));
    if (t.has_interval()) {
      I(t.first_day);
      I(t.last_day);
    }
  }
  void Strings(const std::vector<std::string>& v) {
    U(v.size());
    for (const auto& s : v) S(s);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {
    if (in_.empty() || in_[0] != kFormat) ok_ = false;
    pos_ = 1;
  }
  bool ok() const { return ok_; }
  bool done() const { return ok_ && pos_ == in_.size(); }
  uint64_t U() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!ok_ || pos_ >= in_.size()) return Fail();
      auto b = static_cast<unsigned char>(in_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    return Fail();
  }
  uint32_t U32() {
    uint64_t v = U();
    if (v > 0xFFFFFFFFull) return static_cast<uint32_t>(Fail());
    return static_cast<uint32_t>(v);
  }
  int64_t I() {
    uint64_t v = U();
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  uint8_t B() {
    if (!ok_ || pos_ >= in_.size()) return static_cast<uint8_t>(Fail());
    return static_cast<uint8_t>(in_[pos_++]);
  }
  std::string S() {
    uint64_t n = U();
    if (!ok_ || n > in_.size() - pos_) {
      Fail();
      return {};
    }
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  float F() {
    if (!ok_ || in_.size() - pos_ < 4) {
      Fail();
      return 0.f;
    }
    uint32_t bits = 0;
    for (int i = 0; i < 4; ++i)
      bits |= uint32_t{static_cast<unsigned char>(in_[pos_ + i])} << (8 * i);
    pos_ += 4;
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
  }
  Span Sp() {
    Span s;
    s.begin = U32();
    s.end = U32();
    return s;
  }
  TimeValue T() {
    TimeValue t;
    t.value = S();
    uint8_t p = B();
    if (p > static_cast<uint8_t>(TimePrecision::kSecond)) Fail();
    t.precision = static_cast<TimePrecision>(p);
    if (t.has_interval()) {
      t.first_day = static_cast<DayNumber>(I());
      t.last_day = static_cast<DayNumber>(I());
    }
    return t;
  }
  std::vector<std::string> Strings() {
    std::vector<std::string> v;
    uint64_t n = U();
    if (n > in_.size()) return Fail(), v;
    for (uint64_t i = 0; i < n && ok_; ++i) v.push_back(S());
    return v;
  }
  size_t Count() {
    uint64_t n = U();
    if (n > in_.size()) Fail();
    return ok_ ? static_cast<size_t>(n) : 0;
  }

 private:
  uint64_t Fail() {
    ok_ = false;
    return 0;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

void PutRoles(Writer& w, const std::vector<Role>& roles) {
  w.U(roles.size());
  for (const Role& r : roles) {
    w.S(r.title);
    w.S(r.of);
    w.T(r.when);
    w.Sp(r.evidence);
  }
}

std::vector<Role> GetRoles(Reader& r) {
  std::vector<Role> roles;
  size_t n = r.Count();
  for (size_t i = 0; i < n && r.ok(); ++i) {
    Role role;
    role.title = r.S();
    role.of = r.S();
    role.when = r.T();
    role.evidence = r.Sp();
    roles.push_back(std::move(role));
  }
  return roles;
}

void PutActorCore(Writer& w, const Actor& a) {
  w.S(a.id);
  w.S(a.name);
  w.B(static_cast<uint8_t>(a.type));
  w.Strings(a.aliases);
  PutRoles(w, a.roles);
}

void GetActorCore(Reader& r, Actor* a) {
  a->id = r.S();
  a->name = r.S();
  uint8_t t = r.B();
  if (t > static_cast<uint8_t>(ActorType::kGroup)) t = 0;
  a->type = static_cast<ActorType>(t);
  a->aliases = r.Strings();
  a->roles = GetRoles(r);
}

}  // namespace

std::string Encode(const Article& a) {
  Writer w;
  w.S(a.id);
  w.S(a.url);
  w.S(a.outlet);
  w.S(a.headline);
  w.S(a.published);
  w.T(a.published_date);
  w.S(a.source);
  w.S(a.format);
  w.S(a.content_hash);
  w.I(a.ingested_at);
  w.Sp(a.headline_span);
  w.Sp(a.body_span);
  w.S(a.published_basis);  // added after schema version 1 first shipped: optional on read
  // Source map, added later still: optional on read, written only when there is one.
  if (!a.source_map.empty()) {
    w.U(a.source_map.size());
    for (const SourceRun& r : a.source_map) {
      w.U(r.text_begin);
      w.U(r.text_length);
      w.U(r.source_begin);
      w.U(r.source_length);
    }
  }
  return w.Take();
}

bool Decode(std::string_view in, Article* a) {
  Reader r(in);
  a->id = r.S();
  a->url = r.S();
  a->outlet = r.S();
  a->headline = r.S();
  a->published = r.S();
  a->published_date = r.T();
  a->source = r.S();
  a->format = r.S();
  a->content_hash = r.S();
  a->ingested_at = r.I();
  a->headline_span = r.Sp();
  a->body_span = r.Sp();
  a->published_basis.clear();
  if (r.ok() && !r.done()) a->published_basis = r.S();
  a->source_map.clear();
  if (r.ok() && !r.done()) {
    uint64_t n = r.U();
    for (uint64_t k = 0; k < n && r.ok(); ++k) {
      SourceRun run;
      run.text_begin = r.U32();
      run.text_length = r.U32();
      run.source_begin = r.U32();
      run.source_length = r.U32();
      if (!r.ok()) break;
      a->source_map.push_back(run);
    }
  }
  return r.done();
}

std::string Encode(const ActorView& a) {
  Writer w;
  PutActorCore(w, a.actor);
  w.U(a.article_count);
  w.U(a.statement_count);
  return w.Take();
}

bool Decode(std::string_view in, ActorView* a) {
  Reader r(in);
  GetActorCore(r, &a->actor);
  a->actor.mentions.clear();
  a->article_count = r.U32();
  a->statement_count = r.U32();
  return r.done();
}

std::string Encode(const ActorMerge& m) {
  Writer w;
  w.S(m.from_id);
  w.S(m.to_id);
  w.S(m.rule);
  w.S(m.article_id);
  w.Sp(m.evidence);
  w.S(m.alias);
  w.S(m.when);
  return w.Take();
}

bool Decode(std::string_view in, ActorMerge* m) {
  Reader r(in);
  m->from_id = r.S();
  m->to_id = r.S();
  m->rule = r.S();
  m->article_id = r.S();
  m->evidence = r.Sp();
  m->alias = r.S();
  m->when = r.S();
  return r.done();
}

std::string Encode(const ArticleActor& a) {
  Writer w;
  PutActorCore(w, a.actor);
  w.U(a.actor.mentions.size());
  for (Span s : a.actor.mentions) w.Sp(s);
  w.U(a.statement_count);
  return w.Take();
}

bool Decode(std::string_view in, ArticleActor* a) {
  Reader r(in);
  GetActorCore(r, &a->actor);
  size_t n = r.Count();
  a->actor.mentions.clear();
  for (size_t i = 0; i < n && r.ok(); ++i) a->actor.mentions.push_back(r.Sp());
  a->statement_count = r.U32();
  return r.done();
}

std::string Encode(const Statement& s) {
  Writer w;
  w.S(s.id);
  w.S(s.article_id);
  w.S(s.speaker_id);
  w.S(s.speaker);
  w.Sp(s.source_span);
  w.S(s.cue);
  w.Sp(s.cue_span);
  w.S(s.text);
  w.Sp(s.text_span);
  w.Sp(s.sentence_span);
  w.B(s.direct ? 1 : 0);
  w.T(s.date);
  w.B(static_cast<uint8_t>(s.date_basis));
  w.Strings(s.topics);
  w.Strings(s.reported_by);
  w.Strings(s.reported_by_ids);
  w.S(s.rule);
  w.F(s.confidence);
  return w.Take();
}

bool Decode(std::string_view in, Statement* s) {
  Reader r(in);
  s->id = r.S();
  s->article_id = r.S();
  s->speaker_id = r.S();
  s->speaker = r.S();
  s->source_span = r.Sp();
  s->cue = r.S();
  s->cue_span = r.Sp();
  s->text = r.S();
  s->text_span = r.Sp();
  s->sentence_span = r.Sp();
  s->direct = r.B() != 0;
  s->date = r.T();
  uint8_t basis = r.B();
  s->date_basis = basis <= 3 ? static_cast<DateBasis>(basis) : DateBasis::kNone;
  s->topics = r.Strings();
  s->reported_by = r.Strings();
  s->reported_by_ids = r.Strings();
  s->rule = r.S();
  s->confidence = r.F();
  return r.done();
}

std::string Encode(const Event& e) {
  Writer w;
  w.S(e.id);
  w.S(e.article_id);
  w.S(e.type);
  w.S(e.text);
  w.Sp(e.span);
  w.T(e.date);
  w.B(static_cast<uint8_t>(e.date_basis));
  w.Strings(e.participant_ids);
  w.Strings(e.participants);
  return w.Take();
}

bool Decode(std::string_view in, Event* e) {
  Reader r(in);
  e->id = r.S();
  e->article_id = r.S();
  e->type = r.S();
  e->text = r.S();
  e->span = r.Sp();
  e->date = r.T();
  uint8_t basis = r.B();
  e->date_basis = basis <= 3 ? static_cast<DateBasis>(basis) : DateBasis::kNone;
  e->participant_ids = r.Strings();
  e->participants = r.Strings();
  return r.done();
}

std::string Encode(const Topic& t) {
  Writer w;
  w.S(t.id);
  w.S(t.name);
  w.S(t.parent);
  w.Strings(t.terms);
  return w.Take();
}

bool Decode(std::string_view in, Topic* t) {
  Reader r(in);
  t->id = r.S();
  t->name = r.S();
  t->parent = r.S();
  t->terms = r.Strings();
  return r.done();
}

std::string Encode(const Manifest& m) {
  Writer w;
  w.Strings(m.actor_ids);
  w.Strings(m.statement_ids);
  w.Strings(m.event_ids);
  w.U(m.times.size());
  for (const auto& t : m.times) {
    w.Sp(t.span);
    w.S(t.type);
    w.S(t.value);
  }
  return w.Take();
}

bool Decode(std::string_view in, Manifest* m) {
  Reader r(in);
  m->actor_ids = r.Strings();
  m->statement_ids = r.Strings();
  m->event_ids = r.Strings();
  size_t n = r.Count();
  m->times.clear();
  for (size_t i = 0; i < n && r.ok(); ++i) {
    TimeExpression t;
    t.span = r.Sp();
    t.type = r.S();
    t.value = r.S();
    m->times.push_back(std::move(t));
  }
  return r.done();
}

std::string Encode(const VersionRecord& v) {
  Writer w;
  w.U(v.version);
  Article a = v.article;
  a.text.clear();
  w.S(Encode(a));
  w.U(v.statement_count);
  w.B(v.superseded ? 1 : 0);
  return w.Take();
}

bool Decode(std::string_view in, VersionRecord* v) {
  Reader r(in);
  v->version = r.U32();
  std::string article = r.S();
  v->statement_count = r.U32();
  uint8_t sup = r.B();
  if (!r.done() || sup > 1 || !Decode(article, &v->article)) return false;
  v->superseded = sup == 1;
  return true;
}

std::string Encode(const FeedState& f) {
  Writer w;
  w.S(f.url);
  w.S(f.etag);
  w.S(f.last_modified);
  w.Strings(f.seen_ids);
  w.I(f.last_polled);
  return w.Take();
}

bool Decode(std::string_view in, FeedState* f) {
  Reader r(in);
  f->url = r.S();
  f->etag = r.S();
  f->last_modified = r.S();
  f->seen_ids = r.Strings();
  f->last_polled = r.I();
  return r.done();
}

std::string EncodeOutlet(std::string_view name) {
  Writer w;
  w.S(name);
  return w.Take();
}

bool DecodeOutlet(std::string_view in, std::string* name) {
  Reader r(in);
  *name = r.S();
  return r.done();
}

}  // namespace tkg::codec
