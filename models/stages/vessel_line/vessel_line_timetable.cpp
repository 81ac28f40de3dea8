// vessel_line under a timetable: one sailing per slot, with what boarded by the slot's cut-off, in
// place of sailing when full. The slot arithmetic is in timetable.h.
#include <algorithm>
#include <limits>

#include "models/stages/vessel_line/vessel_line.h"

namespace models {
namespace {
constexpr double kEps = 1e-9;
}

int VesselLine::vessel_for_slot(Berth& berth) {
  // A vessel back in port before a slot's cut-off loads for it; a slot whose cut-off passes with
  // none in port is missed (the caller moves on to the next slot).
  const double inf = std::numeric_limits<double>::infinity();
  const auto& cal = net_.calendar();
  for (;;) {
    apply_changes(sim::now());
    if (!idle_.empty()) break;
    wait_on(berth, Berth::Waits::Vessel, next_change_ < v_.changes.size() ? cal.seconds_at(v_.changes[next_change_].day) : inf);
  }
  const int v = idle_.front();
  idle_.pop_front();
  return v;
}

void VesselLine::timetable_dispatcher(Berth& berth) {
  const Timetable& tt = v_.timetable;
  long k = tt.first_slot(sim::now());
  for (;;) {
    const int v = vessel_for_slot(berth);
    k = tt.first_slot(sim::now(), k);
    if (pool_) pool_->acquire();
    const double at_berth = sim::now();
    // The vessel lies at the berth and takes cargo as it arrives until the cut-off. A slot whose
    // cut-off passes with nothing aboard has no sailing; the vessel stays for the next one.
    const double capacity = v_.capacity_of(v) * load_factor_;
    double loaded = 0, board_clock = sim::now(), first_board = -1;
    for (;;) {
      wait_calm();  // ports stop loading in storms
      if (sim::now() <= tt.cutoff_of(k) + kEps) board(berth, capacity, loaded, board_clock, first_board);
      if (board_clock > sim::now()) {
        sim::sleep_until(board_clock);  // the port's loading rate sets the pace
        continue;
      }
      if (sim::now() >= tt.cutoff_of(k) - kEps) {
        if (loaded > 0) break;
        k = tt.first_slot(sim::now() + kEps, k + 1);
        continue;
      }
      wait_on(berth, Berth::Waits::Boarding, tt.cutoff_of(k));
    }
    if (v_.loading_rate <= 0) {
      // A per-call loading time is the least time a vessel spends at the berth before it sails;
      // what boards by the cut-off is loaded within it.
      const double time = sim::sample(v_.loading_time, rng_), until = std::max(sim::now(), at_berth + time);
      loading_stats_.utilisation.add_interval(until - time, until, 1.0);
      sim::sleep_until(until);
    }
    sim::sleep_until(std::max(sim::now(), tt.departure(k)));  // late only when loading or a storm ran past it
    ++k;
    send_off(berth, v, first_board >= 0 ? first_board : sim::now());
  }
}

}  // namespace models
