"""The saved session (current project, conversation, settings) is restored once, before the first
command, whatever the mode: a script whose first command needs no database sees the same session as
one that starts with `status`, and what the first command changes is kept, not undone by a later restore."""
from conftest import generate_export
from shell_support import FakeOpenAI


def prepare(home, tmp_path):
    """An imported export with a project and a conversation made current and saved."""
    generate_export(tmp_path / "export", conversations=20, projects=3)
    home.run(["--yes", "-e", f"import {tmp_path / 'export' / 'conversations.json'}"])
    rows = home.query("SELECT c.id, p.name FROM conversations c JOIN projects p ON p.id = c.project_id "
                      "ORDER BY c.id LIMIT 1")
    conversation, project = rows[0]
    home.run(["-e", f"use {project}; continue {conversation}"])
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


def test_use_dash_as_first_command_is_kept(home, tmp_path):
    project, _ = prepare(home, tmp_path)
    assert status_rows(home, "status")["project"] == project
    home.run(["-e", "use -"])
    assert status_rows(home, "status")["project"] in ("", "NULL", "(none)"), "use - was undone"


def test_use_dash_then_status_in_one_script_shows_no_project(home, tmp_path):
    prepare(home, tmp_path)
    rows = status_rows(home, "use -; status")
    assert rows["project"] in ("", "NULL", "(none)"), rows


def test_set_as_first_command_is_kept(home, tmp_path):
    prepare(home, tmp_path)
    home.run(["-e", "set seed-turns all"])
    home.run(["-e", "set seed-turns 7"])
    out = home.run(["--format", "tsv", "-e", "set"]).stdout
    assert "seed-turns\t7\t" in out, out
    home.run(["-e", "set seed-turns all"])
    out = home.run(["--format", "tsv", "-e", "set"]).stdout
    assert "seed-turns\tall\t" in out, out


def test_piped_script_restores_before_its_first_command(home, tmp_path):
    project, _ = prepare(home, tmp_path)
    out = home.run(["--format", "tsv"], stdin="use -\nstatus\n").stdout
    rows = dict(line.split("\t", 1) for line in out.splitlines()[1:] if "\t" in line)
    assert rows["project"] in ("", "NULL", "(none)"), rows
    assert status_rows(home, "status")["project"] in ("", "NULL", "(none)")


def test_commands_that_need_no_database_start_no_server(home):
    for script in ("help", "schema", "help use; quit", "server status"):
        result = home.run(["-e", script])
        assert result.stdout.strip(), script
        assert home.server_pids() == [], f"'{script}' started the private server"
