// Scenario documents: located trees, merging, `extends:`, --set overrides, and YAML output.
#include <catch2/catch.hpp>

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "sim/config/doc.h"

using Catch::Matchers::Contains;
using sim::Node;
using sim::ScenarioError;

namespace {

Node parse(const std::string& text, const std::string& name = "mem.yaml") {
  return sim::load_document_text(text, name).root;
}

// Structural equality, ignoring positions.
bool same_tree(const Node& a, const Node& b) {
  if (a.kind != b.kind || a.scalar != b.scalar || a.items.size() != b.items.size() || a.entries.size() != b.entries.size())
    return false;
  for (size_t i = 0; i < a.items.size(); ++i)
    if (!same_tree(a.items[i], b.items[i])) return false;
  for (size_t i = 0; i < a.entries.size(); ++i)
    if (a.entries[i].first != b.entries[i].first || !same_tree(a.entries[i].second, b.entries[i].second)) return false;
  return true;
}

// Names of the items of a named list, in order.
std::vector<std::string> names(const Node& list) {
  std::vector<std::string> out;
  for (const auto& i : list.items) out.push_back(i.find("name")->scalar);
  return out;
}

// The ScenarioError that F throws; fails the test if it throws nothing.
template <class F>
ScenarioError error_of(F f) {
  try {
    f();
  } catch (const ScenarioError& e) {
    return e;
  }
  FAIL("no ScenarioError was thrown");
  throw;  // unreachable
}

// A fresh directory for scenario files, removed with its files at the end of the test.
struct TempDir {
  std::string path;
  std::vector<std::string> files, dirs;
  TempDir() {
    char tmpl[] = "/tmp/caspian_doc_XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    path = tmpl;
  }
  std::string write(const std::string& name, const std::string& text) {
    const std::string p = path + "/" + name;
    std::ofstream(p) << text;
    files.push_back(p);
    return p;
  }
  void subdir(const std::string& name) {
    REQUIRE(mkdir((path + "/" + name).c_str(), 0700) == 0);
    dirs.push_back(path + "/" + name);
  }
  ~TempDir() {
    for (auto it = files.rbegin(); it != files.rend(); ++it) std::remove(it->c_str());
    for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) rmdir(it->c_str());
    rmdir(path.c_str());
  }
};

const char* kBase = R"(name: base
start: 2025-01-01
stages:
  - name: line
    type: rail_section
    running_time: 1d
  - name: terminal
    type: terminal
    servers: 1
services:
  - name: shuttle
    every: 2d
    route: [line, terminal]
)";

}  // namespace

TEST_CASE("a loaded tree remembers the file, line and column of each value", "[doc]") {
  const Node root = parse(kBase, "base.yaml");
  REQUIRE(root.is_map());
  const Node* start = root.find("start");
  REQUIRE(start);
  CHECK(start->scalar == "2025-01-01");
  CHECK(start->where.file == "base.yaml");
  CHECK(start->where.line == 2);
  CHECK(start->where.col == 8);
  const Node& terminal = root.find("stages")->items.at(1);
  CHECK(terminal.where.line == 7);  // a map in a list starts at its first key
  CHECK(terminal.where.col == 5);
  const Node* servers = terminal.find("servers");
  CHECK(servers->where.line == 9);
  CHECK(servers->where.col == 14);
  const Node& route1 = root.find("services")->items.at(0).find("route")->items.at(1);
  CHECK(route1.scalar == "terminal");
  CHECK(route1.where.line == 13);
  CHECK(route1.where.col == 19);
  // Keys keep their file order.
  CHECK(root.entries.at(0).first == "name");
  CHECK(root.entries.at(3).first == "services");
  CHECK(root.where.str() == "base.yaml:1:1");
}

TEST_CASE("an empty key's position is the key's own", "[doc]") {
  const Node root = parse("a: 1\nempty:\nb: 2\n");
  const Node* empty = root.find("empty");
  REQUIRE(empty);
  CHECK(empty->kind == Node::Kind::Null);
  CHECK(empty->where.line == 2);
  CHECK(empty->where.col == 1);
}

