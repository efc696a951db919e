"""Scripts (-e, -f, piped stdin, source) start from the context the last interactive shell saved
(project, conversation, settings) and never write their own changes back: a script's `use` or
`set pager off` does not follow the user into the next shell or the next script, and a script run
leaves no session row."""
from conftest import generate_export
from shell_support import spawn_tty


def two_projects(home, tmp_path):
    home.run(["--yes", "import", str(generate_export(tmp_path / "export", conversations=20, projects=3))])
    names = [r[0] for r in home.query("SELECT name FROM projects ORDER BY name")]
    assert len(names) >= 2, names
    return names[0], names[1]


def status(home, *script_args, stdin=None):
    out = home.run(["--format", "tsv", *script_args], stdin=stdin).stdout
    return dict(line.split("\t", 1) for line in out.splitlines() if "\t" in line)


def settings(home):
    out = home.run(["--format", "tsv", "-e", "set"]).stdout
    return {line.split("\t")[0]: line.split("\t")[1] for line in out.splitlines()[1:] if "\t" in line}


def session_rows(home):
    return int(home.query("SELECT COUNT(*) FROM sessions")[0][0])


def interactive(home, first, lines, expect_prompt):
    shell = spawn_tty(home, prompt=expect_prompt(first))
    for line, prompt in lines:
        shell.sendline(line)
        shell.expect_exact(prompt)
    shell.sendline("quit")
    shell.expect_exact(__import__("pexpect").EOF)
    shell.close()


def test_interactive_then_script_then_interactive(home, tmp_path):
    mine, other = two_projects(home, tmp_path)
    interactive(home, None, [(f"use {mine}", f"chatbeto[{mine}]> "), ("set pager off", f"chatbeto[{mine}]> ")],
                lambda _: "chatbeto> ")
    # The script starts where the shell left off...
    assert status(home, "-e", "status")["project"] == mine
    assert settings(home)["pager"] == "off"
    # ...and its own changes stay in the script.
    rows = session_rows(home)
    for args, stdin in ((["-e", f"use {other}", "-e", "set pager on"], None),
                        ([], f"use {other}\nset pager on\n")):
        inside = status(home, *args, "-e", "status") if stdin is None else status(home, stdin=stdin + "status\n")
        assert inside["project"] == other, inside
    script = tmp_path / "s.chatbeto"
    script.write_text(f"use {other}\nset pager on\n")
    home.run(["-f", str(script)])
    assert session_rows(home) == rows, "a script run left a session row"
    # Script -> script: the next script sees the interactive context, not the last script's.
    assert status(home, "-e", "status")["project"] == mine
    assert settings(home)["pager"] == "off"
    # The next interactive shell too.
    shell = spawn_tty(home, prompt=f"chatbeto[{mine}]> ")
    shell.sendline("set")
    shell.expect(r"pager[\s|]+off")
    shell.sendline("quit")
    shell.close()


def test_source_at_the_prompt_does_not_change_the_saved_context(home, tmp_path):
    mine, other = two_projects(home, tmp_path)
    script = tmp_path / "s.chatbeto"
    script.write_text(f"use {other}\nset pager off\n")
    interactive(home, None, [(f"use {mine}", f"chatbeto[{mine}]> "), (f"source {script}", f"chatbeto[{mine}]> ")],
                lambda _: "chatbeto> ")
    assert status(home, "-e", "status")["project"] == mine
    assert settings(home)["pager"] == "on"
