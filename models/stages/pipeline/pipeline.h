#pragma once
// A pipeline fed from terminal storage (BTC from Sangachal). Each shipper's lots wait in storage and
// are pumped one after another; shippers pump at the same time and share the capacity max-min fairly
// (a SimGrid link), each under its own cap. Dated capacity changes, outages of the whole line (dated
// or from a Poisson outage process) and halts of some shippers' intake change the flow as they come.
#include <deque>
#include <memory>
#include <vector>

#include "models/network/network.h"
#include "sim/kernel/pipe.h"

namespace models {

class Pipeline : public Stage {
 public:
  // SHIPPERS: the source indices whose routes pass through this stage, in a fixed order.
  Pipeline(const StageConfig& cfg, int index, Network& net, sim::Kernel& kernel, const std::vector<int>& shippers);
  void accept(Job job) override;
  void start(sim::Kernel& kernel) override;
  sim::Amounts holding() const override;

 private:
  struct Shipper {
    int source;
    double cap;  // t/s, or sim::Pipe::kUncapped
    std::deque<Job> lots;
    sim::Signal wake;
  };
  void pump_loop(size_t k);
  void operate();  // applies capacity changes, outages and halts at their times
  double nominal_at(double t) const;
  void update_stats();

  StageConfig cfg_;
  sim::ResourceStats& stats_;
  std::unique_ptr<sim::Pipe> pipe_;
  std::vector<std::unique_ptr<Shipper>> shippers_;
  std::vector<std::pair<double, double>> outages_;  // [from, to) seconds, dated and stochastic
};

}  // namespace models
