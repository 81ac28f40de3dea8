#include "sim/analysis/sensitivity.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "sim/analysis/stats.h"
#include "sim/core/random.h"

namespace sim::sensitivity {
namespace {

Estimate estimate(const std::vector<double>& per_replication) {
  const Summary s = summarize(per_replication);
  return {s.mean, s.ci_low, s.ci_high};
}

}  // namespace

Design morris_design(int k, int r, int p, std::uint64_t seed) {
  if (k < 1 || r < 1 || p < 2 || p % 2) throw std::invalid_argument("Morris: need k >= 1, r >= 1 and an even p >= 2");
  Design d;
  d.params = k;
  d.trajectories = r;
  d.levels = p;
  d.delta = p / (2.0 * (p - 1));
  RandomStream rng(seed, 0, "sensitivity.morris");
  const int starts = p / 2;  // levels 0 .. 1 - delta: the ones from which +delta stays in [0, 1]
  for (int t = 0; t < r; ++t) {
    std::vector<double> x(static_cast<size_t>(k));
    std::vector<int> up(static_cast<size_t>(k)), order(static_cast<size_t>(k));
    for (int i = 0; i < k; ++i) {
      const double base = rng.below(starts) / static_cast<double>(p - 1);
      up[static_cast<size_t>(i)] = rng.below(2);
      x[static_cast<size_t>(i)] = up[static_cast<size_t>(i)] ? base : base + d.delta;  // going down starts delta higher
    }
    std::iota(order.begin(), order.end(), 0);
    for (int i = k - 1; i > 0; --i) std::swap(order[static_cast<size_t>(i)], order[static_cast<size_t>(rng.below(i + 1))]);
    d.points.push_back(x);
    for (int i : order) {
      x[static_cast<size_t>(i)] += up[static_cast<size_t>(i)] ? d.delta : -d.delta;
      d.points.push_back(x);
      d.moved.push_back(i);
    }
  }
  return d;
}

Design oat_design(int k) {
  Design d;
  d.params = k;
  d.points.push_back(std::vector<double>(static_cast<size_t>(k), std::numeric_limits<double>::quiet_NaN()));
  for (int i = 0; i < k; ++i)
    for (double v : {0.0, 1.0}) {
      auto x = d.points[0];
      x[static_cast<size_t>(i)] = v;
      d.points.push_back(x);
    }
  return d;
}

std::vector<MorrisEffect> morris_effects(const Design& d, const std::vector<std::vector<double>>& y) {
  const auto k = static_cast<size_t>(d.params);
  const size_t reps = y.empty() ? 0 : y[0].size();
  std::vector<std::vector<double>> star(k), mean(k), sd(k);  // [parameter][replication]
  for (size_t rep = 0; rep < reps; ++rep) {
    std::vector<std::vector<double>> ee(k);  // [parameter][trajectory]
    for (int t = 0; t < d.trajectories; ++t)
      for (size_t s = 0; s < k; ++s) {
        const size_t j = static_cast<size_t>(t) * (k + 1) + s;  // the point before step s
        const auto i = static_cast<size_t>(d.moved[static_cast<size_t>(t) * k + s]);
        const double dx = d.points[j + 1][i] - d.points[j][i];  // +-delta
        ee[i].push_back((y[j + 1][rep] - y[j][rep]) / dx);
      }
    for (size_t i = 0; i < k; ++i) {
      double a = 0, m = 0;
      for (double e : ee[i]) a += std::fabs(e), m += e;
      const double n = static_cast<double>(ee[i].size());
      double ss = 0;
      for (double e : ee[i]) ss += (e - m / n) * (e - m / n);
      star[i].push_back(a / n);
      mean[i].push_back(m / n);
      sd[i].push_back(n > 1 ? std::sqrt(ss / (n - 1)) : 0.0);
    }
  }
  std::vector<MorrisEffect> out(k);
  for (size_t i = 0; i < k; ++i) {
    out[i].mu_star = estimate(star[i]);
    out[i].mu = estimate(mean[i]);
    out[i].sigma = summarize(sd[i]).mean;
  }
  return out;
}

std::vector<OatEffect> oat_effects(const Design& d, const std::vector<std::vector<double>>& y) {
  std::vector<OatEffect> out(static_cast<size_t>(d.params));
  for (size_t i = 0; i < out.size(); ++i) {
    const auto& lo = y[1 + 2 * i];
    const auto& hi = y[2 + 2 * i];
    std::vector<double> swing(lo.size());
    for (size_t r = 0; r < lo.size(); ++r) swing[r] = hi[r] - lo[r];
    out[i] = {estimate(lo), estimate(hi), estimate(swing)};
  }
  return out;
}

std::vector<int> ranking(const std::vector<double>& effect) {
  std::vector<int> order(effect.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return std::fabs(effect[static_cast<size_t>(a)]) > std::fabs(effect[static_cast<size_t>(b)]); });
  return order;
}

}  // namespace sim::sensitivity

namespace sim::sensitivity {

void analyse(const Report& report, MetricReport& m) {
  std::vector<Row> rows(static_cast<size_t>(report.design.params));
  if (report.method == "morris") {
    const auto e = morris_effects(report.design, m.output);
    for (size_t i = 0; i < rows.size(); ++i) rows[i] = {static_cast<int>(i), e[i].mu_star, e[i].mu, {}, e[i].sigma};
  } else {
    const auto e = oat_effects(report.design, m.output);
    m.base = summarize(m.output[0]).mean;
    for (size_t i = 0; i < rows.size(); ++i) rows[i] = {static_cast<int>(i), e[i].swing, e[i].low, e[i].high, 0};
  }
  std::vector<double> effect;
  for (const auto& r : rows) effect.push_back(r.effect.mean);
  m.rows.clear();
  for (int i : ranking(effect)) m.rows.push_back(rows[static_cast<size_t>(i)]);
}

}  // namespace sim::sensitivity
