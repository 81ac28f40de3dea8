#pragma once
// Berths shared by several vessel lines at one port (Aktau's oil berths serve both the Baku shuttle
// and Makhachkala loadings). A line's loading position must hold a pool berth while it loads;
// berths are handed over first come, first served.
#include <deque>
#include <string>

#include "sim/kernel/kernel.h"
#include "sim/record/recorder.h"

namespace models {

class BerthPool {
 public:
  BerthPool(int berths, sim::ResourceStats& stats) : free_(berths), berths_(berths), stats_(stats) {}
  void acquire();  // blocks the calling actor until a berth is its
  void release();

 private:
  struct Waiter {
    sim::Signal signal;
    bool granted = false;
  };
  void update_stats();
  int free_, berths_;
  std::deque<Waiter*> waiters_;
  sim::ResourceStats& stats_;
};

}  // namespace models
