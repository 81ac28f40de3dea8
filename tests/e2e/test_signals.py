"""SIGINT and SIGTERM end every command cleanly: exit 130 / 143, a one-line message, no SimGrid abort
or backtrace, no temporary file, no worker left running. Each command is made long with --set end=...
(a century of simulated time), and the signal is sent only once the command is really running: its
handlers are installed and, for a single run, its temporary file exists; for experiments, its
workers exist. Every wait has a timeout."""
import glob
import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CASPIAN, expect, scenario, tmpdir  # noqa: E402

LONG = ["--set", "end=2124-12-31", "--max-events", "1000000000"]
BASE = scenario("middle_corridor_2024.yaml")
ALT = scenario("expansions/alat_phase2.yaml")


def wait_for(what, cond, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return
        time.sleep(0.05)
    sys.exit(f"FAILED: timed out after {timeout} s waiting for {what}")


def handlers_installed(pid):
    """True once the process catches both SIGINT and SIGTERM (SigCgt in /proc/PID/status)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            caught = next(int(l.split()[1], 16) for l in f if l.startswith("SigCgt:"))
    except (OSError, StopIteration):
        return False
    return all(caught >> (s - 1) & 1 for s in (signal.SIGINT, signal.SIGTERM))


def descendants(pid):
    """Every process below PID (workers and the relay that forks them)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/task/{p}/children") as f:
                kids = [int(k) for k in f.read().split()]
        except OSError:
            kids = []
        out += kids
        todo += kids
    return out


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def check(name, args, sig, ready, to_group=False, needs_temp=False):
    d = tmpdir()
    out = os.path.join(d, "out.h5")
    cmd = [CASPIAN, *args] + (["-o", out] if args[0] != "validate" else [])
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        wait_for(f"{name}: signal handlers", lambda: handlers_installed(p.pid))
        if needs_temp:
            wait_for(f"{name}: the temporary file", lambda: glob.glob(out + ".tmp*"))
        ready(p.pid)
        kids = descendants(p.pid)
        # A terminal's Ctrl-C reaches the whole process group; kill(1) reaches one process.
        if to_group:
            os.killpg(p.pid, sig)
        else:
            os.kill(p.pid, sig)
        _, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    expect(p.returncode == 128 + sig, f"{name}: exit {p.returncode}, expected {128 + sig}; stderr:\n{err}")
    lines = [l for l in err.splitlines() if l.strip() and "done (" not in l]  # progress lines aside
    expect(len(lines) == 1 and lines[0].startswith("stopped: interrupted by SIG"), f"{name}: expected one line, got:\n{err}")
    for bad in ("Backtrace", "simgrid", "Cannot destroy"):
        expect(bad not in err, f"{name}: {bad!r} in stderr:\n{err}")
    # An experiment keeps its finished runs for --resume (and says so); nothing else may stay.
    kept = [f for f in os.listdir(d) if f == "out.h5.ckpt" and "--resume" in err]
    expect(sorted(os.listdir(d)) == kept, f"{name}: left behind {os.listdir(d)}")
    wait_for(f"{name}: workers reaped", lambda: not any(alive(k) for k in kids), timeout=10)
    print(f"ok: {name}: exit {p.returncode}, {len(kids)} child processes gone, "
          + ("only the checkpoint kept for --resume" if kept else "nothing left in the output folder"))


def has_workers(n):
    return lambda pid: wait_for(f"{n} workers", lambda: len(descendants(pid)) >= n + 1)


def main():
    nothing = lambda pid: time.sleep(0.3)  # noqa: E731
    check("run, SIGINT", ["run", BASE, *LONG], signal.SIGINT, nothing, needs_temp=True)
    check("run, SIGTERM", ["run", BASE, *LONG], signal.SIGTERM, nothing, needs_temp=True)
    check("run -n, SIGINT to the group", ["run", BASE, *LONG, "-n", "4", "-j", "2"], signal.SIGINT, has_workers(2), to_group=True)
    check("run -n, SIGTERM", ["run", BASE, *LONG, "-n", "4", "-j", "2"], signal.SIGTERM, has_workers(2))
    check("compare, SIGTERM", ["compare", scenario("middle_corridor_2027.yaml"), ALT, *LONG, "-n", "2", "-j", "2"], signal.SIGTERM, has_workers(2))
    check("sweep, SIGINT", ["sweep", BASE, *LONG, "-n", "2", "-j", "2", "--grid", "seed=1,2"], signal.SIGINT, has_workers(2))
    # calibrate: an interrupt inside the optimiser's objective must not become "nlopt failure".
    d = tmpdir()
    obs = os.path.join(d, "obs.yaml")
    with open(obs, "w") as f:
        f.write("targets:\n  - {metric: ady_teu, from: 2024-01-01, to: 2024-10-31, observed: 95483 TEU, tolerance: 2%, source: t}\n")
    check("calibrate, SIGINT", ["calibrate", BASE, "--set", "targets=[]", "--targets", obs, "--param",
                                "flows.feeder_containers.arrivals=1..9", "-n", "4", "-j", "2"], signal.SIGINT, has_workers(2))
    os.remove(obs)
    # validate: a scenario of 60,000 stages takes seconds to load and check.
    big = os.path.join(d, "big.yaml")
    with open(big, "w") as f:
        f.write("name: big\nstart: 2024-01-01\nend: 2024-12-31\nstages:\n")
        for i in range(60000):
            f.write(f"  - {{name: s{i}, type: terminal, servers: 1, handling_time: 1h}}\n")
    check("validate, SIGTERM", ["validate", big], signal.SIGTERM, nothing)
    os.remove(big)
    os.rmdir(d)


if __name__ == "__main__":
    main()
