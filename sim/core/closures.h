#pragma once
// Closed windows of simulated time: storms over a sea area, dated outages of a stage, pipeline
// outages. Whatever closes a resource, its users only ask two things: is it closed at t, and when
// does it open again. Windows are [from, to) in seconds, merged when they overlap or touch.
#include <utility>
#include <vector>

namespace sim {

class Closures {
 public:
  using Window = std::pair<double, double>;  // [from, to) seconds
  Closures() = default;
  explicit Closures(std::vector<Window> windows);  // sorted and merged here; empty windows dropped
  bool closed(double t) const { return open_from(t) > t; }
  // The earliest time at or after T when the resource is open.
  double open_from(double t) const;
  const std::vector<Window>& windows() const { return windows_; }

 private:
  std::vector<Window> windows_;  // sorted, disjoint
};

}  // namespace sim
