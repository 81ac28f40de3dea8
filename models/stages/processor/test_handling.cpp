// terminal and border: an embargo held at a terminal by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "simulate.h"

using namespace testing_support;

TEST_CASE("an embargo holds one service's consignments at a stage while others pass", "[sim]") {
  // Trains of `held` and `free` arrive daily at 00:00; `held` is embargoed at the terminal from
  // 10 to 19 January: its ten trains wait and all leave on 20 January with that day's own train.
  const std::string yaml = R"(
name: embargo
start: 2025-01-01
end: 2025-01-31
stages:
  - name: terminal
    type: terminal
    servers: 20
    handling_time: 1h
    yard: 2000 TEU
    embargoes: [{from: 2025-01-10, to: 2025-01-19, sources: [held], reason: test}]
services:
  - {name: held, class: transit, route: [terminal], every: 1d, teu: 100 TEU}
  - {name: free, class: transit, route: [terminal], every: 1d, teu: 100 TEU}
metrics:
  - {name: held_out, count: trains, event: depart, at: terminal, source: held}
  - {name: free_out, count: trains, event: depart, at: terminal, source: free}
)";
  const auto held = daily(yaml, 0), free = daily(yaml, 1);
  for (int d = 9; d <= 18; ++d) CHECK(held[d] == 0);
  CHECK(held[19] == 11);
  for (int d = 0; d < 31; ++d) CHECK(free[d] == 1);
}
