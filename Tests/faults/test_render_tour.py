"""Issue 10's done-when for what the terminal shows: the README's two-minute tour, typed into chatbeto in
tmux at 80 and at 160 columns, leaves no line the terminal had to wrap (so no wrapped table and no word
broken across lines) and no raw citation marker or Markdown emphasis on the screen."""
import shutil

import pytest

from conftest import BINARY
from render_support import Tmux

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


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("columns", [80, 160])
def test_readme_tour_fits_the_terminal(home, tmp_path, columns):
    env = dict(home.env, TERM="xterm-256color", LANG="C.UTF-8", PAGER="cat")
    env.pop("NO_COLOR", None)
    tmux = Tmux(tmp_path, columns, env, [BINARY])
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
