#include "sim/experiment/parallel.h"

#include "sim/experiment/worker_memory.h"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include "sim/core/stop.h"

namespace sim {
namespace {

void write_all(int fd, const std::string& s) {
  for (size_t off = 0; off < s.size();) {
    const ssize_t n = write(fd, s.data() + off, s.size() - off);
    if (n <= 0) return;
    off += static_cast<size_t>(n);
  }
}

double wall() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

namespace {

// SIGINT and SIGTERM stay blocked except inside ppoll, so a signal can never slip in between a look
// at the stop flag and a wait that would then not wake up.
sigset_t block_stop_signals() {
  sigset_t stop, old;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  sigprocmask(SIG_BLOCK, &stop, &old);
  return old;
}

// Dies with its parent, whatever kills the parent (even SIGKILL): no orphan keeps simulating.
void die_with_parent(int sig, pid_t parent) {
  prctl(PR_SET_PDEATHSIG, sig);
  if (getppid() != parent) _exit(128 + sig);  // the parent died before prctl took effect
}

std::string read_to_end(int fd) {
  std::string s;
  char buf[65536];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) s.append(buf, static_cast<size_t>(n));
  return s;
}

// Forks a worker per task, at most JOBS at a time, and reports each outcome as it comes. The first
// worker also reports which pages it touched; later workers fault those in at once (worker_memory.h).
void run_workers(int tasks, int jobs, const std::function<std::string(int)>& task,
                 const std::function<void(int, TaskOutcome&&)>& on_done, const sigset_t* wait_mask) {
  struct Worker {
    int task, fd, pages_fd;
    std::string bytes;
  };
  std::map<pid_t, Worker> running;
  int next = 0, done = 0;
  TouchedPages warm;
  bool pages_asked = false;
  std::fflush(nullptr);  // children must not flush the parent's buffers again
  while (done < tasks) {
    while (next < tasks && static_cast<int>(running.size()) < std::max(1, jobs)) {
      int fds[2], pages[2] = {-1, -1};
      if (pipe(fds) != 0) {
        on_done(next, {false, "", std::string("pipe: ") + std::strerror(errno)});
        ++next;
        ++done;
        continue;
      }
      if (!pages_asked && pipe(pages) == 0) pages_asked = true;
      const pid_t relay = getpid();
      const pid_t pid = fork();
      if (pid == 0) {
        default_stop_handlers();  // the relay kills and reaps its workers when it is stopped
        die_with_parent(SIGKILL, relay);
        prefault(warm);
        close(fds[0]);
        if (pages[0] >= 0) close(pages[0]);
        int code = 0;
        std::string bytes;
        try {
          bytes = "O" + task(next);
        } catch (const LimitExceeded& e) {  // stops the whole experiment: every task would hit it
          bytes = std::string("L") + e.what();
          code = 1;
        } catch (const std::exception& e) {
          bytes = std::string("E") + e.what();
          code = 1;
        }
        if (pages[1] >= 0) {  // at most 48 KiB: fits the pipe, so this never blocks
          write_all(pages[1], touched_pages().to_bytes());
          close(pages[1]);
        }
        write_all(fds[1], bytes);
        close(fds[1]);
        std::fflush(nullptr);
        _exit(code);
      }
      close(fds[1]);
      if (pages[1] >= 0) close(pages[1]);
      if (pid < 0) {
        close(fds[0]);
        if (pages[0] >= 0) close(pages[0]);
        on_done(next, {false, "", std::string("fork: ") + std::strerror(errno)});
        ++done;
      } else {
        running[pid] = {next, fds[0], pages[0], {}};
      }
      ++next;
    }
    if (running.empty()) continue;
    // Drain every worker's pipe so none blocks on a full pipe; reap those whose pipe closed.
    std::vector<pollfd> fds;
    std::vector<pid_t> pids;
    for (auto& [pid, w] : running) {
      fds.push_back({w.fd, POLLIN, 0});
      pids.push_back(pid);
    }
    ppoll(fds.data(), fds.size(), nullptr, wait_mask);
    if (stop_requested()) {  // kill and reap every worker; the relay then exits
      for (auto& [pid, w] : running) kill(pid, SIGKILL);
      for (auto& [pid, w] : running) waitpid(pid, nullptr, 0);
      return;
    }
    for (size_t i = 0; i < fds.size(); ++i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      auto& w = running[pids[i]];
      char buf[65536];
      const ssize_t n = read(w.fd, buf, sizeof buf);
      if (n > 0) {
        w.bytes.append(buf, static_cast<size_t>(n));
        continue;
      }
      close(w.fd);
      int status = 0;
      waitpid(pids[i], &status, 0);
      if (w.pages_fd >= 0) {
        warm = within_mappings(TouchedPages::from_bytes(read_to_end(w.pages_fd)));
        close(w.pages_fd);
      }
      TaskOutcome o;
      if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !w.bytes.empty() && w.bytes[0] == 'O') {
        o.ok = true;
        o.output = w.bytes.substr(1);
      } else if (!w.bytes.empty() && (w.bytes[0] == 'E' || w.bytes[0] == 'L')) {
        o.error = w.bytes.substr(1);
        o.limit = w.bytes[0] == 'L';
        o.thrown = !o.limit;
      } else if (WIFSIGNALED(status)) {
        o.error = std::string("the worker died: ") + strsignal(WTERMSIG(status));
      } else {
        o.error = "the worker exited with status " + std::to_string(WEXITSTATUS(status));
      }
      const int finished = w.task;
      running.erase(pids[i]);
      ++done;
      on_done(finished, std::move(o));
    }
  }
}

void put(std::string& b, const void* p, size_t n) { b.append(static_cast<const char*>(p), n); }

}  // namespace

