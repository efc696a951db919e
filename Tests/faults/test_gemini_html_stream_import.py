"""Takeout's MyActivity.html (the Gemini Apps activity when JSON was not chosen) is streamed like the
JSON variant (issue 11): peak memory does not grow with the page's size, progress moves while it is
read, a page that ends early or holds a broken record fails naming the file and the record before
anything is written, and the page imports as the same conversations as the JSON of the same activity."""
import re

import pytest

from conftest import BINARY
from gemini_html_support import write_activity
from import_support import import_on_a_terminal
from sources_support import run_measured

# Peak RSS may grow by this much between a page and one five times its size: noise (the report, the
# per-second keys of id-less prompts), not the page. Held whole, the larger page cost its extra
# ~65 MB several times over (bytes, text, cells).
GROWTH_MB = 24


def count(home, sql):
    return int(home.query(sql)[0][0])


def page(tmp_path, name, prompts, words=60):
    path = tmp_path / name / "MyActivity.html"
    path.parent.mkdir(parents=True)
    records = write_activity(path, html=True, prompts=prompts, words=words)
    return path, records


def record_number(records, prompt_number):
    """The 1-based position in the page of the record of prompt `question N:` (the page counts every record)."""
    return next(i + 1 for i, r in enumerate(records) if r["prompt"].startswith(f"question {prompt_number}:"))


def test_a_large_html_page_is_streamed_with_memory_that_does_not_grow_with_it(home, make_home, tmp_path):
    small, _ = page(tmp_path, "small", prompts=5000, words=400)
    large, records = page(tmp_path, "large", prompts=25000, words=400)
    small_size, size = small.stat().st_size, large.stat().st_size
    assert size > 4 * small_size and size > 75 << 20, (small_size, size)
    other = make_home("small-home")
    other.run(["-e", "sql SELECT 1"])
    home.run(["-e", "sql SELECT 1"])
    code, out, err, small_peak = run_measured(BINARY, ["import", str(small)], other.env)
    assert code == 0, out + err
    code, out, err, peak = run_measured(BINARY, ["import", str(large)], home.env)
    assert code == 0, out + err
    grown = (peak - small_peak) >> 20
    assert grown < GROWTH_MB, f"peak RSS {small_peak >> 20} MB for {small_size >> 20} MB, {peak >> 20} MB for {size >> 20} MB"
    prompts = sum(1 for r in records if r["kind"] == "prompt")
    assert f"conversations: {prompts} new" in out, out
    assert f"one conversation per prompt ({prompts})" in out, out
    assert f"{len(records) - prompts} activity records that are not prompts left out" in out, out
    assert count(home, "SELECT COUNT(*) FROM conversations WHERE provider = 'gemini'") == prompts
    assert count(home, "SELECT COUNT(*) FROM messages") == prompts * 2
    again = home.run(["import", str(large)])
    assert "0 new" in again.stdout and f"{prompts} unchanged" in again.stdout, again.stdout


SAME = ("SELECT c.id, c.title, LEFT(c.create_time, 19), LEFT(c.update_time, 19), m.node_id, m.parent_node_id, m.role, "
        "MD5(m.text), LEFT(m.create_time, 19), m.on_visible_path, m.visible_index "
        "FROM conversations c JOIN messages m ON m.conversation_id = c.id ORDER BY c.id, m.node_id")


def test_the_html_page_imports_as_the_same_conversations_as_the_json_of_the_same_activity(make_home, tmp_path):
    (tmp_path / "json").mkdir()
    html_path, records = page(tmp_path, "html", prompts=700)
    json_path = tmp_path / "json/MyActivity.json"
    assert write_activity(json_path, html=False, prompts=700) == records
    from_html, from_json = make_home("from-html"), make_home("from-json")
    out_html = from_html.run(["import", str(html_path)]).stdout
    out_json = from_json.run(["import", str(json_path)]).stdout
    notes = lambda out: [l.replace("MyActivity.html", "F").replace("MyActivity.json", "F") for l in out.splitlines() if l.startswith("note:")]
    assert notes(out_html) == notes(out_json) and len(notes(out_html)) == 2, (out_html, out_json)
    rows = from_html.query(SAME)
    assert rows == from_json.query(SAME)
    prompts = sum(1 for r in records if r["kind"] == "prompt")
    assert len(rows) == prompts * 2
    # Prompts sent twice within one second are two conversations in both, the older one first.
    twice = sum(1 for a, b in zip(records, records[1:]) if a["kind"] == "prompt" and a["prompt"] == b["prompt"])
    assert twice > 10 and sum(1 for r in rows if r[0].endswith("-2") and r[6] == "user") == twice


@pytest.mark.parametrize("where", ["inside a record", "between two records"])
def test_a_page_that_ends_early_names_the_file_and_the_record_and_writes_nothing(home, tmp_path, where):
    whole, records = page(tmp_path, "whole", prompts=400)
    data = whole.read_bytes()
    start = data.index(b"question 301:")
    if where == "inside a record":
        cut = start + 200
    else:
        cut = data.index(b'<div class="outer-cell', start)  # the record of prompt 301 is complete
    path = tmp_path / "MyActivity.html"
    path.write_bytes(data[:cut])
    r = home.run(["import", str(path)], check=False)
    assert r.returncode != 0
    number = record_number(records, 301)
    assert "MyActivity.html" in r.stderr and "truncated" in r.stderr, r.stderr
    if where == "inside a record":
        assert f"activity record {number} (Prompted question 301:" in r.stderr, r.stderr
    else:
        assert f"after activity record {number}" in r.stderr and "</html>" in r.stderr, r.stderr
    assert count(home, "SELECT COUNT(*) FROM conversations") == 0


def test_a_record_that_is_not_utf8_names_the_file_and_the_record_and_writes_nothing(home, tmp_path):
    whole, records = page(tmp_path, "whole", prompts=300)
    data = whole.read_bytes()
    at = data.index(b"question 260:") + 20
    path = tmp_path / "MyActivity.html"
    path.write_bytes(data[:at] + b"\xff\xfe" + data[at:])
    r = home.run(["import", str(path)], check=False)
    assert r.returncode != 0
    assert "MyActivity.html" in r.stderr and f"activity record {record_number(records, 260)}" in r.stderr, r.stderr
    assert "UTF-8" in r.stderr, r.stderr
    assert count(home, "SELECT COUNT(*) FROM conversations") == 0


@pytest.mark.parametrize("variant", ["html", "json"])
def test_progress_moves_while_the_activity_is_read_before_any_conversation(home, tmp_path, variant):
    # Both variants are read twice (grouping needs the whole log before the first conversation can be
    # handed on): the first pass is the first half of the bar, before any conversation is counted.
    path = tmp_path / f"MyActivity.{variant}"
    write_activity(path, html=variant == "html", prompts=12000, words=200)
    home.run(["-e", "sql SELECT 1"])
    lines, _ = import_on_a_terminal(home, path, timeout=600)
    shown = [(int(m.group(1)), int(m.group(2))) for l in lines for m in [re.search(r"(\d+)%  \S+ MB  (\d+) conv", l)] if m]
    assert any(0 < pct < 100 and conv == 0 for pct, conv in shown), shown
    assert [pct for pct, _ in shown] == sorted(pct for pct, _ in shown), shown
    assert re.search(r"100%  \d+/\d+ MB  12000 conv  done in \d", lines[-1]), lines[-1]
