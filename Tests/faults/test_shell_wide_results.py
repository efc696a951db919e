"""A result wider than anything on screen, written to a pipe or a file (`chatbeto -e 'sql …' > out`):
`SELECT * FROM messages` of a modest archive (33,000 rows with their raw JSON) built the whole table as one
string and peaked at 8.6 GB. Each format now writes row by row: memory stays near the result's own size
whatever the output's, and the output is the same table."""
import subprocess
import time

from conftest import BINARY

ROWS, WIDE = 300, 1_000_000
QUERY = (f"sql WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ROWS}) "
         f"SELECT IF(i = 1, REPEAT('x', {WIDE}), CONCAT('row ', i)) AS wide, i FROM n")
# The result is ~1 MB; its table to a file ~300 MB (every row padded to the widest cell). Held whole
# (with the copies that building it made) this peaked at 933 MB.
PEAK_MB = 120


def run_to_file(home, args, path):
    """Runs chatbeto with stdout to `path`; (exit code, stderr, its peak RSS in MB). The peak is read from
    /proc (VmHWM, the process's own memory since exec) while it runs: `wait4`'s ru_maxrss also holds the
    peak of the process it was forked from, pytest's, a few hundred MB late in the suite."""
    peak_kb = 0
    with open(path, "w") as out, open(path.with_suffix(".err"), "w+") as err:
        proc = subprocess.Popen([BINARY] + args, env=home.env, stdout=out, stderr=err)
        while proc.poll() is None:
            try:
                with open(f"/proc/{proc.pid}/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            peak_kb = max(peak_kb, int(line.split()[1]))
            except (FileNotFoundError, ProcessLookupError):
                pass
            time.sleep(0.01)
        err.seek(0)
        return proc.returncode, err.read(), peak_kb / 1024


def test_a_table_far_wider_than_memory_should_allow_streams_row_by_row(home, tmp_path):
    home.run(["-e", "sql SELECT 1"])  # the server started and the schema migrated outside the measurement
    out = tmp_path / "wide.txt"
    code, err, peak_mb = run_to_file(home, ["-e", QUERY], out)
    assert code == 0, err
    assert peak_mb < PEAK_MB, f"peak RSS {peak_mb:.0f} MB for a {out.stat().st_size >> 20} MB table"
    with open(out) as f:
        lines = [len(line) for line in f]
    # A border, the header, a border, the rows, a border: every line as wide as the widest cell.
    assert len(lines) == ROWS + 4 and len(set(lines)) == 1 and lines[0] > WIDE, (len(lines), set(lines))
    with open(out) as f:
        head = [next(f) for _ in range(5)]
    assert head[1].startswith("| wide ") and head[4].startswith("| row 2 ") and head[4].rstrip().endswith("|   2 |"), head[4][:40]
    out.unlink()  # ~300 MB; pytest keeps the last runs' folders


def test_every_other_format_streams_too(home, tmp_path):
    home.run(["-e", "sql SELECT 1"])
    for fmt, lines in (("tsv", ROWS + 1), ("csv", ROWS + 1), ("json", 1), ("markdown", ROWS + 2), ("vertical", ROWS * 3)):
        out = tmp_path / f"wide.{fmt}"
        code, err, peak_mb = run_to_file(home, ["--format", fmt, "-e", QUERY], out)
        assert code == 0, (fmt, err)
        assert peak_mb < PEAK_MB, f"{fmt}: peak RSS {peak_mb:.0f} MB for {out.stat().st_size >> 20} MB"
        with open(out, newline="") as f:
            assert sum(1 for _ in f) == lines, fmt
