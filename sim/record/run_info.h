#pragma once
// What identifies a run: simulator version, the scenario (name, files, merged text, overrides), seed,
// replication and dates. Written into every result file, so a run can be repeated from it.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sim {

struct RunInfo {
  std::string version, scenario_name, scenario_description, scenario_file, scenario_yaml;
  std::vector<std::pair<std::string, std::string>> scenario_sources;  // (path, text)
  std::vector<std::string> sets;
  std::uint64_t seed = 0, replication = 0;
  std::string start_date, end_date;  // first and last simulated day
  double warmup_s = 0;               // seconds from the start whose statistics are discarded
  double transit_within_s = 0;       // the scenario's `transit_within` in seconds (0: none stated)
};

}  // namespace sim
