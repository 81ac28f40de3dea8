#pragma once
// A bounded amount of room (a yard, a buffer before a stage): SimPy's Container, OMNeT++'s passive
// queue. offer() takes what fits now or refuses; put() makes the calling actor wait until it fits;
// an event-loop actor that cannot wait inside put() asks to be woken (wake_on_room) and offers again.
// Room goes first come, first served: while an actor waits in put(), offer() refuses.
// An amount larger than the whole limit is taken when the room is empty: otherwise it could never
// pass, and the line would stop for good.
#include <deque>
#include <vector>

#include "sim/kernel/kernel.h"

namespace sim {

class Capacity {
 public:
  explicit Capacity(double limit) : limit_(limit) {}
  Capacity(const Capacity&) = delete;
  Capacity& operator=(const Capacity&) = delete;
  bool offer(double amount);
  void put(double amount);
  void release(double amount);
  // SIGNAL is notified once, the next time room is released (for actors running their own loop).
  void wake_on_room(Signal& signal);
  double level() const { return level_; }
  double limit() const { return limit_; }

 private:
  bool fits(double amount) const { return level_ + amount <= limit_ + 1e-9 || (level_ <= 0 && amount > limit_); }
  struct Waiter {
    double amount;
    Signal granted;
  };
  double limit_, level_ = 0;
  std::deque<Waiter*> waiters_;
  std::vector<Signal*> wakers_;
};

}  // namespace sim
