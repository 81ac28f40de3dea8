"""tools/slurm against a real single-node Slurm on localhost (slurm_local.py: private munged,
slurmctld and slurmd, state in a temp folder, stopped by their PIDs also on failure): a sweep split
into 3 shards runs as an sbatch array (-j = --cpus-per-task), the afterok merge job joins them, and
the merged file is byte-identical to a local run. --dry-run prints both scripts. Skips (exit 77) only
where the daemons cannot run (not root, packages missing)."""
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from common import CASPIAN, SRC, scenario, caspian, tmpdir, expect
from slurm_local import LocalSlurm, cannot_run, wait_for

reason = cannot_run()
if reason:
    print(f"SKIPPED: a local Slurm cannot run here: {reason}")
    sys.exit(77)

SLURM_TOOL = os.path.join(SRC, "tools", "slurm")
d = tmpdir()
sweep = ["sweep", scenario("examples/stochastic.yaml"), "--grid", "stages.border.servers=1,2", "--grid", "stages.yard.servers=2,3", "-n", "4"]
out = os.path.join(d, "out", "sweep.h5")


def tool(*args, env=None):
    p = subprocess.run(["/usr/bin/python3", SLURM_TOOL, *args], capture_output=True, text=True, env=env, timeout=60)
    expect(p.returncode == 0, f"tools/slurm {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p.stdout


# --dry-run prints the array job (one task per shard, -j = --cpus-per-task) and the merge job.
dry = tool("--shards", "3", "--cpus-per-task", "1", "-o", out, "--caspian", CASPIAN, "--chdir", d, "--dry-run", "--", *sweep)
for needle in ("#SBATCH --array=1-3", "#SBATCH --cpus-per-task=1", " -j 1 ", '--shard "$SLURM_ARRAY_TASK_ID/3" --resume',
               f"merge {out}.shard1of3 {out}.shard2of3 {out}.shard3of3 -o {out}", "afterok"):
    expect(needle in dry, f"--dry-run shows {needle!r}:\n{dry}")
expect(not os.path.exists(out + ".slurm"), "--dry-run writes nothing")

local = os.path.join(d, "local.h5")
caspian(*sweep, "-j", "2", "-o", local)

started = time.monotonic()
state = tempfile.mkdtemp(prefix="caspian-slurm-")
with LocalSlurm(state) as s:
    try:
        stdout = tool("--shards", "3", "--cpus-per-task", "1", "-o", out, "--caspian", CASPIAN, "--chdir", d, "--", *sweep, env=s.env)
        m = re.search(r"shards job (\d+) .* merge job (\d+)", stdout)
        expect(m, f"tools/slurm prints both job ids: {stdout}")

        def queue_empty():
            q = subprocess.run(["squeue", "-h", "-j", f"{m.group(1)},{m.group(2)}", "-o", "%i %T"], capture_output=True, text=True,
                               env=s.env, timeout=15)
            return q.returncode == 0 and q.stdout.strip() == ""

        wait_for("the shards and the merge job", queue_empty, 90, s.procs)
        logs = os.path.join(out + ".slurm")
        merge_log = open(os.path.join(logs, "merge.log")).read() if os.path.exists(os.path.join(logs, "merge.log")) else "(none)"
        expect(os.path.exists(out), f"the merge job wrote {out}; its log:\n{merge_log}\n{s.log_tail()}")
        for k in (1, 2, 3):
            log = open(os.path.join(logs, f"shard-{k}.log")).read()
            expect(f"shard {k}/3" in log, f"array task {k} computed shard {k}/3: {log}")
        expect(filecmp.cmp(local, out, shallow=False), "the file merged on Slurm is byte-identical to the local run")
    except SystemExit:
        print(s.log_tail(), file=sys.stderr)
        raise
expect(not s.procs, "the daemons were stopped")
shutil.rmtree(state)  # kept for its logs only when the test fails
print(f"ok ({time.monotonic() - started:.1f} s with Slurm)")