TEST_CASE("a key given twice in one mapping is an error at the second one", "[doc]") {
  const auto e = error_of([] { parse("name: x\nstages:\n  - name: a\n    servers: 1\n    servers: 2\n", "dup.yaml"); });
  CHECK(e.where.file == "dup.yaml");
  CHECK(e.where.line == 5);
  CHECK(e.where.col == 5);
  CHECK(e.key == "servers");
  CHECK_THAT(e.message, Contains("appears twice"));
}

TEST_CASE("a scenario must be a mapping", "[doc]") {
  const auto e = error_of([] { parse("- a\n- b\n", "list.yaml"); });
  CHECK(e.where.line == 1);
  CHECK_THAT(e.message, Contains("must be a mapping"));
  CHECK(parse("").is_map());  // an empty file is an empty scenario
}

TEST_CASE("merge_into: maps merge key by key, scalars and plain lists are replaced", "[doc]") {
  Node base = parse("a: 1\nb: {x: 1, y: 2}\nl: [1, 2, 3]\n");
  const Node overlay = parse("b: {y: 20, z: 30}\nl: [9]\nc: new\n");
  sim::merge_into(base, overlay);
  const Node expected = parse("a: 1\nb: {x: 1, y: 20, z: 30}\nl: [9]\nc: new\n");
  CHECK(same_tree(base, expected));
}

TEST_CASE("merge_into: named lists merge by name, append new names, drop `remove: true`", "[doc]") {
  Node base = parse(kBase);
  const Node overlay = parse(R"(
stages:
  - name: terminal
    servers: 3
  - name: border
    type: border
  - name: line
    remove: true
)");
  sim::merge_into(base, overlay);
  const Node& stages = *base.find("stages");
  CHECK(names(stages) == std::vector<std::string>{"terminal", "border"});
  const Node& terminal = stages.items[0];
  CHECK(terminal.find("servers")->scalar == "3");
  CHECK(terminal.find("type")->scalar == "terminal");  // kept from the base
  CHECK(stages.items[1].find("type")->scalar == "border");
  // Untouched parts of the base stay as they were.
  CHECK(names(*base.find("services")) == std::vector<std::string>{"shuttle"});
}

TEST_CASE("merge_into: removing a name the base lacks is an error", "[doc]") {
  Node base = parse(kBase);
  const Node overlay = parse("stages:\n  - name: ferry\n    remove: true\n", "over.yaml");
  const auto e = error_of([&] { sim::merge_into(base, overlay); });
  CHECK(e.where.file == "over.yaml");
  CHECK(e.where.line == 2);
  CHECK_THAT(e.message, Contains("no item named \"ferry\""));
}

TEST_CASE("merge_into: a list of maps without names is replaced as a whole", "[doc]") {
  Node base = parse("changes:\n  - {date: 2025-01-01, servers: 1}\n  - {date: 2025-02-01, servers: 2}\n");
  sim::merge_into(base, parse("changes:\n  - {date: 2025-03-01, servers: 3}\n"));
  REQUIRE(base.find("changes")->items.size() == 1);
  CHECK(base.find("changes")->items[0].find("servers")->scalar == "3");
}

TEST_CASE("extends: a file overlays the file it extends", "[doc]") {
  TempDir dir;
  dir.write("base.yaml", kBase);
  const std::string child = dir.write("child.yaml", R"(extends: base.yaml
name: child
stages:
  - name: terminal
    servers: 2
)");
  const sim::Document doc = sim::load_document(child);
  const Node& root = doc.root;
  CHECK(root.find("extends") == nullptr);
  CHECK(root.find("name")->scalar == "child");
  CHECK(root.find("start")->scalar == "2025-01-01");
  const Node& terminal = root.find("stages")->items.at(1);
  CHECK(terminal.find("servers")->scalar == "2");
  // Each value still points at the file it came from.
  CHECK(terminal.find("servers")->where.file == child);
  CHECK(terminal.find("servers")->where.line == 5);
  CHECK(root.find("start")->where.file == dir.path + "/base.yaml");
  CHECK(root.find("start")->where.line == 2);
  REQUIRE(doc.sources.size() == 2);
}

TEST_CASE("extends: a chain of three files", "[doc]") {
  TempDir dir;
  dir.write("a.yaml", "x: 1\ny: 1\nz: 1\n");
  dir.write("b.yaml", "extends: a.yaml\ny: 2\nz: 2\n");
  const std::string c = dir.write("c.yaml", "extends: b.yaml\nz: 3\n");
  const Node root = sim::load_document(c).root;
  CHECK(same_tree(root, parse("x: 1\ny: 2\nz: 3\n")));
}

