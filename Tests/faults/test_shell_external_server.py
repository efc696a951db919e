"""The README's external-server recipe works as written: a fresh MariaDB with exactly the README's SQL
block (read from README.md, so the two cannot drift), then import and `sql SELECT …` work on the first
and on the second run, user SQL runs read-only as the reader account."""
import pathlib
import re

import pytest

from conftest import ROOT, generate_export
from shell_support import ExternalMariaDB


def readme_recipe():
    """The ```sql block of the README section on an external server, and the password it uses."""
    text = (ROOT / "README.md").read_text()
    section = text[text.index("**An external MySQL 8 / MariaDB server.**"):]
    block = re.search(r"```sql\n(.*?)```", section, re.S).group(1)
    password = re.search(r"IDENTIFIED BY '([^']*)'", block).group(1)
    return block, password


@pytest.fixture
def external():
    server = ExternalMariaDB()
    yield server
    server.stop()


def test_the_readme_recipe_works_on_the_first_and_second_run(external, home, tmp_path):
    block, password = readme_recipe()
    external.root_sql(block)
    env = {"CHATBETO_DSN": f"mysql://chatbeto@localhost/chatbeto?socket={external.socket}",
           "CHATBETO_PASSWORD": password}
    export = generate_export(tmp_path / "export", conversations=5)
    first = home.run(["import", str(export)], env=env)
    assert "5" in first.stdout + first.stderr
    for run in ("first", "second", "third"):
        result = home.run(["--format", "tsv", "-e", "sql SELECT COUNT(*) AS n FROM conversations"], env=env, check=False)
        assert result.returncode == 0, f"{run} run: {result.stderr}"
        assert result.stdout.split() == ["n", "5"], f"{run} run: {result.stdout!r}"
        assert result.stderr == "", f"{run} run: {result.stderr}"
    # User SQL is read-only through the reader account, which the server enforces (DDL too).
    refused = home.run(["-e", "sql CREATE TABLE planted (x INT)"], env=env, check=False)
    assert refused.returncode == 1 and "read-only" in refused.stderr, refused
    status = home.run(["-e", "status"], env=env).stdout
    assert "cannot create the read-only account" not in status, status
    # A re-import on the second run works as well.
    home.run(["import", str(export)], env=env)
