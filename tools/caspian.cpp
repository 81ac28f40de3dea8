// The `caspian` command line: run or validate a scenario. Exit codes: 0 ok, 2 usage, 3 scenario error,
// 4 simulation error, 5 output error (see README).
#include <CLI/CLI.hpp>
#include <sys/stat.h>

#include <fstream>
#include <iostream>

#include "generated/version.h"
#include "models/config.h"
#include "models/simulation.h"
#include "sim/errors.h"
#include "sim/log.h"
#include "sim/summary.h"

namespace {

// Shows the offending line of the scenario under the message, with a caret at the column.
void print_scenario_error(const sim::ScenarioError& e) {
  std::cerr << "error: " << e.what() << "\n";
  if (e.where.line <= 0) return;
  std::ifstream in(e.where.file);
  std::string line;
  for (int i = 0; i < e.where.line && std::getline(in, line); ++i) {
  }
  if (!in) return;
  std::cerr << "  " << e.where.line << " | " << line << "\n";
  std::cerr << "  " << std::string(std::to_string(e.where.line).size(), ' ') << " | "
            << std::string(static_cast<size_t>(std::max(0, e.where.col - 1)), ' ') << "^\n";
}

std::string default_output(const std::string& scenario) {
  std::string stem = scenario.substr(scenario.rfind('/') == std::string::npos ? 0 : scenario.rfind('/') + 1);
  if (const auto dot = stem.rfind('.'); dot != std::string::npos) stem = stem.substr(0, dot);
  ::mkdir("results", 0755);
  return "results/" + stem + ".h5";
}

struct Common {
  std::string scenario;
  std::vector<std::string> sets;
  std::string log_level = "warn";
};

void add_common(CLI::App* cmd, Common& c) {
  cmd->add_option("scenario", c.scenario, "Scenario file (YAML)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--set", c.sets, "Override a scenario value: key.path=value (list items by name), repeatable");
  cmd->add_option("--log-level", c.log_level, "trace, debug, info, warn, error or off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"caspian: discrete-event simulator of freight and oil across the Caspian (Middle Corridor)"};
  app.set_version_flag("--version", std::string("caspian ") + sim::kVersion);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 ok, 2 usage error, 3 scenario error, 4 simulation error, 5 output error.");

  Common run_opts, validate_opts;
  std::string output, summary = "table";
  std::uint64_t seed = 0;
  auto* run = app.add_subcommand("run", "Run a scenario, write the HDF5 results and print a summary");
  add_common(run, run_opts);
  run->add_option("-o,--output", output, "Result file (default: results/<scenario>.h5)");
  auto* seed_opt = run->add_option("--seed", seed, "Base random seed (overrides the scenario's seed)");
  run->add_option("--summary", summary, "Summary format on standard output")->check(CLI::IsMember({"table", "json"}));
  auto* validate = app.add_subcommand("validate", "Load and check a scenario without running it");
  add_common(validate, validate_opts);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? sim::kExitOk : sim::kExitUsage;
  }

  const Common& c = run->parsed() ? run_opts : validate_opts;
  sim::log::setup(c.log_level);
  try {
    const sim::Document doc = sim::load_document(c.scenario, c.sets);
    models::Scenario scenario = models::load_scenario(doc);
    if (validate->parsed()) {
      std::cout << "ok: " << c.scenario << ": \"" << scenario.name << "\", " << scenario.stages.size() << " stages, "
                << scenario.sources.size() << " services and flows, " << scenario.metrics.size() << " metrics, "
                << scenario.targets.size() << " targets\n";
      return sim::kExitOk;
    }
    if (*seed_opt) scenario.seed = seed;
    const std::string out_path = output.empty() ? default_output(c.scenario) : output;
    models::Simulation simulation(doc, scenario, {c.scenario, out_path, 0});
    simulation.run();
    if (summary == "json") sim::print_json(std::cout, simulation.recorder(), simulation.results(), out_path);
    else sim::print_table(std::cout, simulation.recorder(), simulation.results(), out_path);
    return sim::kExitOk;
  } catch (const sim::ScenarioError& e) {
    print_scenario_error(e);
    return sim::kExitScenario;
  } catch (const sim::SimulationError& e) {
    std::cerr << "simulation error: " << e.what() << "\n";
    return sim::kExitSimulation;
  } catch (const sim::OutputError& e) {
    std::cerr << "output error: " << e.what() << "\n";
    return sim::kExitOutput;
  }
}
