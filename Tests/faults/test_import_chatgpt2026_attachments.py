"""Attachments (issue 11): `.dat` files found by their pointer (`sediment://`, `file-service://`, bare ids), named
through conversation_asset_file_names.json and library_files.json, typed by their bytes; `show` names each file
and whether the export holds it."""
import shutil

from import2026_support import SLIM, VOICE

SLIM_ASSETS = [
    ["aaa20000-0000-4000-8000-000000000001", "0", "attachment", "file_00000000c3d4720b8c2c8c81f47d0002",
     "file_00000000c3d4720b8c2c8c81f47d0002.dat", "application/pdf", "test-document.pdf"],  # linked by the file library only
    ["u2b", "0", "image", "sediment://file_00000000a1b2720b8c2c8c81f47d0001", "file_00000000a1b2720b8c2c8c81f47d0001.dat",
     "image/png", "venue.png"],
    ["u2b", "1", "attachment", "file_00000000a1b2720b8c2c8c81f47d0001", "file_00000000a1b2720b8c2c8c81f47d0001.dat",
     "image/png", "venue.png"],
]
ASSET_SQL = ("sql SELECT node_id, position, kind, asset_pointer, IFNULL(export_path, '-'), IFNULL(mime_type, '-'), "
             "IFNULL(file_name, '-') FROM assets ORDER BY node_id, position")


def test_dat_files_are_found_named_and_typed_and_show_names_them(home):
    r = home.run(["import", str(SLIM)])
    assert "3 asset references" in r.stdout, r.stdout
    assert home.query(ASSET_SQL) == SLIM_ASSETS
    shown = home.run(["-e", "show 6a0e0000-0000-8000-8000-00000000c001"]).stdout
    assert ("[image]\nHere is my own photo of the venue, what is it?\n"
            "[image: venue.png (in the export: file_00000000a1b2720b8c2c8c81f47d0001.dat)]\n") in shown, shown
    assert shown.count("venue.png") == 1  # the image part and the attachment are one file
    pdf = home.run(["-e", "show 07e70000-0000-4000-8000-00000000c002"]).stdout
    assert "Summarise the attached PDF\n[file: test-document.pdf (in the export: file_00000000c3d4720b8c2c8c81f47d0002.dat)]\n" in pdf


def test_the_bytes_tell_the_type_not_the_name_or_the_library(home, tmp_path):
    copy = tmp_path / "export"
    shutil.copytree(SLIM, copy)
    wav = next((VOICE).rglob("*.wav")).read_bytes()
    (copy / "file_00000000a1b2720b8c2c8c81f47d0001.dat").write_bytes(wav)  # library_files says image/png
    (copy / "conversation_asset_file_names.json").unlink()
    home.run(["import", str(copy)])
    rows = {(r[0], r[1]): r[5:] for r in home.query(ASSET_SQL)}
    assert rows[("u2b", "0")] == ["audio/wav", "venue.png"]  # name from library_files.json now
    assert rows[("aaa20000-0000-4000-8000-000000000001", "0")] == ["application/pdf", "test-document.pdf"]


def test_a_voice_file_missing_from_the_export_is_named_as_missing(home):
    home.run(["import", str(VOICE)])
    shown = home.run(["-e", "show 68f29b43-0000-8000-8000-0000000000f1"]).stdout
    assert "Thanks.\n[audio: file_00000000ffff61f6000000000000dead (not in this export)]\n" in shown, shown
    assert home.query("sql SELECT COUNT(*) FROM assets WHERE mime_type = 'audio/wav' AND export_path IS NOT NULL") == [["2"]]
