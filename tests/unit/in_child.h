#pragma once
// Runs a simulation in a forked child process and returns its numbers to the parent: SimGrid's
// Engine is once per process, and this keeps every simulating test independent of the others
// however the test binary is invoked.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

template <class F>
std::vector<double> in_child(F body) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::string out;
    int code = 0;
    try {
      for (double v : body()) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g\n", v);
        out += buf;
      }
    } catch (const std::exception& e) {
      out = std::string("error: ") + e.what() + "\n";
      code = 1;
    }
    for (size_t off = 0; off < out.size();) {
      const ssize_t n = write(fds[1], out.data() + off, out.size() - off);
      if (n <= 0) break;
      off += static_cast<size_t>(n);
    }
    _exit(code);
  }
  close(fds[1]);
  std::string text;
  char buf[4096];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("child failed: " + text);
  std::vector<double> values;
  for (size_t pos = 0; pos < text.size();) {
    const size_t nl = text.find('\n', pos);
    values.push_back(std::stod(text.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  return values;
}
