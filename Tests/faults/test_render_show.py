"""What the terminal shows (issue 10): conversations as Markdown fitted to the width, citations as
numbered footnotes in show, exports and search snippets, tables fitted, listings that say what --limit
cut, control characters escaped in CSV/TSV, and stats that count visible messages and nodes apart."""
import json
import re

import pexpect

from conftest import BINARY, generate_export
from render_support import LONG_CODE, MARKDOWN_ID, display_width, visible, write_markdown_export

LONG_WORDS = ["Extraordinarily", "comprehensive", "infrastructure", "uncharacteristically", "straightforward",
              "transportation", "arrangements"]


def imported(home, tmp_path):
    home.run(["--yes", "import", str(write_markdown_export(tmp_path / "md"))])
    return home


def test_show_draws_markdown_wrapped_at_the_width(home, tmp_path):
    imported(home, tmp_path)
    for columns in (60, 100):
        out = home.run(["show", MARKDOWN_ID], env={"COLUMNS": str(columns)}).stdout
        lines = out.splitlines()
        too_wide = [l for l in lines if display_width(l) > columns and l.strip() != LONG_CODE]
        assert not too_wide, f"lines wider than {columns}: {too_wide}"
        # The code block is set off and never re-wrapped.
        assert "    " + LONG_CODE in lines
        words = set(re.findall(r"\w+", out))
        assert all(w in words for w in LONG_WORDS), "a word was broken across lines"
        for raw in ("**", "# Venues", "|---", "\ue200", "\ue201", "【"):
            assert raw not in out, f"raw marker {raw!r} shown"
        assert "Venues overview" in out and "• first point with a link (https://example.org/link)" in out
        assert "│ quoted wisdom" in out
        assert "[1] Olympics venues (https://example.org/olympics)" in out
        assert "[2] Weather atlas (https://example.org/weather)" in out
        assert "Cortina. [1]" in out.replace("\n", " ") and "mild[2]." in out
        assert "…" in out  # the long table cell is cut, the table boxed
        assert "\x1b" not in out and "\\x1B[31mvenues" in out


def test_raw_and_render_off_print_the_stored_text(home, tmp_path):
    imported(home, tmp_path)
    for args in (["show", MARKDOWN_ID, "--raw"], ["-e", f"set render off; show {MARKDOWN_ID}"]):
        out = home.run(args, env={"COLUMNS": "60"}).stdout
        assert "The **Winter Olympics** are shared" in out
        assert "| Venue | Description |" in out and "【7†source】" in out


def test_exports_render_markdown_and_footnotes(home, tmp_path):
    imported(home, tmp_path)
    html_file, md_file = tmp_path / "c.html", tmp_path / "c.md"
    home.run(["export", MARKDOWN_ID, "--format", "html", "--out", str(html_file)])
    home.run(["export", MARKDOWN_ID, "--format", "markdown", "--out", str(md_file)])
    html, md = html_file.read_text(), md_file.read_text()
    assert "<strong>Winter Olympics</strong>" in html and "<table>" in html and "<pre><code" in html
    assert 'href="https://example.org/olympics"' in html and "Olympics venues" in html
    assert "<script>alert" not in html and "\ue200" not in html and "【7" not in html
    assert "[^1]: [Olympics venues](https://example.org/olympics)" in md
    assert "[^2]: [Weather atlas](https://example.org/weather)" in md
    assert "\ue200" not in md and "【7" not in md


def test_search_snippets_number_citations(home, tmp_path):
    imported(home, tmp_path)
    out = home.run(["search", "Cortina", "--all"], env={"COLUMNS": "200"}).stdout
    assert "**Cortina**. [1]" in out
    assert "\ue200" not in out and "\ue202" not in out


def test_csv_and_tsv_escape_control_characters(home, tmp_path):
    imported(home, tmp_path)
    for fmt in ("csv", "tsv"):
        out = home.run(["--format", fmt, "-e", "SELECT text FROM messages WHERE node_id = 'u1'"]).stdout
        assert "\x1b" not in out, fmt
        assert "x1B[31mvenues" in out, fmt


def spawn(home, columns):
    env = dict(home.env, TERM="xterm", LANG="C.UTF-8", NO_COLOR="1")
    child = pexpect.spawn(BINARY, env=env, encoding="utf-8", timeout=60, dimensions=(50, columns))
    child.expect_exact("chatbeto> ")
    return child


def test_listings_fit_the_terminal_and_say_what_the_limit_cut(home, tmp_path):
    home.run(["--yes", "import", str(generate_export(tmp_path / "gen", conversations=30))])
    imported(home, tmp_path)
    total = int(home.query("SELECT COUNT(*) FROM conversations")[0][0])
    child = spawn(home, 80)
    child.sendline("set pager off")
    child.expect_exact("chatbeto> ")
    child.sendline("conversations --all --limit 5")
    child.expect(r"5 of (\d+) conversations in all projects")
    assert int(child.match.group(1)) == total
    screen = visible(child.before)
    table = [l for l in screen.splitlines() if l.startswith(("+", "|"))]
    assert len(table) == 9 and all(display_width(l) <= 80 for l in table), table
    assert re.search(r"\| \d{4}-\d\d-\d\d \d\d:\d\d +\|", screen), "times to the minute"
    child.sendline("quit")
    child.expect(pexpect.EOF)


def test_stats_counts_visible_messages_and_nodes_apart(home, tmp_path):
    home.run(["--yes", "import", str(generate_export(tmp_path / "gen", conversations=30))])
    report = json.loads(home.run(["--format", "json", "stats"]).stdout)
    visible_count = int(home.query("SELECT COUNT(*) FROM messages WHERE on_visible_path = 1 AND is_hidden = 0")[0][0])
    nodes = int(home.query("SELECT COUNT(*) FROM messages")[0][0])
    assert visible_count < nodes, "the generated export has branches or hidden nodes"
    assert report["messages"] == visible_count and report["nodes"] == nodes
    assert sum(p["messages"] for p in report["per_project"]) == visible_count
    assert sum(p["nodes"] for p in report["per_project"]) == nodes
    text = home.run(["stats", "--by", "project"], env={"COLUMNS": "80"}).stdout
    assert "(max " in text
    assert all(display_width(l) <= 80 for l in text.splitlines()), text
