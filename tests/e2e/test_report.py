"""tools/report writes one self-contained HTML page for every kind of result file (single run,
replications, comparison, sweep, sensitivity): no scripts, style sheets, links or remote images; the
sections a reader needs; every chart inline. Each page is rendered in headless Chromium (Debian's
`chromium`): the DOM holds the expected headings and the screenshot is not blank. Exits 77 (skipped)
only when chromium is not installed."""
import os
import re
import shutil
import subprocess
import sys

from matplotlib import image as mpimg
from common import SRC, scenario, caspian, tmpdir, expect

REPORT = os.path.join(SRC, "tools", "report")
PYTHON = "/usr/bin/python3"
CHROMIUM = shutil.which("chromium")
if CHROMIUM is None:
    print("skipped: chromium is not installed (Debian package chromium; tools/setup installs it)")
    sys.exit(77)

d = tmpdir()
stochastic, hand_check = scenario("examples/stochastic.yaml"), scenario("examples/hand_check.yaml")
COMMON = ["Scenario and provenance", "Observations against the model", "Bottlenecks", "Metrics", "Transit times", "Charts"]


def report(result):
    out = os.path.splitext(result)[0] + ".html"
    p = subprocess.run([PYTHON, "-W", "error", REPORT, result, "-o", out], capture_output=True, text=True,
                       env={**os.environ, "MPLBACKEND": "Agg", "DISPLAY": ""})
    expect(p.returncode == 0 and not p.stderr and p.stdout.strip() == out,
           f"tools/report {result}: exit {p.returncode}\n{p.stdout}\n{p.stderr}")
    with open(out, encoding="utf-8") as f:
        return out, f.read()


def self_contained(page, where):
    """Nothing on the page is fetched from elsewhere: no script, style sheet, link, frame or remote image."""
    for pattern in (r"<script", r"<link", r"<iframe", r"<object", r"<embed", r"@import", r"url\(", r"\shref\s*="):
        expect(re.search(pattern, page, re.I) is None, f"{where}: {pattern} found")
    sources = re.findall(r'\ssrc\s*=\s*"([^"]*)"', page, re.I)
    expect(sources and all(s.startswith("data:image/png;base64,") for s in sources), f"{where}: images inline ({len(sources)})")


def chromium(*args):
    profile = tmpdir()
    p = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}", *args],
                       capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": profile})
    shutil.rmtree(profile, ignore_errors=True)
    return p


def rendered(path, headings):
    """Chromium's DOM of PATH holds HEADINGS; its screenshot shows more than a blank page."""
    url = "file://" + os.path.abspath(path)
    dom = chromium("--dump-dom", url).stdout
    found = re.findall(r"<h[123]>([^<]*)</h[123]>", dom)
    for h in headings:
        expect(any(h in text for text in found), f"{path}: Chromium rendered heading {h!r} (found {found})")
    shot = os.path.splitext(path)[0] + ".png"
    p = chromium(f"--screenshot={shot}", "--window-size=1280,1600", "--hide-scrollbars", url)
    expect(os.path.isfile(shot), f"{path}: screenshot written ({p.stderr[-500:]})")
    pixels = mpimg.imread(shot)[..., :3]
    expect(pixels.shape[0] >= 1500 and pixels.shape[1] >= 1200, f"screenshot size {pixels.shape}")
    dark = float((pixels.mean(axis=2) < 0.5).mean())
    expect(float(pixels.std()) > 0.05 and dark > 0.005, f"{path}: the screenshot is not blank (std {pixels.std():.3f}, dark {dark:.4f})")


# A single run of the 2025 corridor: its observations, bottlenecks, transit times.
single = os.path.join(d, "single.h5")
caspian("run", scenario("middle_corridor_2025.yaml"), "-o", single)
path, page = report(single)
self_contained(page, path)
for text in ("Middle Corridor 2025", "ady_teu", "caspian run ", "sha256", "metric_ady_teu", "transit_monthly",
             "middle_corridor_2025.yaml"):
    expect(text in page, f"single run page mentions {text!r}")
rendered(path, ["caspian single run: Middle Corridor 2025"] + COMMON)

# Replications with a warm-up month.
reps = os.path.join(d, "reps.h5")
caspian("run", stochastic, "-n", "3", "--set", "warmup=31d", "-o", reps)
path, page = report(reps)
self_contained(page, path)
expect("--set warmup=31d" in page and "-n 3" in page, "the command is rebuilt with -n and --set")
expect(re.search(r"<td class=\"num\">1\d,\d{3} \[1\d,\d{3}, 1\d,\d{3}\]</td>", page) is not None, "border_teu with its CI")
rendered(path, ["caspian replications: stochastic example"] + COMMON)

# A comparison: the differences first, then each scenario, base first.
more = os.path.join(d, "more_trains.yaml")
with open(stochastic) as src, open(more, "w") as dst:
    dst.write(src.read().replace("per_week: 3", "per_week: 6"))
