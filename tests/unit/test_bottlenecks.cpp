// The bottleneck rule and the binding-constraint line: conditions never bind, the threshold is the
// model's, and the summary line names what binds or says that nothing does, never both.
#include <catch2/catch.hpp>

#include "sim/analysis/comparison.h"
#include "sim/output/experiment_summary.h"

namespace {

// An experiment of N replications with two resources: "ferry" (capacity) and "storms" (condition).
sim::Experiment two_resources(double ferry_use, double storm_use, int n = 4) {
  sim::Experiment e;
  e.rule = {0.85, {"sea_area"}};
  e.layout.resources = {"ferry", "weather:south"};
  e.layout.resource_kinds = {"vessel_line", "sea_area"};
  for (int r = 0; r < n; ++r) {
    sim::ReplicationResult rep;
    rep.utilisation_mean = {ferry_use + 0.002 * r, storm_use};
    e.reps.push_back(rep);
    e.ok.push_back(true);
    e.errors.emplace_back();
  }
  return e;
}

}  // namespace

TEST_CASE("a condition is never the binding constraint, however busy", "[bottlenecks]") {
  const auto bc = sim::binding_constraint(two_resources(0.30, 0.99));
  CHECK(bc.resource == "ferry");
  CHECK_FALSE(bc.binding);
  CHECK(bc.threshold == 0.85);
}

TEST_CASE("above the model's threshold a capacity binds", "[bottlenecks]") {
  CHECK(sim::binding_constraint(two_resources(0.90, 0.1)).binding);
  auto e = two_resources(0.90, 0.1);
  e.rule.utilisation = 0.95;  // the model's rule, not a constant of the analysis
  CHECK_FALSE(sim::binding_constraint(e).binding);
}

TEST_CASE("the binding-constraint line names what binds or says nothing binds, never both", "[bottlenecks]") {
  const auto binds = sim::binding_constraint_line(sim::binding_constraint(two_resources(0.90, 0.1)));
  CHECK(binds.rfind("Binding constraint: ferry (vessel_line), utilisation 90.3%", 0) == 0);
  CHECK(binds.find("above 85%") != std::string::npos);
  CHECK(binds.find("none") == std::string::npos);
  CHECK(binds.find("supply sets") == std::string::npos);

  const auto free = sim::binding_constraint_line(sim::binding_constraint(two_resources(0.30, 0.1)));
  CHECK(free.rfind("Binding constraint: none. No capacity runs above 85%", 0) == 0);
  CHECK(free.find("the busiest is ferry (vessel_line) at 30.3%") != std::string::npos);

  CHECK(sim::binding_constraint_line(sim::BindingConstraint{}) == "Binding constraint: none (the model has no capacity to bind)");
}
