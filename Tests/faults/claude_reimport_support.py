"""Helpers for the re-import tests of exports that hold a conversation more than once
(test_claude_reimport_*.py): Claude conversations as successive snapshots ("versions") of one growing
tree, the stored state down to the columns a write touches, and the report's conversations line."""
import datetime
import json
import pathlib
import re

SENTINEL = "00000000-0000-4000-8000-000000000000"
BASE = datetime.datetime(2025, 3, 1, 9, 0, tzinfo=datetime.timezone.utc)

# Every step adds nodes to the tree of the step before and moves the visible leaf to the newest one.
STEPS = ("turn", "turn", "retry", "edit", "turn")

MESSAGE_SQL = ("sql SELECT conversation_id, node_id, IFNULL(parent_node_id, '-'), IFNULL(MD5(text), '-'), "
               "IFNULL(visible_index, '-'), on_visible_path, IFNULL(role, '-') FROM messages "
               "ORDER BY conversation_id, node_id")
CONVERSATION_SQL = ("sql SELECT id, IFNULL(MD5(title), '-'), IFNULL(current_node, '-'), message_count, "
                    "IFNULL(update_time, '-'), IFNULL(content_hash, '-'), IFNULL(imported_at, '-'), origin "
                    "FROM conversations ORDER BY id")


def stamp(minutes):
    return (BASE + datetime.timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%S.000000Z")


def versions(cid, start=0, steps=STEPS):
    """Snapshots of one Claude conversation after each step, oldest first: each a conversation object
    (title, `updated_at` and current leaf of its own) holding every node of the snapshots before it."""
    messages, out = [], []
    parent = {}
    clock = start
    leaf = None

    def add(node, sender, above, text):
        nonlocal clock
        clock += 1
        messages.append({"uuid": node, "sender": sender, "text": text, "created_at": stamp(clock),
                         "updated_at": stamp(clock), "content": [{"type": "text", "text": text}],
                         "attachments": [], "files": [], "parent_message_uuid": above})
        parent[node] = above
        return node

    for k, step in enumerate(steps):
        n = f"{cid[:8]}-{k}"
        if step == "turn" or leaf is None:
            human = add(f"{n}-h", "human", leaf or SENTINEL, f"question {n}")
        elif step == "edit":
            human = add(f"{n}-h", "human", parent[parent[leaf]], f"edited question {n}")
        else:  # retry: another reply to the same question
            human = parent[leaf]
        leaf = add(f"{n}-a", "assistant", human, f"{'retried ' if step == 'retry' else ''}answer {n}")
        out.append({"uuid": cid, "name": f"{cid[:8]} as of step {k}", "summary": "", "created_at": stamp(start),
                    "updated_at": stamp(clock), "current_leaf_message_uuid": leaf,
                    "chat_messages": [dict(m) for m in messages]})
    return out


def thread(version):
    """The visible thread of a snapshot: its current leaf up to the root."""
    parent = {m["uuid"]: m["parent_message_uuid"] for m in version["chat_messages"]}
    out, node = [], version["current_leaf_message_uuid"]
    while node in parent:
        out.append(node)
        node = parent[node]
    return list(reversed(out))


def node_ids(version):
    return {m["uuid"] for m in version["chat_messages"]}


def write_export(folder, conversations):
    """A bare Claude conversations.json holding these conversation objects, in this order."""
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "conversations.json"
    path.write_text(json.dumps(conversations))
    return path


def snapshot(home):
    """Every stored message and conversation row, with the columns an import writes (content hash,
    imported_at): equal snapshots mean nothing was written."""
    return home.query(MESSAGE_SQL), home.query(CONVERSATION_SQL)


def stored_thread(home, cid):
    rows = home.query(f"sql SELECT node_id FROM messages WHERE conversation_id = '{cid}' AND on_visible_path = 1 "
                      "ORDER BY visible_index")
    return [r[0] for r in rows]


def stored_nodes(home, cid):
    return {r[0] for r in home.query(f"sql SELECT node_id FROM messages WHERE conversation_id = '{cid}'")}


def conversations_line(output):
    """The report's 'conversations: N new, …' line, without the count of stored conversations the export
    does not hold (another export's)."""
    line = next(l for l in output.splitlines() if l.startswith("conversations: "))
    return re.sub(r", \d+ not in this export \(kept\)$", "", line)


def unchanged_line(n):
    return f"conversations: 0 new, 0 updated, {n} unchanged, 0 skipped"


def skipped_lines(output):
    return [l.strip() for l in output.splitlines() if re.match(r"\s+skipped ", l)]
