"""Nothing lost: concurrent first starts, a server that dies under a running shell, stale pid files."""
import os
import signal
import subprocess
import time

from conftest import BINARY, generate_export
from server_support import server_pids, LiveShell, kill_server, root_password_if_any, socket_of


def test_twenty_concurrent_cold_starts_on_fresh_homes(make_home):
    homes = [make_home(f"h{i:02d}") for i in range(20)]
    procs = [h.spawn(["--format", "tsv", "-e", "SELECT 'ok' AS r"], env={"CHATBETO_SERVER_BUFFER_POOL": "32M"})
             for h in homes]
    results = [p.communicate(timeout=300) for p in procs]
    for h, p, (out, err) in zip(homes, procs, results):
        assert p.returncode == 0, f"{h.path}: {err}"
        assert out.split() == ["r", "ok"]
        assert len(server_pids(h)) == 1
    for h in homes:
        h.stop_server()
        assert h.query("sql SELECT 1") == [["1"]]


def test_five_concurrent_first_starts_on_one_home_with_an_import(home, tmp_path):
    export = generate_export(tmp_path / "export", conversations=20)
    procs = [home.spawn(["-e", "SELECT 1"]) for _ in range(4)]
    procs.insert(2, home.spawn(["import", str(export)]))
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
    assert len(server_pids(home)) == 1
    assert home.query("sql SELECT COUNT(*) FROM conversations") == [["20"]]
    home.stop_server()
    assert home.query("sql SELECT COUNT(*) FROM conversations") == [["20"]]
    assert len(server_pids(home)) == 1


def test_running_shell_restarts_its_private_server_after_kill_or_stop(home):
    home.run(["-e", "SELECT 1"])
    shell = LiveShell(home)
    try:
        shell.ask("before")
        kill_server(home)
        shell.ask("after-kill")
        shell.ask("after-kill-2")
        assert len(server_pids(home)) == 1
        home.run(["server", "stop"])
        shell.ask("after-stop")
        shell.send("sql SELECT 'reader-ok' AS r;")
        shell.wait_for("reader-ok")
    finally:
        shell.close()
    err = "".join(shell.stderr_lines)
    assert "ERROR 2002" not in err and "2002" not in err, err
    assert err.count("started it again") == 2, err


def test_external_server_loss_names_the_dsn_and_reconnects(home, make_home):
    server_home = make_home("server")
    server_home.run(["-e", "SELECT 1"])
    s = socket_of(server_home)
    pw = root_password_if_any(server_home)
    dsn = f"mysql://root@localhost/chatbeto?socket={s}"
    shell = LiveShell(home, ["--force", "--dsn", dsn], env={"CHATBETO_PASSWORD": pw or ""})
    try:
        shell.ask("one")
        kill_server(server_home)
        shell.send("SELECT 'lost' AS m;")
        shell.wait_for(s, on_stderr=True)
        # status after a failed reconnect (the handle is not connected): an error, not a crash.
        for _ in range(2):
            shell.send("status")
            shell.wait_for("could not reconnect", on_stderr=True)
        assert shell.proc.poll() is None, "status crashed the shell"
        server_home.run(["-e", "SELECT 1"])
        shell.ask("two")
    finally:
        shell.close()
    err = "".join(shell.stderr_lines)
    assert pw is None or pw not in err
    assert "root@localhost/chatbeto via " + s in err, err


def test_stale_pid_file_after_kill_never_gives_a_false_failure(home, make_home):
    home.run(["-e", "SELECT 1"])
    for _ in range(3):
        kill_server(home)
        r = home.run(["-e", "SELECT 1"], check=False)
        assert r.returncode == 0 and "did not start" not in r.stderr, r.stderr
    # Stopped from another terminal (SIGTERM) and used again at once, while it may still be shutting down.
    for _ in range(3):
        for pid in server_pids(home):
            os.kill(pid, signal.SIGTERM)
        r = home.run(["-e", "SELECT 1"], check=False)
        assert r.returncode == 0 and "did not start" not in r.stderr, r.stderr
        assert len(server_pids(home)) == 1
    # A pid file naming some other live MariaDB (another home's) is not this home's server.
    other = make_home("other")
    other.run(["-e", "SELECT 1"])
    kill_server(home)
    pid_file = home.path / "mysql/run/mariadbd.pid"
    pid_file.write_text(f"{server_pids(other)[0]}\n")
    r = home.run(["-e", "SELECT 1"], check=False)
    assert r.returncode == 0, r.stderr
    assert len(server_pids(home)) == 1 and len(server_pids(other)) == 1
