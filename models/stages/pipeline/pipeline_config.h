#pragma once
// A pipeline fed from a terminal's storage: BTC from Sangachal. Capacity is shared max-min by the
// shippers whose routes end in it, each with an optional cap.
#include <string>
#include <vector>

#include "models/stages/common/windows.h"
#include "sim/core/random.h"

namespace models {

struct PipelineConfig {
  double capacity = 0;  // t/s
  struct Cap {
    std::string source;
    double cap = 0;  // t/s
    sim::Where where;
  };
  std::vector<Cap> caps;
  struct Change {
    long day = 0;
    double capacity = -1;
    sim::Where where;
  };
  std::vector<Change> changes;
  std::vector<SourceWindow> halts;  // a shipper's intake stops (no sources listed: every shipper's)
  double outages_per_year = 0;  // a stochastic outage process (Poisson), with
  sim::Distribution outage_duration;  // this duration
};

}  // namespace models
