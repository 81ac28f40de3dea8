#pragma once
// Vessels shuttling from an origin port to a destination port: rail ferries (capacity in wagons),
// container feeders (TEU) and tankers (tonnes). Cargo queues at the origin; one vessel at a time
// loads (first fit, FIFO), at the port's loading rate when one is given; it sails when full (no room,
// or the waiting cargo does not fit in what is left), at the latest `max_wait` after its first cargo
// boarded, or at fixed slots; or only at a timetable's departures (vessel_line_timetable.cpp). Storms in the line's sea area
// keep vessels in port and stop loading and unloading. Consignments larger than a whole vessel are
// split; others wait for a vessel with room. Vessels return empty. A line loads at `berths` positions
// at once, each also holding a berth of a shared pool when the line names one. Vessels may differ in
// size (classes): each loads up to its own capacity.
#include <deque>
#include <memory>

#include "models/network/berth_pool.h"
#include "models/network/network.h"
#include "sim/core/closures.h"
#include "sim/core/random.h"

namespace models {

class VesselLine : public Stage {
 public:
  VesselLine(const StageConfig& cfg, int index, Network& net, sim::RandomStream rng);
  void accept(Job job) override;
  void start(sim::Kernel& kernel) override;
  sim::Amounts holding() const override;

 private:
  enum class State { Parked, Idle, Busy };
  struct Vessel {
    explicit Vessel(sim::RandomStream r) : rng(r) {}
    sim::RandomStream rng;  // its own stream: adding a vessel leaves the others' draws unchanged
    sim::Signal go;
    std::vector<Job> cargo;
    double loading_from = 0;  // when its first consignment boarded: in-port hours are charged from it
    State state = State::Parked;
    bool retired = false;
  };
  struct Berth {  // a loading position at the origin: one vessel loads there at a time
    std::vector<Job> loading;
    sim::Signal wake;
    // What its dispatcher waits for on `wake`, and until when: arriving cargo wakes it only when
    // that changes something (boarding, or a load ready before `until`).
    enum class Waits { Other, Vessel, Load, Boarding } waits = Waits::Other;
    double until = 0;
  };
  void dispatcher(Berth& berth);
  void timetable_dispatcher(Berth& berth);  // departure: timetable (vessel_line_timetable.cpp)
  int vessel_for_slot(Berth& berth);         // waits for a vessel in port and takes it
  // Vessel V leaves the berth with what it loaded; LOADING_FROM: when its first cargo boarded.
  void send_off(Berth& berth, int v, double loading_from);
  void wait_on(Berth& berth, Berth::Waits what, double until);
  void vessel_returned();  // wakes the dispatchers waiting for a vessel
  void cargo_arrived();    // wakes the dispatchers the new cargo concerns
  // When a vessel should go to a berth to load: now, later, or infinity (nothing to wait for yet).
  double load_ready_at(double capacity, double next_slot) const;
  double load_ready_at() const;  // for the next vessel's size, the current load factor and slot
  double next_capacity() const;  // what the next vessel to load can take (its size x load factor)
  double next_slot() const;      // the first departure slot from now; infinity without slots
  void voyage(int v);
  void apply_changes(double t);
  void set_fleet(int fleet);
  void wait_calm();
  void board(Berth& berth, double capacity, double& loaded, double& board_clock, double& first_board);
  void update_stats();
  double amount(const Job& j) const { return j.amounts.get(v_.unit); }

  StageConfig cfg_;
  const VesselConfig& v_;
  sim::RandomStream rng_;
  sim::Closures closed_;  // storms in its sea area and its dated outages: no loading, sailing or unloading
  sim::ResourceStats& stats_;
  sim::ResourceStats& loading_stats_;  // the origin's loading position: busy while cargo boards
  std::deque<Job> queue_;
  sim::Amounts queued_;  // what queue_ carries, kept as it changes
  std::vector<std::unique_ptr<Berth>> berths_;
  BerthPool* pool_;  // shared berths at the origin, or nullptr
  std::deque<int> idle_;
  std::vector<std::unique_ptr<Vessel>> vessels_;
  int fleet_;
  int busy_ = 0;
  double load_factor_;
  size_t next_change_ = 0;
};

}  // namespace models
