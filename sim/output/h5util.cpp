#include "sim/output/h5util.h"

#include "sim/core/file_kind.h"

#include "sim/core/stop.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <hdf5_hl.h>

#include "sim/analysis/transit_monthly.h"
#include "sim/core/calendar.h"
#include "sim/core/errors.h"
#include "sim/record/run_info.h"

namespace sim::h5 {

H5::StrType string_type() {
  H5::StrType t(H5::PredType::C_S1, H5T_VARIABLE);
  t.setCset(H5T_CSET_UTF8);
  return t;
}

void attr(const H5::H5Object& obj, const std::string& name, const std::string& value) {
  const auto t = string_type();
  obj.createAttribute(name, t, H5::DataSpace(H5S_SCALAR)).write(t, value);
}

void attr(const H5::H5Object& obj, const std::string& name, double value) {
  obj.createAttribute(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(H5S_SCALAR)).write(H5::PredType::NATIVE_DOUBLE, &value);
}

void attr_u64(const H5::H5Object& obj, const std::string& name, std::uint64_t value) {
  obj.createAttribute(name, H5::PredType::NATIVE_UINT64, H5::DataSpace(H5S_SCALAR)).write(H5::PredType::NATIVE_UINT64, &value);
}

void attr(const H5::H5Object& obj, const std::string& name, const std::vector<std::string>& values) {
  const auto t = string_type();
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  const hsize_t n = values.size();
  auto a = obj.createAttribute(name, t, n ? H5::DataSpace(1, &n) : H5::DataSpace(H5S_NULL));
  if (n) a.write(t, ptrs.data());
}

// Object modification times would make two identical runs differ byte for byte.
namespace {
// Writing variable-length strings converts them through a buffer that HDF5 sizes from the transfer
// list (1 MiB by default) and zero-fills on every write: one fresh MiB per small string dataset, 7% of
// a single run in memset and page faults (measured). N strings need a small fraction of that.
H5::DSetMemXferPropList string_xfer(size_t n) {
  H5::DSetMemXferPropList p;
  p.setBuffer(std::max<size_t>(4096, 32 * n), nullptr, nullptr);
  return p;
}
}  // namespace

H5::DSetCreatPropList untimed_dcpl() {
  H5::DSetCreatPropList p;
  H5Pset_obj_track_times(p.getId(), 0);
  return p;
}

H5::Group group(const H5::Group& parent, const std::string& name) {
  const hid_t gcpl = H5Pcreate(H5P_GROUP_CREATE);
  H5Pset_obj_track_times(gcpl, 0);
  const hid_t id = H5Gcreate2(parent.getId(), name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT);
  H5Pclose(gcpl);
  if (id < 0) throw OutputError("cannot create HDF5 group " + name);
  H5::Group g(id);
  H5Idec_ref(id);  // the Group object took its own reference
  return g;
}

namespace {

const Axis& find_axis(const Axes& axes, const std::string& name) {
  for (const auto& [n, a] : axes)
    if (n == name) return a;
  throw OutputError("internal: no axis " + name);
}

// The dimension scale NAME in G, created from its axis the first time.
H5::DataSet dimension(const H5::Group& g, const std::string& name, const Axis& a) {
  if (H5Lexists(g.getId(), name.c_str(), H5P_DEFAULT) > 0) return g.openDataSet(name);
  const hsize_t n = a.size();
  H5::DataSet ds;
  if (!a.labels.empty()) {
    const auto t = string_type();
    std::vector<const char*> ptrs;
    for (const auto& v : a.labels) ptrs.push_back(v.c_str());
    ds = g.createDataSet(name, t, H5::DataSpace(1, &n), untimed_dcpl());
    if (n) ds.write(ptrs.data(), t, H5::DataSpace::ALL, H5::DataSpace::ALL, string_xfer(n));
  } else if (a.integer) {
    std::vector<std::int64_t> v(a.values.begin(), a.values.end());
    ds = g.createDataSet(name, H5::PredType::NATIVE_INT64, H5::DataSpace(1, &n), untimed_dcpl());
    if (n) ds.write(v.data(), H5::PredType::NATIVE_INT64);
  } else {
    ds = g.createDataSet(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(1, &n), untimed_dcpl());
    if (n) ds.write(a.values.data(), H5::PredType::NATIVE_DOUBLE);
  }
  if (H5DSset_scale(ds.getId(), name.c_str()) < 0) throw OutputError("cannot make " + name + " a dimension scale");
  for (const auto& [k, v] : a.attrs) attr(ds, k, v);
  return ds;
}

void attach(const H5::Group& g, const H5::DataSet& ds, const Axes& axes, const std::vector<std::string>& dims) {
  for (size_t i = 0; i < dims.size(); ++i) {
    const auto scale = dimension(g, dims[i], find_axis(axes, dims[i]));
    if (H5DSattach_scale(ds.getId(), scale.getId(), static_cast<unsigned>(i)) < 0 ||
        H5DSset_label(ds.getId(), static_cast<unsigned>(i), dims[i].c_str()) < 0)  // h5py: ds.dims[i].label
      throw OutputError("cannot attach dimension " + dims[i]);
  }
}

}  // namespace

H5::DataSet variable(const H5::Group& g, const std::string& name, const Axes& axes, const std::vector<std::string>& dims,
                     const std::vector<double>& values) {
  std::vector<hsize_t> shape;
  size_t total = 1;
  for (const auto& d : dims) {
    shape.push_back(find_axis(axes, d).size());
    total *= shape.back();
  }
  std::vector<double> flat(total, std::nan(""));
  std::copy_n(values.begin(), std::min(total, values.size()), flat.begin());
  auto ds = g.createDataSet(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(static_cast<int>(shape.size()), shape.data()), untimed_dcpl());
  if (total) ds.write(flat.data(), H5::PredType::NATIVE_DOUBLE);
  attach(g, ds, axes, dims);
  return ds;
}

H5::DataSet variable2(const H5::Group& g, const std::string& name, const Axes& axes, const std::vector<std::string>& dims,
                      const std::vector<std::vector<double>>& rows) {
  const size_t columns = find_axis(axes, dims.at(1)).size();
  std::vector<double> flat(rows.size() * columns, std::nan(""));
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < columns && c < rows[r].size(); ++c) flat[r * columns + c] = rows[r][c];
  return variable(g, name, axes, dims, flat);
}

