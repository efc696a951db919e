"""Ctrl-C while `import` waits for another process's import lock stops the wait at once (the user does
not sit out the 600 s timeout): a clear message, exit 130 in a script, the prompt again in an
interactive shell, and nothing written — no conversations, no `imports` row, the other holder's lock
untouched."""
import signal

import pexpect

from conftest import BINARY, generate_export
from robust_support import Watcher, hold_import_lock, lock_owner, wait_for_line


def nothing_written(home, watcher):
    assert watcher.ask("SELECT COUNT(*) FROM conversations") == [["0"]]
    assert watcher.ask("SELECT COUNT(*) FROM imports") == [["0"]]
    assert lock_owner(watcher) == "held-by-test"


def test_ctrl_c_stops_a_script_waiting_for_the_import_lock(home, tmp_path):
    export = generate_export(tmp_path / "export", conversations=3)
    home.run(["-e", "sql SELECT 1"])
    watcher = Watcher(home)
    hold_import_lock(watcher)
    proc = home.spawn(["import", str(export)])
    wait_for_line(proc.stderr, "waiting for another import")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)  # bounds a hang only: the wait itself lasts 600 s
    assert proc.returncode == 130, (proc.returncode, out, err)
    assert "interrupted while waiting for another import" in err, err
    assert "nothing was imported" in err, err
    nothing_written(home, watcher)
    watcher.close()


def test_ctrl_c_in_the_shell_returns_to_the_prompt_while_waiting_for_the_import_lock(home, tmp_path):
    export = generate_export(tmp_path / "export", conversations=3)
    home.run(["-e", "sql SELECT 1"])
    watcher = Watcher(home)
    hold_import_lock(watcher)
    child = pexpect.spawn(BINARY, [], env=dict(home.env, TERM="xterm", LANG="C.UTF-8"), encoding="utf-8",
                          timeout=60, dimensions=(40, 160))
    child.expect("chatbeto> ")
    child.sendline(f"import {export}")
    child.expect("waiting for another import")
    child.sendintr()
    child.expect("interrupted while waiting for another import")
    child.expect("chatbeto> ")
    child.sendline("sql SELECT 'still here' AS m")
    child.expect("still here")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    nothing_written(home, watcher)
    watcher.close()
