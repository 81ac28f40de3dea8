// `transit:` on sources and metrics: a metric counts only the cargo of sources whose transit flag
// matches, whatever their trade class; the default flag follows the class.
#include <catch2/catch.hpp>

#include "simulate.h"

using namespace testing_support;

namespace {

// Three services, one train a day each for 31 days (January), 100, 10 and 1 TEU a train:
// an export booked as transit across the line, a transit-class one (transit by default), and an
// import (not transit by default).
const char* kLine = R"(
name: transit flags by hand
start: 2025-01-01
end: 2025-01-31
stages:
  - {name: line, type: rail_section, running_time: 1h}
services:
  - {name: exp, class: export, transit: true, route: [line], every: 1d, teu: 100 TEU}
  - {name: tr, class: transit, route: [line], every: 1d, teu: 10 TEU}
  - {name: imp, class: import, route: [line], every: 1d, teu: 1 TEU}
metrics:
  - {name: transit_teu, count: teu, at: line, transit: true}
  - {name: other_teu, count: teu, at: line, transit: false}
  - {name: transit_class_teu, count: teu, at: line, class: transit}
  - {name: transit_exp_teu, count: teu, at: line, transit: true, source: [exp, imp]}
)";

}  // namespace

TEST_CASE("metrics filter on the sources' transit flag, apart from the cargo class", "[sim]") {
  const auto v = all_monthly(kLine);
  REQUIRE(v.size() == 4);
  CHECK(v[0] == 31 * 110);  // exp (flagged) and tr (class transit)
  CHECK(v[1] == 31 * 1);    // imp
  CHECK(v[2] == 31 * 10);   // the class filter is unchanged: tr only
  CHECK(v[3] == 31 * 100);  // transit and among the named sources: exp only
}

TEST_CASE("a transit filter no source can meet is an error naming the metric", "[parse]") {
  std::string yaml = kLine;
  yaml.replace(yaml.find("source: [exp, imp]"), 18, "source: [imp]");
  const auto doc = sim::load_document_text(yaml, "flags.yaml");
  CHECK_THROWS_WITH(models::load_scenario(doc), Catch::Contains("metrics[transit_exp_teu].transit") && Catch::Contains("could count nothing"));
}
