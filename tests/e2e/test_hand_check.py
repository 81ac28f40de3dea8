"""The hand-checkable scenario gives exactly the counts worked out in its header comment, and the
result file documents itself: units, descriptions, months, the scenario text, seed and version."""
import os
import h5py
import numpy as np
from common import scenario, run_json, tmpdir, expect, caspian

out = os.path.join(tmpdir(), "hand.h5")
summary = run_json(scenario("examples/hand_check.yaml"), out, "--events")

expect(summary["metrics"]["terminal_teu"]["monthly"] == [1500, 1400, 1600], f"monthly TEU {summary['metrics']['terminal_teu']}")
expect(summary["metrics"]["terminal_trains"]["monthly"] == [15, 14, 16], "monthly trains")
t = summary["targets"][0]
expect(t["observed"] == 1500 and t["simulated"] == 1500 and t["error_pct"] == 0, f"target {t}")
expect(summary["transit_time_days"]["shuttle"]["p50"] == 1.25, "transit time 1 d line + 6 h terminal")
c = summary["conservation"]["teu"]
expect(c["created"] == c["delivered"] + c["in_system"], f"conservation {c}")

with h5py.File(out, "r") as f:
    for key in ("version", "scenario", "seed", "start_date", "end_date", "scenario_name"):
        expect(key in f.attrs, f"root attribute {key}")
    expect(f.attrs["start_date"] == "2025-01-01" and f.attrs["end_date"] == "2025-03-31", "dates")
    expect(f.attrs["seed"] == 7, "seed stored")
    months = list(f["calendar/month_label"].asstr()[:])
    expect(f.attrs["format"] == "caspian-results/2", "format")
    expect(f["calendar/month"][:].tolist() == [20089, 20120, 20148], "month coordinate: days since 1970-01-01 of each 1st")
    expect(f["calendar/month"].attrs["units"] == "days since 1970-01-01", "CF time units")
    expect(months == ["2025-01", "2025-02", "2025-03"], f"months {months}")
    ds = f["metrics/terminal_teu"]
    expect(np.array_equal(ds[:], [1500, 1400, 1600]), "HDF5 monthly series")
    expect(ds.attrs["units"] == "TEU" and ds.attrs["description"], "units and description attributes")
    expect(f["metrics_daily/terminal_teu"].shape == (90,), "daily series covers 90 days")
    ev = f["events"]
    names = [n for n in ev.attrs["kind_names"]]
    expect(names == ["create", "arrive", "start", "depart", "deliver", "sail"], f"kind names {names}")
    # 45 trains, each: create + 2 x (arrive, start, depart) + deliver = 8 events
    expect(ev.shape == (45 * 8,), f"events {ev.shape}")
    expect(np.all(np.diff(ev["time_d"]) >= 0), "events in time order")
    for r in ("line", "terminal"):
        for s in ("queue_mean", "queue_max", "utilisation"):
            expect(f[f"resources/{r}/{s}"].shape == (3,), f"resource series {r}/{s}")
    expect(abs(f["resources/terminal/utilisation"][0] - 15 * 0.25 / 31) < 1e-12, "terminal busy 6 h per train")
    stored = f.attrs["scenario"]
    fingerprint = f.attrs["fingerprint"]

# Without --events the file holds the same statistics and fingerprint but no event table, and says so.
plain = os.path.join(tmpdir(), "plain.h5")
plain_summary = run_json(scenario("examples/hand_check.yaml"), plain)
expect(plain_summary["fingerprint"] == summary["fingerprint"], "the fingerprint does not depend on --events")
with h5py.File(plain, "r") as f:
    expect("events" not in f, "no /events without --events")
    expect("--events" in f.attrs["event_table"], f"event_table attribute: {f.attrs['event_table']}")
    expect(f.attrs["fingerprint"] == fingerprint, "stored fingerprint")
    expect(np.array_equal(f["metrics/terminal_teu"][:], [1500, 1400, 1600]), "same statistics")
code, _, err = caspian("run", scenario("examples/hand_check.yaml"), "-n", "2", "--events", "-o", plain, check=False)
expect(code == 2 and "--events" in err and "single run" in err, f"--events with -n: exit {code}: {err}")

# The scenario stored in the file runs again to the same numbers.
d = tmpdir()
with open(os.path.join(d, "again.yaml"), "w") as g:
    g.write(stored)
again = run_json(os.path.join(d, "again.yaml"), os.path.join(d, "again.h5"))
expect(again["metrics"] == summary["metrics"], "re-run from the stored scenario text")

# The table summary names every metric with its unit and the target line.
_, table, _ = caspian("run", scenario("examples/hand_check.yaml"), "-o", os.path.join(d, "t.h5"))
for word in ("terminal_teu", "TEU", "Targets", "+0.0%", "Bottlenecks", "Conservation"):
    expect(word in table, f"'{word}' in the table summary")
print("ok")
