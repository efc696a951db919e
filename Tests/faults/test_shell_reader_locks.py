"""The read-only account cannot stall chatbeto's own work: a reader holding any lock name chatbeto
uses (or used) does not block another process's migration or import, the reader cannot read the
secret the real names carry, and a reader statement that would wait long on a lock or run long is cut
off with a clear error."""
import json
import queue
import subprocess
import threading

import pytest

from conftest import BINARY, generate_export

# Every GET_LOCK name chatbeto has used, and the prefixes of the ones it uses now.
KNOWN_NAMES = ["chatbeto_migrate", "chatbeto_import", "chatbeto_migrate_", "chatbeto_import_", "chatbeto"]


class LongShell:
    """A chatbeto reading commands from a pipe, kept running between commands (as a person's shell)."""

    def __init__(self, home, *args):
        self.proc = subprocess.Popen([BINARY, "--format", "tsv", "--force", *args], env=home.env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, bufsize=1)
        self.lines = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self):
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def run(self, line, marker):
        """Sends a line, then waits for a row holding `marker` (the shell answers in order)."""
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.write(f"sql SELECT '{marker}' AS marker;\n")
        self.proc.stdin.flush()
        seen = []
        while True:
            try:
                out = self.lines.get(timeout=120)
            except queue.Empty:
                raise AssertionError(f"no answer to {line!r}; so far {seen}")
            assert out is not None, f"the shell ended: {seen} {self.proc.stderr.read()}"
            seen.append(out.rstrip("\n"))
            if out.strip() == marker:
                return seen

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(30)


@pytest.fixture
def imported(home, tmp_path):
    export = generate_export(tmp_path / "export", conversations=6)
    home.run(["import", str(export)])
    return export


def test_reader_holding_chatbeto_lock_names_does_not_block_migrations_or_imports(home, imported, tmp_path):
    reader = LongShell(home)
    try:
        for i, name in enumerate(KNOWN_NAMES):
            rows = reader.run(f"sql SELECT GET_LOCK('{name}', 0) AS got;", f"held{i}")
            assert "1" in rows, rows  # the reader got it, and keeps it while its shell runs
        # Another process starts (takes the migration lock) and imports: nothing waits for the reader.
        grown = generate_export(tmp_path / "grown", conversations=9)
        second = home.run(["import", str(grown)], check=False, timeout=120)
        assert second.returncode == 0, second.stderr
        assert "another chatbeto is migrating" not in second.stderr
        ids = {c["id"] for path in (imported, grown) for c in json.loads(path.read_text())}
        assert home.query("sql SELECT COUNT(*) FROM conversations") == [[str(len(ids))]]
    finally:
        reader.close()


def test_a_reader_transaction_with_locking_reads_does_not_outlast_its_command(home, imported, tmp_path):
    reader = LongShell(home)
    try:
        reader.run("sql START TRANSACTION;", "started")
        rows = reader.run("sql SELECT id FROM conversations LOCK IN SHARE MODE;", "shared")
        assert len(rows) >= 7, rows  # header, six ids, the marker's header
        grown = generate_export(tmp_path / "grown", conversations=9)
        second = home.run(["import", str(grown)], check=False, timeout=180)
        assert second.returncode == 0, second.stderr
        assert "1205" not in second.stderr
    finally:
        reader.close()


def test_the_reader_cannot_learn_the_lock_secret(home, imported):
    refused = home.run(["-e", "sql SELECT * FROM chatbeto_private"], check=False)
    assert refused.returncode == 1
    assert "chatbeto_private" in refused.stderr and "cannot read" in refused.stderr, refused.stderr
    tables = [r[0] for r in home.query("sql SHOW TABLES")]
    assert "chatbeto_private" not in tables and "conversations" in tables
    hidden = home.query("sql SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_NAME = 'chatbeto_private'")
    assert hidden == [["0"]]
    # A missing table is still reported as missing, not as a refusal.
    missing = home.run(["-e", "sql SELECT * FROM nowhere"], check=False)
    assert "ERROR 1146" in missing.stderr, missing.stderr
    # A table made with sql-write on is readable read-only right away.
    home.run(["-e", "set sql-write on; sql CREATE TABLE notes (x INT); sql INSERT INTO notes VALUES (7)"])
    assert home.query("sql SELECT x FROM notes") == [["7"]]


def test_a_reader_waiting_on_a_lock_is_cut_off_with_a_clear_error(home, imported):
    holder = LongShell(home)
    try:
        holder.run("set sql-write on", "rw")
        holder.run("sql START TRANSACTION;", "started")
        holder.run("sql SELECT id FROM conversations FOR UPDATE;", "locked")  # row locks held until it ends
        result = home.run(["-e", "set sql-lock-wait 1; sql SELECT title FROM conversations LOCK IN SHARE MODE"],
                          check=False, timeout=120)
        assert result.returncode == 1, result
        assert "ERROR 1205" in result.stderr and "sql-lock-wait" in result.stderr, result.stderr
    finally:
        holder.close()


def test_a_long_reader_statement_is_cut_off_at_the_time_limit(home, imported):
    result = home.run(["-e", "set sql-time-limit 1; sql SELECT SLEEP(30) FROM conversations"], check=False, timeout=120)
    assert result.returncode == 1, result
    assert "sql-time-limit" in result.stderr and "stopped after 1 s" in result.stderr, result.stderr
    # A reader's GET_LOCK wait on a name someone else holds is cut off the same way (GET_LOCK says NULL).
    holder = LongShell(home)
    try:
        holder.run("sql SELECT GET_LOCK('mine', 0) AS got;", "got")
        waited = home.run(["--format", "tsv", "-e", "set sql-time-limit 1; sql SELECT GET_LOCK('mine', 600) AS got"],
                          check=False, timeout=120)
        assert waited.stdout.split() == ["got", "\\N"] or "sql-time-limit" in waited.stderr, waited
    finally:
        holder.close()


def test_the_limits_are_settings(home):
    out = home.run(["--format", "tsv", "-e", "set"]).stdout
    assert "sql-time-limit\t30" in out and "sql-lock-wait\t5" in out
    bad = home.run(["-e", "set sql-lock-wait 0"], check=False)
    assert bad.returncode != 0 and "sql-lock-wait" in bad.stderr
