"""Every shipped scenario's `assumed:` ranges hold the values they are marked beside.

`caspian validate` resolves each marked range as `caspian sensitivity --assumptions` and
`--sample-assumptions` would: a range that excludes its value (as after a re-calibration moved the
value) is an error at the range's file and line, exit 3, before any run.
"""
import glob
import os

from common import SRC, caspian, expect, scenario

checked = 0
for path in sorted(glob.glob(os.path.join(SRC, "scenarios", "**", "*.yaml"), recursive=True)):
    text = open(path).read()
    if "assumed: {" not in text:
        continue
    code, out, err = caspian("validate", path, check=False)
    expect(code == 0 and "assumed ranges" in out, f"{path}: {code} {out} {err}")
    checked += 1
expect(checked >= 1, "at least the 2025 corridor's assumptions file is checked")

# A value moved outside its range is an error naming the range's file, line and key.
f = scenario("assumptions/middle_corridor_2025.yaml")
code, _, err = caspian("validate", f, "--set", "flows.feeder_to_azerbaijan.arrivals=1.0 /d", check=False)
expect(code == 3 and "middle_corridor_2025.yaml:" in err and "flows.feeder_to_azerbaijan.arrivals (assumed)" in err
       and "exclude" in err, f"a value outside its range: {code} {err}")
print(f"ok: {checked} files with assumed ranges")
