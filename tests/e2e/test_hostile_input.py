"""Hostile scenario files get a clear scenario error (exit 3) in bounded time and memory, and no error
shows content of a file that is not a scenario. The bounds are generous (the same test runs under
AddressSanitizer): they catch the old behaviour (an alias bomb took 1.7 GB and 13 s, /dev/zero was read
forever, 4,500 extends segfaulted), they do not measure speed."""
import os
import resource
import subprocess
import time
from common import CASPIAN, SRC, scenario, tmpdir, expect

HOSTILE = os.path.join(SRC, "tests", "data", "hostile")
SECONDS = 20
MAX_RSS_MB = 500


def validate(path, *extra):
    """caspian validate PATH: (exit code, stderr), failing the test past the time bound."""
    started = time.monotonic()
    try:
        p = subprocess.run([CASPIAN, "validate", path, *extra], capture_output=True, text=True, timeout=SECONDS)
    except subprocess.TimeoutExpired:
        expect(False, f"validate {path} still running after {SECONDS} s")
    expect(time.monotonic() - started < SECONDS, f"validate {path} took too long")
    return p.returncode, p.stderr


def expect_error(path, *words, extra=()):
    code, err = validate(path, *extra)
    expect(code == 3, f"{path}: exit 3 expected, got {code}: {err}")
    for w in words:
        expect(w in err, f"{path}: {w!r} expected in: {err}")
    return err


d = tmpdir()

# Alias bombs: 9^7 and 9^10 values from a few hundred bytes.
for bomb in ("alias_bomb_7.yaml", "alias_bomb_10.yaml"):
    expect_error(os.path.join(HOSTILE, bomb), "aliases", "beyond what a scenario needs")
expect_error(os.path.join(HOSTILE, "alias_self.yaml"), "endless")

# Only regular files are read.
expect_error(os.path.join(HOSTILE, "extends_dev_zero.yaml"), '"/dev/zero" is a character device')
expect_error(os.path.join(HOSTILE, "extends_directory.yaml"), "is a directory")
fifo = os.path.join(d, "fifo.yaml")
os.mkfifo(fifo)
expect_error(fifo, "is a FIFO")  # on the command line: opening it would wait for a writer forever
with open(os.path.join(d, "to_fifo.yaml"), "w") as f:
    f.write("extends: fifo.yaml\n")
expect_error(os.path.join(d, "to_fifo.yaml"), "is a FIFO")
big = os.path.join(d, "big.yaml")
with open(big, "w") as f:
    f.truncate((16 << 20) + 1)  # sparse: costs no disk
expect_error(big, "at most 16 MiB")

# No content of a file that is not a scenario, whether or not it parses as YAML: /etc/shadow's lines
# parse as keys of a mapping.
secret = os.path.join(d, "secret")
with open(secret, "w") as f:
    f.write("root:$y$SECRETHASH:19000:0:99999:7:::\n")
os.symlink(secret, os.path.join(d, "disguised.yaml"))
for target in ("secret", "disguised.yaml"):
    child = os.path.join(d, "to_" + target.replace(".", "_") + ".yaml")
    with open(child, "w") as f:
        f.write(f"name: x\nextends: {target}\n")
    err = expect_error(child, "only .yaml and .yml files can be extended")
    expect("SECRETHASH" not in err, f"the secret is shown: {err}")
err = expect_error(os.path.join(HOSTILE, "extends_shadow.yaml"))
try:
    with open("/etc/shadow") as f:
        first = f.readline().strip()
    expect(first not in err, "a line of /etc/shadow is shown")
except OSError:
    pass  # not readable here: the loader cannot show it either
# A file named on the command line that is not named like a scenario: its line is not shown either.
notes = os.path.join(d, "notes.txt")
with open(notes, "w") as f:
    f.write("password: [SECRETHASH\n")
err = expect_error(notes, "YAML syntax error")
expect("SECRETHASH" not in err, f"a line of a non-scenario file is shown: {err}")

# A chain of 4,500 extends once overflowed the stack.
for i in range(4500):
    with open(os.path.join(d, f"c{i}.yaml"), "w") as f:
        f.write(f"extends: c{i + 1}.yaml\n" if i < 4499 else "name: end\n")
expect_error(os.path.join(d, "c0.yaml"), "more than 64 files deep")

# Small defects: a missing file is a scenario error; an empty --set value is blamed on the --set.
expect_error(os.path.join(d, "nosuch.yaml"), "cannot open scenario file", "nosuch.yaml")
expect_error(scenario("examples/hand_check.yaml"), "error: --set services.shuttle.every=:", "the value is empty",
             extra=("--set", "services.shuttle.every="))

# Every run above stayed small (the bombs once took 1.4 to 6.8 GB). ru_maxrss is in KiB on Linux.
peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
expect(peak_mb < MAX_RSS_MB, f"a run took {peak_mb:.0f} MB")
print(f"ok (largest run: {peak_mb:.0f} MB)")
