// train_former: its keys, parser and construction. Behaviour: train_former.cpp.
#include "models/stages/train_former/train_former_type.h"

#include <cstdio>

#include "models/network/network.h"
#include "models/stages/common/parse_common.h"
#include "models/stages/train_former/train_former.h"

namespace models {

StageType train_former_type() {
  StageType t;
  t.name = "train_former";
  t.description = "a formation yard: loose containers or wagons grouped into trains per cargo class and onward route";
  t.keys = {
      {"train_size", "TEU or wagons like 112 TEU or 56 wagons", "required", "a full train"},
      {"max_wait", "a duration like 2d", "optional, default never", "a part train leaves this long after its first consignment arrived"},
  };
  t.parse = [](sim::MapReader& r, StageConfig& cfg) {
    FormerConfig f;
    const sim::Node& size = r.required("train_size");
    f.unit = unit_of(size, r.path("train_size"), &f.train_size);
    if (f.unit == sim::Measure::Tonnes) sim::fail(size, r.path("train_size"), "a train size is counted in TEU or wagons");
    if (const sim::Node* w = r.optional("max_wait")) f.max_wait = sim::as_positive(*w, r.path("max_wait"), sim::dims::duration);
    cfg.params = f;
  };
  t.validate = [](const StageConfig&, const ScenarioNames&) {};
  t.waits_for_room = false;  // forms or pumps on regardless of what comes next
  t.build = [](const StageConfig& cfg, int index, Network& net, sim::Kernel&) -> std::unique_ptr<Stage> {
    return std::make_unique<TrainFormer>(cfg, index, net);
  };
  t.summary = [](const StageConfig& cfg) {
    const auto& f = cfg.as<FormerConfig>();
    char buf[96];
    std::snprintf(buf, sizeof buf, "trains of %g %s", f.train_size, sim::measure_unit(f.unit));
    return std::string(buf) + (f.max_wait > 0 ? ", part trains after " + std::to_string(static_cast<int>(f.max_wait / 3600)) + " h" : "");
  };
  return t;
}

}  // namespace models
