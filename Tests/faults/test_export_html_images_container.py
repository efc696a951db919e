"""`export --format html --images-from` reads a Privacy Portal container zip as import does (issue 11):
images in the export zip inside it and in its `Files__` zip are embedded; the folder and the plain
export zip still work (test_export_html_images.py)."""
import base64
import io
import json
import zipfile

from import2026_support import CONTAINER, SLIM

PNG = "file_00000000a1b2720b8c2c8c81f47d0001.dat"


def container_of(tmp_path, export_files, files_zip):
    """A container laid out as the sample's: both inner zips stored under User Online Activity/."""
    def zipped(files):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in files.items():
                z.writestr(name, data)
        return buf.getvalue()
    path = tmp_path / "chatgpt-container.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("report.html", "<html></html>")
        z.writestr("User Online Activity/Conversations__t-chatgpt-0001.zip", zipped(export_files))
        z.writestr("User Online Activity/Files__t-files-0001.zip", zipped(files_zip))
    return path


def sample_avatar():
    """The 1×1 PNG of the container sample's Files__ zip."""
    with zipfile.ZipFile(CONTAINER) as outer:
        with zipfile.ZipFile(io.BytesIO(outer.read("User Online Activity/Files__handmade-files-0001.zip"))) as inner:
            return inner.read("personal/files/avatar.png")


def test_images_from_a_container_embeds_an_image_of_its_inner_export(home, tmp_path):
    container = container_of(tmp_path, {p.name: p.read_bytes() for p in SLIM.iterdir()}, {"personal/files/avatar.png": sample_avatar()})
    home.run(["import", str(container)])
    cid = home.query(f"sql SELECT conversation_id FROM assets WHERE export_path = '{PNG}'")[0][0]
    out = tmp_path / "talk.html"
    r = home.run(["export", cid, "--format", "html", "--images-from", str(container), "--out", str(out)])
    page = out.read_text()
    assert "data:image/png;base64," + base64.b64encode((SLIM / PNG).read_bytes()).decode() in page, r.stdout + r.stderr
    assert "not in this export" not in page and "not in" not in r.stdout + r.stderr


def test_images_from_a_container_embeds_an_image_of_its_files_zip(home, tmp_path):
    conversation = {"id": "conv-files", "title": "avatar", "create_time": 1780000000.0, "update_time": 1780000001.0,
                    "current_node": "u", "mapping": {
                        "r": {"id": "r", "message": None, "parent": None},
                        "u": {"id": "u", "parent": "r", "message": {
                            "id": "u", "author": {"role": "user"}, "create_time": 1780000000.5,
                            "content": {"content_type": "multimodal_text", "parts": [
                                {"content_type": "image_asset_pointer", "asset_pointer": "file-service://file-Avatar01"},
                                "my avatar"]}}}}}
    avatar = sample_avatar()
    container = container_of(tmp_path, {"conversations.json": json.dumps([conversation])},
                             {"personal/files/file-Avatar01-avatar.png": avatar})
    home.run(["import", str(container)])
    assert home.query("sql SELECT export_path FROM assets") == [["Files__t-files-0001.zip/personal/files/file-Avatar01-avatar.png"]]
    out = tmp_path / "avatar.html"
    home.run(["export", "conv-files", "--format", "html", "--images-from", str(container), "--out", str(out)])
    assert "data:image/png;base64," + base64.b64encode(avatar).decode() in out.read_text()


def test_images_from_the_container_sample_is_accepted(home, tmp_path):
    home.run(["import", str(CONTAINER)])
    out = tmp_path / "ts.html"
    r = home.run(["export", "conv-chatgpt-1", "--format", "html", "--images-from", str(CONTAINER), "--out", str(out)])
    assert r.returncode == 0 and "What is TypeScript?" in out.read_text(), r.stderr
