"""Chat mode through the real binary in a pseudo-terminal: use, continue, streamed turns, Ctrl-C in
the middle of a reply, /exit, restart, and continue landing in the same conversation."""
import pathlib
import re

import pexpect

from conftest import API_KEY, BINARY

# Long enough (30 s at 30 ms a word) that the Ctrl-C below lands in the middle however slowly the test runs.
LONG_REPLY = " ".join(f"w{i}" for i in range(1, 1001))


def spawn(home):
    child = pexpect.spawn(BINARY, [], env=home.env, encoding="utf-8", timeout=30, dimensions=(40, 200))
    child.logfile_read = open(home.path / "pty.log", "a", encoding="utf-8")
    child.expect("Type 'help'")
    return child


def test_chat_mode_streams_keeps_interrupted_reply_and_resumes(home, fake):
    child = spawn(home)
    child.sendline("use Wordpress")
    child.expect(r"chatbeto\[Wordpress\]> ")
    child.sendline("continue")
    child.expect("Then activate it.")
    child.expect("Chat mode")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))

    # First turn: the imported thread is seeded after a question with count, tokens and cost.
    child.sendline("first question")
    child.expect(r"Seeding the new server conversation with 3 messages \(~\d+ tokens, about \$[0-9.]+ with gpt-5-mini\)")
    child.expect(r"\[y/N\] ")
    child.sendline("y")
    child.expect("You said: first question")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))

    # Second turn: a reply sent word by word arrives whole. That words show before the reply ends is
    # shown by the Ctrl-C turn below (no clock: a starved test reads a 1 s reply in one go).
    fake.configure(event_delay_ms=15, reply="alpha beta gamma " + " ".join(f"x{i}" for i in range(60)) + " omega")
    child.sendline("second question")
    child.expect("alpha beta gamma x0")
    child.expect("x59 omega")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))

    # A rate-limited turn is retried with a countdown on the terminal.
    fake.configure(event_delay_ms=0, reply=None)
    fake.faults({"name": "rate_limit", "path": "/v1/responses", "headers": {"retry-after-ms": "1500"}})
    child.sendline("limited question")
    child.expect(r"retrying in \d+s \(429 rate_limit_exceeded, retry 1\)")
    child.expect("You said: limited question")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))

    # A pasted block of lines is one message; so is a """ block.
    fake.configure(event_delay_ms=0, reply=None)
    child.send("pasted one\npasted two\n")
    child.expect("You said: pasted one\r?\npasted two")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))
    child.sendline('"""')
    child.sendline("block one")
    child.sendline('block two"""')
    child.expect("You said: block one\r?\nblock two")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))

    # Third turn: Ctrl-C in the middle of the reply keeps the partial text, marked incomplete.
    fake.configure(event_delay_ms=30, reply=LONG_REPLY)
    child.sendline("tell me a long story")
    child.expect("w5 ")
    child.sendintr()
    child.expect("interrupted")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))

    # Commands stay reachable with a leading slash; /exit leaves chat mode, quit leaves the shell.
    child.sendline("/model gpt-5-nano")
    child.expect("model = gpt-5-nano")
    child.sendline("/exit")
    child.expect(r"chatbeto\[Wordpress › Plugin help\]> ")
    child.sendline("quit")
    child.expect(pexpect.EOF)

    rows = home.query("SELECT role, is_incomplete, status, text FROM messages WHERE conversation_id = 'c1' "
                      "AND on_visible_path = 1 ORDER BY visible_index")
    roles = [r[0] for r in rows]
    assert roles == ["system", "user", "assistant", "tool", "assistant"] + ["user", "assistant"] * 6
    assert rows[-1][1] == "1" and rows[-1][2] == "cancelled"
    # Streamed: the words seen before Ctrl-C are kept, the end never came.
    assert rows[-1][3].startswith("w1 w2 w3 w4 w5") and "w1000" not in rows[-1][3]
    assert all(r[1] == "0" for r in rows[:-1])

    # Restart: continue lands in the same conversation with every turn.
    fake.configure(event_delay_ms=0, reply=None)
    child = spawn(home)
    child.sendline("continue")
    child.expect("Chat mode")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))
    child.sendline("/show")
    for text in ["How do I write a plugin?", "You said: first question", "second question", "omega",
                 "tell me a long story", "w5"]:
        child.expect(re.escape(text))
    child.expect(re.escape("you[Wordpress › Plugin help]> "))
    child.sendline("fourth question")
    child.expect("You said: fourth question")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))
    child.sendeof()
    child.expect(r"chatbeto\[Wordpress › Plugin help\]> ")
    child.sendline("quit")
    child.expect(pexpect.EOF)

    # The server conversation was seeded once and every turn went to it.
    convs = fake.requests("/v1/conversations")
    assert len([r for r in convs if r["method"] == "POST" and r["path"] == "/v1/conversations"]) == 1
    responses = [r for r in fake.requests("/v1/responses") if r["method"] == "POST"]
    assert len(responses) == 8
    assert all(r["body"]["instructions"] == "Answer briefly." for r in responses)
    assert len({r["body"]["conversation"] for r in responses}) == 1

    # The key is in no stored or printed byte: database files, history, terminal output.
    for path in home.path.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes(), f"key found in {path}"


