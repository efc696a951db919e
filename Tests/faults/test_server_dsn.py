"""A --dsn password never shows in ps of a long-running shell, there are safer ways to give it, and a line
holding a password or --dsn never reaches the history file."""
import os
import pathlib
import time

import pexpect

from conftest import BINARY
from server_support import LiveShell, root_password, socket_of


def cmdline(pid):
    return pathlib.Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def test_dsn_password_is_scrubbed_from_the_process_arguments(home):
    secret = "Sup3rSecretPw"
    for args in (["--dsn", f"mysql://someone:{secret}@127.0.0.1:1/db"],
                 [f"--dsn=mysql://someone:{secret}@127.0.0.1:1/db"],
                 ["sql", "SELECT 1", "--dsn", f"mysql://someone:{secret}@127.0.0.1:1/db"]):
        shell = LiveShell(home, args)
        try:
            line = shell.wait_for("insecure", timeout=30, on_stderr=True)
            assert secret not in line
            seen = cmdline(shell.proc.pid)
            assert secret not in seen, seen
            assert "someone" in seen and "127.0.0.1" in seen  # only the password goes
        finally:
            shell.close()
        assert secret not in "".join(shell.stderr_lines)


def test_password_from_environment_or_owner_only_file(home, make_home, tmp_path):
    server_home = make_home("server")
    server_home.run(["-e", "SELECT 1"])
    s = socket_of(server_home)
    pw = root_password(server_home)
    dsn = f"mysql://root@localhost/chatbeto?socket={s}"
    r = home.run(["--dsn", dsn, "--format", "tsv", "-e", "SELECT 7 AS n"], env={"CHATBETO_PASSWORD": pw})
    assert r.stdout.split() == ["n", "7"]
    f = tmp_path / "pw.cnf"
    f.write_text(f"[client]\npassword={pw}\n")
    os.chmod(f, 0o600)
    r = home.run(["--dsn", dsn, "--password-file", str(f), "--format", "tsv", "-e", "SELECT 8 AS n"])
    assert r.stdout.split() == ["n", "8"]
    os.chmod(f, 0o644)
    r = home.run(["--dsn", dsn, "--password-file", str(f), "-e", "SELECT 9"], check=False)
    assert r.returncode != 0 and str(f) in r.stderr and "600" in r.stderr, r.stderr
    assert pw not in r.stderr + r.stdout


def test_help_says_how_to_give_a_password_safely(home):
    out = home.run(["--help"]).stdout
    assert "CHATBETO_PASSWORD" in out and "--password-file" in out


def test_lines_with_a_password_or_dsn_are_not_kept_in_history(home):
    env = dict(home.env, TERM="xterm", LANG="C.UTF-8")
    child = pexpect.spawn(BINARY, env=env, encoding="utf-8", timeout=60, dimensions=(40, 160))
    child.expect_exact("chatbeto> ")
    for line in ("SELECT 'kept-line' AS k;",
                 "SELECT '--dsn mysql://root:hunter2@db.example/x' AS a;",
                 "SELECT 'mysql://bob:hunter3@db.example/x' AS b;",
                 "SELECT 'pwd=hunter4' AS c;"):
        child.sendline(line)
        child.expect_exact("chatbeto> ")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    history = (home.path / "history").read_text(errors="replace")
    assert "kept-line" in history
    for secret in ("hunter2", "hunter3", "hunter4"):
        assert secret not in history, history
