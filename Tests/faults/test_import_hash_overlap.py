"""Imports of two exports into one home: a conversation counts as unchanged only when the same
conversation (same id, same bytes) is stored already, never because another one's bytes hash alike.
Disjoint exports add up; an export that repeats stored conversations adds only the others. Gemini,
Grok, ChatGPT and Claude share the bytes-hash skip, so each is checked."""
import json
import re
import subprocess

from conftest import GEN_EXPORT, ROOT
from sources_support import write_gemini, write_grok

GEN_CLAUDE = ROOT / "scripts/gen_claude_export.py"


def counts(out):
    m = re.search(r"conversations: (\d+) new, (\d+) updated, (\d+) unchanged, (\d+) skipped", out)
    assert m, out
    return tuple(int(g) for g in m.groups())


def stored(home, provider):
    return int(home.query(f"SELECT COUNT(*) FROM conversations WHERE provider = '{provider}'")[0][0])


def import_counts(home, path):
    return counts(home.run(["import", str(path)]).stdout)


def test_gemini_files_numbered_apart_add_up_and_a_repeat_is_unchanged(home, tmp_path):
    # 10 conversations from 1000 and 20 from 0; every fifth has no conversation id, so its 5 prompts
    # are 5 conversations: 8 + 2*5 = 18 and 16 + 4*5 = 36.
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir(), (tmp_path / "c").mkdir()
    grouped_a, single_a = write_gemini(tmp_path / "a/MyActivity.json", 10, words=5, first=1000)
    grouped_b, single_b = write_gemini(tmp_path / "b/MyActivity.json", 20, words=5)
    assert (len(grouped_a), single_a, len(grouped_b), single_b) == (8, 10, 16, 20)
    assert not set(grouped_a) & set(grouped_b), (grouped_a, grouped_b)
    assert import_counts(home, tmp_path / "a/MyActivity.json") == (18, 0, 0, 0)
    assert import_counts(home, tmp_path / "b/MyActivity.json") == (36, 0, 0, 0)
    assert stored(home, "gemini") == 54
    # Conversations 0..9 again, record for record: exactly those 18 are unchanged, nothing is lost.
    write_gemini(tmp_path / "c/MyActivity.json", 10, words=5)
    assert import_counts(home, tmp_path / "c/MyActivity.json") == (0, 0, 18, 0)
    assert stored(home, "gemini") == 54
    assert int(home.query("SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                          "WHERE c.provider = 'gemini'")[0][0]) == (8 * 5 + 10 + 16 * 5 + 20) * 2


def test_grok_files_numbered_apart_add_up_and_a_repeat_is_unchanged(home, tmp_path):
    write_grok(tmp_path / "a.json", 4, responses=2, words=5, first=100)
    write_grok(tmp_path / "b.json", 6, responses=2, words=5)
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / f"{name}.json").rename(tmp_path / name / "prod-grok-backend.json")
    assert import_counts(home, tmp_path / "a/prod-grok-backend.json") == (4, 0, 0, 0)
    assert import_counts(home, tmp_path / "b/prod-grok-backend.json") == (6, 0, 0, 0)
    (tmp_path / "c").mkdir()
    write_grok(tmp_path / "c/prod-grok-backend.json", 3, responses=2, words=5)
    assert import_counts(home, tmp_path / "c/prod-grok-backend.json") == (0, 0, 3, 0)
    assert stored(home, "grok") == 10


def conversations(generator, seed, tmp_path, n):
    out = tmp_path / f"gen-{generator.stem}-{seed}.json"
    extra = ["--projects", "1", "--quiet"] if generator == GEN_EXPORT else []
    subprocess.run(["python3", str(generator), "--conversations", str(n), "--seed", str(seed), "--out", str(out)] + extra,
                   check=True, capture_output=True)
    data = json.loads(out.read_text())
    return data if isinstance(data, list) else data["conversations"]


def write_array(path, items):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[" + ",\n".join(json.dumps(c) for c in items) + "]")


def overlap(home, tmp_path, generator, provider):
    one, two = conversations(generator, 1, tmp_path, 5), conversations(generator, 2, tmp_path, 4)
    write_array(tmp_path / "a/conversations.json", one)
    write_array(tmp_path / "b/conversations.json", one[:2] + two)
    assert import_counts(home, tmp_path / "a/conversations.json") == (5, 0, 0, 0)
    assert import_counts(home, tmp_path / "b/conversations.json") == (4, 0, 2, 0)
    assert stored(home, provider) == 9


def test_chatgpt_exports_overlapping_in_two_conversations_store_the_union(home, tmp_path):
    overlap(home, tmp_path, GEN_EXPORT, "chatgpt")


def test_claude_exports_overlapping_in_two_conversations_store_the_union(home, tmp_path):
    overlap(home, tmp_path, GEN_CLAUDE, "claude")


def test_chatgpt_conversations_keyed_by_id_with_equal_bodies_are_both_stored(home, tmp_path):
    # A file of conversations keyed by their ids, the objects without an id of their own: two with
    # the same body are two conversations, also when one of them was stored by an earlier import.
    body = conversations(GEN_EXPORT, 3, tmp_path, 1)[0]
    body.pop("id", None)
    body.pop("conversation_id", None)
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    (tmp_path / "a/conversations.json").write_text(json.dumps({"keyed-one": body}))
    (tmp_path / "b/conversations.json").write_text(json.dumps({"keyed-one": body, "keyed-two": body}))
    assert import_counts(home, tmp_path / "a/conversations.json") == (1, 0, 0, 0)
    assert import_counts(home, tmp_path / "b/conversations.json") == (1, 0, 1, 0)
    assert sorted(r[0] for r in home.query("SELECT id FROM conversations")) == ["keyed-one", "keyed-two"]
    assert import_counts(home, tmp_path / "b/conversations.json") == (0, 0, 2, 0)


def test_gemini_prompts_repeated_within_one_second_without_an_id_are_two_conversations(home, tmp_path):
    # The same prompt sent twice in one second (prompts without an id are keyed by whole seconds, as
    # HTML has no milliseconds): both are kept, numbered oldest first, so a re-export that puts the
    # newer one in front of the one stored keeps the stored one unchanged. A record repeated byte for
    # byte is one prompt.
    def record(ms, answer):
        return {"header": "Gemini Apps", "title": "Prompted same words twice", "time": f"2026-03-01T10:00:00.{ms}Z",
                "products": ["Gemini Apps"], "activityControls": ["Gemini Apps Activity"],
                "safeHtmlItem": [{"html": f"<p>{answer}</p>"}]}
    older, newer = record("100", "first answer"), record("900", "second answer")
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    (tmp_path / "a/MyActivity.json").write_text(json.dumps([older, older]))
    (tmp_path / "b/MyActivity.json").write_text(json.dumps([newer, older]))
    assert import_counts(home, tmp_path / "a/MyActivity.json")[0] == 1
    assert import_counts(home, tmp_path / "b/MyActivity.json") == (1, 0, 1, 0)
    rows = home.query("SELECT c.id, m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                      "WHERE m.role = 'assistant' ORDER BY c.id")
    assert [r[1] for r in rows] == ["first answer", "second answer"], rows
    assert rows[1][0] == rows[0][0] + "-2", rows
    assert import_counts(home, tmp_path / "b/MyActivity.json") == (0, 0, 2, 0)
