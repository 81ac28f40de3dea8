#pragma once
// Parsers of the scenario's parts, shared by the scenario parser and the tests.
#include <string>
#include <vector>

#include "models/scenario/config.h"
#include "models/stages/common/parse_common.h"
#include "sim/config/reader.h"

namespace models {

// TYPED_NAMES: the stages that state a type; a stage without one whose name is close to one of
// them is reported as a misspelling ("no stage named X; did you mean Y?").
StageConfig parse_stage(const sim::Node& node, const std::string& path, const std::vector<std::string>& typed_names = {});
SourceConfig parse_source(const sim::Node& node, const std::string& path, bool is_service, long start_day, long end_day);
SourceConfig parse_shipper(const sim::Node& node, const std::string& path, long start_day, long end_day);
MetricConfig parse_metric(const sim::Node& node, const std::string& path);
// OBSERVATION: an item of `observations:` (it names the file it came from), else of `targets:`.
ExpansionConfig parse_expansion(const sim::Node& node, const std::string& path);
TargetConfig parse_target(const sim::Node& node, const std::string& path, bool observation);

}  // namespace models
