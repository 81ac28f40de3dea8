"""Shards: run -n, a sweep and a compare split with --shard K/N, merged in shuffled order with
`caspian merge`, give files byte-identical to one machine's. Missing, duplicate, foreign, incomplete
and mismatched shards, and scenario files changed after sharding, are refused with exit 2."""
import filecmp
import json
import os
import random
import shutil
import subprocess
from common import CASPIAN, scenario, caspian, tmpdir, expect
from checkpoint_file import records, units

d = tmpdir()
path = scenario("examples/stochastic.yaml")
overlay = os.path.join(d, "two_border_servers.yaml")
with open(overlay, "w") as f:
    f.write("stages:\n  - name: border\n    servers: 2\n")
shuffle = random.Random(12)


def sharded(name, args, n, jobs="1"):
    """Shards ARGS into N shard files; returns their paths (in order 1..N) and the local file."""
    local, out = os.path.join(d, name + "-local.h5"), os.path.join(d, name + ".h5")
    caspian(*args, "-j", "2", "-o", local)
    shards = []
    for k in range(1, n + 1):
        _, stdout, _ = caspian(*args, "-j", jobs, "-o", out, "--shard", f"{k}/{n}")
        shards.append(f"{out}.shard{k}of{n}")
        expect(os.path.exists(shards[-1]) and f"shard {k}/{n}" in stdout, f"{name}: shard {k}/{n} written: {stdout}")
    expect(not os.path.exists(out), f"{name}: a shard writes no result file")
    return shards, local


def merged_equals_local(name, args, n):
    shards, local = sharded(name, args, n)
    total = sum(units(s) for s in shards)
    for attempt in range(2):
        order = shards[:]
        shuffle.shuffle(order)
        merged = os.path.join(d, f"{name}-merged{attempt}.h5")
        caspian("merge", *order, "-o", merged)
        expect(filecmp.cmp(local, merged, shallow=False), f"{name}: shards merged in order {order} equal the local run")
    return shards, total


run_shards, run_units = merged_equals_local("run", ["run", path, "-n", "12"], 4)
expect(run_units == 12 and [units(s) for s in run_shards] == [3, 3, 3, 3], "run: 12 replications in 4 shards of 3")
sweep_args = ["sweep", path, "--grid", "stages.border.servers=1,2", "--grid", "stages.yard.servers=2,3", "-n", "5"]
sweep_shards, sweep_units = merged_equals_local("sweep", sweep_args, 3)
expect(sweep_units == 20, f"sweep: 4 points x 5 replications in all, got {sweep_units}")
merged_equals_local("compare", ["compare", path, overlay, "--overlays", "-n", "6"], 2)
# More shards than runs: some shards are empty, the merge still works.
merged_equals_local("tiny", ["run", path, "-n", "2"], 3)


def refused(args, *words):
    code, _, err = caspian(*args, check=False)
    expect(code == 2 and all(w in err for w in words), f"{' '.join(args)}: expected exit 2 naming {words}, got {code}: {err}")


out = os.path.join(d, "bad.h5")
refused(["merge", *sweep_shards[:2], "-o", out], "missing shard 3/3")
refused(["merge", sweep_shards[0], *sweep_shards, "-o", out], "duplicate shard 1/3", sweep_shards[0])
# A foreign shard: the same sweep with another seed.
foreign_out = os.path.join(d, "foreign.h5")
caspian(*sweep_args, "--seed", "77", "-o", foreign_out, "--shard", "2/3")
refused(["merge", sweep_shards[0], foreign_out + ".shard2of3", sweep_shards[2], "-o", out], "different experiment", "foreign.h5.shard2of3")
# Shards of the same experiment split two ways.
caspian("run", path, "-n", "12", "-o", os.path.join(d, "halves.h5"), "--shard", "2/2")
refused(["merge", *run_shards, os.path.join(d, "halves.h5.shard2of2"), "-o", out], "different numbers of shards")
# An incomplete shard (its last run torn off, as by a crash): merge says to finish it with --resume.
torn = os.path.join(d, "torn.shard")
shutil.copy(sweep_shards[1], torn)
with open(torn, "r+b") as f:
    f.truncate(records(torn)[1][-1] + 10)
refused(["merge", sweep_shards[0], torn, sweep_shards[2], "-o", out], "incomplete", "--resume")
# A checkpoint is not a shard.
ckpt = os.path.join(d, "not-a-shard.h5.ckpt")
with open(ckpt, "wb") as f:
    f.write(open(sweep_shards[0], "rb").read()[:5])
refused(["merge", ckpt, "-o", out], "not a readable caspian checkpoint")
expect(not os.path.exists(out), "no result file from a refused merge")

# The scenario changed between sharding and merging: refused (the merge re-reads it).
copy = os.path.join(d, "copy.yaml")
shutil.copy(path, copy)
c_shards, _ = sharded("changed", ["run", copy, "-n", "4"], 2)
with open(copy, "a") as f:
    f.write("\n# edited after sharding\n")
refused(["merge", *c_shards, "-o", out], "changed since the shards were written")

# Relative paths: shards run in one folder, the merge from another; the scenario path is read where the
# shards ran (it is written into the file as given), -o where the merge runs.
rel = os.path.join(d, "rel")
os.makedirs(rel)
shutil.copy(path, os.path.join(rel, "s.yaml"))


def in_folder(folder, *args):
    p = subprocess.run([os.path.abspath(CASPIAN), *args], cwd=folder, capture_output=True, text=True)
    expect(p.returncode == 0, f"caspian {' '.join(args)} in {folder}: {p.returncode} {p.stderr}")


in_folder(rel, "run", "s.yaml", "-n", "4", "-o", "local.h5")
for k in (1, 2):
    in_folder(rel, "run", "s.yaml", "-n", "4", "-o", "out.h5", "--shard", f"{k}/2")
in_folder(d, "merge", "rel/out.h5.shard2of2", "rel/out.h5.shard1of2", "-o", "merged-rel.h5")
expect(filecmp.cmp(os.path.join(rel, "local.h5"), os.path.join(d, "merged-rel.h5"), shallow=False),
       "shards with relative paths merged from another folder equal the local run")

# With --summary json a shard says what it wrote as JSON.
_, stdout, _ = caspian("run", path, "-n", "5", "-o", os.path.join(d, "json.h5"), "--shard", "2/2", "--summary", "json")
shard = json.loads(stdout)
expect(shard["format"] == "caspian-summary" and shard["command"] == "run" and shard["kind"] == "shard"
       and {k: shard[k] for k in ("shard", "runs", "of", "file")} == {"shard": "2/2", "runs": 2, "of": 5, "file": os.path.join(d, "json.h5.shard2of2")},
       f"shard JSON: {stdout}")

for bad in ("0/3", "4/3", "3", "a/b", "1/0"):
    refused(["run", path, "-n", "3", "-o", out, "--shard", bad], "--shard", "K/N")
print("ok")
