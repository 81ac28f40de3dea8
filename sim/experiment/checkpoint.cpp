#include "sim/experiment/checkpoint.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "sim/core/errors.h"

namespace sim {
namespace {

// The format of the file and of the replication results in it (sim/experiment/replication.cpp):
// bumped whenever either changes, so an older file is refused by name instead of misread.
// 2: replications carry monthly transit-time statistics.
// 3: replications carry cost, CO2 and generalized cost per service or flow.
// 4: and the share delivered within the scenario's `transit_within`.
constexpr const char* kMagic = "caspian-checkpoint/4";
constexpr const char* kMagicPrefix = "caspian-checkpoint/";

std::uint64_t fnv1a(const char* p, size_t n) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * 0x100000001b3ULL;
  return h;
}

void put_u64(std::string& b, std::uint64_t v) { b.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_str(std::string& b, const std::string& s) {
  put_u64(b, s.size());
  b += s;
}

// Reads fields of a record's payload; any overrun throws, so a corrupt payload is never half-read.
struct Fields {
  const std::string& b;
  size_t pos = 0;
  std::uint64_t u64() {
    std::uint64_t v;
    if (b.size() - pos < sizeof v) throw std::runtime_error("short record");
    std::memcpy(&v, b.data() + pos, sizeof v);
    pos += sizeof v;
    return v;
  }
  std::string str() {
    const std::uint64_t n = u64();
    if (b.size() - pos < n) throw std::runtime_error("short record");
    std::string s = b.substr(pos, n);
    pos += n;
    return s;
  }
};

std::string frame(const std::string& payload) {
  std::string r;
  put_u64(r, payload.size());
  put_u64(r, fnv1a(payload.data(), payload.size()));
  return r + payload;
}

std::string header_payload(const CheckpointHeader& h) {
  std::string b;
  put_str(b, kMagic);
  put_str(b, h.identity);
  put_u64(b, h.units);
  put_u64(b, h.shard.k);
  put_u64(b, h.shard.n);
  put_str(b, h.cwd);
  put_u64(b, h.command.size());
  for (const auto& a : h.command) put_str(b, a);
  return b;
}

std::string unit_payload(std::uint64_t unit, const TaskOutcome& o) {
  std::string b;
  put_u64(b, unit);
  put_u64(b, o.ok ? 1 : 0);
  put_str(b, o.ok ? o.output : o.error);
  return b;
}

// The records of a file's bytes, up to the first torn or corrupt one; END is where the good ones end.
std::vector<std::string> records(const std::string& bytes, size_t& end) {
  std::vector<std::string> out;
  size_t pos = 0;
  for (;;) {
    std::uint64_t n, sum;
    if (bytes.size() - pos < 2 * sizeof n) break;
    std::memcpy(&n, bytes.data() + pos, sizeof n);
    std::memcpy(&sum, bytes.data() + pos + sizeof n, sizeof sum);
    if (bytes.size() - pos - 2 * sizeof n < n) break;
    const char* p = bytes.data() + pos + 2 * sizeof n;
    if (fnv1a(p, n) != sum) break;
    out.emplace_back(p, n);
    pos += 2 * sizeof n + n;
  }
  end = pos;
  return out;
}

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

// The parsed file and the byte offset where its last good record ends.
struct Parsed {
  CheckpointHeader header;
  UnitOutcomes units;
  size_t end = 0;
};

Parsed parse(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CheckpointError("cannot read " + path + ": " + std::strerror(errno));
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Parsed p;
  const auto recs = records(bytes, p.end);
  try {
    if (recs.empty()) throw std::runtime_error("no header");
    Fields h{recs[0]};
    const std::string magic = h.str();
    if (magic.rfind(kMagicPrefix, 0) == 0 && magic != kMagic)
      throw CheckpointError(path + " was written by another version of caspian (" + magic + "; this one reads " + kMagic +
                            "), whose runs it cannot use: finish it with the caspian that wrote it, or delete it and run "
                            "again without --resume");
    if (magic != kMagic) throw std::runtime_error("not a caspian checkpoint");
    p.header.identity = h.str();
    p.header.units = h.u64();
    p.header.shard.k = h.u64();
    p.header.shard.n = h.u64();
    p.header.cwd = h.str();
    p.header.command.resize(h.u64());
    for (auto& a : p.header.command) a = h.str();
    for (size_t i = 1; i < recs.size(); ++i) {
      Fields f{recs[i]};
      const std::uint64_t unit = f.u64();
      const bool ok = f.u64() != 0;
      const std::string text = f.str();
      if (unit >= p.header.units || !p.header.shard.owns(unit)) throw std::runtime_error("unit " + std::to_string(unit) + " out of range");
      p.units[unit] = ok ? TaskOutcome{true, text, "", false} : TaskOutcome{false, "", text, true};
    }
  } catch (const CheckpointError&) {
    throw;  // already says what is wrong
  } catch (const std::runtime_error& e) {
    throw CheckpointError(path + " is not a readable caspian checkpoint or shard file (" + e.what() + ")");
  }
  return p;
}

}  // namespace

std::string command_line(const CheckpointHeader& h) {
  std::string s = "caspian";
  for (const auto& a : h.command) s += " " + a;
  return s;
}

Shard parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  const auto digits = [](const std::string& s) { return !s.empty() && s.size() < 10 && s.find_first_not_of("0123456789") == std::string::npos; };
  if (slash != std::string::npos && digits(text.substr(0, slash)) && digits(text.substr(slash + 1))) {
    const Shard s{std::stoull(text.substr(0, slash)), std::stoull(text.substr(slash + 1))};
    if (s.k >= 1 && s.k <= s.n) return s;
  }
  throw CheckpointError("--shard: expected K/N with 1 <= K <= N (shard K of N), got '" + text + "'");
}

