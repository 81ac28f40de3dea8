"""Back-pressure against theory: scenarios/examples/tandem_blocking.yaml is a saturated two-stage line,
exponential service with mean 1 h at both stages and room for b = 2 waiting before the second, with
blocking after service. A birth-death chain on b + 3 states gives the throughput mu (b+2)/(b+3) =
0.8 per hour; it must lie in the 95% CI of 30 replications (and the CI must be tight enough that a
line without blocking, at 1 per hour, would be outside it)."""
import json
import os
from common import caspian, expect, scenario, tmpdir

out = os.path.join(tmpdir(), "tandem.h5")
_, stdout, _ = caspian("run", scenario("examples/tandem_blocking.yaml"), "-n", "30", "-o", out, "--summary", "json")
res = json.loads(stdout)
hours = (31 + 28 - 5) * 24  # Jan-Feb 2025 less the 5-day warm-up
t = res["metrics"]["completed"]["total"]
rate, lo, hi = t["mean"] / hours, t["ci_low"] / hours, t["ci_high"] / hours
print(f"throughput {rate:.4f} /h, 95% CI [{lo:.4f}, {hi:.4f}], theory 0.8")
expect(lo <= 0.8 <= hi, f"0.8 /h inside the 95% CI [{lo:.4f}, {hi:.4f}]")
expect(hi < 0.9, "the CI excludes a line without blocking")
held = res["resources"]["origin:jobs"]
expect(held["kind"] == "origin", "the source holds what the first stage has no room for, reported as held demand")
print("ok")
