#include "sim/core/closures.h"

#include <algorithm>

namespace sim {

Closures::Closures(std::vector<Window> w) {
  std::sort(w.begin(), w.end());
  for (const auto& s : w) {
    if (s.second <= s.first) continue;
    if (!windows_.empty() && s.first <= windows_.back().second) windows_.back().second = std::max(windows_.back().second, s.second);
    else windows_.push_back(s);
  }
}

double Closures::open_from(double t) const {
  // First window ending after t; if it has started, the resource opens when it ends (windows are disjoint).
  const auto it = std::upper_bound(windows_.begin(), windows_.end(), t, [](double x, const Window& w) { return x < w.second; });
  return it != windows_.end() && it->first <= t ? it->second : t;
}

}  // namespace sim
