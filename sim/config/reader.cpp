#include "sim/config/reader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "sim/core/calendar.h"

namespace sim {

[[noreturn]] void fail(const Node& at, const std::string& key, const std::string& message) {
  throw ScenarioError(at.where, key, message);
}

MapReader::MapReader(const Node& node, std::string path) : node_(node), path_(std::move(path)) {
  if (!node.is_map()) fail(node, path_, std::string("expected a mapping of keys, got ") + node.kind_word());
}

std::string MapReader::path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

const Node* MapReader::optional(const std::string& key) {
  if (!declared_.empty()) {
    bool documented = false;
    for (const auto* docs : declared_)
      for (const auto& d : *docs) documented = documented || d.key == key;
    if (!documented) throw std::logic_error("the parser of " + (path_.empty() ? std::string("the scenario") : path_) +
                                            " reads key \"" + key + "\", which its documentation does not list");
  }
  known_.push_back(key);
  const Node* n = node_.find(key);
  return n && n->kind != Node::Kind::Null ? n : nullptr;
}

const Node& MapReader::required(const std::string& key) {
  const Node* n = optional(key);
  if (n) return *n;
  // A required key is often missing because it is misspelt: point at the misspelling instead.
  // Only near-certain misspellings: short keys like min/max are too close to each other to guess.
  auto likely_typo = [&](const std::string& k) {
    if (k.size() < 4 || std::find(known_.begin(), known_.end(), k) != known_.end()) return false;
    return edit_distance(k, key) <= (k.size() >= 8 ? 2u : 1u);
  };
  for (const auto& [k, v] : node_.entries)
    if (likely_typo(k))
      throw ScenarioError(v.where, path(k), "unknown key \"" + k + "\"; did you mean \"" + key + "\"?");
  fail(node_, path_, "missing required key \"" + key + "\"");
}

void MapReader::finish() const {
  for (const auto& [key, value] : node_.entries) {
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    if (key == "assumed") {  // `assumed: {rate: 3..6 /d}`: plausible ranges of sibling values (caspian sensitivity --assumptions)
      if (!value.is_map()) throw ScenarioError(value.where, path(key), "expected a mapping of sibling keys to ranges, like {rate: 3..6 /d}");
      for (const auto& [k, range] : value.entries) {
        const std::string sibling = k.substr(0, k.find('.'));  // handling_time.mean: a parameter of a distribution beside it
        if (!node_.find(sibling))
          throw ScenarioError(range.where, path(key) + "." + k, "marks a range for \"" + sibling + "\", which is not a key beside it");
        if (!range.is_scalar() || range.scalar.find("..") == std::string::npos)
          throw ScenarioError(range.where, path(key) + "." + k, "expected a range LO..HI with or without a unit, like 3..6 /d");
      }
      continue;
    }
    std::string msg = "unknown key \"" + key + "\"";
    const std::string hint = closest(key, known_);
    if (!hint.empty()) msg += "; did you mean \"" + hint + "\"?";
    else {
      std::vector<std::string> sorted = known_;
      std::sort(sorted.begin(), sorted.end());
      sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
      msg += "; valid keys here:";
      for (const auto& k : sorted) msg += " " + k;
    }
    // The value's position is the best we have for the key (yaml-cpp keeps no separate key node here).
    throw ScenarioError(value.where, path(key), msg);
  }
}

namespace {
const Node& scalar(const Node& n, const std::string& key, const std::string& what) {
  if (!n.is_scalar()) fail(n, key, "expected " + what + ", got " + n.kind_word());
  return n;
}
}  // namespace

std::string as_string(const Node& n, const std::string& key) { return scalar(n, key, "a text value").scalar; }

std::string as_name(const Node& n, const std::string& key) {
  const std::string& s = scalar(n, key, "a name").scalar;
  const bool ok = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
  if (!ok) fail(n, key, "expected a name made of letters, digits, '_' or '-', got \"" + s + "\"");
  return s;
}

double as_number(const Node& n, const std::string& key) {
  const std::string& s = scalar(n, key, "a number").scalar;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || !std::isfinite(v)) fail(n, key, "expected a plain number, got \"" + s + "\"");
  return v;
}

int as_int(const Node& n, const std::string& key, int min, int max) {
  const double v = as_number(n, key);
  if (v != std::floor(v) || v < min || v > max)
    fail(n, key, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", got " + n.scalar);
  return static_cast<int>(v);
}

bool as_bool(const Node& n, const std::string& key) {
  const std::string& s = scalar(n, key, "true or false").scalar;
  if (s == "true" || s == "yes") return true;
  if (s == "false" || s == "no") return false;
  fail(n, key, "expected true or false, got \"" + s + "\"");
}

Quantity as_quantity(const Node& n, const std::string& key, Dim expected) {
  const std::string& s = scalar(n, key, describe(expected)).scalar;
  Quantity q;
  try {
    q = parse_quantity(s);
  } catch (const std::invalid_argument& e) {
    fail(n, key, "expected " + describe(expected) + ": " + e.what());
  }
  if (q.dim != expected) fail(n, key, "expected " + describe(expected) + ", got \"" + s + "\" (" + describe(q.dim) + ")");
  // A bound far above any real corridor (1e12 s is 31,700 years; 1e12 TEU, 1e12 t) and far enough
  // below the largest double that totals over millions of events stay finite (1e308 TEU gave inf).
  if (!(std::fabs(q.value) <= kMaxMagnitude))
    fail(n, key, "\"" + s + "\" is out of range: at most 1e12 in base units (seconds, metres, tonnes, TEU, wagons, per second)");
  return q;
}

