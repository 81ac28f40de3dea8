"""Helpers for end-to-end tests: run the caspian binary, read results back with h5py."""
import json
import os
import subprocess
import sys
import tempfile

CASPIAN = os.environ.get("CASPIAN", "build/tools/caspian")
SRC = os.environ.get("CASPIAN_SOURCE_DIR", os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def scenario(rel):
    return os.path.join(SRC, "scenarios", rel)


def caspian(*args, check=True):
    """Runs caspian; returns (exit code, stdout, stderr)."""
    p = subprocess.run([CASPIAN, *args], capture_output=True, text=True)
    if check and p.returncode != 0:
        sys.exit(f"caspian {' '.join(args)} exited {p.returncode}\nstdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    return p.returncode, p.stdout, p.stderr


def run_json(scenario_path, out, *extra):
    _, stdout, _ = caspian("run", scenario_path, "-o", out, "--summary", "json", *extra)
    return json.loads(stdout)


def tmpdir():
    return tempfile.mkdtemp(prefix="caspian-e2e-")


def expect(cond, message):
    if not cond:
        sys.exit("FAILED: " + message)