std::string hash_hex(const std::string& text) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fnv1a(text.data(), text.size())));
  return buf;
}

Checkpoint::Checkpoint(std::string path, CheckpointHeader header, bool resume) : path_(std::move(path)), header_(std::move(header)) {
  struct stat st;
  const bool exists = ::lstat(path_.c_str(), &st) == 0;
  if (exists && !resume)
    throw CheckpointError(path_ + " exists: an earlier run left it (interrupted, still running, or a finished shard). Add --resume "
                          "to finish it (only the missing runs are computed), or delete the file to start again");
  if (exists) {
    if (!S_ISREG(st.st_mode)) throw CheckpointError(path_ + " is not a regular file");
    Parsed p = parse(path_);
    if (p.header.identity != header_.identity || p.header.units != header_.units || p.header.shard.k != header_.shard.k ||
        p.header.shard.n != header_.shard.n)
      throw CheckpointError(path_ + " belongs to a different experiment (it was written by `" + command_line(p.header) + "` in " +
                            p.header.cwd + "; the scenario, seed, replications, grid or shard differ). Run that command with "
                            "--resume, or delete the file to start this one");
    done_ = std::move(p.units);
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) != 0)  // two resumes at once would each compute every missing unit
      throw CheckpointError(path_ + " is in use by another caspian still running this experiment");
    if (fd_ < 0 || ::ftruncate(fd_, static_cast<off_t>(p.end)) != 0 || ::lseek(fd_, 0, SEEK_END) < 0)
      throw OutputError("cannot append to checkpoint " + path_ + ": " + std::strerror(errno));
    return;
  }
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ < 0) throw OutputError("cannot create checkpoint " + path_ + ": " + std::strerror(errno));
  ::flock(fd_, LOCK_EX | LOCK_NB);  // just created (O_EXCL): nobody else holds it
  const std::string h = frame(header_payload(header_));
  if (::write(fd_, h.data(), h.size()) != static_cast<ssize_t>(h.size()) || ::fsync(fd_) != 0)
    throw OutputError("cannot write checkpoint " + path_ + ": " + std::strerror(errno));
  last_sync_ = now();
}

Checkpoint::~Checkpoint() {
  if (fd_ >= 0) ::close(fd_);
}

void Checkpoint::append(std::uint64_t unit, const TaskOutcome& outcome) {
  const std::string r = frame(unit_payload(unit, outcome));
  for (size_t off = 0; off < r.size();) {
    const ssize_t n = ::write(fd_, r.data() + off, r.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw OutputError("cannot write checkpoint " + path_ + ": " + std::strerror(errno));
    off += static_cast<size_t>(n);
  }
  done_[unit] = outcome;
  // A killed process loses nothing it wrote (the kernel has it); a crash of the machine loses at most
  // the last second, and a torn record is dropped on reading. An fdatasync per record would cost more.
  if (now() - last_sync_ >= 1.0) sync();
}

void Checkpoint::sync() {
  if (fd_ >= 0) ::fdatasync(fd_);
  last_sync_ = now();
}

void Checkpoint::remove() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  ::unlink(path_.c_str());
}

std::pair<CheckpointHeader, UnitOutcomes> read_checkpoint(const std::string& path) {
  auto p = parse(path);
  return {std::move(p.header), std::move(p.units)};
}

}  // namespace sim
