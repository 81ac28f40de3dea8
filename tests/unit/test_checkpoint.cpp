// Checkpoints, shard partition and merge checks (sim/experiment/checkpoint.h, units.h): no simulation.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "sim/experiment/checkpoint.h"
#include "sim/experiment/units.h"

namespace {

std::string temp_path(const std::string& name) {
  return "/tmp/caspian-unit-ckpt-" + std::to_string(::getpid()) + "-" + name;
}

sim::CheckpointHeader header(const std::string& identity, std::uint64_t units, sim::Shard shard = {}) {
  return {identity, units, shard, "/tmp", {"run", "x.yaml", "-n", std::to_string(units)}};
}

std::uintmax_t size_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  return static_cast<std::uintmax_t>(in.tellg());
}

}  // namespace

TEST_CASE("every unit belongs to exactly one shard, and shards are near equal") {
  for (std::uint64_t n = 1; n <= 7; ++n)
    for (std::uint64_t u = 0; u < 50; ++u) {
      int owners = 0;
      for (std::uint64_t k = 1; k <= n; ++k) owners += sim::Shard{k, n}.owns(u);
      CHECK(owners == 1);
    }
  CHECK(sim::Shard{}.owns(12345));  // no sharding: all
  CHECK(sim::Shard{2, 3}.owns(1));
  CHECK_FALSE(sim::Shard{2, 3}.owns(2));
}

TEST_CASE("a shard counts the units it owns, as owns() assigns them") {
  for (std::uint64_t n = 1; n <= 7; ++n)
    for (std::uint64_t k = 1; k <= n; ++k)
      for (std::uint64_t units = 0; units < 30; ++units) {
        std::uint64_t counted = 0;
        for (std::uint64_t u = 0; u < units; ++u) counted += sim::Shard{k, n}.owns(u);
        CHECK(sim::Shard{k, n}.owned(units) == counted);
      }
  CHECK(sim::Shard{}.owned(9) == 9);
}

TEST_CASE("shard K/N options are parsed strictly") {
  const auto s = sim::parse_shard("3/8");
  CHECK((s.k == 3 && s.n == 8));
  for (const char* bad : {"0/3", "4/3", "3", "/3", "1/", "a/b", "1/0", "-1/3", "1/3x", "99999999999/1"})
    CHECK_THROWS_AS(sim::parse_shard(bad), sim::CheckpointError);
}

TEST_CASE("a checkpoint keeps its units, and a torn last record is dropped and rewritten") {
  const auto path = temp_path("torn");
  std::remove(path.c_str());
  {
    sim::Checkpoint c(path, header("abc", 5), false);
    c.append(3, {true, std::string("three\0bytes", 11), ""});
    c.append(0, {false, "", "the worker died"});
    c.append(4, {true, "four", ""});
  }
  {  // tear the last record, and leave junk after it
    const auto full = size_of(path);
    REQUIRE(::truncate(path.c_str(), static_cast<off_t>(full - 2)) == 0);
    std::ofstream(path, std::ios::app | std::ios::binary) << "junk";
  }
  {
    sim::Checkpoint c(path, header("abc", 5), true);
    REQUIRE(c.done().size() == 2);
    CHECK(c.done().at(3).output == std::string("three\0bytes", 11));
    CHECK((!c.done().at(0).ok && c.done().at(0).error == "the worker died"));
    c.append(4, {true, "four again", ""});  // appended after the cut, not after the junk
  }
  const auto [h, units] = sim::read_checkpoint(path);
  CHECK(h.identity == "abc");
  CHECK(h.command.size() == 4);
  REQUIRE(units.size() == 3);
  CHECK(units.at(4).output == "four again");
  std::remove(path.c_str());
}

