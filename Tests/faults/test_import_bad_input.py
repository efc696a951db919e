"""Salvage, don't drop (issue 8): broken trees, over-long messages and titles, invalid escapes, a zip
member with a wrong CRC-32 and a zip bomb. Each asserts the exact stored state afterwards."""
import json
import pathlib
import resource
import subprocess
import zipfile
import zlib

from conftest import BINARY, generate_export
from import_support import checksum, conversations, load, nodes, path_to, save, visible_path


def conv(cid, mapping, current, title="t"):
    return {"id": cid, "title": title, "create_time": 1700000000.0, "update_time": 1700000100.0,
            "mapping": mapping, "current_node": current}


def node(nid, parent, children, text=None, role="user", t=None):
    message = None if text is None else {"id": nid, "author": {"role": role}, "create_time": t,
                                         "content": {"content_type": "text", "parts": [text]}}
    return {"id": nid, "parent": parent, "children": children, "message": message}


def test_cycle_and_missing_parent_are_imported_whole_and_reported(home, tmp_path):
    export = generate_export(tmp_path / "export", conversations=3, seed=2)
    data = load(export)
    data.append(conv("with-cycle", {
        "r": node("r", None, ["u"]), "u": node("u", "r", ["a"], "question"), "a": node("a", "u", [], "answer", "assistant"),
        "x": node("x", "y", ["y"], "loop one"), "y": node("y", "x", ["x"], "loop two")}, "a"))
    data.append(conv("with-orphan", {
        "r": node("r", None, ["u"]), "u": node("u", "r", [], "first"),
        "o": node("o", "gone", ["p"], "orphan"), "p": node("p", "o", [], "orphan reply", "assistant")}, "p"))
    save(export, data)
    r = home.run(["import", str(export)])
    assert "5 new" in r.stdout and "0 skipped" in r.stdout, r.stdout
    assert "repaired conversation with-orphan, node o in conversations.json: its parent 'gone' is missing" in r.stdout
    assert "repaired conversation with-cycle, node x in conversations.json: its parent 'y' closes a cycle" in r.stdout
    assert "at byte 0" not in r.stdout
    stored = nodes(home)
    assert {k[1] for k in stored if k[0] == "with-cycle"} == {"r", "u", "a", "x", "y"}
    assert {k[1] for k in stored if k[0] == "with-orphan"} == {"r", "u", "o", "p"}
    assert stored[("with-orphan", "o")][0] == "gone" and stored[("with-cycle", "x")][0] == "-"
    assert visible_path(stored, "with-cycle") == ["r", "u", "a"]
    assert visible_path(stored, "with-orphan") == ["o", "p"]  # up to the break
    # A second import of the same file changes nothing.
    before = checksum(stored, fields=(0, 1, 2, 3))
    home.run(["import", str(export)])
    assert checksum(nodes(home), fields=(0, 1, 2, 3)) == before


def test_huge_message_is_capped_with_a_marker_and_bad_escapes_become_fffd(home, tmp_path):
    export = generate_export(tmp_path / "export", conversations=3, seed=4)
    data = load(export)
    big = "x" * (20 * 1000 * 1000)
    data.append(conv("huge", {"r": node("r", None, ["u"]), "u": node("u", "r", [], big)}, "u", title="T" * 1500))
    data.append(conv("escapes", {"r": node("r", None, ["u"]), "u": node("u", "r", [], "SURROGATE"),
                                 "v": node("v", "r", [], "BADESCAPE")}, "u"))
    text = json.dumps(data).replace("SURROGATE", "a\\ud800b").replace("BADESCAPE", "c\\xd")
    pathlib.Path(export).write_text(text)
    r = home.run(["import", str(export)])
    assert "5 new" in r.stdout and "0 skipped" in r.stdout, r.stdout
    assert "repaired conversation huge, node u in conversations.json: its text of 20000000 bytes is over the" in r.stdout
    assert "repaired conversation huge in conversations.json: its title of 1500 characters" in r.stdout
    assert "repaired conversation escapes in conversations.json: 2 invalid escapes" in r.stdout
    rows = home.query("sql SELECT LENGTH(text), RIGHT(text, 100) LIKE '%message truncated by chatbeto%' FROM messages "
                      "WHERE conversation_id = 'huge' AND node_id = 'u'")
    assert rows[0][1] == "1" and 15_000_000 < int(rows[0][0]) <= 16_777_215
    rows = home.query("sql SELECT node_id, HEX(text) FROM messages WHERE conversation_id = 'escapes' AND text IS NOT NULL ORDER BY node_id")
    assert rows == [["u", "61EFBFBD62"], ["v", "63EFBFBD64"]]
    assert home.query("sql SELECT COUNT(*) FROM messages")[0][0] == str(sum(len(c["mapping"]) for c in data))