H5::DataSet string_variable(const H5::Group& g, const std::string& name, const Axes& axes, const std::string& dim,
                            const std::vector<std::string>& values) {
  const auto t = string_type();
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  const hsize_t n = values.size();
  auto ds = g.createDataSet(name, t, H5::DataSpace(1, &n), untimed_dcpl());
  if (n) ds.write(ptrs.data(), t, H5::DataSpace::ALL, H5::DataSpace::ALL, string_xfer(n));
  attach(g, ds, axes, {dim});
  return ds;
}

void transit_monthly_group(const H5::Group& root, Axes axes, const std::vector<std::string>& sources,
                           const std::vector<std::string>& dims, const std::vector<std::vector<double>>& values) {
  axes.push_back({"source", label_axis(sources, "the service or flow the consignments belong to")});
  auto g = group(root, "transit_monthly");
  attr(g, "description", std::string("transit time (creation to delivery) of the consignments delivered in each month, per "
                                     "service or flow") + (dims.size() > 2 ? " and replication" : "") + "; warm-up months NaN");
  const auto& names = transit_statistic_names();
  for (size_t s = 0; s < names.size(); ++s) {
    const bool n = s == kTransitN;
    auto ds = variable(g, names[s], axes, dims, values[s]);
    attr(ds, "units", std::string(n ? "consignments" : "d"));
    attr(ds, "description", n ? std::string("consignments delivered in the month (0: none; NaN: warm-up") +
                                    (dims.size() > 2 ? " or failed replication)" : ")")
                              : names[s] + " transit time of the consignments delivered in the month (NaN: none delivered)");
  }
}

namespace {
long month_day(const std::string& label) {  // YYYY-MM -> days since 1970-01-01 of its 1st
  return parse_date(label + "-01");
}
}  // namespace

Axis month_axis(const std::vector<std::string>& labels) {
  Axis a;
  for (const auto& l : labels) a.values.push_back(static_cast<double>(month_day(l)));
  a.attrs = {{"units", "days since 1970-01-01"},
             {"calendar", "proleptic_gregorian"},
             {"standard_name", "time"},
             {"description", "calendar month, as its first day (a partial first or last month is a month of its own)"}};
  return a;
}

