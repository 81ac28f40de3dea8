// Small simulations whose outcome can be computed by hand; each runs in its own child process.
#include <catch2/catch.hpp>

#include "in_child.h"
#include "models/scenario/config.h"
#include "models/run/simulation.h"
#include "sim/core/errors.h"
#include "sim/kernel/kernel.h"
#include "sim/experiment/parallel.h"
#include "sim/analysis/stats.h"

#include <cmath>

namespace {

// Runs SCENARIO_YAML in a child process and returns what EXTRACT reads from the finished simulation.
template <class Extract>
std::vector<double> simulate(const std::string& yaml, Extract extract) {
  return in_child([&] {
    const auto doc = sim::load_document_text(yaml, "test.yaml");
    const auto scenario = models::load_scenario(doc);
    models::Simulation s(doc, scenario, {"test.yaml", "", 0});
    s.run();
    return extract(s);
  });
}

// The monthly series of metric 0 followed by the conservation ledger.
std::vector<double> run_yaml(const std::string& yaml) {
  return simulate(yaml, [](const models::Simulation& s) {
    auto out = s.recorder().metric_monthly(0);
    const auto& r = s.recorder();
    for (auto m : {sim::Measure::Teu, sim::Measure::Trains})
      for (double v : {r.created().get(m), r.delivered().get(m), s.results().in_system.get(m)}) out.push_back(v);
    return out;
  });
}

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

TEST_CASE("nothing is created or lost: created = delivered + in the network", "[sim]") {
  const auto v = run_yaml(R"(
name: conservation
start: 2025-01-01
end: 2025-06-30
seed: 11
stages:
  - {name: line, type: rail_section, running_time: {dist: triangular, min: 20h, mode: 1d, max: 3d}, capacity: 6 trains/d}
  - {name: yard, type: terminal, servers: 2, handling_time: {dist: exponential, mean: 9h}}
  - {name: border, type: border, servers: 1, processing_time: {dist: lognormal, mean: 4h, sd: 2h}}
services:
  - {name: trains, class: transit, route: [line, yard, border], every: {dist: exponential, mean: 5h}, teu: {dist: uniform, min: 60 TEU, max: 90 TEU}}
flows:
  - {name: boxes, class: import, route: [yard, border], arrivals: 6 /d, profile: [1, 1, 2, 2, 0, 1, 1, 1, 1, 1, 1, 1], teu: {dist: empirical, values: [1 TEU, 2 TEU], weights: [1, 3]}}
metrics:
  - {name: border_teu, count: teu, event: depart, at: border}
)");
  const size_t m = 6;  // six monthly values come first
  REQUIRE(v.size() == m + 6);
  for (size_t k = 0; k < 2; ++k) {
    const double created = v[m + 3 * k], delivered = v[m + 3 * k + 1], inside = v[m + 3 * k + 2];
    CHECK(created > 0);
    CHECK(delivered > 0);
    CHECK(created == Approx(delivered + inside).epsilon(1e-12));
  }
}

TEST_CASE("an actor that fails makes the run fail with a simulation error", "[sim]") {
  const auto v = in_child([] {
    sim::Kernel kernel(100.0, "test");
    kernel.spawn("faulty", [] {
      sim::sleep_until(5.0);
      throw std::runtime_error("boom");
    });
    try {
      kernel.run();
    } catch (const sim::SimulationError& e) {
      return std::vector<double>{1.0, sim::now()};
    }
    return std::vector<double>{0.0};
  });
  REQUIRE(v[0] == 1.0);
  CHECK(v[1] == 5.0);
}

namespace {

// Monthly values of every metric, in declaration order.
std::vector<double> all_monthly(const std::string& yaml) {
  return simulate(yaml, [](const models::Simulation& s) {
    std::vector<double> out;
    for (size_t m = 0; m < s.recorder().metrics().size(); ++m)
      for (double v : s.recorder().metric_monthly(m)) out.push_back(v);
    return out;
  });
}

const char* kFerry = R"(
name: ferry line by hand
start: 2025-01-01
end: 2025-01-31
weather:
  - {name: sea, storms: []}
stages:
  - name: ferry
    type: vessel_line
    fleet: 2
    capacity: 50 wagons
    crossing_time: 20h
    unloading_time: 4h
    return_time: 20h
    sea_area: sea
services:
  - {name: trains, class: transit, route: [ferry], every: 12h, wagons: 25 wagons}
metrics:
  - {name: wagons_landed, count: wagons, event: depart, at: ferry}
  - {name: sailings, count: vessels, event: sail, at: ferry}
)";

}  // namespace

TEST_CASE("a ferry line with fixed times gives the computable sailings and wagons", "[sim]") {
  // Two 25-wagon trains fill a ferry; with a 44 h round trip the two ferries alternate, sailing at
  // 12 h, 36 h, 60 h, ... : 31 sailings in 744 h, of which 30 have landed their 50 wagons by then.
  const auto v = all_monthly(kFerry);
  CHECK(v[0] == 1500);
  CHECK(v[1] == 31);
}

TEST_CASE("a storm keeps ferries in port for its days", "[sim]") {
  std::string yaml = kFerry;
  yaml.replace(yaml.find("storms: []"), 10, "storms: [{from: 2025-01-10, to: 2025-01-14}]");
  const auto v = all_monthly(yaml);
  // Five days without sailings: fewer sailings, but every ferry that sails after the storm is full.
  CHECK(v[1] < 31);
  CHECK(v[1] >= 31 - 6);
  CHECK(std::fmod(v[0], 50.0) == 0);
}

