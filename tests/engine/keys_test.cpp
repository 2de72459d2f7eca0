// The key encoding (engine/src/keys.cpp) keeps the orders that the range scans rely on.
#include "../../engine/src/keys.h"

#include <catch2/catch.hpp>

using namespace tkg;

TEST_CASE("encoded days sort like the days, negative ones included", "[keys]") {
  std::vector<DayNumber> days = {-800000, -1, 0, 1, 16800, 16801, 2000000};
  for (size_t i = 1; i < days.size(); ++i) {
    CHECK(keys::EncodeDay(days[i - 1]) < keys::EncodeDay(days[i]));
    CHECK(keys::DecodeDay(keys::EncodeDay(days[i]).data()) == days[i]);
  }
}

TEST_CASE("date classes bound the interval length", "[keys]") {
  CHECK(keys::DateClass(100, 100) == 0);
  CHECK(keys::DateClass(100, 106) == 1);
  CHECK(keys::DateClass(100, 130) == 2);
  CHECK(keys::DateClass(100, 190) == 3);
  CHECK(keys::DateClass(100, 465) == 5);
  CHECK(keys::DateClass(0, 3652) == 6);
  CHECK(keys::DateClass(0, 400000) == 8);
  for (uint8_t c = 0; c < keys::kNumDateClasses; ++c) {
    CHECK(keys::DateClass(
              0, static_cast<DayNumber>(std::min<int64_t>(keys::MaxSpan(c), 1 << 30))) == c);
  }
}

TEST_CASE("date entries of one prefix sort by class, first day, id", "[keys]") {
  TimeValue day{"2016-03-02", TimePrecision::kDay, 16862, 16862};
  TimeValue later{"2016-03-03", TimePrecision::kDay, 16863, 16863};
  TimeValue undated;
  std::string base = keys::DateBase(keys::kIdxStmtTopic, "cyber");
  CHECK(keys::DateEntry(base, day, "s2") < keys::DateEntry(base, later, "s1"));
  CHECK(keys::DateEntry(base, day, "s1") < keys::DateEntry(base, day, "s2"));
  CHECK(keys::DateEntry(base, later, "s9") < keys::DateEntry(base, undated, "s0"));
  // A longer topic id never falls inside the range of a shorter one.
  std::string longer = keys::DateEntry(keys::DateBase(keys::kIdxStmtTopic, "cyber-x"), day, "s1");
  CHECK(longer >= keys::Successor(base));
  CHECK(keys::DateEntryValue(day) == keys::EncodeDay(16862));
  CHECK(keys::DateEntryValue(undated).empty());
}

TEST_CASE("edge keys round-trip and group by node and type", "[keys]") {
  Edge e{"s1", EdgeType::kHoldsRole, "o2", "vice president", "a3", Span{4, 9}};
  for (bool out : {true, false}) {
    std::string k = keys::EdgeKey(e, out);
    CHECK(k.rfind(keys::EdgePrefix(out ? "s1" : "o2", EdgeType::kHoldsRole, out), 0) == 0);
    Edge back;
    REQUIRE(keys::ParseEdgeKey(k, &back));
    CHECK(back.from == "s1");
    CHECK(back.to == "o2");
    CHECK(back.type == EdgeType::kHoldsRole);
    CHECK(back.article_id == "a3");
    CHECK(back.data == "vice president");
  }
  Span s;
  REQUIRE(keys::DecodeSpan(keys::EncodeSpan({4, 9}), &s));
  CHECK(s == Span{4, 9});
  CHECK(keys::EdgeKey(e, true) >=
        keys::Successor(keys::EdgePrefix("s", EdgeType::kHoldsRole, true)));
}

TEST_CASE("cursors round-trip and reject garbage", "[keys]") {
  keys::Cursor c{false, -42, "s0123456789abcdef"};
  keys::Cursor back;
  REQUIRE(keys::DecodeCursor(keys::EncodeCursor(c), &back));
  CHECK(back.undated == false);
  CHECK(back.day == -42);
  CHECK(back.id == c.id);
  CHECK_FALSE(keys::DecodeCursor("", &back));
  CHECK_FALSE(keys::DecodeCursor("xyz", &back));
  CHECK_FALSE(keys::DecodeCursor("0200000000000073", &back));
}

