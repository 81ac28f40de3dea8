// Checks a parsed scenario as a whole: unique names, references, dates within the run.
#include <algorithm>
#include <set>

#include "models/scenario/config.h"
#include "models/stages/stage_type.h"
#include "sim/kernel/log.h"
#include "sim/core/calendar.h"
#include "sim/config/reader.h"

namespace models {
namespace {

[[noreturn]] void fail_at(const Where& w, const std::string& key, const std::string& msg) { throw sim::ScenarioError(w, key, msg); }

template <class T>
void unique_names(const std::vector<T>& items, const char* what) {
  std::set<std::string> seen;
  for (const auto& i : items)
    if (!seen.insert(i.name).second) fail_at(i.where, std::string(what) + "[" + i.name + "]", std::string("a second ") + what + " named \"" + i.name + "\"; names must be unique");
}

template <class T>
std::vector<std::string> names(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i.name);
  return out;
}

const auto known = require_known;

}  // namespace

void validate(const Scenario& s) {
  const auto in_run = [&](long day) { return day >= s.start_day && day < s.end_day; };
  const std::string run = " (the run covers " + sim::format_date(s.start_day) + " to " + sim::format_date(s.end_day - 1) + ")";

  unique_names(s.stages, "stages");
  unique_names(s.sources, "services/flows/shippers");
  unique_names(s.metrics, "metrics");
  const auto stage_names = names(s.stages);
  const auto source_names = names(s.sources);
  const auto metric_names = names(s.metrics);

  unique_names(s.weather, "weather");
  unique_names(s.berth_pools, "berth_pools");
  unique_names(s.expansions, "expansions");
  const ScenarioNames all{stage_names, source_names, names(s.berth_pools), names(s.weather)};
  for (const auto& st : s.stages) {
    if (!st.sea_area.empty()) known(st.sea_area, all.sea_areas, st.sea_area_where, "stages[" + st.name + "].sea_area", "sea area under `weather`");
    for (const auto& w : st.outages) {
      if (w.to_day < w.from_day) fail_at(w.where, "stages[" + st.name + "].outages", "the outage ends (to) before it starts (from)");
      // A warning, not an error: a base scenario's outages must not make it invalid when an overlay
      // or --set end=... shortens the run; but a typo in a year is worth saying.
      if (w.to_day < s.start_day || w.from_day >= s.end_day)
        sim::log::get("scenario")->warn("{}: stages[{}].outages: {} to {} lies wholly outside the run{}; it has no effect", w.where.str(),
                                        st.name, sim::format_date(w.from_day), sim::format_date(w.to_day), run);
    }
    stage_type(st.type).validate(st, all);
  }

  for (const auto& src : s.sources) {
    const std::string key = "services/flows[" + src.name + "]";
    for (size_t i = 0; i < src.route.size(); ++i)
      known(src.route[i], stage_names, src.route_where[i], key + ".route[" + std::to_string(i) + "]", "stage");
    if (src.until_day < src.first_day) fail_at(src.where, key + ".until", "`until` is before `first`");
    if (src.teu.mean() == 0 && src.wagons.mean() == 0 && src.tonnes.mean() == 0 && !src.is_service && src.nomination == 0 &&
        src.nomination_changes.empty())
      fail_at(src.where, key, "a flow must carry something: give teu, wagons or tonnes");
  }

  // A stage with a buffer or entry embargoes can refuse work: whatever precedes it on a route must be able to wait.
  for (const auto& src : s.sources)
    for (size_t i = 1; i < src.route.size(); ++i) {
      const auto& cur = *std::find_if(s.stages.begin(), s.stages.end(), [&](const StageConfig& x) { return x.name == src.route[i]; });
      const auto& prev = *std::find_if(s.stages.begin(), s.stages.end(), [&](const StageConfig& x) { return x.name == src.route[i - 1]; });
      if (cur.buffer > 0 && !stage_type(prev.type).waits_for_room)
        fail_at(cur.buffer_where, "stages[" + cur.name + "].buffer",
                "on the route of " + src.name + " this stage follows " + prev.name + " (a " + prev.type +
                    "), which cannot hold back finished work; a buffer here is not supported");
      if (!cur.entry_embargoes.empty() && !stage_type(prev.type).waits_for_room)
        fail_at(cur.entry_embargoes.front().where, "stages[" + cur.name + "].embargoes",
                "on the route of " + src.name + " this stage follows " + prev.name + " (a " + prev.type +
                    "), which cannot hold back finished work; entry embargoes here are not supported");
    }

  for (const auto& m : s.metrics) {
    const std::string key = "metrics[" + m.name + "]";
    for (const auto& a : m.at) known(a, stage_names, m.where, key + ".at", "stage");
    for (const auto& c : m.classes) known(c, kCargoClasses, m.where, key + ".class", "cargo class");
    for (const auto& src : m.sources) known(src, source_names, m.where, key + ".source", "service or flow");
    if (m.transit >= 0 && std::none_of(s.sources.begin(), s.sources.end(), [&](const SourceConfig& src) {
          return src.transit == (m.transit == 1) && (m.sources.empty() || std::count(m.sources.begin(), m.sources.end(), src.name));
        }))
      fail_at(m.where, key + ".transit", std::string("no service, flow or shipper") + (m.sources.empty() ? "" : " among its `source`") +
                                             " has transit: " + (m.transit == 1 ? "true" : "false") + ", so the metric could count nothing");
    if (m.event == sim::EventKind::Create && !m.at.empty())
      fail_at(m.where, key + ".at", "`create` events happen at a service or flow, not at a stage: filter with `source` instead");
  }

  // Observations outside the run are not compared, but a wrong metric or unit is still an error.
  auto check_target = [&](const TargetConfig& t, const std::string& key) {
    known(t.metric, metric_names, t.metric_where, key + ".metric", "metric");
    const auto& m = *std::find_if(s.metrics.begin(), s.metrics.end(), [&](const MetricConfig& x) { return x.name == t.metric; });
    if (m.measure != t.unit)
      fail_at(t.where, key + ".observed", std::string("the metric counts ") + sim::measure_unit(m.measure) + " but the observed value is in " + sim::measure_unit(t.unit));
    if (t.to_day < t.from_day) fail_at(t.where, key + ".to", "the period ends before it starts");
  };
  for (const auto& t : s.skipped) check_target(t, "observations[" + t.metric + "]");
  for (const auto& t : s.targets) {
    const std::string key = (t.file.empty() ? "targets[" : "observations[") + t.metric + "]";
    check_target(t, key);
    if (!in_run(t.from_day) || !in_run(t.to_day)) fail_at(t.where, key, "the target's period " + sim::format_date(t.from_day) + " to " + sim::format_date(t.to_day) + " is not inside the run" + run);
    if (static_cast<double>(t.from_day - s.start_day) * 86400.0 < s.warmup)
      fail_at(t.where, key + ".from", "the target's period starts inside the warm-up, whose statistics are discarded");
  }
}

}  // namespace models
