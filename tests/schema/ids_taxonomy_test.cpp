#include <catch2/catch.hpp>

#include "tkg/schema/ids.h"
#include "tkg/schema/taxonomy.h"

using namespace tkg;

TEST_CASE("ids are stable and depend on what identifies the thing") {
  CHECK(ArticleId("https://example.org/a", "text one") ==
        ArticleId("https://example.org/a", "other"));
  CHECK(ArticleId("", "text one") != ArticleId("", "text two"));
  CHECK(ArticleId("", "x").size() == 17);
  CHECK(ArticleId("", "x")[0] == 'a');
  CHECK(StatementId("a1", {10, 20}) != StatementId("a1", {10, 21}));
  CHECK(StatementId("a1", {10, 20}) != StatementId("a2", {10, 20}));
  CHECK(ActorId(ActorType::kPerson, "Maria Lindqvist") ==
        ActorId(ActorType::kPerson, "maria  lindqvist"));
  CHECK(ActorId(ActorType::kPerson, "Acme") != ActorId(ActorType::kOrganization, "Acme"));
  CHECK(ActorId(ActorType::kOrganization, "the Acme Group")[0] == 'o');
  // Extraction passes the name it folded already.
  CHECK(ActorIdOfFolded(ActorType::kOrganization, FoldName("the Acme  Group")) ==
        ActorId(ActorType::kOrganization, "the Acme  Group"));
  CHECK(TopicId("Cyber deterrence") == "cyber-deterrence");
  // A known value pins the hash function: ids must never change between versions.
  CHECK(Hex16(Hash64("")) == "2d06800538d394c2");
}

TEST_CASE("names fold case, curly quotes, spaces and a leading article") {
  CHECK(FoldName("  The  Ministry’s Office ") == "ministry's office");
}

TEST_CASE("the taxonomy parses topics, parents and terms") {
  const char* text =
      "# name\tparent\tterms\n"
      "cybersecurity\t\tcybersecurity|cyber security\n"
      "hacking\tcybersecurity\thack*|hacker\n"
      "ransomware\thacking\transomware\n"
      "\n"
      "economy\t\tinflation|gdp\n";
  Taxonomy tax;
  REQUIRE(Taxonomy::Parse(text, "topics.tsv", &tax).ok());
  REQUIRE(tax.topics().size() == 4);
  CHECK(tax.Find("Hacking")->terms == std::vector<std::string>{"hack*", "hacker"});
  CHECK(tax.WithAncestors("ransomware") ==
        std::vector<std::string>{"ransomware", "hacking", "cybersecurity"});
  auto all = tax.WithDescendants("cybersecurity");
  CHECK(all == std::vector<std::string>{"cybersecurity", "hacking", "ransomware"});
  CHECK(tax.WithAncestors("sports").empty());
}

TEST_CASE("a bad taxonomy names the file, the line and the problem") {
  Taxonomy tax;
  Status s = Taxonomy::Parse("cyber\n", "my.tsv", &tax);
  CHECK(s.IsInvalidArgument());
  CHECK(s.message() == "my.tsv:1: expected 3 tab-separated fields (name, parent, terms)");
  s = Taxonomy::Parse("a\tmissing\tx\n", "my.tsv", &tax);
  CHECK(s.message().find("unknown parent 'missing'") != std::string::npos);
  s = Taxonomy::Parse("a\tb\tx\nb\ta\ty\n", "my.tsv", &tax);
  CHECK(s.message().find("its own ancestor") != std::string::npos);
  s = Taxonomy::Parse("a\t\tx\nA\t\ty\n", "my.tsv", &tax);
  CHECK(s.message() == "my.tsv:2: topic 'A' defined twice");
  CHECK(Taxonomy::Load("/nonexistent/topics.tsv", &tax).IsIOError());
}

TEST_CASE("status carries a code and a message") {
  Status ok = Status::OK();
  CHECK(ok.ok());
  CHECK(ok.ToString() == "OK");
  Status nf = Status::NotFound("actor p123");
  CHECK(nf.IsNotFound());
  CHECK(nf.ToString() == "not found: actor p123");
}
