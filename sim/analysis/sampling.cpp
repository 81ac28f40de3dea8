#include "sim/analysis/sampling.h"

#include <numeric>
#include <stdexcept>
#include <utility>

#include "sim/core/random.h"

namespace sim::sampling {

std::vector<std::vector<double>> unit_design(const std::string& design, int n, int k, std::uint64_t seed) {
  if (design != "uniform" && design != "lhs") throw std::invalid_argument("unknown sample design \"" + design + "\": uniform or lhs");
  RandomStream rng(seed, 0, "assumptions.sample");
  std::vector<std::vector<double>> rows(static_cast<size_t>(n), std::vector<double>(static_cast<size_t>(k)));
  for (int j = 0; j < k; ++j) {  // parameter by parameter, so adding a parameter keeps the earlier columns' draws
    std::vector<int> stratum(static_cast<size_t>(n));
    std::iota(stratum.begin(), stratum.end(), 0);
    if (design == "lhs")
      for (int i = n - 1; i > 0; --i) std::swap(stratum[static_cast<size_t>(i)], stratum[static_cast<size_t>(rng.below(i + 1))]);  // Fisher-Yates
    for (int i = 0; i < n; ++i) {
      const double u = rng.uniform01();
      rows[static_cast<size_t>(i)][static_cast<size_t>(j)] = design == "lhs" ? (stratum[static_cast<size_t>(i)] + u) / n : u;
    }
  }
  return rows;
}

}  // namespace sim::sampling
