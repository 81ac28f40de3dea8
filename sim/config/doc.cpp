#include "sim/config/doc.h"

#include <yaml-cpp/yaml.h>

#include <climits>
#include <cstdlib>
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace sim {

const Node* Node::find(const std::string& key) const {
  for (const auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

Node* Node::find(const std::string& key) {
  for (auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

const char* Node::kind_word() const {
  switch (kind) {
    case Kind::Null: return "empty";
    case Kind::Scalar: return "a single value";
    case Kind::Seq: return "a list";
    case Kind::Map: return "a mapping";
  }
  return "?";
}

namespace {

Where where_of(const YAML::Mark& m, const std::string& file) { return {file, m.line + 1, m.column + 1}; }

Node convert(const YAML::Node& y, const std::string& file) {
  Node n;
  n.where = where_of(y.Mark(), file);
  switch (y.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null: n.kind = Node::Kind::Null; break;
    case YAML::NodeType::Scalar:
      n.kind = Node::Kind::Scalar;
      n.scalar = y.Scalar();
      break;
    case YAML::NodeType::Sequence:
      n.kind = Node::Kind::Seq;
      for (const auto& item : y) n.items.push_back(convert(item, file));
      break;
    case YAML::NodeType::Map:
      n.kind = Node::Kind::Map;
      for (const auto& kv : y) {
        if (!kv.first.IsScalar())
          throw ScenarioError(where_of(kv.first.Mark(), file), "", "a key must be a plain name");
        const std::string key = kv.first.Scalar();
        if (n.find(key))
          throw ScenarioError(where_of(kv.first.Mark(), file), key, "this key appears twice in the same mapping");
        n.entries.emplace_back(key, convert(kv.second, file));
        // A key with no value has no useful mark of its own: point at the key instead.
        if (n.entries.back().second.kind == Node::Kind::Null) n.entries.back().second.where = where_of(kv.first.Mark(), file);
      }
      break;
  }
  return n;
}

Node parse_text(const std::string& text, const std::string& file) {
  try {
    const YAML::Node y = YAML::Load(text);
    Node n = convert(y, file);
    if (n.kind == Node::Kind::Null) n.kind = Node::Kind::Map;  // an empty file is an empty scenario
    return n;
  } catch (const YAML::ParserException& e) {
    throw ScenarioError(where_of(e.mark, file), "", "YAML syntax error: " + e.msg);
  }
}

std::string read_file(const std::string& path, const Where& from) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError(from, "", "cannot open scenario file \"" + path + "\"");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string dir_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

bool is_named_list(const Node& n) {
  if (!n.is_seq() || n.items.empty()) return false;
  return std::all_of(n.items.begin(), n.items.end(),
                     [](const Node& i) { return i.is_map() && i.find("name") && i.find("name")->is_scalar(); });
}

bool removes(const Node& item) {
  const Node* r = item.find("remove");
  return r && r->is_scalar() && (r->scalar == "true" || r->scalar == "yes");
}

void resolve(Document& doc, Node& root, const std::string& path, std::set<std::string>& chain, const std::string& text);

// The same file reached by two spellings (sub/../a.yaml) is the same file: compare canonical paths.
std::string canonical(const std::string& path) {
  char buf[PATH_MAX];
  return realpath(path.c_str(), buf) ? std::string(buf) : path;
}

Node load_with_extends(Document& doc, const std::string& path, const Where& from, std::set<std::string>& chain) {
  if (chain.count(canonical(path))) throw ScenarioError(from, "extends", "\"" + path + "\" extends itself (a cycle)");
  const std::string text = read_file(path, from);
  Node root = parse_text(text, path);
  resolve(doc, root, path, chain, text);
  return root;
}

void resolve(Document& doc, Node& root, const std::string& path, std::set<std::string>& chain, const std::string& text) {
  doc.sources.emplace_back(path, text);
  if (!root.is_map()) throw ScenarioError(root.where, "", "a scenario must be a mapping of keys, not " + std::string(root.kind_word()));
  auto it = std::find_if(root.entries.begin(), root.entries.end(), [](const auto& e) { return e.first == "extends"; });
  if (it == root.entries.end()) return;
  const Node ext = it->second;
  root.entries.erase(it);
  if (!ext.is_scalar()) throw ScenarioError(ext.where, "extends", "expected the path of a base scenario file");
  const std::string base_path = ext.scalar.size() && ext.scalar[0] == '/' ? ext.scalar : dir_of(path) + ext.scalar;
  chain.insert(canonical(path));
  Node base = load_with_extends(doc, base_path, ext.where, chain);
  chain.erase(canonical(path));
  merge_into(base, root);
  root = std::move(base);
}

}  // namespace

void merge_into(Node& base, const Node& overlay) {
  if (base.is_map() && overlay.is_map()) {
    for (const auto& [key, value] : overlay.entries) {
      if (Node* existing = base.find(key))
        merge_into(*existing, value);
      else
        base.entries.emplace_back(key, value);
    }
    return;
  }
  if (is_named_list(base) && is_named_list(overlay)) {
    for (const Node& item : overlay.items) {
      const std::string& name = item.find("name")->scalar;
      auto same = std::find_if(base.items.begin(), base.items.end(),
                               [&](const Node& b) { return b.find("name")->scalar == name; });
      if (removes(item)) {
        if (same == base.items.end())
          throw ScenarioError(item.where, "remove", "no item named \"" + name + "\" to remove in the base scenario");
        base.items.erase(same);
      } else if (same != base.items.end()) {
        merge_into(*same, item);
      } else {
        base.items.push_back(item);
      }
    }
    return;
  }
  base = overlay;
}

void apply_set(Node& root, const std::string& assignment) {
  const Where where{"--set " + assignment, 0, 0};
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw ScenarioError(where, "", "expected key.path=value");
  const std::string path = assignment.substr(0, eq);
  Node value;
  try {
    value = convert(YAML::Load(assignment.substr(eq + 1)), where.file);
  } catch (const YAML::ParserException& e) {
    throw ScenarioError(where, path, "the value is not valid YAML: " + e.msg);
  }
  auto set_where = [&](Node& n, auto& self) -> void {
    n.where = where;
    for (auto& i : n.items) self(i, self);
    for (auto& e : n.entries) self(e.second, self);
  };
  set_where(value, set_where);

  Node* cur = &root;
  std::string walked;
  size_t pos = 0;
  while (true) {
    const auto dot = path.find('.', pos);
    const std::string seg = path.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
    walked += (walked.empty() ? "" : ".") + seg;
    if (seg.empty()) throw ScenarioError(where, path, "empty segment in the key path");
    Node* next = nullptr;
    if (cur->is_map()) {
      next = cur->find(seg);
      if (!next) {
        if (dot != std::string::npos) throw ScenarioError(where, walked, "no such key in the scenario");
        cur->entries.emplace_back(seg, Node{});
        next = &cur->entries.back().second;
      }
    } else if (cur->is_seq()) {
      for (auto& item : cur->items)
        if (item.is_map() && item.find("name") && item.find("name")->scalar == seg) next = &item;
      if (!next && !seg.empty() && std::all_of(seg.begin(), seg.end(), ::isdigit) && std::stoul(seg) < cur->items.size())
        next = &cur->items[std::stoul(seg)];
      if (!next) throw ScenarioError(where, walked, "no list item named or numbered \"" + seg + "\"");
    } else {
      throw ScenarioError(where, walked, "cannot descend into " + std::string(cur->kind_word()));
    }
    cur = next;
    if (dot == std::string::npos) break;
    pos = dot + 1;
  }
  *cur = value;
}

Document load_document(const std::string& path, const std::vector<std::string>& sets) {
  Document doc;
  std::set<std::string> chain;
  doc.root = load_with_extends(doc, path, Where{"command line", 0, 0}, chain);
  for (const auto& s : sets) apply_set(doc.root, s);
  doc.sets = sets;
  return doc;
}

Document load_overlay(const std::string& base, const std::string& overlay, const std::vector<std::string>& sets) {
  Document doc;
  std::set<std::string> chain;
  doc.root = load_with_extends(doc, base, Where{"command line (--onto)", 0, 0}, chain);
  const std::string text = read_file(overlay, Where{"command line", 0, 0});
  Node top = parse_text(text, overlay);
  if (!top.is_map()) throw ScenarioError(top.where, "", "a scenario must be a mapping of keys, not " + std::string(top.kind_word()));
  top.entries.erase(std::remove_if(top.entries.begin(), top.entries.end(), [](const auto& e) { return e.first == "extends"; }),
                    top.entries.end());
  doc.sources.emplace_back(overlay, text);
  merge_into(doc.root, top);
  for (const auto& s : sets) apply_set(doc.root, s);
  doc.sets = sets;
  return doc;
}

Document load_document_text(const std::string& text, const std::string& name, const std::vector<std::string>& sets) {
  Document doc;
  std::set<std::string> chain;
  doc.root = parse_text(text, name);
  resolve(doc, doc.root, name, chain, text);
  for (const auto& s : sets) apply_set(doc.root, s);
  doc.sets = sets;
  return doc;
}

namespace {
void emit(YAML::Emitter& out, const Node& n) {
  switch (n.kind) {
    case Node::Kind::Null: out << YAML::Null; break;
    case Node::Kind::Scalar: out << n.scalar; break;
    case Node::Kind::Seq:
      out << YAML::BeginSeq;
      for (const auto& i : n.items) emit(out, i);
      out << YAML::EndSeq;
      break;
    case Node::Kind::Map:
      out << YAML::BeginMap;
      for (const auto& [k, v] : n.entries) {
        out << YAML::Key << k << YAML::Value;
        emit(out, v);
      }
      out << YAML::EndMap;
      break;
  }
}
}  // namespace

std::string to_yaml(const Node& node) {
  YAML::Emitter out;
  emit(out, node);
  return std::string(out.c_str()) + "\n";
}

}  // namespace sim
