#pragma once
// A consignment: a block train, a batch of containers or wagons, an oil lot. Plain data moved between
// actors; it carries its own history (created, route position), so transit times come for free.
#include <cstdint>
#include <vector>

#include "sim/record/observe.h"

namespace models {

struct Job {
  std::uint64_t id = 0;
  int source = -1;
  int cargo_class = 0;
  sim::Amounts amounts;
  double created = 0;
  const std::vector<int>* route = nullptr;  // stage indices, owned by the network
  size_t leg = 0;                           // index into *route of the stage it is at
  double arrived = 0;                       // when it reached the stage it is at
  double usd = 0, kg_co2 = 0;               // charged so far along its route (models/costs/stage_costs)
  // A part of it: SHARE of its amounts and of what it has been charged so far.
  Job part(double share) const {
    Job p = *this;
    p.amounts = amounts.scaled(share);
    p.usd = usd * share;
    p.kg_co2 = kg_co2 * share;
    return p;
  }
};

}  // namespace models
