// The `caspian` command line: run, compare, sweep, calibrate, merge or validate scenarios.
// Exit codes: 0 ok, 2 usage, 3 scenario error, 4 simulation error or a limit hit, 5 output error,
// 130 / 143 stopped by SIGINT / SIGTERM (see README).
#include <CLI/CLI.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "generated/version.h"
#include "models/calibration/calibrate.h"
#include "models/scenario/config.h"
#include "models/run/experiment.h"
#include "models/run/limits.h"
#include "models/scenario/describe.h"
#include "models/scenario/observations.h"
#include "models/sensitivity/sensitivity.h"
#include "models/run/simulation.h"
#include "sim/core/errors.h"
#include "sim/core/stop.h"
#include "sim/output/experiment_output.h"
#include "sim/output/experiment_summary.h"
#include "sim/output/sensitivity_output.h"
#include "sim/kernel/log.h"
#include "sim/experiment/parallel.h"
#include "sim/experiment/units.h"
#include "sim/config/reader.h"
#include "sim/output/json_summary.h"
#include "sim/output/run_summary.h"
#include "sim/output/text_format.h"

namespace {

// Shows the offending line of the scenario under the message, with a caret at the column.
void print_scenario_error(const sim::ScenarioError& e) {
  std::cerr << "error: " << e.what() << "\n";
  if (e.where.line <= 0 || !e.show_line) return;  // show_line: never quote a file that is not a scenario
  std::ifstream in(e.where.file);
  std::string line;
  for (int i = 0; i < e.where.line && std::getline(in, line); ++i) {
  }
  if (!in) return;
  std::cerr << "  " << e.where.line << " | " << line << "\n";
  std::cerr << "  " << std::string(std::to_string(e.where.line).size(), ' ') << " | "
            << std::string(static_cast<size_t>(std::max(0, e.where.col - 1)), ' ') << "^\n";
}

std::string default_output(const std::string& scenario, const std::string& suffix) {
  std::string stem = scenario.substr(scenario.rfind('/') == std::string::npos ? 0 : scenario.rfind('/') + 1);
  if (const auto dot = stem.rfind('.'); dot != std::string::npos) stem = stem.substr(0, dot);
  ::mkdir("results", 0755);
  return "results/" + stem + suffix + ".h5";
}

std::string label_of(const std::string& path) { return sim::json_out::label_of(path); }

struct Options {
  std::vector<std::string> scenarios, sets, grids;
  std::string output, summary = "table", log_level = "warn", points_file;
  std::string shard;  // "K/N"
  bool overlays = false, resume = false;
  std::uint64_t seed = 0, max_events = 0, max_memory = 0;
  int replications = 1, jobs = 0;
  bool sample_assumptions = false;   // run -n: each replication draws the marked assumptions
  bool events = false;               // a single run writes its event table
  std::string sample_design = "lhs";
  CLI::Option* seed_opt = nullptr;
  CLI::Option* reps_opt = nullptr;
};

void add_common(CLI::App* cmd, Options& o, bool many) {
  auto* s = cmd->add_option("scenario", o.scenarios, many ? "Base scenario, then alternatives (YAML)" : "Scenario file (YAML)")
                ->required();  // a missing file is a scenario error (exit 3), reported by the loader
  if (!many) s->expected(1);
  cmd->add_option("--set", o.sets, "Override a scenario value: key.path=value (list items by name), repeatable");
  cmd->add_option("--log-level", o.log_level, "trace, debug, info, warn, error or off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));
}

// "-o ''" must not quietly mean "no -o given".
const CLI::Validator kNonEmpty([](std::string& s) { return s.empty() ? std::string("an empty file name") : std::string(); }, "FILE");
// CLI11 would read "-1" into a uint64_t as 2^64-1, and saturate anything larger.
const CLI::Validator kSeed(
    [](std::string& s) {
      const std::string max = "18446744073709551615";
      const bool digits = !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
      const std::string d = digits ? s.substr(std::min(s.find_first_not_of('0'), s.size() - 1)) : s;  // no leading zeros
      return digits && (d.size() < max.size() || (d.size() == max.size() && d <= max))
                 ? std::string()
                 : "a seed is a whole number from 0 to 18446744073709551615, got \"" + s + "\"";
    },
    "SEED");

// --max-events and --max-memory, for every command that simulates in worker processes.
void add_limits(CLI::App* cmd, std::uint64_t& max_events, std::uint64_t& max_memory) {
  cmd->add_option("--max-events", max_events,
                  "Event budget per run; a run over it stops with exit 4 (default: 100x the events the scenario's "
                  "schedules imply, between 2 and 10 million)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-memory", max_memory,
                  "Resident memory per simulating process, e.g. 2G or 512M; over it, exit 4 (default: half of physical "
                  "memory shared by the processes simulating at once, at least 512M)")
      ->transform(CLI::AsSizeValue(false));
}

void add_experiment(CLI::App* cmd, Options& o, const char* output_help) {
  cmd->add_option("-o,--output", o.output, output_help)->check(kNonEmpty);
  o.seed_opt = cmd->add_option("--seed", o.seed, "Base random seed, 0 to 2^64-1 (overrides the scenario's seed)")
                   ->check(kSeed);
  add_limits(cmd, o.max_events, o.max_memory);
  cmd->add_option("--summary", o.summary, "Summary format on standard output")->check(CLI::IsMember({"table", "json"}));
  o.reps_opt = cmd->add_option("-n,--replications", o.replications, "Independent replications, run in worker processes")
                   ->check(CLI::Range(1, 1000000));
  cmd->add_option("-j,--jobs", o.jobs, "Worker processes (default: number of cores); results do not depend on it")
      ->check(CLI::Range(1, 4096));
  cmd->add_flag("--resume", o.resume, "Finish an interrupted experiment from its checkpoint OUT.ckpt: compute only the missing runs");
  cmd->add_option("--shard", o.shard,
                  "K/N: compute only shard K of N of the runs, into OUT.shardKofN; join the N shards with `caspian merge`");
}

int jobs_or_cores(int jobs) { return jobs > 0 ? jobs : static_cast<int>(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN))); }
int jobs_of(const Options& o) { return jobs_or_cores(o.jobs); }

