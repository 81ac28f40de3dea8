// Back-pressure by hand: a yard (a buffer before the second stage) fills, blocks its feeder, and drains.
#include <catch2/catch.hpp>

#include "simulate.h"

using namespace testing_support;

namespace {

// 24 consignments, one an hour from 00:00 on 1 January, through A (1 h each) into B (2.5 h each) with
// room for 2 waiting before B; A also has room for only 3 waiting, so the source holds the rest.
// B starts consignment k at 1 + 2.5k h and finishes it at 3.5 + 2.5k h. A finishes consignment 4 at
// 5 h but B's room is full (3 and 2 wait) until B starts 2 at 6 h: A keeps it, and its server, until
// then. From there A hands consignment k on at 2.5k - 4 h, B's pace, not at its own 1 h pace.
const char* kYard = R"(
name: a yard that fills
start: 2025-01-01
end: 2025-01-03
stages:
  - {name: a, type: terminal, servers: 1, handling_time: 1h, buffer: 3 consignments}
  - {name: b, type: terminal, servers: 1, handling_time: 2.5h, buffer: 2 consignments}
flows:
  - {name: boxes, class: import, route: [a, b], every: 1h, first: 2025-01-01, until: 2025-01-01, teu: 1 TEU}
metrics:
  - {name: out_of_b, count: consignments, event: depart, at: b}
)";

}  // namespace

TEST_CASE("a full buffer blocks its feeder after service, and the line drains at the bottleneck's pace", "[sim][blocking]") {
  const auto v = simulate(kYard, [](const models::Simulation& s) {
    std::vector<double> out = s.recorder().metric_daily(0);  // 3 days
    for (const auto& r : s.recorder().resources()) {
      double qmax = 0;
      for (double q : r.queue.monthly_max()) qmax = std::max(qmax, q);
      out.push_back(qmax);  // a, b, origin:boxes, in that order
    }
    out.push_back(s.results().in_system.teu);
    return out;
  });
  REQUIRE(v.size() == 3 + 3 + 1);
  // B finishes k at 3.5 + 2.5k h: k = 0..8 on day 1 (by 23.5 h), 9..17 on day 2 (by 46 h), 18..23 on day 3.
  CHECK(v[0] == 9);
  CHECK(v[1] == 9);
  CHECK(v[2] == 6);
  CHECK(v[3] == 3);  // A's waiting area never holds more than its room
  CHECK(v[4] == 2);  // nor B's
  CHECK(v[5] > 0);   // the source held consignments at origin
  CHECK(v[6] == 0);  // and everything drained by the end
}

TEST_CASE("a blocked feeder hands on at the pace of the stage it feeds", "[sim][blocking]") {
  const auto t = simulate(kYard, [](const models::Simulation& s) {
    std::vector<double> out;
    for (const auto& r : s.recorder().resources())
      if (r.name == "a") out.push_back(r.utilisation.overall_mean());
    return out;
  });
  // A holds its server from 0 h (first start) until it hands consignment 23 on at 2.5 x 23 - 4 = 53.5 h:
  // busy or blocked 53.5 h of the 72 h run, although it works only 24 h.
  CHECK(t[0] == Approx(53.5 / 72).epsilon(1e-9));
}
