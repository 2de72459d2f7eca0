#include "lexicon.h"

#include <algorithm>

namespace tkg::extract {

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t t = line.find('\t', pos);
    out.push_back(line.substr(pos, t == std::string_view::npos ? std::string_view::npos : t - pos));
    if (t == std::string_view::npos) break;
    pos = t + 1;
  }
  return out;
}

// Calls fn(line_number, fields) for every non-comment, non-blank line.
template <typename Fn>
Status ForEachRow(std::string_view text, std::string_view origin, size_t min_fields, Fn fn) {
  size_t pos = 0;
  int line_no = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    ++line_no;
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto fields = SplitTabs(line);
    if (fields.size() < min_fields || fields[0].empty()) {
      return Status::InvalidArgument(std::string(origin) + ": line " + std::to_string(line_no) +
                                     ": expected " + std::to_string(min_fields) +
                                     " tab-separated fields");
    }
    Status s = fn(line_no, fields);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

std::string LineError(std::string_view origin, int line_no, const std::string& what) {
  return std::string(origin) + ": line " + std::to_string(line_no) + ": " + what;
}

}  // namespace

std::string_view CueKindName(CueKind k) {
  switch (k) {
    case CueKind::kSpeech:
      return "speech";
    case CueKind::kReport:
      return "report";
    case CueKind::kBelief:
      return "belief";
    case CueKind::kDirective:
      return "directive";
    case CueKind::kObject:
      return "object";
    case CueKind::kAccording:
      return "according";
    case CueKind::kNoun:
      return "noun";
  }
  return "speech";
}

std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(phrase, Span{0, static_cast<uint32_t>(phrase.size())})) {
    // "Sen." at the end of a phrase: the tokenizer reads that period as a sentence end.
    if (t.lower == "." && !out.empty() && out.back().back() != '.') {
      out.back() += ".";
      continue;
    }
    out.push_back(t.lower);
  }
  return out;
}

namespace {
// The phrase's words joined by single spaces: "Vice  President" -> "vice president".
std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}
}  // namespace

void Lexicon::IndexHeads() {
  head_classes.clear();
  cues.ForEachHead([&](const std::string& w) { head_classes[w] |= cues.head_class(); });
  events.ForEachHead([&](const std::string& w) { head_classes[w] |= events.head_class(); });
  titles.ForEachHead([&](const std::string& w) { head_classes[w] |= titles.head_class(); });
  head_bloom = HashBloom{};
  for (const auto& [w, c] : head_classes) head_bloom.Add(WordHash{}(w));
}

void Lexicon::Classify(std::vector<Token>* tokens) const {
  for (Token& t : *tokens) {
    if (!t.is_word()) continue;
    uint16_t c = 0;
    if (head_bloom.MayHave(t.hash)) {
      auto it = head_classes.find(t);
      if (it != head_classes.end()) c = it->second;
    }
    t.cls = static_cast<uint16_t>((t.cls & (kClsTopicsDone | kClsTopicHead)) | kClsLexiconDone | c);
  }
}

Status Lexicon::ParseCues(std::string_view text, std::string_view origin) {
  Status st = ForEachRow(text, origin, 2, [&](int line_no, const auto& f) {
    Cue cue;
    cue.words = PhraseWords(f[0]);
    std::string_view kind = f[1];
    if (kind == "speech")
      cue.kind = CueKind::kSpeech;
    else if (kind == "report")
      cue.kind = CueKind::kReport;
    else if (kind == "belief")
      cue.kind = CueKind::kBelief;
    else if (kind == "directive")
      cue.kind = CueKind::kDirective;
    else if (kind == "object")
      cue.kind = CueKind::kObject;
    else if (kind == "according")
      cue.kind = CueKind::kAccording;
    else if (kind == "noun")
      cue.kind = CueKind::kNoun;
    else
      return Status::InvalidArgument(
          LineError(origin, line_no, "unknown cue kind '" + std::string(kind) + "'"));
    if (cue.words.empty()) return Status::InvalidArgument(LineError(origin, line_no, "empty cue"));
    cue.lemma = f.size() > 2 && !f[2].empty() ? std::string(f[2]) : std::string(f[0]);
    cues.Add(std::move(cue));
    return Status::OK();
  });
  IndexHeads();
  return st;
}

Status Lexicon::ParseNames(std::string_view text, std::string_view origin) {
  Status st = ForEachRow(text, origin, 2, [&](int line_no, const auto& f) {
    std::string_view kind = f[0];
    std::vector<std::string> words = PhraseWords(f[1]);
    if (words.empty()) return Status::InvalidArgument(LineError(origin, line_no, "empty entry"));
    std::string joined = JoinWords(words);
    if (kind == "title") {
      Title t;
      t.words = words;
      t.gender = f.size() > 2 ? std::string(f[2]) : "";
      t.capitalized_only = !f[1].empty() && f[1][0] >= 'A' && f[1][0] <= 'Z';
      titles.Add(std::move(t));
    } else if (kind == "org") {
      org_words.insert(joined);
    } else if (kind == "demonym") {
      if (f.size() < 3)
        return Status::InvalidArgument(LineError(origin, line_no, "demonym without a place"));
      demonyms[joined] = std::string(f[2]);
      std::vector<std::string> place = PhraseWords(f[2]);
      places.insert(JoinWords(place));
      if (place.size() > 1) place_heads.insert(place[0]);
    } else if (kind == "source") {
      source_nouns.insert(joined);
    } else if (kind == "nonname") {
      nonnames.insert(joined);
    } else if (kind == "place") {
      places.insert(joined);
      if (words.size() > 1) place_heads.insert(words[0]);
    } else if (kind == "group") {
      group_words.insert(joined);
    } else if (kind == "given") {
      if (f.size() < 3 || (f[2] != "male" && f[2] != "female"))
        return Status::InvalidArgument(
            LineError(origin, line_no, "a given name needs 'male' or 'female'"));
      given_genders[joined] = std::string(f[2]);
    } else if (kind == "role") {
      if (f.size() < 3)
        return Status::InvalidArgument(LineError(origin, line_no, "role without titles"));
      std::vector<std::string>& titles_of = role_titles[joined];
      for (std::string_view rest = f[2]; !rest.empty();) {
        size_t bar = rest.find('|');
        std::string title = JoinWords(PhraseWords(rest.substr(0, bar)));
        if (!title.empty()) titles_of.push_back(std::move(title));
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
      }
    } else {
      return Status::InvalidArgument(
          LineError(origin, line_no, "unknown kind '" + std::string(kind) + "'"));
    }
    return Status::OK();
  });
  IndexHeads();
  return st;
}

Status Lexicon::ParseEvents(std::string_view text, std::string_view origin) {
  Status st = ForEachRow(text, origin, 2, [&](int, const auto& f) {
    EventCue e;
    e.words = PhraseWords(f[0]);
    e.type = std::string(f[1]);
    e.noun = f.size() < 3 || f[2] != "verb";
    if (!e.words.empty()) events.Add(std::move(e));
    return Status::OK();
  });
  IndexHeads();
  return st;
}

}  // namespace tkg::extract
