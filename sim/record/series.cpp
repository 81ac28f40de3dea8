#include "sim/record/series.h"

#include <algorithm>

namespace sim {

int MonthEdges::month_of(double t) const {
  const auto it = std::upper_bound(edges_.begin(), edges_.end(), t);
  const int m = static_cast<int>(it - edges_.begin()) - 1;
  return std::clamp(m, 0, months() - 1);
}

TimeWeighted::TimeWeighted(const MonthEdges& edges)
    : edges_(edges), area_(edges.months(), 0.0), max_(edges.months(), 0.0), cur_start_(edges.start(0)), cur_end_(edges.end(0)) {}

void TimeWeighted::add_interval(double a, double b, double level) {
  const double horizon = edges_.end(edges_.months() - 1);
  b = std::min(b, horizon);
  if (b <= a || level == 0) return;
  for (int m = edges_.month_of(a); m < edges_.months() && edges_.start(m) < b; ++m) {
    const double lo = std::max(a, edges_.start(m)), hi = std::min(b, edges_.end(m));
    if (hi > lo) area_[m] += level * (hi - lo);
  }
}

void TimeWeighted::hold_until(double t) {
  // Most changes fall in the month of the previous one: no search, no loop.
  if (t >= last_t_ && last_t_ >= cur_start_ && t < cur_end_) {
    area_[cur_] += level_ * (t - last_t_);
    if (t > last_t_ && level_ > max_[cur_]) max_[cur_] = level_;
    last_t_ = t;
    return;
  }
  if (t > last_t_) {
    add_interval(last_t_, t, level_);
    // The maximum counts levels held for some time, in every month the holding touched: a
    // consignment that passes a queue in zero time was never waiting.
    int last = edges_.month_of(t);
    if (t >= edges_.end(edges_.months() - 1)) last = edges_.months() - 1;
    else if (t <= edges_.start(last) && last > 0) --last;
    for (int m = edges_.month_of(last_t_); m <= last; ++m) max_[m] = std::max(max_[m], level_);
  }
  last_t_ = t;
  cur_ = edges_.month_of(t);
  cur_start_ = edges_.start(cur_);
  cur_end_ = edges_.end(cur_);
}

void TimeWeighted::set(double t, double level) {
  if (level == level_ && t < cur_end_ && last_t_ >= cur_start_) return;  // nothing changes: account later
  hold_until(t);
  level_ = level;
}

void TimeWeighted::close(double horizon) { hold_until(horizon); }

std::vector<double> TimeWeighted::monthly_mean() const {
  std::vector<double> out(area_.size());
  for (size_t m = 0; m < area_.size(); ++m) out[m] = area_[m] / (edges_.end(m) - edges_.start(m));
  return out;
}

double TimeWeighted::overall_mean() const {
  double a = 0;
  for (double x : area_) a += x;
  return a / (edges_.end(edges_.months() - 1) - edges_.start(0));
}

}  // namespace sim
