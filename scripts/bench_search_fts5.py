#!/usr/bin/env python3
"""The SQLite FTS5 peer of scripts/bench-search (not a test).

chatbeto-bench starts this once and talks to it over stdin/stdout, one JSON object a line, so the
same queries run against InnoDB and FTS5 interleaved in one run. The FTS5 table holds the same
messages as the benchmark's MariaDB (tokenizer `unicode61 remove_diacritics 2`, as llm and ctk use);
it is built once next to the benchmark's server and rebuilt when its message count differs.

Requests and replies:
  {"op": "count"}                          -> {"count": N}
  {"op": "reset"}                          -> {"ok": true}        drop and recreate the table
  {"op": "load", "rows": [[c, n, t], ...]} -> {"ok": true}        conversation id, node id, text
  {"op": "commit"}                         -> {"ok": true, "seconds": S}   commit, then optimize
  {"op": "query", "match": Q, "limit": L}  -> {"seconds": S, "hits": [[c, n], ...]}
The time of a query is measured here, around execute + fetchall, so pipe overhead is not counted.
"""
import json
import sqlite3
import sys
import time


def main() -> None:
    path = sys.argv[1]
    db = sqlite3.connect(path, isolation_level=None)
    # Keep the index hot, as the benchmark's 2 GB buffer pool does for InnoDB.
    db.execute("PRAGMA mmap_size = 4294967296")
    db.execute("PRAGMA cache_size = -1048576")
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    create = ("CREATE VIRTUAL TABLE IF NOT EXISTS messages USING fts5("
              "text, conversation_id UNINDEXED, node_id UNINDEXED, "
              "tokenize = 'unicode61 remove_diacritics 2')")
    db.execute(create)
    in_transaction = False
    out = sys.stdout
    for line in sys.stdin:
        request = json.loads(line)
        op = request["op"]
        if op == "count":
            reply = {"count": db.execute("SELECT COUNT(*) FROM messages").fetchone()[0]}
        elif op == "reset":
            db.execute("DROP TABLE IF EXISTS messages")
            db.execute(create)
            reply = {"ok": True}
        elif op == "load":
            if not in_transaction:
                db.execute("BEGIN")
                in_transaction = True
            db.executemany("INSERT INTO messages (conversation_id, node_id, text) VALUES (?, ?, ?)", request["rows"])
            reply = {"ok": True}
        elif op == "commit":
            start = time.perf_counter()
            if in_transaction:
                db.execute("COMMIT")
                in_transaction = False
            db.execute("INSERT INTO messages (messages) VALUES ('optimize')")
            reply = {"ok": True, "seconds": time.perf_counter() - start}
        elif op == "query":
            start = time.perf_counter()
            rows = db.execute(
                "SELECT conversation_id, node_id, text FROM messages WHERE messages MATCH ? ORDER BY rank LIMIT ?",
                (request["match"], request["limit"])).fetchall()
            reply = {"seconds": time.perf_counter() - start, "hits": [[c, n] for c, n, _ in rows]}
        else:
            reply = {"error": f"unknown op {op!r}"}
        out.write(json.dumps(reply) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
