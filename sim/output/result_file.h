#pragma once
// Results of one run, and the HDF5 file they are written to (layout: docs/results-format.md).
// The file is written under a temporary name and renamed only when complete, so a failed run never
// leaves a file that looks finished.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "sim/analysis/run_results.h"
#include "sim/record/observe.h"
#include "sim/record/recorder.h"

namespace sim {

class ResultFile : public EventSink {
 public:
  // EVENTS: with the event table /events (a single run's --events). Without it the file holds every
  // statistic and the fingerprint; the table is most of a single run's output cost (docs/performance.md).
  ResultFile(std::string final_path, bool events);
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
  bool events_;
};

}  // namespace sim
