#include "models/stages/processor/processor.h"

#include <algorithm>
#include <limits>

namespace models {

Processor::Processor(const StageConfig& cfg, int index, Network& net, sim::RandomStream rng)
    : Stage(cfg.name, index, net),
      cfg_(cfg.as<ProcessorConfig>()),
      rng_(rng),
      stats_(net.recorder().add_resource(cfg.name, cfg.type)),
      storms_(net.storms(cfg.sea_area)),
      servers_(cfg_.servers),
      headway_(cfg_.headway) {
  std::stable_sort(cfg_.changes.begin(), cfg_.changes.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
  const auto& cal = net.calendar();
  for (const auto& w : cfg.outages) outages_.push_back(cal.seconds_of_days(w.from_day, w.to_day));
  const auto& names = net.source_names();
  for (const auto& e : cfg_.embargoes) {
    const auto [from, to] = cal.seconds_of_days(e.from_day, e.to_day);
    Embargo em{from, to, {}};
    for (const auto& n : e.sources) em.sources.push_back(static_cast<int>(std::find(names.begin(), names.end(), n) - names.begin()));
    embargoes_.push_back(em);
  }
  if (cfg_.yard_teu > 0) yard_ = &net.recorder().add_resource(cfg.name + ":yard", "yard");
  apply_changes(0.0);  // changes dated before the run are in force from its start
}

void Processor::start(sim::Kernel& kernel) {
  kernel.spawn("stage:" + name_, [this] { loop(); });
}

void Processor::accept(Job job) {
  const double t = sim::now();
  emit(sim::EventKind::Arrive, job, t);
  queue_.push_back(job);
  queued_ += job.amounts;
  // Start it from the sender's turn when it can start; wake the stage's actor only if it now has
  // something to do earlier than it planned. Waking it for nothing costs two kernel calls, and most
  // consignments reach a stage that has room or is busy until later anyway.
  apply_changes(t);
  start_ready(t);
  update_stats(t);
  if (next_wake(t) < planned_wake_) wake_.notify();
}

sim::Amounts Processor::holding() const {
  sim::Amounts a;
  for (const auto& j : queue_) a += j.amounts;
  for (const auto& j : blocked_) a += j.amounts;
  auto copy = busy_;
  for (; !copy.empty(); copy.pop()) a += copy.top().job.amounts;
  return a;
}

void Processor::apply_changes(double t) {
  const auto& cal = net_.calendar();
  for (; next_change_ < cfg_.changes.size() && cal.seconds_at(cfg_.changes[next_change_].day) <= t; ++next_change_) {
    const auto& ch = cfg_.changes[next_change_];
    if (ch.servers != -2) servers_ = ch.servers;
    if (ch.headway >= 0) headway_ = ch.headway;
  }
}

bool Processor::in_outage(double t, double* ends) const {
  for (const auto& [from, to] : outages_)
    if (t >= from && t < to) {
      if (ends) *ends = to;
      return true;
    }
  if (storms_ && storms_->closed(t)) {
    if (ends) *ends = storms_->open_from(t);
    return true;
  }
  return false;
}

bool Processor::gated(const Job& job, double t) const { return headway_ > 0 && job.amounts.trains > 0 && gate_free_ > t; }

bool Processor::embargoed(const Job& job, double t, double* ends) const {
  for (const auto& e : embargoes_)
    if (t >= e.from && t < e.to && std::find(e.sources.begin(), e.sources.end(), job.source) != e.sources.end()) {
      if (ends) *ends = std::min(*ends, e.to);
      return true;
    }
  return false;
}

std::deque<Job>::iterator Processor::startable(double t) {
  if (in_outage(t, nullptr) || (servers_ >= 0 && static_cast<int>(occupied()) >= servers_)) return queue_.end();
  for (auto it = queue_.begin(); it != queue_.end(); ++it) {
    if (embargoed(*it, t, nullptr)) continue;  // held: the ones behind it may go
    return gated(*it, t) ? queue_.end() : it;  // otherwise first come, first served
  }
  return queue_.end();
}

// Once per instant is enough: levels that change and change back within one instant hold for no time.
void Processor::update_stats(double t) {
  stats_.set_queue(t, static_cast<double>(queue_.size()), queued_);
  if (yard_) yard_->utilisation.set(t, queued_.teu / cfg_.yard_teu);  // above 1: more than the yard holds
  if (servers_ > 0) stats_.utilisation.set(t, std::min(1.0, static_cast<double>(occupied()) / servers_));
  else if (servers_ == 0) stats_.utilisation.set(t, occupied() == 0 ? 0.0 : 1.0);
}

void Processor::start_ready(double t) {
  for (auto it = startable(t); it != queue_.end(); it = startable(t)) {
    Job job = *it;
    queue_.erase(it);
    queued_ = queue_.empty() ? sim::Amounts{} : (queued_ -= job.amounts);
    free_room(job);
    emit(sim::EventKind::Start, job, t);
    busy_.push({t + sim::sample(cfg_.service, rng_), seq_++, job});
    if (headway_ > 0 && job.amounts.trains > 0) {
      gate_free_ = t + headway_;
      // On a line without server limits, capacity use is the share of time the entry is blocked.
      if (servers_ < 0) stats_.utilisation.add_interval(t, gate_free_, 1.0);
    }
  }
  release_room();  // last: it may yield, and senders may call accept() at once
}

double Processor::next_wake(double t) const {
  const double inf = std::numeric_limits<double>::infinity();
  double next = busy_.empty() ? inf : busy_.top().done;
  if (next_change_ < cfg_.changes.size()) next = std::min(next, net_.calendar().seconds_at(cfg_.changes[next_change_].day));
  if (!queue_.empty()) {
    double ends = inf;
    if (in_outage(t, &ends)) {
      next = std::min(next, ends);
    } else {
      for (const auto& job : queue_) {
        if (embargoed(job, t, &next)) continue;  // wake when its embargo ends
        if (gated(job, t)) next = std::min(next, gate_free_);
        break;
      }
    }
  }
  return next;
}

// Finished consignments leave in the order they finished. One the next stage has no room for keeps
// its server (blocking after service), and so do the ones behind it, until room is released there.
void Processor::hand_on(double t) {
  while (!blocked_.empty()) {
    if (!net_.reserve_next(blocked_.front())) {
      net_.wake_on_room_next(blocked_.front(), wake_);
      return;
    }
    const Job job = blocked_.front();
    blocked_.pop_front();  // before forward(), which may yield
    emit(sim::EventKind::Depart, job, t);
    net_.forward(job);
  }
}

void Processor::loop() {
  for (;;) {
    const double t = sim::now();
    apply_changes(t);
    while (!busy_.empty() && busy_.top().done <= t) {
      blocked_.push_back(busy_.top().job);
      busy_.pop();
    }
    hand_on(t);
    start_ready(t);
    update_stats(t);
    planned_wake_ = next_wake(t);
    wake_.wait_until(planned_wake_);
  }
}

}  // namespace models
