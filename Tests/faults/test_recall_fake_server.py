"""`recall` against the fake OpenAI server: the request carries the retrieved passages (and nothing from
other projects unless --all), the streamed answer's citations name the right conversations and `show 1`
opens source [1] at its message, the Q&A is stored for `continue`, and `--sources` sends nothing."""
import json
import urllib.request

import pytest

from recall_support import CONVERSATIONS, imported_home
from shell_support import FakeOpenAI

SOURDOUGH, BIKE, TAX = (c[0] for c in CONVERSATIONS)


@pytest.fixture
def fake(tmp_path):
    server = FakeOpenAI(tmp_path)
    yield server
    server.stop()


def control(fake, method, path, body=None):
    url = fake.base_url.rsplit("/v1", 1)[0] + path
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        text = r.read().decode()
    return json.loads(text) if text else None


def requests(fake):
    return [r for r in control(fake, "GET", "/__fake/requests")["requests"] if r["path"].startswith("/v1/")]


def response_inputs(fake):
    """The text of every /v1/responses input and every item appended to a conversation."""
    out = []
    for r in requests(fake):
        body = r.get("body")
        body = json.loads(body) if isinstance(body, str) and body else (body or {})
        out.append(json.dumps(body))
    return "\n".join(out)


def test_recall_sends_project_passages_and_cites_them(home, tmp_path, fake):
    alpha, beta = imported_home(home, tmp_path)
    control(fake, "POST", "/__fake/config", {"reply": "Refrigerate it and feed it weekly [1]."})
    result = home.run(["--yes", "-e", f"use {alpha}; recall how do I keep the zorblatt starter alive; show 1"], env=fake.env())
    out = result.stdout
    sent = response_inputs(fake)
    # The passage (the hit and its neighbouring turns) went out; the other project's conversation did not.
    assert "Name it Zorblatt" in sent and "keep my sourdough starter alive" in sent
    assert "quarterly tax deadline" not in sent and "Zorblatt estimated payment" not in sent
    # The answer streamed, then its sources: [1] is the sourdough conversation, at the message that matched.
    assert "Refrigerate it and feed it weekly [1]." in out
    assert f"[1] Sourdough starter ({alpha}), 2024-05-29: conversation {SOURDOUGH}, message c0000001-m" in out
    after = out.split("Sources:")[1]
    assert TAX not in after.splitlines()[1]
    # 'show 1' opened the cited conversation, the cited message marked.
    assert "▶ ── You" in after and "How do I keep my sourdough starter alive" in after.split("▶")[1]
    assert "note: Sending 1 passage" in result.stderr and "tokens" in result.stderr
    # The Q&A is a local conversation in the project, current, so `continue` follows up on it.
    rows = home.query("SELECT c.title, p.name, c.message_count FROM conversations c JOIN projects p ON p.id = c.project_id "
                      "WHERE c.title LIKE 'Recall:%'")
    assert rows == [["Recall: how do I keep the zorblatt starter alive", alpha, "2"]]
    resumed = home.run(["-e", "continue"], env=fake.env()).stdout
    assert "Recall: how do I keep the zorblatt starter alive" in resumed and "Refrigerate it" in resumed


def test_recall_all_reaches_every_project(home, tmp_path, fake):
    alpha, beta = imported_home(home, tmp_path)
    control(fake, "POST", "/__fake/config", {"reply": "Two things are called zorblatt [1][2], maybe three [9]."})
    result = home.run(["--yes", "-e", f"use {alpha}; recall zorblatt --all"], env=fake.env())
    out = result.stdout
    assert "the answer cites [9], which is not among the 2 sources" in result.stderr
    sent = response_inputs(fake)
    assert "Name it Zorblatt" in sent and "Zorblatt estimated payment" in sent
    sources = out.split("Sources:")[1]
    assert SOURDOUGH in sources and TAX in sources and BIKE not in sources


def test_sources_sends_nothing_and_needs_no_key(home, tmp_path, fake):
    alpha, _ = imported_home(home, tmp_path)
    # No key in the environment at all: --sources still works.
    result = home.run(["-e", f"use {alpha}; recall zorblatt starter --sources"])
    assert "Name it Zorblatt" in result.stdout and "[1]" in result.stdout
    assert "quarterly tax" not in result.stdout
    assert "tokens" in result.stdout and "nothing sent" in result.stdout
    # With a key, still no request of any kind.
    home.run(["-e", f"use {alpha}; recall zorblatt --sources --all"], env=fake.env())
    assert requests(fake) == []
    assert home.query("SELECT COUNT(*) FROM conversations WHERE title LIKE 'Recall:%'") == [["0"]]


def test_declined_confirmation_sends_nothing(home, tmp_path, fake):
    alpha, _ = imported_home(home, tmp_path)
    result = home.run(["-e", f"use {alpha}; recall zorblatt"], env=fake.env(), check=False)
    assert "Send? [y/N] no" in result.stderr
    assert requests(fake) == []


def test_nothing_found_is_a_clear_error(home, tmp_path, fake):
    alpha, _ = imported_home(home, tmp_path)
    result = home.run(["--yes", "-e", f"use {alpha}; recall quarterly deadline"], env=fake.env(), check=False)
    assert result.returncode == 1
    assert "recall: nothing in" in result.stderr and requests(fake) == []


def test_a_failed_send_leaves_no_recall_conversation(home, tmp_path, fake):
    alpha, _ = imported_home(home, tmp_path)
    control(fake, "POST", "/__fake/faults", {"faults": [{"name": "insufficient_quota", "count": 5}]})
    result = home.run(["--yes", "-e", f"use {alpha}; recall zorblatt"], env=fake.env(), check=False)
    assert result.returncode == 1 and "quota" in result.stderr.lower()
    assert home.query("SELECT COUNT(*) FROM conversations WHERE title LIKE 'Recall:%'") == [["0"]]
