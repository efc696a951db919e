"""`set sql-write on` lasts for the current process only, shows in the prompt, and is never restored
from a saved session (not even one an older chatbeto saved with sqlWrite true)."""
import json

from shell_support import spawn_tty


def test_sql_write_is_not_restored_by_the_next_script(home):
    # Connected first, so the setting is saved with the session (a change before connecting is too).
    home.run(["-e", "sql SELECT 1; set sql-write on"])
    home.run(["-e", "set sql-write on; sql SELECT 1"])
    later = home.run(["-e", "sql CREATE TABLE planted (x INT)"], check=False)
    assert later.returncode == 1, later.stdout + later.stderr
    assert "read-only" in later.stderr
    assert home.query("sql SELECT COUNT(*) FROM information_schema.TABLES "
                      "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'planted'") == [["0"]]
    # Within one process it works, and says so by the setting.
    out = home.run(["-e", "set sql-write on; sql CREATE TABLE mine (x INT); set"]).stdout
    assert "sql-write" in out


def test_a_session_saved_by_an_older_version_with_sql_write_on_does_not_turn_it_on(home):
    old = {"format": "table", "pager": True, "model": "gpt-5-mini", "sqlWrite": True,
           "embeddingModel": "text-embedding-3-small", "embeddingDimensions": 512}
    # Plant the newest session row as an older chatbeto wrote it (it sorts after every later session).
    home.run(["-e", "set sql-write on; sql INSERT INTO sessions (started_at, updated_at, settings) "
                    f"VALUES ('2099-01-01', '2099-01-01', '{json.dumps(old)}')"])
    later = home.run(["-e", "sql DROP TABLE imports"], check=False)
    assert later.returncode == 1, later.stdout + later.stderr
    assert "read-only" in later.stderr
    settings = home.run(["--format", "tsv", "-e", "set"]).stdout
    assert "sql-write\toff" in settings
    assert home.query("sql SELECT COUNT(*) FROM imports") == [["0"]]


def test_the_prompt_shows_rw_with_the_project(home, tmp_path):
    from conftest import generate_export
    home.run(["import", str(generate_export(tmp_path / "export", conversations=12, projects=2))])
    name = home.query("sql SELECT name FROM projects LIMIT 1")[0][0]
    home.run(["-e", f"project name \"{name}\" Marketing"])
    child = spawn_tty(home)
    child.sendline("set sql-write on")
    child.expect_exact("chatbeto[rw]> ")
    child.sendline("use Marketing")
    child.expect_exact("chatbeto[rw Marketing]> ")
    child.sendline("set sql-write off")
    child.expect_exact("chatbeto[Marketing]> ")
    child.sendline("set sql-write on")
    child.expect_exact("chatbeto[rw Marketing]> ")
    child.sendline("quit")
    child.expect(pexpect_eof())
    # The next interactive shell resumes the project, read-only.
    child = spawn_tty(home, prompt="chatbeto[Marketing]> ")
    child.sendline("quit")


def pexpect_eof():
    import pexpect
    return pexpect.EOF
