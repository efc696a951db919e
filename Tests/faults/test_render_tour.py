"""Issue 10's done-when for what the terminal shows: the README's two-minute tour, typed into chatbeto in
tmux at 80 and at 160 columns, leaves no line the terminal had to wrap (so no wrapped table and no word
broken across lines) and no raw citation marker or Markdown emphasis on the screen."""
import pathlib
import re
import shutil
import subprocess
import time

import pytest

from conftest import BINARY

TOUR = [
    "import --demo",
    "projects",
    'project name "Café Marketing Plan" Marketing',
    "use Mark",
    "conversations",
    "show 1",
    "show 1 --all-branches --hidden",
    "conversations --orphans --limit 5",
    "SELECT role, COUNT(*) AS n FROM messages",
    "  GROUP BY role;",
    "SHOW TABLES;",
    "search cafe",
    "stats",
    "stats --by project",
]


class Tmux:
    def __init__(self, folder, columns, env):
        self.socket = str(pathlib.Path(folder) / "tmux.sock")
        conf = pathlib.Path(folder) / "tmux.conf"
        conf.write_text("set -g history-limit 100000\nset -g status off\n")
        self.env = env
        self.tmux("-f", str(conf), "new-session", "-d", "-x", str(columns), "-y", "50", BINARY)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-S", self.socket] + list(args), env=self.env, capture_output=True,
                              text=True, check=True).stdout

    def screen(self):
        return self.tmux("capture-pane", "-p")

    def history(self):
        """Everything shown: (rows as the terminal drew them, lines with the terminal's wraps joined back)."""
        return self.tmux("capture-pane", "-p", "-S", "-"), self.tmux("capture-pane", "-p", "-J", "-S", "-")

    BARE_PROMPT = re.compile(r"^(chatbeto(\[[^\]]*\])?>|\s*->)\s*$")

    def wait_for_prompt(self, what, timeout=300):
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


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("columns", [80, 160])
def test_readme_tour_fits_the_terminal(home, tmp_path, columns):
    env = dict(home.env, TERM="xterm-256color", LANG="C.UTF-8", PAGER="cat")
    env.pop("NO_COLOR", None)
    tmux = Tmux(tmp_path, columns, env)
    try:
        tmux.wait_for_prompt("start")
        for line in TOUR:
            tmux.type(line)
        rows, shown = tmux.history()
    finally:
        tmux.kill()
    (tmp_path / f"tour-{columns}.txt").write_text(shown)
    # tmux's own measure decides (emoji widths differ between terminals): a line it wrapped is not a row.
    drawn = {r.rstrip() for r in rows.splitlines()}
    wrapped = [l for l in shown.splitlines() if l.rstrip() not in drawn]
    assert not wrapped, f"{len(wrapped)} lines wrapped at {columns} columns, first: {wrapped[:3]}"
    for marker in ("\ue200", "\ue201", "\ue202", "†source", "**"):
        assert marker not in shown, f"raw marker {marker!r} on screen"
    assert "Per project" in shown and "Marketing" in shown
