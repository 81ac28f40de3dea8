#pragma once
// What counts as a bottleneck is the model's call, not the analysis code's: the utilisation above
// which a resource is called a bottleneck, and which kinds of resource are conditions (weather)
// rather than capacities, so that they are never named as what binds. The models hand a rule in
// (models/run/simulation.h, bottleneck_rule()).
#include <algorithm>
#include <string>
#include <vector>

namespace sim {

struct BottleneckRule {
  double utilisation = 1.0;                  // a share of time busy, 0..1 (1: only queues flag, until the model says)
  std::vector<std::string> condition_kinds;  // resource kinds that are conditions, not capacities
  bool is_capacity(const std::string& kind) const {
    return std::find(condition_kinds.begin(), condition_kinds.end(), kind) == condition_kinds.end();
  }
};

}  // namespace sim