def test_zip_member_with_a_wrong_crc_is_an_error_naming_it(home, tmp_path):
    export = generate_export(tmp_path / "export", conversations=4, seed=6)
    zpath = tmp_path / "export.zip"
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_STORED) as z:
        z.write(export, "conversations.json")
    raw = bytearray(zpath.read_bytes())
    at = raw.index(b'"parts": ["', raw.index(b'"role": "user"')) + 11
    while not (0x61 <= raw[at] <= 0x7A and 0x61 <= raw[at] ^ 0x01 <= 0x7A):
        at += 1
    raw[at] ^= 0x01  # one flipped bit in a letter of a message: still valid JSON
    zpath.write_bytes(bytes(raw))
    r = home.run(["import", str(zpath)], check=False)
    assert r.returncode != 0
    assert "export.zip:conversations.json" in r.stderr and "CRC" in r.stderr, r.stderr
    assert home.query("sql SELECT COUNT(*) FROM conversations") == [["0"]]


def test_a_zip_bomb_is_refused_with_bounded_memory(home, tmp_path):
    # 0.5 MB of zip holding one conversation whose message is a 500 MB string.
    zpath = tmp_path / "bomb.zip"
    head = json.dumps([{"id": "ok", "mapping": {"r": node("r", None, [])}, "current_node": "r"}])[:-1]
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("conversations.json", "w", force_zip64=True) as f:
            f.write((head + ', {"id": "bomb", "mapping": {"r": {"id": "r", "parent": null, "children": [], "message": '
                     '{"id": "r", "content": {"content_type": "text", "parts": ["').encode())
            chunk = b"A" * (1 << 20)
            for _ in range(500):
                f.write(chunk)
            f.write(b'"]}}}}}]')
    assert zpath.stat().st_size < 1_000_000
    home.run(["-e", "sql SELECT 1"])  # the server starts outside the measured child
    proc = subprocess.Popen([BINARY, "import", str(zpath)], env=home.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=600)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert peak_kb < 1_000_000, f"peak RSS {peak_kb} KB"
    assert "over the 128 MB one conversation may take; refused" in out + err, out + err
    assert home.query("sql SELECT id FROM conversations") == [["ok"]]


def test_ids_over_the_column_width_are_reported_never_cut(home, tmp_path):
    export = generate_export(tmp_path / "export", conversations=2, seed=7)
    data = load(export)
    long_id = "c" * 80
    data.append(conv(long_id, {"r": node("r", None, ["u"]), "u": node("u", "r", [], "hello")}, "u"))
    data.append(conv("long-node", {"r": node("r", None, ["n" * 70]), "n" * 70: node("n" * 70, "r", [], "hello")}, "n" * 70))
    save(export, data)
    r = home.run(["import", str(export)])
    assert "2 new" in r.stdout and "2 skipped" in r.stdout, r.stdout
    assert f"skipped {long_id} in conversations.json" in r.stdout and "longer than the 64 bytes chatbeto stores (80 bytes)" in r.stdout
    assert "skipped long-node in conversations.json" in r.stdout and "(70 bytes)" in r.stdout
    ids = {row[0] for row in home.query("sql SELECT id FROM conversations")}
    assert ids == {c["id"] for c in data[:2]}
