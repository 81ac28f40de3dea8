#include "sim/config/doc.h"

#include "sim/core/file_kind.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <istream>
#include <streambuf>
#include <unordered_map>
#include <unordered_set>

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

// Hostile input must fail in bounded time and memory. A scenario is a few hundred kilobytes; these
// limits are far above that and far below what would hurt the machine.
constexpr std::uintmax_t kMaxFileBytes = 16u << 20;  // 16 MiB
constexpr size_t kMaxExtendsDepth = 64;              // each level costs stack (4,500 overflowed it)
// Values in the tree at most. Without aliases YAML holds at most about one value per byte of text
// (`{a,b,c}`: a key and its empty value per two bytes), so twice that leaves room, and only aliases
// go beyond (an alias bomb of 322 bytes expands to millions of values). Per byte, not more: each value
// costs ~150 bytes of memory, and 20 per byte would let a 1 MB file grow to 3 GB.
constexpr size_t kMinNodeLimit = 100000;
constexpr size_t kNodesPerByte = 2;

size_t node_limit(size_t text_bytes) { return std::max(kMinNodeLimit, kNodesPerByte * text_bytes); }

Where where_of(const YAML::Mark& m, const FileName& file) { return {file, m.line + 1, m.column + 1}; }

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The same file reached by two spellings (sub/../a.yaml) is the same file: compare canonical paths.
std::string canonical(const std::string& path) {
  char buf[PATH_MAX];
  return realpath(path.c_str(), buf) ? std::string(buf) : path;
}

// Whether the CLI may show a line of PATH under an error before the file parsed as a scenario: only
// if it is named like one (after symlinks), so that `extends: /etc/shadow` never echoes a line of it.
bool named_like_scenario(const std::string& path) {
  const std::string real = canonical(path);
  return ends_with(real, ".yaml") || ends_with(real, ".yml");
}

