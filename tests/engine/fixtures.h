// Hand-built article graphs for the engine tests. Names, outlets and sentences are invented.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "test_support.h"
#include "tkg/engine/store.h"
#include "tkg/schema/ids.h"
#include "tkg/schema/time_value.h"

namespace tkg::enginetest {

inline TimeValue Tv(const std::string& timeml) {
  if (timeml.empty()) return TimeValue{};
  auto t = ParseTimeValue(timeml);
  REQUIRE(t.has_value());
  return *t;
}

inline DayNumber Day(const std::string& iso) {
  auto d = ParseDateBound(iso, false);
  REQUIRE(d.has_value());
  return *d;
}

inline DayNumber LastDay(const std::string& iso) {
  auto d = ParseDateBound(iso, true);
  REQUIRE(d.has_value());
  return *d;
}

// Builds one ArticleGraph; spans are found by searching the text.
class ArticleBuilder {
 public:
  ArticleBuilder(const std::string& url, const std::string& outlet, const std::string& headline,
                 const std::string& body, const std::string& published = "2016-03-20") {
    Article& a = g_.article;
    a.url = url;
    a.outlet = outlet;
    a.headline = headline;
    a.text = headline + "\n\n" + body;
    a.id = ArticleId(url, a.text);
    a.published = published + "T10:00:00Z";
    a.published_date = Tv(published);
    a.source = "test://" + url;
    a.format = "text";
    a.content_hash = Hex16(Hash64(a.text));
    a.ingested_at = 1700000000;
    a.headline_span = {0, static_cast<uint32_t>(headline.size())};
    a.body_span = {static_cast<uint32_t>(headline.size() + 2),
                   static_cast<uint32_t>(a.text.size())};
  }

  Span Find(const std::string& needle) const {
    size_t p = g_.article.text.find(needle);
    REQUIRE(p != std::string::npos);
    return {static_cast<uint32_t>(p), static_cast<uint32_t>(p + needle.size())};
  }

  std::string AddActor(const std::string& name, ActorType type,
                       std::vector<std::string> aliases = {}, std::vector<Role> roles = {}) {
    Actor a;
    a.name = name;
    a.type = type;
    a.id = ActorId(type, name);
    a.aliases = std::move(aliases);
    a.roles = std::move(roles);
    size_t p = g_.article.text.find(name);
    if (p != std::string::npos) {
      a.mentions.push_back({static_cast<uint32_t>(p), static_cast<uint32_t>(p + name.size())});
    }
    g_.actors.push_back(a);
    return a.id;
  }

  // A statement whose sentence and content are substrings of the text.
  Statement& Say(const std::string& speaker_id, const std::string& speaker,
                 const std::string& sentence, const std::string& content, const std::string& timeml,
                 std::vector<std::string> topics = {}, float confidence = 0.9f) {
    Statement s;
    s.article_id = g_.article.id;
    s.speaker_id = speaker_id;
    s.speaker = speaker;
    s.sentence_span = Find(sentence);
    s.text_span = Find(content);
    s.text = content;
    s.id = StatementId(g_.article.id, s.text_span);
    s.cue = "said";
    s.date = Tv(timeml);
    s.date_basis = timeml.empty() ? DateBasis::kNone : DateBasis::kExplicit;
    s.topics = std::move(topics);
    s.confidence = confidence;
    s.rule = "test";
    g_.statements.push_back(s);
    return g_.statements.back();
  }

  Event& AddEvent(const std::string& type, const std::string& text, const std::string& timeml,
                  std::vector<std::string> participant_ids) {
    Event e;
    e.article_id = g_.article.id;
    e.type = type;
    e.text = text;
    e.span = Find(text);
    e.id = EventId(g_.article.id, e.span);
    e.date = Tv(timeml);
    e.participant_ids = std::move(participant_ids);
    g_.events.push_back(e);
    return g_.events.back();
  }

  ArticleGraph& graph() { return g_; }

 private:
  ArticleGraph g_;
};

inline std::unique_ptr<Store> OpenStore(const std::string& dir, StoreOptions options = {}) {
  std::unique_ptr<Store> store;
  Status s = Store::Open(options, dir, &store);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return store;
}

inline void Put(Store& store, const ArticleGraph& g, PutOutcome expected) {
  PutOutcome outcome{};
  Status s = store.PutArticle(g, &outcome);
  INFO(s.ToString());
  REQUIRE(s.ok());
  REQUIRE(outcome == expected);
}

inline std::vector<std::string> Ids(const StatementPage& page) {
  std::vector<std::string> out;
  for (const auto& v : page.statements) out.push_back(v.statement.id);
  return out;
}

inline std::vector<std::string> TextsOf(Store& store, StatementQuery q) {
  StatementPage page;
  Status s = store.QueryStatements(q, &page);
  INFO(s.ToString());
  REQUIRE(s.ok());
  std::vector<std::string> out;
  for (const auto& v : page.statements) out.push_back(v.statement.text);
  return out;
}

}  // namespace tkg::enginetest
