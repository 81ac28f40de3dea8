#pragma once
// Replications of a scenario in forked worker processes (SimGrid's Engine is once per process; this
// parent never builds one). Replication r draws from the streams (seed, r, name) whatever the number
// of workers, so results do not depend on --jobs, and scenarios compared share their random numbers.
#include <string>

#include "models/run/limits.h"
#include "models/scenario/config.h"
#include "sim/config/doc.h"
#include "sim/experiment/replication.h"

namespace models {

sim::Experiment run_replications(const sim::Document& doc, const Scenario& scenario, const std::string& scenario_file,
                                 int replications, int jobs, const std::string& progress_label, const Limits& limits = {});

}  // namespace models
