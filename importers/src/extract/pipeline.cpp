// The one place that wires the pure extraction stages together:
//   sentences -> tokens -> time expressions -> names -> actors -> attributions -> speakers
//   (coreference) -> reporting chains -> dates -> topics -> events.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "attribution.h"
#include "attribution_words.h"
#include "coreference.h"
#include "dating.h"
#include "events.h"
#include "lexicon.h"
#include "names.h"
#include "relative_antecedent.h"
#include "sentences.h"
#include "tkg/importers/extract/timex.h"
#include "tkg/importers/extractor.h"
#include "tkg/schema/ids.h"
#include "tokens.h"
#include "topics.h"

#ifndef TKG_DATA_DIR
#define TKG_DATA_DIR "data"
#endif

namespace tkg {

std::string DefaultDataDir() {
  const char* env = std::getenv("TKG_DATA_DIR");
  if (env != nullptr && *env != '\0') return env;
  return TKG_DATA_DIR;
}

Extractor::~Extractor() = default;

namespace {

using namespace extract;

Status ReadWhole(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open data file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  *out = ss.str();
  return Status::OK();
}

// Marks the tokens that lie inside a time expression (kClsInTime), so that the attribution rules
// know "on Thursday evening" or "last week" from the timex stage, not from a word list of their
// own. Sentences are in text order (the headline precedes the body).
void MarkTimeTokens(const std::vector<TimeExpression>& times,
                    std::vector<SentenceTokens>* sentences) {
  if (times.empty()) return;
  std::vector<Span> spans;
  spans.reserve(times.size());
  for (const TimeExpression& t : times) spans.push_back(t.span);
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  size_t k = 0;
  for (SentenceTokens& st : *sentences) {
    for (Token& t : st.tokens) {
      while (k < spans.size() && spans[k].end <= t.begin) ++k;
      if (k < spans.size() && spans[k].begin <= t.begin && t.end <= spans[k].end)
        t.cls |= kClsInTime;
    }
  }
}

// Spare token vectors of this thread: Take gives a sentence one (with its capacity), Give and
// the destructor (the article's sentences) hand them back, cleared.
class TokenVectorPool {
 public:
  explicit TokenVectorPool(std::vector<SentenceTokens>* sentences) : sentences_(sentences) {}
  TokenVectorPool(const TokenVectorPool&) = delete;
  TokenVectorPool& operator=(const TokenVectorPool&) = delete;
  ~TokenVectorPool() {
    for (SentenceTokens& st : *sentences_) Give(&st.tokens);
  }
  void Take(std::vector<Token>* v) {
    std::vector<std::vector<Token>>& spare = Spare();
    if (spare.empty()) return;
    *v = std::move(spare.back());
    spare.pop_back();
  }
  void Give(std::vector<Token>* v) {
    std::vector<std::vector<Token>>& spare = Spare();
    if (v->capacity() == 0 || v->capacity() > kMaxTokens || spare.size() >= kMax) return;
    v->clear();
    spare.push_back(std::move(*v));
  }

 private:
  static constexpr size_t kMax = 1024;        // vectors kept
  static constexpr size_t kMaxTokens = 4096;  // a longer one (a run-on "sentence") is freed
  static std::vector<std::vector<Token>>& Spare() {
    thread_local std::vector<std::vector<Token>> spare;
    return spare;
  }
  std::vector<SentenceTokens>* sentences_;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Speaker {
  int actor = -1;
  std::string name;
};

class PipelineExtractor final : public Extractor {
 public:
  PipelineExtractor(Taxonomy taxonomy, Lexicon lexicon)
      : taxonomy_(std::move(taxonomy)), lexicon_(std::move(lexicon)), topics_(taxonomy_) {}

  const Taxonomy& taxonomy() const override { return taxonomy_; }

  Status Extract(ArticleGraph* graph) const override;