TEST_CASE("extends: a cycle is an error, not endless recursion", "[doc]") {
  TempDir dir;
  const std::string a = dir.write("a.yaml", "extends: b.yaml\nx: 1\n");
  const std::string b = dir.write("b.yaml", "y: 2\nextends: a.yaml\n");
  const auto e = error_of([&] { sim::load_document(a); });
  CHECK(e.key == "extends");
  CHECK(e.where.file == b);
  CHECK(e.where.line == 2);
  CHECK_THAT(e.message, Contains("cycle"));

  const std::string self = dir.write("self.yaml", "extends: self.yaml\n");
  CHECK_THROWS_WITH(sim::load_document(self), Contains("cycle"));
}

TEST_CASE("extends: a cycle through a subdirectory and .. is reported as a cycle", "[doc]") {
  // The chain compares path spellings, so dir/a.yaml -> dir/sub/b.yaml -> dir/sub/../a.yaml ... never
  // repeats a spelling; it recurses until the path is too long to open.
  TempDir dir;
  dir.subdir("sub");
  const std::string a = dir.write("a.yaml", "extends: sub/b.yaml\nx: 1\n");
  dir.write("sub/b.yaml", "extends: ../a.yaml\n");
  const auto e = error_of([&] { sim::load_document(a); });
  INFO("the message begins: " << e.message.substr(0, 100));
  CHECK(e.message.find("cycle") != std::string::npos);
}

TEST_CASE("extends: a missing base file is reported at the extends line", "[doc]") {
  TempDir dir;
  const std::string a = dir.write("a.yaml", "name: a\nextends: nowhere.yaml\n");
  const auto e = error_of([&] { sim::load_document(a); });
  CHECK(e.where.file == a);
  CHECK(e.where.line == 2);
  CHECK_THAT(e.message, Contains("cannot open"));
}

TEST_CASE("apply_set: nested keys, named list items and list indices", "[doc]") {
  const sim::Document doc = sim::load_document_text(
      kBase, "base.yaml", {"services.shuttle.every=3d", "stages.terminal.servers=4", "stages.0.running_time=2d", "seed=9"});
  const Node& root = doc.root;
  const Node* every = root.find("services")->items[0].find("every");
  CHECK(every->scalar == "3d");
  CHECK(every->where.file == "--set services.shuttle.every=3d");
  CHECK(root.find("stages")->items[1].find("servers")->scalar == "4");
  CHECK(root.find("stages")->items[0].find("running_time")->scalar == "2d");
  CHECK(root.find("seed")->scalar == "9");  // a new key at the end of a path is added
  CHECK(doc.sets.size() == 4);
}

TEST_CASE("apply_set: a value may be YAML, e.g. a list or a mapping", "[doc]") {
  Node root = parse(kBase);
  sim::apply_set(root, "services.shuttle.route=[terminal]");
  const Node* route = root.find("services")->items[0].find("route");
  REQUIRE(route->is_seq());
  CHECK(route->items.size() == 1);
  sim::apply_set(root, "stages.terminal.handling_time={dist: exponential, mean: 6h}");
  CHECK(root.find("stages")->items[1].find("handling_time")->find("mean")->scalar == "6h");
}

TEST_CASE("apply_set: paths that do not exist are errors", "[doc]") {
  Node root = parse(kBase);
  auto err = [&](const std::string& set) { return error_of([&] { sim::apply_set(root, set); }); };

  auto e = err("nosuch.key=1");
  CHECK(e.key == "nosuch");
  CHECK_THAT(e.message, Contains("no such key"));
  CHECK(e.where.file == "--set nosuch.key=1");

  e = err("services.ferry.every=3d");
  CHECK(e.key == "services.ferry");
  CHECK_THAT(e.message, Contains("no list item named or numbered \"ferry\""));

  e = err("stages.7.servers=1");
  CHECK(e.key == "stages.7");

  e = err("start.day=3");
  CHECK(e.key == "start.day");
  CHECK_THAT(e.message, Contains("cannot descend"));

  CHECK_THAT(err("seed").message, Contains("expected key.path=value"));
  CHECK_THAT(err("=3").message, Contains("expected key.path=value"));
  CHECK_THAT(err("stages..servers=1").message, Contains("empty segment"));
  CHECK_THAT(err("seed=[1, 2").message, Contains("not valid YAML"));
}

