#pragma once
// One entry per stage type: its name, its documented keys, and how a stage of that type is parsed,
// validated, built and summarised. Parsing, validation, construction and `caspian describe` all go
// through it; an unknown type is an error everywhere, never a fallback.
// Adding a stage type: a folder models/stages/<type>/ with its config, parser, behaviour and test,
// and one line in models/stages/registry.cpp.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "models/scenario/config.h"
#include "sim/config/reader.h"

namespace sim {
class Kernel;
}

namespace models {

class Network;
class Stage;

// The names a stage's validation may refer to.
struct ScenarioNames {
  std::vector<std::string> stages, sources, berth_pools, sea_areas;
};

// Throws sim::ScenarioError "no WHAT named NAME; did you mean ...?" at WHERE unless NAME is in VALID.
void require_known(const std::string& name, const std::vector<std::string>& valid, const sim::Where& where,
                   const std::string& key, const char* what);

struct StageType {
  std::string name, description;
  sim::KeyDocs keys;  // besides the keys every stage has (common_stage_keys())
  // Fills the type's settings (cfg.params) and any common facility it accepts (sea_area, outages).
  std::function<void(sim::MapReader& r, StageConfig& cfg)> parse;
  // What needs the whole scenario: references to sources, pools, areas. Throws sim::ScenarioError.
  std::function<void(const StageConfig& cfg, const ScenarioNames& names)> validate;
  std::function<std::unique_ptr<Stage>(const StageConfig& cfg, int index, Network& net, sim::Kernel& kernel)> build;
  // Whether its stages can keep a finished consignment until the next stage has room. A stage with a
  // buffer cannot follow one that cannot (validation says so).
  bool waits_for_room = true;
  // The key parameters in one line, for `caspian describe SCENARIO`.
  std::function<std::string(const StageConfig& cfg)> summary;
};

const std::vector<StageType>& stage_types();
// The entry of NAME; std::logic_error for a name the parser would have rejected.
const StageType& stage_type(const std::string& name);
std::vector<std::string> stage_type_names();
// name, type, description, source: what every stage has.
const sim::KeyDocs& common_stage_keys();

// Key documentation shared by several types.
sim::KeyDoc outages_key();
sim::KeyDoc sea_area_key();
sim::KeyDoc buffer_key();

}  // namespace models
