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
