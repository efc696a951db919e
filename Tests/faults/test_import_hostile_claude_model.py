"""Hostile Claude exports, generated (hypothesis): message uuids that collide, are too long, look like
another message's hidden-node ids ('<uuid>#1'); parents missing, self, the sentinel; senders other than
human and assistant; thinking blocks; control characters and NULs in text. Invariant: the import
succeeds (one bad conversation never fails the file), every usable message is stored as a visible node
and every thinking block as a hidden one, each conversation shows, and a re-import changes nothing."""
import json

from hypothesis import HealthCheck, example, given, settings, strategies as st

from hostile_support import assert_nodes, assert_reimport_unchanged, empty, import_whole, stored_conversations

SENTINEL = "00000000-0000-4000-8000-000000000000"
IDS = ["m1", "m2", "m1#1", "m1#2", "u" * 56, "u" * 57, "\u00e9" * 28, "\u00e9" * 29, "", "m3"]
CONVERSATIONS = ["c5000000-0000-4000-8000-000000000001", "c5000000-0000-4000-8000-000000000002", "z" * 65]

message = st.fixed_dictionaries({
    "uuid": st.sampled_from(IDS),
    "parent_message_uuid": st.one_of(st.none(), st.sampled_from(IDS + [SENTINEL, "missing"])),
    "sender": st.sampled_from(["human", "assistant", "assistant", "system"]),
    "text": st.text(max_size=40),
    "thinking": st.one_of(st.none(), st.text(min_size=1, max_size=20)),
    "created_at": st.sampled_from(["2026-08-22T09:00:01.000000Z", "2026-08-22T09:00:02Z", "soon", ""]),
})
conversation = st.tuples(st.sampled_from(CONVERSATIONS), st.text(max_size=30), st.lists(message, max_size=7))
# A conversation held twice is another test's (test_claude_reimport_twice.py); here each id once.
exports = st.lists(conversation, min_size=1, max_size=3, unique_by=lambda c: c[0])


def usable(messages):
    """The messages the reader keeps: a uuid of at most 56 bytes, the first of each, a human or assistant."""
    kept, seen = {}, set()
    for m in messages:
        u = m["uuid"]
        if not u or len(u.encode()) > 56 or u in seen:
            continue
        seen.add(u)
        if m["sender"] in ("human", "assistant"):
            kept[u] = m
    return kept


def as_export(m):
    content = ([{"type": "thinking", "thinking": m["thinking"]}] if m["thinking"] else []) + [{"type": "text", "text": m["text"]}]
    return {"uuid": m["uuid"], "text": m["text"], "content": content, "sender": m["sender"], "created_at": m["created_at"],
            "updated_at": m["created_at"], "attachments": [], "files": [], "parent_message_uuid": m["parent_message_uuid"]}


def write(path, held):
    path.write_text(json.dumps([{"uuid": cid, "name": title, "created_at": "2026-08-22T09:00:00Z", "updated_at": "2026-08-22T09:10:00Z",
                                 "account": {"uuid": "a0000000-0000-4000-8000-00000000000a"},
                                 "chat_messages": [as_export(m) for m in messages]} for cid, title, messages in held]))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(held=exports)
@example(held=[(CONVERSATIONS[0], "t", [
    {"uuid": "m1", "parent_message_uuid": SENTINEL, "sender": "human", "text": "q", "thinking": None, "created_at": ""},
    {"uuid": "m2", "parent_message_uuid": "m1", "sender": "assistant", "text": "a", "thinking": "hmm", "created_at": ""},
    {"uuid": "m2#1", "parent_message_uuid": "m2", "sender": "human", "text": "looks like m2's thinking\x00", "thinking": None,
     "created_at": ""}])])
def test_hostile_claude_exports_import_whole_and_reimport_unchanged(home, tmp_path, held):
    empty(home)
    export = tmp_path / "conversations.json"
    write(export, held)
    first = import_whole(home, export)
    for cid, messages in stored_conversations(home, "claude", held, first.stdout).items():
        kept = usable(messages)
        assert_nodes(home, cid, visible=kept, hidden=sum(1 for m in kept.values() if m["thinking"]), report=first.stdout)
    assert_reimport_unchanged(home, export)
