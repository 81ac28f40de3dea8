#pragma once
// `caspian describe`: what a scenario may say (every stage type and section with its keys, from the
// registry and the section documentation), and what a given scenario holds (its stages, sources,
// metrics and targets by name), as text or as JSON.
#include <nlohmann/json.hpp>
#include <ostream>

#include "models/scenario/config.h"

namespace models {

nlohmann::json describe_keys_json();
void print_keys(std::ostream& out);
nlohmann::json describe_scenario_json(const Scenario& s);
void print_scenario(std::ostream& out, const Scenario& s);

}  // namespace models
