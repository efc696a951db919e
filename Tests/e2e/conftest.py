"""Fixtures for end-to-end tests: the built binary, a private chatbeto home (its own MariaDB), the fake OpenAI server."""
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("CHATBETO_BIN", str(ROOT / ".build/debug/chatbeto"))
FAKE = ROOT / "Tests/FakeOpenAI/fake_openai.py"
API_KEY = "sk-e2e-0123456789abcdefSECRETKEYZZ"

FIXTURE_SQL = """\
set sql-write on
INSERT INTO projects (id, name, name_source, instructions) VALUES (1, 'Wordpress', 'user', 'Answer briefly.');
INSERT INTO conversations (id, project_id, title, update_time, current_node, message_count) VALUES ('c1', 1, 'Plugin help', '2024-05-01 10:00:00', 'm4', 4);
INSERT INTO messages (conversation_id, node_id, parent_node_id, visible_index, on_visible_path, is_hidden, role, text) VALUES ('c1','m0',NULL,0,1,1,'system','hidden system prompt'),('c1','m1','m0',1,1,0,'user','How do I write a plugin?'),('c1','m2','m1',2,1,0,'assistant','Create a PHP file.'),('c1','t1','m2',3,1,0,'tool','tool output'),('c1','m4','t1',4,1,0,'assistant','Then activate it.');
"""


class Fake:
    def __init__(self, workdir):
        port_file = pathlib.Path(workdir) / "fake.port"
        self.proc = subprocess.Popen([sys.executable, str(FAKE), "--port", "0", "--port-file", str(port_file),
                                      "--api-key", API_KEY], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.05)
        self.port = int(port_file.read_text().strip())
        self.base_url = f"http://127.0.0.1:{self.port}/v1"

    def control(self, method, name, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/__fake/{name}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req) as r:
            text = r.read()
            return json.loads(text) if text else None

    def configure(self, **settings):
        self.control("POST", "config", settings)

    def faults(self, *faults):
        self.control("POST", "faults", {"faults": list(faults)})

    def requests(self, path=""):
        """Recorded requests to paths starting with `path`, bodies parsed from JSON."""
        out = []
        for r in self.control("GET", "requests")["requests"]:
            if r["path"].startswith(path):
                if isinstance(r.get("body"), str) and r["body"]:
                    try:
                        r["body"] = json.loads(r["body"])
                    except ValueError:
                        pass
                out.append(r)
        return out

    def stop(self):
        self.proc.terminate()
        self.proc.wait(5)


class Home:
    """A chatbeto home with its own MariaDB, the fixture project and conversation."""

    def __init__(self, path, fake):
        self.path = pathlib.Path(path)
        self.fake = fake
        self.env = dict(os.environ, CHATBETO_HOME=str(self.path), NO_COLOR="1", TERM="dumb", PAGER="cat",
                        OPENAI_API_KEY=API_KEY, OPENAI_BASE_URL=fake.base_url)
        self.env.pop("CHATBETO_DSN", None)
        self.env.pop("CHATBETO_MODEL", None)
        fixture = self.path / "fixture.sql"
        self.path.mkdir(parents=True, exist_ok=True)
        fixture.write_text(FIXTURE_SQL)
        self.run(["--yes", "-f", str(fixture)])

    def run(self, args, stdin=None, env=None, check=True):
        result = subprocess.run([BINARY] + args, input=stdin, capture_output=True, text=True,
                                env=dict(self.env, **(env or {})), timeout=120)
        if check and result.returncode != 0:
            raise AssertionError(f"chatbeto {args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result

    def query(self, sql):
        """Rows of a query as lists of strings (TSV)."""
        out = self.run(["--format", "tsv", "-e", sql]).stdout
        lines = [l for l in out.splitlines() if l]
        return [l.split("\t") for l in lines[1:]]

    def stop_server(self):
        pid_file = self.path / "mysql/run/mariadbd.pid"
        if pid_file.exists():
            pid = int(pid_file.read_text().strip())
            try:
                os.kill(pid, signal.SIGTERM)
                for _ in range(200):
                    os.kill(pid, 0)
                    time.sleep(0.05)
            except ProcessLookupError:
                pass


@pytest.fixture
def fake(tmp_path):
    f = Fake(tmp_path)
    yield f
    f.stop()


@pytest.fixture
def home(tmp_path, fake):
    h = Home(tmp_path / "home", fake)
    yield h
    h.stop_server()
    # Each home holds a MariaDB data directory (~300 MB); pytest keeps its last three runs' folders.
    shutil.rmtree(h.path, ignore_errors=True)
