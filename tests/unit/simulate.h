#pragma once
// Simulating a scenario written inline, in a forked child (SimGrid's Engine is once per process), and
// reading numbers back from the finished simulation: what every stage type's hand-checked test uses.
#include <string>
#include <vector>

#include "in_child.h"
#include "models/run/simulation.h"
#include "models/scenario/config.h"

namespace testing_support {

// Runs SCENARIO_YAML in a child process and returns what EXTRACT reads from the finished simulation.
template <class Extract>
std::vector<double> simulate(const std::string& yaml, Extract extract) {
  return in_child([&] {
    const auto doc = sim::load_document_text(yaml, "test.yaml");
    const auto scenario = models::load_scenario(doc);
    models::Simulation s(doc, scenario, {"test.yaml", "", 0});
    s.run();
    return extract(s);
  });
}

// Monthly values of every metric, in declaration order.
inline std::vector<double> all_monthly(const std::string& yaml) {
  return simulate(yaml, [](const models::Simulation& s) {
    std::vector<double> out;
    for (size_t m = 0; m < s.recorder().metrics().size(); ++m)
      for (double v : s.recorder().metric_monthly(m)) out.push_back(v);
    return out;
  });
}

// Daily values of metric INDEX.
inline std::vector<double> daily(const std::string& yaml, size_t index) {
  return simulate(yaml, [index](const models::Simulation& s) { return s.recorder().metric_daily(index); });
}

// The monthly series of metric 0 followed by the conservation ledger (TEU and trains: created,
// delivered, in the network).
inline std::vector<double> run_yaml(const std::string& yaml) {
  return simulate(yaml, [](const models::Simulation& s) {
    auto out = s.recorder().metric_monthly(0);
    const auto& r = s.recorder();
    for (auto m : {sim::Measure::Teu, sim::Measure::Trains})
      for (double v : {r.created().get(m), r.delivered().get(m), s.results().in_system.get(m)}) out.push_back(v);
    return out;
  });
}

}  // namespace testing_support
