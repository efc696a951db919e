"""Helpers for the rendering tests (test_render_*.py): an export with Markdown, citations and control
characters, and measuring what a terminal shows."""
import json
import pathlib
import re
import subprocess
import time
import urllib.request

MARKDOWN_ID = "7e57d0c5-0000-4000-8000-00000000md01"
LONG_CODE = "let veryLongIdentifierName = computeSomethingExpensive(argumentNumberOne, argumentNumberTwo, three) // keep"
CITE = "\ue200cite\ue202turn0search0\ue201"
REPLY = (
    "# Venues overview\n\n"
    "The **Winter Olympics** are shared by Milan and Cortina. " + CITE + " "
    + "Extraordinarily comprehensive infrastructure considerations notwithstanding, organisers "
    + "anticipate uncharacteristically straightforward transportation arrangements between venues "
    + "throughout the competition. " * 3 + "Weather is mild【7†source】.\n\n"
    "- first *point* with [a link](https://example.org/link)\n- second point\n\n"
    "> quoted wisdom\n\n"
    "| Venue | Description |\n|---|---|\n"
    "| Milan | " + "An exceptionally long description of the venue that will never fit a narrow terminal " * 2 + "|\n"
    "| Cortina | short |\n\n"
    "```swift\n" + LONG_CODE + "\n```\n\n"
    "Ends with <script>alert(1)</script> raw HTML."
)
REFS = [
    {"matched_text": CITE, "start_idx": 0, "end_idx": 0, "type": "grouped_webpages",
     "items": [{"title": "Olympics venues", "url": "https://example.org/olympics"}]},
    {"matched_text": "【7†source】", "start_idx": 0, "end_idx": 0, "type": "webpage_extended",
     "title": "Weather atlas", "url": "https://example.org/weather"},
]


def message(node, role, text, t, metadata=None):
    return {"id": node, "author": {"role": role, "name": None, "metadata": {}}, "create_time": t, "update_time": t,
            "content": {"content_type": "text", "parts": [text]}, "status": "finished_successfully",
            "end_turn": True, "weight": 1.0, "metadata": metadata or {}, "recipient": "all"}


def write_markdown_export(folder):
    """conversations.json with one conversation: a question, then a reply full of Markdown and citations."""
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    t = 1717243200.0
    mapping = {
        "root": {"id": "root", "message": None, "parent": None, "children": ["u1"]},
        "u1": {"id": "u1", "message": message("u1", "user", "Where are the \x1b[31mvenues\x1b[0m?", t), "parent": "root",
               "children": ["a1"]},
        "a1": {"id": "a1", "message": message("a1", "assistant", REPLY, t + 5,
                                              {"model_slug": "gpt-4o", "content_references": REFS}),
               "parent": "u1", "children": []},
    }
    conv = {"id": MARKDOWN_ID, "conversation_id": MARKDOWN_ID, "title": "Winter Olympics venues", "create_time": t,
            "update_time": t + 5, "mapping": mapping, "current_node": "a1", "is_archived": False}
    out = folder / "conversations.json"
    out.write_text(json.dumps([conv]))
    return out


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def visible(text):
    """Text without ANSI sequences."""
    return ANSI.sub("", text)


def display_width(line):
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in line)


def configure_fake(fake, **settings):
    """Sets the fake OpenAI server's behaviour (its /__fake/config endpoint), e.g. reply="…"."""
    port = fake.base_url.rsplit(":", 1)[1].split("/")[0]
    req = urllib.request.Request(f"http://127.0.0.1:{port}/__fake/config", data=json.dumps(settings).encode(),
                                 method="POST", headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req).read()


class Tmux:
    """A tmux server of its own (socket in `folder`) running `command` in a `columns`-wide window: a real
    terminal emulator, so cursor movement and the terminal's own line wrapping are what the test sees."""

    def __init__(self, folder, columns, env, command):
        self.socket = str(pathlib.Path(folder) / "tmux.sock")
        conf = pathlib.Path(folder) / "tmux.conf"
        conf.write_text("set -g history-limit 100000\nset -g status off\n")
        self.env = env
        self.tmux("-f", str(conf), "new-session", "-d", "-x", str(columns), "-y", "50", *command)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-S", self.socket] + list(args), env=self.env, capture_output=True,
                              text=True, check=True).stdout

    def screen(self):
        return self.tmux("capture-pane", "-p")

    def history(self):
        """Everything shown: (rows as the terminal drew them, lines with the terminal's wraps joined back)."""
        return self.tmux("capture-pane", "-p", "-S", "-"), self.tmux("capture-pane", "-p", "-J", "-S", "-")

    BARE_PROMPT = re.compile(r"^((chatbeto|you)(\[[^\]]*\])?>|\s*->)\s*$")

    def wait_for_prompt(self, what, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = [l for l in self.screen().splitlines() if l.strip()]
            if lines and self.BARE_PROMPT.match(lines[-1]):
                return
            time.sleep(0.2)
        raise AssertionError(f"no prompt after {what!r}:\n{self.screen()}")

    def type(self, line):
        # tmux reads a trailing ';' as its own command separator.
        self.tmux("send-keys", "-l", line[:-1] + "\\;" if line.endswith(";") else line)
        self.tmux("send-keys", "Enter")
        time.sleep(0.3)
        self.wait_for_prompt(line)

    def kill(self):
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], env=self.env, capture_output=True)
