"""run -n N --sample-assumptions: each replication draws the scenario's marked assumptions from their
ranges (Latin hypercube by default, or uniform), reproducibly by seed and whatever -j or --shard; the JSON summary
lists every replication's values, each inside its range; the spread of the results holds the
parameter uncertainty; a scenario without marks, or a single run, is refused."""
import json
import os

from common import caspian, expect, scenario, tmpdir

d = tmpdir()
S = scenario("kazakh_oil_2027_7mt.yaml")  # marks four tanker-line assumptions; the tankers bind


def run(*extra, out="x.h5"):
    _, stdout, _ = caspian("run", S, "-n", "6", "-o", os.path.join(d, out), "--summary", "json", *extra)
    return json.loads(stdout)


a = run("--sample-assumptions", "-j", "1", out="a.h5")
b = run("--sample-assumptions", "-j", "2", out="b.h5")
expect(a["metrics"] == b["metrics"], "the same draws and results whatever -j")
s = a["sampled_assumptions"]
expect(s["design"] == "lhs" and len(s["parameters"]) == 4, f"the four marked assumptions, lhs: {s['design']}")
for p in s["parameters"]:
    v = p["values"]
    expect(len(v) == 6 and all(p["low"] <= x <= p["high"] for x in v), f"{p['parameter']}: six values in range: {v}")
    strata = {int((x - p["low"]) / (p["high"] - p["low"]) * 6) for x in v}
    expect(len(strata) == 6, f"{p['parameter']}: a Latin hypercube uses every sixth of the range once: {v}")

import h5py  # the file keeps what each replication drew
with h5py.File(os.path.join(d, "a.h5")) as h:
    g = h["sampled_assumptions"]
    expect(g.attrs["design"] in ("lhs", b"lhs") and g["value"].shape == (6, 4), f"sampled_assumptions in the file: {g['value'].shape}")
    expect(abs(g["value"][2, 0] - s["parameters"][0]["values"][2]) < 1e-9, "the file's values are the summary's")

# Shards merged give the file one machine writes.
for k in (1, 2):
    caspian("run", S, "-n", "6", "--sample-assumptions", "-o", os.path.join(d, "m.h5"), "--shard", f"{k}/2")
caspian("merge", *[os.path.join(d, f"m.h5.shard{k}of2") for k in (1, 2)], "-o", os.path.join(d, "m.h5"))
expect(open(os.path.join(d, "m.h5"), "rb").read() == open(os.path.join(d, "a.h5"), "rb").read(), "--shard + merge: the same file")

u = run("--sample-assumptions", "--sample-design", "uniform", out="u.h5")
expect(u["sampled_assumptions"]["design"] == "uniform" and u["sampled_assumptions"]["parameters"][0]["values"] != s["parameters"][0]["values"],
       "another design, other draws")
o = run("--sample-assumptions", "--seed", "99", out="o.h5")
expect(o["sampled_assumptions"]["parameters"][0]["values"] != s["parameters"][0]["values"], "another seed, other draws")

# The sampled tanker times move the delivered volume: the results differ from the fixed scenario's.
f = run(out="f.h5")
expect("sampled_assumptions" not in f, "no sampling unless asked")
ka, kf = a["metrics"]["btc_kazakh_oil"]["total"], f["metrics"]["btc_kazakh_oil"]["total"]
expect(ka["mean"] != kf["mean"], f"sampling moves the results: {ka['mean']} vs {kf['mean']}")

code, _, err = caspian("run", scenario("examples/hand_check.yaml"), "-n", "2", "--sample-assumptions", "-o", os.path.join(d, "h.h5"), check=False)
expect(code == 3 and "assumed" in err, f"no marks to sample: {code} {err}")
code, _, err = caspian("run", S, "--sample-assumptions", "-o", os.path.join(d, "s.h5"), check=False)
expect(code == 2 and "-n" in err, f"a single run cannot sample: {code} {err}")
print("ok")
