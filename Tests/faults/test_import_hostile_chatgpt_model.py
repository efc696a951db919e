"""Hostile ChatGPT mappings, generated (hypothesis): parent links and children lists that disagree,
cycles, self-parents, parents outside the mapping, a node's "id" other than its key, a key twice in one
mapping, null messages, parts that are not strings, content types chatbeto does not know, current_node
missing, null or elsewhere, control characters and NULs in text. Invariant: the import succeeds, every
mapping key is stored as a node (the last of a key held twice, as JSON readers take it), the visible
thread is a chain of parent links from a root, each conversation shows, and a re-import changes nothing
and reports every conversation unchanged."""
import json

from hypothesis import HealthCheck, example, given, settings, strategies as st

from hostile_support import assert_reimport_unchanged, empty, import_whole

KEYS = ["root", "a", "b", "c", "d", "\u00e9t\u00e9", "e" * 64]
part = st.one_of(st.text(max_size=30), st.integers(), st.none(), st.fixed_dictionaries({"content_type": st.just("image_asset_pointer"),
                                                                                          "asset_pointer": st.just("file-service://file-x")}))
message = st.one_of(st.none(), st.fixed_dictionaries({
    "author": st.fixed_dictionaries({"role": st.sampled_from(["user", "assistant", "system", "tool", "", "robot"])}),
    "create_time": st.one_of(st.none(), st.floats(min_value=1.6e9, max_value=1.8e9), st.just("yesterday"), st.just(-1)),
    "content": st.fixed_dictionaries({"content_type": st.sampled_from(["text", "code", "thoughts", "multimodal_text", "hologram"]),
                                      "parts": st.lists(part, max_size=3)}),
}))
node = st.fixed_dictionaries({
    "key": st.sampled_from(KEYS),
    "id": st.one_of(st.none(), st.sampled_from(KEYS)),
    "parent": st.one_of(st.none(), st.sampled_from(KEYS + ["gone"])),
    "children": st.lists(st.sampled_from(KEYS + ["gone"]), max_size=3),
    "message": message,
})
conversation = st.fixed_dictionaries({
    "nodes": st.lists(node, min_size=1, max_size=7),
    "current": st.one_of(st.none(), st.sampled_from(KEYS + ["gone"])),
    "title": st.text(max_size=20),
})
exports = st.lists(conversation, min_size=1, max_size=3)


def cid(i):
    return f"6f000000-0000-4000-8000-00000000000{i}"


def write(path, convs):
    """The export as text: a mapping may hold a key twice, which a dict cannot."""
    items = []
    for i, c in enumerate(convs):
        entries = []
        for n in c["nodes"]:
            body = {"id": n["id"] if n["id"] is not None else n["key"], "parent": n["parent"], "children": n["children"],
                    "message": None if n["message"] is None else dict(n["message"], id=n["key"])}
            entries.append(json.dumps(n["key"]) + ": " + json.dumps(body))
        items.append('{"id": %s, "title": %s, "create_time": 1700000000.0, "update_time": 1700000100.0, '
                     '"current_node": %s, "mapping": {%s}}' % (json.dumps(cid(i)), json.dumps(c["title"]), json.dumps(c["current"]),
                                                              ", ".join(entries)))
    path.write_text("[" + ", ".join(items) + "]")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(convs=exports)
@example(convs=[{"title": "t", "current": "b", "nodes": [
    {"key": "root", "id": None, "parent": None, "children": ["a"], "message": None},
    {"key": "a", "id": "b", "parent": "a", "children": ["b", "gone"], "message": None},
    {"key": "b", "id": None, "parent": "c", "children": [], "message": None},
    {"key": "c", "id": None, "parent": "b", "children": ["b"], "message": None},
    {"key": "a", "id": None, "parent": "root", "children": [], "message": None}]}])
def test_hostile_chatgpt_mappings_import_whole_and_reimport_unchanged(home, tmp_path, convs):
    empty(home)
    folder = tmp_path / "export"
    folder.mkdir(exist_ok=True)
    export = folder / "conversations.json"
    write(export, convs)
    first = import_whole(home, folder)
    for i, c in enumerate(convs):
        keys = {n["key"] for n in c["nodes"]}
        stored = [[None if v == "\\N" else v for v in row] for row in
                  home.query(f"SELECT node_id, parent_node_id, visible_index FROM messages WHERE conversation_id = '{cid(i)}'")]
        assert {row[0] for row in stored} == keys, (i, stored, first.stdout)
        parent = {row[0]: row[1] for row in stored}
        thread = [row[0] for row in sorted((r for r in stored if r[2] is not None), key=lambda r: int(r[2]))]
        assert sorted(int(r[2]) for r in stored if r[2] is not None) == list(range(len(thread))), stored
        assert not thread or parent[thread[0]] not in keys, (thread, parent)  # from a root (or a broken link)
        assert all(parent[thread[k]] == thread[k - 1] for k in range(1, len(thread))), (thread, parent)
        assert home.run(["-e", f"show {cid(i)} --all-branches"]).returncode == 0
    assert_reimport_unchanged(home, folder)
