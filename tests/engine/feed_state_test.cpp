// Per-feed polling state in the meta column family.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "test_support.h"

using namespace tkg;
using namespace tkg::enginetest;
using tkg::testing::TempDir;

TEST_CASE("feed state round-trips, is replaced, and survives reopening", "[store][feed]") {
  TempDir dir;
  std::string path = dir.Join("db");
  const std::string url = "https://harbor-ledger.example/rss.xml";
  {
    auto store = OpenStore(path);
    FeedState st;
    Status s = store->GetFeedState(url, &st);
    CHECK(s.IsNotFound());
    CHECK(s.message().find(url) != std::string::npos);
    CHECK(st.url == url);
    CHECK(st.seen_ids.empty());

    st.etag = "\"abc123\"";
    st.last_modified = "Thu, 26 Nov 2026 03:00:00 GMT";
    st.seen_ids = {"item-1", "item-2"};
    st.last_polled = 1795000000;
    REQUIRE(store->PutFeedState(st).ok());
    FeedState back;
    REQUIRE(store->GetFeedState(url, &back).ok());
    CHECK(back.url == url);
    CHECK(back.etag == st.etag);
    CHECK(back.last_modified == st.last_modified);
    CHECK(back.seen_ids == st.seen_ids);
    CHECK(back.last_polled == st.last_polled);

    st.etag.clear();
    st.seen_ids.push_back("item-3");
    REQUIRE(store->PutFeedState(st).ok());

    FeedState other;
    other.url = "https://northern-wire.example/feed";
    other.last_polled = 5;
    REQUIRE(store->PutFeedState(other).ok());
    // Feed state is not article data: the counters do not move.
    StoreStats stats;
    REQUIRE(store->Stats(&stats).ok());
    CHECK(stats.articles == 0);
  }
  auto store = OpenStore(path);
  FeedState back;
  REQUIRE(store->GetFeedState(url, &back).ok());
  CHECK(back.etag.empty());
  CHECK(back.seen_ids == std::vector<std::string>{"item-1", "item-2", "item-3"});
  REQUIRE(store->GetFeedState("https://northern-wire.example/feed", &back).ok());
  CHECK(back.last_polled == 5);
}

TEST_CASE("feed state keeps only the most recent seen ids", "[store][feed]") {
  TempDir dir;
  auto store = OpenStore(dir.Join("db"));
  FeedState st;
  st.url = "https://example.test/feed";
  for (size_t i = 0; i < FeedState::kMaxSeenIds + 250; ++i) {
    st.seen_ids.push_back("guid-" + std::to_string(i));
  }
  REQUIRE(store->PutFeedState(st).ok());
  FeedState back;
  REQUIRE(store->GetFeedState(st.url, &back).ok());
  REQUIRE(back.seen_ids.size() == FeedState::kMaxSeenIds);
  CHECK(back.seen_ids.front() == "guid-250");
  CHECK(back.seen_ids.back() == "guid-" + std::to_string(FeedState::kMaxSeenIds + 249));
}

TEST_CASE("feed state refuses an empty URL and read-only stores", "[store][feed]") {
  TempDir dir;
  std::string path = dir.Join("db");
  {
    auto store = OpenStore(path);
    FeedState st;
    CHECK(store->PutFeedState(st).IsInvalidArgument());
    CHECK(store->GetFeedState("", &st).IsInvalidArgument());
    st.url = "https://example.test/feed";
    REQUIRE(store->PutFeedState(st).ok());
  }
  StoreOptions ro;
  ro.read_only = true;
  auto reader = OpenStore(path, ro);
  FeedState st;
  REQUIRE(reader->GetFeedState("https://example.test/feed", &st).ok());
  CHECK(reader->PutFeedState(st).IsInvalidArgument());
}
