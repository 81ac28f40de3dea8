// YAML -> StageConfig: the keys every stage has, then its type's own parser from the registry.
#include "models/costs/parse_costs.h"
#include "models/scenario/parse.h"
#include "models/stages/stage_type.h"

namespace models {

StageConfig parse_stage(const sim::Node& node, const std::string& path, const std::vector<std::string>& typed_names) {
  sim::MapReader r(node, path);
  r.declare(common_stage_keys());
  StageConfig s;
  s.where = node.where;
  s.name = sim::as_name(r.required("name"), r.path("name"));
  if (!r.optional("type")) {
    std::vector<std::string> others;
    for (const auto& n : typed_names)
      if (n != s.name) others.push_back(n);
    const std::string hint = sim::closest(s.name, others);
    if (!hint.empty())
      sim::fail(node, path, "no stage named \"" + s.name + "\"; did you mean \"" + hint +
                                "\"? (a stage that is not in the base is a new stage, and a new stage needs a type)");
  }
  const sim::Node& type = r.required("type");
  s.type = sim::as_string(type, r.path("type"));
  const auto names = stage_type_names();
  if (std::find(names.begin(), names.end(), s.type) == names.end()) {
    const std::string hint = sim::closest(s.type, names);
    std::string all;
    for (const auto& t : names) all += (all.empty() ? "" : ", ") + t;
    sim::fail(type, r.path("type"), "unknown stage type \"" + s.type + "\"" + (hint.empty() ? "" : "; did you mean \"" + hint + "\"?") + " (one of: " + all + ")");
  }
  const StageType& t = stage_type(s.type);
  r.declare(t.keys);
  r.optional("description");
  r.optional("source");  // where the parameters come from, kept in the scenario text
  t.parse(r, s);
  if (const sim::Node* c = r.optional("costs")) s.costs = std::make_shared<const CostsConfig>(parse_costs(*c, r.path("costs"), s.type == "vessel_line"));
  r.finish();
  return s;
}

}  // namespace models
