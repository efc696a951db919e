"""Helpers for the import fault tests (test_import_*.py): the stored tree of every conversation,
a checksum over ids and text, export editing, and the fake OpenAI server for local turns."""
import hashlib
import json
import pathlib
import re
import subprocess
import sys
import time

import pexpect
import pytest

from conftest import BINARY

ROOT = pathlib.Path(__file__).resolve().parents[2]
FAKE = ROOT / "Tests/FakeOpenAI/fake_openai.py"
API_KEY = "sk-faults-0123456789abcdefIMPORTKEY"

NODE_SQL = ("sql SELECT conversation_id, node_id, IFNULL(parent_node_id, '-'), IFNULL(MD5(text), '-'), "
            "IFNULL(visible_index, '-'), on_visible_path, IFNULL(response_id, '-'), IFNULL(role, '-') "
            "FROM messages ORDER BY conversation_id, node_id")
CONV_SQL = ("sql SELECT id, IFNULL(MD5(title), '-'), IFNULL(current_node, '-'), message_count, origin "
            "FROM conversations ORDER BY id")


class Fake:
    """The fake OpenAI server of Tests/FakeOpenAI, on an ephemeral loopback port."""

    def __init__(self, workdir):
        port_file = pathlib.Path(workdir) / "fake.port"
        self.proc = subprocess.Popen([sys.executable, str(FAKE), "--port", "0", "--port-file", str(port_file),
                                      "--api-key", API_KEY], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.05)
        self.port = int(port_file.read_text().strip())
        self.env = {"OPENAI_API_KEY": API_KEY, "OPENAI_BASE_URL": f"http://127.0.0.1:{self.port}/v1"}

    def stop(self):
        self.proc.terminate()
        self.proc.wait(5)


@pytest.fixture
def fake(tmp_path):
    """A fake OpenAI server for the test, stopped after it (import it into the test module to use it)."""
    f = Fake(tmp_path)
    yield f
    f.stop()


def nodes(home):
    """Every stored node: {(conversation, node): (parent, md5(text), visible_index, on_path, response_id, role)}."""
    return {(r[0], r[1]): tuple(r[2:]) for r in home.query(NODE_SQL)}


def conversations(home):
    return {r[0]: tuple(r[1:]) for r in home.query(CONV_SQL)}


def checksum(node_map, fields=(0, 1)):
    """A checksum over ids and the chosen node fields (default: parent and text)."""
    h = hashlib.sha256()
    for key in sorted(node_map):
        h.update(repr((key, tuple(node_map[key][i] for i in fields))).encode())
    return h.hexdigest()


def state(home):
    """(node count, conversation count, checksum over ids, parents, text and the visible path)."""
    n = nodes(home)
    return len(n), len(conversations(home)), checksum(n, fields=(0, 1, 2, 3))


def visible_path(node_map, conversation):
    """Node ids on the stored visible path of one conversation, in order."""
    on = [(int(v[2]), k[1]) for k, v in node_map.items() if k[0] == conversation and v[3] == "1"]
    return [n for _, n in sorted(on)]


def load(path):
    return json.loads(pathlib.Path(path).read_text())


def save(path, data):
    pathlib.Path(path).write_text(json.dumps(data))


def path_to(mapping, leaf):
    out, seen = [], set()
    while leaf is not None and leaf in mapping and leaf not in seen:
        seen.add(leaf)
        out.append(leaf)
        leaf = mapping[leaf].get("parent")
    return list(reversed(out))


def add_turn(conversation, parent, node_id, role, text, create_time):
    """Adds one message node under `parent` in an export conversation object."""
    mapping = conversation["mapping"]
    mapping[node_id] = {"id": node_id, "parent": parent, "children": [], "message": {
        "id": node_id, "author": {"role": role, "name": None, "metadata": {}}, "create_time": create_time,
        "update_time": None, "content": {"content_type": "text", "parts": [text]}, "status": "finished_successfully",
        "end_turn": role == "assistant" or None, "weight": 1.0, "metadata": {}, "recipient": "all", "channel": None}}
    mapping[parent]["children"].append(node_id)
    return node_id


def clean_state_and_fresh_home(make_home, export):
    """The stored state a clean import of `export` leaves (in a home of its own, stopped after), and a
    fresh home with its server up, for a test that interrupts an import and compares."""
    clean = make_home("clean")
    clean.run(["import", str(export)])
    expected = state(clean)
    clean.stop_server()
    home = make_home("home")
    home.run(["-e", "sql SELECT 1"])
    return expected, home


def import_on_a_terminal(home, path, timeout=300):
    """`import path` in a pseudo-terminal (160 columns), which must succeed: the progress lines it drew, and
    everything it wrote."""
    child = pexpect.spawn(BINARY, ["import", str(path)], env=dict(home.env, TERM="xterm", LANG="C.UTF-8"),
                          encoding="utf-8", timeout=timeout, dimensions=(40, 160))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return [l for l in re.split(r"[\r\n]", child.before) if "conv" in l and "%" in l], child.before
