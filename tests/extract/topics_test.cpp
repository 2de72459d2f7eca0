#include "../../importers/src/extract/topics.h"

#include <catch2/catch.hpp>

#include "tkg/schema/taxonomy.h"

using namespace tkg;
using namespace tkg::extract;

namespace {

const char* kTaxonomy =
    "# test taxonomy\n"
    "cybersecurity\t\tcybersecurity|cyber*|hack*|!security guard*\n"
    "phishing\tcybersecurity\tphishing|phished\n"
    "health\t\thospital*|vaccin*\n";

std::vector<std::string> Topics(const Taxonomy& t, const std::string& content,
                                const std::string& sentence) {
  TopicMatcher m(t);
  auto c = Tokenize(content, Span{0, static_cast<uint32_t>(content.size())});
  auto s = Tokenize(sentence, Span{0, static_cast<uint32_t>(sentence.size())});
  return m.Match(c, s);
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

TEST_CASE("topics: terms, prefixes, ancestors and vetoes", "[topics]") {
  Taxonomy t;
  REQUIRE(Taxonomy::Parse(kTaxonomy, "test", &t).ok());
  auto a = Topics(t, "staff were phished last week", "staff were phished last week");
  CHECK(Has(a, "phishing"));
  CHECK(Has(a, "cybersecurity"));  // the ancestor
  auto b = Topics(t, "the hackers entered through a printer", "");
  CHECK(Has(b, "cybersecurity"));
  auto c = Topics(t, "cyber patrols by security guards", "cyber patrols by security guards");
  CHECK_FALSE(Has(c, "cybersecurity"));  // vetoed in its sentence
  auto d = Topics(t, "officials should welcome criticism online", "");
  CHECK(d.empty());
  auto e = Topics(t, "Hospitals need more vaccines", "");
  CHECK(Has(e, "health"));
}
