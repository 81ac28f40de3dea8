#include "sim/core/random.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sim {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

double standard_normal(RandomStream& rng) {
  // Box-Muller, one value per call: simple and independent of call history beyond the stream.
  const double u1 = rng.uniform_open01();
  const double u2 = rng.uniform01();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

}  // namespace

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t replication, const std::string& name) {
  std::uint64_t x = seed;
  x = splitmix64(x) ^ (replication * 0xd1342543de82ef95ULL);
  x = splitmix64(x) ^ fnv1a(name);
  for (auto& s : s_) s = splitmix64(x);
}

std::uint64_t RandomStream::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

int RandomStream::below(int n) {
  const auto un = static_cast<std::uint64_t>(n);
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % un;
  std::uint64_t x;
  do x = next();
  while (x >= limit);
  return static_cast<int>(x % un);
}

double RandomStream::uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double RandomStream::uniform_open01() {
  return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53;
}

double Distribution::mean() const {
  switch (kind) {
    case Kind::Constant:
    case Kind::Exponential:
    case Kind::Normal:
    case Kind::Lognormal: return a;
    case Kind::Uniform: return (a + b) / 2;
    case Kind::Triangular: return (a + b + c) / 3;
    case Kind::Empirical: {
      double sw = 0, s = 0;
      for (size_t i = 0; i < values.size(); ++i) {
        const double w = weights.empty() ? 1.0 : weights[i];
        sw += w;
        s += w * values[i];
      }
      return sw > 0 ? s / sw : 0;
    }
  }
  return a;
}

double sample(const Distribution& d, RandomStream& rng) {
  using K = Distribution::Kind;
  switch (d.kind) {
    case K::Constant: return d.a;
    case K::Exponential: return -d.a * std::log(rng.uniform_open01());
    case K::Uniform: return d.a + (d.b - d.a) * rng.uniform01();
    case K::Triangular: {
      const double u = rng.uniform01(), lo = d.a, mode = d.b, hi = d.c;
      if (hi <= lo) return lo;
      const double f = (mode - lo) / (hi - lo);
      return u < f ? lo + std::sqrt(u * (hi - lo) * (mode - lo)) : hi - std::sqrt((1 - u) * (hi - lo) * (hi - mode));
    }
    case K::Normal: {
      // Truncated at zero by rejection; validation requires mean > 0, so acceptance is above 50%.
      for (;;) {
        const double x = d.a + d.b * standard_normal(rng);
        if (x >= 0) return x;
      }
    }
    case K::Lognormal: {
      const double s2 = std::log1p((d.b * d.b) / (d.a * d.a));
      const double mu = std::log(d.a) - s2 / 2;
      return std::exp(mu + std::sqrt(s2) * standard_normal(rng));
    }
    case K::Empirical: {
      if (d.weights.empty()) {
        const auto i = static_cast<size_t>(rng.uniform01() * static_cast<double>(d.values.size()));
        return d.values[std::min(i, d.values.size() - 1)];
      }
      const double total = std::accumulate(d.weights.begin(), d.weights.end(), 0.0);
      double u = rng.uniform01() * total;
      for (size_t i = 0; i < d.values.size(); ++i) {
        if (u < d.weights[i]) return d.values[i];
        u -= d.weights[i];
      }
      return d.values.back();
    }
  }
  return d.a;
}

const char* kind_name(Distribution::Kind k) {
  using K = Distribution::Kind;
  switch (k) {
    case K::Constant: return "constant";
    case K::Exponential: return "exponential";
    case K::Uniform: return "uniform";
    case K::Triangular: return "triangular";
    case K::Normal: return "normal";
    case K::Lognormal: return "lognormal";
    case K::Empirical: return "empirical";
  }
  return "?";
}

}  // namespace sim
