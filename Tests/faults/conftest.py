"""Shared fixtures for the fault suite: the built binary run as a user (or an attacker) would, each test
with its own chatbeto home and private MariaDB, stopped at teardown. Area-specific helpers live in the
test modules (test_server_*.py, test_import_*.py, test_shell_*.py)."""
import os
import pathlib
import shutil
import signal
import subprocess
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("CHATBETO_BIN", str(ROOT / ".build/debug/chatbeto"))
GEN_EXPORT = ROOT / "scripts/gen_export.py"


def clean_env(home, **extra):
    """The environment of a user running chatbeto on `home`: no DSN, no key, no colour, no pager."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CHATBETO_") and not k.startswith("OPENAI_")}
    env.update(CHATBETO_HOME=str(home), NO_COLOR="1", TERM="dumb", PAGER="cat")
    env.update({k: str(v) for k, v in extra.items()})
    return env


class Home:
    """A chatbeto home (its own private MariaDB, started on first use and stopped by the fixture)."""

    def __init__(self, path):
        self.path = pathlib.Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.env = clean_env(self.path)
        self.spawned = []

    def run(self, args, stdin=None, env=None, check=True, timeout=180):
        result = subprocess.run([BINARY] + list(args), input=stdin, capture_output=True, text=True,
                                env=dict(self.env, **(env or {})), timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"chatbeto {args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result

    def spawn(self, args, env=None, **kwargs):
        proc = subprocess.Popen([BINARY] + list(args), env=dict(self.env, **(env or {})),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
        self.spawned.append(proc)
        return proc

    def query(self, sql):
        """Rows of a read-only query as lists of strings (TSV, header dropped)."""
        out = self.run(["--format", "tsv", "-e", sql]).stdout
        lines = [l for l in out.splitlines() if l]
        return [l.split("\t") for l in lines[1:]]

    def server_pids(self):
        """Pids of mariadbd processes whose command line names this home."""
        pids = []
        for entry in pathlib.Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                comm = (entry / "comm").read_text().strip()
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            # The server itself (not a client naming a socket under the home), of this home (not h10 for h1).
            if comm in ("mariadbd", "mysqld") and (str(self.path) + "/") in cmd:
                pids.append(int(entry.name))
        return pids

    def stop_server(self):
        # A chatbeto still running (a test that failed mid-way) would start its server again.
        for proc in self.spawned:
            if proc.poll() is None:
                proc.kill()
                proc.wait(30)
        for pid in self.server_pids():
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
            for _ in range(400):
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
            else:
                os.kill(pid, signal.SIGKILL)

    def remove(self):
        """Stops the server and deletes the home: each holds a MariaDB data directory of ~300 MB, and pytest
        keeps its last three runs' temporary folders, which filled the disk."""
        self.stop_server()
        shutil.rmtree(self.path, ignore_errors=True)


def generate_export(folder, conversations=20, seed=1, projects=3):
    """A deterministic ChatGPT export made by scripts/gen_export.py; returns its conversations.json path."""
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "conversations.json"
    subprocess.run(["python3", str(GEN_EXPORT), "--conversations", str(conversations), "--seed", str(seed),
                    "--projects", str(projects), "--out", str(out), "--quiet"], check=True)
    return out


@pytest.fixture
def home(tmp_path):
    h = Home(tmp_path / "home")
    yield h
    h.remove()


@pytest.fixture
def make_home(tmp_path):
    """Factory for several homes in one test; every server they start is stopped at teardown."""
    made = []

    def make(name="home"):
        h = Home(tmp_path / name)
        made.append(h)
        return h

    yield make
    for h in made:
        h.remove()
