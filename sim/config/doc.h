#pragma once
// A scenario document: the YAML of a file, its `extends:` chain and `--set` overrides merged into one
// tree in which every node remembers the file, line and column it came from.
#include <string>
#include <utility>
#include <vector>

#include "sim/core/errors.h"

namespace sim {

struct Node {
  enum class Kind { Null, Scalar, Seq, Map };
  Kind kind = Kind::Null;
  std::string scalar;
  std::vector<Node> items;                          // Seq
  std::vector<std::pair<std::string, Node>> entries;  // Map, in file order
  Where where;

  const Node* find(const std::string& key) const;
  Node* find(const std::string& key);
  bool is_map() const { return kind == Kind::Map; }
  bool is_seq() const { return kind == Kind::Seq; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  const char* kind_word() const;  // "a mapping", "a list", "a single value", "empty"
};

struct Document {
  Node root;
  std::vector<std::pair<std::string, std::string>> sources;  // (path, text) of every file read
  std::vector<std::string> sets;                              // --set overrides applied, in order
};

// Reads PATH and everything it extends, applies SETS ("key.path=value"); throws ScenarioError.
Document load_document(const std::string& path, const std::vector<std::string>& sets = {});
// OVERLAY applied onto BASE instead of onto the file its own `extends:` names: any expansion on any base.
Document load_overlay(const std::string& base, const std::string& overlay, const std::vector<std::string>& sets = {});
// Same, from text in memory (tests, and re-running the scenario stored in a result file).
Document load_document_text(const std::string& text, const std::string& name,
                            const std::vector<std::string>& sets = {});

// Overlay rules: maps merge key by key; lists of maps that all have a `name` merge item by item
// (same name: merged; new name: appended; `remove: true`: dropped); anything else is replaced.
void merge_into(Node& base, const Node& overlay);
void apply_set(Node& root, const std::string& assignment);

// The merged document as YAML text (stored in result files, so a run can be repeated from them).
std::string to_yaml(const Node& node);

}  // namespace sim
