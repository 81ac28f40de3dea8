#pragma once
// Results of one run, and the HDF5 file they are written to (layout: docs/results-format.md).
// The file is written under a temporary name and renamed only when complete, so a failed run never
// leaves a file that looks finished.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "observe.h"
#include "recorder.h"
#include "stats.h"

namespace sim {

struct RunInfo {
  std::string version, scenario_name, scenario_description, scenario_file, scenario_yaml;
  std::vector<std::pair<std::string, std::string>> scenario_sources;  // (path, text)
  std::vector<std::string> sets;
  std::uint64_t seed = 0, replication = 0;
  std::string start_date, end_date;  // first and last simulated day
};

struct TargetResult {
  TargetSpec spec;
  double simulated = 0, error_pct = 0;
  std::string units;
};

struct Bottleneck {
  std::string resource, reason;
  double utilisation = 0;
};

struct RunResults {
  RunInfo info;
  std::vector<TargetResult> targets;
  std::vector<Bottleneck> bottlenecks;
  Amounts in_system;
};

// Targets compared, bottlenecks found: pure computations on the recorder's statistics.
std::vector<TargetResult> evaluate_targets(const Recorder& rec, const std::vector<TargetSpec>& targets);
std::vector<Bottleneck> find_bottlenecks(const Recorder& rec, double utilisation_threshold = 0.85);

class ResultFile : public EventSink {
 public:
  explicit ResultFile(std::string final_path);
  ~ResultFile() override;  // removes the temporary file unless commit() succeeded
  void write_events(const std::vector<Event>& events) override;
  void write_results(const Recorder& rec, const RunResults& results);
  void commit();
  const std::string& path() const { return final_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string final_, temp_;
  bool committed_ = false;
};

}  // namespace sim
