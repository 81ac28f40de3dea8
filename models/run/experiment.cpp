#include "models/run/experiment.h"

#include "generated/version.h"
#include "models/run/simulation.h"
#include "sim/config/doc.h"
#include "sim/core/errors.h"
#include "sim/experiment/units.h"
#include "sim/kernel/kernel.h"
#include "sim/core/stop.h"

namespace models {
namespace {

void add(std::string& s, const std::string& field) { s += std::to_string(field.size()) + ":" + field + ";"; }

// The experiment of one group from its replications' outcomes, in replication order.
sim::Experiment assemble(const ExperimentGroup& g, int replications, const sim::UnitOutcomes& units, std::uint64_t first) {
  sim::Experiment e;
  e.rule = bottleneck_rule();
  e.info = run_info(g.doc, g.scenario, g.file, static_cast<std::uint64_t>(replications));
  for (int r = 0; r < replications; ++r) {
    const auto& o = units.at(first + static_cast<std::uint64_t>(r));
    e.ok.push_back(o.ok);
    e.errors.push_back(o.ok ? "" : o.error);
    e.reps.push_back(o.ok ? sim::from_bytes(o.output) : sim::ReplicationResult{});
    if (o.ok && e.layout.metrics.empty() && e.layout.months.empty()) e.layout = e.reps.back().layout;
  }
  e.layout.targets = target_specs(g.scenario);
  e.layout.skipped = skipped_specs(g.scenario);
  for (const auto& x : g.scenario.expansions)
    e.layout.expansions.push_back({x.name, x.source, x.capital_usd, x.operating_usd_per_year, x.lifetime_years, x.price_year});
  e.layout.price_year = g.scenario.cost_basis.price_year;
  for (const auto& t : g.scenario.targets)
    for (const auto& m : g.scenario.metrics)
      if (m.name == t.metric) e.layout.target_units.push_back(sim::measure_unit(m.measure));
  return e;
}

}  // namespace

std::string identity(const ExperimentPlan& plan) {
  std::string s;
  add(s, sim::kVersion);
  add(s, plan.kind);
  add(s, std::to_string(plan.replications));
  add(s, std::to_string(plan.groups.size()));
  for (const auto& g : plan.groups) {
    add(s, g.file);
    add(s, sim::to_yaml(g.doc.root));
    for (const auto& [path, text] : g.doc.sources) {
      add(s, path);
      add(s, text);
    }
    for (const auto& set : g.doc.sets) add(s, set);
    add(s, std::to_string(g.scenario.seed));
  }
  add(s, plan.extra);
  return sim::hash_hex(s);
}

PlanResult run_plan(const ExperimentPlan& plan, const UnitOptions& o) {
  PlanResult out;
  const auto R = static_cast<std::uint64_t>(plan.replications);
  const sim::UnitOutcomes* units = o.merged;
  sim::UnitOutcomes all;  // checkpointed units and those whose worker died
  if (!units) {
    out.checkpoint = std::make_unique<sim::Checkpoint>(
        o.checkpoint, sim::CheckpointHeader{identity(plan), plan.units(), o.shard, o.cwd, o.command}, o.resume);
    out.resumed = out.checkpoint->done().size();
    const std::string label = plan.kind + (o.shard.active() ? " shard " + o.shard.str() : "");
    sim::UnitOutcomes lost;
    try {
      lost = sim::run_units(
          *out.checkpoint, {plan.units(), o.shard, o.jobs, label},
          [&](std::uint64_t u) {
            const auto& g = plan.sampled ? plan.groups[1 + u] : plan.groups[u / R];
            Simulation s(g.doc, g.scenario, {g.file, "", u % R}, o.limits);
            s.run();
            return sim::to_bytes(sim::collect(s.recorder(), s.results()));
          },
          [] { sim::Kernel::prebuild(kEngineName); });
    } catch (const sim::Interrupted&) {  // keep what finished for --resume; an empty checkpoint is litter
      out.checkpoint->sync();
      if (out.checkpoint->done().empty()) out.checkpoint->remove();
      throw;
    }
    for (const auto& [u, lost_run] : lost)  // over a limit: the others were stopped; a runaway leaves nothing
      if (lost_run.limit) {
        if (out.resumed) out.checkpoint->sync();  // keep what earlier sessions computed
        else out.checkpoint->remove();
        throw sim::LimitExceeded(lost_run.error);
      }
    std::uint64_t owned = 0;
    for (std::uint64_t u = 0; u < plan.units(); ++u) owned += o.shard.owns(u);
    const auto finished = out.checkpoint->done().size() + lost.size();
    if (finished != owned)  // only if the relay that forks the workers died
      throw sim::SimulationError(std::to_string(owned - finished) + " runs never finished; run again with --resume");
    if (o.shard.active()) {  // the shard file holds its units; merge joins them
      if (!lost.empty())
        throw sim::SimulationError(std::to_string(lost.size()) + " runs of shard " + o.shard.str() + " failed when their worker died (first: " +
                                   lost.begin()->second.error + "); run the shard again with --resume to compute them");
      return out;
    }
    all = out.checkpoint->take();
    all.merge(lost);
    units = &all;
  }
  if (plan.sampled) out.experiments.push_back(assemble(plan.groups[0], plan.replications, *units, 0));
  else
    for (size_t g = 0; g < plan.groups.size(); ++g) out.experiments.push_back(assemble(plan.groups[g], plan.replications, *units, g * R));
  return out;
}

}  // namespace models
