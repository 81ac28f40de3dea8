// The binding constraint quarter by quarter (sim/analysis/period_binding), on hand-made replications
// whose monthly utilisation and queues are known: each quarter names what binds by the rule, or says
// that nothing binds and names the busiest; warm-up months are left out; a run cut short mid-quarter
// gives a period named by its months.
#include <catch2/catch.hpp>

#include "sim/analysis/period_binding.h"
#include "sim/record/resource_series.h"

namespace {

// A run from 2026-11-01 with a 61-day warm-up (Nov-Dec 2026) to 2027-08-31: months Nov 2026 .. Aug 2027.
// Resources: "ships" (a capacity), "storm" (a condition), "yard" (a capacity).
sim::Experiment experiment(const std::vector<double>& ships_use, const std::vector<double>& yard_queue, int reps) {
  sim::Experiment e;
  e.info.start_date = "2026-11-01";
  e.info.end_date = "2027-08-31";
  e.info.warmup_s = 61 * 86400.0;
  e.rule.utilisation = 0.85;
  e.rule.condition_kinds = {"sea_area"};
  e.layout.months = {"2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "2027-07", "2027-08"};
  e.layout.resources = {"ships", "storm", "yard"};
  e.layout.resource_kinds = {"vessel_line", "sea_area", "terminal"};
  const size_t months = e.layout.months.size(), util = sim::resource_series_index("utilisation"), queue = sim::resource_series_index("queue_mean");
  for (int r = 0; r < reps; ++r) {
    sim::ReplicationResult x;
    x.series.assign(sim::resource_series().size(), std::vector<std::vector<double>>(3, std::vector<double>(months, 0.0)));
    x.series[util][0] = ships_use;
    x.series[util][1] = std::vector<double>(months, 0.99);  // a storm "busy" all the time never binds
    x.series[util][2] = std::vector<double>(months, 0.30);
    x.series[queue][2] = yard_queue;
    for (double& v : x.series[util][0]) v += 0.001 * r;    // a little spread across replications
    e.ok.push_back(true);
    e.errors.push_back("");
    e.reps.push_back(x);
  }
  return e;
}

}  // namespace

TEST_CASE("Each quarter names what binds in it, or the busiest capacity when nothing does") {
  //                      warm-up    | Q1: ships above 85%  | Q2: nothing binds | Q3 (Jul-Aug only)
  const std::vector<double> ships = {1.0, 1.0, 0.90, 0.92, 0.95, 0.60, 0.62, 0.61, 0.50, 0.50};
  const std::vector<double> yard_q = {50, 60, 1, 1, 1, 0, 0, 0, 5, 9};  // grows in Jul-Aug
  const auto p = sim::period_binding(experiment(ships, yard_q, 4));
  REQUIRE(p.size() == 3);  // the warm-up's months are not a period
  CHECK(p[0].period == "2027-Q1");
  CHECK((p[0].binding && p[0].resource == "ships" && p[0].why == "utilisation above 85%"));
  CHECK(p[0].utilisation.mean == Approx((0.90 + 0.92 + 0.95) / 3 + 0.0015));
  CHECK(p[1].period == "2027-Q2");
  CHECK((!p[1].binding && p[1].resource == "ships" && p[1].why.empty()));  // the busiest capacity, not the storm
  CHECK(sim::period_binding_line(p[1]).find("nothing binds") != std::string::npos);
  CHECK(p[2].period == "2027-07..2027-08");  // the run ends in August
  CHECK((p[2].binding && p[2].resource == "yard" && p[2].why == "queue grows" && p[2].queue_end == Approx(9)));
  CHECK(sim::period_binding_line(p[2]).find("queue grows in 100% of replications, to 9.0 consignments in 2027-08") != std::string::npos);
  INFO(sim::period_binding_line(p[0]));
  CHECK(sim::period_binding_line(p[0]).find("utilisation above 85% in 100% of replications; mean 92.5%") != std::string::npos);
}

TEST_CASE("A queue that rises but levels off within the quarter does not bind") {
  const std::vector<double> ships(10, 0.5);
  const std::vector<double> yard_q = {0, 0, 20, 20.5, 21, 0, 0, 0, 0, 0};  // +5% over Q1: levelling off
  const auto p = sim::period_binding(experiment(ships, yard_q, 3));
  CHECK_FALSE(p[0].binding);
}
