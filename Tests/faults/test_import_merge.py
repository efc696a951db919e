"""Re-import merges and never destroys (issue 8, "Nothing lost: import"): local turns added with `ask`
survive a newer export, the visible path follows the most recent leaf, conversations missing from a
later export stay; chatbeto's own JSON export carries the whole tree and re-imports checksum-equal."""
import json


from conftest import generate_export
from import_support import add_turn, checksum, conversations, load, nodes, path_to, save, state, visible_path, fake  # noqa: F401 (fake: a fixture)


def ask(home, fake, conversation, text):
    home.run(["--yes", "-e", f'open {conversation}; ask "{text}"'], env=fake.env)


def test_reimport_keeps_local_turns_and_follows_the_most_recent_leaf(make_home, tmp_path, fake):
    export = generate_export(tmp_path / "export", conversations=5, seed=3)
    data = load(export)
    home = make_home("home")
    home.run(["import", str(export)])
    older, newer, gone = data[0]["id"], data[1]["id"], data[2]["id"]
    imported = nodes(home)
    ask(home, fake, older, "local question one")
    ask(home, fake, newer, "local question two")
    before = nodes(home)
    local = {k: v for k, v in before.items() if k not in imported}
    assert len(local) == 4 and {k[0] for k in local} == {older, newer}
    local_leaf = {k[0]: k[1] for k, v in local.items() if v[4] != "-"}

    # ChatGPT continued both conversations too: `older` a year ago, `newer` in the far future.
    grown = [c for c in data if c["id"] != gone]
    for c, when in ((grown[0], 1_700_000_000.0), (grown[1], 4_102_444_800.0)):
        leaf = c["current_node"]
        q = add_turn(c, leaf, c["id"][:8] + "-export-q", "user", f"export question {c['id'][:8]}", when)
        a = add_turn(c, q, c["id"][:8] + "-export-a", "assistant", f"export answer {c['id'][:8]}", when + 1)
        c["current_node"] = a
    grown_file = tmp_path / "grown" / "conversations.json"
    grown_file.parent.mkdir()
    save(grown_file, grown)

    r = home.run(["import", str(grown_file)])
    assert "1 not in this export (kept)" in r.stdout, r.stdout
    after = nodes(home)
    # No node disappears; local nodes keep their parents and text.
    for key, value in before.items():
        assert key in after, f"node {key} disappeared"
        assert after[key][0] == value[0] and after[key][1] == value[1] and after[key][4] == value[4]
    assert set(after) - set(before) == {(c["id"], c["id"][:8] + s) for c in grown[:2] for s in ("-export-q", "-export-a")}
    # The conversation missing from the later export stays whole.
    assert {k for k in after if k[0] == gone} == {k for k in before if k[0] == gone}

    # The imported nodes are exactly a clean import of the grown export.
    clean = make_home("clean")
    clean.run(["import", str(grown_file)])
    clean_nodes = nodes(clean)
    imported_after = {k: v for k, v in after.items() if k[0] != gone and k not in local}
    assert checksum(imported_after) == checksum(clean_nodes)

    # Visible path: the most recent leaf wins; the other branch stays reachable.
    stored = {c["id"]: c for c in grown}
    assert visible_path(after, older)[-1] == local_leaf[older]
    assert visible_path(after, newer) == path_to(stored[newer]["mapping"], stored[newer]["current_node"])
    convs = conversations(home)
    assert convs[older][1] == local_leaf[older] and convs[newer][1] == stored[newer]["current_node"]
    assert int(convs[older][2]) == len([k for k in after if k[0] == older])
    shown = home.run(["-e", f"show {older} --all-branches"]).stdout
    assert "export answer " + older[:8] in shown and "local question one" in shown
    shown = home.run(["-e", f"show {newer} --all-branches"]).stdout
    assert "export answer " + newer[:8] in shown and "local question two" in shown

    # Importing the same grown export again changes nothing.
    snapshot = state(home)
    home.run(["import", str(grown_file)])
    assert state(home) == snapshot


def test_json_export_carries_the_whole_tree_and_round_trips(home, tmp_path, fake):
    export = generate_export(tmp_path / "export", conversations=12, seed=5)
    data = load(export)
    home.run(["import", str(export)])
    branched = next(c for c in data if len(c["mapping"]) > len(path_to(c["mapping"], c["current_node"])))
    ask(home, fake, branched["id"], "a local turn before exporting")
    local_conv = home.run(["--yes", "-e", 'new "Local only"; ask "hello there"'], env=fake.env)
    before = state(home)
    stored = nodes(home)

    out = tmp_path / "branched.json"
    home.run(["-e", f"export {branched['id']} --format json --out {out}"])
    exported = json.loads(out.read_text())
    assert len(exported["mapping"]) == len([k for k in stored if k[0] == branched["id"]])
    r = home.run(["import", str(out)])
    assert state(home) == before, r.stdout

    # A local conversation's export, and a whole project's, re-import checksum-equal as well.
    local_id = next(k[0] for k in stored if k[0] not in {c["id"] for c in data})
    out2 = tmp_path / "local.json"
    home.run(["-e", f"export {local_id} --format json --out {out2}"])
    home.run(["import", str(out2)])
    assert state(home) == before
    assert local_conv.returncode == 0
