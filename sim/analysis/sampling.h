#pragma once
// Designs that sample parameters over their ranges, one row per replication, for replications that
// carry parameter uncertainty as well as randomness (`caspian run -n N --sample-assumptions`). Values
// are in [0, 1) per parameter (0 = low bound); the caller scales them to each range.
#include <cstdint>
#include <string>
#include <vector>

namespace sim::sampling {

// "uniform": independent uniform draws. "lhs": Latin hypercube (McKay, Beckman & Conover 1979): each
// parameter's range is cut into N equal strata and every stratum is used by exactly one row, so every
// parameter's whole range is covered even for small N. Drawn from the stream (seed, 0,
// "assumptions.sample"): the same seed, N, k and design give the same rows. Throws
// std::invalid_argument for another design name.
std::vector<std::vector<double>> unit_design(const std::string& design, int n, int k, std::uint64_t seed);

}  // namespace sim::sampling