def test_declining_to_seed_a_long_thread_offers_its_last_turns(home, fake):
    from test_chat_scripts import add_conversation
    add_conversation(home, "long", 30, title="Long one")
    child = spawn(home)
    child.sendline("open long")
    child.sendline("continue")
    child.expect(re.escape("you[Wordpress › Long one]> "))
    child.sendline("hello")
    child.expect(r"with 60 messages .*\[y/N\] ")
    child.sendline("n")
    child.expect(r"Send only the last 20 turns instead .*\[y/N\] ")
    child.sendline("y")
    child.expect("You said: hello")
    child.expect(re.escape("you[Wordpress › Long one]> "))
    child.sendline("/quit")
    child.expect(pexpect.EOF)
    seed = [r for r in fake.requests("/v1/conversations") if r["method"] == "POST"]
    assert [len(r["body"]["items"]) for r in seed] == [20, 20]
    assert seed[0]["body"]["items"][0]["content"] == "user message 21"


def test_ctrl_c_during_a_retry_wait_sends_and_stores_nothing(home, fake):
    home.run(["--yes", "-e", "open c1; ask first"])
    fake.faults({"name": "rate_limit", "path": "/v1/responses", "headers": {"retry-after-ms": "5000"}})
    child = spawn(home)
    # A script's 'open' is not saved for the next shell: name the conversation.
    child.sendline("continue c1")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))
    child.sendline("never mind")
    child.expect(r"retrying in \d+s")
    child.sendintr()
    child.expect("nothing was stored")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))
    child.sendline("/quit")
    child.expect(pexpect.EOF)
    assert home.query("SELECT COUNT(*) FROM messages WHERE conversation_id = 'c1' AND text = 'never mind'") == [["0"]]


def test_ctrl_c_stops_a_sync_which_resumes_later(home, fake):
    from test_chat_scripts import add_conversation
    for i in range(12):
        add_conversation(home, f"s{i}", 3)
    fake.configure(event_delay_ms=0)
    # Each conversation's create call is slow enough to interrupt the sync part-way.
    fake.faults({"name": "rate_limit", "path": "/v1/conversations", "count": 13, "headers": {"retry-after-ms": "300"}})
    child = spawn(home)
    child.sendline("sync")
    child.expect(r"\[y/N\] ")
    child.sendline("y")
    child.expect("retrying in")
    child.sendintr()
    child.expect(r"Stopped by Ctrl-C before \d+ conversations")
    child.expect(r"chatbeto.*> ")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    synced = int(home.query("SELECT COUNT(*) FROM conversations WHERE openai_thread_id IS NOT NULL")[0][0])
    assert synced < 13
    r = home.run(["--yes", "-e", "sync"])
    assert f"Synced {13 - synced} of {13 - synced}" in r.stdout
