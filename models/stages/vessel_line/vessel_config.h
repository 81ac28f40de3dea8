#pragma once
// Vessels shuttling between two ports: rail ferries, container feeders, tankers.
#include <string>
#include <vector>

#include "models/stages/vessel_line/timetable.h"
#include "sim/core/errors.h"
#include "sim/core/random.h"
#include "sim/record/observe.h"

namespace models {

struct VesselConfig {
  int fleet = 1;
  sim::Measure unit = sim::Measure::Wagons;  // what the capacity counts
  double capacity = 0;                       // per vessel, in `unit` (the first class's, with `classes`)
  // A fleet of different sizes (`fleet: [{count: 3, capacity: 12400 t}, ...]`): vessels are numbered
  // in list order, and a fleet change keeps the first N in service. Empty: all vessels are `capacity`.
  struct VesselClass {
    std::string name;  // optional, so that extends and --set can address a class
    int count = 0;
    double capacity = 0;
  };
  std::vector<VesselClass> classes;
  // Vessel I's capacity (from 0); vessels beyond the listed ones (added by changes) are the size of
  // the last class.
  double capacity_of(int i) const {
    for (const auto& c : classes) {
      if (i < c.count) return c.capacity;
      i -= c.count;
    }
    return classes.empty() ? capacity : classes.back().capacity;
  }
  double load_factor = 1;                    // share of capacity usable (sea level, draught limits)
  double loading_rate = 0;                   // units per second at the origin; 0: loading_time per call
  sim::Distribution loading_time, crossing_time, unloading_time, return_time;
  enum class Policy { WhenFull, Slots, Timetable } policy = Policy::WhenFull;
  double max_wait = 0;       // WhenFull: sail with a part load this long after the first cargo boards; 0: never
  double storage = 0;        // tonnes of shore storage at the origin; queued cargo beyond it is backlog
  int berths = 1;            // vessels of this line that can load at the same time
  std::string berth_pool;    // berths shared with other lines at the origin ("" = none)
  sim::Where berth_pool_where;
  double slot_interval = 0;  // Slots: one departure per interval, from the run's start
  Timetable timetable;       // Timetable: departures only at its slots
  struct Change {
    long day = 0;
    int fleet = -1;
    double load_factor = -1;
    sim::Where where;
  };
  std::vector<Change> changes;
};

}  // namespace models
