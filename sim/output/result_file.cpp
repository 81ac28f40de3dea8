#include "sim/output/result_file.h"

#include <H5Cpp.h>

#include "sim/output/h5util.h"
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "sim/core/errors.h"
#include "sim/analysis/stats.h"
#include "sim/analysis/transit_monthly.h"
#include "sim/output/cost_output.h"
#include "sim/record/resource_series.h"

namespace sim {

using h5::attr;
using h5::attr_u64;
using h5::group;
using h5::untimed_dcpl;

void h5::write_run_attributes(const H5::Group& root, const RunInfo& info, const std::string& format) {
  attr(root, "simulator", std::string("caspian"));
  attr(root, "format", format);
  attr(root, "version", info.version);
  attr(root, "scenario_name", info.scenario_name);
  attr(root, "scenario_description", info.scenario_description);
  attr(root, "scenario_file", info.scenario_file);
  attr(root, "scenario", info.scenario_yaml);
  attr(root, "overrides", info.sets);
  attr_u64(root, "seed", info.seed);
  attr(root, "start_date", info.start_date);
  attr(root, "end_date", info.end_date);
}

// ---------------------------------------------------------------------------------------------
// HDF5 writing

namespace {

struct EventRow {
  double time_d, created_d;
  std::uint64_t job;
  std::int32_t place, source, cargo_class;
  std::uint8_t kind;
  double teu, wagons, trains, tonnes;
};

H5::CompType event_type() {
  H5::CompType t(sizeof(EventRow));
  t.insertMember("time_d", HOFFSET(EventRow, time_d), H5::PredType::NATIVE_DOUBLE);
  t.insertMember("created_d", HOFFSET(EventRow, created_d), H5::PredType::NATIVE_DOUBLE);
  t.insertMember("job", HOFFSET(EventRow, job), H5::PredType::NATIVE_UINT64);
  t.insertMember("place", HOFFSET(EventRow, place), H5::PredType::NATIVE_INT32);
  t.insertMember("source", HOFFSET(EventRow, source), H5::PredType::NATIVE_INT32);
  t.insertMember("cargo_class", HOFFSET(EventRow, cargo_class), H5::PredType::NATIVE_INT32);
  t.insertMember("kind", HOFFSET(EventRow, kind), H5::PredType::NATIVE_UINT8);
  t.insertMember("teu", HOFFSET(EventRow, teu), H5::PredType::NATIVE_DOUBLE);
  t.insertMember("wagons", HOFFSET(EventRow, wagons), H5::PredType::NATIVE_DOUBLE);
  t.insertMember("trains", HOFFSET(EventRow, trains), H5::PredType::NATIVE_DOUBLE);
  t.insertMember("tonnes", HOFFSET(EventRow, tonnes), H5::PredType::NATIVE_DOUBLE);
  return t;
}

// Monthly transit-time statistics of one service by delivery month: [statistic x month], warm-up NaN.
void write_monthly_transit(const H5::Group& g, h5::Axes axes, const std::vector<std::vector<double>>& stats,
                           const std::vector<bool>& warm) {
  const auto& names = transit_statistic_names();
  axes.push_back({"statistic", h5::label_axis(names, "over the consignments delivered in the month")});
  const size_t months = warm.size();
  std::vector<double> flat(names.size() * months, std::nan(""));
  for (size_t s = 0; s < names.size(); ++s)
    for (size_t m = 0; m < months; ++m)
      if (!warm[m]) flat[s * months + m] = stats[s][m];
  auto ds = h5::variable(g, "monthly", axes, {"statistic", "month"}, flat);
  attr(ds, "units", std::string("d (n: consignments)"));
  attr(ds, "description", std::string("transit time of the consignments delivered in each month: mean, p50, p95 and their number n"));
}

// The same statistics of every service as /transit_monthly/{mean,p50,p95,n} over (source, month),
// the layout replication files have with a replication dimension.
void write_transit_monthly(const H5::Group& root, const h5::Axes& axes, const std::vector<std::string>& sources,
                           const std::vector<std::vector<std::vector<double>>>& stats, const std::vector<bool>& warm) {
  const size_t months = warm.size();
  std::vector<std::vector<double>> values(transit_statistic_names().size(), std::vector<double>(sources.size() * months, std::nan("")));
  for (size_t s = 0; s < values.size(); ++s)
    for (size_t i = 0; i < sources.size(); ++i)
      for (size_t m = 0; m < months; ++m)
        if (!warm[m]) values[s][i * months + m] = stats[i][s][m];
  h5::transit_monthly_group(root, axes, sources, {"source", "month"}, values);
}

// The names the event table's integer columns index.
void describe_events(const H5::DataSet& events, const Recorder& rec) {
  attr(events, "description", std::string("every model event, in simulated-time order; times in days since start_date"));
  std::vector<std::string> kinds;
  for (int k = 0; k < kEventKinds; ++k) kinds.push_back(event_kind_name(static_cast<EventKind>(k)));
  attr(events, "kind_names", kinds);
  attr(events, "place_names", rec.places());
  attr(events, "source_names", rec.sources());
  attr(events, "class_names", rec.classes());
}

}  // namespace

struct ResultFile::Impl {
  explicit Impl(const std::string& path) : tmp(path) {}
  h5::TempFile tmp;
  H5::DataSet events;
  H5::CompType row_type = event_type();
  hsize_t rows = 0;
  // Reused for every chunk of events: a fresh 300 KB vector each time is an mmap, its page faults
  // (11-20 us each here) and an munmap per chunk.
  std::vector<EventRow> buffer;
};

ResultFile::ResultFile(std::string final_path, bool events) : final_(std::move(final_path)), events_(events) {
  impl_ = std::make_unique<Impl>(final_);
  temp_ = impl_->tmp.temp_path();
  if (!events_) return;
  h5::guarded("cannot create the event table in " + temp_, [&] {
    const hsize_t zero = 0, unlimited = H5S_UNLIMITED, chunk = 4096;
    H5::DataSpace space(1, &zero, &unlimited);
    auto dcpl = untimed_dcpl();
    dcpl.setChunk(1, &chunk);
    // Not compressed: deflate (level 4) took ~25% of a single run's CPU, level 1 barely less and
    // shuffle + deflate more (measured on a 10-year corridor, docs/performance.md); a single run should
    // cost about what a replication worker does. `h5repack -f /events:GZIP=4` compresses a file
    // afterwards (4-5x smaller) for anyone who keeps many.
    impl_->events = impl_->tmp.file().createDataSet("events", impl_->row_type, space, dcpl);
    return 0;
  });
}

ResultFile::~ResultFile() {
  if (!committed_ && impl_ && events_) impl_->events.close();  // the TempFile then removes the partial file
}

void ResultFile::write_events(const std::vector<Event>& events) {
  if (!events_) throw std::logic_error("ResultFile::write_events: the file was opened without an event table");
  // The rows are written byte for byte, padding included: zero it, or the file carries whatever the
  // stack held (different in every run, so identical runs would give different files).
  auto& rows = impl_->buffer;
  rows.resize(events.size());
  std::memset(static_cast<void*>(rows.data()), 0, rows.size() * sizeof(EventRow));
  for (size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    auto& r = rows[i];
    r.time_d = e.time / 86400.0;
    r.created_d = e.created / 86400.0;
    r.job = e.job;
    r.place = e.place;
    r.source = e.source;
    r.cargo_class = e.cargo_class;
    r.kind = static_cast<std::uint8_t>(e.kind);
    r.teu = e.amounts.teu;
    r.wagons = e.amounts.wagons;
    r.trains = e.amounts.trains;
    r.tonnes = e.amounts.tonnes;
  }
  h5::guarded("cannot write events to " + temp_, [&] {
    const hsize_t n = rows.size(), total = impl_->rows + n;
    impl_->events.extend(&total);
    H5::DataSpace file_space = impl_->events.getSpace();
    file_space.selectHyperslab(H5S_SELECT_SET, &n, &impl_->rows);
    H5::DataSpace mem(1, &n);
    impl_->events.write(rows.data(), impl_->row_type, mem, file_space);
    impl_->rows = total;
    return 0;
  });
}

void ResultFile::write_results(const Recorder& rec, const RunResults& res) {
  h5::guarded("cannot write results to " + temp_, [&] {
    const H5::Group root = impl_->tmp.root();
    const auto& info = res.info;
    h5::write_run_attributes(root, info, "caspian-results/2");
    attr_u64(root, "replication", info.replication);
    char fp[24];
    std::snprintf(fp, sizeof fp, "%016llx", static_cast<unsigned long long>(rec.fingerprint()));
    attr(root, "fingerprint", std::string(fp));
    attr(root, "event_table", std::string(events_ ? "written: /events" : "not written (caspian run --events writes it)"));

    auto sources = group(root, "scenario_files");
    for (size_t i = 0; i < info.scenario_sources.size(); ++i) {
      auto f = group(sources, std::to_string(i));
      attr(f, "path", info.scenario_sources[i].first);
      attr(f, "text", info.scenario_sources[i].second);
    }

    const auto& cal = rec.calendar();
    std::vector<std::string> labels, firsts;
    std::vector<double> days;
    for (int m = 0; m < cal.months(); ++m) {
      labels.push_back(cal.month_label(m));
      firsts.push_back(format_date(cal.month_first_day(m)));
      const long next = m + 1 < cal.months() ? cal.month_first_day(m + 1) : cal.end_day();
      days.push_back(static_cast<double>(next - cal.month_first_day(m)));
    }
    const auto warm = h5::warmup_months(labels, info.start_date, info.end_date, info.warmup_s);
    h5::warmup_attrs(root, info, warm);
    const h5::Axes axes{{"month", h5::month_axis(labels)}, {"day", h5::day_axis(info.start_date, cal.days())}};
    auto calg = group(root, "calendar");
    attr(h5::string_variable(calg, "month_label", axes, "month", labels), "description", std::string("YYYY-MM"));
    attr(h5::string_variable(calg, "month_first_day", axes, "month", firsts), "description",
         std::string("first simulated day of the month, YYYY-MM-DD"));
    auto ds = h5::variable(calg, "days_simulated", axes, {"month"}, days);
    attr(ds, "units", std::string("d"));
    attr(ds, "description", std::string("simulated days in the month (fewer in a partial month)"));

    auto mg = group(root, "metrics");
    auto dg = group(root, "metrics_daily");
    const double warm_days = info.warmup_s / 86400.0;
    for (size_t i = 0; i < rec.metrics().size(); ++i) {
      const auto& m = rec.metrics()[i];
      std::vector<std::string> at, classes, srcs;
      for (int p : m.places) at.push_back(rec.places()[p]);
      for (int c : m.classes) classes.push_back(rec.classes()[c]);
      for (int s : m.sources) srcs.push_back(rec.sources()[s]);
      auto monthly = rec.metric_monthly(i);
      for (size_t k = 0; k < monthly.size() && k < warm.size(); ++k)
        if (warm[k]) monthly[k] = std::nan("");
      auto daily = rec.metric_daily(i);
      for (size_t k = 0; k < daily.size() && static_cast<double>(k + 1) <= warm_days; ++k) daily[k] = std::nan("");
      for (auto* g : {&mg, &dg}) {
        auto ds = g == &mg ? h5::variable(*g, m.name, axes, {"month"}, monthly) : h5::variable(*g, m.name, axes, {"day"}, daily);
        attr(ds, "units", std::string(measure_unit(m.measure)));
        attr(ds, "description", m.description);
        attr(ds, "bins", std::string(g == &mg ? "calendar month" : "day"));
        attr(ds, "count", std::string(measure_name(m.measure)));
        attr(ds, "event", std::string(event_kind_name(m.kind)));
        attr(ds, "at", at);
        attr(ds, "class", classes);
        attr(ds, "source", srcs);
      }
    }

    auto tg = group(root, "targets");
    for (size_t i = 0; i < res.targets.size(); ++i) {
      const auto& t = res.targets[i];
      auto g = group(tg, std::to_string(i));
      attr(g, "metric", t.spec.metric);
      attr(g, "from", format_date(t.spec.from_day));
      attr(g, "to", format_date(t.spec.to_day));
      attr(g, "observed", t.spec.observed);
      attr(g, "simulated", t.simulated);
      attr(g, "error_pct", t.error_pct);
      attr(g, "tolerance_pct", t.spec.tolerance_pct);
      attr(g, "units", t.units);
      attr(g, "source", t.spec.source);
      attr(g, "inside_tolerance", std::string(inside_tolerance(t.error_pct, t.spec.tolerance_pct)));
      attr(g, "file", t.spec.file);
    }

    auto rg = group(root, "resources");
    for (const auto& r : rec.resources()) {
      auto g = group(rg, r.name);
      attr(g, "kind", r.kind);
      for (const auto& d : resource_series()) {
        auto v = d.of(r);
        for (size_t k = 0; k < v.size() && k < warm.size(); ++k)
          if (warm[k]) v[k] = std::nan("");
        auto ds = h5::variable(g, d.name, axes, {"month"}, v);
        attr(ds, "units", d.unit);
        attr(ds, "description", d.description);
      }
      attr(g, "utilisation_mean", r.utilisation.overall_mean());
    }

    std::vector<std::string> bn, reasons;
    for (const auto& b : res.bottlenecks) {
      bn.push_back(b.resource);
      reasons.push_back(b.reason);
    }
    auto bg = group(root, "bottlenecks");
    const h5::Axes baxes{{"bottleneck", h5::index_axis(bn.size(), "a flagged resource")}};
    attr(h5::string_variable(bg, "resource", baxes, "bottleneck", bn), "description", std::string("the resource"));
    attr(h5::string_variable(bg, "reason", baxes, "bottleneck", reasons), "description", std::string("why it is flagged"));

    auto trg = group(root, "transit_time");
    std::vector<std::vector<std::vector<double>>> monthly;  // [source][statistic][month]
    for (size_t s = 0; s < rec.sources().size(); ++s) {
      const auto& d = rec.transit()[s].days;
      auto g = group(trg, rec.sources()[s]);
      const h5::Axes taxes{{"delivery", h5::index_axis(d.size(), "consignment delivered after the warm-up, in delivery order")}};
      auto ds = h5::variable(g, "days", taxes, {"delivery"}, d);
      attr(ds, "units", std::string("d"));
      std::vector<double> at;
      for (double t : rec.transit()[s].at) at.push_back(t / 86400.0);
      auto when = h5::variable(g, "delivered", taxes, {"delivery"}, at);
      attr(when, "units", "days since " + info.start_date);
      attr(when, "calendar", std::string("proleptic_gregorian"));
      attr(when, "description", std::string("when the consignment was delivered"));
      monthly.push_back(monthly_transit(cal, rec.transit()[s]));
      write_monthly_transit(g, axes, monthly.back(), warm);
      const double p50 = percentile(d, 50), p95 = percentile(d, 95);  // each sorts a copy: once
      attr(g, "units", std::string("d"));
      attr(g, "p50", p50);
      attr(g, "p95", p95);
      attr(ds, "description", std::string("creation to delivery, one value per delivered consignment"));
      attr(ds, "p50", p50);
      attr(ds, "p95", p95);
    }

    write_transit_monthly(root, axes, rec.sources(), monthly, warm);
    write_run_costs(root, rec, axes, warm);

    auto cg = group(root, "conservation");
    const Amounts& c = rec.created();
    const Amounts& dl = rec.delivered();
    for (int mi = 0; mi < kCargoMeasures; ++mi) {
      const auto m = static_cast<Measure>(mi);
      auto g = group(cg, measure_name(m));
      attr(g, "created", c.get(m));
      attr(g, "delivered", dl.get(m));
      attr(g, "in_system", res.in_system.get(m));
      attr(g, "units", std::string(measure_unit(m)));
    }

    {
      auto lg = group(cg, "month_ends");
      attr(lg, "description", std::string("the ledger at each month end: created = delivered + in the network"));
      h5::Axis time_d;
      for (const auto& e : rec.ledger()) time_d.values.push_back(e.time / 86400.0);
      time_d.attrs = {{"units", "days since " + info.start_date},
                      {"calendar", "proleptic_gregorian"},
                      {"description", "the month end (00:00 of the next month's first day) or the end of the run"}};
      const h5::Axes laxes{{"time_d", time_d}};
      for (int mi = 0; mi < kCargoMeasures; ++mi) {
        const auto m = static_cast<Measure>(mi);
        std::vector<double> c, d, in;
        for (const auto& e : rec.ledger()) {
          c.push_back(e.created.get(m));
          d.push_back(e.delivered.get(m));
          in.push_back(e.in_system.get(m));
        }
        for (const auto& [what, v] : {std::pair{"created", &c}, std::pair{"delivered", &d}, std::pair{"in_system", &in}}) {
          auto ds = h5::variable(lg, std::string(what) + "_" + measure_name(m), laxes, {"time_d"}, *v);
          attr(ds, "units", std::string(measure_unit(m)));
          attr(ds, "description", std::string(what) + " since the start, warm-up included");
        }
      }
    }

    if (events_) describe_events(impl_->events, rec);
    return 0;
  });
}

void ResultFile::commit() {
  h5::guarded("cannot finish result file " + temp_, [&] {
    if (events_) impl_->events.close();
    return 0;
  });
  impl_->tmp.commit();
  committed_ = true;
}

}  // namespace sim
