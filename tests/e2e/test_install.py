"""`cmake --install` gives a complete prefix: bin/caspian, bin/caspian-plot, bin/caspian-report (which
find their Python package in share/caspian/python), the scenarios in share/caspian/scenarios and the
docs in share/doc/caspian. From a directory outside the source tree, the installed binary runs a
shipped scenario (its extends: and observations: resolve inside the prefix), caspian-plot plots it and
caspian-report writes its page, using nothing from the source tree."""
import os
import shutil
import subprocess
import sys

from common import CASPIAN, SRC, tmpdir, expect

build = os.path.dirname(os.path.dirname(os.path.abspath(CASPIAN)))  # <build>/tools/caspian
cmake = shutil.which("cmake")
expect(cmake is not None, "cmake on PATH")
prefix = os.path.join(tmpdir(), "prefix")
p = subprocess.run([cmake, "--install", build, "--prefix", prefix], capture_output=True, text=True)
expect(p.returncode == 0, f"cmake --install exited {p.returncode}\n{p.stdout}\n{p.stderr}")

bin_dir = os.path.join(prefix, "bin")
for tool in ("caspian", "caspian-plot", "caspian-report"):
    path = os.path.join(bin_dir, tool)
    expect(os.path.isfile(path) and os.access(path, os.X_OK), f"bin/{tool} installed and executable")
share = os.path.join(prefix, "share")
for rel in ("caspian/scenarios/middle_corridor_2025.yaml", "caspian/scenarios/base/caspian_weather.yaml",
            "caspian/scenarios/observations/ady.yaml", "caspian/python/caspian_plot/cli.py",
            "caspian/python/caspian_plot/report.py", "doc/caspian/README.md", "doc/caspian/results-format.md"):
    expect(os.path.isfile(os.path.join(share, rel)), f"share/{rel} installed")
docs = sorted(f for f in os.listdir(os.path.join(SRC, "docs")) if f.endswith(".md"))
expect(all(os.path.isfile(os.path.join(share, "doc", "caspian", f)) for f in docs), f"every doc installed: {docs}")

# Outside the source tree, with nothing of it on the Python path.
work = tmpdir()
expect(not os.path.abspath(work).startswith(os.path.abspath(SRC)), "the work directory is outside the source tree")
env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CASPIAN_SOURCE_DIR")}
env.update(MPLBACKEND="Agg", DISPLAY="", PATH=bin_dir + os.pathsep + "/usr/bin:/bin")


def run(*args):
    p = subprocess.run(list(args), cwd=work, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.exit(f"FAILED: {' '.join(args)} exited {p.returncode}\nstdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    return p.stdout


shipped = os.path.join(share, "caspian", "scenarios", "middle_corridor_2025.yaml")
run("caspian", "run", shipped, "-o", "corridor.h5")
expect(os.path.isfile(os.path.join(work, "corridor.h5")), "the installed caspian wrote its result")
pngs = run("caspian-plot", "corridor.h5", "-o", "plots").split()
expect(any(p.endswith("metric_ady_teu.png") for p in pngs) and any(p.endswith("transit_monthly.png") for p in pngs),
       f"caspian-plot drew the charts: {pngs}")
expect(all(os.path.getsize(os.path.join(work, p)) > 10_000 for p in pngs), "non-trivial PNGs")
run("caspian-report", "corridor.h5", "-o", "corridor.html")
with open(os.path.join(work, "corridor.html"), encoding="utf-8") as f:
    page = f.read()
expect("Middle Corridor 2025" in page and "data:image/png;base64," in page, "caspian-report wrote the page")

print("ok")
