#pragma once
// Stages and sources of one run, and the routing of consignments between stages.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "models/costs/stage_costs.h"
#include "models/scenario/config.h"
#include "models/network/job.h"
#include "models/weather/weather.h"
#include "sim/core/calendar.h"
#include "sim/kernel/capacity.h"
#include "sim/kernel/kernel.h"
#include "sim/record/recorder.h"

namespace models {

class Network;

// A place that holds consignments for a while. accept() is called from other actors' turns.
// A stage may declare a finite buffer (its waiting area, in consignments, TEU or wagons): then a
// sender must reserve room first (Network::reserve_next), and keeps the consignment, and whatever
// holds it, until there is room. The stage frees the room when a consignment leaves its waiting area.
class Stage {
 public:
  Stage(std::string name, int index, Network& net) : name_(std::move(name)), index_(index), net_(net) {}
  virtual ~Stage() = default;
  virtual void accept(Job job) = 0;
  void set_buffer(double limit, sim::Measure unit);
  // Entry embargoes: [from, to) in seconds, for some sources and/or classes (empty: any).
  struct Embargo {
    double from = 0, to = 0;
    std::vector<int> sources, classes;
  };
  void set_embargoes(std::vector<Embargo> embargoes) { embargoes_ = std::move(embargoes); }
  // Whether a sender may have to keep what it would hand on here (a buffer, or entry embargoes).
  bool bounded() const { return room_ != nullptr || !embargoes_.empty(); }
  bool reserve(const Job& job) { return !embargoed(job) && (!room_ || room_->offer(room_of(job, true))); }
  // SIGNAL is notified once: when JOB's embargo ends, or (no embargo) when room is released.
  void wake_on_room(const Job& job, sim::Signal& signal);
  // Starts the stage's actors, and the one that ends its embargoes.
  void start_stage(sim::Kernel& kernel);
  virtual void start(sim::Kernel& kernel) = 0;
  // What is inside at the end of the run (queued or in progress), for the conservation ledger.
  virtual sim::Amounts holding() const = 0;
  const std::string& name() const { return name_; }
  int index() const { return index_; }

 protected:
  void emit(sim::EventKind kind, const Job& job, double t) const;
  // JOB (or, with LEAVES false, a part of it split off) leaves the waiting area. The room is handed
  // to waiting senders by release_room(), to be called once the stage's own state is consistent:
  // waking a sender is a yield point (a SimGrid simcall), and the sender may hand this stage more
  // work at once, into the middle of an update.
  void free_room(const Job& job, bool leaves = true) {
    if (room_) freed_ += room_of(job, leaves);
  }
  void release_room() {
    if (!room_ || freed_ <= 0) return;
    const double f = freed_;
    freed_ = 0;
    room_->release(f);
  }
  std::string name_;
  int index_;
  Network& net_;

 private:
  double room_of(const Job& job, bool whole) const {
    return room_unit_ == sim::Measure::Jobs ? (whole ? 1.0 : 0.0) : job.amounts.get(room_unit_);
  }
  // The end of the embargo that refuses JOB now, or 0 when none does.
  double embargo_end(const Job& job) const;
  bool embargoed(const Job& job) const { return embargo_end(job) > 0; }
  std::unique_ptr<sim::Capacity> room_;
  sim::Measure room_unit_ = sim::Measure::Jobs;
  double freed_ = 0;  // freed, not yet released
  std::vector<Embargo> embargoes_;
  std::vector<std::pair<double, sim::Signal*>> embargo_waiters_;  // (embargo end, whom to wake)
  sim::Signal embargo_changed_;  // a new waiter: the embargo actor looks again
};

class Network {
 public:
  Network(const Scenario& scenario, const sim::Calendar& calendar, sim::Recorder& recorder, std::uint64_t replication,
          sim::Kernel& kernel);
  ~Network();
  void start(sim::Kernel& kernel);
  // Takes room for JOB at the next stage of its route (always there when that stage has no buffer,
  // or JOB's route ends). False: the caller keeps JOB and may ask to be woken when room appears.
  bool reserve_next(const Job& job);
  void wake_on_room_next(const Job& job, sim::Signal& signal);
  // Moves JOB to the next stage of its route (room reserved), or delivers it when the route is done.
  // JOB is charged for the stage it leaves first, unless CHARGED (a train former charges the
  // consignments it merges, each for its own dwell).
  void forward(Job job, bool charged = false);
  const StageCosts& costs() const { return costs_; }
  // The first stage of JOB's route: the same for a consignment entering from its source.
  bool reserve_first(const Job& job);
  Stage& first_stage(int source) { return *stages_[routes_[source][0]]; }
  void wake_on_room_first(const Job& job, sim::Signal& signal);
  // Sends a newly created job to the first stage of its route.
  void enter(Job job);
  sim::Recorder& recorder() { return recorder_; }
  const sim::Calendar& calendar() const { return calendar_; }
  sim::Amounts in_system() const;
  std::uint64_t next_job_id() { return ++last_job_; }
  // The sources (by index) whose routes pass through STAGE, in source order.
  std::vector<int> sources_through(int stage) const;
  // Storm windows of a sea area; nullptr for "" (no weather).
  const sim::Closures* storms(const std::string& area) const;
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
  std::map<std::string, sim::Closures> storms_;
  std::map<std::string, std::unique_ptr<class BerthPool>> pools_;
  std::vector<std::unique_ptr<Stage>> stages_;
  std::vector<std::vector<int>> routes_;  // per source
  std::vector<std::unique_ptr<class Source>> sources_;
  std::uint64_t last_job_ = 0;
  StageCosts costs_;
  bool costed_ = false;  // any stage declares costs: consignments are charged and their costs recorded
};

std::vector<std::string> place_names(const Scenario& s);
std::vector<std::string> source_names(const Scenario& s);
std::vector<sim::MetricSpec> metric_specs(const Scenario& s);

}  // namespace models
