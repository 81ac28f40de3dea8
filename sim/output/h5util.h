#pragma once
// Small helpers over the HDF5 C++ API shared by the result writers: self-describing attributes,
// groups and datasets without modification times (so identical runs give identical bytes).
#include <H5Cpp.h>

#include "sim/core/errors.h"

#include <cstdint>
#include <memory>
#include <string>
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
H5::DataSet series(const H5::Group& g, const std::string& name, const std::vector<double>& values);
// Rows of equal length as a 2-D dataset [rows x columns]; NaN-padded if a row is short.
H5::DataSet matrix(const H5::Group& g, const std::string& name, const std::vector<std::vector<double>>& rows, size_t columns);
void strings(const H5::Group& g, const std::string& name, const std::vector<std::string>& values);
H5::StrType string_type();

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
