"""The mid-2026 "slim" export (issue 11): nodes without children, messages without metadata, conversations
sorted by id, shards with export_manifest.json; the manifest is checked when present and never required;
a shard imported alone says that the others are beside it."""
import shutil

from import2026_support import SLIM, threads

EXPECTED = {
    "07e70000-0000-4000-8000-00000000c002": [
        ("aaa20000-0000-4000-8000-000000000001", "user", "Summarise the attached PDF"),
        ("0b230000-0000-4000-8000-000000000002", "assistant", "It is a one-page test document.")],
    "6a0e0000-0000-8000-8000-00000000c001": [
        ("u1", "user", "Which city hosts the 2026 Winter Olympics?"),
        ("a1", "assistant", "Milan and Cortina d'Ampezzo share them. \ue200cite\ue202turn0search0\ue201"),
        ("u2b", "user", "[image]⏎Here is my own photo of the venue, what is it?"),  # the edit branch current_node is on
        ("a2b", "assistant", "It looks like a single red pixel.")],
    "6a100000-0000-8000-8000-00000000c003": [
        ("u1", "user", "Is 2026 a leap year?"), ("a1", "assistant", "No. 2026 has 365 days.")],
}


def test_the_slim_export_imports_with_its_threads_and_a_clean_manifest(home):
    r = home.run(["import", str(SLIM)])
    assert "2 files committed (0.0 MB): conversations-000.json, conversations-001.json" in r.stdout, r.stdout
    assert "note: export_manifest.json: all 11 listed files are in the export" in r.stdout, r.stdout
    assert "conversations: 3 new, 0 updated, 0 unchanged, 0 skipped" in r.stdout, r.stdout
    assert threads(home) == EXPECTED
    assert home.query("sql SELECT COUNT(*), SUM(is_hidden), SUM(on_visible_path) FROM messages") == [["15", "5", "13"]]
    # The edit branch's first try stays, off the visible thread.
    assert home.query("sql SELECT node_id FROM messages WHERE conversation_id = '6a0e0000-0000-8000-8000-00000000c001' "
                      "AND on_visible_path = 0 ORDER BY node_id") == [["a2"], ["u2"]]


def test_the_manifest_reports_missing_resized_and_unlisted_files_and_is_not_required(home, tmp_path):
    copy = tmp_path / "export"
    shutil.copytree(SLIM, copy)
    (copy / "user.json").unlink()
    (copy / "library_files.json").write_text("[]")
    (copy / "notes.txt").write_text("mine")
    r = home.run(["import", str(copy)])
    assert "note: export_manifest.json lists 1 file the export does not hold: user.json" in r.stdout, r.stdout
    assert "note: export_manifest.json gives another size for 1 file: library_files.json (2 bytes, listed 1178)" in r.stdout
    assert "note: the export holds 1 file export_manifest.json does not list: notes.txt" in r.stdout
    assert "conversations: 3 new" in r.stdout
    (copy / "export_manifest.json").unlink()
    again = home.run(["import", str(copy)])
    assert "export_manifest" not in again.stdout and "3 unchanged" in again.stdout, again.stdout


def test_one_shard_alone_imports_and_says_the_others_are_beside_it(home, tmp_path):
    r = home.run(["import", str(SLIM / "conversations-001.json")])
    assert "1 file committed (0.0 MB): conversations-001.json" in r.stdout, r.stdout
    assert ("note: conversations-001.json is one shard of 2; this import read only it. The others are beside it "
            f"(conversations-000.json): import the folder {SLIM} to read them all") in r.stdout, r.stdout
    assert list(threads(home)) == ["6a100000-0000-8000-8000-00000000c003"]
    alone = tmp_path / "conversations-001.json"
    shutil.copy(SLIM / "conversations-001.json", alone)
    assert "shard" not in home.run(["import", str(alone)]).stdout
