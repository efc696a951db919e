"""Chat mode fixes in a pseudo-terminal: `continue` shows its recap without the pager, and messages that
start with '/' can be sent ('//' for a literal '/', or '/say …'); secrets found before
seeding are listed and the user redacts, sends or cancels."""
import json
import re

import pexpect

from conftest import BINARY
from test_chat_fixes import OPENAI_KEY, secret_conversation


def test_continue_recap_skips_the_pager_and_slash_messages_can_be_sent(home, fake):
    marker = home.path / "pager-ran"
    pager = home.path / "pager.sh"
    pager.write_text(f"#!/bin/sh\ntouch {marker}\ncat\n")
    pager.chmod(0o755)
    env = dict(home.env, PAGER=str(pager))
    # A short terminal: the recap is longer than the screen, which is when the pager would start.
    child = pexpect.spawn(BINARY, [], env=env, encoding="utf-8", timeout=30, dimensions=(6, 100))
    child.logfile_read = open(home.path / "pty.log", "a", encoding="utf-8")
    child.expect("Type 'help'")
    child.sendline("use Wordpress")
    child.expect(r"chatbeto\[Wordpress\]> ")
    child.sendline("continue")
    child.expect("Then activate it.")
    child.expect("Chat mode")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))
    assert not marker.exists(), "the recap went through the pager"

    child.sendline("//etc holds config")
    child.expect(r"\[y/N\] ")
    child.sendline("y")
    child.expect("You said: /etc holds config")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))
    child.sendline("/say /usr/bin too")
    child.expect("You said: /usr/bin too")
    child.expect(re.escape("you[Wordpress › Plugin help]> "))
    child.sendline("/exit")
    child.expect(re.escape("chatbeto[Wordpress › Plugin help]> "))
    child.sendline("quit")
    child.expect(pexpect.EOF)
    inputs = [r["body"]["input"] for r in fake.requests("/v1/responses")]
    assert inputs == ["/etc holds config", "/usr/bin too"]


def test_secrets_found_before_seeding_can_be_redacted_sent_or_cancelled(home, fake):
    secret_conversation(home)
    child = pexpect.spawn(BINARY, [], env=home.env, encoding="utf-8", timeout=30, dimensions=(40, 200))
    child.logfile_read = open(home.path / "pty.log", "a", encoding="utf-8")
    child.expect("Type 'help'")
    child.sendline("open k1")
    child.expect("> ")
    # Cancel: no to redacting, no to sending as is: nothing leaves.
    child.sendline("ask hello")
    child.expect("Found 3 possible secrets")
    child.expect(r"conversation k1, message k1-1: OpenAI API key: .*sk-p…")
    child.expect(r"Redact them \(placeholders are sent; the stored text is unchanged\)\? \[y/N\] ")
    child.sendline("n")
    child.expect(r"Send them as they are\? \[y/N\] ")
    child.sendline("n")
    child.expect("not sent: 3 possible secrets found")
    assert fake.requests("/v1/conversations") == []
    # Redact: placeholders go out.
    child.sendline("ask hello")
    child.expect(r"Redact them .*\[y/N\] ")
    child.sendline("y")
    child.expect("You said: hello")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    sent = json.dumps(fake.requests("/v1/conversations")[0]["body"])
    assert OPENAI_KEY not in sent and "[redacted OpenAI API key]" in sent
