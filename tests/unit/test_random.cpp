// Named random streams and the scenario distributions. Statistical checks use 200k draws and a
// tolerance of 4 standard errors of the estimate, so a wrong formula fails and a right one passes
// (the streams are deterministic, so a pass is also reproducible).
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "sim/core/random.h"

using sim::Distribution;
using sim::RandomStream;

namespace {

constexpr int kDraws = 200000;

struct Stats {
  double mean = 0, sd = 0, min = INFINITY, max = -INFINITY;
  std::vector<double> draws;
  double fraction_below(double x) const {
    long n = 0;
    for (double v : draws) n += v < x;
    return static_cast<double>(n) / static_cast<double>(draws.size());
  }
  double fraction_equal(double x) const {
    long n = 0;
    for (double v : draws) n += v == x;
    return static_cast<double>(n) / static_cast<double>(draws.size());
  }
};

Stats draw(const Distribution& d, const char* stream) {
  RandomStream rng(42, 0, stream);
  Stats s;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double x = sim::sample(d, rng);
    s.draws.push_back(x);
    sum += x;
    sum2 += x * x;
    s.min = std::min(s.min, x);
    s.max = std::max(s.max, x);
  }
  s.mean = sum / kDraws;
  s.sd = std::sqrt((sum2 - sum * sum / kDraws) / (kDraws - 1));
  return s;
}

// 4 standard errors of a sample mean / of a sample proportion.
double tol_mean(double sd) { return 4 * sd / std::sqrt(static_cast<double>(kDraws)); }
double tol_fraction(double p) { return 4 * std::sqrt(p * (1 - p) / kDraws); }

double normal_pdf(double x) { return std::exp(-x * x / 2) / std::sqrt(2 * M_PI); }
double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

Distribution make(Distribution::Kind k, double a, double b = 0, double c = 0) {
  Distribution d;
  d.kind = k;
  d.a = a;
  d.b = b;
  d.c = c;
  return d;
}

}  // namespace

TEST_CASE("a stream is determined by seed, replication and name", "[random]") {
  RandomStream a(7, 3, "services/shuttle"), b(7, 3, "services/shuttle");
  RandomStream other_name(7, 3, "services/shuttle2"), other_rep(7, 4, "services/shuttle"), other_seed(8, 3, "services/shuttle");
  int same = 0, same_name = 0, same_rep = 0, same_seed = 0;
  for (int i = 0; i < 1000; ++i) {
    const auto x = a.next();
    same += x == b.next();
    same_name += x == other_name.next();
    same_rep += x == other_rep.next();
    same_seed += x == other_seed.next();
  }
  CHECK(same == 1000);
  CHECK(same_name == 0);
  CHECK(same_rep == 0);
  CHECK(same_seed == 0);
}

TEST_CASE("uniform01 is at least 0 and below 1, uniform_open01 strictly inside, both with mean 1/2", "[random]") {
  RandomStream rng(1, 0, "u");
  double sum = 0, sum_open = 0, lo = 1, hi = 0;
  int outside = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double u = rng.uniform01(), v = rng.uniform_open01();
    outside += !(u >= 0 && u < 1) + !(v > 0 && v < 1);
    sum += u;
    sum_open += v;
    lo = std::min(lo, u);
    hi = std::max(hi, u);
  }
  CHECK(outside == 0);
  const double sd = std::sqrt(1.0 / 12);
  CHECK(sum / kDraws == Approx(0.5).margin(tol_mean(sd)));
  CHECK(sum_open / kDraws == Approx(0.5).margin(tol_mean(sd)));
  CHECK(lo < 1e-4);
  CHECK(hi > 1 - 1e-4);
}

TEST_CASE("constant returns its value", "[random]") {
  RandomStream rng(1, 0, "c");
  const auto d = Distribution::constant(21600);
  for (int i = 0; i < 10; ++i) CHECK(sim::sample(d, rng) == 21600);
  CHECK(d.mean() == 21600);
  CHECK(d.is_constant());
}

TEST_CASE("exponential: mean, sd and tail", "[random]") {
  const double mean = 5.0;
  const Stats s = draw(Distribution::exponential(mean), "exp");
  CHECK(s.mean == Approx(mean).margin(tol_mean(mean)));
  CHECK(s.sd == Approx(mean).epsilon(0.01));
  CHECK(s.min > 0);
  const double p = std::exp(-1.0);  // P(X > mean)
  CHECK(1 - s.fraction_below(mean) == Approx(p).margin(tol_fraction(p)));
}

TEST_CASE("uniform: mean, sd and bounds", "[random]") {
  const Stats s = draw(make(Distribution::Kind::Uniform, 2, 10), "uni");
  const double sd = 8 / std::sqrt(12.0);
  CHECK(s.mean == Approx(6).margin(tol_mean(sd)));
  CHECK(s.sd == Approx(sd).epsilon(0.01));
  CHECK(s.min >= 2);
  CHECK(s.max < 10);
  CHECK(s.fraction_below(4) == Approx(0.25).margin(tol_fraction(0.25)));
}

