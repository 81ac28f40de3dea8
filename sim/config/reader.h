#pragma once
// Typed, position-aware access to a scenario document. Config structs are filled through this, so
// every mistake is reported with file:line:col, the key path, and what was expected.
#include <string>
#include <vector>

#include "sim/config/doc.h"
#include "sim/core/random.h"
#include "sim/core/units.h"

namespace sim {

// What a key of a scenario means: the documentation `caspian describe` prints, and the list a parser
// is held to (a parser that reads a key it does not document is a bug, caught the first time it runs).
struct KeyDoc {
  std::string key;
  std::string value;     // what is expected, with an example: "a duration like 20h"
  std::string presence;  // "required", "optional", "optional, default 1", "one of running_time | distance+speed"
  std::string description;
};
using KeyDocs = std::vector<KeyDoc>;

class MapReader {
 public:
  MapReader(const Node& node, std::string path);
  // Holds the reader to these documented keys (several lists may be declared: common + own).
  void declare(const KeyDocs& docs) { declared_.push_back(&docs); }
  // A key that must be present / may be absent. Both mark the key as known.
  const Node& required(const std::string& key);
  const Node* optional(const std::string& key);
  // Child path for error messages: "services[china_europe].teu".
  std::string path(const std::string& key) const;
  const Node& node() const { return node_; }
  // Reports the first key that was never asked for, with the closest known key as a hint.
  void finish() const;

 private:
  const Node& node_;
  std::string path_;
  std::vector<std::string> known_;
  std::vector<const KeyDocs*> declared_;
};

[[noreturn]] void fail(const Node& at, const std::string& key, const std::string& message);

std::string as_string(const Node& n, const std::string& key);
std::string as_name(const Node& n, const std::string& key);  // identifier: letters, digits, _ and -
double as_number(const Node& n, const std::string& key);
int as_int(const Node& n, const std::string& key, int min, int max);
bool as_bool(const Node& n, const std::string& key);
// At most kMaxMagnitude in absolute value, in base units: anything larger overflows run totals.
inline constexpr double kMaxMagnitude = 1e12;
Quantity as_quantity(const Node& n, const std::string& key, Dim expected);
double as_positive(const Node& n, const std::string& key, Dim expected);  // > 0, internal units
long as_date(const Node& n, const std::string& key);
// A constant ("20h") or {dist: exponential, mean: 20h} etc.; all parameters in the expected dimension.
Distribution as_distribution(const Node& n, const std::string& key, Dim expected);
const std::vector<Node>& as_list(const Node& n, const std::string& key);
std::vector<std::string> as_name_list(const Node& n, const std::string& key);
// "services[2]" or, when the item has a name, "services[china_europe]".
std::string item_path(const std::string& list_key, const Node& item, size_t index);

// Closest candidate by edit distance, or "" when none is close enough to be a likely typo.
std::string closest(const std::string& word, const std::vector<std::string>& candidates);
size_t edit_distance(const std::string& a, const std::string& b);

}  // namespace sim
