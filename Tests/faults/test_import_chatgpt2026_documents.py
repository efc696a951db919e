"""Canvas and deep research (issue 11): a canvas is rebuilt from its create and the updates the tool confirmed
(on the visible thread), stored as a document of the conversation and printed by `show` after the reply that
follows its last change; a deep-research report is the assistant's message; a kickoff alone is said to be so."""
import json

from import2026_support import NEWTYPES, threads

CANVAS = "69050000-0000-8000-8000-0000000000ca"
RESEARCH = "697a0000-0000-8000-8000-0000000000d7"
FINAL = "# Packing list (final)\n\n- passport\n- phone charger\n- adapter plug\n- sun cream\n"
REPORT = "# Report: tidal energy in 2026\n\nTidal plants remain small. \ue200cite\ue202turn0search1\ue201\n"


def test_the_canvas_is_rebuilt_stored_and_shown_where_chatgpt_shows_it(home):
    home.run(["import", str(NEWTYPES)])
    rows = home.query("sql SELECT conversation_id, document_id, kind, title, document_type, node_id, version, "
                      "REPLACE(content, '\\n', '⏎') FROM documents")
    assert rows == [[CANVAS, "6900000000008191a070ede47a4ff146", "canvas", "Packing list", "document", "c-a7", "3",
                     FINAL.replace("\n", "⏎")]]
    shown = home.run(["-e", f"show {CANVAS}"]).stdout
    assert shown.endswith("── ChatGPT (gpt-5) · 2025-10-31 19:58\nDone: added the plug, renamed sunscreen, and tidied the list.\n\n"
                          "── Canvas “Packing list” · document · version 3\n" + FINAL), shown
    # A re-import of the same file changes nothing; the canvas stays one document.
    assert "3 unchanged" in home.run(["import", str(NEWTYPES)]).stdout
    assert home.query("sql SELECT COUNT(*) FROM documents") == [["1"]]


def test_an_update_the_tool_refused_or_on_an_abandoned_branch_is_not_applied(home, tmp_path):
    data = json.loads(NEWTYPES.read_text())
    canvas = next(c for c in data if c["id"] == CANVAS)
    m = canvas["mapping"]
    # Drop the final ".*" rewrite: the document is what the confirmed update c-a4 made of the created text.
    m["c-a7"]["parent"] = "c-t4"
    m["c-t4"]["children"] = ["c-a7"]
    del m["c-a6"], m["c-t5"]
    # A branch off c-u2 whose update was confirmed but is not on the visible thread.
    m["x-a"] = {"id": "x-a", "parent": "c-u2", "children": ["x-t"], "message": dict(m["c-a4"]["message"], id="x-a", create_time=1.0)}
    m["x-a"]["message"]["content"] = dict(m["c-a4"]["message"]["content"],
                                          text=json.dumps({"updates": [{"pattern": "passport", "replacement": "visa"}]}))
    m["x-t"] = {"id": "x-t", "parent": "x-a", "children": [], "message": dict(m["c-t3"]["message"], id="x-t", create_time=2.0)}
    m["c-u2"]["children"].append("x-a")
    only = tmp_path / "canvas.json"
    only.write_text(json.dumps([canvas]))
    home.run(["import", str(only)])
    assert home.query("sql SELECT version, REPLACE(content, '\\n', '⏎') FROM documents") == [
        ["2", "# Packing list⏎⏎- passport⏎- charger⏎- adapter plug⏎- sun cream⏎"]]


def test_the_deep_research_report_is_the_assistants_message(home):
    home.run(["import", str(NEWTYPES)])
    thread = threads(home)[RESEARCH]
    assert thread == [("d-u1", "user", "Deep research: state of tidal energy"),
                      ("d-a2", "assistant", REPORT.replace("\n", "⏎"))]
    assert home.query("sql SELECT COUNT(*) FROM documents WHERE kind = 'deep_research'") == [["0"]]


def test_a_report_only_in_the_hidden_widget_state_message_is_shown_as_the_assistants(home, tmp_path):
    data = json.loads(NEWTYPES.read_text())
    research = next(c for c in data if c["id"] == RESEARCH)
    m = research["mapping"]
    del m["d-a2"]
    m["d-w1"]["children"] = []
    research["current_node"] = "d-w1"
    f = tmp_path / "research.json"
    f.write_text(json.dumps([research]))
    home.run(["import", str(f)])
    assert threads(home)[RESEARCH] == [("d-u1", "user", "Deep research: state of tidal energy"),
                                       ("d-w1", "assistant", REPORT.replace("\n", "⏎"))]


def test_a_kickoff_without_its_report_is_said_so_by_show(home, tmp_path):
    data = json.loads(NEWTYPES.read_text())
    research = next(c for c in data if c["id"] == RESEARCH)
    m = research["mapping"]
    del m["d-w1"]
    m["d-a2"]["parent"] = "d-t1"
    m["d-t1"]["children"] = ["d-a2"]
    del m["d-a2"]["message"]["metadata"]["chatgpt_sdk"]
    f = tmp_path / "kickoff.json"
    f.write_text(json.dumps([research]))
    home.run(["import", str(f)])
    assert home.query("sql SELECT document_id, kind, title, node_id, IFNULL(content, '-') FROM documents") == [
        ["deepresch_handmade0001", "deep_research", "Tidal energy", "d-u1", "-"]]
    shown = home.run(["-e", f"show {RESEARCH}"]).stdout
    assert ("── You · 2026-02-02 02:40\nDeep research: state of tidal energy\n\n── Deep research “Tidal energy”\n"
            "only the kickoff is in this export; the report is not\n") in shown, shown
