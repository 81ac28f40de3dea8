#pragma once
// Parsers of the scenario's parts, shared by the scenario parser and the tests.
#include <string>
#include <vector>

#include "models/scenario/config.h"
#include "models/stages/common/parse_common.h"
#include "sim/config/reader.h"

namespace models {

StageConfig parse_stage(const sim::Node& node, const std::string& path);
SourceConfig parse_source(const sim::Node& node, const std::string& path, bool is_service, long start_day, long end_day);
SourceConfig parse_shipper(const sim::Node& node, const std::string& path, long start_day, long end_day);
MetricConfig parse_metric(const sim::Node& node, const std::string& path);
// OBSERVATION: an item of `observations:` (it names the file it came from), else of `targets:`.
TargetConfig parse_target(const sim::Node& node, const std::string& path, bool observation);

}  // namespace models
