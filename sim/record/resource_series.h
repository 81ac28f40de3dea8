#pragma once
// The monthly series every resource reports, declared once. The recorder closes their levels, the
// single-run and replication files write them, and the replication codec carries them, all by
// walking this table: a new series is one line in resource_series.cpp (plus its TimeWeighted
// member in ResourceStats if the level is new).
#include <string>
#include <vector>

#include "sim/record/recorder.h"

namespace sim {

// Which monthly figure of the time-weighted level a series reports.
enum class Monthly { Mean, Max };

struct ResourceSeries {
  std::string name;         // dataset name in result files
  std::string unit;         // the dataset's `units` attribute
  std::string description;  // the dataset's `description` attribute
  TimeWeighted ResourceStats::*level;
  Monthly figure;
  std::vector<double> of(const ResourceStats& r) const;  // one value per month
};

// In the order results carry them: ReplicationResult::series is indexed alike.
const std::vector<ResourceSeries>& resource_series();

// Index of the series called NAME; throws if there is none (a typo in the code, not in a scenario).
size_t resource_series_index(const std::string& name);

// The levels the table reads, each once: closing one twice would be harmless today, but a level
// belongs to the resource, not to the series that report it.
std::vector<TimeWeighted ResourceStats::*> resource_levels();

}  // namespace sim
