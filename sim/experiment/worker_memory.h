#pragma once
// Memory of forked replication workers. On a virtual machine a short worker spends more time in page
// faults than in simulation: a page first touched costs ~11 us, a page shared with the relay and
// written ~20 us (copy-on-write), and unmapping flushes the TLB on every CPU the worker ran on.
// Asking the kernel to fault a known range in one call costs ~1 us a page (6 us for copy-on-write).
// Measured on the 2-core CI machine: docs/performance.md.
#include <cstdint>
#include <string>
#include <vector>

namespace sim {

// In the relay, before the first fork: actor stacks come from the heap instead of an mmap each (the
// worker would unmap them when its actors end), the heap is never trimmed, and it is grown once,
// untouched, so workers neither call brk nor share those pages with the relay.
void prepare_relay_heap();

// Pages a worker touched after the fork, as ranges: private copies it wrote (heap, library data)
// and pages of libraries it read or ran (a forked child inherits none of those mapped). Every worker
// forked from one relay runs much the same code and allocates much the same way, so what the first
// one touched, the next ones will touch too.
struct TouchedPages {
  struct Range {
    std::uintptr_t at;
    std::size_t bytes;
    bool write;  // a private page it wrote; otherwise a file page it read
  };
  std::vector<Range> ranges;
  std::string to_bytes() const;
  static TouchedPages from_bytes(const std::string& bytes);
};

// The pages this process has touched since it was forked (empty if /proc cannot tell), in at most
// MAX_RANGES ranges (the first ones by address; 24 bytes each, so 2,048 fit a pipe's 64 KiB).
TouchedPages touched_pages(std::size_t max_ranges = 2048);

// PAGES cut to this process's mappings of the same kind (a worker's heap may have grown past the relay's).
TouchedPages within_mappings(const TouchedPages& pages);

// Faults PAGES in, in one call per range instead of one fault per page. A kernel without
// MADV_POPULATE_READ/WRITE (before 5.14) leaves it to the faults.
void prefault(const TouchedPages& pages);

}  // namespace sim
