#include "models/sources/source.h"

#include <algorithm>
#include <cmath>

#include "sim/kernel/kernel.h"
#include "sim/core/units.h"

namespace models {

Source::Source(const SourceConfig& cfg, int index, Network& net, sim::RandomStream schedule, sim::RandomStream sizes)
    : cfg_(cfg), index_(index), net_(net), schedule_rng_(schedule), size_rng_(sizes) {
  const auto& cal = net.calendar();
  const auto [from, to] = cal.seconds_of_days(cfg.first_day, cfg.until_day);
  first_ = std::max(0.0, from);
  last_ = std::min(cal.horizon_seconds(), to);
  if (net.first_stage(index).bounded()) held_stats_ = &net.recorder().add_resource("origin:" + cfg.name, "origin");
}

sim::Amounts Source::holding() const {
  sim::Amounts a;
  for (const auto& j : held_) a += j.amounts;
  return a;
}

void Source::start(sim::Kernel& kernel) {
  kernel.spawn("source:" + cfg_.name, [this] { loop(); });
}

double Source::factor_at(double t) const {
  const double growth = std::pow(1.0 + cfg_.schedule.growth, t / sim::kSecondsPerYear);
  if (cfg_.schedule.profile.empty()) return growth;
  int y;
  unsigned m, d;
  sim::civil_from_days(net_.calendar().day_at(t), y, m, d);
  return cfg_.schedule.profile[m - 1] * growth;
}

double Source::next_time(double t) {
  const double inf = std::numeric_limits<double>::infinity();
  const auto& s = cfg_.schedule;
  const auto& cal = net_.calendar();
  double next = inf;
  switch (s.kind) {
    case ScheduleConfig::Kind::Interval:
      next = t < 0 ? first_ : t + sim::sample(s.interval, schedule_rng_);
      break;
    case ScheduleConfig::Kind::Dates:
      while (next_date_ < s.dates.size() && cal.seconds_at(s.dates[next_date_]) < first_) ++next_date_;
      if (next_date_ < s.dates.size()) next = cal.seconds_at(s.dates[next_date_++]);
      break;
    case ScheduleConfig::Kind::Rate: {
      // Bound for thinning: the busiest month's factor, grown to the end of the run.
      const double grown = std::max(1.0, std::pow(1.0 + s.growth, last_ / sim::kSecondsPerYear));
      const double fmax = (s.profile.empty() ? 1.0 : *std::max_element(s.profile.begin(), s.profile.end())) * grown;
      if (fmax <= 0) return inf;
      if (s.poisson) {
        // Non-homogeneous Poisson process by thinning against the busiest month's rate.
        double x = std::max(t, first_);
        do {
          x += -std::log(schedule_rng_.uniform_open01()) / (s.rate * fmax);
        } while (x < last_ && schedule_rng_.uniform01() * fmax >= factor_at(x));
        next = x;
      } else if (t < 0) {
        next = first_;
      } else {
        // Evenly spaced at the rate of the month in force; months with factor 0 are skipped and
        // service resumes at the start of the next active month.
        double x = t;
        bool skipped = false;
        while (factor_at(x) <= 0) {
          const int m = cal.month_of_day(cal.day_at(x));
          if (m + 1 >= cal.months()) return inf;
          x = cal.seconds_at(cal.month_first_day(m + 1));
          skipped = true;
        }
        next = skipped ? x : x + 1.0 / (s.rate * factor_at(x));
      }
      break;
    }
  }
  return next < last_ ? next : inf;
}

double Source::nomination_at(double t) const {
  const auto& cal = net_.calendar();
  const long day = cal.day_at(t);
  double rate = cfg_.nomination;
  for (const auto& n : cfg_.nomination_changes)
    if (n.day <= day) rate = n.rate;
  for (const auto& g : cfg_.surges)
    if (g.from_day <= day && day <= g.to_day) rate += g.extra;
  return rate;
}

void Source::hand_on(Job job) {
  if (held_.empty() && net_.reserve_first(job)) {
    net_.enter(job);
    return;
  }
  held_.push_back(job);
  hand_on_held();
}

bool Source::hand_on_held() {
  while (!held_.empty() && net_.reserve_first(held_.front())) {
    net_.enter(held_.front());
    held_.pop_front();
  }
  if (held_stats_) held_stats_->set_queue(sim::now(), held_);
  if (!held_.empty()) net_.wake_on_room_first(held_.front(), room_);
  return !held_.empty();
}

void Source::wait_until(double t) {
  while (!held_.empty() && sim::now() < t) {
    room_.wait_until(t);
    hand_on_held();
  }
  sim::sleep_until(t);  // at once when T has come (a source that holds nothing waits only here)
}

void Source::loop() {
  auto& rec = net_.recorder();
  for (double t = next_time(-1); std::isfinite(t); t = next_time(t)) {
    wait_until(t);
    Job job;
    job.id = net_.next_job_id();
    job.source = index_;
    job.cargo_class = cfg_.cargo_class;
    job.created = t;
    job.amounts.teu = sim::sample(cfg_.teu, size_rng_);
    job.amounts.wagons = sim::sample(cfg_.wagons, size_rng_);
    job.amounts.tonnes = sim::sample(cfg_.tonnes, size_rng_);
    job.amounts.trains = cfg_.trains;
    if (is_shipper()) {  // a lot is what was nominated over one interval
      job.amounts.tonnes = nomination_at(t) * cfg_.schedule.interval.a;
      if (job.amounts.tonnes <= 0) continue;
    }
    rec.emit({t, sim::EventKind::Create, -1, index_, job.cargo_class, job.id, t, job.amounts});
    hand_on(job);
  }
  while (hand_on_held()) room_.wait();  // nothing more to create: what is held still goes on
}

}  // namespace models
