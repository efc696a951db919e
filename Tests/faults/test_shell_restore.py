"""The saved session (current project, conversation, settings) is restored once, before the first
command, whatever the mode: a script whose first command needs no database sees the same session as
one that starts with `status`, and what the first command changes is kept for the rest of the script,
not undone by a later restore. Only the interactive shell saves it (test_cli_script_context.py)."""
import pexpect

from conftest import generate_export
from shell_support import FakeOpenAI, spawn_tty


def prepare(home, tmp_path):
    """An imported export with a project and a conversation made current and saved."""
    generate_export(tmp_path / "export", conversations=20, projects=3)
    home.run(["--yes", "-e", f"import {tmp_path / 'export' / 'conversations.json'}"])
    rows = home.query("SELECT c.id, p.name FROM conversations c JOIN projects p ON p.id = c.project_id "
                      "ORDER BY c.id LIMIT 1")
    conversation, project = rows[0]
    # Made current in the interactive shell, which saves it (a script's changes are its own).
    shell = spawn_tty(home)
    shell.sendline(f"use {project}")
    shell.expect_exact(f"chatbeto[{project}]> ")
    shell.sendline(f"open {conversation}")
    shell.expect_exact("Opened")
    shell.expect_exact(f"chatbeto[{project} › ")
    shell.sendline("quit")
    shell.expect(pexpect.EOF)
    shell.close()
    return project, conversation


def status_rows(home, script):
    out = home.run(["--format", "tsv", "-e", script]).stdout
    return dict(line.split("\t", 1) for line in out.splitlines()[1:] if "\t" in line)


def test_ask_as_first_command_uses_the_restored_conversation(home, tmp_path):
    prepare(home, tmp_path)
    fake = FakeOpenAI(tmp_path)
    try:
        first = home.run(["--yes", "-e", "ask hi"], env=fake.env(), check=False)
        assert first.returncode == 0, first.stderr
        assert "no current conversation" not in first.stderr
        assert first.stdout.strip(), "the reply is printed"
    finally:
        fake.stop()


def test_use_dash_as_first_command_lasts_for_its_script_only(home, tmp_path):
    project, _ = prepare(home, tmp_path)
    assert status_rows(home, "status")["project"] == project
    home.run(["-e", "use -"])
    assert status_rows(home, "status")["project"] == project, "a script's 'use -' was saved"


def test_use_dash_then_status_in_one_script_shows_no_project(home, tmp_path):
    prepare(home, tmp_path)
    rows = status_rows(home, "use -; status")
    assert rows["project"] in ("", "NULL", "(none)"), rows


def test_set_as_first_command_is_kept_for_the_rest_of_the_script(home, tmp_path):
    prepare(home, tmp_path)
    out = home.run(["--format", "tsv", "-e", "set seed-turns 7; set"]).stdout
    assert "seed-turns\t7\t" in out, out
    out = home.run(["--format", "tsv", "-e", "set"]).stdout
    assert "seed-turns\tall\t" in out, "a script's 'set' was saved: " + out


def test_piped_script_restores_before_its_first_command(home, tmp_path):
    project, _ = prepare(home, tmp_path)
    out = home.run(["--format", "tsv"], stdin="use -\nstatus\n").stdout
    rows = dict(line.split("\t", 1) for line in out.splitlines()[1:] if "\t" in line)
    assert rows["project"] in ("", "NULL", "(none)"), rows
    assert status_rows(home, "status")["project"] == project, "a piped script's 'use -' was saved"


def test_commands_that_need_no_database_start_no_server(home):
    for script in ("help", "schema", "help use; quit", "server status"):
        result = home.run(["-e", script])
        assert result.stdout.strip(), script
        assert home.server_pids() == [], f"'{script}' started the private server"
