#include "sim/record/cost_ledger.h"

namespace sim {

void CostLedger::configure(size_t sources, double vot_teu, double vot_t, bool declared) {
  active_ = true;
  declared_ = declared;
  vot_teu_ = vot_teu;
  vot_t_ = vot_t;
  sources_.assign(sources, SourceCosts{});
  const size_t months = cal_ ? static_cast<size_t>(cal_->months()) : 0;
  for (auto& s : sources_) {
    s.monthly_usd.assign(months, 0.0);
    s.monthly_co2.assign(months, 0.0);
  }
}

void CostLedger::deliver(int source, double t, double created, double usd, double kg_co2, const Amounts& a) {
  if (!active_ || source < 0 || static_cast<size_t>(source) >= sources_.size() || t < warmup_) return;
  auto& s = sources_[static_cast<size_t>(source)];
  const double transit = t - created;
  if (a.teu > 0) {
    s.usd_per_teu.push_back(usd / a.teu);
    s.co2_per_teu.push_back(kg_co2 / a.teu);
    s.gen_per_teu.push_back(usd / a.teu + vot_teu_ * transit);
  }
  if (a.tonnes > 0) {
    s.usd_per_t.push_back(usd / a.tonnes);
    s.co2_per_t.push_back(kg_co2 / a.tonnes);
    s.gen_per_t.push_back(usd / a.tonnes + vot_t_ * transit);
  }
  s.teu += a.teu;
  s.tonnes += a.tonnes;
  s.usd += usd;
  s.kg_co2 += kg_co2;
  if (cal_) {
    const int m = cal_->month_of_day(cal_->day_at(t));
    if (m >= 0 && static_cast<size_t>(m) < s.monthly_usd.size()) {
      s.monthly_usd[static_cast<size_t>(m)] += usd;
      s.monthly_co2[static_cast<size_t>(m)] += kg_co2;
    }
  }
}

}  // namespace sim
