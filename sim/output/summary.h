#pragma once
// What a run prints: every metric with its unit, every target (observed, simulated, error), resource
// use, bottlenecks, transit times and the conservation ledger; as a table or as JSON for scripts.
#include <ostream>
#include <string>

#include "sim/record/recorder.h"
#include "sim/output/result_file.h"

namespace sim {

void print_table(std::ostream& out, const Recorder& rec, const RunResults& res, const std::string& output_path);
void print_json(std::ostream& out, const Recorder& rec, const RunResults& res, const std::string& output_path);
std::string json_escape(const std::string& s);
// true, false, or null when the target states no tolerance.
std::string tolerance_json(double error_pct, double tolerance_pct);
// An observation outside the run's dates, as a JSON object (metric, from, to, observed, source, file).
std::string skipped_json(const TargetSpec& t);

}  // namespace sim
