"""Re-importing an export that holds a conversation twice (issue 11): the first import keeps the later
copy (FORMAT-claude.md), and importing the same export again changes nothing and reports every
conversation unchanged, whichever copy comes first, whatever was stored before, with a local chat turn
in between; importing A then B holds every node of both."""
import json

import pytest

from claude_reimport_support import (conversations_line, skipped_lines, snapshot, stored_nodes, stored_thread, thread,
                                     node_ids, unchanged_line, versions, write_export)
from conftest import generate_export
from import_support import load, save, fake  # noqa: F401 (fake: a fixture)
from sources_support import write_grok

CID = "c3000000-0000-4000-8000-000000000001"
OTHER = "c3000000-0000-4000-8000-000000000002"


def import_(home, path):
    return home.run(["import", str(path)]).stdout


def assert_reimport_is_a_no_op(home, path, conversations):
    before = snapshot(home)
    for _ in range(2):
        out = import_(home, path)
        assert conversations_line(out) == unchanged_line(conversations), out
        assert skipped_lines(out) == [], out
        assert snapshot(home) == before, "re-importing the same export changed the store"


@pytest.mark.parametrize("order", [(1, 3), (3, 1), (0, 4, 2), (2, 2)], ids=["older-first", "later-first", "three", "same"])
def test_a_conversation_twice_in_one_export_reimports_unchanged(home, tmp_path, order):
    v = versions(CID)
    other = versions(OTHER, start=100)[1]
    path = write_export(tmp_path / "export", [v[order[0]], other] + [v[i] for i in order[1:]])
    first = import_(home, path)
    assert conversations_line(first) == f"conversations: 2 new, 0 updated, 0 unchanged, {len(order) - 1} skipped", first
    latest = v[max(order)]
    assert stored_thread(home, CID) == thread(latest)
    assert stored_nodes(home, CID) == node_ids(latest)
    assert_reimport_is_a_no_op(home, path, len(order) + 1)


@pytest.mark.parametrize("stored, copies", [(2, (1, 3)), (2, (1, 2)), (3, (1, 2)), (2, (3, 1))],
                         ids=["older-first-across", "stored-copy-second", "both-older", "later-first-across"])
def test_an_export_holding_a_stored_conversation_twice_reimports_unchanged(home, tmp_path, stored, copies):
    v = versions(CID)
    import_(home, write_export(tmp_path / "a", [v[stored]]))
    path = write_export(tmp_path / "b", [v[i] for i in copies])
    import_(home, path)
    latest = v[max((stored,) + copies)]
    assert stored_nodes(home, CID) == node_ids(latest)
    assert stored_thread(home, CID) == thread(latest)
    assert_reimport_is_a_no_op(home, path, len(copies))
    assert stored_thread(home, CID) == thread(latest)


def test_a_local_turn_survives_the_reimport_and_stays_visible(home, tmp_path, fake):
    v = versions(CID)
    path = write_export(tmp_path / "a", [v[1], v[3]])
    import_(home, path)
    home.run(["--yes", "-e", f'open {CID}; ask "a local question"'], env=fake.env)
    local = stored_nodes(home, CID) - node_ids(v[3])
    assert len(local) == 2
    with_local = stored_thread(home, CID)
    assert with_local[:-2] == thread(v[3]) and set(with_local[-2:]) == local
    assert_reimport_is_a_no_op(home, path, 2)
    # A later export, again holding the conversation twice: its new nodes join, the local turn stays visible.
    later = write_export(tmp_path / "b", [v[4], v[2]])
    import_(home, later)
    assert stored_nodes(home, CID) == node_ids(v[4]) | local
    assert stored_thread(home, CID) == with_local
    assert_reimport_is_a_no_op(home, later, 2)
    assert stored_thread(home, CID) == with_local


def test_chatgpt_conversation_twice_in_one_export_and_across_shards(make_home, tmp_path):
    data = load(generate_export(tmp_path / "gen", conversations=3, seed=5, projects=0))
    twin = dict(data[0], title="the same conversation, retitled")
    for name, layout in (("one-file", {"conversations.json": [twin] + data}),
                         ("shards", {"conversations-000.json": data[:2], "conversations-001.json": [twin, data[2]]})):
        folder = tmp_path / name
        folder.mkdir()
        for file, content in layout.items():
            save(folder / file, content)
        home = make_home(name)
        import_(home, folder if len(layout) > 1 else folder / "conversations.json")
        assert_reimport_is_a_no_op(home, folder if len(layout) > 1 else folder / "conversations.json", 4)


def test_grok_conversation_twice_in_one_export_reimports_unchanged(home, tmp_path):
    folder = tmp_path / "grok"
    folder.mkdir()
    path = folder / "prod-grok-backend.json"
    write_grok(path, 3, responses=2, words=5)
    data = load(path)
    grown = json.loads(json.dumps(data["conversations"][0]))
    grown["conversation"]["title"] = "Chat 0, continued"
    last = grown["responses"][-1]["response"]
    grown["responses"].append({"response": dict(last, response_id=last["response_id"][:-4] + "0009", sender="human",
                                                message="one more question", parent_response_id=last["response_id"],
                                                create_time=last["create_time"].replace("T10:", "T12:"))})
    data["conversations"].append(grown)
    save(path, data)
    import_(home, path)
    cid = grown["conversation"]["conversation_id"]
    assert {r["response"]["response_id"] for r in grown["responses"]} <= stored_nodes(home, cid)
    assert_reimport_is_a_no_op(home, path, 4)
