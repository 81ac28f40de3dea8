"""A private single-node Slurm on localhost for tests (facts and traps: ../shared/notes/slurm-local.md):
its own munged (own socket), slurmctld and slurmd (own ports, found free), all state in one folder,
every daemon started in the foreground by us, so it is stopped by its own PID and nothing else.

  with LocalSlurm(folder) as s:        # s.env: the environment for sbatch, squeue, ... (SLURM_CONF)
      subprocess.run(["sbatch", ...], env=s.env)

As a script, for a developer: `slurm_local.py FOLDER` brings it up and keeps it until Enter."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

DAEMONS = ("munged", "slurmctld", "slurmd", "sbatch", "squeue", "sinfo")


def cannot_run():
    """Why the daemons cannot run here (None if they can)."""
    if os.geteuid() != 0:
        return "not root: slurmd and munged must run as root and munge"
    missing = [d for d in DAEMONS if not shutil.which(d, path="/usr/sbin:/usr/bin:/sbin:/bin")]
    if missing:
        return "not installed: " + ", ".join(missing) + " (tools/setup installs slurmctld slurmd slurm-client munge)"
    if not os.path.exists("/etc/munge/munge.key"):
        return "no /etc/munge/munge.key (created by the munge package)"
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, test, timeout, alive=()):
    """Polls TEST until true; fails after TIMEOUT seconds or as soon as a daemon in ALIVE has died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, p in alive:
            if p.poll() is not None:
                raise RuntimeError(f"{name} exited ({p.returncode}) while waiting for {what}")
        if test():
            return
        time.sleep(0.2)
    raise RuntimeError(f"timed out after {timeout} s waiting for {what}")


class LocalSlurm:
    def __init__(self, folder):
        self.dir = os.path.abspath(folder)
        self.procs = []  # (name, Popen), in start order
        self.conf = os.path.join(self.dir, "slurm.conf")
        self.env = dict(os.environ, SLURM_CONF=self.conf)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def start(self, name, args, **kw):
        log = open(self.path(name + ".out"), "w")
        self.procs.append((name, subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=self.env, **kw)))

    def __enter__(self):
        try:
            self._up()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def _up(self):
        os.makedirs(self.dir, exist_ok=True)
        os.chmod(self.dir, 0o755)  # munged (user munge) must reach its folder below: give a folder of its own in /tmp
        mdir = self.path("munge")
        os.makedirs(mdir)
        os.chmod(mdir, 0o755)  # munged insists that everyone may reach its socket
        shutil.chown(mdir, "munge", "munge")
        sock = os.path.join(mdir, "munge.socket")
        self.start("munged", ["munged", "-F", "--socket=" + sock, "--pid-file=" + os.path.join(mdir, "munged.pid"),
                              "--log-file=" + os.path.join(mdir, "munged.log"), "--seed-file=" + os.path.join(mdir, "seed"),
                              "--key-file=/etc/munge/munge.key"], user="munge", group="munge")
        wait_for("munged's socket", lambda: os.path.exists(sock), 10, self.procs)
        node = subprocess.run(["slurmd", "-C"], capture_output=True, text=True, timeout=20).stdout.splitlines()[0]
        self.node = node.split()[0].split("=")[1]
        for d in ("state", "spool"):
            os.makedirs(self.path(d))
        with open(self.conf, "w") as f:
            f.write(f"""ClusterName=caspiantest
SlurmctldHost={self.node}(127.0.0.1)
SlurmctldPort={free_port()}
SlurmdPort={free_port()}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket={sock}
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
StateSaveLocation={self.path('state')}
SlurmdSpoolDir={self.path('spool')}
SlurmctldPidFile={self.path('slurmctld.pid')}
SlurmdPidFile={self.path('slurmd.pid')}
SlurmctldLogFile={self.path('slurmctld.log')}
SlurmdLogFile={self.path('slurmd.log')}
{node} NodeAddr=127.0.0.1
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
""")
        self.start("slurmctld", ["slurmctld", "-D", "-i", "-f", self.conf])
        self.start("slurmd", ["slurmd", "-D", "-f", self.conf, "-N", self.node])
        wait_for("the node to be idle", self.idle, 30, self.procs)

    def idle(self):
        p = subprocess.run(["sinfo", "-h", "-N", "-o", "%T"], capture_output=True, text=True, env=self.env, timeout=15)
        return p.returncode == 0 and p.stdout.strip() == "idle"

    def alive(self):
        return all(p.poll() is None for _, p in self.procs)

    def stop(self):
        """Stops the daemons we started, by their PIDs, last started first; SIGKILL after 10 s. Jobs
        still running on this private controller are cancelled first, so no job step outlives slurmd."""
        if any(name == "slurmctld" and p.poll() is None for name, p in self.procs):
            subprocess.run(["scancel", "--quiet", "-u", "root"], env=self.env, timeout=15, capture_output=True)
        for name, p in reversed(self.procs):
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait(timeout=10)
        self.procs = []

    def log_tail(self, lines=20):
        out = []
        for name in ("slurmctld.log", "slurmd.log", "munge/munged.log"):
            if os.path.exists(self.path(name)):
                with open(self.path(name), errors="replace") as f:
                    out.append(f"--- {name}\n" + "".join(f.readlines()[-lines:]))
        return "\n".join(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: slurm_local.py FOLDER (an empty folder for its state)")
    reason = cannot_run()
    if reason:
        sys.exit("cannot run a local Slurm: " + reason)
    os.makedirs(sys.argv[1], exist_ok=True)
    with LocalSlurm(sys.argv[1]) as s:
        print(f"up: export SLURM_CONF={s.conf}; Enter stops it")
        sys.stdin.readline()
