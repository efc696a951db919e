"""The import seam (issue 9, 11): `import` tells an export's format by its content, `--source` forces one,
and a file chatbeto cannot read says what it looks like and what chatbeto reads."""
import json
import pathlib
import shutil
import zipfile

SAMPLES = pathlib.Path(__file__).resolve().parents[1] / "ChatBetoTestSupport/Fixtures/samples"
PULSAR = SAMPLES / "2015pulsar__chatgpt-conversation-extractor__conversations.json"


def test_a_chatgpt_file_is_recognised_by_its_content_whatever_its_name(home, tmp_path):
    renamed = tmp_path / "my chats backup.txt"
    shutil.copy(PULSAR, renamed)
    r = home.run(["import", str(renamed)])
    assert "conversations: 1 new" in r.stdout or " new," in r.stdout, r.stdout
    forced = home.run(["import", "--source", "chatgpt", str(renamed)])
    assert "0 new" in forced.stdout and "unchanged" in forced.stdout, forced.stdout
    assert home.query("sql SELECT COUNT(*) FROM conversations") == [[str(len(json.loads(PULSAR.read_text())))]]


def test_an_unknown_source_name_is_a_usage_error_naming_the_known_ones(home):
    r = home.run(["-e", f"import --source myspace {PULSAR}"], check=False)
    assert r.returncode == 1, (r.returncode, r.stdout, r.stderr)  # a failed command in a script, like any usage error
    assert "unknown source 'myspace'; chatbeto reads: chatgpt" in r.stderr and "usage: import" in r.stderr, r.stderr


def test_an_unrecognised_json_file_says_what_it_looks_like_and_what_chatbeto_reads(home, tmp_path):
    other = tmp_path / "conversations.json"
    other.write_text(json.dumps([{"uuid": "c1", "name": "Hello", "turns": [{"text": "hi"}]}]))
    r = home.run(["import", str(other)], check=False)
    assert r.returncode != 0
    assert "conversations.json" in r.stderr, r.stderr
    assert "a JSON array of objects with keys uuid, name, turns" in r.stderr, r.stderr
    assert "chatbeto reads" in r.stderr and "ChatGPT" in r.stderr, r.stderr
    assert home.query("sql SELECT COUNT(*) FROM conversations") == [["0"]]


def test_an_unrecognised_zip_lists_what_it_holds(home, tmp_path):
    zpath = tmp_path / "photos.zip"
    with zipfile.ZipFile(zpath, "w") as z:
        z.writestr("holiday/beach.jpg", b"\xff\xd8\xff\xe0 not really a jpeg")
        z.writestr("notes.txt", "remember the sunscreen")
    r = home.run(["import", str(zpath)], check=False)
    assert r.returncode != 0
    assert "a zip of 2 files (holiday/beach.jpg, notes.txt)" in r.stderr, r.stderr
    assert "chatbeto reads" in r.stderr, r.stderr


def test_forcing_chatgpt_on_a_file_of_another_shape_fails_clearly(home, tmp_path):
    other = tmp_path / "conversations.json"
    other.write_text(json.dumps({"hello": 1}))
    r = home.run(["import", "--source", "chatgpt", str(other)], check=False)
    assert r.returncode != 0
    assert "conversations.json" in r.stderr and "mapping" in r.stderr, r.stderr
