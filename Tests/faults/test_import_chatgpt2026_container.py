"""The Privacy Portal download (issue 11): a container zip whose ChatGPT export is an inner zip, at any
depth, stored or compressed, read in place; the `Files__` sibling is never read as conversations."""
import io
import zipfile

from import2026_support import CONTAINER, NOO_BASS, threads

EXPECTED = {
    "conv-chatgpt-1": [("msg-1", "user", "What is TypeScript?"),
                       ("msg-2", "assistant", "TypeScript is a typed superset of JavaScript that compiles to plain JavaScript.")],
    "conv-chatgpt-2": [("msg-a", "user", "Explain MQTT protocol"),
                       ("msg-b-branch2", "assistant",
                        "MQTT is a lightweight messaging protocol designed for IoT devices.")],
}


def test_the_container_sample_imports_the_inner_export_with_its_threads(home):
    r = home.run(["import", str(CONTAINER)])
    assert "1 file committed (0.0 MB): Conversations__handmade-chatgpt-0001.zip:conversations.json" in r.stdout, r.stdout
    assert "note: a Privacy Portal container: read the ChatGPT export inside it, " \
           "User Online Activity/Conversations__handmade-chatgpt-0001.zip" in r.stdout, r.stdout
    assert "conversations: 2 new, 0 updated, 0 unchanged, 0 skipped" in r.stdout, r.stdout
    assert threads(home) == EXPECTED
    assert home.query("sql SELECT COUNT(*) FROM messages") == [["7"]]
    again = home.run(["import", str(CONTAINER)])
    assert "conversations: 0 new, 0 updated, 2 unchanged" in again.stdout, again.stdout


def test_a_deeper_compressed_single_underscore_inner_zip_is_found_too(home, tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("conversations.json", NOO_BASS.read_bytes())
        z.writestr("user.json", '{"id": "user-x"}')
    outer = tmp_path / "download (2).zip"
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("report.html", "<html></html>")
        z.writestr("Account/User Online Activity/Conversations_abc-chatgpt-0001.zip", inner.getvalue())
        z.writestr("Account/User Online Activity/Files__abc-files-0001.zip", b"PK\x05\x06" + b"\0" * 18)
    r = home.run(["import", str(outer)])
    assert "Conversations_abc-chatgpt-0001.zip:conversations.json" in r.stdout, r.stdout
    assert "conversations: 2 new" in r.stdout, r.stdout
    assert threads(home) == EXPECTED


def test_a_container_without_a_chatgpt_export_says_what_it_holds(home, tmp_path):
    outer = tmp_path / "chatgpt_archive_x.zip"
    with zipfile.ZipFile(outer, "w") as z:
        z.writestr("report.html", "<html></html>")
        z.writestr("User Online Activity/Ads__x-ads-0001.zip", b"PK\x05\x06" + b"\0" * 18)
    r = home.run(["import", str(outer)], check=False)
    assert r.returncode != 0
    assert "it looks like a zip of 2 files (User Online Activity/Ads__x-ads-0001.zip, report.html)" in r.stderr, r.stderr


def test_attachments_in_later_parts_and_files_archives_are_found(home, tmp_path):
    conversation = {
        "id": "conv-parts", "title": "parts", "create_time": 1780000000.0, "update_time": 1780000001.0, "current_node": "u",
        "mapping": {
            "r": {"id": "r", "message": None, "parent": None},
            "u": {"id": "u", "parent": "r", "message": {
                "id": "u", "author": {"role": "user"}, "create_time": 1780000000.5,
                "content": {"content_type": "multimodal_text", "parts": [
                    {"content_type": "image_asset_pointer", "asset_pointer": "sediment://file_00000000aaaa0000000000000000part"},
                    {"content_type": "image_asset_pointer", "asset_pointer": "file-service://file-InFilesZip"},
                    "two pictures"]}}},
        },
    }

    def inner(files):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in files.items():
                z.writestr(name, data)
        return buf.getvalue()

    outer = tmp_path / "container.zip"
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_STORED) as z:
        z.writestr("User Online Activity/Conversations__x-chatgpt-0001-part-0001.zip",
                   inner({"conversations.json": __import__("json").dumps([conversation])}))
        z.writestr("User Online Activity/Conversations__x-chatgpt-0001-part-0002.zip",
                   inner({"file_00000000aaaa0000000000000000part.dat": b"\x89PNG\r\n\x1a\n"}))
        z.writestr("User Online Activity/Files__x-files-0001.zip", inner({"files/file-InFilesZip-cat.png": b"\x89PNG"}))
    r = home.run(["import", str(outer)])
    assert "Conversations__x-chatgpt-0001-part-0001.zip:conversations.json" in r.stdout, r.stdout
    assert home.query("sql SELECT asset_pointer, IFNULL(export_path, '-') FROM assets ORDER BY position") == [
        ["sediment://file_00000000aaaa0000000000000000part",
         "Conversations__x-chatgpt-0001-part-0002.zip/file_00000000aaaa0000000000000000part.dat"],
        ["file-service://file-InFilesZip", "Files__x-files-0001.zip/files/file-InFilesZip-cat.png"],
    ]
