#include "parallel.h"

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>

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

std::vector<TaskOutcome> run_forked(int tasks, int jobs, const std::function<std::string(int)>& task,
                                    const std::function<void(int, int)>& progress) {
  std::vector<TaskOutcome> out(tasks);
  struct Worker {
    int task, fd;
    std::string bytes;
  };
  std::map<pid_t, Worker> running;
  int next = 0, done = 0;
  std::fflush(nullptr);  // children must not flush the parent's buffers again
  while (done < tasks) {
    while (next < tasks && static_cast<int>(running.size()) < std::max(1, jobs)) {
      int fds[2];
      if (pipe(fds) != 0) {
        out[next].error = std::string("pipe: ") + std::strerror(errno);
        ++next;
        ++done;
        continue;
      }
      const pid_t pid = fork();
      if (pid == 0) {
        close(fds[0]);
        int code = 0;
        std::string bytes;
        try {
          bytes = "O" + task(next);
        } catch (const std::exception& e) {
          bytes = std::string("E") + e.what();
          code = 1;
        }
        write_all(fds[1], bytes);
        close(fds[1]);
        std::fflush(nullptr);
        _exit(code);
      }
      close(fds[1]);
      if (pid < 0) {
        close(fds[0]);
        out[next].error = std::string("fork: ") + std::strerror(errno);
        ++done;
      } else {
        running[pid] = {next, fds[0], {}};
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
    poll(fds.data(), fds.size(), -1);
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
      auto& o = out[w.task];
      if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !w.bytes.empty() && w.bytes[0] == 'O') {
        o.ok = true;
        o.output = w.bytes.substr(1);
      } else if (!w.bytes.empty() && w.bytes[0] == 'E') {
        o.error = w.bytes.substr(1);
      } else if (WIFSIGNALED(status)) {
        o.error = std::string("the worker died: ") + strsignal(WTERMSIG(status));
      } else {
        o.error = "the worker exited with status " + std::to_string(WEXITSTATUS(status));
      }
      running.erase(pids[i]);
      ++done;
      if (progress) progress(done, tasks);
    }
  }
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
