#pragma once
// The pure maths of `caspian sensitivity`: the Morris design (r trajectories over a p-level grid in
// the unit cube, Morris 1991, as in Saltelli et al., Global Sensitivity Analysis: The Primer, 2008,
// ch. 3) and one-at-a-time swings, and their statistics over replications. Nothing here runs a
// simulation: the caller evaluates the design points (every point with the same replications, common
// random numbers) and hands back OUTPUT[point][replication].
#include <cstdint>
#include <string>
#include <vector>

namespace sim::sensitivity {

// A design in the unit cube: points[j][i] is parameter i of point j, in [0, 1] (0 = LO, 1 = HI).
// For Morris, trajectory t is points (k+1)t .. (k+1)t + k and step s of it moves parameter
// moved[t*k + s] by +-delta. For OAT, point 0 is the scenario's values (the caller fills them in: its
// coordinates are NaN) and points 1+2i, 2+2i put parameter i at LO and HI.
struct Design {
  std::vector<std::vector<double>> points;
  std::vector<int> moved;  // Morris only
  int params = 0, trajectories = 0, levels = 0;
  double delta = 0;
};

// R trajectories of K parameters over a P-level grid (P even, >= 2), delta = P / (2 (P - 1)): each
// starts at a random grid point, moves every parameter once by +-delta in a random order. Drawn
// from the stream (SEED, 0, "sensitivity.morris"): the same seed gives the same design.
Design morris_design(int k, int r, int p, std::uint64_t seed);
Design oat_design(int k);

// An effect and its 95% CI over replications (Student t; NaN bounds with one replication).
struct Estimate {
  double mean = 0, ci_low = 0, ci_high = 0;
  bool holds_zero() const { return ci_low <= 0 && 0 <= ci_high; }
};

struct MorrisEffect {
  Estimate mu_star;  // mean over trajectories of |elementary effect|, per replication, then over replications
  Estimate mu;       // mean elementary effect (signed)
  double sigma = 0;  // sd over trajectories of the elementary effects, averaged over replications
};

// Elementary effects of a Morris design, scaled to the full range: EE = (y(x + delta e_i) - y(x)) /
// delta, so an effect is in the metric's units per the parameter's whole LO..HI range and compares
// directly with a one-at-a-time swing. OUTPUT[point][replication].
std::vector<MorrisEffect> morris_effects(const Design& d, const std::vector<std::vector<double>>& output);

struct OatEffect {
  Estimate low, high, swing;  // metric at LO, at HI, and HI - LO (paired per replication)
};
std::vector<OatEffect> oat_effects(const Design& d, const std::vector<std::vector<double>>& output);

// Parameter indices ordered by |EFFECT| descending (ties: by index, so the order is reproducible).
std::vector<int> ranking(const std::vector<double>& effect);

}  // namespace sim::sensitivity

namespace sim::sensitivity {

// One parameter of a screening: its key, the unit of LO, HI and the scenario's value.
struct ParamInfo {
  std::string key, unit;
  double low = 0, high = 0, base = 0;
};

// One row of a metric's ranking. EFFECT is mu* (Morris) or the swing HI - LO (OAT), in the metric's
// units; for Morris, AUX is mu (signed) and SIGMA the spread; for OAT, AUX is the metric at LO and
// AUX2 at HI.
struct Row {
  int parameter = 0;
  Estimate effect, aux, aux2;
  double sigma = 0;
};

struct MetricReport {
  std::string name, units;
  std::vector<std::vector<double>> output;  // [point][replication used]
  double base = 0;                          // OAT: the mean at the scenario's values
  std::vector<Row> rows;                    // ranked by |effect|
};

struct Report {
  std::string method;  // morris or oat
  std::vector<ParamInfo> params;
  Design design;
  std::vector<std::vector<double>> values;  // design points in the parameters' units
  int replications = 0;
  std::vector<int> used;  // replications that succeeded at every point (common random numbers need all)
  std::vector<MetricReport> metrics;
};

// Fills METRIC.rows (ranked) from METRIC.output for REPORT's method and design.
void analyse(const Report& report, MetricReport& metric);

}  // namespace sim::sensitivity
