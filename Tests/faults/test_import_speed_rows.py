"""The rows an import stores, checked against an independent Python reading of the same JSON: a guard for
work on the import's speed (parser, writer, pipeline), which must leave every stored value as it was.

A generated export is made hostile (escapes of every kind, surrogate pairs, raw UTF-8, control characters,
NUL, U+2028, a node id written with \\u escapes, numbers in exponent form) and imported; then every message
row (ids, parent, role, content type, text, times, weight, end_turn, the visible thread, the raw JSON) and
every conversation row is compared with what `json` reads from the file."""
import json
import math
import pathlib

from conftest import generate_export

HOSTILE = [
    'quote " backslash \\ slash / tab \t newline \n cr \r formfeed \f backspace \b',
    "controls \x01\x1f and a NUL \x00 inside",
    "emoji \U0001F600\U0001F44D\U0001F3FD surrogates, CJK \u6f22\u5b57, combining e\u0301, \u2028\u2029 separators, "
    "BOM \ufeff, last code point \U0010FFFF",
    "   leading and trailing spaces   \n\n",
    "",
]
# Replaced in the written bytes, so the file holds forms json.dumps never writes.
SLASH_MARK, SLASH_FORM = "SLASHMARK", "a\\/b"          # reads as "a/b"
TIME_MARK, TIME_FORM = "1700000000.25", "1.70000000025e9"
WEIGHT_MARK, WEIGHT_FORM = "0.375", "3.75E-1"
ODD_NODE = "n\u00f6de-\u00fc-\u2603"                   # written as \\u escapes with ensure_ascii


def rename_node(conv, old, new):
    mapping = conv["mapping"]
    node = mapping.pop(old)
    node["id"] = new
    if node.get("message"):
        node["message"]["id"] = new
    mapping[new] = node
    for n in mapping.values():
        if n.get("parent") == old:
            n["parent"] = new
        n["children"] = [new if c == old else c for c in n.get("children") or []]
    if conv.get("current_node") == old:
        conv["current_node"] = new


def make_hostile(path):
    conversations = json.loads(path.read_text())
    k = 0
    for ci, conv in enumerate(conversations):
        for node in conv["mapping"].values():
            m = node.get("message")
            if not m or m["content"].get("content_type") != "text":
                continue
            if all(isinstance(p, str) for p in m["content"].get("parts") or []):
                m["content"]["parts"] = [HOSTILE[k % len(HOSTILE)], SLASH_MARK if k % 3 == 0 else "x"]
                k += 1
        if ci == 2:  # a conversation written with \u escapes
            leaf = conv["current_node"]
            rename_node(conv, leaf, ODD_NODE)
            m = conv["mapping"][ODD_NODE]["message"]
            m["create_time"] = float(TIME_MARK)
            m["weight"] = float(WEIGHT_MARK)
            conv["title"] = HOSTILE[2]
    # Half the conversations as \\u escapes, half as raw UTF-8, in one top-level array.
    parts = [json.dumps(c, ensure_ascii=(i % 2 == 0)) for i, c in enumerate(conversations)]
    text = "[" + ",\n".join(parts) + "]"
    assert text.count(TIME_MARK) == 1 and text.count(WEIGHT_MARK) == 1
    text = text.replace(SLASH_MARK, SLASH_FORM).replace(TIME_MARK, TIME_FORM).replace(WEIGHT_MARK, WEIGHT_FORM)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return json.loads(path.read_bytes())


def sql_time(t):
    if not isinstance(t, (int, float)) or isinstance(t, bool):
        return None
    micros = math.floor(t * 1_000_000 + 0.5)
    days, rest = divmod(micros, 86_400_000_000)
    import datetime
    d = datetime.date(1970, 1, 1) + datetime.timedelta(days=days)
    s, f = divmod(rest, 1_000_000)
    return f"{d.isoformat()} {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.{f:06d}"


def visible_path(conv):
    mapping, out, cursor = conv["mapping"], [], conv.get("current_node")
    while cursor is not None and cursor in mapping:
        out.append(cursor)
        cursor = mapping[cursor].get("parent")
    return list(reversed(out))


def unhex(v):
    return None if v == "-" else bytes.fromhex(v).decode("utf-8")


def test_stored_rows_match_an_independent_reading_of_the_json(home, tmp_path):
    path = generate_export(tmp_path / "export", conversations=14, seed=5, projects=2)
    conversations = make_hostile(pathlib.Path(path))
    home.run(["import", str(path)])

    rows = home.query(
        "sql SELECT HEX(conversation_id), HEX(node_id), IFNULL(HEX(parent_node_id), '-'), IFNULL(role, '-'), "
        "IFNULL(content_type, '-'), IFNULL(HEX(text), '-'), IFNULL(create_time, '-'), IFNULL(weight, '-'), "
        "IFNULL(end_turn, '-'), IFNULL(visible_index, '-'), on_visible_path, IFNULL(HEX(raw), '-'), "
        "IFNULL(HEX(author_name), '-'), IFNULL(HEX(recipient), '-'), IFNULL(status, '-') FROM messages")
    stored = {(unhex(r[0]), unhex(r[1])): r[2:] for r in rows}
    expected_keys = {(c["id"], n) for c in conversations for n in c["mapping"]}
    assert set(stored) == expected_keys

    checked_text = checked_odd = 0
    for conv in conversations:
        path_nodes = visible_path(conv)
        for node_id, node in conv["mapping"].items():
            parent, role, ctype, text, ctime, weight, end_turn, vis, on_path, raw, author, recipient, status = \
                stored[(conv["id"], node_id)]
            assert unhex(parent) == node.get("parent"), node_id
            assert (vis, on_path) == ((str(path_nodes.index(node_id)), "1") if node_id in path_nodes else ("-", "0")), node_id
            m = node.get("message")
            if not m:
                assert (role, raw) == ("-", "-"), node_id
                continue
            assert json.loads(unhex(raw)) == m, node_id
            assert role == (m["author"]["role"] or "-")
            assert unhex(author) == m["author"].get("name")
            assert unhex(recipient) == m.get("recipient")
            assert status == (m.get("status") or "-")
            assert ctype == m["content"]["content_type"]
            assert ctime == (sql_time(m.get("create_time")) or "-"), node_id
            w = m.get("weight")
            assert (weight == "-") if w is None else math.isclose(float(weight), w), node_id
            assert end_turn == {True: "1", False: "0", None: "-"}[m.get("end_turn")]
            parts = m["content"].get("parts")
            if ctype == "text" and parts is not None and all(isinstance(p, str) for p in parts):
                assert unhex(text) == "".join(parts), node_id
                checked_text += 1
            elif ctype in ("code", "execution_output"):
                assert unhex(text) == m["content"]["text"], node_id
            if node_id == ODD_NODE:
                assert ctime == "2023-11-14 22:13:20.250000" and float(weight) == 0.375
                checked_odd += 1
    assert checked_text >= 20 and checked_odd == 1

    convs = {unhex(r[0]): r[1:] for r in home.query(
        "sql SELECT HEX(id), IFNULL(HEX(title), '-'), IFNULL(HEX(current_node), '-'), message_count, "
        "IFNULL(create_time, '-'), IFNULL(update_time, '-') FROM conversations")}
    assert set(convs) == {c["id"] for c in conversations}
    for conv in conversations:
        title, current, count, ctime, utime = convs[conv["id"]]
        assert unhex(title) == conv.get("title")
        assert unhex(current) == conv.get("current_node")
        assert int(count) == len(conv["mapping"])
        assert ctime == (sql_time(conv.get("create_time")) or "-")
        assert utime == (sql_time(conv.get("update_time")) or "-")
