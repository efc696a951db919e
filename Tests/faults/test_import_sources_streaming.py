"""Grok's prod-grok-backend.json and Gemini's MyActivity.json are streamed (issue 11): a file much
larger than the importer's peak memory imports exactly, and a truncated one fails naming the file and
the item it ends in, with every conversation stored whole or not at all."""
import pathlib

from conftest import BINARY
from sources_support import run_measured, write_gemini, write_grok

BIG = 60 << 20  # the large generated files are at least this large


def peaks(home, other, small, large):
    """Peak RSS of importing `small` into the home `other`, and `large` into `home`, each in its own
    process; the servers start before, outside the measured processes. Returns (small peak, large peak,
    large's output)."""
    other.run(["-e", "sql SELECT 1"])
    home.run(["-e", "sql SELECT 1"])
    code, out, err, small_peak = run_measured(BINARY, ["import", str(small)], other.env)
    assert code == 0, out + err
    code, out, err, large_peak = run_measured(BINARY, ["import", str(large)], home.env)
    assert code == 0, out + err
    return small_peak, large_peak, out


def assert_flat(small_peak, large_peak, small_size, large_size):
    # Held whole, the larger file would cost its extra bytes at least once more (parsed: several times);
    # streamed, the peak is what one batch costs, whatever the file's size.
    grown = large_peak - small_peak
    assert grown < (large_size - small_size) // 3, \
        f"peak RSS {small_peak >> 20} MB for {small_size >> 20} MB, {large_peak >> 20} MB for {large_size >> 20} MB"


def count(home, sql):
    return int(home.query(sql)[0][0])


def test_a_large_grok_file_is_streamed_with_memory_that_does_not_grow_with_it(home, make_home, tmp_path):
    small, path = tmp_path / "small/prod-grok-backend.json", tmp_path / "prod-grok-backend.json"
    small.parent.mkdir()
    write_grok(small, conversations=1200, first=100000)
    ids = write_grok(path, conversations=2400)
    size = path.stat().st_size
    assert size > BIG, size
    small_peak, peak, out = peaks(home, make_home("small-home"), small, path)
    assert f"{len(ids)} new" in out, out
    assert_flat(small_peak, peak, small.stat().st_size, size)
    assert count(home, "SELECT COUNT(*) FROM conversations WHERE provider = 'grok'") == len(ids)
    assert count(home, "SELECT COUNT(*) FROM messages") == len(ids) * 8
    again = home.run(["import", str(path)])
    assert "0 new" in again.stdout and f"{len(ids)} unchanged" in again.stdout, again.stdout


def test_a_large_gemini_activity_file_is_streamed_and_grouped_by_conversation_id(home, make_home, tmp_path):
    small = tmp_path / "small/MyActivity.json"
    small.parent.mkdir()
    write_gemini(small, conversations=2250, first=100000)
    folder = tmp_path / "Takeout/My Activity/Gemini Apps"
    folder.mkdir(parents=True)
    path = folder / "MyActivity.json"
    grouped, single = write_gemini(path, conversations=4500)
    size = path.stat().st_size
    assert size > BIG, size
    small_peak, peak, out = peaks(home, make_home("small-home"), small, tmp_path / "Takeout")
    assert f"{len(grouped) + single} new" in out, out
    assert f"grouped by conversation id ({len(grouped)} conversations from {len(grouped) * 5} prompts)" in out, out
    assert_flat(small_peak, peak, small.stat().st_size, size)
    total = len(grouped) + single
    assert count(home, "SELECT COUNT(*) FROM conversations WHERE provider = 'gemini'") == total
    # Five prompts and five answers in each grouped conversation, in time order.
    rows = home.query(f"SELECT text FROM messages WHERE conversation_id = 'gemini-{grouped[7]}' AND role = 'user' "
                      "ORDER BY visible_index")
    assert [r[0].split(":")[0] for r in rows] == [f"question {p} of {int(grouped[7], 16)}" for p in range(5)], rows
    assert count(home, "SELECT COUNT(*) FROM messages") == (len(grouped) * 5 + single) * 2
    again = home.run(["import", str(tmp_path / "Takeout")])
    assert "0 new" in again.stdout and f"{len(grouped) + single} unchanged" in again.stdout, again.stdout


def test_a_truncated_grok_file_names_the_file_and_the_conversation_it_ends_in(home, tmp_path):
    whole = tmp_path / "whole.json"
    ids = write_grok(whole, conversations=400)
    data = whole.read_bytes()
    cut = data.index(ids[300].encode()) + 2000  # inside conversation 301
    path = tmp_path / "prod-grok-backend.json"
    path.write_bytes(data[:cut])
    r = home.run(["import", str(path)], check=False)
    assert r.returncode != 0
    assert "prod-grok-backend.json" in r.stderr and "conversation 301" in r.stderr and ids[300] in r.stderr, r.stderr
    assert "truncated" in r.stderr, r.stderr
    stored = count(home, "SELECT COUNT(*) FROM conversations")
    assert stored <= 300 and count(home, "SELECT COUNT(*) FROM conversations WHERE id = '%s'" % ids[300]) == 0
    # Whatever was committed is whole: every stored conversation has all its messages.
    assert count(home, "SELECT COUNT(*) FROM messages") == stored * 8


def test_a_truncated_gemini_file_names_the_file_and_the_record_it_ends_in(home, tmp_path):
    whole = tmp_path / "whole.json"
    write_gemini(whole, conversations=100)
    data = whole.read_bytes()
    cut = data.index(b"question 2 of 40:") + 100  # inside the record of that prompt
    path = tmp_path / "MyActivity.json"
    path.write_bytes(data[:cut])
    r = home.run(["import", str(path)], check=False)
    assert r.returncode != 0
    assert "MyActivity.json" in r.stderr and "truncated" in r.stderr and "question 2 of 40" in r.stderr, r.stderr
    # Gemini groups across the whole file, so nothing of a file that ends early is written.
    assert count(home, "SELECT COUNT(*) FROM conversations") == 0
