"""Command-line contract: exit codes, clear errors naming file:line:col and key, no result file left
behind by a failed run, --help and --version."""
import os
from common import scenario, caspian, tmpdir, expect

d = tmpdir()

code, out, _ = caspian("--version")
expect(code == 0 and out.startswith("caspian "), "--version")
for sub in ([], ["run"], ["validate"]):
    code, out, _ = caspian(*sub, "--help")
    expect(code == 0 and "Usage" in out, f"--help for {sub}")

code, out, _ = caspian("validate", scenario("examples/hand_check.yaml"))
expect(code == 0 and out.startswith("ok:"), "validate a good scenario")

code, _, err = caspian("run", check=False)
expect(code == 2, f"usage error exits 2, got {code}")

# A scenario error: exit 3, position and key named, the offending line shown, no file written.
bad = os.path.join(d, "bad.yaml")
with open(scenario("examples/hand_check.yaml")) as f:
    text = f.read().replace("handling_time: 6h", "handling_time: 6")
with open(bad, "w") as f:
    f.write(text)
line = text.splitlines().index("    handling_time: 6") + 1
out_file = os.path.join(d, "bad.h5")
code, _, err = caspian("run", bad, "-o", out_file, check=False)
expect(code == 3, f"scenario error exits 3, got {code}: {err}")
expect(f"bad.yaml:{line}:20: stages[terminal].handling_time: expected a duration" in err, f"message names position and key: {err}")
expect("has no unit" in err and "^" in err, f"says what is missing and points at it: {err}")
expect(not os.path.exists(out_file), "no result file after a scenario error")

# --set errors name the override.
code, _, err = caspian("validate", scenario("examples/hand_check.yaml"), "--set", "services.nope.every=2d", check=False)
expect(code == 3 and "--set services.nope.every=2d" in err and "nope" in err, f"--set error: {err}")
code, _, err = caspian("validate", scenario("examples/hand_check.yaml"), "--set", "services.shuttle.evry=2d", check=False)
expect(code == 3 and 'did you mean "every"' in err, f"--set typo: {err}")

# An output error: exit 5, nothing left behind.
code, _, err = caspian("run", scenario("examples/hand_check.yaml"), "-o", os.path.join(d, "no/such/dir/x.h5"), check=False)
expect(code == 5 and "output error" in err, f"output error exits 5, got {code}: {err}")
expect(not os.listdir(d) or all(not n.endswith(".h5") and ".tmp" not in n for n in os.listdir(d)), f"no partial files: {os.listdir(d)}")

# --set changes the run.
out_file = os.path.join(d, "set.h5")
code, out, _ = caspian("run", scenario("examples/hand_check.yaml"), "-o", out_file, "--set", "services.shuttle.teu=50 TEU", "--summary", "json")
expect('"total": 2250' in out, "--set halves TEU per train")
print("ok")

# One log stream: SimGrid's own lines come through it, and lines carry the simulated date.
code, _, err = caspian("run", scenario("examples/hand_check.yaml"), "-o", os.path.join(d, "log.h5"), "--log-level", "debug")
expect("simgrid info: xbt_cfg" in err, f"SimGrid's log routed into ours: {err[:300]}")
expect("[2025-01-01 00:00] kernel info: running 2025-01-01 to 2025-03-31" in err, f"simulated time stamps: {err[:500]}")
print("ok: logs")

# Output safety: only regular files are ever replaced. Anything else at the -o path (a FIFO, a
# directory, a device, a symlink to one of those, a dangling symlink) gets exit 5 and stays as it was;
# a symlink to a regular file keeps being a symlink and its target is replaced.
import stat
hand = scenario("examples/hand_check.yaml")
fifo = os.path.join(d, "fifo")
os.mkfifo(fifo)
subdir = os.path.join(d, "adir")
os.mkdir(subdir)
link_fifo = os.path.join(d, "link_to_fifo")
os.symlink(fifo, link_fifo)
dangling = os.path.join(d, "dangling")
os.symlink(os.path.join(d, "nowhere", "x.h5"), dangling)
targets = [(fifo, stat.S_ISFIFO), (subdir, stat.S_ISDIR), (link_fifo, stat.S_ISFIFO), (dangling, None)]
try:
    dev = os.path.join(d, "null")
    os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a second /dev/null, as root
    targets.append((dev, stat.S_ISCHR))
except OSError:
    print("note: cannot create a character device here (not root?); that case is not checked")
for path, kind in targets:
    for args in (["run", hand], ["run", hand, "-n", "2"]):
        code, _, err = caspian(*args, "-o", path, check=False)
        expect(code == 5 and "output error" in err, f"{args} -o {path}: exit {code}, {err}")
        if kind is not None:
            expect(kind(os.stat(path).st_mode), f"{path} is unchanged")
        if path in (link_fifo, dangling):
            expect(os.path.islink(path), f"{path} is still a symlink")
code, _, err = caspian("run", hand, "-o", fifo, check=False)
expect("FIFO" in err and "regular files" in err, f"the message says what the path is: {err}")
regular = os.path.join(d, "real.h5")
with open(regular, "w") as f:
    f.write("old")
link = os.path.join(d, "link.h5")
os.symlink(regular, link)
caspian("run", hand, "-o", link)
expect(os.path.islink(link) and os.readlink(link) == regular, "the symlink is still a symlink to the same file")
with open(regular, "rb") as f:
    expect(f.read(8) == b"\x89HDF\r\n\x1a\n", "the link's target was replaced by the result file")
expect(not [n for n in os.listdir(d) if ".tmp" in n], f"no temporary files left: {os.listdir(d)}")
print("ok: output safety")
