#include "models/stages/pipeline/pipeline.h"

#include <algorithm>
#include <cmath>

#include "models/weather/weather.h"
#include "sim/core/units.h"

namespace models {

Pipeline::Pipeline(const StageConfig& cfg, int index, Network& net, sim::Kernel& kernel, const std::vector<int>& shippers)
    : Stage(cfg.name, index, net), cfg_(cfg), stats_(net.recorder().add_resource(cfg.name, cfg.type)) {
  const auto& p = cfg_.as<PipelineConfig>();
  const auto& cal = net.calendar();
  std::vector<double> caps;
  const auto names = net.source_names();
  for (int s : shippers) {
    double cap = sim::Pipe::kUncapped;
    for (const auto& c : p.caps)
      if (c.source == names[s]) cap = c.cap;
    caps.push_back(cap);
    shippers_.push_back(std::make_unique<Shipper>());
    shippers_.back()->source = s;
    shippers_.back()->cap = cap;
  }
  pipe_ = std::make_unique<sim::Pipe>(kernel, cfg.name, nominal_at(0.0), caps);
  // Outages: the dated ones, and a Poisson process drawn up front from this pipeline's own stream.
  std::vector<std::pair<double, double>> w;
  for (const auto& o : cfg_.outages) w.push_back(cal.seconds_of_days(o.from_day, o.to_day));
  if (p.outages_per_year > 0) {
    auto rng = net.stream("stage/" + cfg.name + "/outages");
    const double mean_gap = sim::kSecondsPerYear / p.outages_per_year;
    for (double t = -mean_gap * std::log(rng.uniform_open01()); t < cal.horizon_seconds(); t += -mean_gap * std::log(rng.uniform_open01()))
      w.emplace_back(t, t + sim::sample(p.outage_duration, rng));
  }
  outages_ = sim::Closures(w).windows();  // sorted and merged
}

double Pipeline::nominal_at(double t) const {
  double c = cfg_.as<PipelineConfig>().capacity;
  for (const auto& ch : cfg_.as<PipelineConfig>().changes)
    if (net_.calendar().seconds_at(ch.day) <= t) c = ch.capacity;
  return c;
}

void Pipeline::start(sim::Kernel& kernel) {
  kernel.spawn("stage:" + name_, [this] { operate(); });
  for (size_t k = 0; k < shippers_.size(); ++k)
    kernel.spawn("pump:" + name_ + "#" + std::to_string(k + 1), [this, k] { pump_loop(k); });
}

void Pipeline::accept(Job job) {
  emit(sim::EventKind::Arrive, job, sim::now());
  for (auto& s : shippers_)
    if (s->source == job.source) {
      s->lots.push_back(job);
      s->wake.notify();
      update_stats();
      return;
    }
  throw std::logic_error("pipeline " + name_ + " received a lot from a source that does not route through it");
}

sim::Amounts Pipeline::holding() const {
  sim::Amounts a;
  for (const auto& s : shippers_)
    for (const auto& j : s->lots) a += j.amounts;
  return a;
}

void Pipeline::update_stats() {
  std::vector<Job> stored;
  for (const auto& s : shippers_) stored.insert(stored.end(), s->lots.begin(), s->lots.end());
  stats_.set_queue(sim::now(), stored);
}

void Pipeline::pump_loop(size_t k) {
  auto& s = *shippers_[k];
  for (;;) {
    while (s.lots.empty()) s.wake.wait();
    const Job lot = s.lots.front();
    const double t0 = sim::now();
    emit(sim::EventKind::Start, lot, t0);
    pipe_->pump(k, lot.amounts.tonnes);
    const double t1 = sim::now();
    s.lots.pop_front();
    if (t1 > t0) stats_.utilisation.add_interval(t0, t1, lot.amounts.tonnes / (t1 - t0) / nominal_at(t0));
    update_stats();
    emit(sim::EventKind::Depart, lot, t1);
    net_.forward(lot);
  }
}

void Pipeline::operate() {
  const auto& p = cfg_.as<PipelineConfig>();
  const auto& cal = net_.calendar();
  std::vector<double> times = {0.0};
  for (const auto& ch : p.changes) times.push_back(cal.seconds_at(ch.day));
  for (const auto& [a, b] : outages_) {
    times.push_back(a);
    times.push_back(b);
  }
  for (const auto& h : p.halts) {
    const auto [from, to] = cal.seconds_of_days(h.from_day, h.to_day);
    times.push_back(from);
    times.push_back(to);
  }
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  const auto names = net_.source_names();
  for (double t : times) {
    if (t < 0 || t >= cal.horizon_seconds()) continue;
    sim::sleep_until(t);
    const bool out = std::any_of(outages_.begin(), outages_.end(), [&](const auto& w) { return w.first <= t && t < w.second; });
    pipe_->set_capacity(out ? 0.0 : nominal_at(t));
    for (auto& s : shippers_) {
      bool halted = false;
      for (const auto& h : p.halts) {
        const auto [from, to] = cal.seconds_of_days(h.from_day, h.to_day);
        const bool covers = from <= t && t < to;
        const bool mine = h.sources.empty() || std::find(h.sources.begin(), h.sources.end(), names[s->source]) != h.sources.end();
        halted = halted || (covers && mine);
      }
      pipe_->set_shipper_cap(static_cast<size_t>(&s - &shippers_[0]), halted ? 0.0 : s->cap);
    }
  }
}

}  // namespace models