// The event budget and the memory guard of each run; PROCESSES simulate at once and share the memory.
models::Limits limits_of(std::uint64_t max_events, std::uint64_t max_memory, int processes) {
  return {max_events, max_memory ? max_memory : models::default_memory_limit(processes)};
}
models::Limits limits_of(const Options& o, int processes) { return limits_of(o.max_events, o.max_memory, processes); }

// The command as typed (after the program name), recorded in checkpoints so merge can repeat it.
std::vector<std::string> g_command;
// Set while `caspian merge` repeats a shard's command: the units come from the shards, the file goes here.
struct Merging {
  const sim::UnitOutcomes* units;
  std::string output, identity;
};
const Merging* g_merging = nullptr;
// The checkpoint of the experiment running now, so an interrupt can say where its finished runs are.
std::string g_checkpoint;

std::string cwd() {
  char buf[PATH_MAX];
  return ::getcwd(buf, sizeof buf) ? buf : ".";
}

// Runs an experiment's units (or takes them from merged shards); nothing when this was a shard.
std::optional<models::PlanResult> execute(const models::ExperimentPlan& plan, const Options& o, const std::string& out) {
  models::UnitOptions u;
  if (g_merging) {
    if (models::identity(plan) != g_merging->identity)
      throw sim::CheckpointError("the scenario files (or the simulator) changed since the shards were written: their experiment is " +
                                 g_merging->identity + ", the files now give " + models::identity(plan));
    u.merged = g_merging->units;
    return models::run_plan(plan, u);
  }
  if (!o.shard.empty()) u.shard = sim::parse_shard(o.shard);
  sim::check_result_path(out);
  u.jobs = jobs_of(o);
  // The memory is shared by the processes that simulate at once: no more than this shard's runs.
  const auto runs = u.shard.owned(static_cast<std::uint64_t>(plan.units()));
  u.limits = limits_of(o, static_cast<int>(std::clamp<std::uint64_t>(runs, 1, static_cast<std::uint64_t>(u.jobs))));
  u.resume = o.resume;
  u.checkpoint = u.shard.active() ? out + ".shard" + std::to_string(u.shard.k) + "of" + std::to_string(u.shard.n) : out + ".ckpt";
  u.command = g_command;
  u.cwd = cwd();
  g_checkpoint = u.checkpoint;
  auto r = models::run_plan(plan, u);
  if (r.resumed) std::cerr << "resumed " << r.resumed << " of " << plan.units() << " runs from " << u.checkpoint << "\n";
  if (!u.shard.active()) return r;
  if (o.summary == "json") {
    std::vector<sim::json_out::ScenarioRef> refs;
    for (const auto& g : plan.groups)  // a sweep's or sensitivity's points share one file
      if (refs.empty() || refs.back().file != g.file) refs.push_back({g.file, g.scenario.name, sim::json_out::label_of(g.file)});
    auto j = sim::json_out::envelope(plan.kind, "shard", refs);
    j["shard"] = u.shard.str(), j["runs"] = r.checkpoint->done().size(), j["of"] = plan.units(), j["file"] = u.checkpoint;
    sim::json_out::print_summary(std::cout, j);
  } else
    std::cout << "shard " << u.shard.str() << ": " << r.checkpoint->done().size() << " of " << plan.units() << " runs in "
              << u.checkpoint << "\njoin the shards with: caspian merge " << out << ".shard*of" << u.shard.n << " -o " << out << "\n";
  return std::nullopt;
}

