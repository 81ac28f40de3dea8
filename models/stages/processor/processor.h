#pragma once
// One mechanism for rail sections, terminals and border points: consignments queue (FIFO), start when
// a server is free, the minimum headway since the last start has passed and no outage is on, and
// leave after their service time. Unlimited servers with a headway is a line where trains run in
// parallel but enter at most `capacity` per day. One actor runs the stage as its own small event loop.
#include <deque>
#include <limits>
#include <queue>

#include "models/network/network.h"
#include "models/scenario/config.h"
#include "sim/core/random.h"

namespace models {

class Processor : public Stage {
 public:
  Processor(const StageConfig& cfg, int index, Network& net, sim::RandomStream rng);
  void accept(Job job) override;
  void start(sim::Kernel& kernel) override;
  sim::Amounts holding() const override;

 private:
  struct InService {
    double done;
    std::uint64_t seq;  // ties at equal times leave in start order
    Job job;
    bool operator>(const InService& o) const { return done != o.done ? done > o.done : seq > o.seq; }
  };
  void loop();
  void apply_changes(double t);
  bool in_outage(double t, double* ends) const;
  // The first queued consignment that may start now (none: queue_.end()); embargoed ones wait.
  std::deque<Job>::iterator startable(double t);
  bool embargoed(const Job& job, double t, double* ends) const;
  bool gated(const Job& job, double t) const;  // a train whose headway has not passed
  void update_stats(double t);
  void hand_on(double t);  // finished consignments to the next stage, as far as it has room
  size_t occupied() const { return busy_.size() + blocked_.size(); }  // servers in use
  void start_ready(double t);         // starts every queued consignment that may start at T
  double next_wake(double t) const;  // when the actor next has something to do

  ProcessorConfig cfg_;
  sim::RandomStream rng_;
  sim::Signal wake_;
  sim::ResourceStats& stats_;
  const sim::Closures* storms_;
  std::deque<Job> queue_;
  sim::Amounts queued_;  // what queue_ carries, kept as it changes
  std::priority_queue<InService, std::vector<InService>, std::greater<InService>> busy_;
  std::deque<Job> blocked_;  // finished, waiting for room at the next stage, each holding its server
  std::uint64_t seq_ = 0;
  int servers_;
  double headway_;
  double gate_free_ = 0;
  // When the actor will next run by itself; -inf until its first turn, which comes anyway.
  double planned_wake_ = -std::numeric_limits<double>::infinity();
  size_t next_change_ = 0;
  std::vector<std::pair<double, double>> outages_;  // [from, to) in seconds
  struct Embargo {
    double from, to;
    std::vector<int> sources;
  };
  std::vector<Embargo> embargoes_;
  sim::ResourceStats* yard_ = nullptr;  // yard occupancy, when the stage has a yard capacity
};

}  // namespace models
