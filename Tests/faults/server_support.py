"""Helpers for the server fault tests: long homes, the socket a home uses, its root option file, a
long-running shell fed through a pipe, and a second OS user."""
import os
import pathlib
import pwd
import queue
import shutil
import subprocess
import threading
import time

from conftest import BINARY, Home, clean_env


def long_home(base, name="home"):
    """A home whose socket path would not fit in a unix socket address (over 107 bytes)."""
    deep = pathlib.Path(base) / ("d" * 60) / ("e" * 60) / name
    return Home(deep)


def remove_socket_directory(home):
    """A deep home keeps its socket in a private directory elsewhere (recorded in the home): remove it."""
    record = home.path / "mysql" / "socket-directory"
    if record.exists():
        shutil.rmtree(record.read_text().strip(), ignore_errors=True)


def socket_of(home):
    out = home.run(["--format", "tsv", "server", "status"]).stdout
    for line in out.splitlines():
        if line.startswith("socket\t"):
            return line.split("\t", 1)[1]
    raise AssertionError(f"no socket in server status:\n{out}")


def root_option_file(home):
    return home.path / "mysql" / "root.cnf"


def root_password(home):
    """The private server's root password, from the home's 0600 option file."""
    for line in root_option_file(home).read_text().splitlines():
        if line.startswith("password="):
            return line.split("=", 1)[1]
    raise AssertionError("no password in root.cnf")


def root_password_if_any(home):
    """root's password, or None for a home made by a chatbeto that gave root none."""
    return root_password(home) if root_option_file(home).exists() else None


def mariadb(socket, sql, password=None, user="root", env=None, preexec=None, check=True):
    args = ["mariadb", "-S", socket, "-u", user, "-N", "-B", "-e", sql]
    if password is not None:
        args.insert(1, f"--password={password}")
    r = subprocess.run(args, capture_output=True, text=True, env=env, preexec_fn=preexec, timeout=60)
    if check and r.returncode != 0:
        raise AssertionError(f"mariadb {sql!r} failed: {r.stderr}")
    return r


class LiveShell:
    """chatbeto reading commands from a pipe that stays open, as a long-running session does."""

    def __init__(self, home, args=(), env=None):
        self.proc = subprocess.Popen([BINARY] + list(args), env=dict(home.env, **(env or {})),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, bufsize=1)
        self.out, self.err = queue.Queue(), queue.Queue()
        self.stderr_lines = []
        for stream, q in ((self.proc.stdout, self.out), (self.proc.stderr, self.err)):
            threading.Thread(target=self._pump, args=(stream, q), daemon=True).start()

    @staticmethod
    def _pump(stream, q):
        for line in stream:
            q.put(line)
        q.put(None)

    def send(self, line):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def ask(self, marker, timeout=60):
        """Runs `SELECT 'marker'` and waits for the marker on stdout (or the error on stderr)."""
        self.send(f"SELECT '{marker}' AS m;")
        return self.wait_for(marker, timeout)

    def wait_for(self, text, timeout=60, on_stderr=False):
        q = self.err if on_stderr else self.out
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                line = q.get(timeout=0.2)
            except queue.Empty:
                self.drain_stderr()
                continue
            if line is None:
                raise AssertionError(f"chatbeto ended waiting for {text!r}; stderr:\n{''.join(self.stderr_lines)}")
            if on_stderr:
                self.stderr_lines.append(line)
            if text in line:
                return line
        self.drain_stderr()
        raise AssertionError(f"no {text!r} within {timeout}s; stderr:\n{''.join(self.stderr_lines)}")

    def drain_stderr(self):
        while True:
            try:
                line = self.err.get_nowait()
            except queue.Empty:
                return
            if line is not None:
                self.stderr_lines.append(line)

    def close(self):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.drain_stderr()
        return self.proc.returncode


def server_pids(home):
    """Pids of the mariadbd started with this home's defaults file (conftest's Home.server_pids also
    matches a client whose --dsn names a socket under the home, and homes whose path is a prefix)."""
    pids = []
    marker = f"--defaults-file={home.path}/mysql/my.cnf".encode()
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            comm = (entry / "comm").read_text().strip()
            words = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if comm in ("mariadbd", "mysqld") and marker in words and not _zombie(int(entry.name)):
            pids.append(int(entry.name))
    return pids


def kill_server(home, sig=9):
    pids = server_pids(home)
    assert pids, "no server running"
    for pid in pids:
        os.kill(pid, sig)
    for _ in range(400):
        if not any(os.path.exists(f"/proc/{p}") and not _zombie(p) for p in pids):
            return pids
        time.sleep(0.05)
    raise AssertionError("server did not die")


def _zombie(pid):
    try:
        stat = pathlib.Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat[stat.rindex(")") + 2:].startswith("Z")


class OtherUser:
    """A second OS account (created with useradd, removed afterwards); needs root."""

    def __init__(self, name="cbattacker"):
        self.name = name
        subprocess.run(["userdel", "-r", name], capture_output=True)
        subprocess.run(["useradd", "-M", "-s", "/bin/sh", name], check=True, capture_output=True)
        entry = pwd.getpwnam(name)
        self.uid, self.gid = entry.pw_uid, entry.pw_gid

    def preexec(self):
        uid, gid = self.uid, self.gid

        def drop():
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)
        return drop

    def run(self, args, **kwargs):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/tmp"}
        return subprocess.run(args, capture_output=True, text=True, env=env, preexec_fn=self.preexec(),
                              timeout=60, **kwargs)

    def remove(self):
        subprocess.run(["pkill", "-KILL", "-u", self.name], capture_output=True)
        subprocess.run(["userdel", "-r", self.name], capture_output=True)