// Builds our tree straight from the parser's events. There is no yaml-cpp node tree in between (it
// took several times the file's size), and an alias is a copy of a finished node whose size is known
// before it is made, so an alias bomb is stopped before it takes any memory.
class Builder : public YAML::EventHandler {
 public:
  Builder(FileName file, size_t limit) : file_(std::move(file)), limit_(limit) {}
  Node take_root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add(leaf(mark, Node::Kind::Null, ""), anchor, 1); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    add(leaf(mark, Node::Kind::Scalar, value), anchor, 1);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(mark, Node::Kind::Seq, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(mark, Node::Kind::Map, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {  // a list or mapping whose end has not been seen yet
    Node node;
    YAML::anchor_t anchor = 0;
    size_t nodes_before = 0;                // count_ when it opened: its size is the difference
    bool has_key = false;                   // a mapping's key is waiting for its value
    std::string key;
    Where key_where;
    std::unordered_set<std::string> keys;   // duplicate keys found in constant time, not by scanning
  };
  struct Anchored {
    Node node;
    size_t nodes = 0;
    bool done = false;  // false while the anchored node is still open: `&a [*a]` is no tree
  };

  Node leaf(const YAML::Mark& mark, Node::Kind kind, const std::string& scalar);
  void open(const YAML::Mark& mark, Node::Kind kind, YAML::anchor_t anchor);
  void close();
  void add(Node n, YAML::anchor_t anchor, size_t nodes);
  void add_to_map(Open& map, Node n);
  void count(size_t nodes, const Where& where);

  FileName file_;
  size_t limit_;
  size_t count_ = 0;
  Node root_;
  std::vector<Open> stack_;
  std::vector<Anchored> anchors_;  // by yaml-cpp's anchor number (1, 2, ... within a document)
};

void Builder::count(size_t nodes, const Where& where) {
  count_ += nodes;
  if (count_ > limit_)
    throw ScenarioError(where, "", "YAML aliases (*name) expand to more than " + std::to_string(limit_) +
                                       " values, far beyond what a scenario needs; write the values out instead");
}

Node Builder::leaf(const YAML::Mark& mark, Node::Kind kind, const std::string& scalar) {
  Node n;
  n.kind = kind;
  n.scalar = scalar;
  n.where = where_of(mark, file_);
  count(1, n.where);
  return n;
}

void Builder::open(const YAML::Mark& mark, Node::Kind kind, YAML::anchor_t anchor) {
  Open o;
  o.node.kind = kind;
  o.node.where = where_of(mark, file_);
  count(1, o.node.where);
  o.anchor = anchor;
  o.nodes_before = count_;
  if (anchor) {
    if (anchors_.size() < anchor) anchors_.resize(anchor);
    anchors_[anchor - 1] = Anchored{};
  }
  stack_.push_back(std::move(o));
}

void Builder::close() {
  Open o = std::move(stack_.back());
  stack_.pop_back();
  add(std::move(o.node), o.anchor, count_ - o.nodes_before + 1);
}

void Builder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  const Where where = where_of(mark, file_);
  if (anchor == 0 || anchor > anchors_.size() || !anchors_[anchor - 1].done)
    throw ScenarioError(where, "", "an alias (*name) inside the value it names would make an endless tree");
  const Anchored& a = anchors_[anchor - 1];
  count(a.nodes, where);  // before copying: the limit holds for memory, not only for the count
  add(a.node, 0, a.nodes);
}

void Builder::add(Node n, YAML::anchor_t anchor, size_t nodes) {
  if (anchor) {
    if (anchors_.size() < anchor) anchors_.resize(anchor);
    anchors_[anchor - 1] = Anchored{n, nodes, true};
  }
  if (stack_.empty()) {
    root_ = std::move(n);
  } else if (stack_.back().node.is_seq()) {
    stack_.back().node.items.push_back(std::move(n));
  } else {
    add_to_map(stack_.back(), std::move(n));
  }
}

// Events alternate key, value, key, value... within a mapping.
void Builder::add_to_map(Open& map, Node n) {
  if (!map.has_key) {
    if (!n.is_scalar()) throw ScenarioError(n.where, "", "a key must be a plain name");
    if (!map.keys.insert(n.scalar).second)
      throw ScenarioError(n.where, n.scalar, "this key appears twice in the same mapping");
    map.key = std::move(n.scalar);
    map.key_where = n.where;
    map.has_key = true;
    return;
  }
  // A key with no value has no useful mark of its own: point at the key instead.
  if (n.kind == Node::Kind::Null) n.where = map.key_where;
  map.node.entries.emplace_back(std::move(map.key), std::move(n));
  map.has_key = false;
}

// Reads the text in place: an istringstream would copy it once more.
struct TextBuf : std::streambuf {
  explicit TextBuf(const std::string& text) {
    char* p = const_cast<char*>(text.data());  // only ever read
    setg(p, p, p + text.size());
  }
};

// The first YAML document of TEXT as a tree whose positions name FILE.
Node parse_yaml(const std::string& text, const FileName& file) {
  TextBuf buf(text);
  std::istream in(&buf);
  YAML::Parser parser(in);
  Builder builder(file, node_limit(text.size()));
  parser.HandleNextDocument(builder);
  return builder.take_root();
}

Node parse_text(const std::string& text, const std::string& file) {
  const FileName name(file);
  try {
    Node n = parse_yaml(text, name);
    if (n.kind == Node::Kind::Null) n.kind = Node::Kind::Map;  // an empty file is an empty scenario
    return n;
  } catch (const YAML::ParserException& e) {
    ScenarioError error(where_of(e.mark, name), "", "YAML syntax error: " + e.msg);
    error.show_line = named_like_scenario(file);
    throw error;
  }
}

// Only regular files of a sane size: /dev/zero would be read forever and a FIFO would block.
void check_file(const std::string& path, const struct stat& st, const Where& from) {
  if (!S_ISREG(st.st_mode))
    throw ScenarioError(from, "", "\"" + path + "\" is " + file_kind(st.st_mode) + ", not a scenario file");
  if (static_cast<std::uintmax_t>(st.st_size) > kMaxFileBytes)
    throw ScenarioError(from, "", "\"" + path + "\" is " + std::to_string(st.st_size) +
                                      " bytes; a scenario file may be at most 16 MiB");
}

std::string read_file(const std::string& path, const Where& from) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw ScenarioError(from, "", "cannot open scenario file \"" + path + "\": " + std::strerror(errno));
  check_file(path, st, from);  // before open(): opening a FIFO would wait for a writer
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw ScenarioError(from, "", "cannot open scenario file \"" + path + "\": " + std::strerror(errno));
  std::string text;
  try {
    if (::fstat(fd, &st) != 0) st.st_mode = 0;
    check_file(path, st, from);  // the same checks on what was opened, in case the path was swapped
    text.resize(static_cast<size_t>(st.st_size));
    size_t got = 0;
    while (got < text.size()) {  // a file that grows meanwhile is read up to its size at fstat
      const ssize_t n = ::read(fd, &text[got], text.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw ScenarioError(from, "", "cannot read scenario file \"" + path + "\": " + std::strerror(errno));
      if (n == 0) break;
      got += static_cast<size_t>(n);
    }
    text.resize(got);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  return text;
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

// A file that is not a mapping is not a scenario: say so without showing its content, unless it is
// named like a scenario.
void require_mapping(const Node& root, const std::string& path) {
  if (root.is_map()) return;
  ScenarioError error(root.where, "", "a scenario must be a mapping of keys, not " + std::string(root.kind_word()));
  error.show_line = named_like_scenario(path);
  throw error;
}

void resolve(Document& doc, Node& root, const std::string& path, std::vector<std::string>& chain, std::string text);

// `extends:` reaches only files named like scenarios (after symlinks). Any other file is not parsed at
// all: /etc/shadow parses as a mapping whose keys are its lines, and an error about an unknown key
// would then quote a password hash. The file given on the command line is the user's choice and may
// be named anything.
void require_scenario_name(const std::string& path, const Where& from) {
  if (!named_like_scenario(path))
    throw ScenarioError(from, "extends", "\"" + path + "\" is not a scenario file: only .yaml and .yml files can be extended");
}

// CHAIN: canonical paths of the files that extend this one, outermost first.
Node load_with_extends(Document& doc, const std::string& path, const Where& from, std::vector<std::string>& chain) {
  if (std::find(chain.begin(), chain.end(), canonical(path)) != chain.end())
    throw ScenarioError(from, "extends", "\"" + path + "\" extends itself (a cycle)");
  if (chain.size() >= kMaxExtendsDepth)
    throw ScenarioError(from, "extends", "the extends chain is more than " + std::to_string(kMaxExtendsDepth) +
                                             " files deep (" + std::to_string(chain.size() + 1) + " here); at most " +
                                             std::to_string(kMaxExtendsDepth) + " are allowed");
  std::string text = read_file(path, from);
  if (!chain.empty()) require_scenario_name(path, from);
  Node root = parse_text(text, path);
  resolve(doc, root, path, chain, std::move(text));
  return root;
}

// TEXT is kept in doc.sources (moved, not copied: it can be megabytes).
void resolve(Document& doc, Node& root, const std::string& path, std::vector<std::string>& chain, std::string text) {
  require_mapping(root, path);
  doc.sources.emplace_back(path, std::move(text));
  auto it = std::find_if(root.entries.begin(), root.entries.end(), [](const auto& e) { return e.first == "extends"; });
  if (it == root.entries.end()) return;
  const Node ext = it->second;
  root.entries.erase(it);
  if (!ext.is_scalar()) throw ScenarioError(ext.where, "extends", "expected the path of a base scenario file");
  const std::string base_path = ext.scalar.size() && ext.scalar[0] == '/' ? ext.scalar : dir_of(path) + ext.scalar;
  chain.push_back(canonical(path));
  Node base = load_with_extends(doc, base_path, ext.where, chain);
  chain.pop_back();
  merge_into(base, root);
  root = std::move(base);
}

}  // namespace

namespace {

// Merging looks every overlay key up in the base: through an index, so that a file of 100,000 stages
// over another is not 10^10 string comparisons. Keys are unique within a mapping (the loader and
// apply_set see to it), so the first match is the only one.
void merge_maps(Node& base, const Node& overlay) {
  std::unordered_map<std::string, size_t> index;
  index.reserve(base.entries.size());
  for (size_t i = 0; i < base.entries.size(); ++i) index.emplace(base.entries[i].first, i);
  for (const auto& [key, value] : overlay.entries) {
    const auto it = index.find(key);
    if (it != index.end()) {
      merge_into(base.entries[it->second].second, value);
    } else {
      index.emplace(key, base.entries.size());
      base.entries.emplace_back(key, value);
    }
  }
}

// Names need not be unique yet (validation reports that later), so each name keeps the positions of
// its items in order, and an item removed is only marked until the end: the same result as erasing
// the first item of that name at once, without shifting the list for each removal.
void merge_named_lists(Node& base, const Node& overlay) {
  std::unordered_map<std::string, std::deque<size_t>> index;
  for (size_t i = 0; i < base.items.size(); ++i) index[base.items[i].find("name")->scalar].push_back(i);
  std::vector<bool> removed(base.items.size(), false);
  for (const Node& item : overlay.items) {
    const std::string& name = item.find("name")->scalar;
    std::deque<size_t>& same = index[name];
    if (removes(item)) {
      if (same.empty())
        throw ScenarioError(item.where, "remove", "no item named \"" + name + "\" to remove in the base scenario");
      removed[same.front()] = true;
      same.pop_front();
    } else if (!same.empty()) {
      merge_into(base.items[same.front()], item);
    } else {
      same.push_back(base.items.size());
      base.items.push_back(item);
      removed.push_back(false);
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < base.items.size(); ++i) {
    if (removed[i]) continue;
    if (kept != i) base.items[kept] = std::move(base.items[i]);  // moving onto itself would empty it
    ++kept;
  }
  base.items.resize(kept);
}

}  // namespace

void merge_into(Node& base, const Node& overlay) {
  if (base.is_map() && overlay.is_map()) return merge_maps(base, overlay);
  if (is_named_list(base) && is_named_list(overlay)) return merge_named_lists(base, overlay);
  base = overlay;
}

void apply_set(Node& root, const std::string& assignment) {
  const Where where{"--set " + assignment, 0, 0};
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw ScenarioError(where, "", "expected key.path=value");
  const std::string path = assignment.substr(0, eq);
  const std::string text = assignment.substr(eq + 1);
  // Otherwise the key would silently become empty and the complaint land on the file it came from.
  if (text.find_first_not_of(" \t") == std::string::npos)
    throw ScenarioError(where, path, "the value is empty; give one after the = (or ~ to clear it)");
  Node value;
  try {
    value = parse_yaml(text, where.file);
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
  std::vector<std::string> chain;
  doc.root = load_with_extends(doc, path, Where{"command line", 0, 0}, chain);
  for (const auto& s : sets) apply_set(doc.root, s);
  doc.sets = sets;
  return doc;
}

Document load_overlay(const std::string& base, const std::string& overlay, const std::vector<std::string>& sets) {
  Document doc;
  std::vector<std::string> chain;
  doc.root = load_with_extends(doc, base, Where{"command line (--onto)", 0, 0}, chain);
  std::string text = read_file(overlay, Where{"command line", 0, 0});
  Node top = parse_text(text, overlay);
  require_mapping(top, overlay);
  top.entries.erase(std::remove_if(top.entries.begin(), top.entries.end(), [](const auto& e) { return e.first == "extends"; }),
                    top.entries.end());
  doc.sources.emplace_back(overlay, std::move(text));
  merge_into(doc.root, top);
  for (const auto& s : sets) apply_set(doc.root, s);
  doc.sets = sets;
  return doc;
}

Document load_document_text(const std::string& text, const std::string& name, const std::vector<std::string>& sets) {
  Document doc;
  std::vector<std::string> chain;
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
