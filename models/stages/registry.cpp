// The stage-type registry: one line per type.
#include <algorithm>
#include <stdexcept>

#include "models/stages/pipeline/pipeline_type.h"
#include "models/stages/processor/processor_types.h"
#include "models/stages/stage_type.h"
#include "models/stages/train_former/train_former_type.h"
#include "models/stages/vessel_line/vessel_line_type.h"

namespace models {

const std::vector<StageType>& stage_types() {
  static const std::vector<StageType> types = {
      rail_section_type(),
      terminal_type(),
      border_type(),
      vessel_line_type(),
      train_former_type(),
      pipeline_type(),
  };
  return types;
}

const StageType& stage_type(const std::string& name) {
  for (const auto& t : stage_types())
    if (t.name == name) return t;
  throw std::logic_error("no stage type named \"" + name + "\" in the registry");
}

std::vector<std::string> stage_type_names() {
  std::vector<std::string> out;
  for (const auto& t : stage_types()) out.push_back(t.name);
  return out;
}

const sim::KeyDocs& common_stage_keys() {
  static const sim::KeyDocs keys = {
      {"name", "a name (letters, digits, _ and -)", "required", "the stage's name, unique among stages; routes list it"},
      {"type", "a stage type (caspian describe lists them)", "required", "what kind of place this is"},
      {"description", "text", "optional", "a longer description, kept in the scenario text"},
      {"source", "text", "optional", "where the parameters come from"},
      {"assumed", "a mapping of keys beside it to ranges, like {rate: 3..6 trains/d} or {handling_time.mean: 3h..6h}", "optional",
        "marks those values as assumptions with a plausible range LO..HI (bounds as --param takes them); `caspian sensitivity "
        "--assumptions` screens every marked range"},
      {"costs", "a mapping (caspian describe: section costs)", "optional",
       "tariffs, dwell and storage charges, emission factors and distance: what a consignment pays and emits here"},
  };
  return keys;
}

void require_known(const std::string& name, const std::vector<std::string>& valid, const sim::Where& where,
                   const std::string& key, const char* what) {
  if (std::find(valid.begin(), valid.end(), name) != valid.end()) return;
  const std::string hint = sim::closest(name, valid);
  throw sim::ScenarioError(where, key, std::string("no ") + what + " named \"" + name + "\"" + (hint.empty() ? "" : "; did you mean \"" + hint + "\"?"));
}

sim::KeyDoc outages_key() {
  return {"outages", "list of {from: date, to: date, reason: text}", "optional",
          "dated windows (whole days, inclusive) with no new starts; work in progress finishes"};
}

sim::KeyDoc sea_area_key() {
  return {"sea_area", "name of a `weather` area", "optional", "the stage stops work while a storm is on in this sea area"};
}

sim::KeyDoc buffer_key() {
  return {"buffer", "a waiting area like 2 consignments, 500 TEU or 120 wagons", "optional, default unbounded",
          "room for consignments waiting here; a stage that finishes one when this is full keeps it and the server "
          "or vessel holding it (blocking after service), and a source holds it at origin"};
}

}  // namespace models
