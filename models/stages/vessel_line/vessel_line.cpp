#include "models/stages/vessel_line/vessel_line.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace models {
namespace {
constexpr double kEps = 1e-9;
}

VesselLine::VesselLine(const StageConfig& cfg, int index, Network& net, sim::RandomStream rng)
    : Stage(cfg.name, index, net),
      cfg_(cfg),
      v_(cfg_.as<VesselConfig>()),
      rng_(rng),
      stats_(net.recorder().add_resource(cfg.name, cfg.type)),
      loading_stats_(net.recorder().add_resource(cfg.name + ":loading", "loading_berth")),
      pool_(net.berth_pool(v_.berth_pool)),
      fleet_(0),
      load_factor_(v_.load_factor) {
  for (int b = 0; b < v_.berths; ++b) berths_.push_back(std::make_unique<Berth>());
  std::vector<std::pair<double, double>> closed;
  if (const auto* storms = net.storms(cfg.sea_area)) closed = storms->windows();
  for (const auto& w : cfg.outages) closed.push_back(net.calendar().seconds_of_days(w.from_day, w.to_day));
  closed_ = sim::Closures(closed);
  int most = v_.fleet;
  for (const auto& ch : v_.changes) most = std::max(most, ch.fleet);
  stats_.storage = v_.storage;
  for (int i = 0; i < most; ++i)
    vessels_.push_back(std::make_unique<Vessel>(net.stream("stage/" + cfg.name + "/vessel" + std::to_string(i + 1))));
  set_fleet(v_.fleet);
  apply_changes(0.0);  // changes dated before the run are in force from its start
}

void VesselLine::start(sim::Kernel& kernel) {
  if (v_.policy == VesselConfig::Policy::Timetable)  // one berth (checked when parsed)
    kernel.spawn("stage:" + name_, [this] { timetable_dispatcher(*berths_[0]); });
  else
    for (size_t b = 0; b < berths_.size(); ++b)
      kernel.spawn("stage:" + name_ + (berths_.size() > 1 ? "#berth" + std::to_string(b + 1) : ""), [this, b] { dispatcher(*berths_[b]); });
  for (size_t v = 0; v < vessels_.size(); ++v)
    kernel.spawn("vessel:" + name_ + "#" + std::to_string(v + 1), [this, v] { voyage(static_cast<int>(v)); });
}

void VesselLine::accept(Job job) {
  job.arrived = sim::now();
  emit(sim::EventKind::Arrive, job, sim::now());
  queue_.push_back(job);
  queued_ += job.amounts;
  update_stats();
  cargo_arrived();
}

void VesselLine::vessel_returned() {
  // Only a dispatcher without a vessel has a use for it; the others already hold one.
  for (auto& b : berths_)
    if (b->waits == Berth::Waits::Vessel) b->wake.notify();
}

void VesselLine::cargo_arrived() {
  for (auto& b : berths_) {
    if (b->waits == Berth::Waits::Boarding || (b->waits == Berth::Waits::Load && load_ready_at() < b->until)) b->wake.notify();
  }
}

void VesselLine::wait_on(Berth& berth, Berth::Waits what, double until) {
  berth.waits = what;
  berth.until = until;
  berth.wake.wait_until(until);
  berth.waits = Berth::Waits::Other;
}

sim::Amounts VesselLine::holding() const {
  sim::Amounts a;
  for (const auto& j : queue_) a += j.amounts;
  for (const auto& b : berths_)
    for (const auto& j : b->loading) a += j.amounts;
  for (const auto& v : vessels_)
    for (const auto& j : v->cargo) a += j.amounts;
  return a;
}

void VesselLine::set_fleet(int fleet) {
  // Vessels 0..fleet-1 are in service; others are parked, or retire when they next return.
  for (int i = 0; i < static_cast<int>(vessels_.size()); ++i) {
    auto& v = *vessels_[i];
    const bool in_service = i < fleet;
    v.retired = !in_service;
    if (in_service && v.state == State::Parked) {
      v.state = State::Idle;
      idle_.push_back(i);
    } else if (!in_service && v.state == State::Idle) {
      v.state = State::Parked;
      idle_.erase(std::remove(idle_.begin(), idle_.end(), i), idle_.end());
    }
  }
  fleet_ = fleet;
}

