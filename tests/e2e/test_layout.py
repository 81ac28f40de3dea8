"""The layout is a contract: each folder of sim/ uses only the folders below it, and each outside
library stays in its folder (SimGrid in sim/kernel, yaml-cpp in sim/config, HDF5 in sim/output, NLopt in sim/calibration).
Checked on every #include of the source tree, so a boundary crossed by accident fails CI."""
import glob
import os
import re
from common import SRC, expect

# What each folder of sim/ may include besides itself (transitively closed by hand: keep in step
# with sim/CMakeLists.txt).
ALLOWED = {
    "core": set(),
    "config": {"core"},
    "kernel": {"core"},
    "record": {"core"},
    "analysis": {"core", "record"},
    "experiment": {"core", "record", "analysis"},
    "output": {"core", "record", "analysis"},
    "calibration": {"core"},
}
OUTSIDE = {"simgrid": ("kernel",), "xbt": ("kernel",), "yaml-cpp": ("config",), "H5": ("output",), "hdf5": ("output",), "nlopt": ("calibration",)}
# Benchmark yardsticks written on purpose without caspian's layers (tools/bench compares against them).
YARDSTICKS = {"tools/mmc_s4u.cpp"}

problems = []
files = [f for f in glob.glob(os.path.join(SRC, "**", "*.[ch]*"), recursive=True)
         if re.search(r"\.(h|cpp)$", f) and "/build" not in f and os.sep + "shared" + os.sep not in f]
expect(len(files) > 50, f"source files found: {len(files)}")
for path in files:
    rel = os.path.relpath(path, SRC)
    parts = rel.split(os.sep)
    folder = parts[1] if parts[0] == "sim" and len(parts) > 2 else None
    with open(path, encoding="utf-8") as f:
        includes = re.findall(r'^\s*#include\s+[<"]([^>"]+)[>"]', f.read(), re.M)
    for inc in includes:
        for lib, homes in OUTSIDE.items():
            if inc.startswith(lib + "/") or inc.startswith(lib):
                if not (parts[0] == "sim" and folder in homes) and not rel.startswith("tests/") and rel not in YARDSTICKS:
                    problems.append(f"{rel} includes <{inc}>: only sim/{'/'.join(homes)} may")
        if parts[0] == "sim" and inc.startswith("models/"):
            problems.append(f"{rel} includes {inc}: sim/ never depends on models/")
        if folder and inc.startswith("sim/"):
            other = inc.split("/")[1]
            if other != folder and other not in ALLOWED[folder]:
                problems.append(f"{rel} includes {inc}: sim/{folder} may use only {sorted(ALLOWED[folder]) or 'nothing'}")
expect(not problems, "layout boundaries crossed:\n  " + "\n  ".join(problems))
print(f"ok: {len(files)} files within their boundaries")
