"""Helpers for the robustness fault tests (test_robust_*.py): a root client on a home's private server
that can hold chatbeto's import lock row the way another import's session would."""
import subprocess

from test_import_kill import Watcher


def hold_import_lock(watcher, owner="held-by-test"):
    """Writes the import lock row as a live import on this server holds it: the watcher's own connection
    is the holder, so the lock stays taken until the watcher lets go of it or disconnects."""
    watcher.ask("INSERT INTO chatbeto_locks (name, owner, node, connection_id, acquired_at, expires_at) "
                f"VALUES ('import', '{owner}', CONCAT(@@hostname, ':', @@port), CONNECTION_ID(), NOW(6), "
                "NOW(6) + INTERVAL 1 HOUR)")


def lock_owner(watcher):
    rows = watcher.ask("SELECT owner FROM chatbeto_locks WHERE name = 'import'")
    return rows[0][0] if rows else None


def wait_for_line(stream, text, limit=200):
    """Reads lines from `stream` until one holds `text`; returns what was read (a hang is bounded by the
    caller's process timeout, not by a clock here)."""
    seen = []
    for _ in range(limit):
        line = stream.readline()
        if not line:
            break
        seen.append(line)
        if text in line:
            return "".join(seen)
    raise AssertionError(f"no {text!r} in:\n{''.join(seen)}")


__all__ = ["Watcher", "hold_import_lock", "lock_owner", "wait_for_line", "subprocess"]
