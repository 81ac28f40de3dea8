#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "in_child.h"
#include "sim/experiment/worker_memory.h"

namespace {

const long kPage = sysconf(_SC_PAGESIZE);

long minor_faults() {
  rusage r{};
  getrusage(RUSAGE_SELF, &r);
  return r.ru_minflt;
}

// Pages of [at, at + bytes) covered by the written ranges of P.
double covered(const sim::TouchedPages& p, std::uintptr_t at, std::size_t bytes) {
  double n = 0;
  for (std::uintptr_t page = at; page < at + bytes; page += kPage)
    for (const auto& r : p.ranges)
      if (r.write && page >= r.at && page + kPage <= r.at + r.bytes) {
        ++n;
        break;
      }
  return n;
}

}  // namespace

TEST_CASE("touched pages survive the trip through bytes", "[worker-memory]") {
  sim::TouchedPages p;
  p.ranges = {{0x1000, 0x3000, true}, {0x7f0000, 0x1000, false}};
  const auto back = sim::TouchedPages::from_bytes(p.to_bytes());
  REQUIRE(back.ranges.size() == 2);
  CHECK(back.ranges[1].at == 0x7f0000);
  CHECK(back.ranges[0].bytes == 0x3000);
  CHECK(back.ranges[0].write);
  CHECK_FALSE(back.ranges[1].write);
}

TEST_CASE("a forked child reports the pages it wrote and ranges outside its mappings are dropped", "[worker-memory]") {
  const auto v = in_child([] {
    constexpr long kPages = 16;
    void* p = mmap(nullptr, kPages * kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::runtime_error("mmap failed");
    auto* bytes = static_cast<char*>(p);
    for (long i = 0; i < kPages; i += 2) bytes[i * kPage] = 1;  // every other page
    const auto at = reinterpret_cast<std::uintptr_t>(p);
    const auto touched = sim::touched_pages();
    sim::TouchedPages outside;
    outside.ranges = {{at, static_cast<std::size_t>(kPages * kPage), true}};
    munmap(p, kPages * kPage);
    return std::vector<double>{covered(touched, at, kPages * kPage),
                               static_cast<double>(sim::within_mappings(outside).ranges.size())};
  });
  // The 8 written pages, and the 7 untouched ones between them (short gaps are joined).
  CHECK(v[0] == 15);
  CHECK(v[1] == 0);  // unmapped by then
}

TEST_CASE("prefaulted pages are written without a page fault each", "[worker-memory]") {
  const auto v = in_child([] {
    constexpr long kPages = 64;
    void* p = mmap(nullptr, kPages * kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::runtime_error("mmap failed");
    sim::TouchedPages pages;
    pages.ranges = {{reinterpret_cast<std::uintptr_t>(p), static_cast<std::size_t>(kPages * kPage), true}};
    pages = sim::within_mappings(pages);
    sim::prefault(pages);
    const long before = minor_faults();
    std::memset(p, 1, kPages * kPage);
    return std::vector<double>{static_cast<double>(pages.ranges.size()), static_cast<double>(minor_faults() - before)};
  });
  CHECK(v[0] == 1);
  CHECK(v[1] < 16);  // 64 without the prefault; a sanitizer's shadow memory may add up to 8
}
