// Events: the occasions statements are made at, found by the event cues of data/events.tsv. A noun
// cue ("a meeting with senior officials ...") spans from its determiner to the end of the clause;
// a verb cue ("the government announced a plan ...") spans the clause from its subject.
// Participants and dates are attached by the pipeline (the subject, the statements' dates).
// Pure. Thread safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "attribution.h"
#include "lexicon.h"

namespace tkg::extract {

struct EventMention {
  size_t sentence = 0;
  size_t cue_token = 0;
  std::string type;
  bool noun = true;
  Span span;  // the event's text
};

std::vector<EventMention> FindEvents(const std::vector<SentenceTokens>& sentences,
                                     const Lexicon& lexicon);

}  // namespace tkg::extract
