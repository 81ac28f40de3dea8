#pragma once
// A stage's `costs:` and the scenario's `cost_basis:` from YAML; errors name file, line and key.
#include <string>

#include "models/costs/cost_config.h"
#include "sim/config/reader.h"

namespace models {

// VESSEL_LINE: per-call and per-vessel-hour charges are allowed (they need a vessel to be shared over).
CostsConfig parse_costs(const sim::Node& node, const std::string& path, bool vessel_line);
CostBasis parse_cost_basis(const sim::Node& node, const std::string& path);

const sim::KeyDocs& cost_keys();
const sim::KeyDocs& cost_basis_keys();

}  // namespace models
