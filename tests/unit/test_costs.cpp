// What a stage charges a consignment and what a sailing shares among its cargo (models/costs), the
// cost-effectiveness of a priced expansion (sim/analysis/cost_effectiveness) and the codec's cost
// fields, each against a hand computation.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>

#include "models/costs/stage_costs.h"
#include "sim/analysis/cost_effectiveness.h"
#include "sim/experiment/replication.h"

namespace {

std::shared_ptr<const models::CostsConfig> costs(std::vector<std::string> tariffs, std::vector<std::string> emissions, double km = 0) {
  auto c = std::make_shared<models::CostsConfig>();
  for (const auto& t : tariffs) c->tariffs.push_back(sim::parse_charge(t));
  for (const auto& e : emissions) c->emissions.push_back(sim::parse_charge(e));
  c->distance_km = km;
  return c;
}

}  // namespace

TEST_CASE("leaving a stage charges per amount, per amount-km and per amount-day at the stage", "[costs]") {
  const models::StageCosts sc({costs({"2 USD/TEU", "0.5 USD/TEU-km", "10 USD/TEU/d", "300 USD/train", "1 USD/t"}, {"20 g CO2/TEU-km"}, 400)});
  models::Job j;
  j.amounts.teu = 100;
  j.amounts.trains = 1;
  j.arrived = 86400;  // two days at the stage
  sc.leave(j, 0, 3 * 86400);
  // 2 x 100 + 0.5 x 100 x 400 + 10 x 100 x 2 + 300 (no tonnes) = 200 + 20000 + 2000 + 300
  CHECK(j.usd == Approx(22500));
  CHECK(j.kg_co2 == Approx(0.02 * 100 * 400));
}

TEST_CASE("a sailing shares its per-call and per-vessel-hour charges by load", "[costs]") {
  auto c = std::make_shared<models::CostsConfig>(*costs({"1000 USD/call"}, {}));
  c->at_sea.push_back(sim::parse_charge("1 t CO2/h"));
  c->in_port.push_back(sim::parse_charge("100 USD/h"));
  const models::StageCosts sc({c});
  std::vector<models::Job> cargo(2);
  cargo[0].amounts.wagons = 30;
  cargo[1].amounts.wagons = 10;
  sc.voyage(cargo, 0, sim::Measure::Wagons, 10 * 3600.0, 5 * 3600.0);
  // 1000 + 5 h x 100 = 1500 USD and 10 t CO2, shared 3:1
  CHECK(cargo[0].usd == Approx(1125));
  CHECK(cargo[1].usd == Approx(375));
  CHECK(cargo[0].kg_co2 == Approx(7500));
  CHECK(cargo[1].kg_co2 == Approx(2500));
  models::Job part = cargo[0].part(0.2);
  CHECK(part.usd == Approx(225));
  CHECK(part.amounts.wagons == Approx(6));
}

TEST_CASE("an expansion's cost per extra TEU: annualised straight line over the paired extra", "[costs]") {
  sim::Experiment base, alt;
  const double b[] = {1000, 1100, 1200}, a[] = {2000, 2100, 2300};
  for (int r = 0; r < 3; ++r) {
    sim::ReplicationResult rb, ra;
    rb.costs.totals = {{b[r] / 2, 0, 0, 0}, {b[r] / 2, 0, 0, 0}};  // two sources
    ra.costs.totals = {{a[r], 0, 0, 0}};
    rb.measured_years = ra.measured_years = 0.5;  // per year: twice the totals
    base.reps.push_back(rb);
    alt.reps.push_back(ra);
    base.ok.push_back(true);
    alt.ok.push_back(true);
  }
  alt.layout.expansions = {{"kept", "", 1e9, 0, 10, 2025}, {"new", "", 20e6, 1e6, 20, 2025}};
  base.layout.expansions = {{"kept", "", 1e9, 0, 10, 2025}};
  const auto ce = sim::cost_effectiveness(base, alt);
  REQUIRE(ce.expansions == std::vector<std::string>{"new"});
  CHECK(ce.annualised_usd == Approx(2e6));  // 20e6 / 20 + 1e6
  // extra per year 2000, 2000, 2200: mean 2066.67
  CHECK(ce.teu.extra_per_year.mean == Approx(6200.0 / 3));
  CHECK(ce.teu.usd_per_unit == Approx(2e6 / (6200.0 / 3)));
  CHECK(ce.teu.ci_low == Approx(2e6 / ce.teu.extra_per_year.ci_high));
  CHECK(std::isnan(ce.tonnes.usd_per_unit));  // no extra tonnes: no cost per extra tonne
}

TEST_CASE("the replication codec carries the cost results", "[costs]") {
  sim::ReplicationResult r;
  r.costs.stats = {{1, 2, 3, 4, 5, 6, NAN, NAN, NAN, 7, 8, 9, 10, 11, 12, 13, 14, 15}};
  r.costs.monthly = {{{1, 2}, {3, 4}}};
  r.costs.totals = {{100, 0, 5000, 60}};
  r.costs.declared = 1;
  r.measured_years = 0.75;
  const auto back = sim::from_bytes(sim::to_bytes(r));
  CHECK(back.costs.stats[0][0] == 1);
  CHECK(std::isnan(back.costs.stats[0][6]));
  CHECK(back.costs.monthly[0][1][1] == 4);
  CHECK(back.costs.totals[0][2] == 5000);
  CHECK(back.costs.declared == 1);
  CHECK(back.measured_years == 0.75);
}
