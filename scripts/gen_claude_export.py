#!/usr/bin/env python3
"""A deterministic Claude.ai export (the 2026 tree shape: parent_message_uuid links) for tests at scale.

    gen_claude_export.py --conversations 300 --seed 1 --out export.zip [--expect expect.json]

Writes a G2-style zip (conversations.json as one line with ensure_ascii, users.json, projects.json) or,
when --out ends in .json, the conversations file alone. Conversations have retries (assistant siblings),
edits (human siblings), thinking, tool_use/tool_result pairs, injected prompts, attachments and
several first turns. --expect writes what a reader following Claude.ai's own thread rules must find: per
conversation the visible message ids and the branch count, and the totals.
"""
import argparse
import json
import random
import uuid
import zipfile

SENTINEL = "00000000-0000-4000-8000-000000000000"


def uid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def stamp(t):
    s, us = divmod(t, 1_000_000)
    import datetime
    return datetime.datetime.fromtimestamp(s, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{us:06d}Z"


def conversation(rng, n):
    t = 1_750_000_000_000_000 + n * 3_600_000_000
    messages, visible = [], []
    parent = SENTINEL
    turns = rng.randint(1, 6)
    branches = 0
    for turn in range(turns):
        edit = rng.random() < 0.2
        prompts = 2 if edit else 1
        for k in range(prompts):
            t += rng.randint(1, 60) * 1_000_000
            mid = uid(rng)
            blocks = [{"start_timestamp": stamp(t), "stop_timestamp": stamp(t), "type": "text",
                       "text": f"prompt {n}.{turn}.{k} caf\u00e9 \u2615", "citations": []}]
            if rng.random() < 0.3:
                blocks.append({"start_timestamp": None, "stop_timestamp": None, "type": "injected_prompt_block",
                               "prompt": f"date note {n}.{turn}", "injection_source": "date_note"})
            attachments = [{"file_name": f"notes-{n}.txt", "file_size": 12, "file_type": "txt",
                            "extracted_content": f"attached text {n}.{turn}"}] if rng.random() < 0.2 else []
            messages.append({"uuid": mid, "text": "lossy", "content": blocks, "sender": "human", "created_at": stamp(t),
                             "updated_at": stamp(t), "attachments": attachments, "files": [], "parent_message_uuid": parent})
            human = mid
        if edit:
            branches += 1
        visible.append(human)
        retries = 2 if rng.random() < 0.2 else 1
        for k in range(retries):
            t += rng.randint(1, 30) * 1_000_000
            aid = uid(rng)
            blocks = []
            if rng.random() < 0.5:
                blocks.append({"start_timestamp": stamp(t), "stop_timestamp": stamp(t), "type": "thinking",
                               "thinking": f"thinking about {n}.{turn}.{k}", "summaries": [], "cut_off": False})
            if rng.random() < 0.3:
                blocks.append({"type": "tool_use", "id": f"toolu_{n}_{turn}_{k}", "name": "web_search", "input": {"query": f"q{n}"}})
                blocks.append({"type": "tool_result", "tool_use_id": f"toolu_{n}_{turn}_{k}", "name": "web_search",
                               "content": [{"type": "text", "text": f"result {n}.{turn}"}], "is_error": False})
            blocks.append({"start_timestamp": stamp(t), "stop_timestamp": stamp(t), "type": "text",
                           "text": f"answer {n}.{turn}.{k}", "citations": []})
            messages.append({"uuid": aid, "text": "lossy", "content": blocks, "sender": "assistant", "created_at": stamp(t),
                             "updated_at": stamp(t), "attachments": [], "files": [], "parent_message_uuid": human})
            answer = aid
        if retries == 2:
            branches += 1
        visible.append(answer)
        parent = answer
    c = {"uuid": uid(rng), "name": f"Generated {n}", "summary": "", "created_at": stamp(1_750_000_000_000_000 + n * 3_600_000_000),
         "updated_at": stamp(t), "account": {"uuid": "a0000000-0000-4000-8000-000000000001"}, "chat_messages": messages}
    return c, {"visible": visible, "branches": branches}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--conversations", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--expect")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    convs, expect = [], {}
    for n in range(args.conversations):
        c, e = conversation(rng, n)
        convs.append(c)
        expect[c["uuid"]] = e
    rng.shuffle(convs)  # the official file is in no order
    body = json.dumps(convs, ensure_ascii=True)
    if args.out.endswith(".json"):
        open(args.out, "w").write(body)
    else:
        projects = [{"uuid": uid(rng), "name": f"Project {i}", "description": "", "is_private": True, "is_starter_project": False,
                     "prompt_template": f"Answer as project {i}." if i % 2 else "", "created_at": "2025-01-05T20:55:32.499880+00:00",
                     "updated_at": "2025-01-05T20:55:32.499880+00:00", "docs": []} for i in range(3)]
        with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("conversations.json", body)
            z.writestr("users.json", json.dumps([{"uuid": "a0000000-0000-4000-8000-000000000001", "full_name": "Test",
                                                  "email_address": "test@example.invalid", "verified_phone_number": None}]))
            z.writestr("projects.json", json.dumps(projects))
    if args.expect:
        totals = {"conversations": len(convs), "messages": sum(len(c["chat_messages"]) for c in convs),
                  "visible": sum(len(e["visible"]) for e in expect.values()), "branches": sum(e["branches"] for e in expect.values())}
        json.dump({"totals": totals, "conversations": expect}, open(args.expect, "w"))


if __name__ == "__main__":
    main()
