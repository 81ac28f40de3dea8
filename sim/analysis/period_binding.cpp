#include "sim/analysis/period_binding.h"

#include <cmath>
#include <cstdio>

#include "sim/core/calendar.h"
#include "sim/record/resource_series.h"

namespace sim {
namespace {

struct Period {
  std::string label;
  std::vector<size_t> months;  // indices into the layout's months
};

// Calendar quarters of the months after the warm-up ("YYYY-MM" labels sort as dates).
std::vector<Period> quarters(const Experiment& e) {
  // Results put together without run information (hand-made in tests) have no start date: no warm-up.
  std::string from;
  if (!e.info.start_date.empty())
    from = format_date(parse_date(e.info.start_date) + static_cast<long>(std::floor(e.info.warmup_s / 86400.0))).substr(0, 7);
  std::vector<Period> out;
  for (size_t m = 0; m < e.layout.months.size(); ++m) {
    const auto& label = e.layout.months[m];
    if (label < from || label.size() != 7 || label[4] != '-') continue;  // "YYYY-MM" labels only
    const std::string q = label.substr(0, 4) + "-Q" + std::to_string((std::stoi(label.substr(5, 2)) - 1) / 3 + 1);
    if (out.empty() || out.back().label != q) out.push_back({q, {}});
    out.back().months.push_back(m);
  }
  return out;
}

// A queue that grows through the period: higher every month than the month before, ending above one
// consignment and at least 10% above where the period began. (The run's rule, sim/analysis/
// run_results.cpp, compares the end with the whole run's mean; over one quarter a queue that has grown
// all year is far above its quarter's start but not 1.5x its quarter's mean.)
bool queue_grows(const std::vector<double>& q) {
  if (q.size() < 2) return false;
  for (size_t i = 1; i < q.size(); ++i)
    if (!(q[i] > q[i - 1])) return false;
  return q.back() > 1 && q.back() - q.front() >= 0.1 * q.back();
}

double period_mean(const std::vector<double>& monthly, const std::vector<size_t>& months) {
  double s = 0;
  for (size_t m : months) s += monthly[m];
  return s / static_cast<double>(months.size());
}

}  // namespace

std::vector<PeriodBinding> period_binding(const Experiment& e) {
  std::vector<PeriodBinding> out;
  const auto ok = e.succeeded();
  if (ok.empty()) return out;
  const size_t util = resource_series_index("utilisation"), queue = resource_series_index("queue_mean");
  for (const auto& p : quarters(e)) {
    PeriodBinding best;
    best.period = p.label;
    best.first_month = e.layout.months[p.months.front()];
    best.last_month = e.layout.months[p.months.back()];
    if (p.months.size() < 3) best.period = best.first_month + ".." + best.last_month;
    double best_u = -1;
    for (size_t i = 0; i < e.layout.resources.size(); ++i) {
      if (!e.rule.is_capacity(e.layout.resource_kinds[i])) continue;
      std::vector<double> u;
      double over = 0, grows = 0, q_end = 0;
      for (const auto* r : ok) {
        u.push_back(period_mean(r->series[util][i], p.months));
        std::vector<double> q;
        for (size_t m : p.months) q.push_back(r->series[queue][i][m]);
        over += u.back() > e.rule.utilisation;
        grows += queue_grows(q);
        q_end += q.back();
      }
      const double n = static_cast<double>(ok.size());
      const bool by_use = over / n >= 0.5, by_queue = grows / n >= 0.5;
      const bool binds = by_use || by_queue;
      const auto s = summarize(u);
      if ((binds && !best.binding) || (binds == best.binding && s.mean > best_u)) {
        best_u = s.mean;
        best.resource = e.layout.resources[i];
        best.kind = e.layout.resource_kinds[i];
        best.utilisation = s;
        best.queue_end = q_end / n;
        best.binding = binds;
        best.share = by_use ? over / n : by_queue ? grows / n : 0;
        char buf[64];
        std::snprintf(buf, sizeof buf, "utilisation above %.0f%%", 100 * e.rule.utilisation);
        best.why = by_use ? buf : by_queue ? "queue grows" : "";
      }
    }
    out.push_back(best);
  }
  return out;
}

std::string period_binding_line(const PeriodBinding& p) {
  char buf[320];
  const auto& u = p.utilisation;
  // "in N% of replications": a quarter binds when most replications flag it, and its mean may then lie
  // on either side of the threshold; saying both keeps the line from contradicting itself.
  const int share = static_cast<int>(std::lround(100 * p.share));
  if (p.binding && p.why == "queue grows")
    std::snprintf(buf, sizeof buf, "%-9s %s (%s): its queue grows in %d%% of replications, to %.1f consignments in %s (mean); utilisation %.1f%% [%.1f, %.1f]",
                  p.period.c_str(), p.resource.c_str(), p.kind.c_str(), share, p.queue_end, p.last_month.c_str(), 100 * u.mean, 100 * u.ci_low,
                  100 * u.ci_high);
  else if (p.binding)
    std::snprintf(buf, sizeof buf, "%-9s %s (%s): %s in %d%% of replications; mean %.1f%% [%.1f, %.1f]", p.period.c_str(), p.resource.c_str(),
                  p.kind.c_str(), p.why.c_str(), share, 100 * u.mean, 100 * u.ci_low, 100 * u.ci_high);
  else
    std::snprintf(buf, sizeof buf, "%-9s nothing binds; the busiest is %s (%s) at %.1f%% [%.1f, %.1f]", p.period.c_str(), p.resource.c_str(),
                  p.kind.c_str(), 100 * u.mean, 100 * u.ci_low, 100 * u.ci_high);
  return buf;
}

}  // namespace sim
