"""chatbeto on a three-node MariaDB Galera cluster on loopback (scripts/galera), driven as a user would:
the real binary with --dsn at one node, the rows read back at the others, a node killed mid-import.

scripts/test-galera starts the cluster and passes its folder in GALERA_DIR; run alone, this module starts
(and stops) its own. The tests run in file order: the last one kills node 1."""
import hashlib
import importlib.util
import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
# The migrations chatbeto applies, in order, as the generated schema file lists them.
MIGRATIONS = [int(v) for v in re.findall(r"INSERT INTO schema_migrations \(version, name, applied_at\) VALUES \((\d+),",
                                         (ROOT / "schema_chatbeto.sql").read_text())]
BINARY = os.environ.get("CHATBETO_BIN", str(ROOT / ".build/debug/chatbeto"))
GALERA = ROOT / "scripts/galera"
GEN_EXPORT = ROOT / "scripts/gen_export.py"
CLIENT = shutil.which("mariadb") or shutil.which("mysql")

# The fake OpenAI server and how the end-to-end tests start it.
_spec = importlib.util.spec_from_file_location("e2e_fixtures", ROOT / "Tests/e2e/conftest.py")
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)


class Node:
    """One cluster node: its DSN for chatbeto and, for the test's own checks, root over its unix socket."""

    def __init__(self, cluster_dir, index, dsn):
        self.index = index
        self.dir = pathlib.Path(cluster_dir) / f"node{index}"
        self.dsn = dsn

    def dsn_for(self, database):
        return re.sub(r"/[^/]*$", "/" + database, self.dsn)

    def admin(self, sql):
        """Rows of `sql` run as the node's root account (lists of strings)."""
        out = subprocess.run([CLIENT, "--no-defaults", "-S", str(self.dir / "mysqld.sock"), "-uroot", "-N", "-B",
                              "-e", sql], capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise AssertionError(f"node {self.index}: {sql}\n{out.stderr}")
        return [line.split("\t") for line in out.stdout.splitlines()]

    def status(self, name):
        rows = self.admin(f"SHOW GLOBAL STATUS LIKE '{name}'")
        return rows[0][1] if rows else None

    def pid(self):
        return int((self.dir / "mysqld.pid").read_text().strip())

    def kill(self):
        """SIGKILL, as a crash or a pulled plug would; waits until the process is gone."""
        pid = self.pid()
        os.kill(pid, signal.SIGKILL)
        for _ in range(600):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)
        raise AssertionError(f"node {self.index} (pid {pid}) survived SIGKILL")