TEST_CASE("successor bounds a prefix", "[keys]") {
  CHECK(keys::Successor("ab") == "ac");
  CHECK(keys::Successor(std::string("a\xff", 2)) == "b");
  CHECK(keys::NameKeyActor(keys::NameKey("xi jinping", "p1")) == "p1");
  CHECK(keys::NameKeyName(keys::NameKey("xi jinping", "p1")) == "xi jinping");
}

TEST_CASE("history row ids and version keys round-trip and sort by version", "[keys][history]") {
  std::string sid, aid;
  uint32_t v = 0;
  std::string row = keys::HistoryRowId("s0123456789abcdef", "a00ff", 12);
  CHECK(row == "s0123456789abcdef@a00ff@12");
  REQUIRE(keys::ParseHistoryRowId(row, &sid, &aid, &v));
  CHECK(sid == "s0123456789abcdef");
  CHECK(aid == "a00ff");
  CHECK(v == 12);
  // A statement id holding '@' still parses (article ids never hold one).
  REQUIRE(keys::ParseHistoryRowId(keys::HistoryRowId("s@x", "a1", 4294967295u), &sid, &aid, &v));
  CHECK(sid == "s@x");
  CHECK(aid == "a1");
  CHECK(v == 4294967295u);
  CHECK_FALSE(keys::ParseHistoryRowId("s0123456789abcdef", &sid, &aid, &v));
  CHECK_FALSE(keys::ParseHistoryRowId("s1@a1@0", &sid, &aid, &v));
  CHECK_FALSE(keys::ParseHistoryRowId("s1@a1@x", &sid, &aid, &v));
  CHECK_FALSE(keys::ParseHistoryRowId("s1@a1@4294967296", &sid, &aid, &v));
  CHECK_FALSE(keys::ParseHistoryRowId("a1@3", &sid, &aid, &v));

  CHECK(keys::VersionKey("a1", 2) < keys::VersionKey("a1", 10));
  CHECK(keys::VersionKey("a1", 255) < keys::VersionKey("a1", 256));
  CHECK(keys::VersionOfKey(keys::VersionKey("a1", 256)) == 256);
  CHECK(keys::VersionKey("a1", 1).rfind(keys::VersionPrefix("a1"), 0) == 0);
  CHECK(keys::VersionKey("a10", 1).rfind(keys::VersionPrefix("a1"), 0) != 0);
  CHECK(keys::VersionTextKey("a1", 1) != keys::TextKey("a1"));
  CHECK(keys::HistoryStatementKey("a1", 1, "s9") < keys::HistoryStatementKey("a1", 2, "s0"));
  CHECK(keys::DateBase(keys::HistoryIndex(keys::kIdxStmtDate)) == "d");
  CHECK(keys::DateBase(keys::HistoryIndex(keys::kIdxStmtSpeaker), "p1") ==
        std::string("sp1") + '\0');
}

TEST_CASE("actor link and surname keys hold the actor after the name, scoped by prefix",
          "[keys][links]") {
  std::string k = keys::LinkedFromKey("p1", "p2");
  CHECK(k == std::string("Lp1\0p2", 6));
  CHECK(k.rfind(keys::LinkedFromPrefix("p1"), 0) == 0);
  CHECK(k.rfind(keys::LinkedFromPrefix("p"), 0) != 0);  // "p" does not match "p1"'s keys
  CHECK(keys::KeyTailAfterNul(k) == "p2");
  std::string u = keys::SurnameKey("whitlow", "p3");
  CHECK(u == std::string("Uwhitlow\0p3", 11));
  CHECK(u.rfind(keys::SurnamePrefix("whitlow"), 0) == 0);
  CHECK(u.rfind(keys::SurnamePrefix("whit"), 0) != 0);
  CHECK(keys::KeyTailAfterNul(u) == "p3");
  CHECK(keys::KeyTailAfterNul("Unozero").empty());
}
