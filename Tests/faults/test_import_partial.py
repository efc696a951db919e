"""A partial import says which files were committed, which failed and which were never read; the
`imports` record counts only committed work (issue 8)."""
import json

from test_import_kill import sharded_export


def test_a_stopped_import_lists_committed_failed_and_unread_files(home, tmp_path):
    export = sharded_export(tmp_path / "export", conversations=50, shard=10)
    bad = export / "conversations-002.json"
    text = bad.read_bytes()
    bad.write_bytes(text[: len(text) // 2])
    r = home.run(["import", str(export)], check=False)
    assert r.returncode != 0
    assert "committed: conversations-000.json, conversations-001.json" in r.stderr, r.stderr
    assert "failed: conversations-002.json" in r.stderr
    assert "not read: conversations-003.json, conversations-004.json" in r.stderr
    assert home.query("sql SELECT COUNT(*) FROM conversations") == [["20"]]
    report = json.loads(home.query("sql SELECT report FROM imports ORDER BY id DESC LIMIT 1")[0][0])
    assert report["conversationsNew"] == 20
    assert [f["name"] for f in report["files"]] == ["conversations-000.json", "conversations-001.json"]
    assert report["failedFile"] == "conversations-002.json"
    assert report["unreadFiles"] == ["conversations-003.json", "conversations-004.json"]
    stored_messages = int(home.query("sql SELECT COUNT(*) FROM messages")[0][0])
    assert report["messages"] == stored_messages
