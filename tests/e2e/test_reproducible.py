"""Same scenario, seed and version: the same bytes. Another seed: other numbers."""
import filecmp
import os
import h5py
import numpy as np
from common import scenario, caspian, tmpdir, expect

d = tmpdir()
path = scenario("examples/stochastic.yaml")
a, b, c = (os.path.join(d, n) for n in ("a.h5", "b.h5", "c.h5"))
caspian("run", path, "-o", a, "--seed", "5", "--events")
caspian("run", path, "-o", b, "--seed", "5", "--events")
caspian("run", path, "-o", c, "--seed", "6")

expect(filecmp.cmp(a, b, shallow=False), "two runs with one seed give byte-identical result files")
with h5py.File(a) as fa, h5py.File(b) as fb, h5py.File(c) as fc:
    names = list(fa["metrics"])
    expect(names, "metrics present")
    for n in names:
        expect(np.array_equal(fa["metrics"][n][:], fb["metrics"][n][:]), f"identical {n}")
    expect(np.array_equal(fa["events"][:], fb["events"][:]), "identical event tables")
    expect(any(not np.array_equal(fa["metrics"][n][:], fc["metrics"][n][:]) for n in names), "another seed differs")
print("ok")