std::string output_of(const Options& o, const std::string& suffix) {
  if (g_merging) return g_merging->output;
  return o.output.empty() ? default_output(o.scenarios[0], suffix) : o.output;
}

struct Loaded {
  sim::Document doc;
  models::Scenario scenario;
};

models::ExperimentGroup group_of(Loaded&& l, const std::string& file) { return {std::move(l.doc), std::move(l.scenario), file}; }

Loaded load(const std::string& path, const std::vector<std::string>& sets, const Options& o, const std::string& onto = "") {
  Loaded l{onto.empty() ? sim::load_document(path, sets) : sim::load_overlay(onto, path, sets), {}};
  models::expand_observations(l.doc);  // the stored scenario then repeats without its observation files
  l.scenario = models::load_scenario(l.doc);
  if (*o.seed_opt) l.scenario.seed = o.seed;
  return l;
}

int cmd_run(const Options& o) {
  auto l = load(o.scenarios[0], o.sets, o);
  const bool json = o.summary == "json";
  if (!*o.reps_opt) {  // one replication in this process, with the full event table
    if (o.resume || !o.shard.empty()) throw CLI::ValidationError("--resume and --shard apply to experiments of several runs: run -n N, sweep, compare");
    if (o.sample_assumptions) throw CLI::ValidationError("--sample-assumptions", "needs replications: run -n N");
    const std::string out = o.output.empty() ? default_output(o.scenarios[0], "") : o.output;
    models::Simulation simulation(l.doc, l.scenario, {o.scenarios[0], out, 0, o.events}, limits_of(o, 1));
    simulation.run();
    if (json) sim::json_out::print_summary(std::cout, sim::run_summary_json(simulation.recorder(), simulation.results(), out));
    else sim::print_run_table(std::cout, simulation.recorder(), simulation.results(), out);
    return sim::kExitOk;
  }
  if (o.events) throw CLI::ValidationError("--events", "applies to a single run (without -n): replication files hold statistics");
  const std::string out = output_of(o, "-replications");
  models::ExperimentPlan plan{"run", {}, o.replications, ""};
  std::optional<models::sensitivity::Sample> sample;
  if (o.sample_assumptions) {  // groups[0] as given, then one group per replication (experiment.h)
    sample = models::sensitivity::sample_assumptions(l.doc.root, o.scenarios[0], o.sample_design, o.replications, l.scenario.seed);
    plan.sampled = true;
    plan.extra = sample->extra;
  }
  plan.groups.push_back(group_of(std::move(l), o.scenarios[0]));
  if (sample)
    for (const auto& draw : sample->sets) {  // every replication's scenario is loaded (and checked) before any runs
      std::vector<std::string> sets = o.sets;
      sets.insert(sets.end(), draw.begin(), draw.end());
      plan.groups.push_back(group_of(load(o.scenarios[0], sets, o), o.scenarios[0]));
    }
  auto r = execute(plan, o, out);
  if (!r) return sim::kExitOk;
  const auto& e = r->experiments[0];
  if (e.succeeded().empty()) {
    if (r->checkpoint) r->checkpoint->remove();  // finished: a rerun would fail the same way
    throw sim::SimulationError("every replication failed; the first: " + e.errors[0]);
  }
  if (sample) {
    sim::SampledAssumptions s{sample->design, sample->seed, {}, {}, {}, {}, {}, sample->values};
    for (const auto& p : sample->params) {
      s.parameter.push_back(p.key);
      s.unit.push_back(p.unit);
      s.low.push_back(p.bounds.lo);
      s.high.push_back(p.bounds.hi);
      s.base.push_back(p.start);
    }
    sim::write_experiment_file(out, e, &s);
  } else {
    sim::write_experiment_file(out, e);
  }
  if (r->checkpoint) r->checkpoint->remove();
  if (!sample) {
    if (json) sim::json_out::print_summary(std::cout, sim::experiment_json(e, out));
    else sim::print_experiment_table(std::cout, e, out);
    return sim::kExitOk;
  }
  if (json) {
    auto j = sim::experiment_json(e, out);
    j["sampled_assumptions"] = models::sensitivity::to_json(*sample);
    sim::json_out::print_summary(std::cout, j);
  } else {
    sim::print_experiment_table(std::cout, e, out);
    std::cout << sim::wrap_text("Parameter uncertainty: each replication drew the " + std::to_string(sample->params.size()) +
                                " assumptions the scenario marks (" + sample->design + ", seed " + std::to_string(sample->seed) +
                                "); the intervals above hold it as well as randomness:")
              << "\n";
    for (const auto& p : sample->params)
      std::cout << "  " << p.key << " " << p.bounds.lo << ".." << p.bounds.hi << (p.unit.empty() ? "" : " " + p.unit) << " (scenario: " << p.start << ")\n";
  }
  return sim::kExitOk;
}

