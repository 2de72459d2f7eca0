#include "tkg/importers/extraction_json.h"

namespace tkg {

namespace {

nlohmann::json SpanJson(Span s) { return nlohmann::json::array({s.begin, s.end}); }

nlohmann::json DateJson(const TimeValue& v) {
  return v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.value);
}

}  // namespace

nlohmann::json ExtractionToJson(const ArticleGraph& g) {
  using nlohmann::json;
  const Article& a = g.article;
  json out;
  out["article"] = {{"id", a.id},
                    {"outlet", a.outlet},
                    {"headline", a.headline},
                    {"published", a.published},
                    {"published_date", DateJson(a.published_date)},
                    {"url", a.url},
                    {"source", a.source},
                    {"format", a.format},
                    {"content_hash", a.content_hash},
                    {"headline_span", SpanJson(a.headline_span)},
                    {"body_span", SpanJson(a.body_span)}};
  json actors = json::array();
  for (const Actor& x : g.actors) {
    json roles = json::array();
    for (const Role& r : x.roles) {
      json rj = {{"title", r.title}, {"of", r.of}};
      if (!r.evidence.empty()) rj["evidence"] = SpanJson(r.evidence);
      roles.push_back(std::move(rj));
    }
    json mentions = json::array();
    for (const Span& m : x.mentions) mentions.push_back(SpanJson(m));
    actors.push_back({{"id", x.id},
                      {"name", x.name},
                      {"type", std::string(ActorTypeName(x.type))},
                      {"aliases", x.aliases},
                      {"roles", std::move(roles)},
                      {"mentions", std::move(mentions)}});
  }
  out["actors"] = std::move(actors);
  json statements = json::array();
  for (const Statement& s : g.statements) {
    statements.push_back(
        {{"id", s.id},
         {"speaker", s.speaker},
         {"speaker_id", s.speaker_id},
         {"source_span", SpanJson(s.source_span)},
         {"cue", s.cue},
         {"cue_span", SpanJson(s.cue_span)},
         {"text", s.text},
         {"text_span", SpanJson(s.text_span)},
         {"sentence_span", SpanJson(s.sentence_span)},
         {"direct", s.direct},
         {"date", DateJson(s.date)},
         {"date_basis",
          s.date.empty() ? json(nullptr) : json(std::string(DateBasisName(s.date_basis)))},
         {"topics", s.topics},
         {"reported_by", s.reported_by},
         {"reported_by_ids", s.reported_by_ids},
         {"rule", s.rule},
         {"confidence", s.confidence}});
  }
  out["statements"] = std::move(statements);
  json times = json::array();
  for (const TimeExpression& t : g.times) {
    times.push_back({{"span", SpanJson(t.span)},
                     {"type", t.type},
                     {"value", t.value},
                     {"text", std::string(SpanText(a.text, t.span))}});
  }
  out["times"] = std::move(times);
  json events = json::array();
  for (const Event& e : g.events) {
    events.push_back(
        {{"id", e.id},
         {"type", e.type},
         {"text", e.text},
         {"span", SpanJson(e.span)},
         {"date", DateJson(e.date)},
         {"date_basis",
          e.date.empty() ? json(nullptr) : json(std::string(DateBasisName(e.date_basis)))},
         {"participants", e.participants},
         {"participant_ids", e.participant_ids}});
  }
  out["events"] = std::move(events);
  return out;
}

}  // namespace tkg
