"""`source` means only a citation now: cargo filters are `cargo_of`, pipeline shares `shipper`.
Old names are still read, each with a warning naming the new one, and give the same results; both
names at once is an error (exit 3) naming the file and line."""
import os
from common import SRC, caspian, expect, run_json, tmpdir

OLD = os.path.join(SRC, "tests", "data", "renamed", "old_names.yaml")
d = tmpdir()
with open(OLD, encoding="utf-8") as f:
    text = f.read()
new = os.path.join(d, "new_names.yaml")
with open(new, "w", encoding="utf-8") as f:
    f.write(text.replace("sources: [trucks]", "cargo_of: [trucks]").replace("    source: trucks", "    cargo_of: trucks"))

_, _, err = caspian("validate", OLD)
expect("embargoes[0].sources` is the old name of `cargo_of`" in err and "old_names.yaml:11:" in err, f"warning for sources: {err}")
expect("metrics[truck_teu].source` is the old name of `cargo_of`" in err, f"warning for source: {err}")
_, _, err_new = caspian("validate", new)
expect("old name" not in err_new, f"no warning under the new names: {err_new}")

a = run_json(OLD, os.path.join(d, "old.h5"))
b = run_json(new, os.path.join(d, "new.h5"))
expect(a["fingerprint"] == b["fingerprint"], "old and new names give the same run")
expect(a["metrics"]["truck_teu"]["total"] > 0, "the filter counts the trucks")

both = os.path.join(d, "both.yaml")
with open(both, "w", encoding="utf-8") as f:
    f.write(text.replace("    source: trucks", "    source: trucks\n    cargo_of: trucks"))
rc, _, err = caspian("validate", both, check=False)
expect(rc == 3 and "both.yaml:21:" in err and "give only `cargo_of`" in err, f"both names: rc {rc}: {err}")
print("ok: old key names read with warnings, same results; both at once refused")
