#pragma once
// Creates consignments: block trains on a schedule (interval, weekly frequency, timetable dates, or an
// evenly spaced rate with a monthly profile) or stochastic flows (Poisson arrivals with a monthly
// profile, or any interarrival distribution), and sends them down their route.
#include <deque>
#include <limits>

#include "models/network/network.h"
#include "sim/core/random.h"

namespace models {

class Source {
 public:
  Source(const SourceConfig& cfg, int index, Network& net, sim::RandomStream schedule, sim::RandomStream sizes);
  void start(sim::Kernel& kernel);
  // The next creation time after T (the first when T is negative); infinity when there is none.
  double next_time(double t);
  // What it holds at origin (created, refused by its first stage), for the conservation ledger.
  sim::Amounts holding() const;

 private:
  void loop();
  // A first stage with a buffer or an entry embargo may refuse a consignment: the source then holds it at origin (held
  // demand, reported as the resource origin:<name>) and hands it on, first come first served, as
  // room appears.
  void hand_on(Job job);
  bool hand_on_held();           // true while some are still held
  void wait_until(double t);     // the next creation, handing held consignments on meanwhile
  double factor_at(double t) const;  // monthly profile factor at T, times the growth since the start
  double nomination_at(double t) const;  // shippers: t/s nominated at T, surges included
  bool is_shipper() const { return cfg_.nomination > 0 || !cfg_.nomination_changes.empty(); }

  SourceConfig cfg_;
  int index_;
  Network& net_;
  sim::RandomStream schedule_rng_, size_rng_;
  double first_, last_;  // seconds; creations happen in [first_, last_)
  size_t next_date_ = 0;
  std::deque<Job> held_;
  sim::Signal room_;
  sim::ResourceStats* held_stats_ = nullptr;  // only for a source whose first stage may refuse
};

}  // namespace models
