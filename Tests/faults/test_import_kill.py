"""Killed imports converge (issue 8): kill -9 of chatbeto at points found by watching the server
(innodb_trx, processlist), including inside a COMMIT, kill -9 of the server mid-import, and two
imports at once. Every re-run ends with exactly the clean import's counts and checksum."""
import os
import signal
import subprocess
import time

import pytest

from conftest import GEN_EXPORT
from import_support import clean_state_and_fresh_home, state


def sharded_export(folder, conversations=120, shard=12, seed=9):
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["python3", str(GEN_EXPORT), "--conversations", str(conversations), "--seed", str(seed),
                    "--shard-size", str(shard), "--out", str(folder / "conversations.json"), "--quiet"], check=True)
    return folder


class Watcher:
    """A persistent mariadb client on the home's socket (the server is watched, not the clock)."""

    def __init__(self, home):
        sock = home.path / "mysql/run/mariadbd.sock"
        # root.cnf (0600) holds the superuser's password: the private server has one.
        self.proc = subprocess.Popen(["mariadb", f"--defaults-extra-file={home.path / 'mysql/root.cnf'}", "-S", str(sock),
                                      "-u", "root", "-N", "-B", "--unbuffered", "chatbeto"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        # Dirty reads: the rows an import's open transaction has written so far.
        self.ask("SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED")

    def ask(self, sql):
        self.proc.stdin.write(sql + "; SELECT '--end--';\n")
        self.proc.stdin.flush()
        rows = []
        while True:
            line = self.proc.stdout.readline()
            if not line or line.strip() == "--end--":
                return rows
            rows.append(line.rstrip("\n").split("\t"))

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(10)


def written(w):
    """Conversations written so far, committed or not (the watcher reads uncommitted rows)."""
    return int(w.ask("SELECT COUNT(*) FROM conversations")[0][0])


def doing(w, statement):
    """Whether another session is running `statement` right now (per the server's processlist)."""
    rows = w.ask(f"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND INFO LIKE '{statement}%'")
    return int(rows[0][0]) > 0


def in_commit(w):
    return doing(w, "COMMIT")



def clean_import_and_fresh_home(make_home, tmp_path):
    """The sharded export, the stored state a clean import of it leaves, and a fresh home with its server up."""
    export = sharded_export(tmp_path / "export")
    expected, home = clean_state_and_fresh_home(make_home, export)
    return export, expected, home


def watch_until(proc, w, condition, seconds=300):
    """Polls the server until `condition(w)` holds (True) or the import ends (False): the server is watched,
    the clock only bounds a hang."""
    deadline = time.monotonic() + seconds
    while proc.poll() is None and time.monotonic() < deadline:
        if condition(w):
            return True
    return False

def kill_when(home, export, condition, limit=300):
    """Starts an import and kill -9s it the first time `condition(watcher)` holds; returns whether it did."""
    w = Watcher(home)
    proc = home.spawn(["import", str(export)])
    try:
        hit = watch_until(proc, w, condition, seconds=limit)
        if hit:
            os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(60)
        w.close()
    return hit


def test_kill_9_at_many_points_then_rerun_converges(make_home, tmp_path):
    export = sharded_export(tmp_path / "export")
    expected, home = clean_state_and_fresh_home(make_home, export)
    # 10 files of 12 conversations: points inside each file's transaction, at its start and in COMMIT.
    points = [
        ("recording the import", lambda w: doing(w, "INSERT INTO imports")),
        ("first file, first conversation", lambda w: written(w) >= 1),
        ("first file, 5 conversations", lambda w: written(w) >= 5),
        ("second file, starting", lambda w: doing(w, "START TRANSACTION") and written(w) >= 12),
        ("second file, 2 conversations", lambda w: written(w) >= 14),
        ("third file, 7 conversations", lambda w: written(w) >= 31),
        ("fifth file", lambda w: written(w) >= 53),
        ("seventh file", lambda w: written(w) >= 79),
        ("ninth file", lambda w: written(w) >= 101),
        ("last file, 11 conversations", lambda w: written(w) >= 119),
        ("naming projects after the last file", lambda w: doing(w, "UPDATE projects") or doing(w, "SELECT title")),
        ("inside a COMMIT", in_commit),
        ("inside a later COMMIT", lambda w: written(w) >= 60 and in_commit(w)),
    ]
    hits = 0
    for name, condition in points:
        if kill_when(home, export, condition):
            hits += 1
        # The first re-run converges: no duplicate key, nothing lost, nothing doubled.
        r = home.run(["import", str(export)], check=False)
        assert r.returncode == 0, f"after a kill at {name}: {r.stdout}{r.stderr}"
        assert "1062" not in r.stdout + r.stderr
        assert state(home) == expected, f"after a kill at {name}"
        # Start again from nothing for the next point.
        home.run(["--yes", "-e", "set sql-write on; sql DELETE FROM conversations; sql DELETE FROM projects; sql DELETE FROM gizmos"])
    assert hits >= 10, f"only {hits} of {len(points)} kill points were reached"


def test_kill_9_of_the_server_mid_import_then_rerun_converges(make_home, tmp_path):
    export, expected, home = clean_import_and_fresh_home(make_home, tmp_path)
    w = Watcher(home)
    proc = home.spawn(["import", str(export)])
    assert watch_until(proc, w, lambda w: written(w) >= 30) and proc.poll() is None
    for pid in home.server_pids():
        os.kill(pid, signal.SIGKILL)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode != 0, out
    assert "committed: " in err, err  # it says what was committed before the server died
    r = home.run(["import", str(export)])
    assert state(home) == expected, r.stdout


def test_a_second_import_waits_for_the_first_and_says_for_whom(make_home, tmp_path):
    export, expected, home = clean_import_and_fresh_home(make_home, tmp_path)
    w = Watcher(home)
    first = home.spawn(["import", str(export)])
    watch_until(first, w, lambda w: written(w) >= 1)
    second = home.spawn(["import", str(export)])
    out1, err1 = first.communicate(timeout=300)
    out2, err2 = second.communicate(timeout=300)
    w.close()
    assert first.returncode == 0 and second.returncode == 0, err1 + err2
    assert "waiting for another import on this database to finish (connection" in err2, err2
    assert "1062" not in err1 + err2
    assert state(home) == expected
