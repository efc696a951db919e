"""Text from imported data never reaches the terminal as raw control sequences: show, search,
conversations, the prompt, chat replies and exports to stdout escape them visibly (newlines and tabs
of message text stay)."""
import json
import re

import pytest

from shell_support import FakeOpenAI, spawn_tty

EVIL_TITLE = "Evil \x1b]0;owned\x07 \x1b[31mred\u202eesrever\u2066 c1\x9b31m end"
EVIL_TEXT = "hello \x1b[2J cleared\tTABBED\nsecond line findme \x07bell \x9d8;;http://x\x9c \u202elink\r over"
# Raw bytes that must never be written: C0 controls other than newline and tab, DEL, C1, bidi controls.
DANGEROUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def evil_export(folder):
    folder.mkdir(parents=True, exist_ok=True)
    def node(nid, parent, children, role, text, t):
        return {"id": nid, "parent": parent, "children": children,
                "message": {"id": nid, "author": {"role": role, "name": None, "metadata": {}},
                            "create_time": t, "update_time": None,
                            "content": {"content_type": "text", "parts": [text]},
                            "status": "finished_successfully", "end_turn": True, "weight": 1.0,
                            "metadata": {}, "recipient": "all", "channel": None}}
    conversation = {
        "id": "6a1e0c0d-0000-4000-8000-00000000e711", "title": EVIL_TITLE,
        "create_time": 1700000000.0, "update_time": 1700000100.0, "current_node": "n2",
        "mapping": {
            "root": {"id": "root", "message": None, "parent": None, "children": ["n1"]},
            "n1": node("n1", "root", ["n2"], "user", EVIL_TEXT, 1700000001.0),
            "n2": node("n2", "n1", [], "assistant", "reply \x1b[5mblink\x1b[0m findme", 1700000002.0),
        },
        "gizmo_id": "g-p-695c5d2ac4f481918ad844d64d343add", "gizmo_type": "snorlax",
        "conversation_template_id": "g-p-695c5d2ac4f481918ad844d64d343add",
        "moderation_results": [], "is_archived": False, "safe_urls": [], "default_model_slug": "gpt-4o",
    }
    path = folder / "conversations.json"
    path.write_text(json.dumps([conversation]))
    return path


def assert_clean(text, where):
    bad = DANGEROUS.findall(text)
    assert not bad, f"{where}: raw control characters {bad!r} in {text!r}"


@pytest.fixture
def evil_home(home, tmp_path):
    home.run(["import", str(evil_export(tmp_path / "export"))])
    return home


@pytest.mark.parametrize("command", [
    "show 6a1e", "show 6a1e --all-branches", "conversations --all", "search findme --all",
    "export 6a1e", "export 6a1e --format html", "export 6a1e --format json",
    "open 6a1e; status", "projects", "use g-p-695c; timeline", "stats", "use g-p-695c; conversations"
])
def test_imported_text_is_escaped_on_stdout(evil_home, command):
    result = evil_home.run(["-e", command], check=True)
    assert_clean(result.stdout, command)
    assert_clean(result.stderr, command)


def test_show_escapes_visibly_and_keeps_newlines_and_tabs(evil_home):
    out = evil_home.run(["-e", "show 6a1e"]).stdout
    assert "\\x1B[2J cleared\tTABBED\nsecond line" in out, out
    assert "\\x1B]0;owned\\x07" in out
    assert "\\u202E" in out and "\\x9B" in out


def test_json_export_to_stdout_is_still_the_same_data(evil_home):
    out = evil_home.run(["-e", "export 6a1e --format json"]).stdout
    data = json.loads(out)
    conversation = data[0] if isinstance(data, list) else data
    assert conversation["title"] == EVIL_TITLE
    texts = [n["message"]["content"]["parts"][0] for n in conversation["mapping"].values() if n.get("message")]
    assert EVIL_TEXT in texts


def test_export_to_a_file_keeps_the_bytes(evil_home, tmp_path):
    target = tmp_path / "out.md"
    evil_home.run(["-e", f"export 6a1e --out {target}"])
    assert "\x1b[2J" in target.read_text()


def test_prompt_and_show_on_a_terminal(evil_home):
    child = spawn_tty(evil_home)
    child.sendline("open 6a1e")
    child.expect(r"chatbeto\[.*\]> ")
    prompt = child.after
    assert_clean(prompt, "prompt")
    child.sendline("show")
    child.expect_exact("findme")
    child.expect(r"chatbeto\[.*\]> ")
    assert_clean(child.before.replace("\r\n", "\n"), "show on a terminal")  # the pty turns \n into \r\n
    child.sendline("quit")


def test_chat_replies_are_escaped(evil_home, tmp_path):
    fake = FakeOpenAI(tmp_path)
    try:
        result = evil_home.run(["--yes", "-e", 'open 6a1e; ask "say \x1b[31mred\x07 \u202eback\tand more"'],
                               env=fake.env())
    finally:
        fake.stop()
    assert "You said" in result.stdout, result
    assert "\\x1B[31mred\\x07" in result.stdout
    assert "\tand more" in result.stdout
    assert_clean(result.stdout, "ask")
    assert_clean(result.stderr, "ask")