TEST_CASE("triangular: mean, sd, bounds and mass below the mode", "[random]") {
  const double a = 1, m = 2, c = 7;  // skewed, so a symmetric or swapped formula fails
  const Distribution d = make(Distribution::Kind::Triangular, a, m, c);
  const Stats s = draw(d, "tri");
  const double mean = (a + m + c) / 3;
  const double sd = std::sqrt((a * a + m * m + c * c - a * m - a * c - m * c) / 18);
  CHECK(d.mean() == Approx(mean));
  CHECK(s.mean == Approx(mean).margin(tol_mean(sd)));
  CHECK(s.sd == Approx(sd).epsilon(0.01));
  CHECK(s.min >= a);
  CHECK(s.max <= c);
  const double below_mode = (m - a) / (c - a);
  CHECK(s.fraction_below(m) == Approx(below_mode).margin(tol_fraction(below_mode)));
  // The median of this skewed triangle: c - sqrt((c-a)(c-m)/2) since more than half lies above the mode.
  const double median = c - std::sqrt((c - a) * (c - m) / 2);
  CHECK(s.fraction_below(median) == Approx(0.5).margin(tol_fraction(0.5)));
}

TEST_CASE("normal away from zero: mean and sd as given", "[random]") {
  const Stats s = draw(make(Distribution::Kind::Normal, 10, 2), "norm");
  CHECK(s.mean == Approx(10).margin(tol_mean(2)));
  CHECK(s.sd == Approx(2).epsilon(0.01));
  CHECK(s.fraction_below(12) == Approx(normal_cdf(1)).margin(tol_fraction(normal_cdf(1))));
}

TEST_CASE("normal is truncated at zero: never negative, mean of the truncated law", "[random]") {
  const double mu = 1, sigma = 1;
  const Distribution d = make(Distribution::Kind::Normal, mu, sigma);
  const Stats s = draw(d, "trunc");
  CHECK(s.min >= 0);
  // Truncated below at 0: mean = mu + sigma * lambda, lambda = phi(alpha) / (1 - Phi(alpha)), alpha = -mu/sigma.
  const double alpha = -mu / sigma;
  const double lambda = normal_pdf(alpha) / (1 - normal_cdf(alpha));
  const double mean = mu + sigma * lambda;
  const double sd = sigma * std::sqrt(1 + alpha * lambda - lambda * lambda);
  CHECK(s.mean == Approx(mean).margin(tol_mean(sd)));
  CHECK(s.sd == Approx(sd).epsilon(0.01));
  CHECK(d.mean() == mu);  // mean() documents the untruncated law
}

TEST_CASE("lognormal: mean and sd are those of the variable itself", "[random]") {
  const double mean = 10, sd = 3;
  const Stats s = draw(make(Distribution::Kind::Lognormal, mean, sd), "logn");
  CHECK(s.min > 0);
  CHECK(s.mean == Approx(mean).margin(tol_mean(sd)));
  CHECK(s.sd == Approx(sd).epsilon(0.01));  // about 4.7 standard errors of the sample sd here
  // Median exp(mu) with sigma^2 = ln(1 + sd^2/mean^2), mu = ln(mean) - sigma^2/2.
  const double median = mean / std::sqrt(1 + sd * sd / (mean * mean));
  CHECK(s.fraction_below(median) == Approx(0.5).margin(tol_fraction(0.5)));
}

TEST_CASE("empirical without weights: each value equally likely", "[random]") {
  Distribution d = make(Distribution::Kind::Empirical, 0);
  d.values = {1, 2, 7};
  const Stats s = draw(d, "emp");
  CHECK(d.mean() == Approx(10.0 / 3));
  const double sd = std::sqrt((1 + 4 + 49) / 3.0 - 100.0 / 9);
  CHECK(s.mean == Approx(10.0 / 3).margin(tol_mean(sd)));
  for (double v : d.values) CHECK(s.fraction_equal(v) == Approx(1.0 / 3).margin(tol_fraction(1.0 / 3)));
  CHECK(s.fraction_equal(1) + s.fraction_equal(2) + s.fraction_equal(7) == 1.0);
}

TEST_CASE("empirical with weights: values in proportion to their weights", "[random]") {
  Distribution d = make(Distribution::Kind::Empirical, 0);
  d.values = {10, 20, 30};
  d.weights = {1, 3, 6};  // need not sum to 1
  const Stats s = draw(d, "empw");
  CHECK(d.mean() == Approx(25));
  const double sd = std::sqrt(0.1 * 100 + 0.3 * 400 + 0.6 * 900 - 625.0);
  CHECK(s.mean == Approx(25).margin(tol_mean(sd)));
  CHECK(s.fraction_equal(10) == Approx(0.1).margin(tol_fraction(0.1)));
  CHECK(s.fraction_equal(20) == Approx(0.3).margin(tol_fraction(0.3)));
  CHECK(s.fraction_equal(30) == Approx(0.6).margin(tol_fraction(0.6)));
}

TEST_CASE("a value with zero weight is never drawn", "[random]") {
  Distribution d = make(Distribution::Kind::Empirical, 0);
  d.values = {5, 6, 7};
  d.weights = {0, 1, 0};
  RandomStream rng(3, 0, "zero");
  int other = 0;
  for (int i = 0; i < 10000; ++i) other += sim::sample(d, rng) != 6;
  CHECK(other == 0);
}