void VesselLine::apply_changes(double t) {
  const auto& cal = net_.calendar();
  for (; next_change_ < v_.changes.size() && cal.seconds_at(v_.changes[next_change_].day) <= t; ++next_change_) {
    const auto& ch = v_.changes[next_change_];
    if (ch.fleet >= 0) set_fleet(ch.fleet);
    if (ch.load_factor > 0) load_factor_ = ch.load_factor;
  }
}

void VesselLine::update_stats() {
  const double t = sim::now();
  if (queue_.empty()) queued_ = {};
  stats_.set_queue(t, static_cast<double>(queue_.size()), queued_);
  stats_.utilisation.set(t, fleet_ > 0 ? std::min(1.0, static_cast<double>(busy_) / fleet_) : 0.0);
}

void VesselLine::wait_calm() {
  sim::sleep_until(closed_.open_from(sim::now()));
}

void VesselLine::board(Berth& berth, double capacity, double& loaded, double& board_clock, double& first_board) {
  for (auto it = queue_.begin(); it != queue_.end() && loaded < capacity - kEps;) {
    const double a = amount(*it), room = capacity - loaded;
    Job taken = *it;
    if (a <= room + kEps) {
      it = queue_.erase(it);
      queued_ -= taken.amounts;
      free_room(taken);
    } else if (a > capacity + kEps) {  // bigger than a whole vessel: this vessel takes what fits
      const double share = room / a;
      taken = it->part(share);
      *it = it->part(1 - share);
      queued_ -= taken.amounts;
      free_room(taken, false);
      ++it;
    } else {
      ++it;  // waits for a vessel with room for all of it
      continue;
    }
    const double now = sim::now();
    emit(sim::EventKind::Start, taken, now);
    loaded += amount(taken);
    if (v_.loading_rate > 0) {
      const double from = std::max(board_clock, now);
      board_clock = from + amount(taken) / v_.loading_rate;
      loading_stats_.utilisation.add_interval(from, board_clock, 1.0 / static_cast<double>(berths_.size()));
    }
    if (first_board < 0) first_board = now;
    berth.loading.push_back(taken);
  }
  update_stats();
  release_room();  // last: it may yield, and a sender may add to queue_ at once
}

double VesselLine::next_capacity() const {
  // The vessel that loads next is the first idle one; with none idle, the first of the fleet (a
  // dispatcher asks again when one returns).
  return v_.capacity_of(idle_.empty() ? 0 : idle_.front()) * load_factor_;
}

double VesselLine::load_ready_at() const {
  return load_ready_at(next_capacity(), next_slot());
}

double VesselLine::next_slot() const {
  if (v_.policy != VesselConfig::Policy::Slots) return std::numeric_limits<double>::infinity();
  return std::ceil(sim::now() / v_.slot_interval) * v_.slot_interval;
}

double VesselLine::load_ready_at(double capacity, double next_slot) const {
  if (queue_.empty()) return std::numeric_limits<double>::infinity();
  if (queued_.get(v_.unit) >= capacity - kEps) return sim::now();
  if (v_.policy == VesselConfig::Policy::Slots) return next_slot;
  if (v_.max_wait > 0) return std::max(sim::now(), queue_.front().arrived + v_.max_wait);
  return std::numeric_limits<double>::infinity();
}

