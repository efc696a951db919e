"""The command line as a mysql/psql user expects it: --help and the shell's help from one table,
--version, completion scripts and a man page, usage errors with the README's exit code, errors that name
their real source, several -e in order, --force that still fails, and `sql …` as a one-line command."""
import re
import subprocess

import pytest

from conftest import BINARY, ROOT

USAGE = 2  # the README's "bad usage" exit code


def readme_usage_code():
    text = (ROOT / "README.md").read_text()
    match = re.search(r"`(\d+)` bad usage", text)
    assert match, "the README names the exit code for bad usage"
    return int(match.group(1))


def test_readme_and_binary_agree_on_the_usage_exit_code(home):
    assert readme_usage_code() == USAGE
    for args in (["--format", "xml", "-e", "help"], ["--bogus", "-e", "help"], ["--bogus"], ["-e"],
                 ["nosuchcommand"], ["use"]):
        r = home.run(args, check=False)
        assert r.returncode == USAGE, (args, r.returncode, r.stdout, r.stderr)
        assert r.stderr.strip(), args


def test_unknown_option_is_named_and_nothing_runs(home):
    r = home.run(["--bogus", "-e", "help"], check=False)
    assert "--bogus" in r.stderr
    assert "unknown command" not in r.stderr
    assert r.stdout == ""


def test_help_and_h_list_the_shells_commands_and_the_options(home):
    shell = home.run(["help"]).stdout
    for flag in (["--help"], ["-h"], ["--verbose", "--help"]):
        out = home.run(flag).stdout
        assert "--execute" in out and "--force" in out and "--version" in out, out
        # Every command line of the shell's own help appears in --help, word for word.
        for line in shell.splitlines():
            if line.startswith("  ") and line.strip():
                assert line in out.splitlines(), line
    assert home.run(["--help", "use"]).stdout == home.run(["help", "use"]).stdout
    assert home.run(["--", "help", "use"]).stdout == home.run(["help", "use"]).stdout
    assert "chatbeto --help" in shell, "the shell's help points at the command-line options"


def test_version(home):
    r = home.run(["--version"])
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?\S*\n", r.stdout), r.stdout
    assert home.server_pids() == []


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_know_the_options_and_commands(home, shell):
    out = home.run(["--generate-completion-script", shell]).stdout
    assert "execute" in out and "password-file" in out
    for command in ("import", "conversations", "search", "server"):
        assert command in out, command
    if shell == "bash":
        assert subprocess.run(["bash", "-n"], input=out, text=True).returncode == 0


def test_man_page_is_made_from_the_same_definitions(home, tmp_path):
    page = home.run(["--generate-manual"]).stdout
    assert page.startswith(".TH CHATBETO 1"), page[:200]
    for text in (r"\-\-execute", r"\-\-password\-file", "conversations", "EXIT STATUS"):
        assert text in page, text
    for spec_line in home.run(["help"]).stdout.splitlines():
        if spec_line.startswith("  ") and spec_line.strip():
            usage = spec_line.strip().split("  ")[0]
            assert usage.replace("\\", "\\e").replace("-", "\\-") in page, usage
    path = tmp_path / "chatbeto.1"
    path.write_text(page)
    shown = subprocess.run(["man", "-l", str(path)], capture_output=True, text=True,
                           env={"MANWIDTH": "100", "PATH": "/usr/bin:/bin", "MANPAGER": "cat"})
    if shown.returncode == 0 and shown.stdout:
        assert "--password-file" in shown.stdout.replace("‐", "-"), shown.stdout[:500]


def test_errors_name_their_real_source(home, tmp_path):
    e = home.run(["-e", "help; nosuch"], check=False)
    assert "-e:1: error: unknown command 'nosuch'" in e.stderr, e.stderr
    script = tmp_path / "s.chatbeto"
    script.write_text("help\n\nnosuch\n")
    f = home.run(["-f", str(script)], check=False)
    assert f"{script}:3: error" in f.stderr, f.stderr
    piped = home.run([], stdin="help\nnosuch\n", check=False)
    assert "stdin:2: error" in piped.stderr and "-e:" not in piped.stderr, piped.stderr
    inner = tmp_path / "inner.chatbeto"
    inner.write_text("help\nnosuch\n")
    sourced = home.run([], stdin=f"help\nsource {inner}\n", check=False)
    assert f"{inner}:2: error" in sourced.stderr, sourced.stderr
    argv = home.run(["nosuch"], check=False)
    assert "-e:" not in argv.stderr and "unknown command 'nosuch'" in argv.stderr, argv.stderr
    version = home.run(["status", "--bogus"], check=False)
    assert "-e:" not in version.stderr, version.stderr


def test_several_e_options_run_in_order(home):
    out = home.run(["--format", "csv", "-e", "sql SELECT 1 AS a", "-e", "sql SELECT 2 AS b", "-e", "sql SELECT 3 AS c"]).stdout
    assert out.split() == ["a", "1", "b", "2", "c", "3"], out


def test_an_error_in_a_later_e_names_that_e_and_stops(home):
    r = home.run(["--format", "csv", "-e", "sql SELECT 1 AS a", "-e", "help\nnosuch", "-e", "sql SELECT 3 AS c"], check=False)
    assert r.returncode == 1
    assert "-e#2:2: error" in r.stderr, r.stderr
    assert "c\n3" not in r.stdout


def test_force_goes_on_but_fails_and_counts(home):
    r = home.run(["--force", "--format", "csv", "-e", "nosuch; sql SELECT 1 AS a; nope; sql SELECT 2 AS b"], check=False)
    assert r.returncode == 1, (r.returncode, r.stderr)
    assert "a\n1" in r.stdout and "b\n2" in r.stdout
    assert "2 commands failed" in r.stderr, r.stderr
    ok = home.run(["--force", "-e", "help"])
    assert "failed" not in ok.stderr


def test_sql_command_ends_at_its_line(home, tmp_path):
    script = tmp_path / "s.chatbeto"
    script.write_text("sql SELECT 1 AS a\nstatus\n")
    r = home.run(["--format", "csv", "-f", str(script)], check=False)
    assert r.returncode == 0, r.stderr
    assert "a\n1" in r.stdout
    assert "connection" in r.stdout or "server" in r.stdout, r.stdout
    piped = home.run(["--format", "csv"], stdin="sql SELECT 1 AS a; sql SELECT 2 AS b\nhelp use\n")
    assert "a\n1" in piped.stdout and "b\n2" in piped.stdout and "usage: use" in piped.stdout


def test_bare_sql_still_spans_lines_until_semicolon_or_G(home):
    r = home.run(["--format", "csv"], stdin="SELECT 1\n  AS a\n;\nSELECT 2 AS b,\n 3 AS c\\G\nWITH t AS (SELECT 4 AS d)\nSELECT d FROM t;\n")
    assert "a\n1" in r.stdout and "d\n4" in r.stdout, r.stdout
    assert re.search(r"b:\s*2", r.stdout) and re.search(r"c:\s*3", r.stdout), r.stdout


def test_at_the_prompt_bare_sql_spans_lines_and_sql_runs_at_enter(home):
    import pexpect
    from shell_support import spawn_tty
    shell = spawn_tty(home)
    shell.sendline("SELECT 41 + 1")
    shell.expect_exact("      -> ")
    shell.sendline("  AS answer;")
    shell.expect(r"answer[\s|+-]+42")
    shell.expect_exact("chatbeto> ")
    shell.sendline("sql SELECT 'one line' AS x")
    shell.expect_exact("one line")
    shell.expect_exact("chatbeto> ")
    shell.sendline("quit")
    shell.expect(pexpect.EOF)
