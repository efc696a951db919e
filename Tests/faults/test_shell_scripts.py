"""Scripts: a `source` loop is a clear error at a depth limit naming the files (not a crash); a UTF-8
byte-order mark is ignored and CRLF line ends work, for -f, source and piped stdin."""
import signal

BOM = "\ufeff"


def test_a_script_that_sources_itself_stops_at_the_depth_limit(home, tmp_path):
    script = tmp_path / "self.chatbeto"
    script.write_text(f"source {script}\n")
    result = home.run(["-f", str(script)], check=False)
    assert result.returncode not in (0, -signal.SIGSEGV, -signal.SIGILL, -signal.SIGBUS), result
    assert result.returncode > 0
    assert "nested too deeply" in result.stderr
    assert "self.chatbeto" in result.stderr
    assert result.stderr.count("error:") == 1, result.stderr


def test_a_source_loop_between_two_scripts_names_both(home, tmp_path):
    a, b = tmp_path / "a.chatbeto", tmp_path / "b.chatbeto"
    a.write_text(f"sql SELECT 'in a' AS s;\nsource {b}\n")
    b.write_text(f"source {a}\n")
    result = home.run(["-f", str(a)], check=False)
    assert result.returncode > 0, result
    assert "nested too deeply" in result.stderr
    assert "a.chatbeto" in result.stderr and "b.chatbeto" in result.stderr
    # Interactive-style piped input goes on after the failed source, with --force.
    piped = home.run(["--force"], stdin=f"source {a}\nsql SELECT 'after' AS s;\n", check=False)
    assert "after" in piped.stdout, piped


def test_bom_and_crlf_in_a_file_script(home, tmp_path):
    script = tmp_path / "win.chatbeto"
    script.write_bytes((BOM + "sql SELECT 'one' AS s;\r\n-- comment\r\nSELECT 'two'\r\n  AS s;\r\nset format csv\r\nsql SELECT 3 AS n;\r\n").encode())
    result = home.run(["-f", str(script)])
    assert "one" in result.stdout and "two" in result.stdout
    assert result.stdout.rstrip().endswith("n\r\n3") or result.stdout.rstrip().splitlines()[-1] == "3"
    assert "\r" not in result.stdout.replace("\r\n", "\n"), repr(result.stdout)
    assert result.stderr == ""


def test_bom_and_crlf_through_source(home, tmp_path):
    inner = tmp_path / "inner.chatbeto"
    inner.write_bytes((BOM + "sql SELECT 'inner' AS s;\r\nset format json\r\n").encode())
    outer = tmp_path / "outer.chatbeto"
    outer.write_bytes((BOM + f"source {inner}\r\nsql SELECT 7 AS n;\r\n").encode())
    result = home.run(["-f", str(outer)])
    assert "inner" in result.stdout
    assert '[{"n":7}]' in result.stdout.replace(" ", "")


def test_bom_and_crlf_on_piped_stdin(home):
    text = BOM + "sql SELECT 'piped' AS s;\r\nSELECT 5\r\n AS five;\r\n"
    result = home.run(["--format", "tsv"], stdin=text)
    assert result.stdout.splitlines() == ["s", "piped", "five", "5"], repr(result.stdout)
    assert result.stderr == ""
