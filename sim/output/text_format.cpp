#include "sim/output/text_format.h"

#include <cmath>
#include <cstdio>

namespace sim {

std::string format_number(double v, int decimals) {
  if (std::isnan(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf, out;
  const auto dot = s.find('.');
  const std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot);
  const size_t start = whole[0] == '-' ? 1 : 0;
  const bool digits = whole.find_first_not_of("-0123456789") == std::string::npos;  // not "inf"
  for (size_t i = 0; i < whole.size(); ++i) {
    if (digits && i > start && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  return out + frac;
}

std::string pad(std::string s, size_t w) { return s.size() < w ? s + std::string(w - s.size(), ' ') : s; }

std::string lpad(const std::string& s, size_t w) { return s.size() < w ? std::string(w - s.size(), ' ') + s : s; }

std::string json_number(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace sim