TEST_CASE("to_yaml output loads back to the same tree", "[doc]") {
  const std::string text = std::string(kBase) + R"(
description: "colon: inside, # hash, and 'quotes'"
empty:
quoted_empty: ""
flags: [yes, "no", true, null-ish, "~"]
numbers: {a: 1, b: -2.5e3, c: 007}
nested:
  - {name: x, list: [[1, 2], [3]]}
  - name: y
    multi: "line one\nline two"
)";
  const Node original = parse(text);
  const std::string yaml = sim::to_yaml(original);
  INFO(yaml);
  const Node again = parse(yaml, "again.yaml");
  CHECK(same_tree(original, again));
  // And the output is stable: emitting again gives the same text.
  CHECK(sim::to_yaml(again) == yaml);
}

// ---- Hostile input: bounded time and memory, and no content of files that are not scenarios ----

namespace {
// LEVELS of anchors, each a list of WIDTH aliases to the previous one: WIDTH^LEVELS values in all.
std::string alias_bomb(int levels, int width) {
  std::string text = "a0: &a0 [x]\n";
  for (int i = 1; i < levels; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < width; ++k) text += (k ? ",*a" : "*a") + std::to_string(i - 1);
    text += "]\n";
  }
  return text;
}
}  // namespace

TEST_CASE("aliases: a copy of the anchored value, at the anchor's position", "[doc]") {
  const Node root = parse("base: &b {servers: 2, route: [x, y]}\ncopy: *b\n");
  CHECK(same_tree(*root.find("base"), *root.find("copy")));
  CHECK(root.find("copy")->where.line == 1);
}

TEST_CASE("aliases: a bomb stops at the node limit, where the limit was crossed", "[doc]") {
  // 9^10 values from a few hundred bytes; stops after 100,000 (the floor for small files).
  const auto e = error_of([] { parse(alias_bomb(10, 9), "bomb.yaml"); });
  CHECK(e.where.file == "bomb.yaml");
  // a4 holds 13,942 values (lines 1-5 about 15,700 in all); a5 on line 6 would hold 125,479.
  CHECK(e.where.line == 6);
  CHECK_THAT(e.message, Contains("aliases") && Contains("100000 values"));
}

TEST_CASE("aliases: many small aliases under the limit are fine", "[doc]") {
  const Node root = parse(alias_bomb(4, 9));  // 9^3 = 729 values in the last list
  CHECK(root.find("a3")->items.size() == 9);
}

TEST_CASE("aliases: an alias inside the value it names is an error, not an endless tree", "[doc]") {
  const auto e = error_of([] { parse("a: &a [1, *a]\n"); });
  CHECK_THAT(e.message, Contains("endless"));
}

TEST_CASE("extends: a chain of 64 files loads, 65 is an error naming the depth", "[doc]") {
  TempDir dir;
  auto chain = [&](int files) {
    for (int i = 0; i < files; ++i)
      dir.write("c" + std::to_string(i) + ".yaml",
                i + 1 < files ? "extends: c" + std::to_string(i + 1) + ".yaml\n" : "name: end\n");
    return dir.path + "/c0.yaml";
  };
  CHECK(sim::load_document(chain(64)).root.find("name")->scalar == "end");
  const auto e = error_of([&] { sim::load_document(chain(65)); });
  CHECK(e.key == "extends");
  CHECK(e.where.file == dir.path + "/c63.yaml");
  CHECK_THAT(e.message, Contains("more than 64 files deep (65 here)"));
}