cmp = os.path.join(d, "cmp.h5")
caspian("compare", stochastic, more, "-n", "3", "-o", cmp)
path, page = report(cmp)
self_contained(page, path)
expect(page.index("stochastic: Scenario") < page.index("more_trains: Scenario"), "the base first")
rendered(path, ["Paired differences: more_trains − stochastic", "stochastic: Metrics", "more_trains: Transit times", "Charts"])

# A sweep of two keys.
sweep = os.path.join(d, "sweep.h5")
caspian("sweep", stochastic, "--grid", "services.weekly_block.per_week=2,4", "--grid", "stages.border.servers=1,2",
        "-n", "2", "-o", sweep)
path, page = report(sweep)
self_contained(page, path)
expect("--grid services.weekly_block.per_week=2,4 --grid stages.border.servers=1,2" in page, "the sweep's command")
rendered(path, ["Scenario and provenance", "Sweep results", "Charts"])

# Sensitivity.
sens = os.path.join(d, "sens.h5")
caspian("sensitivity", hand_check, "--method", "oat", "-n", "2", "--param", "services.shuttle.teu=50..150", "-o", sens)
path, page = report(sens)
self_contained(page, path)
rendered(path, ["Parameters", "Sensitivity of terminal_teu", "Charts"])

# Cost and CO2 (tests/data/costs/two_stage.yaml, by hand 604.5 USD/TEU, 15 kg CO2/TEU, generalized
# 654.5; a priced second shuttle: 1.0 M USD/yr over 17,856.7 extra TEU/yr = 56.00 USD per extra TEU).
COSTS = os.path.join(SRC, "tests", "data", "costs", "two_stage.yaml")
cost_reps = os.path.join(d, "cost_reps.h5")
caspian("run", COSTS, "-n", "3", "-o", cost_reps)
path, page = report(cost_reps)
self_contained(page, path)
for text in ("<td>Generalized cost per TEU</td><td>USD/TEU</td><td class=\"num\">654.5 [654.5, 654.5]</td>",
             "<td>CO2 per TEU</td><td>kg CO2/TEU</td><td class=\"num\">15.00 [15.00, 15.00]</td>",
             "mean over 3 replications [95% CI]", 'alt="cost_monthly"'):
    expect(text in page, f"cost section shows {text!r}")
expect(page.index("<h2>Cost and CO2") < page.index('alt="cost_usd_per_teu"') < page.index("<h2>Charts"),
       "the cost charts sit in the cost section")
rendered(path, ["Cost and CO2"] + COMMON)
second = os.path.join(os.path.dirname(COSTS), "second_shuttle.yaml")  # priced: 1.0 M USD/yr
cost_cmp = os.path.join(d, "cost_cmp.h5")
caspian("compare", COSTS, second, "-n", "3", "-o", cost_cmp)
path, page = report(cost_cmp)
self_contained(page, path)
for text in ("<td class=\"num\">1,000,000 USD/yr</td>", "56.00 USD per extra TEU [56.00, 56.00]", 'alt="cost_effectiveness"',
             "<td>shuttle</td><td>Generalized cost per TEU</td><td>USD/TEU</td><td class=\"num\">0 [0, 0]</td>"):
    expect(text in page, f"comparison cost section shows {text!r}")
rendered(path, ["Cost and CO2", "Cost-effectiveness of priced expansions", "Change in cost per service: second_shuttle − two_stage",
                "second_shuttle: per service or flow"])
expect("Cost and CO2" not in report(reps)[1], "no cost section without /costs")
# A sweep: each point's costs; 50-TEU trains share the 200 USD/train over 50 TEU: 656.5 USD/TEU generalized.
cost_sweep = os.path.join(d, "cost_sweep.h5")
caspian("sweep", COSTS, "--grid", "services.shuttle.teu=50 TEU,100 TEU", "-n", "2", "-o", cost_sweep)
path, page = report(cost_sweep)
for text in ("<h2>Cost and CO2", "<h3>point 0: services.shuttle.teu = 50 TEU</h3>",
             "<td>Generalized cost per TEU</td><td>USD/TEU</td><td class=\"num\">656.5 [656.5, 656.5]</td>"):
    expect(text in page, f"sweep cost section shows {text!r}")
chart = 'alt="sweep_cost_generalized_usd_per_teu"'
expect(page.find("<h2>Cost and CO2") < page.find(chart) < page.find("<h2>Charts"), "the sweep's cost charts in its cost section")

# Bad input: exit 2 with the reason.
p = subprocess.run([PYTHON, REPORT, os.path.join(d, "missing.h5")], capture_output=True, text=True)
expect(p.returncode == 2 and "no such file" in p.stderr, f"missing file: {p.returncode} {p.stderr}")
print("ok")
