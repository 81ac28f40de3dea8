#pragma once
// The one place consignments are charged: what each stage's `costs:` adds to a consignment's USD and
// kg CO2 when it leaves the stage, and what a vessel's sailing adds to the consignments aboard.
#include <memory>
#include <vector>

#include "models/costs/cost_config.h"
#include "models/network/job.h"
#include "sim/record/observe.h"

namespace models {

class StageCosts {
 public:
  // COSTS[i]: stage i's costs, null for none.
  explicit StageCosts(std::vector<std::shared_ptr<const CostsConfig>> costs) : costs_(std::move(costs)) {}
  bool any() const;
  // JOB leaves STAGE at T, having reached it at job.arrived: charges per amount, per amount-km and
  // per amount and time at the stage (dwell, storage). Per-call charges are the voyage's.
  void leave(Job& job, int stage, double t) const;
  // A vessel of STAGE carried CARGO: per-call charges once, per-vessel-hour charges for SEA_S seconds
  // at sea and PORT_S in port, shared among the consignments by their share of the load in UNIT.
  void voyage(std::vector<Job>& cargo, int stage, sim::Measure unit, double sea_s, double port_s) const;

 private:
  std::vector<std::shared_ptr<const CostsConfig>> costs_;
};

}  // namespace models