@pytest.fixture(scope="module")
def nodes():
    own = not os.environ.get("GALERA_DIR")
    cluster_dir = os.environ.get("GALERA_DIR") or tempfile.mkdtemp(prefix="chatbeto-galera-test.")
    env = dict(os.environ, GALERA_DIR=cluster_dir)
    if own:
        subprocess.run([str(GALERA), "start"], env=env, check=True, stdout=subprocess.DEVNULL, timeout=600)
    dsns = subprocess.run([str(GALERA), "dsns"], env=env, check=True, capture_output=True, text=True).stdout.split()
    assert len(dsns) == 3
    try:
        yield [Node(cluster_dir, i + 1, dsn) for i, dsn in enumerate(dsns)]
    finally:
        if own:
            subprocess.run([str(GALERA), "stop"], env=env, timeout=300)
            shutil.rmtree(cluster_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def fake():
    with tempfile.TemporaryDirectory() as d:
        f = e2e.Fake(d)
        yield f
        f.stop()


class User:
    """Someone running chatbeto against the cluster: one home (history, reader password), any node."""

    def __init__(self, home, fake=None):
        self.home = pathlib.Path(home)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("CHATBETO_", "OPENAI_"))}
        self.env.update(CHATBETO_HOME=str(self.home), NO_COLOR="1", TERM="dumb", PAGER="cat")
        if fake:
            self.env.update(OPENAI_API_KEY=e2e.API_KEY, OPENAI_BASE_URL=fake.base_url)

    def run(self, dsn, args, check=True, timeout=600):
        r = subprocess.run([BINARY, "--dsn", dsn] + list(args), capture_output=True, text=True, env=self.env,
                           timeout=timeout)
        if check and r.returncode != 0:
            raise AssertionError(f"chatbeto {args} at {dsn} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
        return r

    def spawn(self, dsn, args):
        return subprocess.Popen([BINARY, "--dsn", dsn] + list(args), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=self.env)

    def query(self, dsn, sql):
        out = self.run(dsn, ["--format", "tsv", "-e", "sql " + sql]).stdout
        return [line.split("\t") for line in out.splitlines()[1:] if line]

    def contents(self, dsn):
        """Counts and a checksum over the imported rows' ids and text, read through chatbeto at `dsn`."""
        counts = self.query(dsn, "SELECT (SELECT COUNT(*) FROM conversations) AS c, (SELECT COUNT(*) FROM messages) AS m, "
                                 "(SELECT COUNT(*) FROM assets) AS a, (SELECT COUNT(*) FROM projects) AS p")[0]
        digest = hashlib.sha256()
        for sql in ("SELECT id, MD5(COALESCE(title, '')), message_count, content_hash FROM conversations ORDER BY id",
                    "SELECT conversation_id, node_id, MD5(COALESCE(text, '')), role, visible_index FROM messages "
                    "ORDER BY conversation_id, node_id",
                    "SELECT conversation_id, node_id, position, asset_pointer FROM assets ORDER BY 1, 2, 3",
                    "SELECT chatgpt_project_id FROM projects ORDER BY 1"):
            for row in self.query(dsn, sql):
                digest.update("\t".join(row).encode() + b"\n")
        return {"conversations": int(counts[0]), "messages": int(counts[1]), "assets": int(counts[2]),
                "projects": int(counts[3]), "checksum": digest.hexdigest()}


def generate_export(folder, conversations, seed):
    out = pathlib.Path(folder) / f"export-{conversations}-{seed}" / "conversations.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["python3", str(GEN_EXPORT), "--conversations", str(conversations), "--seed", str(seed),
                    "--out", str(out), "--quiet"], check=True)
    return out


def create_database(node, name):
    """A second database for the chatbeto account, with the grants the README's recipe gives."""
    node.admin(f"DROP DATABASE IF EXISTS {name}; CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; "
               f"GRANT ALL ON {name}.* TO 'chatbeto'@'%' WITH GRANT OPTION")


