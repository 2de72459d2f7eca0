// Attribution: who is reported to have said what. Finds, around each reporting cue of
// data/cues.tsv, the source and the content:
//   lead       X said (that) ... / X told Y ... / X urged Y to ... / X said: "..."
//   trailing   "...," X said.  /  ..., X said Tuesday.  (content may start sentences earlier)
//   inverted   "...," said X.
//   according  According to X, ... / ..., according to X.
//   participle X did Y, saying (that) ...   (the source is the sentence's subject)
//   appositive X, the head of Y, said ...
// and reporting chains: "He said that ..., the Post reported" makes the Post a relay of the
// statement, not a second speaker. Sources are token spans; resolving them to actors is the
// coreference stage's job.
// Pure: tokens in, records out. Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "tkg/schema/types.h"
#include "tokens.h"

namespace tkg::extract {

struct SentenceTokens {
  Span span;
  uint32_t paragraph = 0;
  bool title_case = false;  // a headline: capitalised words are not names by themselves
  std::vector<Token> tokens;
};

struct Attribution {
  size_t sentence = 0;        // the sentence holding the cue
  size_t first_sentence = 0;  // sentences the statement covers (quotes may span several)
  size_t last_sentence = 0;
  Span source;
  size_t source_first = 0;  // token indexes of the source in `sentence`
  size_t source_last = 0;   // one past
  Span cue;
  std::string cue_text;  // the cue as written, lower-cased: "said", "pointed out"
  CueKind kind = CueKind::kSpeech;
  Span content;                     // the content: from its first to its last byte
  std::vector<Span> content_parts;  // the pieces ("Q1," he said, "Q2.")
  bool direct = false;
  Span reporter;  // the relay of a reporting chain; empty if none
  std::string rule;
  float confidence = 0.f;
};

std::vector<Attribution> FindAttributions(std::string_view text,
                                          const std::vector<SentenceTokens>& sentences,
                                          const Lexicon& lexicon);

}  // namespace tkg::extract
