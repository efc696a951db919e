"""Model-based test of import (issue 8): random sequences of import / local turn / re-import of a grown
export / export / re-import, checked after every step against "no node ever disappears, and the visible
path is what the rules say" (the most recent leaf of the export's current_node and the local one)."""
import copy
import json
import time

from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import generate_export
from import_support import add_turn, load, nodes, path_to, save, visible_path, fake  # noqa: F401 (fake: a fixture)

LOCAL_TIME = time.time()  # local turns are "now": later than PAST export turns, earlier than FUTURE ones
PAST, FUTURE = 1_700_000_000.0, 4_102_444_800.0


def stored_parents(stored, conversation):
    return {k[1]: {"parent": None if v[0] == "-" else v[0]} for k, v in stored.items() if k[0] == conversation}


operations = st.lists(st.tuples(st.sampled_from(["import", "local", "grow-past", "grow-future", "roundtrip"]),
                                st.integers(0, 1)), min_size=3, max_size=7)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
@example(ops=[("import", 0), ("local", 0), ("grow-past", 0), ("import", 0), ("roundtrip", 0)])
@example(ops=[("import", 1), ("grow-future", 1), ("local", 1), ("import", 1), ("grow-past", 1), ("import", 1)])
def test_random_sequences_never_lose_a_node_and_follow_the_rules(home, tmp_path, fake, ops):
    base = load(generate_export(tmp_path / "base", conversations=2, seed=11, projects=0))
    home.run(["--yes", "-e", "set sql-write on; sql DELETE FROM conversations; sql DELETE FROM projects; sql DELETE FROM gizmos"])
    export = copy.deepcopy(base)
    ids = [c["id"] for c in export]
    export_file = tmp_path / "current" / "conversations.json"
    export_file.parent.mkdir(exist_ok=True)
    leaf = {}            # the model: conversation -> expected visible leaf
    times = {}           # node -> create time as the model sees it
    imported_bytes = {}  # conversation -> its JSON as last imported (unchanged bytes are skipped)
    ever = set()
    grown = 0

    def ancestors(parents, node):
        return set(path_to(parents, node))

    def do_import():
        save(export_file, export)
        home.run(["import", str(export_file)])
        stored = nodes(home)
        for c in export:
            cid, e = c["id"], c["current_node"]
            text = json.dumps(c)
            if cid not in leaf:
                leaf[cid] = e
            elif imported_bytes.get(cid) != text:
                local = leaf[cid]
                parents = stored_parents(stored, cid)
                if local == e or local in ancestors(parents, e):
                    leaf[cid] = e
                elif e in ancestors(parents, local):
                    leaf[cid] = local
                elif times.get(local, 0) > times.get(e, 0):
                    leaf[cid] = local
                else:
                    leaf[cid] = e
            imported_bytes[cid] = text

    for op, which in ops:
        cid = ids[which]
        if op == "import":
            do_import()
        elif op == "local" and cid in leaf:
            before = set(nodes(home))
            home.run(["--yes", "-e", f'open {cid}; ask "local turn {len(ever)}"'], env=fake.env)
            new = [k for k, v in nodes(home).items() if k not in before]
            assert len(new) == 2
            reply = next(k[1] for k in new if nodes(home)[k][5] == "assistant")
            for k in new:
                times[k[1]] = LOCAL_TIME
            leaf[cid] = reply
        elif op.startswith("grow"):
            c = next(c for c in export if c["id"] == cid)
            when = (PAST if op == "grow-past" else FUTURE) + grown
            grown += 1
            q = add_turn(c, c["current_node"], f"{cid[:8]}-q{grown}", "user", f"grown question {grown}", when)
            a = add_turn(c, q, f"{cid[:8]}-a{grown}", "assistant", f"grown answer {grown}", when + 0.5)
            times[q], times[a] = when, when + 0.5
            c["current_node"] = a
        elif op == "roundtrip" and cid in leaf:
            out = tmp_path / "roundtrip.json"
            before = nodes(home)
            home.run(["-e", f"export {cid} --format json --out {out}"])
            home.run(["import", str(out)])
            assert nodes(home) == before, "re-importing chatbeto's own export changed the store"
        stored = nodes(home)
        assert ever <= set(stored), f"nodes disappeared after {op}: {ever - set(stored)}"
        ever |= set(stored)
        for conversation, expected in leaf.items():
            assert visible_path(stored, conversation) == path_to(stored_parents(stored, conversation), expected), \
                f"visible path of {conversation} after {ops}"
