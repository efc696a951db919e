"""The import report's "N not in this export (kept)" counts only conversations of the export's own
provider: importing a ChatGPT export into an archive that also holds Claude conversations does not call
the Claude ones missing from it."""
from conftest import ROOT

SAMPLES = ROOT / "Tests/ChatBetoTestSupport/Fixtures/samples"
CLAUDE = SAMPLES / "claude/AlanTuring01__claude-export-reader__sample-conversations.json"
CHATGPT = SAMPLES / "noo-bass__context-carry__conversations.json"


def test_another_providers_conversations_are_not_missing_from_an_export(home):
    home.run(["import", str(CLAUDE)])
    out = home.run(["import", str(CHATGPT)]).stdout
    assert "2 new" in out and "not in this export" not in out, out
    again = home.run(["import", str(CLAUDE)]).stdout
    assert "2 unchanged" in again and "not in this export" not in again, again


def test_a_conversation_of_the_same_provider_left_out_is_still_reported(home, tmp_path):
    import json
    home.run(["import", str(CHATGPT)])
    fewer = json.loads(CHATGPT.read_text())[:1]
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps(fewer))
    out = home.run(["import", str(path)]).stdout
    assert "1 not in this export (kept)" in out, out
