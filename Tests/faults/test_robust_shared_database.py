"""Two chatbeto homes (two CHATBETO_HOME folders, as two OS users would have) pointed by --dsn at ONE
external MariaDB database share its read-only account: the second home's start must not reset the
account's password under the first, so both homes' `sql` (user SQL on the reader connection) work at
once — one after another, in long-running shells, and many at the same time — and the secret is
never printed."""
import concurrent.futures

import pytest

from server_support import LiveShell
from shell_support import ExternalMariaDB
from test_shell_external_server import readme_recipe


@pytest.fixture
def external():
    server = ExternalMariaDB()
    yield server
    server.stop()


def reader_password_hash(external):
    """What the server holds for chatbeto's read-only account (one per database)."""
    return external.root_sql("SELECT user, authentication_string FROM mysql.user WHERE user LIKE 'chatbeto\\_r\\_%'")


def test_two_homes_on_one_external_database_both_run_user_sql(external, make_home):
    block, password = readme_recipe()
    external.root_sql(block)
    env = {"CHATBETO_DSN": f"mysql://chatbeto@localhost/chatbeto?socket={external.socket}", "CHATBETO_PASSWORD": password}
    first, second = make_home("first"), make_home("second")
    outputs = []

    def sql(home, marker):
        r = home.run(["--format", "tsv", "-e", f"sql SELECT '{marker}' AS m"], env=env, check=False)
        outputs.append(r.stdout + r.stderr)
        return r

    r = sql(first, "one")
    assert r.returncode == 0 and r.stdout.split() == ["m", "one"], r
    account = reader_password_hash(external)
    assert account.strip(), "no read-only account was made"
    # The second home's start leaves the account as the first made it.
    r = sql(second, "two")
    assert r.returncode == 0 and r.stdout.split() == ["m", "two"], r
    assert reader_password_hash(external) == account, "the second home changed the read-only account's password"
    assert "cannot create the read-only account" not in second.run(["-e", "status"], env=env).stdout

    # Long-running shells in both homes, interleaved, while one-shot runs of either home come and go.
    a, b = LiveShell(first, ["--format", "tsv"], env=env), LiveShell(second, ["--format", "tsv"], env=env)
    try:
        for i in range(3):
            a.send(f"sql SELECT 'a{i}' AS m")
            a.wait_for(f"a{i}")
            r = sql(second, f"s{i}")
            assert r.returncode == 0, r
            b.send(f"sql SELECT 'b{i}' AS m")
            b.wait_for(f"b{i}")
            r = sql(first, f"f{i}")
            assert r.returncode == 0, r
    finally:
        assert a.close() == 0, a.stderr_lines
        assert b.close() == 0, b.stderr_lines
    assert not a.stderr_lines and not b.stderr_lines, (a.stderr_lines, b.stderr_lines)

    # Both homes at the same time, several processes each.
    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda i: sql(first if i % 2 else second, f"c{i}"), range(12)))
    failed = [r.stderr for r in results if r.returncode != 0]
    assert not failed, failed
    assert reader_password_hash(external) == account

    # The reader's secret never reaches the terminal.
    secrets = [line.split("\t")[1] for line in
               external.root_sql("SELECT name, value FROM chatbeto.chatbeto_private").splitlines() if "\t" in line]
    assert secrets
    for text in outputs:
        for secret in secrets:
            assert secret not in text
