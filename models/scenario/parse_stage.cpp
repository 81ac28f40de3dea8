// YAML -> StageConfig: the keys every stage has, then its type's own parser from the registry.
#include "models/scenario/parse.h"
#include "models/stages/stage_type.h"

namespace models {

StageConfig parse_stage(const sim::Node& node, const std::string& path) {
  sim::MapReader r(node, path);
  r.declare(common_stage_keys());
  StageConfig s;
  s.where = node.where;
  s.name = sim::as_name(r.required("name"), r.path("name"));
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
  r.finish();
  return s;
}

}  // namespace models