def wait_for(condition, what, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_the_cluster_has_three_synced_nodes_on_loopback(nodes):
    for node in nodes:
        assert node.status("wsrep_cluster_size") == "3"
        assert node.status("wsrep_local_state_comment") == "Synced"
        assert re.match(r"mysql://chatbeto:[0-9a-f]+@127\.0\.0\.1:\d+/chatbeto$", node.dsn)
    # Every socket the nodes listen on is on the loopback address.
    listening = subprocess.run(["ss", "-Hltnp"], capture_output=True, text=True, check=True).stdout
    pids = {str(n.pid()) for n in nodes}
    ours = [l for l in listening.splitlines() if any(f"pid={p}," in l for p in pids)]
    assert len(ours) >= 6 and all(l.split()[3].startswith("127.0.0.1:") for l in ours), ours


def test_import_search_stats_and_chat_at_node_1_read_back_at_nodes_2_and_3(nodes, fake, tmp_path):
    n1, n2, n3 = nodes
    user = User(tmp_path / "home", fake)
    export = generate_export(tmp_path, 200, seed=1)

    r = user.run(n1.dsn, ["import", str(export)])
    assert "conversations: 200 new" in r.stdout

    # Galera certifies rows by primary key: every chatbeto table has one.
    without_pk = n1.admin("SELECT t.table_name FROM information_schema.tables t WHERE t.table_schema = 'chatbeto' "
                          "AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c WHERE "
                          "c.table_schema = t.table_schema AND c.table_name = t.table_name "
                          "AND c.constraint_type = 'PRIMARY KEY')")
    assert without_pk == []

    word = user.query(n1.dsn, "SELECT title FROM conversations WHERE CHAR_LENGTH(title) > 12 ORDER BY id LIMIT 1")[0][0]
    word = max(re.findall(r"\w+", word), key=len)
    searches = [user.run(n.dsn, ["-e", f"search {word} --all --limit 5"]).stdout for n in nodes]
    assert word.lower() in searches[0].lower() and searches[0].strip()
    assert searches[1] == searches[0] and searches[2] == searches[0]

    stats = [user.run(n.dsn, ["stats"]).stdout for n in nodes]
    assert re.search(r"conversations\s+200\b", stats[0])
    assert stats[1] == stats[0] and stats[2] == stats[0]

    conv = user.query(n1.dsn, "SELECT id FROM conversations ORDER BY update_time DESC, id LIMIT 1")[0][0]
    r = user.run(n1.dsn, ["--yes", "-e", f'open {conv}; ask "hello from node one"'])
    assert "You said: hello from node one" in r.stdout

    reference = user.contents(n1.dsn)
    assert reference["conversations"] == 200 and reference["messages"] > 3000
    turn_sql = ("SELECT m.role, m.text, c.openai_thread_id IS NOT NULL, c.current_node = m.node_id FROM messages m "
                f"JOIN conversations c ON c.id = m.conversation_id WHERE m.conversation_id = '{conv}' "
                "AND m.text LIKE '%hello from node one%' ORDER BY m.role DESC")
    turn = user.query(n1.dsn, turn_sql)
    assert turn == [["user", "hello from node one", "1", "0"], ["assistant", "You said: hello from node one", "1", "1"]]
    for node in (n2, n3):
        assert user.contents(node.dsn) == reference
        assert user.query(node.dsn, turn_sql) == turn
        # The read-only account chatbeto created at node 1 exists here too: user SQL may not write.
        refused = user.run(node.dsn, ["-e", "sql DELETE FROM messages"], check=False)
        assert refused.returncode == 1 and "denied" in refused.stderr.lower(), refused.stderr
        assert "read-only account" in user.run(node.dsn, ["status"]).stdout


def test_an_import_fits_a_small_write_set_limit(nodes, tmp_path):
    """Galera refuses a transaction above wsrep_max_ws_size. Here the limit at node 1 is 8 MB and the export
    (7 MB of JSON, about 11 MB of rows) has to go in as several transactions."""
    n1 = nodes[0]
    create_database(n1, "chatbeto_ws")
    limit = n1.admin("SELECT @@GLOBAL.wsrep_max_ws_size")[0][0]
    n1.admin("SET GLOBAL wsrep_max_ws_size = 8388608")
    try:
        user = User(tmp_path / "home")
        export = generate_export(tmp_path, 200, seed=1)
        r = user.run(n1.dsn_for("chatbeto_ws"), ["import", str(export)], check=False)
    finally:
        n1.admin(f"SET GLOBAL wsrep_max_ws_size = {limit}")
    assert r.returncode == 0, r.stderr
    assert user.contents(nodes[1].dsn_for("chatbeto_ws"))["conversations"] == 200


def test_first_starts_at_two_nodes_at_once_both_migrate_the_new_database(nodes, tmp_path):
    """GET_LOCK, which serialises migrations on one server, is local to a node on Galera: two chatbeto
    processes starting on a new database at node 1 and node 2 both apply the migrations."""
    n1, n2 = nodes[:2]
    for attempt in range(6):
        name = f"chatbeto_new{attempt}"
        create_database(n1, name)
        user = User(tmp_path / f"home{attempt}")
        starts = [user.spawn(n.dsn_for(name), ["status"]) for n in (n1, n2)]
        for p in starts:
            out, err = p.communicate(timeout=300)
            assert p.returncode == 0, err
            assert re.search(rf"schema version\s*\|\s*{MIGRATIONS[-1]}\b", out), out
        applied = n2.admin(f"SELECT GROUP_CONCAT(version ORDER BY version) FROM {name}.schema_migrations")
        assert applied == [[",".join(map(str, MIGRATIONS))]]


def test_imports_at_two_nodes_at_once_do_not_fail_on_a_write_conflict(nodes, tmp_path):
    n1, n2 = nodes[:2]
    create_database(n1, "chatbeto_two")
    export = generate_export(tmp_path, 200, seed=3)
    user = User(tmp_path / "home")
    user.run(n1.dsn_for("chatbeto_two"), ["status"])
    first = user.spawn(n1.dsn_for("chatbeto_two"), ["import", str(export)])
    wait_for(lambda: first.poll() is not None or int(n1.admin(
        "SELECT COALESCE(SUM(t.trx_rows_modified), 0) FROM information_schema.innodb_trx t "
        "JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id "
        "WHERE p.user = 'chatbeto' AND p.db = 'chatbeto_two'")[0][0]) > 100, "the first import to be writing")
    second = user.run(n2.dsn_for("chatbeto_two"), ["import", str(export)], check=False)
    _, first_err = first.communicate(timeout=600)
    # Each import either succeeds or is refused because the other runs; neither loses a write conflict.
    for rc, err in ((first.returncode, first_err), (second.returncode, second.stderr)):
        assert not re.search(r"ERROR (1213|1062|1205)", err), err
    user.run(n2.dsn_for("chatbeto_two"), ["import", str(export)])
    assert user.contents(n1.dsn_for("chatbeto_two")) == user.contents(n2.dsn_for("chatbeto_two"))
    assert user.contents(n2.dsn_for("chatbeto_two"))["conversations"] == 200


def test_killing_node_1_mid_import_then_rerunning_at_node_2_converges(nodes, tmp_path):
    n1, n2, n3 = nodes
    export = generate_export(tmp_path, 400, seed=2)
    for name in ("chatbeto_clean", "chatbeto_kill"):
        create_database(n1, name)

    # The clean import, on the intact cluster.
    user = User(tmp_path / "home")
    user.run(n3.dsn_for("chatbeto_clean"), ["import", str(export)])
    clean = user.contents(n3.dsn_for("chatbeto_clean"))
    rows_expected = clean["messages"] + clean["assets"] + clean["conversations"]

    importing = user.spawn(n1.dsn_for("chatbeto_kill"), ["import", str(export)])

    def midway():
        """True once the import has written a third of its rows: in its open transaction or committed."""
        if importing.poll() is not None:
            raise AssertionError(f"the import finished before node 1 was killed:\n{importing.communicate()}")
        open_rows = n1.admin("SELECT COALESCE(SUM(t.trx_rows_modified), 0) FROM information_schema.innodb_trx t "
                             "JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id "
                             "WHERE p.user = 'chatbeto' AND p.db = 'chatbeto_kill'")[0][0]
        tables = n1.admin("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'chatbeto_kill' "
                          "AND table_name IN ('messages', 'conversations')")[0][0]
        if int(open_rows) == 0 or tables != "2":
            return False
        committed = n1.admin("SELECT (SELECT COUNT(*) FROM chatbeto_kill.messages) + "
                             "(SELECT COUNT(*) FROM chatbeto_kill.conversations)")[0][0]
        return int(open_rows) + int(committed) >= rows_expected // 3

    wait_for(midway, "the import at node 1 to be a third done", timeout=300)
    n1.kill()
    out, err = importing.communicate(timeout=120)
    assert importing.returncode != 0, out
    assert "lost connection" in err.lower() or "gone away" in err.lower() or "can't connect" in err.lower(), err

    # Nodes 2 and 3 carry on as a two-node primary component.
    wait_for(lambda: n2.status("wsrep_cluster_size") == "2" and n2.status("wsrep_ready") == "ON",
             "nodes 2 and 3 to form a primary component without node 1")
    partial = user.contents(n2.dsn_for("chatbeto_kill"))
    assert partial["messages"] < clean["messages"]

    r = user.run(n2.dsn_for("chatbeto_kill"), ["import", str(export)])
    assert "conversations:" in r.stdout
    assert user.contents(n2.dsn_for("chatbeto_kill")) == clean
    assert user.contents(n3.dsn_for("chatbeto_kill")) == clean
    again = user.run(n3.dsn_for("chatbeto_kill"), ["import", str(export)])
    assert f"0 new, 0 updated, {clean['conversations']} unchanged" in again.stdout
