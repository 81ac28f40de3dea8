#include "sim/experiment/worker_memory.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cerrno>
#include <cstring>

namespace sim {
namespace {

#ifndef MADV_POPULATE_READ
constexpr int MADV_POPULATE_READ = 22;  // Linux 5.14; older headers lack them
constexpr int MADV_POPULATE_WRITE = 23;
#endif

const std::uintptr_t kPage = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));

struct Mapping {
  std::uintptr_t start, end;
  bool write;  // private and writable: its touched pages are the ones this process copied or created
};

// Mappings whose pages a worker may touch: writable private ones and read-only file ones. The
// stack, vdso and the like are left alone.
std::vector<Mapping> mappings() {
  std::vector<Mapping> out;
  FILE* f = std::fopen("/proc/self/maps", "r");
  if (!f) return out;
  char line[1024];
  while (std::fgets(line, sizeof line, f)) {
    unsigned long start = 0, end = 0, inode = 0;
    char perms[8] = "", path[512] = "";
    if (std::sscanf(line, "%lx-%lx %7s %*s %*s %lu %511s", &start, &end, perms, &inode, path) < 4) continue;
    const bool write = perms[1] == 'w' && perms[3] == 'p';
    if (perms[0] != 'r' || (path[0] == '[' && std::strcmp(path, "[heap]") != 0)) continue;
    if (write || inode != 0) out.push_back({start, end, write});
  }
  std::fclose(f);
  return out;
}

}  // namespace

void prepare_relay_heap() {
  constexpr int kStacksFromHeapBelow = 32 << 20, kNeverTrim = 1 << 30;
  constexpr std::size_t kHeapReserve = 16 << 20;
  mallopt(M_MMAP_THRESHOLD, kStacksFromHeapBelow);
  mallopt(M_TRIM_THRESHOLD, kNeverTrim);
  char* volatile reserve = static_cast<char*>(std::malloc(kHeapReserve));
  if (reserve) reserve[0] = 0;  // keeps the compiler from dropping the malloc/free pair
  std::free(reserve);
}

std::string TouchedPages::to_bytes() const {
  std::string b(ranges.size() * sizeof(Range), '\0');
  if (!ranges.empty()) std::memcpy(b.data(), ranges.data(), b.size());
  return b;
}

TouchedPages TouchedPages::from_bytes(const std::string& bytes) {
  TouchedPages p;
  p.ranges.resize(bytes.size() / sizeof(Range));
  if (!p.ranges.empty()) std::memcpy(p.ranges.data(), bytes.data(), p.ranges.size() * sizeof(Range));
  return p;
}

TouchedPages touched_pages(std::size_t max_ranges) {
  TouchedPages out;
  FILE* f = std::fopen("/proc/self/pagemap", "rb");
  if (!f) return out;
  // One 64-bit entry per page: bit 63 present, bit 56 mapped by this process only (its own copy).
  // Ranges close together within one mapping are joined; never across mappings, where a join could
  // span a large reserve nobody touched.
  constexpr std::uintptr_t kJoinGapPages = 4;
  std::vector<std::uint64_t> entry;
  constexpr std::uintptr_t kLargestMapping = std::uintptr_t{1} << 30;  // larger ones are reserves (sanitizer shadow)
  for (const auto& m : mappings()) {
    if (m.end - m.start > kLargestMapping) continue;
    const std::size_t first = out.ranges.size();
    entry.resize((m.end - m.start) / kPage);
    if (std::fseek(f, static_cast<long>(m.start / kPage * sizeof(std::uint64_t)), SEEK_SET) != 0 ||
        std::fread(entry.data(), sizeof(std::uint64_t), entry.size(), f) != entry.size())
      continue;
    for (std::size_t i = 0; i < entry.size(); ++i) {
      const bool present = (entry[i] >> 63) & 1, own = (entry[i] >> 56) & 1;
      if (!present || (m.write && !own)) continue;
      const std::uintptr_t at = m.start + i * kPage;
      auto& r = out.ranges;
      if (r.size() > first && at - (r.back().at + r.back().bytes) <= kJoinGapPages * kPage) r.back().bytes = at + kPage - r.back().at;
      else r.push_back({at, kPage, m.write});
    }
  }
  std::fclose(f);
  if (out.ranges.size() > max_ranges) out.ranges.resize(max_ranges);  // the rest just fault as usual
  return out;
}

TouchedPages within_mappings(const TouchedPages& pages) {
  TouchedPages out;
  const auto maps = mappings();
  for (const auto& r : pages.ranges)
    for (const auto& m : maps) {
      const std::uintptr_t from = std::max(r.at, m.start), to = std::min(r.at + r.bytes, m.end);
      if (from < to && m.write == r.write) out.ranges.push_back({from, to - from, r.write});
    }
  return out;
}

void prefault(const TouchedPages& pages) {
  for (const auto& r : pages.ranges)
    if (madvise(reinterpret_cast<void*>(r.at), r.bytes, r.write ? MADV_POPULATE_WRITE : MADV_POPULATE_READ) != 0 && errno == EINVAL)
      return;  // the kernel cannot do it
}

}  // namespace sim