 private:
  Speaker ResolveSource(std::string_view text, const SentenceTokens& st,
                        const std::vector<NameMention>& names, size_t first, size_t last,
                        ActorTable* table) const;
  // "The president", "the company": the actor a definite role noun phrase T[first, last)
  // refers to, or -1. `src` becomes a reference to the actor, with `alias` as an alias.
  int RoleNounActor(const std::vector<Token>& T, size_t first, size_t last, Span src,
                    std::string_view alias, ActorTable* table) const;
  // The description a relative pronoun at T[rel] follows when no name stands before it
  // ("ferry riders who", "a former staffer, who"), or nothing: a pronoun, or words ending in a
  // name the clause may not be about ("a feud with Berg who").
  std::optional<attr::Range> RelativeDescription(const std::vector<Token>& T, size_t rel,
                                                 const std::vector<NameMention>& names) const;
  // The actor a name standing as a speaker founds or refers to, or -1.
  int SpeakerActor(std::string_view text, const std::vector<Token>& T, const NameMention& m,
                   ActorTable* table) const;

  Taxonomy taxonomy_;
  Lexicon lexicon_;
  TopicMatcher topics_;
};

int PipelineExtractor::SpeakerActor(std::string_view text, const std::vector<Token>& T,
                                    const NameMention& m, ActorTable* table) const {
  // A lone uncertain word founds an actor only as a name or a group: "Polls show" and
  // "Aides said" keep their words without one, unless an actor was called so before.
  LoneWord lone = !m.certain && m.last == m.first + 1 && m.title.empty()
                      ? ClassifyLoneWord(T[m.first], lexicon_)
                      : LoneWord::kMaybeName;
  if (lone == LoneWord::kGroup) {
    NameMention group = m;
    group.type = ActorType::kGroup;
    group.certain = true;
    return table->AddSpeakerName(group);
  }
  int actor = table->AddMention(m);
  if (actor >= 0 || lone == LoneWord::kCommonNoun) return actor;
  // "Nordvault said" after "Nordvault Systems": an organisation called by its first word, when
  // no one is called so.
  if (m.last == m.first + 1 && m.title.empty() && !lexicon_.org_words.count(T[m.first]))
    actor = table->FindOrganizationByFirstWord(NameText(text, m.name), m.span);
  return actor >= 0 ? actor : table->AddSpeakerName(m);
}

Speaker PipelineExtractor::ResolveSource(std::string_view text, const SentenceTokens& st,
                                         const std::vector<NameMention>& names, size_t first,
                                         size_t last, ActorTable* table) const {
  Speaker sp;
  const auto& T = st.tokens;
  Span src{T[first].begin, T[last - 1].end};
  sp.name = std::string(SpanText(text, src));
  // The source mention refers to actor a: the speaker is that actor, the mention its reference.
  auto link = [&](int a) {
    sp.actor = a;
    sp.name = table->actor(a).name;
    table->AddReference(a, src, "");
    return sp;
  };
  // A name inside the source: the last person, else the last organisation or place.
  const NameMention* best = nullptr;
  // Certain names win over lone capitalised words ("Cloud storage provider Nordvault Systems").
  auto rank = [](const NameMention& m) {
    int r = m.certain ? 4 : 0;
    if (m.type == ActorType::kPerson)
      r += 2;
    else if (m.type == ActorType::kOrganization)
      r += 1;
    return r;
  };
  for (const NameMention& m : names) {
    if (m.name.begin < src.begin || m.name.end > src.end) continue;
    if (best == nullptr || rank(m) >= rank(*best)) best = &m;
  }
  // A name that only modifies the source's head ("Transit officials", "the Clinton campaign")
  // is not the speaker.
  if (best != nullptr && best->span.end < src.end && !T[last - 1].capitalized &&
      T[last - 1].is_word())
    best = nullptr;
  // A name after a preposition describes the head before it: "Experts on North Korea", "People
  // close to Trump" are not North Korea or Trump. A spokesperson speaks for the organisation.
  if (best != nullptr && best->span.begin > src.begin) {
    size_t k = first;
    while (k < last && T[k].end <= best->span.begin) ++k;
    static const WordSet kPrep = {"of", "on", "to", "with", "at", "for", "from", "in", "about"};
    if (k > first && kPrep.count(T[k - 1])) {
      bool spokes = k >= first + 2 && T[k - 2].lower.starts_with("spokes");
      if (!spokes) best = nullptr;
    }
  }
  if (best != nullptr) {
    sp.actor = SpeakerActor(text, T, *best, table);
    if (sp.actor >= 0) {
      sp.name = table->actor(sp.actor).name;
      return sp;
    }
  }
  // A headline's speaker ("Trump Says ...", "Sen. Sanders: ...") is one of the body's actors,
  // called by name or surname after any title.
  if (best == nullptr && st.title_case) {
    size_t k = first;
    while (k < last) {
      const Lexicon::Title* title = lexicon_.titles.Match(T, k);
      if (title == nullptr) break;
      k += title->words.size();
    }
    bool names_only = k < last && last - k <= 4;
    for (size_t i = k; i < last && names_only; ++i) names_only = T[i].is_word() && T[i].capitalized;
    int a =
        names_only ? table->FindForHeadline(NameText(text, Span{T[k].begin, T[last - 1].end})) : -1;
    if (a >= 0) return link(a);
  }
  // A contracted pronoun is the pronoun: "He's comparing ...".
  std::string head(last - first == 1 ? WithoutContraction(T[last - 1].lower) : T[last - 1].lower);
  if (last - first == 1 && (head == "who" || head == "which")) {
    const NameMention* m = RelativeAntecedent(T, first, names);
    // "who" stands for people: "voters in Manchester, who said" is not Manchester.
    // (Nor is the place the description: the speaker stays unresolved.)
    if (m != nullptr && head == "who" && m->type == ActorType::kPlace) return sp;
    if (m != nullptr) {
      int a = SpeakerActor(text, T, *m, table);
      return a >= 0 ? link(a) : sp;
    }
    // No name: the description the clause is about speaks ("voters who said", "a former
    // staffer, who said"); "the Mexican president, who said" is the actor that role names.
    if (std::optional<attr::Range> np = RelativeDescription(T, first, names)) {
      sp.name = std::string(SpanText(text, attr::TokSpan(T, np->a, np->b)));
      sp.actor = RoleNounActor(T, np->a, np->b, src, sp.name, table);
      if (sp.actor >= 0) sp.name = table->actor(sp.actor).name;
    }
    return sp;
  }
  if (last - first == 1 && IsPersonalPronoun(head)) {
    int a = table->ResolvePronoun(head, src.begin);
    return a >= 0 ? link(a) : sp;
  }
  sp.actor = RoleNounActor(T, first, last, src, SpanText(text, src), table);
  if (sp.actor >= 0) sp.name = table->actor(sp.actor).name;
  return sp;
}

std::optional<attr::Range> PipelineExtractor::RelativeDescription(
    const std::vector<Token>& T, size_t rel, const std::vector<NameMention>& names) const {
  size_t p = rel;
  if (p > 0 && (T[p - 1].is(",") || T[p - 1].is("("))) --p;
  std::optional<attr::Range> np = p > 0 ? attr::LeftNP(T, p - 1, lexicon_) : std::nullopt;
  if (!np || (np->b == np->a + 1 && attr::IsPronoun(T[np->a]))) return std::nullopt;
  // Without a determiner the words before a bare plural may be a verb and its subject ("Berg
  // met ferry riders who"): two words at most.
  if (np->b > np->a + 2 && std::none_of(T.begin() + np->a, T.begin() + np->b, [](const Token& t) {
        return attr::IsDet(t) || attr::IsQuantifier(t);
      }))
    np->a = np->b - 2;
  // A preposition put the name there: it stays unresolved rather than named without its actor.
  for (const NameMention& n : names)
    if (n.span.end == T[np->b - 1].end && n.type != ActorType::kGroup) return std::nullopt;
  return np;
}

int PipelineExtractor::RoleNounActor(const std::vector<Token>& T, size_t first, size_t last,
                                     Span src, std::string_view alias, ActorTable* table) const {
  if (!T[first].is("the") || last - first < 2 || T[last - 1].capitalized) return -1;
  static const std::vector<std::string> kNone;
  const std::string& head = T[last - 1].lower;
  auto titles = lexicon_.role_titles.find(head);
  int a = table->ResolveRoleNoun(
      head, titles == lexicon_.role_titles.end() ? kNone : titles->second, src.begin);
  // The role noun stays as an alias ("The president").
  if (a >= 0) table->AddReference(a, src, alias);
  return a;
}

Status PipelineExtractor::Extract(ArticleGraph* graph) const {
  Article& art = graph->article;
  const std::string& text = art.text;
  if (text.size() > UINT32_MAX) return Status::InvalidArgument(art.source + ": article too large");
  if (art.content_hash.empty()) art.content_hash = Hex16(Hash64(text));
  if (art.id.empty()) art.id = ArticleId(art.url, text);
  Span body = art.body_span.empty() ? Span{0, static_cast<uint32_t>(text.size())} : art.body_span;

  // Sentences and tokens: the headline (statements are made there too: "X Says ...") as a
  // paragraph of its own, then the body.
  std::vector<Sentence> split = SplitSentences(text, body);
  std::vector<SentenceTokens> sentences;
  sentences.reserve(split.size() + 1);
  // Token vectors of earlier articles on this thread, reused (their capacity) rather than one
  // allocated and freed per sentence; handed back when `sentences` goes (declared after it).
  TokenVectorPool pool(&sentences);
  auto add_sentence = [&](SentenceTokens st) {
    pool.Take(&st.tokens);
    TokenizeInto(text, st.span, &st.tokens);
    lexicon_.Classify(&st.tokens);
    topics_.Classify(&st.tokens);
    if (!st.tokens.empty()) {
      sentences.push_back(std::move(st));
    } else {
      pool.Give(&st.tokens);
    }
  };
  if (!art.headline_span.empty() && art.headline_span.end <= body.begin) {
    SentenceTokens st;
    st.span = art.headline_span;
    st.paragraph = UINT32_MAX;
    st.title_case = true;
    add_sentence(std::move(st));
  }
  for (const Sentence& s : split) {
    SentenceTokens st;
    st.span = s.span;
    st.paragraph = s.paragraph;
    add_sentence(std::move(st));
  }

  // Time expressions of the headline and the body (not of the header's outlet and date lines,
  // which are metadata, nor of the page furniture), against the publication day.
  TimexOptions topt;
  if (art.published_date.has_interval()) topt.reference_day = art.published_date.first_day;
  Span timed = body;
  if (!art.headline_span.empty() && art.headline_span.begin < body.begin) {
    timed.begin = art.headline_span.begin;
  }
  std::string_view timed_text = std::string_view(text).substr(timed.begin, timed.size());
  try {
    graph->times = FindTimeExpressions(timed_text, topt);
  } catch (const std::exception& e) {
    // A failing time rule must not lose the article's statements; they stay undated.
    graph->times.clear();
  }
  for (auto& t : graph->times) {
    t.span.begin += timed.begin;
    t.span.end += timed.begin;
  }
  MarkTimeTokens(graph->times, &sentences);

  // Names and actors, in text order.
  ActorTable table(text);
  std::vector<std::vector<NameMention>> names(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    if (sentences[s].title_case) continue;  // title case: every word looks like a name
    names[s] = FindNames(text, sentences[s].tokens, lexicon_);
    for (const NameMention& m : names[s]) table.AddMention(m);
  }

  // Attributions and their speakers.
  std::vector<Attribution> attributions = FindAttributions(text, sentences, lexicon_);
  // The discourse of a statement for its topics: its paragraph, the paragraph before and the
  // headline (paragraph UINT32_MAX); each paragraph's strong topics computed once, when needed.
  std::unordered_map<uint32_t, std::vector<uint8_t>> paragraph_topics;
  auto topics_of_paragraph = [&](uint32_t p) -> const std::vector<uint8_t>& {
    auto [it, fresh] = paragraph_topics.try_emplace(p, topics_.topic_count(), 0);
    if (fresh)
      for (const SentenceTokens& st : sentences)
        if (st.paragraph == p) {
          std::vector<uint8_t> d = topics_.Discourse(st.tokens);
          for (size_t t = 0; t < d.size(); ++t) it->second[t] |= d[t];
        }
    return it->second;
  };
  auto discourse_of = [&](size_t first_sentence) {
    uint32_t p = sentences[first_sentence].paragraph;
    std::vector<uint8_t> d = topics_of_paragraph(UINT32_MAX);
    for (size_t si = first_sentence; si-- > 0;) {
      uint32_t q = sentences[si].paragraph;
      if (q != p && q != UINT32_MAX) {
        const std::vector<uint8_t>& before = topics_of_paragraph(q);
        for (size_t t = 0; t < d.size(); ++t) d[t] |= before[t];
        break;
      }
    }
    const std::vector<uint8_t>& own = topics_of_paragraph(p);
    for (size_t t = 0; t < d.size(); ++t) d[t] |= own[t];
    return d;
  };
  std::vector<Statement>& out = graph->statements;
  std::vector<DatingInput> dating;
  for (const Attribution& a : attributions) {
    const SentenceTokens& st = sentences[a.sentence];
    Speaker sp = ResolveSource(text, st, names[a.sentence], a.source_first, a.source_last, &table);
    Statement s;
    s.article_id = art.id;
    s.source_span = a.source;
    s.speaker = sp.name;
    if (sp.actor >= 0) s.speaker_id = table.actor(sp.actor).id;
    s.cue = std::string(SpanText(text, a.cue));
    s.cue_span = a.cue;
    for (const Span& part : a.content_parts) {
      if (!s.text.empty()) s.text += " ";
      s.text += SpanText(text, part);
    }
    s.text_span = a.content;
    s.sentence_span =
        Span{sentences[a.first_sentence].span.begin, sentences[a.last_sentence].span.end};
    s.direct = a.direct;
    s.rule = a.rule;
    s.confidence = a.confidence;
    if (!a.reporter.empty()) {
      // The relay: an organisation or person named in the chain.
      size_t first = 0, last = 0;
      for (size_t k = 0; k < st.tokens.size(); ++k) {
        if (st.tokens[k].begin == a.reporter.begin) first = k;
        if (st.tokens[k].end == a.reporter.end) last = k + 1;
      }
      if (last > first) {
        Speaker rel = ResolveSource(text, st, names[a.sentence], first, last, &table);
        std::string name = rel.name;
        if (name.size() > 4 && Lower(name.substr(0, 4)) == "the ") name = name.substr(4);
        s.reported_by.push_back(name);
        s.reported_by_ids.push_back(rel.actor >= 0 ? table.actor(rel.actor).id : "");
      }
    }
    s.id = StatementId(art.id, s.text_span);
    // Topics of the content, vetoed by the sentence.
    std::vector<const Token*> content_tokens;
    // The content's tokens are those of its sentences: no second tokenisation, no copies.
    for (const Span& part : a.content_parts) {
      for (size_t si = a.first_sentence; si <= a.last_sentence && si < sentences.size(); ++si) {
        const SentenceTokens& cs = sentences[si];
        if (cs.span.end <= part.begin || cs.span.begin >= part.end) continue;
        for (const Token& t : cs.tokens)
          if (t.begin >= part.begin && t.end <= part.end) content_tokens.push_back(&t);
      }
    }
    std::vector<uint8_t> discourse = discourse_of(a.first_sentence);
    s.topics = topics_.Match(content_tokens, st.tokens, &discourse);
    DatingInput di;
    di.sentence = s.sentence_span;
    di.content = a.content_parts;
    di.speaker_key = !s.speaker_id.empty() ? s.speaker_id : FoldName(s.speaker);
    if (sp.actor < 0 && a.source_last - a.source_first == 1) di.speaker_key.clear();  // "they"
    dating.push_back(std::move(di));
    out.push_back(std::move(s));
  }
  std::vector<DatingResult> dates = DateStatements(dating, graph->times, art.published_date);
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].date = dates[i].date;
    out[i].date_basis = dates[i].basis;
  }

