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
