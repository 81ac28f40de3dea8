#pragma once
// What one run's statistics say: each target's simulated value against its observation, and the
// resources that bind (pure computations on the recorder's statistics).
#include <string>
#include <vector>

#include "sim/analysis/bottleneck_rule.h"
#include "sim/record/recorder.h"
#include "sim/record/run_info.h"

namespace sim {

struct TargetResult {
  TargetSpec spec;
  double simulated = 0, error_pct = 0;
  std::string units;
};

// Whether an error lies inside the target's tolerance: "yes", "no", or "-" when none is stated.
const char* inside_tolerance(double error_pct, double tolerance_pct);

struct Bottleneck {
  std::string resource, reason;
  double utilisation = 0;
};

struct RunResults {
  RunInfo info;
  std::vector<TargetResult> targets;
  std::vector<TargetSpec> skipped;  // observations outside the run's dates
  std::vector<Bottleneck> bottlenecks;
  BottleneckRule rule;  // the rule the bottlenecks were found by
  Amounts in_system;
};

// Targets compared, bottlenecks found: pure computations on the recorder's statistics.
std::vector<TargetResult> evaluate_targets(const Recorder& rec, const std::vector<TargetSpec>& targets);
std::vector<Bottleneck> find_bottlenecks(const Recorder& rec, const BottleneckRule& rule);

}  // namespace sim