// Alternatives on another calendar (start, end, warmup) are measured over other days: their
// differences are not what the alternative changed. Said on stderr and in the JSON summary.
std::string days(double seconds) {
  std::ostringstream s;
  s << seconds / 86400.0 << " d";
  return s.str();
}

std::vector<std::string> calendar_warnings(const std::vector<Loaded>& all, const std::vector<std::string>& labels) {
  std::vector<std::string> warnings;
  const auto& b = all[0].scenario;
  for (size_t k = 1; k < all.size(); ++k) {
    const auto& a = all[k].scenario;
    if (a.start_day == b.start_day && a.end_day == b.end_day && a.warmup == b.warmup) continue;
    warnings.push_back(labels[k] + " runs on another calendar than " + labels[0] + " (start " + sim::format_date(a.start_day) +
                       " vs " + sim::format_date(b.start_day) + ", end " + sim::format_date(a.end_day - 1) + " vs " +
                       sim::format_date(b.end_day - 1) + ", warmup " + days(a.warmup) + " vs " + days(b.warmup) +
                       "): its differences mix the change with the other days");
  }
  return warnings;
}

int cmd_compare(const Options& o) {
  if (o.scenarios.size() < 2) throw CLI::ValidationError("compare", "needs a base scenario and at least one alternative");
  std::vector<std::string> labels;
  models::ExperimentPlan plan{"compare", {}, o.replications, o.overlays ? "overlays;" : "onto own bases;"};
  std::vector<Loaded> all;  // every scenario is loaded and checked before any runs
  for (size_t k = 0; k < o.scenarios.size(); ++k) {
    // With --overlays, every alternative is applied onto the base instead of onto what it extends.
    all.push_back(load(o.scenarios[k], o.sets, o, k > 0 && o.overlays ? o.scenarios[0] : ""));
    all.back().scenario.seed = all[0].scenario.seed;  // common random numbers: every scenario draws from the base's streams
    std::string label = label_of(o.scenarios[k]);
    while (std::find(labels.begin(), labels.end(), label) != labels.end()) label += "_";
    labels.push_back(label);
    plan.extra += label + ";";
  }
  const auto warnings = calendar_warnings(all, labels);
  for (const auto& w : warnings) std::cerr << "warning: " << w << "\n";
  for (size_t k = 0; k < all.size(); ++k) plan.groups.push_back(group_of(std::move(all[k]), o.scenarios[k]));
  const std::string out = output_of(o, "-compare");
  auto r = execute(plan, o, out);
  if (!r) return sim::kExitOk;
  const auto& runs = r->experiments;
  sim::write_comparison_file(out, labels, runs);
  if (r->checkpoint) r->checkpoint->remove();
  if (o.summary == "json") sim::json_out::print_summary(std::cout, sim::comparison_json(labels, runs, out, warnings));
  else sim::print_comparison_table(std::cout, labels, runs, out);
  return sim::kExitOk;
}

