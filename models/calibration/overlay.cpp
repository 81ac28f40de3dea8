#include "models/calibration/overlay.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <utility>

#include "sim/core/errors.h"

namespace models::calibration {
namespace {

// One level of the overlay: a value (leaf), a map, or a list of named items.
struct Tree {
  bool leaf = false, list = false;
  std::string value, comment;
  std::vector<double> numbers;  // an unnamed list of numbers rewritten item by item
  std::vector<std::pair<std::string, Tree>> kids;
  Tree& kid(const std::string& key) {
    for (auto& [k, t] : kids)
      if (k == key) return t;
    kids.emplace_back(key, Tree{});
    return kids.back().second;
  }
};

std::string fmt(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

void emit(std::string& out, const Tree& t, int indent) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  for (const auto& [key, kid] : t.kids) {
    if (kid.leaf) {
      out += pad + key + ": " + kid.value + (kid.comment.empty() ? "" : "  # " + kid.comment) + "\n";
    } else if (kid.list) {
      out += pad + key + ":\n";
      for (const auto& [name, item] : kid.kids) {
        out += pad + "  - name: " + name + "\n";
        emit(out, item, indent + 4);
      }
    } else {
      out += pad + key + ":\n";
      emit(out, kid, indent + 2);
    }
  }
}

}  // namespace

std::string overlay_text(const std::vector<std::string>& header, const std::string& extends, const std::vector<OverlayValue>& values) {
  Tree root;
  for (const auto& v : values) {
    Tree* cur = &root;
    for (size_t i = 0; i < v.param->steps.size(); ++i) {
      const std::string& step = v.param->steps[i];
      if (step.rfind("name=", 0) == 0) continue;  // handled with the key before it
      cur = &cur->kid(step);
      if (i + 1 < v.param->steps.size() && v.param->steps[i + 1].rfind("name=", 0) == 0) {
        cur->list = true;
        cur = &cur->kid(v.param->steps[i + 1].substr(5));
      }
    }
    cur->leaf = true;
    if (v.param->index >= 0) {  // one month of a profile: the whole list, this item changed
      if (cur->numbers.empty()) cur->numbers = v.param->list;
      cur->numbers[static_cast<size_t>(v.param->index)] = v.value;
      cur->value = "[";
      for (size_t k = 0; k < cur->numbers.size(); ++k) cur->value += (k ? ", " : "") + fmt(cur->numbers[k]);
      cur->value += "]";
      cur->comment += (cur->comment.empty() ? "" : "; ") + std::string("[") + std::to_string(v.param->index) + "] " + v.comment;
    } else {
      cur->value = value_text(*v.param, v.value);
      cur->comment = v.comment;
    }
  }
  std::string out;
  for (const auto& h : header) out += "# " + h + "\n";
  out += "extends: " + extends + "\n";
  emit(out, root, 0);
  return out;
}

void write_atomically(const std::string& path, const std::string& text) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
    throw sim::OutputError(path + " exists and is not a regular file; the overlay is written only to a regular file or a new path");
  const std::string temp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::remove(temp.c_str());
      throw sim::OutputError("cannot write " + temp);
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(temp.c_str());
    throw sim::OutputError("cannot rename " + temp + " to " + path + ": " + why);
  }
}

std::string extends_path(const std::string& scenario, const std::string& overlay) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::absolute(overlay).parent_path();
  return fs::relative(fs::absolute(scenario), dir).generic_string();
}

}  // namespace models::calibration
