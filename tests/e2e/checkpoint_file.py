"""Reads caspian's checkpoint and shard files (sim/experiment/checkpoint.h) for the tests: records
framed as [u64 length][u64 FNV-1a][payload]; the first is the header."""
import os
import signal
import struct
import subprocess
import time

from common import CASPIAN


def fnv1a(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def records(path):
    """The payloads of the intact records, and the offset where each record starts."""
    with open(path, "rb") as f:
        data = f.read()
    out, starts, pos = [], [], 0
    while len(data) - pos >= 16:
        n, s = struct.unpack_from("<QQ", data, pos)
        body = data[pos + 16:pos + 16 + n]
        if len(body) < n or fnv1a(body) != s:
            break
        out.append(body)
        starts.append(pos)
        pos += 16 + n
    return out, starts


def units(path):
    """Finished units in a checkpoint: every record after the header."""
    return len(records(path)[0]) - 1


def interrupt(args, ckpt, at_least, timeout=60):
    """Starts caspian ARGS in its own process group and kills the group (SIGKILL: no clean-up of any
    kind) once CKPT holds AT_LEAST finished units. Returns how many it held; fails if it finished first."""
    p = subprocess.Popen([CASPIAN, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and p.poll() is None:
            if os.path.exists(ckpt) and units(ckpt) >= at_least:
                break
            time.sleep(0.02)
        else:
            raise SystemExit(f"FAILED: {' '.join(args)} finished (exit {p.returncode}) or timed out before {at_least} units were checkpointed")
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
        p.wait()
    time.sleep(0.2)  # workers already forked may still be running into their dead parent's pipe
    return units(ckpt)
