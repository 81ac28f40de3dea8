"""Interrupted experiments resume: run -n 200 (80 under the sanitizers), a sweep and a compare are each killed with SIGKILL (no
clean-up at all) once some runs are checkpointed; --resume computes only the missing runs (counted in
the checkpoint), with another -j, and writes a file byte-identical to an uninterrupted run's. A torn
last record is dropped; an existing checkpoint without --resume, and a checkpoint of a different
experiment, are refused with exit 2."""
import filecmp
import os
import re
import shutil
import signal
import subprocess
import time
from common import CASPIAN, scenario, caspian, tmpdir, expect
from checkpoint_file import interrupt, records, units

d = tmpdir()
path = scenario("examples/stochastic.yaml")
overlay = os.path.join(d, "two_border_servers.yaml")
# Under the sanitizers a replication is ~15x slower: fewer of them still leave the kill part-way through
# and exercise the same code, in a fraction of CI's time.
N = "80" if os.environ.get("CASPIAN_SANITIZE", "OFF").upper() in ("ON", "1", "TRUE") else "200"
with open(overlay, "w") as f:
    f.write("stages:\n  - name: border\n    servers: 2\n")


def interrupted_then_resumed(name, args, at_least, tear=False):
    """Runs ARGS uninterrupted with -j 2, then interrupted and resumed with -j 1; returns stderr of the resume."""
    whole, part = os.path.join(d, name + "-whole.h5"), os.path.join(d, name + ".h5")
    caspian(*args, "-j", "2", "-o", whole)
    expect(not os.path.exists(whole + ".ckpt"), f"{name}: an uninterrupted run leaves no checkpoint")
    ckpt = part + ".ckpt"
    done = interrupt([*args, "-j", "2", "-o", part], ckpt, at_least)
    expect(not os.path.exists(part), f"{name}: no result file after the kill")
    if tear:  # a crash in the middle of a record: cut the last one short, and add junk after it
        _, starts = records(ckpt)
        with open(ckpt, "r+b") as f:
            f.truncate(starts[-1] + 20)
        with open(ckpt, "ab") as f:
            f.write(b"\x07" * 13)
        done -= 1
    code, _, err = caspian(*args, "-j", "2", "-o", part, check=False)
    expect(code == 2 and "--resume" in err and "delete" in err, f"{name}: a checkpoint without --resume is refused with a hint, got {code}: {err}")
    if name == "run":  # the same checkpoint is foreign to another seed or another count of replications
        for other in (["--seed", "9"], ["-n", str(int(N) // 2)]):
            foreign = os.path.join(d, "foreign.h5")
            shutil.copy(ckpt, foreign + ".ckpt")
            o_args = args + other if other[0] == "--seed" else [(other[1] if a == N else a) for a in args]
            code, _, err = caspian(*o_args, "-o", foreign, "--resume", check=False)
            expect(code == 2 and "different experiment" in err, f"a foreign checkpoint ({other}) is refused: {code} {err}")
            expect(not os.path.exists(foreign), "nothing written for a foreign checkpoint")
    code, _, err = caspian(*args, "-j", "1", "-o", part, "--resume", check=False)
    expect(code == 0, f"{name}: resume failed: {err}")
    m = re.search(r"resumed (\d+) of (\d+) runs", err)
    expect(m and int(m.group(1)) == done, f"{name}: resumed the {done} checkpointed runs: {err}")
    expect(0 < done < int(m.group(2)), f"{name}: interrupted part-way ({done} of {m.group(2)})")
    expect(filecmp.cmp(whole, part, shallow=False), f"{name}: the resumed file is byte-identical to the uninterrupted one")
    expect(not os.path.exists(ckpt), f"{name}: the checkpoint is removed once the file is complete")


interrupted_then_resumed("run", ["run", path, "-n", N], 30, tear=True)
interrupted_then_resumed("sweep", ["sweep", path, "--grid", "stages.border.servers=1,2", "--grid", "stages.yard.servers=2,3", "-n", "20"], 20)
interrupted_then_resumed("compare", ["compare", path, overlay, "--overlays", "-n", "40"], 20)



def grandchildren(pid):
    """PIDs of the workers: children of the children (the relay) of PID."""
    kids = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            kids.setdefault(ppid, []).append(int(entry))
    return [g for c in kids.get(pid, []) for g in kids.get(c, [])]


# A worker killed from outside (a Ctrl-C reaching it, the OOM killer) is not checkpointed as failed: the
# shard stops with exit 4 and says to resume, the resume computes that run, and the merge equals a local run.
corridor = scenario("middle_corridor_2025.yaml")
shard_args = ["run", corridor, "-n", "8", "-j", "1", "-o", os.path.join(d, "killed.h5")]
p = subprocess.Popen([CASPIAN, *shard_args, "--shard", "1/1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
killed, deadline = False, time.monotonic() + 60
while not killed and p.poll() is None and time.monotonic() < deadline:
    for w in grandchildren(p.pid):
        try:
            os.kill(w, signal.SIGTERM)
            killed = True
        except ProcessLookupError:
            pass
    time.sleep(0.01)
_, err = p.communicate(timeout=120)
expect(killed and p.returncode == 4 and "--resume" in err, f"a killed worker stops the shard (exit 4, hint to resume): {p.returncode} {err}")
shard_file = os.path.join(d, "killed.h5.shard1of1")
kept = units(shard_file)
expect(kept == 7, f"the killed worker's run is not in the shard file: {kept} of 8 kept")
caspian(*shard_args, "--shard", "1/1", "--resume")
expect(units(shard_file) == 8, "the resumed shard computed the missing run")
caspian("merge", shard_file, "-o", os.path.join(d, "killed-merged.h5"))
caspian("run", corridor, "-n", "8", "-j", "2", "-o", os.path.join(d, "killed-local.h5"))
expect(filecmp.cmp(os.path.join(d, "killed-merged.h5"), os.path.join(d, "killed-local.h5"), shallow=False),
       "the resumed, merged shard equals a local run")

# --resume with no checkpoint simply runs; --resume and --shard need an experiment of several runs.
fresh = os.path.join(d, "fresh.h5")
caspian("run", path, "-n", "3", "-o", fresh, "--resume")
expect(os.path.exists(fresh) and not os.path.exists(fresh + ".ckpt"), "--resume without a checkpoint runs from scratch")
code, _, err = caspian("run", path, "-o", os.path.join(d, "single.h5"), "--resume", check=False)
expect(code == 2 and "several runs" in err, f"--resume on a single run is a usage error: {code} {err}")
# An -o the writer would refuse is refused before any run, and no checkpoint is left beside it.
fifo = os.path.join(d, "fifo.h5")
os.mkfifo(fifo)
code, _, err = caspian("run", path, "-n", "3", "-o", fifo, check=False)
expect(code == 5 and not os.path.exists(fifo + ".ckpt"), f"a FIFO as -o: exit 5 and no checkpoint: {code} {err}")
print("ok")