double as_positive(const Node& n, const std::string& key, Dim expected) {
  const Quantity q = as_quantity(n, key, expected);
  if (!(q.value > 0)) fail(n, key, "must be greater than zero, got \"" + n.scalar + "\"");
  return q.value;
}

long as_date(const Node& n, const std::string& key) {
  const std::string& s = scalar(n, key, "a date YYYY-MM-DD").scalar;
  try {
    return parse_date(s);
  } catch (const std::invalid_argument& e) {
    fail(n, key, e.what());
  }
}

const std::vector<Node>& as_list(const Node& n, const std::string& key) {
  if (!n.is_seq()) fail(n, key, std::string("expected a list, got ") + n.kind_word());
  return n.items;
}

std::vector<std::string> as_name_list(const Node& n, const std::string& key) {
  std::vector<std::string> out;
  const auto& items = as_list(n, key);
  for (size_t i = 0; i < items.size(); ++i) out.push_back(as_name(items[i], key + "[" + std::to_string(i) + "]"));
  return out;
}

std::string item_path(const std::string& list_key, const Node& item, size_t index) {
  const Node* name = item.is_map() ? item.find("name") : nullptr;
  return list_key + "[" + (name && name->is_scalar() ? name->scalar : std::to_string(index)) + "]";
}

Distribution as_distribution(const Node& n, const std::string& key, Dim expected) {
  if (n.is_scalar()) {
    const Quantity q = as_quantity(n, key, expected);
    if (q.value < 0) fail(n, key, "must not be negative");
    return Distribution::constant(q.value);
  }
  MapReader r(n, key);
  const std::string kind = as_string(r.required("dist"), r.path("dist"));
  auto param = [&](const char* name) {
    const Node& p = r.required(name);
    const Quantity q = as_quantity(p, r.path(name), expected);
    if (q.value < 0) fail(p, r.path(name), "must not be negative");
    return q.value;
  };
  using K = Distribution::Kind;
  Distribution d;
  if (kind == "constant") {
    d = Distribution::constant(param("value"));
  } else if (kind == "exponential") {
    d = Distribution::exponential(param("mean"));
    if (d.a <= 0) fail(n, key, "an exponential needs a mean above zero");
  } else if (kind == "uniform") {
    d.kind = K::Uniform;
    d.a = param("min");
    d.b = param("max");
    if (d.b < d.a) fail(n, key, "uniform: max is below min");
  } else if (kind == "triangular") {
    d.kind = K::Triangular;
    d.a = param("min");
    d.b = param("mode");
    d.c = param("max");
    if (!(d.a <= d.b && d.b <= d.c)) fail(n, key, "triangular: expected min <= mode <= max");
  } else if (kind == "normal") {
    d.kind = K::Normal;
    d.a = param("mean");
    d.b = param("sd");
    if (d.a <= 0) fail(n, key, "normal (truncated at zero): the mean must be above zero");
  } else if (kind == "lognormal") {
    d.kind = K::Lognormal;
    d.a = param("mean");
    d.b = param("sd");
    if (d.a <= 0) fail(n, key, "lognormal: the mean must be above zero");
  } else if (kind == "empirical") {
    d.kind = K::Empirical;
    const Node& values = r.required("values");
    const auto& items = as_list(values, r.path("values"));
    if (items.empty()) fail(values, r.path("values"), "needs at least one value");
    for (size_t i = 0; i < items.size(); ++i) {
      const Quantity q = as_quantity(items[i], r.path("values") + "[" + std::to_string(i) + "]", expected);
      if (q.value < 0) fail(items[i], r.path("values"), "must not be negative");
      d.values.push_back(q.value);
    }
    if (const Node* w = r.optional("weights")) {
      const auto& ws = as_list(*w, r.path("weights"));
      if (ws.size() != items.size()) fail(*w, r.path("weights"), "needs one weight per value");
      for (size_t i = 0; i < ws.size(); ++i) {
        const double x = as_number(ws[i], r.path("weights"));
        if (!(x >= 0 && x <= kMaxMagnitude)) fail(ws[i], r.path("weights"), "weights must be from 0 to 1e12");
        d.weights.push_back(x);
      }
      if (std::all_of(d.weights.begin(), d.weights.end(), [](double x) { return x == 0; }))
        fail(*w, r.path("weights"), "at least one weight must be greater than zero (all are 0: no value could be drawn)");
    }
  } else {
    const std::vector<std::string> kinds = {"constant", "exponential", "uniform", "triangular", "normal", "lognormal", "empirical"};
    const std::string hint = closest(kind, kinds);
    fail(*n.find("dist"), r.path("dist"),
         "unknown distribution \"" + kind + "\"" + (hint.empty() ? "" : "; did you mean \"" + hint + "\"?") +
             " (one of: constant, exponential, uniform, triangular, normal, lognormal, empirical)");
  }
  r.finish();
  return d;
}

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string closest(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

}  // namespace sim