void VesselLine::dispatcher(Berth& berth) {
  const double inf = std::numeric_limits<double>::infinity();
  const auto& cal = net_.calendar();
  for (;;) {
    apply_changes(sim::now());
    const double next_change = next_change_ < v_.changes.size() ? cal.seconds_at(v_.changes[next_change_].day) : inf;
    if (idle_.empty()) {
      wait_on(berth, Berth::Waits::Vessel, next_change);
      continue;
    }
    // Wait at anchorage, not at a berth, until there is a load to take: a full one waiting, cargo
    // that has waited max_wait, or a departure slot with cargo.
    const double capacity = next_capacity();  // the size of the vessel that will load
    double next_slot = this->next_slot();
    const double ready_at = load_ready_at(capacity, next_slot);
    if (ready_at > sim::now()) {
      wait_on(berth, Berth::Waits::Load, std::min(ready_at, next_change));
      continue;
    }
    const int v = idle_.front();
    idle_.pop_front();
    if (pool_) pool_->acquire();
    double loaded = 0, board_clock = sim::now(), first_board = -1;
    for (;;) {
      wait_calm();  // ports stop loading in storms
      board(berth, capacity, loaded, board_clock, first_board);
      if (board_clock > sim::now()) {
        sim::sleep_until(board_clock);  // the port's loading rate sets the pace
        continue;
      }
      // Full: no room left, or cargo is waiting that does not fit (consignments are not split
      // below a vessel's size, so nothing waiting could use the room).
      if (loaded >= capacity - kEps || !queue_.empty()) break;
      double deadline = inf;
      if (v_.max_wait > 0 && first_board >= 0) deadline = first_board + v_.max_wait;
      if (v_.policy == VesselConfig::Policy::Slots) {
        while (sim::now() >= next_slot && loaded <= 0) next_slot += v_.slot_interval;  // no empty sailings
        deadline = next_slot;
      }
      if (sim::now() >= deadline) break;
      wait_on(berth, Berth::Waits::Boarding, deadline);
    }
    if (v_.loading_rate <= 0) {
      const double from = sim::now(), until = from + sim::sample(v_.loading_time, rng_);
      loading_stats_.utilisation.add_interval(from, until, 1.0 / static_cast<double>(berths_.size()));
      sim::sleep_until(until);
    }
    send_off(berth, v, first_board >= 0 ? first_board : sim::now());
  }
}

void VesselLine::send_off(Berth& berth, int v, double loading_from) {
  auto& vessel = *vessels_[v];
  if (pool_) pool_->release();
  vessel.cargo = std::move(berth.loading);
  vessel.loading_from = loading_from;
  berth.loading.clear();
  vessel.state = State::Busy;
  ++busy_;
  update_stats();
  vessel.go.notify();
}

void VesselLine::voyage(int v) {
  auto& vessel = *vessels_[v];
  for (;;) {
    vessel.go.wait();
    wait_calm();
    sim::Amounts aboard;
    for (const auto& j : vessel.cargo) aboard += j.amounts;
    aboard.vessels = 1;
    net_.recorder().emit({sim::now(), sim::EventKind::Sail, index_, -1, 0, static_cast<std::uint64_t>(v + 1), sim::now(), aboard});
    // Nothing happens on arrival but waiting out a storm (the destination port is closed), and storms
    // are known in advance: one sleep to the end of unloading instead of two.
    const double sailed = sim::now();
    const double arrives = sailed + sim::sample(v_.crossing_time, vessel.rng);
    const double landed = closed_.open_from(arrives), unloaded = landed + sim::sample(v_.unloading_time, vessel.rng);
    sim::sleep_until(unloaded);
    net_.costs().voyage(vessel.cargo, index_, v_.unit, landed - sailed, (sailed - vessel.loading_from) + (unloaded - landed));
    // The vessel stays at the destination until the next stage has room for all it carries.
    for (size_t next = 0; next < vessel.cargo.size();) {
      const Job& job = vessel.cargo[next];
      if (!net_.reserve_next(job)) {
        vessel.cargo.erase(vessel.cargo.begin(), vessel.cargo.begin() + static_cast<long>(next));  // landed already
        next = 0;
        net_.wake_on_room_next(vessel.cargo.front(), vessel.go);
        vessel.go.wait();
        continue;
      }
      emit(sim::EventKind::Depart, job, sim::now());
      net_.forward(job);
      ++next;
    }
    vessel.cargo.clear();
    sim::sleep_until(closed_.open_from(sim::now()) + sim::sample(v_.return_time, vessel.rng));
    --busy_;
    if (vessel.retired) {
      vessel.state = State::Parked;
    } else {
      vessel.state = State::Idle;
      idle_.push_back(v);
    }
    update_stats();
    vessel_returned();
  }
}

}  // namespace models