TEST_CASE("extends: only regular .yaml/.yml files, and not a byte of any other", "[doc]") {
  TempDir dir;
  dir.subdir("sub.yaml");
  const std::string to_dir = dir.write("to_dir.yaml", "extends: sub.yaml\n");
  CHECK_THROWS_WITH(sim::load_document(to_dir), Contains("is a directory"));
  const std::string to_dev = dir.write("to_dev.yaml", "extends: /dev/zero\n");
  CHECK_THROWS_WITH(sim::load_document(to_dev), Contains("\"/dev/zero\" is a character device"));

  dir.write("secret", "root:$y$SECRETHASH:19000:0:99999:7:::\n");
  const std::string to_secret = dir.write("to_secret.yaml", "extends: secret\n");
  const auto e = error_of([&] { sim::load_document(to_secret); });
  CHECK(e.where.file == to_secret);
  CHECK_THAT(e.message, Contains("only .yaml and .yml files can be extended"));
  CHECK_THAT(std::string(e.what()), !Contains("SECRETHASH"));
}

TEST_CASE("a scenario file larger than 16 MiB is refused before it is read", "[doc]") {
  TempDir dir;
  const std::string big = dir.write("big.yaml", "");
  REQUIRE(truncate(big.c_str(), (16 << 20) + 1) == 0);
  CHECK_THROWS_WITH(sim::load_document(big), Contains("at most 16 MiB"));
}

TEST_CASE("a syntax error in a file not named .yaml/.yml may not be quoted", "[doc]") {
  CHECK_FALSE(error_of([] { parse("x: [1\n", "notes.txt"); }).show_line);
  CHECK(error_of([] { parse("x: [1\n", "mem.yaml"); }).show_line);
}

TEST_CASE("apply_set: an empty value is an error on the --set", "[doc]") {
  Node root = parse(kBase);
  const auto e = error_of([&] { sim::apply_set(root, "services.shuttle.every="); });
  CHECK(e.where.file == "--set services.shuttle.every=");
  CHECK(e.key == "services.shuttle.every");
  CHECK_THAT(e.message, Contains("empty"));
}

TEST_CASE("merge_into: a removed name may come back, appended, and the order is kept", "[doc]") {
  Node base = parse("s: [{name: a}, {name: b}, {name: c}]\n");
  const Node overlay = parse("s: [{name: b, remove: true}, {name: d}, {name: b, x: 1}, {name: a, y: 2}]\n");
  merge_into(base, overlay);
  const Node& s = *base.find("s");
  CHECK(names(s) == std::vector<std::string>{"a", "c", "d", "b"});
  CHECK(s.items[0].find("y")->scalar == "2");
  CHECK(s.items[3].find("x")->scalar == "1");
  CHECK_THROWS_WITH(merge_into(base, parse("s: [{name: b, remove: true}, {name: b, remove: true}]\n")),
                    Contains("no item named \"b\" to remove"));
}

TEST_CASE("merge_into: two large files merge in linear time", "[doc]") {
  // 50,000 keys and named items over as many: by scanning, 2.5 x 10^9 comparisons each (seconds).
  const int n = 50000;
  std::string base_text = "m:\n", over_text = "m:\n", base_list = "l:\n", over_list = "l:\n";
  for (int i = 0; i < n; ++i) {
    const std::string k = "k" + std::to_string(i);
    base_text += "  " + k + ": 1\n";
    over_text += "  " + k + ": 2\n";
    base_list += "  - {name: " + k + ", v: 1}\n";
    over_list += "  - {name: " + k + ", v: 2}\n";
  }
  Node base = parse(base_text + base_list);
  merge_into(base, parse(over_text + over_list));
  CHECK(base.find("m")->entries.size() == n);
  CHECK(base.find("m")->entries.back().second.scalar == "2");
  CHECK(base.find("l")->items.size() == n);
  CHECK(base.find("l")->items.back().find("v")->scalar == "2");
}

TEST_CASE("aliases: the node limit grows with the file, and dense YAML without aliases stays under it", "[doc]") {
  // 150,000 keys with empty values: 300,000 values, over the floor of 100,000, and no alias.
  std::string keys = "m: {";
  for (int i = 0; i < 150000; ++i) keys += (i ? ",k" : "k") + std::to_string(i);
  keys += "}\n";
  CHECK(parse(keys).find("m")->entries.size() == 150000);
  // The same bomb fits or not depending on the size of the file around it.
  const std::string bomb = alias_bomb(6, 9);  // about 140,000 values in a few hundred bytes
  CHECK_THROWS_WITH(parse(bomb), Contains("aliases"));
  CHECK_NOTHROW(parse(bomb + "# " + std::string(80000, 'x') + "\n"));
}
