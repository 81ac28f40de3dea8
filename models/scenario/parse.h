#pragma once
// Parsers of the scenario's parts, shared by the scenario parser and the tests.
#include <string>
#include <vector>

#include "models/scenario/config.h"
#include "sim/config/reader.h"

namespace models {

// Calls F(item, reader) for each mapping in the list under KEY (paths like "key[2].date"), then
// reports any key F did not ask for.
template <class F>
void each_mapping(sim::MapReader& r, const char* key, F f) {
  const sim::Node* n = r.optional(key);
  if (!n) return;
  const auto& items = sim::as_list(*n, r.path(key));
  for (size_t i = 0; i < items.size(); ++i) {
    sim::MapReader m(items[i], r.path(key) + "[" + std::to_string(i) + "]");
    f(items[i], m);
    m.finish();
  }
}

StageConfig parse_stage(const sim::Node& node, const std::string& path);
SourceConfig parse_source(const sim::Node& node, const std::string& path, bool is_service, long start_day, long end_day);
SourceConfig parse_shipper(const sim::Node& node, const std::string& path, long start_day, long end_day);
MetricConfig parse_metric(const sim::Node& node, const std::string& path);
TargetConfig parse_target(const sim::Node& node, const std::string& path);
Window parse_window(const sim::Node& node, const std::string& path);
// Twelve non-negative monthly values, January to December (profiles, storm rates).
std::vector<double> parse_monthly(const sim::Node& n, const std::string& key);
std::vector<std::string> stage_types();

}  // namespace models
