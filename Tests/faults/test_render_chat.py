"""Chat replies on a terminal (issue 10): a reply streams as text, then is drawn again as Markdown
word-wrapped to the terminal; `set render off` keeps the streamed text. Watched in tmux, a real terminal
emulator, so the erase-and-redraw is what a person would see."""
import shutil

import pytest

from conftest import BINARY
from render_support import Tmux, configure_fake
from shell_support import FakeOpenAI

REPLY = ("## Plan\n\nWe **should** reorganise "
         + "the extraordinarily complicated configuration considerations before transportation arrangements. " * 2
         + "\n\n- one item\n- two items\n\n"
         "| Step | Detail |\n|---|---|\n| 1 | " + "a very long explanation of the step " * 4 + "|\n")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_reply_is_redrawn_as_markdown_at_the_terminal_width(home, tmp_path):
    fake = FakeOpenAI(tmp_path)
    try:
        configure_fake(fake, reply=REPLY)
        env = dict(home.env, TERM="xterm-256color", LANG="C.UTF-8", PAGER="cat", **fake.env())
        env.pop("NO_COLOR", None)
        tmux = Tmux(tmp_path, 60, env, [BINARY])
        try:
            tmux.wait_for_prompt("start")
            tmux.type('new "Render check"')
            tmux.type("hello")
            rows, joined = tmux.history()
            tmux.type("/set render off")
            tmux.type("again")
            rows_off, joined_off = tmux.history()
        finally:
            tmux.kill()
    finally:
        fake.stop()
    first = joined[:joined.index("again")] if "again" in joined else joined
    (tmp_path / "chat.txt").write_text(joined_off)
    rendered = first[first.index("hello"):].split("\n", 1)[1]
    assert "**" not in rendered and "## Plan" not in rendered and "|---|" not in rendered
    assert "• one item" in rendered and "Plan" in rendered and "…" in rendered
    drawn = {r.rstrip() for r in rows.splitlines()}
    wrapped = [l for l in rendered.splitlines() if l.rstrip() not in drawn]
    assert not wrapped, wrapped
    # With rendering off the stored text shows as it streamed.
    assert "We **should** reorganise" in joined_off[joined_off.index("again"):]
