#pragma once
// Runs N tasks in forked worker processes, at most J at a time, and returns each task's output bytes
// in task order, whatever J is. The parent must never have built a SimGrid Engine (one per process).
#include <functional>
#include <string>
#include <vector>

namespace sim {

struct TaskOutcome {
  bool ok = false;
  std::string output;  // the task's bytes when ok
  std::string error;   // why it failed: its message, or how the worker died
  bool thrown = false;  // failed by throwing: a result of the task (it fails so again), not a killed worker
  bool limit = false;   // it threw sim::LimitExceeded: run_forked stopped every other task (not a result)
};

// TASK(i) runs in a child and returns bytes; an exception or a crash marks that task failed. A task
// that throws sim::LimitExceeded stops the others (killed, reaped) and run_forked returns at once.
// SIGINT or SIGTERM (sim/core/stop.h) does the same, then run_forked throws sim::Interrupted.
// Workers die with the relay, and the relay with this process, however they die.
// PROGRESS(done, total) is called in the parent after each completion. PREPARE, if given, runs once
// in the relay process that forks the workers, before the first fork: what it builds, every worker
// inherits ready-made. ON_OUTCOME(i, outcome), if given, is called in the parent as each task's
// outcome arrives (before PROGRESS), so the caller can checkpoint it at once; the returned vector
// then holds no output bytes (the caller keeps them), only whether each task succeeded and why not.
std::vector<TaskOutcome> run_forked(int tasks, int jobs, const std::function<std::string(int)>& task,
                                    const std::function<void(int, int)>& progress = {},
                                    const std::function<void()>& prepare = {},
                                    const std::function<void(int, const TaskOutcome&)>& on_outcome = {});

// For a command that will fork workers, call first thing: re-executes this program once with every
// library symbol bound at load time (LD_BIND_NOW). Lazily bound, each worker would look up again
// every SimGrid symbol the relay never called, and write the result into pages it shares with the
// relay (a copy-on-write fault each). Returns at once when already bound, or if the re-exec fails.
void bind_symbols_before_forking(char** argv);

// A progress line on a terminal ("[####----] 12/30 2.1/s 6s left"), plain lines otherwise.
class Progress {
 public:
  Progress(std::string label, int total);
  void update(int done);
  void finish();

 private:
  std::string label_;
  int total_, last_percent_ = -1;
  double start_;
  bool tty_;
};

}  // namespace sim