void bind_symbols_before_forking(char** argv) {
  const char* bound = std::getenv("LD_BIND_NOW");
  if (bound && *bound) return;
  setenv("LD_BIND_NOW", "1", 1);
  std::fflush(nullptr);
  execv("/proc/self/exe", argv);  // returns only on failure: carry on lazily bound
}

std::vector<TaskOutcome> run_forked(int tasks, int jobs, const std::function<std::string(int)>& task,
                                    const std::function<void(int, int)>& progress, const std::function<void()>& prepare,
                                    const std::function<void(int, const TaskOutcome&)>& on_outcome) {
  // Workers are forked by a relay process that holds nothing but the loaded scenario, so forking
  // stays cheap however many results the parent has collected; each result streams back at once.
  std::vector<TaskOutcome> out(tasks);
  for (auto& o : out) o.error = "the relay process that forks the workers died";
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  std::fflush(nullptr);
  const pid_t parent = getpid();
  const sigset_t wait_mask = block_stop_signals();  // inherited by the relay; restored on return
  const pid_t relay = fork();
  if (relay < 0) {
    sigprocmask(SIG_SETMASK, &wait_mask, nullptr);
    throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  }
  if (relay == 0) {
    close(fds[0]);
    die_with_parent(SIGTERM, parent);
    auto send = [&](int i, TaskOutcome&& o) {
      std::string rec;
      const std::int32_t index = i;
      // 1 ok, 2 failed by throwing (a result), 3 over a limit (stops the others), 0 killed
      const std::uint8_t ok = o.ok ? 1 : o.limit ? 3 : o.thrown ? 2 : 0;
      const std::uint64_t n = o.output.size(), m = o.error.size();
      put(rec, &index, sizeof index);
      put(rec, &ok, sizeof ok);
      put(rec, &n, sizeof n);
      rec += o.output;
      put(rec, &m, sizeof m);
      rec += o.error;
      write_all(fds[1], rec);
    };
    try {
      if (prepare) prepare();
      prepare_relay_heap();
      run_workers(tasks, jobs, task, send, &wait_mask);
    } catch (const std::exception& e) {  // never let the relay return into the parent's code
      for (int i = 0; i < tasks; ++i) send(i, {false, "", std::string("the relay could not start the workers: ") + e.what()});
    }
    close(fds[1]);
    _exit(stop_signal() ? 128 + stop_signal() : 0);
  }
  close(fds[1]);
  std::string buf;
  size_t pos = 0;
  int done = 0;
  char chunk[65536];
  auto take = [&](void* p, size_t n) {
    if (buf.size() - pos < n) return false;
    std::memcpy(p, buf.data() + pos, n);
    pos += n;
    return true;
  };
  bool stopped = false;  // by a signal, or by a task over its limits
  // If the caller's on_outcome throws (a checkpoint that cannot be written, say), the relay and its
  // workers must not outlive this call, and the stop signals must be unblocked again.
  struct RelayGuard {
    pid_t relay;
    int fd;
    const sigset_t* mask;
    bool armed = true;
    ~RelayGuard() {
      if (!armed) return;
      kill(relay, SIGTERM);
      close(fd);
      while (waitpid(relay, nullptr, 0) < 0 && errno == EINTR) {
      }
      sigprocmask(SIG_SETMASK, mask, nullptr);
    }
  } guard{relay, fds[0], &wait_mask};
  for (;;) {
    if (stop_requested() || stopped) break;
    pollfd pfd{fds[0], POLLIN, 0};
    if (ppoll(&pfd, 1, nullptr, &wait_mask) < 0) continue;  // EINTR: look at the flag again
    const ssize_t r = read(fds[0], chunk, sizeof chunk);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    buf.append(chunk, static_cast<size_t>(r));
    for (;;) {  // every complete record in the buffer
      const size_t start = pos;
      std::int32_t index;
      std::uint8_t ok;
      std::uint64_t n, m;
      if (!take(&index, sizeof index) || !take(&ok, sizeof ok) || !take(&n, sizeof n) || buf.size() - pos < n) {
        pos = start;
        break;
      }
      std::string output = buf.substr(pos, n);
      pos += n;
      if (!take(&m, sizeof m) || buf.size() - pos < m) {
        pos = start;
        break;
      }
      out[index] = {ok == 1, std::move(output), buf.substr(pos, m), ok == 2, ok == 3};
      pos += m;
      if (on_outcome) {
        on_outcome(index, out[index]);
        out[index].output = {};  // the caller has what it needs: hold a run's bytes once, not twice
      }
      stopped = stopped || ok == 3;
      if (progress) progress(++done, tasks);
    }
    buf.erase(0, pos);
    pos = 0;
  }
  guard.armed = false;
  if (stop_requested() || stopped) kill(relay, SIGTERM);  // it kills and reaps its workers, then exits
  close(fds[0]);
  while (waitpid(relay, nullptr, 0) < 0 && errno == EINTR) {
  }
  sigprocmask(SIG_SETMASK, &wait_mask, nullptr);
  throw_if_stopped();
  return out;
}



Progress::Progress(std::string label, int total) : label_(std::move(label)), total_(total), start_(wall()), tty_(isatty(2)) {}

void Progress::update(int done) {
  const double elapsed = wall() - start_, rate = elapsed > 0 ? done / elapsed : 0;
  const double left = rate > 0 ? (total_ - done) / rate : 0;
  if (tty_) {
    const int width = 30, filled = total_ ? width * done / total_ : width;
    std::fprintf(stderr, "\r%s [%s%s] %d/%d  %.1f/s  %.0fs left ", label_.c_str(), std::string(filled, '#').c_str(),
                 std::string(width - filled, '-').c_str(), done, total_, rate, left);
  } else {
    const int percent = total_ ? 100 * done / total_ : 100;
    if (percent / 10 == last_percent_ / 10 && done != total_) return;  // a line per 10%
    last_percent_ = percent;
    std::fprintf(stderr, "%s: %d/%d done (%.1f/s, %.0fs left)\n", label_.c_str(), done, total_, rate, left);
  }
  std::fflush(stderr);
}

void Progress::finish() {
  if (tty_) std::fprintf(stderr, "\n");
}

}  // namespace sim
