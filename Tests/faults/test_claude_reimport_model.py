"""Model-based test of exports holding a conversation more than once (issue 11): random sequences of
import A / import B / re-import / local chat turn, where A and B each hold random snapshots of two
growing Claude conversations, some twice, in any order. After every step: no node is lost, the stored
nodes are those of the latest snapshot any import held plus the local turns, the visible thread is
the latest snapshot's (or ends at the last local turn), and a re-import changes nothing and reports
every conversation unchanged."""
from hypothesis import HealthCheck, example, given, settings, strategies as st

from claude_reimport_support import (conversations_line, snapshot, stored_nodes, stored_thread, thread, node_ids,
                                     unchanged_line, versions, write_export)
from import_support import fake  # noqa: F401 (fake: a fixture)

IDS = ["c4000000-0000-4000-8000-000000000001", "c4000000-0000-4000-8000-000000000002"]
VERSIONS = {cid: versions(cid, start=1000 * i) for i, cid in enumerate(IDS)}


copies = st.lists(st.tuples(st.sampled_from(IDS), st.integers(0, len(VERSIONS[IDS[0]]) - 1)), min_size=1, max_size=4)
operations = st.lists(st.one_of(st.tuples(st.just("import"), st.integers(0, 1)), st.tuples(st.just("reimport"), st.just(0)),
                                st.tuples(st.just("local"), st.integers(0, 1))), min_size=2, max_size=6)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=copies, b=copies, ops=operations)
@example(a=[(IDS[0], 1), (IDS[0], 3)], b=[(IDS[0], 4), (IDS[0], 2)],
         ops=[("import", 0), ("local", 0), ("reimport", 0), ("import", 1), ("reimport", 0)])
@example(a=[(IDS[0], 2)], b=[(IDS[0], 1), (IDS[0], 3), (IDS[1], 0)],
         ops=[("import", 0), ("import", 1), ("reimport", 0), ("import", 0), ("reimport", 0)])
def test_random_imports_of_twice_held_conversations(home, tmp_path, fake, a, b, ops):
    home.run(["--yes", "-e", "set sql-write on; sql DELETE FROM conversations; sql DELETE FROM projects"])
    exports = [write_export(tmp_path / name, [VERSIONS[cid][k] for cid, k in held]) for name, held in (("a", a), ("b", b))]
    latest = {}          # conversation -> the latest snapshot an import held
    local = {}           # conversation -> its local nodes
    local_thread = {}    # conversation -> the visible thread after its last local turn
    ever = set()
    last = None
    for op, which in ops:
        if op == "import":
            last = which
            home.run(["import", str(exports[which])])
            for cid, k in (a, b)[which]:
                if k >= latest.get(cid, -1):
                    latest[cid] = k
        elif op == "reimport" and last is not None:
            before = snapshot(home)
            out = home.run(["import", str(exports[last])]).stdout
            assert conversations_line(out) == unchanged_line(len((a, b)[last])), (ops, out)
            assert snapshot(home) == before, f"re-import changed the store after {ops}"
        elif op == "local" and IDS[which] in latest:
            cid = IDS[which]
            nodes_before = stored_nodes(home, cid)
            home.run(["--yes", "-e", f'open {cid}; ask "local turn {len(ever)}"'], env=fake.env)
            new = stored_nodes(home, cid) - nodes_before
            assert len(new) == 2
            local.setdefault(cid, set()).update(new)
            local_thread[cid] = stored_thread(home, cid)
        stored = {(cid, n) for cid in IDS for n in stored_nodes(home, cid)}
        assert ever <= stored, f"nodes lost after {op} in {ops}: {ever - stored}"
        ever |= stored
        for cid, k in latest.items():
            assert stored_nodes(home, cid) == node_ids(VERSIONS[cid][k]) | local.get(cid, set()), (cid, ops)
            want = local_thread.get(cid) or thread(VERSIONS[cid][k])
            assert stored_thread(home, cid) == want, (cid, ops)