Axis day_axis(const std::string& start_date, int days) {
  Axis a;
  for (int d = 0; d < days; ++d) a.values.push_back(d);
  a.attrs = {{"units", "days since " + start_date},
             {"calendar", "proleptic_gregorian"},
             {"standard_name", "time"},
             {"description", "simulated day"}};
  return a;
}

Axis index_axis(size_t n, const std::string& description) {
  Axis a;
  for (size_t i = 0; i < n; ++i) a.values.push_back(static_cast<double>(i));
  a.integer = true;
  a.attrs = {{"units", "1"}, {"description", description}};
  return a;
}

Axis label_axis(const std::vector<std::string>& labels, const std::string& description) {
  Axis a;
  a.labels = labels;
  a.attrs = {{"description", description}};
  return a;
}

std::vector<bool> warmup_months(const std::vector<std::string>& labels, const std::string& start_date, const std::string& end_date,
                                double warmup_s) {
  std::vector<bool> out(labels.size(), false);
  if (warmup_s <= 0) return out;  // no dates needed (a run without warm-up may not carry them)
  out.clear();
  const double warm_end = static_cast<double>(parse_date(start_date)) + warmup_s / 86400.0;
  for (size_t m = 0; m < labels.size(); ++m) {
    const long end = m + 1 < labels.size() ? month_day(labels[m + 1]) : parse_date(end_date) + 1;
    out.push_back(static_cast<double>(end) <= warm_end);
  }
  return out;
}

void warmup_attrs(const H5::H5Object& obj, const RunInfo& info, const std::vector<bool>& warm) {
  const double days = info.warmup_s / 86400.0;
  attr(obj, "warmup_days", days);
  attr(obj, "warmup_end", info.start_date.empty() ? std::string()
                                                   : format_date(parse_date(info.start_date) + static_cast<long>(std::ceil(days))));
  double n = 0;
  for (bool w : warm) n += w;
  attr(obj, "warmup_months", n);
  attr(obj, "warmup", std::string("statistics start after the warm-up; months wholly inside it are NaN in every monthly "
                                  "series (not measured, unlike a measured 0); the event table and conservation ledger include it"));
}


std::string writable_target(const std::string& path) {
  if (path.empty()) throw OutputError("the output path is empty");
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return path;  // a new file
    throw OutputError("cannot inspect " + path + ": " + std::strerror(errno));
  }
  std::string target = path;
  if (S_ISLNK(st.st_mode)) {
    // A symlink to a regular file: its target is what gets replaced (atomically, beside it).
    char buf[PATH_MAX];
    if (!realpath(path.c_str(), buf))
      throw OutputError(path + " is a symbolic link to nothing that exists (" + std::strerror(errno) + "); not written");
    target = buf;
    if (stat(target.c_str(), &st) != 0) throw OutputError("cannot inspect " + target + ": " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode))
    throw OutputError(target + " exists and is " + file_kind(st.st_mode) +
                      "; caspian replaces only regular files (choose another -o path)");
  return target;
}

TempFile::TempFile(std::string final_path)
    : final_(writable_target(final_path)), temp_(final_ + ".tmp" + std::to_string(getpid())) {
  H5::Exception::dontPrint();
  guarded("cannot create result file " + temp_, [&] {
    H5::FileCreatPropList fcpl;
    H5Pset_obj_track_times(fcpl.getId(), 0);
    file_ = std::make_unique<H5::H5File>(temp_, H5F_ACC_TRUNC, fcpl);
    return 0;
  });
}

TempFile::~TempFile() {
  if (committed_) return;
  try {
    if (file_) file_->close();
  } catch (...) {  // NOLINT: discarding a partial file; nothing more useful to do
  }
  std::remove(temp_.c_str());
}

void TempFile::commit() {
  throw_if_stopped();  // SIGINT/SIGTERM while writing: the destructor removes the temporary file
  guarded("cannot finish result file " + temp_, [&] {
    file_->close();
    return 0;
  });
  // Checked again at the last moment: the path may have been replaced since the file was opened.
  try {
    if (writable_target(final_) != final_) throw OutputError(final_ + " became a symbolic link while the results were written");
  } catch (const OutputError&) {
    std::remove(temp_.c_str());
    committed_ = true;  // nothing left to remove
    throw;
  }
  if (std::rename(temp_.c_str(), final_.c_str()) != 0) throw OutputError("cannot rename " + temp_ + " to " + final_);
  committed_ = true;
}

}  // namespace sim::h5
