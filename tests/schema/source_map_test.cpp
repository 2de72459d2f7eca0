// MapToSource: spans of derived text to spans of the original file.
#include <catch2/catch.hpp>

#include "tkg/schema/types.h"

namespace {

// Text "Head\n\nA & B." from a file where "Head" stands at 10, "A " at 40, "&amp;" at 42,
// " B." at 47.
tkg::Article Mapped() {
  tkg::Article a;
  a.text = "Head\n\nA & B.\n";
  a.source_map = {{0, 4, 10, 4}, {6, 2, 40, 2}, {8, 1, 42, 5}, {9, 3, 47, 3}};
  return a;
}

}  // namespace

TEST_CASE("source map: empty map is the identity", "[schema][source_map]") {
  tkg::Article a;
  a.text = "plain text";
  CHECK(tkg::MapToSource(a, tkg::Span{2, 7}) == tkg::Span{2, 7});
}

TEST_CASE("source map: verbatim runs map byte for byte", "[schema][source_map]") {
  tkg::Article a = Mapped();
  CHECK(tkg::MapToSource(a, tkg::Span{0, 4}) == tkg::Span{10, 14});
  CHECK(tkg::MapToSource(a, tkg::Span{1, 3}) == tkg::Span{11, 13});
  CHECK(tkg::MapToSource(a, tkg::Span{10, 12}) == tkg::Span{48, 50});
}

TEST_CASE("source map: entities and inserted text round outward", "[schema][source_map]") {
  tkg::Article a = Mapped();
  CHECK(tkg::MapToSource(a, tkg::Span{8, 9}) == tkg::Span{42, 47});   // "&" -> "&amp;"
  CHECK(tkg::MapToSource(a, tkg::Span{6, 12}) == tkg::Span{40, 50});  // the whole paragraph
  CHECK(tkg::MapToSource(a, tkg::Span{7, 9}) == tkg::Span{41, 47});   // " &"
  CHECK(tkg::MapToSource(a, tkg::Span{3, 7}) == tkg::Span{13, 41});   // across the blank line
  CHECK(tkg::MapToSource(a, tkg::Span{4, 6}) == tkg::Span{14, 40});   // only the blank line
  CHECK(tkg::MapToSource(a, tkg::Span{5, 6}) == tkg::Span{14, 40});
  CHECK(tkg::MapToSource(a, tkg::Span{12, 13}) == tkg::Span{50, 50});  // the final newline
  CHECK(tkg::MapToSource(a, tkg::Span{5, 5}).empty());
}
