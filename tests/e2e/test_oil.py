"""The oil chain: the 2023-2025 scenario meets the operator series and its 2023 target (mean of 30
replications within tolerance; the seed's 3.4 Mt is reported beside it), mass
balances at every month end; the 2027 base case (2.2 Mt/yr) binds nowhere and the 7 Mt/yr what-if names
the tanker shuttle as its binding constraint; a larger
tanker fleet delivers significantly more Kazakh oil under common random numbers."""
import json
import os
import h5py
import numpy as np
from common import scenario, caspian, tmpdir, expect

d = tmpdir()
_, out, _ = caspian("run", scenario("kazakh_oil_2023_2025.yaml"), "-n", "30", "-o", os.path.join(d, "oil.h5"), "--summary", "json")
res = json.loads(out)
series = [t for t in res["targets"] if t["file"].endswith("observations/kazakh_oil.yaml")]
expect(len(series) == 4, f"the oil series inside the run is reported (2023, H1 2024, Jan-Oct 2024, H1 2025): {len(series)}")
# Every observation of the operator series is met (the re-calibration of issue 10), and so is the
# scenario's own 2023 target. The seed's ~3.4 Mt to 14 Oct 2025 conflicts with the series (which sums
# to ~3.38 Mt by end-June 2025 without Nov-Dec 2024): it is reported, not fitted; the model must then
# lie above 3.38 Mt, as the series implies.
for t in series + [t for t in res["targets"] if not t["file"] and t["to"] != "2025-10-14"]:
    expect(t["inside_tolerance"] and abs(t["error_pct"]) <= t["tolerance_pct"],
           f"{t['metric']} {t['from']}..{t['to']}: {t['simulated']['mean']:.0f} t vs {t['observed']:.0f} t ({t['error_pct']:+.1f}%)")
seed = [t for t in res["targets"] if not t["file"] and t["to"] == "2025-10-14"]
expect(len(seed) == 1 and seed[0]["simulated"]["mean"] > 3.38e6, f"the seed's 3.4 Mt is reported beside the model: {seed}")
expect(abs(res["resources"]["btc"]["utilisation"]["mean"] - 0.50) < 0.05, "BTC runs at about half its capacity, as observed (47-52%)")

# Mass balance at every month end of one run: supplied = delivered + in tanks, at sea, in storage.
single = os.path.join(d, "single.h5")
caspian("run", scenario("kazakh_oil_2023_2025.yaml"), "-o", single)
with h5py.File(single) as f:
    g = f["conservation/month_ends"]
    c, dl, inside = g["created_tonnes"][:], g["delivered_tonnes"][:], g["in_system_tonnes"][:]
    expect(len(c) == 36, f"35 month ends and the horizon, got {len(c)}")
    expect(np.all(np.abs(c - dl - inside) <= 1e-6 * np.maximum(c, 1)), "supplied = delivered + in the chain at each month end")
    expect(np.all(np.diff(c) > 0) and inside.max() > 0, "the ledger moves")
    for s in ("storage_tonnes_mean", "backlog_tonnes_mean"):
        expect(f[f"resources/aktau_baku_tankers/{s}"].shape == (36,), f"Aktau {s}")
    expect(f["resources/btc/storage_tonnes_mean"].shape == (36,), "Sangachal storage level")

# 2027 base case (the agreement's 2.2 Mt/yr): the fleet carries it; nothing binds, and the summary says so.
_, out, _ = caspian("run", scenario("kazakh_oil_2027.yaml"), "-n", "6", "-o", os.path.join(d, "b27.h5"), "--summary", "json")
res = json.loads(out)
k = res["metrics"]["btc_kazakh_oil"]["total"]
expect(2.0e6 < k["mean"] < 2.2e6, f"2027 base: {k['mean']:.0f} t of the 2.2 Mt/yr agreement")
expect(not res["binding_constraint"]["binding"], f"2027 base: nothing binds: {res['binding_constraint']}")

# 2027 what-if (7 Mt/yr): the delivered volume with its CI and the binding constraint, in the summary and the file.
p27 = os.path.join(d, "o27.h5")
_, out, _ = caspian("run", scenario("kazakh_oil_2027_7mt.yaml"), "-n", "10", "-o", p27, "--summary", "json")
res = json.loads(out)
k = res["metrics"]["btc_kazakh_oil"]["total"]
expect(k["ci_low"] < k["mean"] < k["ci_high"] < 7e6, f"2027 Kazakh oil {k['mean']:.0f} t, below the 7 Mt nominated")
bc = res["binding_constraint"]
expect(bc["binding"] and bc["resource"] == "aktau_baku_tankers", f"binding constraint: {bc['resource']}")
periods = res["binding_by_period"]
expect([p["period"] for p in periods] == ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"], f"quarters: {periods}")
expect(all(p["binding"] and p["resource"] == "aktau_baku_tankers" and p["why"] == "queue grows" for p in periods),
       f"the tankers' queue grows in every quarter of the 7 Mt what-if: {periods}")
with h5py.File(p27) as f:
    expect(f.attrs["binding_constraint"] == "aktau_baku_tankers", "binding constraint stored in the file")
    expect(list(f.attrs["binding_by_period_resource"]) == ["aktau_baku_tankers"] * 4, "binding by quarter stored in the file")
_, table, _ = caspian("run", scenario("kazakh_oil_2027_7mt.yaml"), "-n", "4", "-o", os.path.join(d, "t.h5"))
expect("Binding constraint: aktau_baku_tankers" in table, "binding constraint in the table summary")
expect("2027-Q3   aktau_baku_tankers (vessel_line): its queue grows in 100% of replications" in table, f"binding by quarter in the table:\n{table}")

# The expansion: significantly more Kazakh oil with common random numbers.
_, out, _ = caspian("compare", scenario("kazakh_oil_2027_7mt.yaml"), scenario("expansions/larger_tanker_fleet.yaml"), "-n", "10",
                    "-o", os.path.join(d, "cmp.h5"), "--summary", "json")
diff = json.loads(out)["alternatives"]["larger_tanker_fleet"]["btc_kazakh_oil"]
# Three more 12,400 t tankers (37,200 t) on the real five-tanker fleet: +1.95 Mt at -n 30 (issue 10;
# before it, four more 13,000 t tankers on three added 3.25 Mt).
expect(diff["significant"] and diff["difference"]["mean"] > 1.5e6, f"larger fleet adds {diff['difference']['mean']:.0f} t")
print("ok")
