#pragma once
// Stages and sources of one run, and the routing of consignments between stages.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "models/scenario/config.h"
#include "models/network/job.h"
#include "models/weather/weather.h"
#include "sim/core/calendar.h"
#include "sim/kernel/kernel.h"
#include "sim/record/recorder.h"

namespace models {

class Network;

// A place that holds consignments for a while. accept() is called from other actors' turns.
class Stage {
 public:
  Stage(std::string name, int index, Network& net) : name_(std::move(name)), index_(index), net_(net) {}
  virtual ~Stage() = default;
  virtual void accept(Job job) = 0;
  virtual void start(sim::Kernel& kernel) = 0;
  // What is inside at the end of the run (queued or in progress), for the conservation ledger.
  virtual sim::Amounts holding() const = 0;
  const std::string& name() const { return name_; }
  int index() const { return index_; }

 protected:
  void emit(sim::EventKind kind, const Job& job, double t) const;
  std::string name_;
  int index_;
  Network& net_;
};

class Network {
 public:
  Network(const Scenario& scenario, const sim::Calendar& calendar, sim::Recorder& recorder, std::uint64_t replication,
          sim::Kernel& kernel);
  ~Network();
  void start(sim::Kernel& kernel);
  // Moves JOB to the next stage of its route, or delivers it when the route is done.
  void forward(Job job);
  // Sends a newly created job to the first stage of its route.
  void enter(Job job);
  sim::Recorder& recorder() { return recorder_; }
  const sim::Calendar& calendar() const { return calendar_; }
  sim::Amounts in_system() const;
  std::uint64_t next_job_id() { return ++last_job_; }
  // The sources (by index) whose routes pass through STAGE, in source order.
  std::vector<int> sources_through(int stage) const;
  // Storm windows of a sea area; nullptr for "" (no weather).
  const StormCalendar* storms(const std::string& area) const;
  // A berth pool shared by vessel lines; nullptr for "" (none).
  class BerthPool* berth_pool(const std::string& name);
  // The random stream of a named source of randomness in this replication.
  const std::vector<std::string>& source_names() const { return source_names_; }
  sim::RandomStream stream(const std::string& name) const { return sim::RandomStream(seed_, replication_, name); }

 private:
  const sim::Calendar& calendar_;
  sim::Recorder& recorder_;
  std::uint64_t seed_, replication_;
  std::vector<std::string> source_names_;
  std::map<std::string, StormCalendar> storms_;
  std::map<std::string, std::unique_ptr<class BerthPool>> pools_;
  std::vector<std::unique_ptr<Stage>> stages_;
  std::vector<std::vector<int>> routes_;  // per source
  std::vector<std::unique_ptr<class Source>> sources_;
  std::uint64_t last_job_ = 0;
};

std::vector<std::string> place_names(const Scenario& s);
std::vector<std::string> source_names(const Scenario& s);
std::vector<sim::MetricSpec> metric_specs(const Scenario& s);

}  // namespace models