// Grid points: the full product of --grid key=v1,v2 lists, or the points listed in a YAML file.
std::pair<std::vector<std::string>, std::vector<std::vector<std::string>>> grid_points(const Options& o) {
  std::vector<std::string> keys;
  std::vector<std::vector<std::string>> points;
  if (!o.points_file.empty()) {
    // points: [{stages.x.servers: 2, services.y.per_week: 3}, ...]: every point names the same keys.
    const auto doc = sim::load_document(o.points_file);
    sim::MapReader r(doc.root, "");
    const auto& items = sim::as_list(r.required("points"), "points");
    r.finish();
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string where = "points[" + std::to_string(i) + "]";
      if (!items[i].is_map() || items[i].entries.empty()) sim::fail(items[i], where, "expected a mapping of key.path: value");
      std::vector<std::string> row_keys, row;
      for (const auto& [k, v] : items[i].entries) {
        row_keys.push_back(k);
        row.push_back(sim::as_string(v, where + "." + k));
      }
      if (i == 0) keys = row_keys;
      if (row_keys != keys) sim::fail(items[i], where, "every point must set the same keys, in the same order, as the first");
      points.push_back(row);
    }
    if (points.empty()) sim::fail(doc.root, "points", "the list of points is empty");
    return {keys, points};
  }
  std::vector<std::vector<std::string>> axes;
  for (const auto& g : o.grids) {
    const auto eq = g.find('=');
    if (eq == std::string::npos || eq == 0) throw CLI::ValidationError("--grid", "expected key.path=v1,v2,... got " + g);
    keys.push_back(g.substr(0, eq));
    std::vector<std::string> values;
    std::string rest = g.substr(eq + 1);
    for (size_t pos = 0;;) {
      const auto comma = rest.find(',', pos);
      values.push_back(rest.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
    axes.push_back(values);
  }
  points.push_back({});
  for (const auto& axis : axes) {
    std::vector<std::vector<std::string>> next;
    for (const auto& p : points)
      for (const auto& v : axis) {
        next.push_back(p);
        next.back().push_back(v);
      }
    points = next;
  }
  return {keys, points};
}

int cmd_sweep(const Options& o) {
  if (o.grids.empty() && o.points_file.empty()) throw CLI::ValidationError("sweep", "give --grid key.path=v1,v2,... or --points FILE");
  const auto [keys, values] = grid_points(o);
  models::ExperimentPlan plan{"sweep", {}, o.replications, ""};
  for (const auto& k : keys) plan.extra += k + ";";
  for (size_t p = 0; p < values.size(); ++p) {  // every point is loaded (and checked) before any runs
    std::vector<std::string> sets = o.sets;
    for (size_t k = 0; k < keys.size(); ++k) {
      sets.push_back(keys[k] + "=" + values[p][k]);
      plan.extra += values[p][k] + ";";
    }
    plan.groups.push_back(group_of(load(o.scenarios[0], sets, o), o.scenarios[0]));
  }
  const std::string out = output_of(o, "-sweep");
  auto r = execute(plan, o, out);
  if (!r) return sim::kExitOk;
  std::vector<sim::SweepPoint> points;
  for (size_t p = 0; p < values.size(); ++p) points.push_back({values[p], std::move(r->experiments[p])});
  sim::write_sweep_file(out, keys, points);
  if (r->checkpoint) r->checkpoint->remove();
  if (o.summary == "json") sim::json_out::print_summary(std::cout, sim::sweep_json(keys, points, out));
  else sim::print_sweep_table(std::cout, keys, points, out);
  return sim::kExitOk;
}

struct CalibrateCli {
  models::calibration::Options o;
  std::string summary = "table", log_level = "warn";
  std::uint64_t seed = 0, max_events = 0, max_memory = 0;
  CLI::Option* seed_opt = nullptr;
};

int cmd_calibrate(CalibrateCli& c) {
  if (*c.seed_opt) c.o.seed = c.seed;
  c.o.jobs = jobs_or_cores(c.o.jobs);
  c.o.limits = limits_of(c.max_events, c.max_memory, c.o.jobs);
  const auto r = models::calibration::calibrate(c.o, std::cerr);
  models::calibration::write_overlay(c.o, r);
  if (c.summary == "json") sim::json_out::print_summary(std::cout, models::calibration::to_json(c.o, r));
  else models::calibration::print_table(std::cout, r);
  return sim::kExitOk;
}

// caspian sensitivity: every design point is a group of the same replications (common random numbers).
struct SensitivityCli {
  std::vector<std::string> params;
  models::sensitivity::Options s;
  bool assumptions = false;
};

int cmd_sensitivity(const Options& o, SensitivityCli& c) {
  auto base = load(o.scenarios[0], o.sets, o);
  auto specs = c.params;
  if (c.assumptions) {
    const auto marked = models::sensitivity::marked_assumptions(base.doc.root);
    if (marked.empty()) throw sim::ScenarioError(sim::Where{o.scenarios[0], 0, 0}, "assumed", "--assumptions: the scenario marks no `assumed:` ranges");
    specs.insert(specs.end(), marked.begin(), marked.end());
  }
  c.s.replications = o.replications;
  c.s.seed = base.scenario.seed;
  const auto setup = models::sensitivity::setup(base.doc.root, specs, c.s);
  models::ExperimentPlan plan{"sensitivity", {}, o.replications, setup.extra};
  for (const auto& point_sets : setup.sets) {  // every point is loaded (and checked) before any runs
    std::vector<std::string> sets = o.sets;
    sets.insert(sets.end(), point_sets.begin(), point_sets.end());
    plan.groups.push_back(group_of(load(o.scenarios[0], sets, o), o.scenarios[0]));
  }
  const std::string out = output_of(o, "-sensitivity");
  auto r = execute(plan, o, out);
  if (!r) return sim::kExitOk;
  const auto report = [&] {
    try {
      return models::sensitivity::report(setup, c.s, r->experiments);
    } catch (const sim::SimulationError&) {  // finished: a rerun would fail the same way
      if (r->checkpoint) r->checkpoint->remove();
      throw;
    }
  }();
  sim::write_sensitivity_file(out, models::run_info(base.doc, base.scenario, o.scenarios[0], static_cast<std::uint64_t>(o.replications)), report);
  if (r->checkpoint) r->checkpoint->remove();
  if (o.summary == "json")
    sim::json_out::print_summary(std::cout, models::sensitivity::to_json(report, {o.scenarios[0], base.scenario.name, label_of(o.scenarios[0])}, out));
  else models::sensitivity::print_table(std::cout, report, out);
  return sim::kExitOk;
}

int dispatch(int argc, char** argv);

// Joins shard files into the file one machine would have written, by repeating the shards' command
// (in the folder it ran in, so its relative scenario paths mean the same) with every run given.
int cmd_merge(const std::vector<std::string>& shards, const std::string& output) {
  sim::CheckpointHeader h;
  const auto units = sim::merge_shards(shards, h);
  const std::string out = output[0] == '/' ? output : cwd() + "/" + output;
  if (::chdir(h.cwd.c_str()) != 0)
    throw sim::CheckpointError("cannot enter " + h.cwd + ", where the shards ran (merge reads the scenario files from there): " +
                               std::strerror(errno));
  const Merging m{&units, out, h.identity};
  g_merging = &m;
  std::vector<std::string> args{"caspian"};
  args.insert(args.end(), h.command.begin(), h.command.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  return dispatch(static_cast<int>(args.size()), argv.data());
}

}  // namespace

int main(int argc, char** argv) {
  g_command.assign(argv + 1, argv + argc);
  return dispatch(argc, argv);
}

namespace {

int dispatch(int argc, char** argv) {
  CLI::App app{"caspian: discrete-event simulator of freight and oil across the Caspian (Middle Corridor)"};
  app.set_version_flag("--version", std::string("caspian ") + sim::kVersion);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok, 2 usage error, 3 scenario or file error, 4 simulation error or a limit hit (--max-events, "
      "--max-memory), 5 output error, 130 SIGINT, 143 SIGTERM.");
  sim::install_stop_handlers();  // a signal only sets a flag; every command then stops cleanly

  Options run_o, cmp_o, sweep_o, val_o, desc_o, sens_o;
  bool describe_json = false;
  auto* run = app.add_subcommand("run", "Run a scenario (once, or --replications N in parallel), write HDF5 results, print a summary");
  add_common(run, run_o, false);
  add_experiment(run, run_o, "Result file (default: results/<scenario>.h5)");
  run->add_flag("--sample-assumptions", run_o.sample_assumptions,
                "With -n: each replication draws every `assumed:` range the scenario marks, so the 95% interval holds "
                "parameter uncertainty as well as randomness (reproducible by seed)");
  run->add_flag("--events", run_o.events,
                "A single run also writes every model event to /events (~70 bytes an event: 31 MB for a 10-year corridor)");
  run->add_option("--sample-design", run_o.sample_design, "How --sample-assumptions draws: lhs (Latin hypercube, default) or uniform")
      ->check(CLI::IsMember({"uniform", "lhs"}));
  auto* compare = app.add_subcommand("compare", "Compare alternatives with a base scenario: paired differences under common random numbers");
  add_common(compare, cmp_o, true);
  add_experiment(compare, cmp_o, "Result file (default: results/<base>-compare.h5)");
  compare->add_flag("--overlays", cmp_o.overlays,
                    "Apply each alternative onto the base scenario instead of onto the file it extends (any expansion on any base)");
  auto* sweep = app.add_subcommand("sweep", "Run a scenario over a grid of parameter values");
  add_common(sweep, sweep_o, false);
  add_experiment(sweep, sweep_o, "Result file (default: results/<scenario>-sweep.h5)");
  auto* grid = sweep->add_option("--grid", sweep_o.grids, "key.path=v1,v2,... ; several --grid make the full product");
  // No CLI::ExistingFile: a missing file is a file error (exit 3), reported by the loader like a scenario's.
  auto* points = sweep->add_option("--points", sweep_o.points_file, "YAML file `points: [{key.path: value, ...}, ...]` instead of --grid")
                     ->check(kNonEmpty);
  grid->excludes(points);
  auto* validate = app.add_subcommand("validate", "Load and check a scenario without running it");
  add_common(validate, val_o, false);
  CLI::Option* dummy_seed =
      validate->add_option("--seed", val_o.seed, "Ignored: accepted so a run's options can be reused")->check(kSeed);
  val_o.seed_opt = dummy_seed;
  auto* describe = app.add_subcommand("describe",
                                      "Without a scenario: every stage type and scenario section with its keys, units and meaning. "
                                      "With one: its stages, services, flows, metrics and targets by name");
  describe->add_option("scenario", desc_o.scenarios, "Scenario file (YAML); leave out to describe what scenarios may say")->expected(0, 1);
  describe->add_option("--set", desc_o.sets, "Override a scenario value: key.path=value, repeatable");
  describe->add_flag("--json", describe_json, "JSON instead of text");
  desc_o.seed_opt =
      describe->add_option("--seed", desc_o.seed, "Ignored: accepted so a run's options can be reused")->check(kSeed);
  CalibrateCli cal;
  auto* calibrate = app.add_subcommand("calibrate",
                                       "Fit scenario parameters so that the mean of N replications meets observations (NLopt, common random "
                                       "numbers); write an overlay with the fitted values");
  calibrate->add_option("scenario", cal.o.scenario, "Scenario file (YAML)")->required();
  calibrate->add_option("--targets", cal.o.target_files, "Observation files (a `targets:` list each) to fit to")->required()->expected(1, -1);
  calibrate->add_option("--param", cal.o.params,
                        "KEY=LO..HI: a numeric key as --set names it (flows.x.arrivals=2..10, flows.x.profile[3]=0.5..2, "
                        "flows.x.profile=0.5..2 scales the whole profile); bounds in the value's unit unless given")
      ->required();
  calibrate->add_option("-n,--replications", cal.o.replications, "Replications per evaluation, the same ones every time (default 10)")
      ->check(CLI::Range(1, 100000));
  calibrate->add_option("-j,--jobs", cal.o.jobs, "Worker processes (default: number of cores)")->check(CLI::Range(1, 4096));
  calibrate->add_option("-o,--output", cal.o.overlay, "The overlay to write (extends SCENARIO)")->required();
  calibrate->add_option("--summary", cal.summary, "Summary format on standard output")->check(CLI::IsMember({"table", "json"}));
  calibrate->add_option("--max-evals", cal.o.max_evals, "At most this many evaluations (default 100)")->check(CLI::Range(1, 100000));
  cal.seed_opt =
      calibrate->add_option("--seed", cal.seed, "Base random seed of every evaluation (default: the scenario's)")->check(kSeed);
  calibrate->add_option("--set", cal.o.sets, "Override a scenario value before calibrating: key.path=value, repeatable");
  calibrate->add_option("--log-level", cal.log_level, "trace, debug, info, warn, error or off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));
  add_limits(calibrate, cal.max_events, cal.max_memory);
  std::vector<std::string> shard_files;
  std::string merge_output;
  auto* merge = app.add_subcommand("merge", "Join the shard files of one experiment (run -n, sweep or compare with --shard K/N) into "
                                            "the result file one machine would have written");
  merge->add_option("shards", shard_files, "Shard files, all N of them, in any order")->required()->check(CLI::ExistingFile);
  merge->add_option("-o,--output", merge_output, "Result file")->required();
  SensitivityCli sens;
  auto* sensitivity = app.add_subcommand("sensitivity", "How much each parameter moves each metric: Morris screening or one-at-a-time "
                                                        "swings (tornado), common random numbers, 95% CIs over replications, ranked");
  add_common(sensitivity, sens_o, false);
  add_experiment(sensitivity, sens_o, "Result file (default: results/<scenario>-sensitivity.h5)");
  sensitivity->add_option("--param", sens.params,
                          "KEY=LO..HI as calibrate takes it (flows.x.arrivals=2..10, flows.x.profile=0.8..1.2 scales a profile); repeatable");
  sensitivity->add_flag("--assumptions", sens.assumptions, "Also screen every range the scenario marks with `assumed:`");
  sensitivity->add_option("--method", sens.s.method, "morris (elementary effects, screening) or oat (one at a time, LO and HI: a tornado)")
      ->check(CLI::IsMember({"morris", "oat"}));
  sensitivity->add_option("--trajectories", sens.s.trajectories, "Morris trajectories r (default 10): r (k + 1) design points")
      ->check(CLI::Range(1, 100000));
  sensitivity->add_option("--levels", sens.s.levels, "Morris grid levels p, even (default 4)")->check(CLI::Range(2, 1000));
  sens_o.replications = 10;
  cmp_o.replications = 30;
  sweep_o.replications = 10;

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? sim::kExitOk : sim::kExitUsage;
  }

  const Options& active = run->parsed()           ? run_o
                          : compare->parsed()     ? cmp_o
                          : sweep->parsed()       ? sweep_o
                          : sensitivity->parsed() ? sens_o
                          : describe->parsed()    ? desc_o
                                                  : val_o;
  const bool forks =
      (run->parsed() && *run_o.reps_opt) || compare->parsed() || sweep->parsed() || sensitivity->parsed() || calibrate->parsed();
  if (forks && !g_merging) sim::bind_symbols_before_forking(argv);
  // merge sets logging up when it repeats the shards' command
  if (!merge->parsed()) sim::log::setup(calibrate->parsed() ? cal.log_level : active.log_level);
  try {
    const int code = [&]() -> int {
    if (calibrate->parsed()) return cmd_calibrate(cal);
    if (merge->parsed()) {
      if (g_merging) throw CLI::ValidationError("merge", "a shard's command cannot be a merge");
      return cmd_merge(shard_files, merge_output);
    }
    if (run->parsed()) return cmd_run(run_o);
    if (compare->parsed()) return cmd_compare(cmp_o);
    if (sweep->parsed()) return cmd_sweep(sweep_o);
    if (sensitivity->parsed()) {
      if (sens.s.levels % 2) throw CLI::ValidationError("--levels", "must be even (the standard Morris design)");
      return cmd_sensitivity(sens_o, sens);
    }
    if (describe->parsed()) {
      if (desc_o.scenarios.empty()) {
        if (describe_json) std::cout << models::describe_keys_json().dump(2) << "\n";
        else models::print_keys(std::cout);
        return sim::kExitOk;
      }
      const auto l = load(desc_o.scenarios[0], desc_o.sets, desc_o);
      if (describe_json) std::cout << models::describe_scenario_json(l.scenario).dump(2) << "\n";
      else models::print_scenario(std::cout, l.scenario);
      return sim::kExitOk;
    }
    const auto l = load(val_o.scenarios[0], val_o.sets, val_o);
    const size_t assumed = models::sensitivity::check_assumptions(l.doc.root);
    sim::throw_if_stopped();  // loading does not look at the flag: never say ok after a signal
    std::cout << sim::wrap_text("ok: " + val_o.scenarios[0] + ": \"" + l.scenario.name + "\", " + std::to_string(l.scenario.stages.size()) +
                                " stages, " + std::to_string(l.scenario.sources.size()) + " services and flows, " +
                                std::to_string(l.scenario.metrics.size()) + " metrics, " + std::to_string(l.scenario.targets.size()) + " targets" +
                                (assumed ? ", " + std::to_string(assumed) + " assumed ranges" : ""))
              << "\n";
    return sim::kExitOk;
    }();
    sim::throw_if_stopped();  // a signal during a step that does not look (loading, printing)
    return code;
  } catch (const sim::Interrupted& e) {
    struct stat st;
    if (!g_checkpoint.empty() && ::stat(g_checkpoint.c_str(), &st) == 0)
      std::cerr << "stopped: " << e.what() << " (the finished runs are kept in " << g_checkpoint
                << ": the same command with --resume computes only the rest)\n";
    else
      std::cerr << "stopped: " << e.what() << " (nothing was written)\n";
    return e.exit_code();
  } catch (const CLI::Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    return sim::kExitUsage;
  } catch (const sim::ScenarioError& e) {
    print_scenario_error(e);
    return sim::kExitScenario;
  } catch (const sim::SimulationError& e) {
    std::cerr << "simulation error: " << e.what() << "\n";
    return sim::kExitSimulation;
  } catch (const sim::CheckpointError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return sim::kExitUsage;
  } catch (const sim::OutputError& e) {
    std::cerr << "output error: " << e.what() << "\n";
    return sim::kExitOutput;
  } catch (const std::exception& e) {  // a bug (bad input must be a ScenarioError): a message, not an abort
    std::cerr << "internal error: " << e.what() << " (a bug in caspian; please report it with the command line)\n";
    return sim::kExitSimulation;
  }
}

}  // namespace
