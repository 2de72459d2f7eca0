// Compact binary encoding of the stored records (values of the nodes column family).
// Every value starts with a record-format byte (1); integers are LEB128 varints (signed ones
// zigzag), strings and lists are length-prefixed, floats are 4 little-endian IEEE bytes.
// Chosen over JSON because values are read on every query row: decoding is a bounds-checked
// walk with no parser or allocation beyond the fields, and values are 2-4x smaller.
// The encoding is deterministic, so re-writing an unchanged record writes identical bytes.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tkg/engine/store.h"
#include "tkg/schema/types.h"

namespace tkg::codec {

// What one article contributed, so that its graph can be read back and replaced.
struct Manifest {
  std::vector<std::string> actor_ids;
  std::vector<std::string> statement_ids;
  std::vector<std::string> event_ids;
  std::vector<TimeExpression> times;
};

// An actor as one article saw it, plus how many statements it made there.
struct ArticleActor {
  Actor actor;
  uint32_t statement_count = 0;
};

// One version of an article: its record (without text) as that version had it, and how many
// statements it holds. Stored for every version, the current one included.
struct VersionRecord {
  uint32_t version = 0;
  Article article;  // text empty
  uint32_t statement_count = 0;
  bool superseded = false;
};

std::string Encode(const Article& a);  // without text (stored in the text family)
std::string Encode(const VersionRecord& v);
std::string Encode(const FeedState& f);
std::string Encode(const ActorView& a);  // merged actor; mentions are not stored
std::string Encode(const ArticleActor& a);
std::string Encode(const Statement& s);
std::string Encode(const Event& e);
std::string Encode(const Topic& t);
std::string Encode(const Manifest& m);
std::string Encode(const ActorMerge& m);  // an actor link (nodes "L" <from id>)
std::string EncodeOutlet(std::string_view name);

bool Decode(std::string_view in, Article* a);
bool Decode(std::string_view in, VersionRecord* v);
bool Decode(std::string_view in, FeedState* f);
bool Decode(std::string_view in, ActorView* a);
bool Decode(std::string_view in, ArticleActor* a);
bool Decode(std::string_view in, Statement* s);
bool Decode(std::string_view in, Event* e);
bool Decode(std::string_view in, Topic* t);
bool Decode(std::string_view in, Manifest* m);
bool Decode(std::string_view in, ActorMerge* m);
bool DecodeOutlet(std::string_view in, std::string* name);

}  // namespace tkg::codec
