#pragma once
// The one shape of every `--summary json` (docs/summary-json.md, docs/summary.schema.json): an
// envelope that says what it is and which scenarios it is about, then the command's body. Bodies
// are built as nlohmann::ordered_json objects and printed by print_summary, so a new section is one more
// key on the object a builder returns (e.g. body["costs"] = ...), then a line in the schema.
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/analysis/stats.h"
#include "sim/record/observe.h"

namespace sim::json_out {

// Keys keep the order they are set in: the envelope first, then the body.
using json = nlohmann::ordered_json;

// Bumped when a key is removed or changes meaning; adding keys keeps it.
inline constexpr int kSummaryVersion = 1;

struct ScenarioRef {
  std::string file, name, label;  // the path as given, the scenario's `name:`, its label (file stem, unique)
};

// The file's stem: "scenarios/middle_corridor_2025.yaml" -> "middle_corridor_2025".
std::string label_of(const std::string& path);

// {"format": "caspian-summary", "version": 1, "caspian": <program version>, "command", "kind", "scenarios": [...]}
// KIND tells the bodies of one command apart (run: "single" or "replications").
json envelope(const std::string& command, const std::string& kind, const std::vector<ScenarioRef>& scenarios);

// A number, or null when it is NaN or infinite (JSON has neither).
json number(double v);
// {"n", "mean", "sd", "ci_low", "ci_high", "p5", "p50", "p95", "units"}: statistics over replications.
json summary(const Summary& s, const std::string& units);
// true, false, or null when the target states no tolerance.
json tolerance_verdict(double error_pct, double tolerance_pct);
// An observation outside the run's dates (metric, from, to, observed, tolerance_pct, source, file, reason).
json skipped(const TargetSpec& t);

// Indented, one trailing newline.
void print_summary(std::ostream& out, const json& j);

}  // namespace sim::json_out
