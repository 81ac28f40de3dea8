#include "worker_memory.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace sim {
namespace {

#ifndef MADV_POPULATE_WRITE
constexpr int MADV_POPULATE_WRITE = 23;  // Linux 5.14; older headers lack it
#endif

const std::uintptr_t kPage = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));

// [start, end) of the heap: start from /proc/self/maps, end from the current break.
std::pair<std::uintptr_t, std::uintptr_t> heap_bounds() {
  std::pair<std::uintptr_t, std::uintptr_t> b{0, 0};
  FILE* f = std::fopen("/proc/self/maps", "r");
  if (!f) return b;
  char line[512];
  while (std::fgets(line, sizeof line, f)) {
    if (!std::strstr(line, "[heap]")) continue;
    unsigned long start = 0;
    if (std::sscanf(line, "%lx", &start) == 1) b = {start, reinterpret_cast<std::uintptr_t>(sbrk(0))};
    break;
  }
  std::fclose(f);
  return b;
}

void merge_until(std::vector<HeapPages::Range>& r, std::size_t max_ranges) {
  for (std::uintptr_t gap = kPage; r.size() > max_ranges; gap *= 2) {
    std::vector<HeapPages::Range> merged;
    for (const auto& x : r) {
      if (!merged.empty() && x.at - (merged.back().at + merged.back().bytes) <= gap)
        merged.back().bytes = x.at + x.bytes - merged.back().at;
      else
        merged.push_back(x);
    }
    r = std::move(merged);
  }
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

std::string HeapPages::to_bytes() const {
  std::string b(ranges.size() * sizeof(ranges[0]), '\0');
  if (!ranges.empty()) std::memcpy(b.data(), ranges.data(), b.size());
  return b;
}

HeapPages HeapPages::from_bytes(const std::string& bytes) {
  HeapPages p;
  p.ranges.resize(bytes.size() / sizeof(p.ranges[0]));
  if (!p.ranges.empty()) std::memcpy(p.ranges.data(), bytes.data(), p.ranges.size() * sizeof(p.ranges[0]));
  return p;
}

HeapPages written_heap_pages(std::size_t max_ranges) {
  HeapPages out;
  const auto [start, end] = heap_bounds();
  FILE* f = start < end ? std::fopen("/proc/self/pagemap", "rb") : nullptr;
  if (!f) return out;
  // One 64-bit entry per page: bit 63 present, bit 56 mapped by this process only (its own copy).
  std::vector<std::uint64_t> entry((end - start) / kPage);
  const bool ok = std::fseek(f, static_cast<long>(start / kPage * sizeof(std::uint64_t)), SEEK_SET) == 0 &&
                  std::fread(entry.data(), sizeof(std::uint64_t), entry.size(), f) == entry.size();
  std::fclose(f);
  if (!ok) return out;
  for (std::size_t i = 0; i < entry.size(); ++i) {
    if (!((entry[i] >> 63) & 1) || !((entry[i] >> 56) & 1)) continue;
    const std::uintptr_t at = start + i * kPage;
    if (!out.ranges.empty() && out.ranges.back().at + out.ranges.back().bytes == at)
      out.ranges.back().bytes += kPage;
    else
      out.ranges.push_back({at, kPage});
  }
  merge_until(out.ranges, max_ranges);
  return out;
}

HeapPages within_heap(const HeapPages& pages) {
  HeapPages out;
  const auto [start, end] = heap_bounds();
  for (const auto& [at, bytes] : pages.ranges) {
    const std::uintptr_t from = std::max(at, start), to = std::min(at + bytes, end);
    if (from < to) out.ranges.push_back({from, to - from});
  }
  return out;
}

void prefault(const HeapPages& pages) {
  for (const auto& [at, bytes] : pages.ranges)
    if (madvise(reinterpret_cast<void*>(at), bytes, MADV_POPULATE_WRITE) != 0) return;
}

}  // namespace sim
