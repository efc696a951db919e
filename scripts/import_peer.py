#!/usr/bin/env python3
"""The simplest importer a user could write, the peer scripts/bench-import times chatbeto against:
json.load of conversations.json, then executemany of the seed schema's rows (projects, conversations,
messages: id, role, text, times) into MySQL in batches of 1000 rows, one commit at the end.

    python3 scripts/import_peer.py --socket S --database D conversations.json

Needs mysqlclient (Tests/requirements.txt). Creates the tables (dropping them first)."""
import argparse
import datetime
import json

import MySQLdb

SCHEMA = [
    "DROP TABLE IF EXISTS messages, conversations, projects",
    """CREATE TABLE projects (id VARCHAR(64) PRIMARY KEY) CHARSET utf8mb4""",
    """CREATE TABLE conversations (id VARCHAR(64) PRIMARY KEY, project_id VARCHAR(64), title TEXT,
         create_time DATETIME(6), update_time DATETIME(6)) CHARSET utf8mb4""",
    """CREATE TABLE messages (conversation_id VARCHAR(64), id VARCHAR(64), role VARCHAR(32), text MEDIUMTEXT,
         create_time DATETIME(6), PRIMARY KEY (conversation_id, id)) CHARSET utf8mb4""",
]
BATCH = 1000


def when(seconds):
    if seconds is None:
        return None
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).replace(tzinfo=None)


def text_of(content):
    parts = (content or {}).get("parts") or []
    return "\n".join(p for p in parts if isinstance(p, str)) or None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--socket", required=True)
    ap.add_argument("--database", required=True)
    ap.add_argument("--user", default="root")
    ap.add_argument("file")
    args = ap.parse_args()

    with open(args.file, encoding="utf-8") as f:
        conversations = json.load(f)
    db = MySQLdb.connect(unix_socket=args.socket, user=args.user, charset="utf8mb4")
    cur = db.cursor()
    cur.execute(f"CREATE DATABASE IF NOT EXISTS `{args.database}` CHARACTER SET utf8mb4")
    cur.execute(f"USE `{args.database}`")
    for statement in SCHEMA:
        cur.execute(statement)

    projects, convs, messages = set(), [], []

    def send(sql, rows):
        for i in range(0, len(rows), BATCH):
            cur.executemany(sql, rows[i:i + BATCH])

    for c in conversations:
        cid = c.get("conversation_id") or c["id"]
        project = c.get("conversation_template_id") or (c.get("gizmo_id") if c.get("gizmo_type") == "snorlax" else None)
        if project:
            projects.add(project)
        convs.append((cid, project, c.get("title"), when(c.get("create_time")), when(c.get("update_time"))))
        for node_id, node in (c.get("mapping") or {}).items():
            m = node.get("message")
            if not m:
                continue
            messages.append((cid, node_id, (m.get("author") or {}).get("role"), text_of(m.get("content")),
                             when(m.get("create_time"))))
    send("INSERT INTO projects (id) VALUES (%s)", [(p,) for p in sorted(projects)])
    send("INSERT INTO conversations (id, project_id, title, create_time, update_time) VALUES (%s, %s, %s, %s, %s)", convs)
    send("INSERT INTO messages (conversation_id, id, role, text, create_time) VALUES (%s, %s, %s, %s, %s)", messages)
    db.commit()
    print(f"{len(convs)} conversations, {len(messages)} messages, {len(projects)} projects")


if __name__ == "__main__":
    main()
