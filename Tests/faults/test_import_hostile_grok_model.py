"""Hostile Grok exports, generated (hypothesis): response ids that collide, are too long, are another's
'#thinking' form, non-ASCII at the 64-byte edge; parents missing, self, cyclic; control characters and
NULs in text; odd senders and times; conversation ids too long. Invariant: the import
succeeds (one bad conversation never fails the file), every usable response is stored as a visible
node and every thinking trace as a hidden one, each stored conversation shows, and a re-import changes
nothing and reports every conversation unchanged."""
import json

from hypothesis import HealthCheck, example, given, settings, strategies as st

from hostile_support import assert_nodes, assert_reimport_unchanged, empty, import_whole, stored_conversations

IDS = ["a", "b", "a#thinking", "r" * 64, "r" * 63, "\u00e9" * 32, "\u00e9" * 33, "x" * 65, "", "c"]
CONVERSATIONS = ["6a0b0000-0000-4000-8000-000000000001", "6a0b0000-0000-4000-8000-000000000002", "z" * 65]

response = st.fixed_dictionaries({
    "response_id": st.sampled_from(IDS),
    "parent_response_id": st.one_of(st.none(), st.sampled_from(IDS + ["missing"])),
    "sender": st.sampled_from(["human", "ASSISTANT", "user", "system", ""]),
    "message": st.text(max_size=40),
    "create_time": st.sampled_from(["2025-06-01T10:00:00.000000Z", "2025-06-01T10:00:01Z", "not a time", ""]),
}, optional={"thinking_trace": st.text(min_size=1, max_size=20), "model": st.text(max_size=90)})
conversation = st.tuples(st.sampled_from(CONVERSATIONS), st.text(max_size=30), st.lists(response, max_size=7))
# A conversation held twice is another test's (test_claude_reimport_twice.py); here each id once.
exports = st.lists(conversation, min_size=1, max_size=3, unique_by=lambda c: c[0])


def usable(responses):
    """The responses the reader keeps: a non-empty id of at most 64 bytes, the first of each id."""
    kept = {}
    for r in responses:
        rid = r["response_id"]
        if rid and len(rid.encode()) <= 64 and rid not in kept:
            kept[rid] = r
    return kept


def write(path, held):
    items = [{"conversation": {"conversation_id": cid, "title": title, "create_time": "2025-06-01T10:00:00Z"},
              "responses": [{"response": dict(r, conversation_id=cid)} for r in responses]} for cid, title, responses in held]
    path.write_text(json.dumps({"conversations": items, "projects": []}))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(held=exports)
@example(held=[(CONVERSATIONS[0], "t", [
    {"response_id": "a", "parent_response_id": None, "sender": "human", "message": "q", "create_time": ""},
    {"response_id": "a#thinking", "parent_response_id": "a", "sender": "ASSISTANT", "message": "an answer with that id",
     "create_time": "", "thinking_trace": "t"},
    {"response_id": "r" * 64, "parent_response_id": "r" * 64, "sender": "ASSISTANT", "message": "self\x00nul",
     "create_time": "", "thinking_trace": "u"}])])
def test_hostile_grok_exports_import_whole_and_reimport_unchanged(home, tmp_path, held):
    empty(home)
    export = tmp_path / "prod-grok-backend.json"
    write(export, held)
    first = import_whole(home, export)
    for cid, responses in stored_conversations(home, "grok", held, first.stdout).items():
        kept = usable(responses)
        assert_nodes(home, cid, visible=kept, hidden=sum(1 for r in kept.values() if r.get("thinking_trace")), report=first.stdout)
    assert_reimport_unchanged(home, export)
