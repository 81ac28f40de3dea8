#pragma once
// Transit-time reliability in the terminal summaries: p50, p95 and the share delivered within the
// scenario's `transit_within`, per service, flow or shipper (hooked into summary.cpp and
// experiment_output.cpp).
#include <ostream>

#include "sim/analysis/experiment_results.h"
#include "sim/record/recorder.h"

namespace sim {

// A single run: one line per source with deliveries, "within N d: share"; nothing without a limit.
void print_transit_within(std::ostream& out, const Recorder& rec, double limit_s);
// Replications: mean p50, p95 (and share within) over replications with their 95% CIs.
void print_transit_reliability(std::ostream& out, const Experiment& e);

}  // namespace sim
