#pragma once
// Rail sections, terminals and border points: consignments queue and are served in parallel.
#include <vector>

#include "models/stages/common/windows.h"
#include "sim/core/random.h"

namespace models {

struct ProcessorConfig {
  int servers = -1;            // parallel handling; -1 = unlimited (a line where trains run in parallel)
  sim::Distribution service;   // running, handling or processing time per consignment
  // Minimum time between successive starts (from a capacity in trains/d). It applies to consignments
  // that are trains; loose containers and wagons pass without using a train path.
  double headway = 0;
  struct Change {
    long day = 0;
    int servers = -2;     // -2: unchanged; 0 closes the stage
    double headway = -1;  // -1: unchanged
    sim::Where where;
  };
  std::vector<Change> changes;  // dated capacity changes, in date order
  std::vector<SourceWindow> embargoes;  // these sources' consignments are not handled for these days
  double yard_teu = 0;  // terminals: yard capacity; its occupancy is reported as its own resource
};

}  // namespace models
