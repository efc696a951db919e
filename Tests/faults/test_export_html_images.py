"""`export --format html --images-from <export>`: image attachments embedded as data URIs, read from the
export they were imported from (a folder or a zip, in place); an image the given export lacks is named."""
import base64
import pathlib
import shutil
import zipfile

SLIM = (pathlib.Path(__file__).resolve().parents[1]
        / "ChatBetoTestSupport/Fixtures/samples/2026/handmade-slim-2026-export")
PNG = "file_00000000a1b2720b8c2c8c81f47d0001.dat"


def imported(home):
    """Imports the slim 2026 sample; the id of the conversation holding the PNG upload."""
    home.run(["import", str(SLIM)])
    rows = home.query(f"sql SELECT conversation_id FROM assets WHERE export_path LIKE '%{PNG}'")
    assert rows, "the sample's PNG attachment was not stored as an asset"
    return rows[0][0]


def test_images_from_folder_embeds_the_png(home, tmp_path):
    cid = imported(home)
    out = tmp_path / "talk.html"
    home.run(["export", cid, "--format", "html", "--images-from", str(SLIM), "--out", str(out)])
    page = out.read_text()
    data_uri = "data:image/png;base64," + base64.b64encode((SLIM / PNG).read_bytes()).decode()
    assert data_uri in page
    assert 'alt="venue.png"' in page
    assert "not in this export" not in page


def test_without_images_from_no_data_uri(home, tmp_path):
    cid = imported(home)
    out = tmp_path / "talk.html"
    home.run(["export", cid, "--format", "html", "--out", str(out)])
    assert "data:image" not in out.read_text()


def test_images_from_a_folder_without_the_file_names_it(home, tmp_path):
    cid = imported(home)
    partial = tmp_path / "partial"
    shutil.copytree(SLIM, partial)
    (partial / PNG).unlink()
    out = tmp_path / "talk.html"
    r = home.run(["export", cid, "--format", "html", "--images-from", str(partial), "--out", str(out)])
    page = out.read_text()
    assert "data:image" not in page
    assert "(image venue.png: not in this export)" in page
    assert "1 image" in r.stdout + r.stderr and "not in" in r.stdout + r.stderr


def test_images_from_a_missing_path_is_an_error(home, tmp_path):
    cid = imported(home)
    out = tmp_path / "talk.html"
    r = home.run(["export", cid, "--format", "html", "--images-from", str(tmp_path / "nope"), "--out", str(out)],
                 check=False)
    assert r.returncode != 0
    assert str(tmp_path / "nope") in r.stdout + r.stderr
    assert not out.exists()


def test_images_from_a_zip_reads_it_in_place(home, tmp_path):
    cid = imported(home)
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(SLIM.iterdir()):
            z.write(f, f.name)
    out = tmp_path / "talk.html"
    home.run(["export", cid, "--format", "html", "--images-from", str(archive), "--out", str(out)])
    data_uri = "data:image/png;base64," + base64.b64encode((SLIM / PNG).read_bytes()).decode()
    assert data_uri in out.read_text()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["export.zip", "talk.html"]


def test_images_from_needs_html(home, tmp_path):
    cid = imported(home)
    r = home.run(["export", cid, "--format", "markdown", "--images-from", str(SLIM)], check=False)
    assert r.returncode != 0 and "--images-from is for --format html" in r.stderr
