"""Nobody in: root and the reader need credentials only the owner can read, old homes are upgraded,
chatbeto refuses a server its home did not create, and the server's environment holds no secrets."""
import os
import pathlib
import stat
import subprocess
import time

from conftest import generate_export
from server_support import server_pids, mariadb, root_option_file, root_password, socket_of


def test_root_needs_the_password_from_an_owner_only_file(home):
    home.run(["-e", "SELECT 1"])
    s = socket_of(home)
    assert mariadb(s, "SELECT 1", check=False).returncode != 0, "root connects without a password"
    f = root_option_file(home)
    st = os.stat(f)
    assert stat.S_IMODE(st.st_mode) == 0o600 and st.st_uid == os.getuid()
    assert mariadb(s, "SELECT 1", password=root_password(home)).stdout.strip() == "1"
    # Every root account has a password (none left reachable without one).
    rows = mariadb(s, "SELECT CONCAT(user,'@',host,' ',authentication_string) FROM mysql.user WHERE user IN ('root','')",
                   password=root_password(home)).stdout.split("\n")
    for row in filter(None, rows):
        assert row.split(" ", 1)[1] not in ("", "invalid"), row
    for secret in home.path.glob("*.secret"):
        assert stat.S_IMODE(os.stat(secret).st_mode) == 0o600, secret


def test_home_made_by_the_old_code_is_upgraded_without_data_loss(home, tmp_path):
    export = generate_export(tmp_path / "export", conversations=5)
    home.run(["import", str(export)])
    s = socket_of(home)
    # Turn it into what the old code left: root without a password and no credentials in the home.
    pw = root_password(home) if root_option_file(home).exists() else None
    mariadb(s, "ALTER USER root@localhost IDENTIFIED BY ''; DROP DATABASE IF EXISTS chatbeto_server", password=pw)
    for f in [root_option_file(home)]:
        if f.exists():
            f.unlink()
    home.run(["server", "stop"])
    assert home.query("sql SELECT COUNT(*) FROM conversations") == [["5"]]
    assert mariadb(s, "SELECT 1", check=False).returncode != 0, "root still has no password after the upgrade"
    home.stop_server()
    assert home.query("sql SELECT COUNT(*) FROM conversations") == [["5"]]


def start_foreign_server(tmp_path, socket):
    """Someone else's MariaDB (its own data, root without a password) listening on `socket`."""
    d = tmp_path / "foreign"
    (d / "data").mkdir(parents=True)
    cnf = d / "my.cnf"
    cnf.write_text(f"[mariadbd]\ndatadir={d}/data\nsocket={socket}\npid-file={d}/pid\nlog-error={d}/err.log\n"
                   "skip-networking\nskip-log-bin\ninnodb_buffer_pool_size=32M\n" + ("user=root\n" if os.getuid() == 0 else ""))
    subprocess.run(["mariadb-install-db", f"--defaults-file={cnf}", "--auth-root-authentication-method=normal",
                    "--skip-test-db"], check=True, capture_output=True)
    proc = subprocess.Popen(["mariadbd", f"--defaults-file={cnf}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        if mariadb(socket, "SELECT 1", check=False).returncode == 0:
            return proc
        time.sleep(0.05)
    proc.kill()
    raise AssertionError("foreign server did not start")


def test_a_server_the_home_did_not_create_is_refused(home, tmp_path):
    home.run(["-e", "SELECT 1"])
    s = socket_of(home)
    home.run(["server", "stop"])
    foreign = start_foreign_server(tmp_path, s)
    try:
        for args in (["-e", "SELECT 1"], ["status"], ["import", str(generate_export(tmp_path / "x", conversations=2))]):
            r = home.run(args, check=False)
            assert r.returncode != 0, f"{args} accepted a foreign server:\n{r.stdout}"
            assert "not the one" in r.stderr and s in r.stderr, r.stderr
            assert "private, managed by chatbeto" not in r.stdout
        dbs = mariadb(s, "SHOW DATABASES").stdout.split()
        assert "chatbeto" not in dbs and "chatbeto_server" not in dbs, dbs
        st = home.run(["--format", "tsv", "server", "status"], check=False)
        assert "running" not in st.stdout.split("state\t", 1)[-1].split("\n")[0] or "not" in st.stdout, st.stdout
    finally:
        foreign.terminate()
        foreign.wait(timeout=60)
    # With the foreign server gone, the home's own server comes back.
    assert home.query("sql SELECT 1") == [["1"]]


def test_server_process_has_a_clean_environment(home):
    home.run(["-e", "SELECT 1"], env={"OPENAI_API_KEY": "sk-supersecretvalue123", "CHATBETO_PASSWORD": "hunter2",
                                       "AWS_SECRET_ACCESS_KEY": "aws-secret"})
    pids = server_pids(home)
    assert len(pids) == 1
    environ = pathlib.Path(f"/proc/{pids[0]}/environ").read_bytes().split(b"\0")
    names = {e.split(b"=", 1)[0].decode() for e in environ if e}
    text = b"\0".join(environ)
    assert b"sk-supersecret" not in text and b"hunter2" not in text and b"aws-secret" not in text, names
    assert not any(n.startswith(("OPENAI", "CHATBETO", "AWS")) for n in names), names