TEST_CASE("one berth with Poisson arrivals and exponential handling matches M/M/1", "[sim][queueing]") {
  // lambda = 0.8/h, mu = 1/h: mean time in system W = 1/(mu - lambda) = 5 h. Ten independent
  // replications of two years each; W must lie inside their 95% confidence interval.
  const std::string yaml = R"(
name: M/M/1
start: 2025-01-01
end: 2026-12-31
warmup: 30d
stages:
  - {name: berth, type: terminal, servers: 1, handling_time: {dist: exponential, mean: 1h}}
flows:
  - {name: ships, class: import, route: [berth], arrivals: 19.2 /d, tonnes: 1 t}
metrics:
  - {name: ships_served, count: tonnes, event: depart, at: berth}
)";
  const auto outcomes = sim::run_forked(10, 2, [&](int r) {
    const auto doc = sim::load_document_text(yaml, "mm1.yaml");
    const auto scenario = models::load_scenario(doc);
    models::Simulation s(doc, scenario, {"mm1.yaml", "", static_cast<std::uint64_t>(r)});
    s.run();
    const auto& days = s.recorder().transit()[0].days;
    double sum = 0;
    for (double d : days) sum += d;
    return std::to_string(24.0 * sum / static_cast<double>(days.size()));
  });
  std::vector<double> means;
  for (const auto& o : outcomes) {
    REQUIRE(o.ok);
    means.push_back(std::stod(o.output));
  }
  const auto s = sim::summarize(means);
  INFO("mean time in system " << s.mean << " h, 95% CI [" << s.ci_low << ", " << s.ci_high << "]");
  CHECK(s.ci_low <= 5.0);
  CHECK(s.ci_high >= 5.0);
  CHECK(s.ci_high - s.ci_low < 1.0);  // tight enough that a wrong model would miss
}

TEST_CASE("a ferry sails when the waiting cargo no longer fits, not after its maximum wait", "[sim]") {
  // 40-wagon trains every 12 h on 50-wagon ferries: a ferry takes a train, and sails as soon as the
  // next train arrives and does not fit in the 10 places left (not 3 days later). Train k (created at
  // 12k h) sails at 12(k+1) h and lands 24 h later: sailings for k = 0..60 start inside the 744 h
  // run, and landings for k = 0..58 end inside it (k = 59 lands exactly at the horizon).
  std::string yaml = kFerry;
  yaml.replace(yaml.find("wagons: 25 wagons"), 17, "wagons: 40 wagons");
  yaml.replace(yaml.find("    sea_area: sea"), 17, "    max_wait: 3d\n    sea_area: sea");
  yaml.replace(yaml.find("fleet: 2"), 8, "fleet: 4");
  const auto v = all_monthly(yaml);
  CHECK(v[1] == 61);
  CHECK(v[0] == 59 * 40);
}

TEST_CASE("a tanker fleet with fixed times delivers the computable monthly tonnage", "[sim][oil]") {
  // Two 10,000 t tankers, one loading berth, cargo always waiting: 12 h loading, 24 h out, 12 h
  // unloading, 24 h back. Tanker A lands at 48 h + 72k, tanker B (berth free at 12 h) at 60 h + 72k.
  // January (744 h): 10 + 10 landings; February (to 1416 h): 9 + 9.
  const auto v = all_monthly(R"(
name: tanker cycle
start: 2025-01-01
end: 2025-02-28
stages:
  - name: tankers
    type: vessel_line
    fleet: 2
    capacity: 10000 t
    berths: 1
    loading_time: 12h
    crossing_time: 24h
    unloading_time: 12h
    return_time: 24h
shippers:
  - {name: field, route: [tankers], nomination: 1000 kt/mo}
metrics:
  - {name: landed, count: tonnes, event: depart, at: tankers}
  - {name: voyages, count: vessels, event: sail, at: tankers}
)");
  CHECK(v[0] == 200000);
  CHECK(v[1] == 180000);
  // Sailings at 12 h + 72k (A) and 24 h + 72k (B). B's sailing at 24 + 720 = 744 h is the first
  // instant of February: January 11 + 10, February (744 h to 1416 h) 9 + 10.
  CHECK(v[2] == 21);
  CHECK(v[3] == 19);
}

namespace {
// Daily values of metric INDEX.
std::vector<double> daily(const std::string& yaml, size_t index) {
  return simulate(yaml, [index](const models::Simulation& s) { return s.recorder().metric_daily(index); });
}
}  // namespace

TEST_CASE("growth compounds a service's rate over the run", "[sim]") {
  // 10 trains/mo doubling every year: the integral over one year is 120 / ln 2 = 173.1 trains,
  // and December runs at 2^(11/12) = 1.89 times January's rate.
  const auto v = all_monthly(R"(
name: growth
start: 2025-01-01
end: 2025-12-31
stages:
  - {name: line, type: rail_section, running_time: 1h}
services:
  - {name: s, class: transit, route: [line], rate: 10 trains/mo, growth: 100%/yr}
metrics:
  - {name: trains, count: trains, event: create, source: s}
)");
  double total = 0;
  for (double x : v) total += x;
  CHECK(total == Approx(173.1).margin(1.5));
  CHECK(v[11] / v[0] == Approx(1.89).margin(0.15));
}

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
