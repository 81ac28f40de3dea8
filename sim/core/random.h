#pragma once
// Named random streams and the distributions scenarios may use.
// Each stochastic source draws from its own stream seeded from (seed, replication, stream name), so
// draws do not depend on actor interleaving, and two scenarios sharing a source share its numbers
// (common random numbers). Generator and distributions are implemented here, not taken from <random>,
// because std:: distributions differ between standard libraries and results must be bit-reproducible.
#include <cstdint>
#include <string>
#include <vector>

namespace sim {

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t replication, const std::string& name);
  std::uint64_t next();  // xoshiro256**
  double uniform01();    // in [0, 1), 53 random bits
  double uniform_open01();  // in (0, 1)
  int below(int n);         // a uniform integer in [0, n), by rejection so that no value is favoured

 private:
  std::uint64_t s_[4];
};

struct Distribution {
  enum class Kind { Constant, Exponential, Uniform, Triangular, Normal, Lognormal, Empirical };
  Kind kind = Kind::Constant;
  // Constant: a. Exponential: a = mean. Uniform: a = min, b = max. Triangular: a = min, b = mode, c = max.
  // Normal (truncated at zero): a = mean, b = sd. Lognormal: a = mean, b = sd of the variable itself.
  // Empirical: values with weights (equal when not given).
  double a = 0, b = 0, c = 0;
  std::vector<double> values, weights;

  static Distribution constant(double v) { return {Kind::Constant, v, 0, 0, {}, {}}; }
  static Distribution exponential(double mean) { return {Kind::Exponential, mean, 0, 0, {}, {}}; }
  double mean() const;  // of the untruncated law; used for checks and documentation
  bool is_constant() const { return kind == Kind::Constant; }
};

double sample(const Distribution& d, RandomStream& rng);
const char* kind_name(Distribution::Kind k);

}  // namespace sim
