"""The server drops an import's connection in the middle of a batch (an admin KILLs it on the private
server) while a second import starts: the first stops with a clear error naming the file and what stays
committed, or resumes holding its lock — never two imports writing at once — and nothing is
half-written: after both, the store is exactly a clean import's, and no lock row is left behind."""
import time

from import_support import clean_state_and_fresh_home, state
from robust_support import Watcher
from test_import_batches import CONVERSATIONS, committed, one_file_export
from test_import_kill import watch_until, written


def import_sessions(w, watchers):
    """Sessions with an open transaction that has written rows, the test's own watchers aside."""
    ids = ",".join(str(i) for i in watchers)
    return int(w.ask("SELECT COUNT(*) FROM information_schema.INNODB_TRX "
                     f"WHERE trx_rows_modified > 0 AND trx_mysql_thread_id NOT IN ({ids})")[0][0])


def test_a_connection_killed_mid_import_never_lets_two_imports_write_and_leaves_nothing_half_written(make_home, tmp_path):
    export = one_file_export(tmp_path / "export")
    expected, home = clean_state_and_fresh_home(make_home, export)
    dirty, settled = Watcher(home), Watcher(home)
    settled.ask("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")
    watchers = [int(w.ask("SELECT CONNECTION_ID()")[0][0]) for w in (dirty, settled)]
    first = home.spawn(["import", str(export)])
    hit = watch_until(first, dirty, lambda w: committed(settled) >= 1 and written(w) > committed(settled) + 5)
    assert hit, "the import ended before a batch was committed and the next one started"
    holder = settled.ask("SELECT connection_id FROM chatbeto_locks WHERE name = 'import'")[0][0]
    settled.ask(f"KILL CONNECTION {holder}")
    second = home.spawn(["import", str(export)])
    most = 0
    while first.poll() is None or second.poll() is None:
        most = max(most, import_sessions(settled, watchers))
        # InnoDB refreshes INNODB_TRX only when it has not been read for 100 ms: polled faster, it is never
        # refreshed and the check sees the first snapshot for ever.
        time.sleep(0.15)
    out1, err1 = first.communicate()
    out2, err2 = second.communicate()
    assert most >= 1, "the watcher never saw an import writing: the check below would prove nothing"
    assert most <= 1, "two imports had written rows in open transactions at once"
    assert second.returncode == 0, err2
    if first.returncode != 0:
        # Stopped: says why, names the file and what stays committed.
        assert "import failed: conversations.json" in err1 and "committed:" in err1, err1
        assert "failed: conversations.json (its first" in err1, err1
    assert settled.ask("SELECT COUNT(*) FROM chatbeto_locks") == [["0"]]
    assert state(home) == expected
    # The records count only committed work: together they hold each conversation once.
    new = sum(int(r[0]) for r in settled.ask("SELECT JSON_VALUE(report, '$.conversationsNew') FROM imports"))
    assert new == CONVERSATIONS, new
    # A re-run finds everything in place.
    r = home.run(["import", str(export)])
    assert f"conversations: 0 new, 0 updated, {CONVERSATIONS} unchanged" in r.stdout, r.stdout
    dirty.close()
    settled.close()
