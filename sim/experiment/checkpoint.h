#pragma once
// A checkpoint: the finished units of an experiment of N independent units (replications, sweep
// points x replications, alternatives x replications), appended one record at a time beside the
// output so that an interrupted experiment resumes where it stopped. A shard file is the same
// format: the complete checkpoint of the units one shard owns.
//
// File: a header record, then one record per finished unit. Every record is framed as
// [u64 payload length][u64 FNV-1a of the payload][payload], so a record torn by a crash (the last
// one) is detected and dropped on reading.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/experiment/parallel.h"

namespace sim {

// A checkpoint that does not fit the command (another experiment's, one that exists without
// --resume, shards that do not make a whole): the command line maps it to exit 2 (usage).
class CheckpointError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Shard K of N (K from 1) owns the units u with u % N == K - 1: a deterministic partition that
// spreads every sweep point and alternative over all shards. N == 0: no sharding (owns all).
struct Shard {
  std::uint64_t k = 0, n = 0;
  bool active() const { return n > 0; }
  bool owns(std::uint64_t unit) const { return !active() || unit % n == k - 1; }
  // How many of UNITS this shard computes.
  std::uint64_t owned(std::uint64_t units) const { return !active() ? units : units < k ? 0 : (units - k) / n + 1; }
  std::string str() const { return std::to_string(k) + "/" + std::to_string(n); }
};
// "K/N" with 1 <= K <= N; throws CheckpointError naming what was expected.
Shard parse_shard(const std::string& text);

struct CheckpointHeader {
  std::string identity;              // hash of everything that determines the results (see models/run/experiment.h)
  std::uint64_t units = 0;           // units of the whole experiment
  Shard shard;                       // which units this file holds (none: all of them)
  std::string cwd;                   // where the command ran
  std::vector<std::string> command;  // its arguments after the program name, so merge can repeat it
};

// "caspian ARGS...": the command that wrote a checkpoint, for messages.
std::string command_line(const CheckpointHeader& header);

using UnitOutcomes = std::map<std::uint64_t, TaskOutcome>;

// FNV-1a, 64 bits, as 16 hex digits.
std::string hash_hex(const std::string& text);

class Checkpoint {
 public:
  // Creates PATH with HEADER. An existing PATH is refused unless RESUME; with RESUME, its units are
  // read (a torn last record is cut off) after its identity and shard are checked against HEADER.
  Checkpoint(std::string path, CheckpointHeader header, bool resume);
  ~Checkpoint();
  Checkpoint(const Checkpoint&) = delete;
  Checkpoint& operator=(const Checkpoint&) = delete;

  const UnitOutcomes& done() const { return done_; }
  UnitOutcomes take() { return std::move(done_); }  // the units, moved out (the file is unchanged)
  const std::string& path() const { return path_; }
  // Appends a finished unit (ok, or failed by throwing: never a killed worker); flushed to disk (fdatasync) at most every second and on sync().
  void append(std::uint64_t unit, const TaskOutcome& outcome);
  void sync();
  void remove();  // the result file is complete: the checkpoint is no longer needed

 private:
  std::string path_;
  CheckpointHeader header_;
  UnitOutcomes done_;
  int fd_ = -1;
  double last_sync_ = 0;
};

// Reads a whole checkpoint or shard file (a torn last record is ignored). Throws CheckpointError.
std::pair<CheckpointHeader, UnitOutcomes> read_checkpoint(const std::string& path);

}  // namespace sim
