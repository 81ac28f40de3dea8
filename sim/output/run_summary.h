#pragma once
// What a single run prints: every metric with its unit, every target (observed, simulated, error),
// resource use, bottlenecks, transit times and the conservation ledger; as a table or as JSON.
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/output/result_file.h"
#include "sim/record/recorder.h"

namespace sim {

void print_run_table(std::ostream& out, const Recorder& rec, const RunResults& res, const std::string& output_path);
// The `--summary json` of a single run (envelope and body; docs/summary-json.md): add a section
// by setting one more key on the object returned, then describe it in docs/summary.schema.json.
nlohmann::ordered_json run_summary_json(const Recorder& rec, const RunResults& res, const std::string& output_path);

}  // namespace sim
