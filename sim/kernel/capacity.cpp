#include "sim/kernel/capacity.h"

#include <algorithm>

namespace sim {

bool Capacity::offer(double amount) {
  if (!waiters_.empty() || !fits(amount)) return false;
  level_ += amount;
  return true;
}

void Capacity::put(double amount) {
  if (offer(amount)) return;
  Waiter me{amount, {}};
  waiters_.push_back(&me);
  me.granted.wait();  // release() takes the room for us before it notifies
}

void Capacity::release(double amount) {
  level_ = std::max(0.0, level_ - amount);
  while (!waiters_.empty() && fits(waiters_.front()->amount)) {
    Waiter* w = waiters_.front();
    waiters_.pop_front();
    level_ += w->amount;
    w->granted.notify();
  }
  std::vector<Signal*> wake;
  wake.swap(wakers_);
  for (Signal* s : wake) s->notify();
}

void Capacity::wake_on_room(Signal& signal) {
  if (std::find(wakers_.begin(), wakers_.end(), &signal) == wakers_.end()) wakers_.push_back(&signal);
}

}  // namespace sim
