#pragma once
// Time-weighted statistics binned by calendar month: the mean and maximum of a level (queue length,
// busy servers) over each month. Areas are added interval by interval, so nothing is sampled.
#include <vector>

namespace sim {

// Month edges in simulated seconds: edges[i] .. edges[i+1] is month i; the last edge is the horizon.
class MonthEdges {
 public:
  explicit MonthEdges(std::vector<double> edges) : edges_(std::move(edges)) {}
  int months() const { return static_cast<int>(edges_.size()) - 1; }
  int month_of(double t) const;  // clamped into [0, months-1]
  double start(int m) const { return edges_[m]; }
  double end(int m) const { return edges_[m + 1]; }

 private:
  std::vector<double> edges_;
};

class TimeWeighted {
 public:
  explicit TimeWeighted(const MonthEdges& edges);
  // The level becomes LEVEL at time T (T never decreases between calls).
  void set(double t, double level);
  // Adds LEVEL over [a, b) on top of the tracked level (e.g. a gate blocked for a headway).
  void add_interval(double a, double b, double level);
  // Accounts the current level up to the horizon; call once at the end.
  void close(double horizon);
  std::vector<double> monthly_mean() const;
  const std::vector<double>& monthly_max() const { return max_; }
  double overall_mean() const;
  double level() const { return level_; }

 private:
  void hold_until(double t);
  const MonthEdges& edges_;
  std::vector<double> area_, max_;
  double last_t_ = 0, level_ = 0;
  int cur_ = 0;  // the month of last_t_, cached with its bounds
  double cur_start_, cur_end_;
};

}  // namespace sim
