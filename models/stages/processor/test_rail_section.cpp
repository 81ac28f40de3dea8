// rail_section: hand-checked runs of a line at capacity, a dated capacity change and an outage.
#include <catch2/catch.hpp>

#include <cmath>

#include "simulate.h"

using namespace testing_support;

namespace {

const char* kLineAtCapacity = R"(
name: line at capacity
start: 2025-01-01
end: 2025-01-31
stages:
  - {name: line, type: rail_section, running_time: 1h, capacity: 10 trains/d}
services:
  - {name: hourly, class: transit, route: [line], every: 1h, teu: 80 TEU}
metrics:
  - {name: trains_out, count: trains, event: depart, at: line}
)";

}  // namespace

TEST_CASE("a rail section at capacity passes exactly its capacity", "[sim]") {
  // 24 trains/d offered, 10 trains/d admitted over 31 days; the last start (day 30.9) ends in the run.
  const auto v = run_yaml(kLineAtCapacity);
  REQUIRE(v[0] == 310);
}

TEST_CASE("a capacity change on a date takes effect that day", "[sim]") {
  std::string yaml = kLineAtCapacity;
  yaml.replace(yaml.find("capacity: 10 trains/d}"), 22,
               "capacity: 10 trains/d, changes: [{date: 2025-01-16, capacity: 20 trains/d}]}");
  // 15 days at 10/d, then 16 days at 20/d.
  const auto v = run_yaml(yaml);
  REQUIRE(v[0] == 150 + 320);
}

TEST_CASE("an outage stops new starts for its days", "[sim]") {
  std::string yaml = kLineAtCapacity;
  yaml.replace(yaml.find("capacity: 10 trains/d}"), 22,
               "capacity: 10 trains/d, outages: [{from: 2025-01-11, to: 2025-01-20, reason: test}]}");
  // 10 of 31 days closed: 21 days at 10/d.
  const auto v = run_yaml(yaml);
  REQUIRE(v[0] == 210);
}
