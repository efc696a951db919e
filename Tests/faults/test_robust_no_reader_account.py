"""An external server where chatbeto's account lacks CREATE USER (and the grant option): no read-only
account can be made, so read-only user SQL runs on chatbeto's own account. It still gets the reader's
protections — read-only unless `set sql-write on` (DDL and executable comments included), the statement
time limit, no reading of chatbeto_private — and a note saying why; chatbeto's own session gets its
defaults back afterwards."""
import pytest

from conftest import generate_export
from shell_support import ExternalMariaDB

PASSWORD = "limited-pw-7"


@pytest.fixture
def limited(tmp_path):
    server = ExternalMariaDB()
    server.root_sql(f"""
        CREATE DATABASE chatbeto CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        CREATE USER 'chatbeto'@'%' IDENTIFIED BY '{PASSWORD}';
        GRANT ALL ON chatbeto.* TO 'chatbeto'@'%';
        """)
    yield server
    server.stop()


def test_user_sql_without_a_reader_account_keeps_the_protections(limited, home, tmp_path):
    env = {"CHATBETO_DSN": f"mysql://chatbeto@localhost/chatbeto?socket={limited.socket}", "CHATBETO_PASSWORD": PASSWORD}

    def run(*commands):
        return home.run(["--format", "tsv", "-e", "; ".join(commands)], env=env, check=False, timeout=120)

    export = generate_export(tmp_path / "export", conversations=3)
    home.run(["import", str(export)], env=env)
    assert limited.root_sql("SELECT COUNT(*) FROM mysql.user WHERE user LIKE 'chatbeto\\_r\\_%'").strip() == "0"

    ok = run("sql SELECT COUNT(*) AS n FROM conversations")
    assert ok.returncode == 0 and ok.stdout.split() == ["n", "3"], ok
    assert "note: cannot create the read-only account" in ok.stderr, ok.stderr
    assert "only statements that read" in ok.stderr, ok.stderr

    # Refused, and nothing changed: DDL (which a read-only session would let through), DML, an
    # executable comment, and the private table.
    for statement in ("sql CREATE TABLE planted (x INT)", "sql DROP TABLE imports", "sql DELETE FROM conversations",
                      "sql /*!40000 DROP TABLE imports */", "sql  -- a comment\nTRUNCATE conversations",
                      "sql SELECT value FROM chatbeto_private"):
        refused = run(statement)
        assert refused.returncode == 1, (statement, refused)
        assert "read-only" in refused.stderr, (statement, refused.stderr)
    tables = limited.root_sql("SHOW TABLES FROM chatbeto").split()
    assert "planted" not in tables and "imports" in tables, tables
    assert limited.root_sql("SELECT COUNT(*) FROM chatbeto.conversations").strip() == "3"
    secrets = [l.split("\t")[1] for l in limited.root_sql("SELECT name, value FROM chatbeto.chatbeto_private").splitlines()]
    assert all(s not in refused.stdout + refused.stderr for s in secrets)

    # The statement time limit applies.
    slow = run("set sql-time-limit 1", "sql SELECT SLEEP(20) AS s")
    assert slow.returncode == 1 and "stopped after 1 s" in slow.stderr, slow

    # Afterwards chatbeto's own session has its defaults again (write mode runs on it unchanged).
    after = run("set sql-time-limit 1", "sql SELECT 1 AS one", "set sql-write on",
                "sql SELECT @@session.max_statement_time AS t, @@session.tx_read_only AS ro")
    assert after.returncode == 0, after
    limit, read_only = after.stdout.split()[-2:]
    assert float(limit) == 0 and read_only == "0", after.stdout

    # `set sql-write on` is the way to change data, as with a read-only account.
    wrote = run("set sql-write on", "sql CREATE TABLE mine (x INT)")
    assert wrote.returncode == 0, wrote
    assert "mine" in limited.root_sql("SHOW TABLES FROM chatbeto").split()


def test_ctrl_c_stops_user_sql_without_a_reader_account(limited, home):
    import pexpect
    from conftest import BINARY
    env = dict(home.env, CHATBETO_DSN=f"mysql://chatbeto@localhost/chatbeto?socket={limited.socket}",
               CHATBETO_PASSWORD=PASSWORD, TERM="xterm", LANG="C.UTF-8")
    child = pexpect.spawn(BINARY, [], env=env, encoding="utf-8", timeout=60, dimensions=(40, 160))
    child.expect("chatbeto> ")
    child.sendline("sql SELECT SLEEP(600) AS s")
    child.expect("note: cannot create the read-only account")
    # The statement is running when the server shows it.
    for _ in range(600):
        if "SLEEP(600)" in limited.root_sql("SELECT INFO FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP%'"):
            break
        import time
        time.sleep(0.05)
    child.sendintr()
    child.expect("interrupted")
    child.expect("chatbeto> ")
    child.sendline("sql SELECT 'still here' AS m")
    child.expect("still here")
    child.sendline("quit")
    child.expect(pexpect.EOF)
