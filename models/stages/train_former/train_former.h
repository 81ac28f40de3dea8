#pragma once
// Groups loose containers or wagons into trains, per cargo class: a train leaves when it holds
// `train_size` (the last consignment is split to fit) or `max_wait` after its first consignment
// arrived. Block trains pass through unchanged. A formed train is a new consignment carrying the sum
// of its members (transit time counted from the earliest member); the train itself is recorded as
// created here, so the conservation ledger stays exact.
#include <limits>
#include <map>
#include <vector>

#include "models/network/network.h"

namespace models {

class TrainFormer : public Stage {
 public:
  TrainFormer(const StageConfig& cfg, int index, Network& net);
  void accept(Job job) override;
  void start(sim::Kernel& kernel) override;
  sim::Amounts holding() const override;

 private:
  struct Forming {
    std::vector<Job> members;
    double amount = 0, since = 0;
  };
  // Trains are formed per cargo class and onward route: members of one train go the same way.
  using Key = std::pair<int, std::vector<int>>;
  Key key_of(const Job& j) const;
  void release(const Key& key);
  void loop();
  double next_due() const;  // when the oldest forming train reaches max_wait
  void update_stats();

  FormerConfig cfg_;
  sim::ResourceStats& stats_;
  std::map<Key, Forming> forming_;
  sim::Signal wake_;
  double planned_wake_ = -std::numeric_limits<double>::infinity();  // -inf: before the actor's first turn
};

}  // namespace models