TEST_CASE("an existing checkpoint needs --resume, and only its own experiment may resume it") {
  const auto path = temp_path("foreign");
  std::remove(path.c_str());
  { sim::Checkpoint c(path, header("abc", 5), false); }
  CHECK_THROWS_WITH(sim::Checkpoint(path, header("abc", 5), false), Catch::Contains("--resume"));
  CHECK_THROWS_WITH(sim::Checkpoint(path, header("xyz", 5), true), Catch::Contains("different experiment"));
  CHECK_THROWS_WITH(sim::Checkpoint(path, header("abc", 6), true), Catch::Contains("different experiment"));
  CHECK_THROWS_WITH(sim::Checkpoint(path, header("abc", 5, {1, 2}), true), Catch::Contains("different experiment"));
  std::ofstream(path, std::ios::binary | std::ios::trunc) << "not a checkpoint at all";
  CHECK_THROWS_WITH(sim::Checkpoint(path, header("abc", 5), true), Catch::Contains("not a readable caspian checkpoint"));
  std::remove(path.c_str());
}

TEST_CASE("a checkpoint of an older format is refused, naming both formats") {
  const auto path = temp_path("old");
  {  // a header record of format 1, framed as the file frames every record: length, FNV-1a, payload
    std::string payload;
    const auto put_str = [&](const std::string& t) {
      const std::uint64_t n = t.size();
      payload.append(reinterpret_cast<const char*>(&n), sizeof n);
      payload += t;
    };
    put_str("caspian-checkpoint/1");
    put_str("abc");
    const std::uint64_t n = payload.size(), sum = std::stoull(sim::hash_hex(payload), nullptr, 16);
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(&n), sizeof n);
    out.write(reinterpret_cast<const char*>(&sum), sizeof sum);
    out << payload;
  }
  try {
    sim::Checkpoint c(path, header("abc", 5), true);
    FAIL("an old checkpoint was accepted");
  } catch (const sim::CheckpointError& e) {
    const std::string what = e.what();
    CHECK(what.find("caspian-checkpoint/1") != std::string::npos);
    CHECK(what.find("caspian-checkpoint/4") != std::string::npos);
    CHECK(what.find("without --resume") != std::string::npos);
  }
  std::remove(path.c_str());
}

TEST_CASE("merge_shards takes complete shards of one experiment, each once") {
  const std::uint64_t units = 7, n = 3;
  std::vector<std::string> paths;
  for (std::uint64_t k = 1; k <= n; ++k) {
    paths.push_back(temp_path("shard" + std::to_string(k)));
    std::remove(paths.back().c_str());
    sim::Checkpoint c(paths.back(), header("abc", units, {k, n}), false);
    for (std::uint64_t u = 0; u < units; ++u)
      if (u % n == k - 1) c.append(u, {true, "unit " + std::to_string(u), ""});
  }
  sim::CheckpointHeader h;
  const auto all = sim::merge_shards({paths[2], paths[0], paths[1]}, h);
  REQUIRE(all.size() == units);
  for (std::uint64_t u = 0; u < units; ++u) CHECK(all.at(u).output == "unit " + std::to_string(u));
  CHECK_THROWS_WITH(sim::merge_shards({paths[0], paths[2]}, h), Catch::Contains("missing shard 2/3"));
  CHECK_THROWS_WITH(sim::merge_shards({paths[0], paths[1], paths[1], paths[2]}, h), Catch::Contains("duplicate shard 2/3"));
  const auto foreign = temp_path("foreign-shard");
  std::remove(foreign.c_str());
  { sim::Checkpoint c(foreign, header("xyz", units, {2, n}), false); }
  CHECK_THROWS_WITH(sim::merge_shards({paths[0], foreign, paths[2]}, h), Catch::Contains("different experiment"));
  std::remove(foreign.c_str());
  { sim::Checkpoint c(foreign, header("abc", units, {2, n}), false); }  // the right shard, but empty
  CHECK_THROWS_WITH(sim::merge_shards({paths[0], foreign, paths[2]}, h), Catch::Contains("incomplete"));
  std::remove(foreign.c_str());
  for (const auto& p : paths) std::remove(p.c_str());
}
