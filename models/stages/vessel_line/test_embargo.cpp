// vessel_line: an entry embargo on a cargo class, by hand. Refused consignments stay with their
// source (held at origin, reported as origin:<source>) and board when the embargo ends.
#include <catch2/catch.hpp>

#include <string>

#include "simulate.h"

using namespace testing_support;

namespace {

// Trains of 25 wagons at 00:00 every day, one export and one transit; four 25-wagon ferries with a
// 2 h round trip, so a train sails as soon as it arrives and lands an hour later, the same day.
// Export wagons may not board from 10 to 19 January (inclusive).
const char* kEmbargo = R"(
name: ferry embargo by hand
start: 2025-01-01
end: 2025-01-31
stages:
  - name: ferry
    type: vessel_line
    fleet: 4
    capacity: 25 wagons
    crossing_time: 1h
    return_time: 1h
    embargoes:
      - {from: 2025-01-10, to: 2025-01-19, classes: [export], reason: test}
services:
  - {name: exp, class: export, route: [ferry], every: 1d, wagons: 25 wagons}
  - {name: tr, class: transit, route: [ferry], every: 1d, wagons: 25 wagons}
metrics:
  - {name: export_landed, count: wagons, event: depart, at: ferry, class: export}
  - {name: transit_landed, count: wagons, event: depart, at: ferry, class: transit}
)";

}  // namespace

TEST_CASE("an entry embargo holds one class at its origin and lets the rest sail", "[sim]") {
  const auto v = simulate(kEmbargo, [](const models::Simulation& s) {
    std::vector<double> out = s.recorder().metric_daily(0);
    const auto tr = s.recorder().metric_daily(1);
    out.insert(out.end(), tr.begin(), tr.end());
    for (const auto& r : s.recorder().resources())
      if (r.name == "origin:exp") out.push_back(r.queue_wagons.monthly_max()[0]);
    return out;
  });
  REQUIRE(v.size() == 31 + 31 + 1);
  for (int d = 0; d < 31; ++d) {
    INFO("day " << d + 1);
    // Export: 25 wagons a day, none from the 10th to the 19th, and on the 20th the ten held trains
    // plus that day's: 11 trains on 4 ferries sail at 0, 2 and 4 h and all land that day.
    const double expected = d >= 9 && d <= 18 ? 0 : d == 19 ? 11 * 25 : 25;
    CHECK(v[d] == expected);
    CHECK(v[31 + d] == 25);  // transit trains are not held, and get a ferry every day
  }
  CHECK(v[62] == 250);  // at most ten trains, 250 wagons, held at origin (on the 19th)
}