  // Events: the participants are the sentence's subject (or the statement's speaker), the date
  // is written in the sentence or is that of the participants' statements.
  for (const EventMention& em : FindEvents(sentences, lexicon_)) {
    Event ev;
    ev.article_id = art.id;
    ev.type = em.type;
    ev.span = em.span;
    const SentenceTokens& st = sentences[em.sentence];
    const Statement* stmt = nullptr;
    for (const Statement& s : out)
      if (s.cue_span.begin >= st.span.begin && s.cue_span.end <= st.span.end &&
          (em.noun || s.cue_span.begin == st.tokens[em.cue_token].begin))
        stmt = &s;
    if (!em.noun && stmt == nullptr) continue;  // a verb event is an announcement statement
    if (!em.noun) ev.span = Span{stmt->source_span.begin, stmt->text_span.end};
    ev.text = std::string(SpanText(text, ev.span));
    std::string participant, participant_id;
    if (stmt != nullptr) {
      participant = stmt->speaker;
      participant_id = stmt->speaker_id;
    } else {
      for (const NameMention& m : names[em.sentence]) {
        if (m.span.begin >= ev.span.begin) break;
        int a = table.AddMention(m);
        if (a >= 0 && m.type != ActorType::kPlace) {
          participant = table.actor(a).name;
          participant_id = table.actor(a).id;
          break;
        }
      }
      if (participant.empty() && !st.tokens.empty() && IsPersonalPronoun(st.tokens[0].lower)) {
        int a = table.ResolvePronoun(st.tokens[0].lower, st.span.begin);
        if (a >= 0) {
          participant = table.actor(a).name;
          participant_id = table.actor(a).id;
        }
      }
    }
    if (!participant.empty()) {
      ev.participants.push_back(participant);
      ev.participant_ids.push_back(participant_id);
    }
    // Date: an expression in the sentence, else the statement's, else the participant's nearest.
    for (const TimeExpression& t : graph->times) {
      if (t.span.begin < st.span.begin || t.span.end > st.span.end) continue;
      DateBasis basis;
      if (auto tv = StatementDateOf(t, art.published_date, &basis)) {
        ev.date = *tv;
        ev.date_basis = basis;
        break;
      }
    }
    if (ev.date.empty() && stmt != nullptr && !stmt->date.empty()) {
      ev.date = stmt->date;
      ev.date_basis = stmt->date_basis;
    }
    if (ev.date.empty() && !participant.empty()) {
      uint32_t best_dist = UINT32_MAX;
      for (const Statement& s : out) {
        if (s.date.empty() || (s.speaker != participant)) continue;
        uint32_t d = s.cue_span.begin > ev.span.begin ? s.cue_span.begin - ev.span.begin
                                                      : ev.span.begin - s.cue_span.begin;
        if (d < best_dist) {
          best_dist = d;
          ev.date = s.date;
          ev.date_basis = DateBasis::kContext;
        }
      }
    }
    ev.id = EventId(art.id, ev.span);
    graph->events.push_back(std::move(ev));
  }

  graph->actors = table.TakeActors();  // the table's last use
  return Status::OK();
}

}  // namespace

Status Extractor::Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* out) {
  std::string dir = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
  std::string taxonomy_path =
      options.taxonomy_path.empty() ? dir + "/topics.tsv" : options.taxonomy_path;
  Taxonomy taxonomy;
  Status s = Taxonomy::Load(taxonomy_path, &taxonomy);
  if (!s.ok()) return s;
  Lexicon lexicon;
  std::string bytes;
  for (const char* name : {"cues.tsv", "lexicon.tsv", "events.tsv"}) {
    std::string path = dir + "/" + name;
    s = ReadWhole(path, &bytes);
    if (!s.ok()) return s;
    std::string_view n = name;
    s = n == "cues.tsv"      ? lexicon.ParseCues(bytes, path)
        : n == "lexicon.tsv" ? lexicon.ParseNames(bytes, path)
                             : lexicon.ParseEvents(bytes, path);
    if (!s.ok()) return s;
  }
  *out = std::make_unique<PipelineExtractor>(std::move(taxonomy), std::move(lexicon));
  return Status::OK();
}

}  // namespace tkg
