#pragma once
// The documented keys of every part of a scenario other than stages (whose keys live with their
// types in models/stages): the run itself, weather, berth pools, the three source kinds, metrics and
// targets. Their parsers declare these lists, so a key read but not documented is caught at once;
// `caspian describe` prints them.
#include <string>
#include <vector>

#include "sim/config/reader.h"

namespace models {

struct Section {
  std::string name, description;
  sim::KeyDocs keys;
};

// In the order `caspian describe` prints them: "scenario", "weather", "berth_pools", "services",
// "flows", "shippers", "metrics", "targets".
const std::vector<Section>& scenario_sections();
const sim::KeyDocs& section_keys(const std::string& name);

}  // namespace models
