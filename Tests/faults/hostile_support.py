"""What the hostile-input model tests (test_import_hostile_*_model.py) share: an empty store before each
generated example, the import that must succeed whole, the stored nodes of a conversation, and the
re-import that must change nothing."""
import re


def empty(home):
    home.run(["--yes", "-e", "set sql-write on; sql DELETE FROM conversations"])


def import_whole(home, path):
    """Imports `path`; one bad conversation must never fail the file."""
    r = home.run(["import", str(path)])
    assert "import failed" not in r.stderr, r.stderr
    return r


def snapshot(home):
    return home.query("SELECT conversation_id, node_id, parent_node_id, visible_index, is_hidden, HEX(text) FROM messages ORDER BY 1, 2")


def assert_nodes(home, cid, visible, hidden, report):
    """The conversation's visible node ids are `visible`, it has `hidden` hidden nodes, and it shows."""
    stored = {row[0] for row in home.query(f"SELECT node_id FROM messages WHERE conversation_id = '{cid}' AND is_hidden = 0")}
    assert stored == set(visible), (cid, stored, set(visible), report)
    count = int(home.query(f"SELECT COUNT(*) FROM messages WHERE conversation_id = '{cid}' AND is_hidden = 1")[0][0])
    assert count == hidden, (cid, count, hidden, report)
    assert home.run(["-e", f"show {cid} --all-branches"]).returncode == 0


def assert_reimport_unchanged(home, path):
    before = snapshot(home)
    again = home.run(["import", str(path)]).stdout
    assert re.search(r"\b0 new, 0 updated\b", again), again
    assert snapshot(home) == before


def stored_conversations(home, provider, held, report):
    """The conversations of `held` ((id, title, items) each) whose id fits the 64 characters stored, as
    {id: items}; asserts they and only they are stored."""
    fitting = {cid: items for cid, _, items in held if len(cid) <= 64}
    ids = {row[0] for row in home.query(f"SELECT id FROM conversations WHERE provider = '{provider}'")}
    assert ids == set(fitting), (ids, held, report)
    return fitting
