#include "sim/output/h5util.h"

#include "sim/core/stop.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "sim/core/errors.h"

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

H5::DataSet series(const H5::Group& g, const std::string& name, const std::vector<double>& values) {
  const hsize_t n = values.size();
  auto ds = g.createDataSet(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(1, &n), untimed_dcpl());
  ds.write(values.data(), H5::PredType::NATIVE_DOUBLE);
  return ds;
}

void strings(const H5::Group& g, const std::string& name, const std::vector<std::string>& values) {
  const auto t = string_type();
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  const hsize_t n = values.size();
  auto ds = g.createDataSet(name, t, H5::DataSpace(1, &n), untimed_dcpl());
  if (n) ds.write(ptrs.data(), t);
}

H5::DataSet matrix(const H5::Group& g, const std::string& name, const std::vector<std::vector<double>>& rows, size_t columns) {
  const hsize_t dims[2] = {rows.size(), columns};
  std::vector<double> flat(rows.size() * columns, std::nan(""));
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < columns && c < rows[r].size(); ++c) flat[r * columns + c] = rows[r][c];
  auto ds = g.createDataSet(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(2, dims), untimed_dcpl());
  if (!flat.empty()) ds.write(flat.data(), H5::PredType::NATIVE_DOUBLE);
  return ds;
}

namespace {

const char* file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

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
