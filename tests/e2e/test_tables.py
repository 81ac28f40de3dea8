"""Terminal tables stay readable: every command's text output on the shipped corridor scenarios (short
runs) has no line wider than 120 columns, and no name is glued to the next column (a row that starts
with a metric, resource, service or key is followed by at least two spaces or ends there; an
abbreviated name ends in ~N and is spelled out in the legend under its table)."""
import json
import os
import re

from common import caspian, expect, scenario, tmpdir

d = tmpdir()
C25, C27, OIL = scenario("middle_corridor_2025.yaml"), scenario("middle_corridor_2027.yaml"), scenario("kazakh_oil_2023_2025.yaml")

names = set()
for sc in (C25, C27, OIL):
    _, out, _ = caspian("run", sc, "-o", os.path.join(d, "names.h5"), "--summary", "json")
    j = json.loads(out)
    names |= set(j["metrics"]) | set(j["resources"]) | set(j["transit_time_days"])
names |= {"transit_days:" + n for n in list(names)}
LEGEND = re.compile(r"^\s+~\d+  ")


def glued_lines(lines):
    """Rows whose leading name runs into the next column."""
    glued = []
    for ln in lines:
        text = ln.strip()
        starts = [n for n in names | KEYS if text.startswith(n)]
        if not starts:
            continue
        rest = text[len(max(starts, key=len)):]
        if rest and not rest.startswith("  ") and not rest.startswith(" (") and not re.match(r"^~\d+ ", rest):
            glued.append(ln)
    return glued


def check(what, *args):
    _, out, _ = caspian(*args)
    lines = out.splitlines()
    wide = [ln for ln in lines if len(ln) > 120]
    expect(not wide, f"{what}: {len(wide)} lines over 120 columns, e.g. {wide[:1]}")
    legend = {m.group(1): m.group(2) for m in (re.match(r"^\s+(~\d+)  (\S+)", ln) for ln in lines if LEGEND.match(ln)) if m}
    glued = glued_lines(lines)
    expect(not glued, f"{what}: a name runs into the next column: {glued[:2]}")
    for key, full in legend.items():
        expect(any(key in ln and not LEGEND.match(ln) for ln in lines), f"{what}: legend {key} {full} is used")
    expect(any("  " in ln for ln in lines), f"{what}: has a table")
    return out


KEYS = {"stages.aktau_alat_feeder.fleet", "flows.feeder_containers.arrivals", "services.china_europe_transit.rate"}
out = check("run", "run", C25, "-o", os.path.join(d, "run.h5"))
expect("135," in out or "," in out, "thousands separators in a single run")
check("run oil", "run", OIL, "-o", os.path.join(d, "oil.h5"))
check("run -n --sample-assumptions", "run", scenario("kazakh_oil_2027_7mt.yaml"), "-n", "2", "-j", "2", "--sample-assumptions",
      "-o", os.path.join(d, "sampled.h5"))
out = check("run -n", "run", C25, "-n", "2", "-j", "2", "-o", os.path.join(d, "reps.h5"))
expect(re.search(r"\d,\d{3}\.\d", out) and "95% CI" in out, "replication tables: thousands separators and CIs")
check("compare", "compare", C27, scenario("expansions/alat_phase2.yaml"), "-n", "2", "-j", "2", "-o", os.path.join(d, "cmp.h5"))
out = check("sweep", "sweep", C25, "--grid", "stages.aktau_alat_feeder.fleet=2,3", "--grid", "flows.feeder_containers.arrivals=1.8 /d,2.2 /d",
            "-n", "2", "-j", "2", "-o", os.path.join(d, "sweep.h5"))
expect("95% CI" in out and "(TEU)" in out, "the sweep table has units and CIs")
check("sensitivity", "sensitivity", C25, "--method", "oat", "--param", "flows.feeder_containers.arrivals=1.5..3.5", "-n", "2", "-j", "2",
      "-o", os.path.join(d, "sens.h5"))
obs = os.path.join(d, "obs.yaml")
with open(obs, "w", encoding="utf-8") as f:
    f.write("targets:\n  - {metric: ady_teu, from: 2025-01-01, to: 2025-06-30, observed: 70000 TEU, tolerance: 5%, source: test}\n")
check("calibrate", "calibrate", C25, "--targets", obs, "--param", "services.china_europe_transit.rate=5..30", "-n", "2", "-j", "2",
      "--max-evals", "3", "-o", os.path.join(d, "fitted.yaml"))

for sc in (C25, C27, OIL):
    for args in (("describe", sc), ("validate", sc)):
        _, out, _ = caspian(*args)
        wide = [ln for ln in out.splitlines() if len(ln) > 120]
        expect(not wide, f"{' '.join(args)}: {len(wide)} lines over 120 columns, e.g. {wide[:1]}")
_, out, _ = caspian("describe")
expect(all(len(ln) <= 120 for ln in out.splitlines()), "describe (every key) within 120 columns")

# The check can fail: the glued rows of the old tables are caught, aligned rows are not.
expect(glued_lines(["  ady_transit_block_trains2025-01-01 to 2025-10-31", "  turkmenbashi_alat_ferry:loadingloading_berth  1"])
       == ["  ady_transit_block_trains2025-01-01 to 2025-10-31", "  turkmenbashi_alat_ferry:loadingloading_berth  1"], "glued rows are seen")
expect(glued_lines(["  ady_transit_block_trains  2025-01-01", "  ady_transit_b~2  2025", "  ady_teu (TEU)"]) == [], "aligned rows pass")
print("ok")
