"""The fault suite's own fixtures work: a home starts its private server and answers a query."""
from conftest import generate_export


def test_a_home_answers_and_imports(home, tmp_path):
    export = generate_export(tmp_path / "export", conversations=3)
    home.run(["import", str(export)])
    assert home.query("sql SELECT COUNT(*) FROM conversations") == [["3"]]
