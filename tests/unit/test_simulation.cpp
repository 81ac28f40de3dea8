// Small simulations whose outcome can be computed by hand; each runs in its own child process.
#include <catch2/catch.hpp>

#include "in_child.h"
#include "models/scenario/config.h"
#include "models/run/simulation.h"
#include "simulate.h"
#include "sim/core/errors.h"
#include "sim/kernel/kernel.h"
#include "sim/experiment/parallel.h"
#include "sim/analysis/stats.h"

#include <cmath>

using namespace testing_support;

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
