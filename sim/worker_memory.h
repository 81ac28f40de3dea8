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

// Heap pages a worker wrote (its private copies), as [address, address + bytes) ranges. Every
// worker forked from one relay allocates much the same way, so what the first one wrote, the next
// ones will write too.
struct HeapPages {
  struct Range {
    std::uintptr_t at;
    std::size_t bytes;
  };
  std::vector<Range> ranges;
  std::string to_bytes() const;
  static HeapPages from_bytes(const std::string& bytes);
};

// The heap pages this process has written since it was forked (empty if /proc cannot tell).
// At most MAX_RANGES ranges: nearby ranges are merged until they fit.
HeapPages written_heap_pages(std::size_t max_ranges = 1024);

// PAGES cut to this process's current heap (a worker's heap may have grown past the relay's).
HeapPages within_heap(const HeapPages& pages);

// Faults PAGES in, writable, in one call per range instead of one fault per page. A kernel without
// MADV_POPULATE_WRITE (before 5.14) leaves it to the faults.
void prefault(const HeapPages& pages);

}  // namespace sim
