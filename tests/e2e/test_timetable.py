"""The timetabled-sailings overlay (issue 11, item 4): it validates and runs on the 2025 corridor, and
`compare` against the base reports volume and, per service and flow, transit-time p50, p95 and the
share delivered within `transit_within` (14 d in middle_corridor_2025.yaml) with paired CIs, in the
summary and in the comparison file. The timetable changes how the feeders sail (more, part-loaded
sailings), so the comparison is not of two identical runs."""
import json
import math
import os

import h5py
from common import SRC, caspian, expect, scenario, tmpdir

d = tmpdir()
overlay = os.path.join(SRC, "scenarios", "expansions", "timetabled_sailings.yaml")
code, out, err = caspian("validate", overlay, check=False)
expect(code == 0, f"the overlay validates: {err}")
_, out, _ = caspian("describe", overlay)
expect("timetable: every 12 h" in out, f"describe shows the timetable: {out[:2000]}")

# A single run reports the share within 14 d per source.
_, out, _ = caspian("run", overlay, "-o", os.path.join(d, "one.h5"))
expect("Delivered within 14 d" in out, f"single-run summary: {out[-1500:]}")

# Replications: p50, p95 and the share within, with CIs, and /transit_time/<source>/within in the file.
_, out, _ = caspian("run", overlay, "-n", "3", "-o", os.path.join(d, "reps.h5"))
expect("within 14 d (%)" in out and "p95 (d)" in out, f"replications summary: {out[-2500:]}")
with h5py.File(os.path.join(d, "reps.h5")) as f:
    w = f["transit_time/feeder_containers/within"]
    expect(w.shape == (3,) and all(0 <= x <= 1 for x in w[()]), f"within shares: {w[()]}")
    expect(w.attrs["transit_within_days"] == 14, "the limit is recorded")

cmp_path = os.path.join(d, "cmp.h5")
_, out, _ = caspian("compare", scenario("middle_corridor_2025.yaml"), overlay, "-n", "6", "-o", cmp_path, "--summary", "json")
alt = json.loads(out)["alternatives"]["timetabled_sailings"]
for row in ("ady_teu", "feeder_teu", "kz_ferry_railcars"):  # volume
    expect(row in alt, f"volume row {row}: {list(alt)[:20]}")
for src in ("china_europe_transit", "feeder_containers", "tm_general_wagons"):
    for row in (f"transit_p50_days:{src}", f"transit_p95_days:{src}", f"transit_within_14d:{src}"):
        expect(row in alt, f"row {row} in the comparison")
        diff = alt[row]["difference"]
        expect(diff["n"] == 6 and diff["ci_low"] <= diff["mean"] <= diff["ci_high"], f"{row}: paired CI {diff}")
    share = alt[f"transit_within_14d:{src}"]
    expect(0 <= share["base"]["mean"] <= 100 and 0 <= share["alternative"]["mean"] <= 100 and share["units"].startswith("%"),
           f"shares are percentages: {share}")
    p50, p95 = alt[f"transit_p50_days:{src}"], alt[f"transit_p95_days:{src}"]
    expect(p50["base"]["mean"] <= p95["base"]["mean"] and p50["alternative"]["mean"] <= p95["alternative"]["mean"], f"p50 <= p95 for {src}")
sail = alt["feeder_sailings"]
expect(sail["significant"] and sail["difference"]["mean"] > 0, f"12-hourly feeder departures sail more often, part-loaded: {sail}")

with h5py.File(cmp_path) as f:
    g = f["comparison/timetabled_sailings"]
    p95 = g["transit_p95_days:feeder_containers"]
    expect(p95.attrs["diff_n"] == 6 and any(not math.isnan(x) for x in p95[()].ravel()), "monthly p95 differences in the file")
    within = g["transit_within_14d:feeder_containers"]
    expect(all(math.isnan(x) for x in within[()].ravel()) and within.attrs["units"].startswith("%"), "the within row has no monthly values")
print("ok")
