"""Imports commit in batches (issue 13): kill -9 or Ctrl-C in the middle of one big conversations file
keeps the batches committed before it, and re-running resumes from there (committed conversations are
skipped unchanged) to exactly the clean import's state. The progress line names the phases after the
parsed bytes and ends at the real conversation count. Word counts, now written by chatbeto, equal the
server's former generated column."""
import os
import re
import signal
import subprocess
import time


from conftest import GEN_EXPORT
from import_support import clean_state_and_fresh_home, import_on_a_terminal, save, state
from test_import_bad_input import conv, node
from test_import_kill import Watcher, watch_until, written

# About 40 KB of JSON per generated conversation: 400 of them are several 4 MB batches in one file.
CONVERSATIONS = 400


def one_file_export(folder, conversations=CONVERSATIONS, seed=4):
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "conversations.json"
    subprocess.run(["python3", str(GEN_EXPORT), "--conversations", str(conversations), "--seed", str(seed),
                    "--out", str(out), "--quiet"], check=True)
    return out


def committed(w):
    """Conversations committed so far (a second watcher, reading committed rows only)."""
    return int(w.ask("SELECT COUNT(*) FROM conversations")[0][0])


def busy_sessions(w):
    """Other sessions running a statement (the server's own threads aside)."""
    return int(w.ask("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() "
                     "AND COMMAND NOT IN ('Sleep', 'Daemon') AND USER <> 'system user'")[0][0])


def stop_mid_file(make_home, tmp_path, signum):
    """A clean import's state, then an import of the same single file stopped with `signum` once a batch
    is committed and the next one is being written; returns (export, expected state, home, result, kept)."""
    export = one_file_export(tmp_path / "export")
    expected, home = clean_state_and_fresh_home(make_home, export)
    dirty, settled = Watcher(home), Watcher(home)
    settled.ask("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")
    proc = home.spawn(["import", str(export)])
    hit = watch_until(proc, dirty, lambda w: committed(settled) >= 1 and written(w) > committed(settled) + 5)
    assert hit, "the import ended before a batch was committed and the next one started"
    os.kill(proc.pid, signum)
    out, err = proc.communicate(timeout=120)
    # Once the import's session has finished its last statement, what stays is what was committed.
    deadline = time.monotonic() + 120
    while busy_sessions(settled) and time.monotonic() < deadline:
        time.sleep(0.1)
    kept = committed(settled)
    dirty.close()
    settled.close()
    return export, expected, home, (proc.returncode, out, err), kept


def assert_resumes(home, export, expected, kept):
    assert 0 < kept < CONVERSATIONS, kept
    r = home.run(["import", str(export)])
    assert f"conversations: {CONVERSATIONS - kept} new, 0 updated, {kept} unchanged" in r.stdout, r.stdout
    assert state(home) == expected


def test_kill_9_mid_file_keeps_the_committed_batches_and_a_rerun_resumes(make_home, tmp_path):
    export, expected, home, (rc, _, _), kept = stop_mid_file(make_home, tmp_path, signal.SIGKILL)
    assert rc == -signal.SIGKILL
    assert_resumes(home, export, expected, kept)


def test_ctrl_c_mid_file_rolls_back_only_the_current_batch_and_a_rerun_resumes(make_home, tmp_path):
    export, expected, home, (rc, out, err), kept = stop_mid_file(make_home, tmp_path, signal.SIGINT)
    assert rc != 0, out
    assert "import interrupted in conversations.json; the batch being written was rolled back" in err, err
    assert f"failed: conversations.json (its first {kept} conversations stay committed" in err, err
    # The import's record counts exactly the committed conversations.
    assert home.query("sql SELECT JSON_VALUE(report, '$.conversationsNew') FROM imports ORDER BY id DESC LIMIT 1") \
        == [[str(kept)]]
    assert_resumes(home, export, expected, kept)


def test_progress_names_the_phases_after_parsing_and_ends_at_the_real_count(home, tmp_path):
    export = one_file_export(tmp_path / "export", conversations=150, seed=5)
    home.run(["-e", "sql SELECT 1"])
    lines, output = import_on_a_terminal(home, export)
    phases = [m.group(1) for l in lines for m in [re.search(r"conv  (writing|committing|naming projects|done)", l)] if m]
    # Every batch is written then committed; projects are named after the last; the last line is "done".
    assert phases[-4:] == ["writing", "committing", "naming projects", "done"], phases
    assert phases.count("committing") >= 2, phases  # 150 conversations are more than one batch
    assert re.search(r"100%  \d+/\d+ MB  150 conv  done in \d", lines[-1]), lines[-1]
    assert "conversations: 150 new" in output


WORD_COUNT_SQL = ("CASE WHEN text IS NULL OR TRIM(text) = '' THEN 0 ELSE CHAR_LENGTH(TRIM(REPLACE(text, '\\n', ' '))) - "
                  "CHAR_LENGTH(REPLACE(REPLACE(TRIM(REPLACE(text, '\\n', ' ')), ' ', ''), '\\n', '')) + 1 END")


def test_word_counts_written_by_chatbeto_equal_the_former_generated_column(home, tmp_path):
    texts = ["", " ", "   ", "one", " one ", "one two", "one  two", "one\ntwo", "\n", "\n\n", " \n ", "a\n\n b \n",
             "\u0301", "\u0301 \u0301", "\u200b\u200b", "\u0001 \u0001", "\u00a0", "\u3000", "x\u3000y", "\t", "a\tb",
             "\r\n", "caf\u00e9 cr\u00e8me", "\U0001F600 \U0001F600", "\ufeff", " \u0001\n", "\u0300a", "    lead",
             "trail   ", "\u2028 line sep", "emoji\u200d\U0001F469"]
    mapping = {"r": node("r", None, ["n0"])}
    for i, t in enumerate(texts):
        nid, nxt = f"n{i}", [f"n{i + 1}"] if i + 1 < len(texts) else []
        mapping[nid] = node(nid, "r" if i == 0 else f"n{i - 1}", nxt, t)
    export = tmp_path / "export" / "conversations.json"
    export.parent.mkdir()
    save(export, [conv("words", mapping, f"n{len(texts) - 1}")])
    home.run(["import", str(export)])
    rows = home.query(f"sql SELECT node_id, word_count, {WORD_COUNT_SQL} FROM messages WHERE conversation_id = 'words'")
    assert len(rows) >= len(texts)
    assert [r for r in rows if r[1] != r[2]] == []
    # A generated export's counts too (the stats total is the same sum).
    home.run(["import", str(one_file_export(tmp_path / "gen", conversations=20, seed=6))])
    assert home.query(f"sql SELECT COUNT(*) FROM messages WHERE NOT (word_count <=> ({WORD_COUNT_SQL}))") == [["0"]]
