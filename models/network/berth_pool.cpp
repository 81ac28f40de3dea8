#include "models/network/berth_pool.h"

namespace models {

void BerthPool::acquire() {
  if (free_ > 0) {
    --free_;
    update_stats();
    return;
  }
  Waiter me;
  waiters_.push_back(&me);
  stats_.queue.set(sim::now(), static_cast<double>(waiters_.size()));
  while (!me.granted) me.signal.wait();
}

void BerthPool::release() {
  if (!waiters_.empty()) {  // hand the berth straight to the first in line
    Waiter* next = waiters_.front();
    waiters_.pop_front();
    stats_.queue.set(sim::now(), static_cast<double>(waiters_.size()));
    next->granted = true;
    next->signal.notify();
    return;
  }
  ++free_;
  update_stats();
}

void BerthPool::update_stats() { stats_.utilisation.set(sim::now(), static_cast<double>(berths_ - free_) / berths_); }

}  // namespace models
