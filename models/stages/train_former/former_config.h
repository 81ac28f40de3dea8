#pragma once
// Loose containers or wagons grouped into trains of a given size (per cargo class).
#include "sim/record/observe.h"

namespace models {

struct FormerConfig {
  sim::Measure unit = sim::Measure::Teu;
  double train_size = 0;
  double max_wait = 0;  // a part train leaves this long after its first consignment arrived; 0: never
};

}  // namespace models
