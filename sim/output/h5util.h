#pragma once
// Small helpers over the HDF5 C++ API shared by the result writers: self-describing attributes,
// groups and datasets without modification times (so identical runs give identical bytes).
#include <H5Cpp.h>

#include "sim/core/errors.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sim {
struct RunInfo;
}

namespace sim::h5 {

// The attributes every result file carries at its root: simulator, format, version, the merged
// scenario text and its source files' names, overrides, seed, first and last simulated day.
void write_run_attributes(const H5::Group& root, const RunInfo& info, const std::string& format);

void attr(const H5::H5Object& obj, const std::string& name, const std::string& value);
void attr(const H5::H5Object& obj, const std::string& name, double value);
void attr_u64(const H5::H5Object& obj, const std::string& name, std::uint64_t value);
void attr(const H5::H5Object& obj, const std::string& name, const std::vector<std::string>& values);
H5::DSetCreatPropList untimed_dcpl();
H5::Group group(const H5::Group& parent, const std::string& name);
H5::StrType string_type();

// Dimension scales (netCDF-4 dimensions), so xarray (h5netcdf) and netCDF readers see named dims
// and coordinates. An Axis is a coordinate: numbers (with `integer` they are stored as int64) or
// strings, and its attributes (units, calendar, description). A group gets its own copy of each
// axis it uses, created on first use, because xarray opens one group at a time.
struct Axis {
  std::vector<double> values;
  std::vector<std::string> labels;  // a string axis when not empty
  bool integer = false;
  std::vector<std::pair<std::string, std::string>> attrs;
  size_t size() const { return labels.empty() ? values.size() : labels.size(); }
};
using Axes = std::vector<std::pair<std::string, Axis>>;  // by name; looked up, never iterated for layout

// DIMS names axes of AXES; VALUES is row-major over them (NaN-padded if short). The dataset gets
// the dims attached as dimension scales; the scales are created in G the first time they are used.
H5::DataSet variable(const H5::Group& g, const std::string& name, const Axes& axes, const std::vector<std::string>& dims,
                     const std::vector<double>& values);
// Rows of a [dims[0] x dims[1]] variable (a short or empty row is NaN-padded).
H5::DataSet variable2(const H5::Group& g, const std::string& name, const Axes& axes, const std::vector<std::string>& dims,
                      const std::vector<std::vector<double>>& rows);
H5::DataSet string_variable(const H5::Group& g, const std::string& name, const Axes& axes, const std::string& dim,
                            const std::vector<std::string>& values);
// The group /transit_monthly: one variable per transit statistic (transit_statistic_names(): mean,
// p50, p95, n) over DIMS, the first of them `source` (SOURCES), the last `month`; VALUES[s] holds
// statistic s row-major over DIMS. Single runs and replication files share it, units and words too.
void transit_monthly_group(const H5::Group& root, Axes axes, const std::vector<std::string>& sources,
                           const std::vector<std::string>& dims, const std::vector<std::vector<double>>& values);
// The month axis (CF time: days since 1970-01-01 of each month's first calendar day) from labels
// YYYY-MM, and the day axis (days since START, CF time).
Axis month_axis(const std::vector<std::string>& labels);
Axis day_axis(const std::string& start_date, int days);
Axis index_axis(size_t n, const std::string& description);
Axis label_axis(const std::vector<std::string>& labels, const std::string& description);
// The months wholly inside the warm-up: true for a month that ends before START + WARMUP_S.
std::vector<bool> warmup_months(const std::vector<std::string>& labels, const std::string& start_date, const std::string& end_date,
                                double warmup_s);
// The root attributes `warmup` and `warmup_months` and their meaning.
void warmup_attrs(const H5::H5Object& obj, const RunInfo& info, const std::vector<bool>& warm);

// The file a result path really names: PATH itself when it is a regular file or does not exist, the
// target of a symlink to a regular file. Throws OutputError for anything else (a device such as
// /dev/null, a FIFO, a directory, a socket, a dangling link): only regular files are ever replaced.
std::string writable_target(const std::string& path);

// An HDF5 file written under a temporary name and renamed to its final name by commit(); destroyed
// without commit(), it removes itself, so a failed run never leaves a file that looks finished.
class TempFile {
 public:
  explicit TempFile(std::string final_path);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  H5::H5File& file() { return *file_; }
  H5::Group root() { return file_->openGroup("/"); }
  void commit();  // every dataset the caller opened must be closed first
  const std::string& temp_path() const { return temp_; }

 private:
  std::string final_, temp_;
  std::unique_ptr<H5::H5File> file_;
  bool committed_ = false;
};

// Runs F, turning HDF5 exceptions into OutputError with WHAT as context.
template <class F>
auto guarded(const std::string& what, F f) {
  try {
    return f();
  } catch (const H5::Exception& e) {
    throw OutputError(what + ": " + e.getDetailMsg());
  }
}

}  // namespace sim::h5
