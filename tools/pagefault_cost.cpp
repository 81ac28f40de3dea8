// What memory costs on this machine, per 4 KiB page: the figures behind sim/worker_memory.h. Prints
// one line per figure; tools/bench runs it. A replication worker is a forked child, so these decide
// how much of its time goes to the kernel rather than to the simulation.
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace {

#ifndef MADV_POPULATE_WRITE
constexpr int MADV_POPULATE_WRITE = 23;
#endif

constexpr long kPages = 4000;
const long kPage = sysconf(_SC_PAGESIZE);

double now_us() {
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

char* fresh_mapping() {
  void* p = mmap(nullptr, kPages * kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    std::perror("mmap");
    std::exit(1);
  }
  return static_cast<char*>(p);
}

double touch_each(char* a, char value) {
  const double t0 = now_us();
  for (long i = 0; i < kPages; ++i) a[i * kPage] = value;
  return (now_us() - t0) / kPages;
}

double populate(char* a) {
  const double t0 = now_us();
  if (madvise(a, kPages * kPage, MADV_POPULATE_WRITE) != 0) return -1;
  return (now_us() - t0) / kPages;
}

void line(const char* what, double us) {
  if (us < 0) std::printf("%-58s %s\n", what, "n/a (kernel before 5.14)");
  else std::printf("%-58s %8.2f us\n", what, us);
}

}  // namespace

int main() {
  line("first write to a fresh page (one fault each)", touch_each(fresh_mapping(), 1));
  line("fresh pages faulted in by one madvise(POPULATE_WRITE)", populate(fresh_mapping()));
  char* shared = fresh_mapping();
  touch_each(shared, 1);
  std::fflush(stdout);
  const pid_t pid = fork();
  if (pid == 0) {
    line("write to a page shared with the parent (copy-on-write)", touch_each(shared, 2));
    char* again = fresh_mapping();
    touch_each(again, 1);
    std::fflush(stdout);
    if (fork() == 0) {
      line("copy-on-write pages by one madvise(POPULATE_WRITE)", populate(again));
      std::fflush(stdout);
      _exit(0);
    }
    wait(nullptr);
    std::fflush(stdout);
    _exit(0);
  }
  waitpid(pid, nullptr, 0);
  const double t0 = now_us();
  const pid_t empty = fork();
  if (empty == 0) _exit(0);
  waitpid(empty, nullptr, 0);
  line("fork + exit + wait of this small process (not per page)", now_us() - t0);
  return 0;
}
