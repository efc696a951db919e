"""Generators for large Grok and Gemini exports (issue 11: these files are streamed with flat memory).
Each writes its file piece by piece, so the test itself never holds it, and returns what it wrote."""
import json
import os
import subprocess

WORDS = ("tide harbour lantern granite orchard meadow quartz ember willow saffron compass thistle "
         "cobalt juniper falcon marble nectar prism").split()


def text(seed, words):
    return " ".join(WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(words))


def write_grok(path, conversations, responses=8, words=400, first=0):
    """A prod-grok-backend.json of `conversations` chats of `responses` turns each (a chain), ISO times."""
    ids = []
    with open(path, "w") as f:
        f.write('{"conversations": [')
        for c in range(first, first + conversations):
            cid = f"6a0b0000-0000-4000-8000-{c:012d}"
            ids.append(cid)
            items = []
            for r in range(responses):
                items.append({"response": {
                    "response_id": f"{cid[:-4]}{r:04d}", "conversation_id": cid,
                    "message": f"turn {r} of {c}: " + text(c + r, words), "sender": "human" if r % 2 == 0 else "ASSISTANT",
                    "create_time": f"2025-06-{1 + c % 28:02d}T10:{r:02d}:00.000000Z",
                    "parent_response_id": f"{cid[:-4]}{r - 1:04d}" if r else None,
                    "metadata": {"requestModelDetails": {"modelId": "grok-3"}}}, "share_link": None})
            conv = {"conversation": {"conversation_id": cid, "title": f"Chat {c}",
                                     "create_time": f"2025-06-{1 + c % 28:02d}T10:00:00.000000Z",
                                     "modify_time": f"2025-06-{1 + c % 28:02d}T11:00:00.000000Z"},
                    "responses": items}
            f.write(("," if c > first else "") + json.dumps(conv))
        f.write('], "projects": [], "tasks": [], "media_posts": [{"original_prompt": "a ] tricky } string"}]}')
    return ids


def write_gemini(path, conversations, prompts=5, words=400, first=0):
    """A Takeout MyActivity.json: newest first, each conversation's prompts next to each other (grouped
    by its details[].url id), every fifth conversation's prompts without an id (one conversation each)."""
    grouped, single = [], 0
    with open(path, "w") as f:
        f.write("[")
        separator = ""
        for c in reversed(range(first, first + conversations)):
            with_id = c % 5 != 4
            if with_id:
                grouped.append(f"{c:016x}")
            else:
                single += prompts
            for p in reversed(range(prompts)):
                record = {"header": "Gemini Apps", "title": f"Prompted question {p} of {c}: " + text(c + p, 12),
                          "time": f"2026-{1 + c // 600 % 12:02d}-{1 + c // 20 % 28:02d}T{c % 20:02d}:{p:02d}:00.000Z",
                          "products": ["Gemini Apps"], "activityControls": ["Gemini Apps Activity"],
                          "safeHtmlItem": [{"html": "<p>" + text(c * 3 + p, words) + "</p>"}]}
                if with_id:
                    record["details"] = [{"name": f"https://gemini.google.com/app/{c:016x}",
                                          "url": f"https://gemini.google.com/app/{c:016x}"}]
                f.write(separator + json.dumps(record, indent=1))
                separator = ","
        f.write("]")
    return grouped, single


def run_measured(binary, args, env):
    """Runs chatbeto and returns (returncode, stdout, stderr, peak RSS in bytes) of that process alone."""
    out_path, err_path = f"/tmp/chatbeto-measure-{os.getpid()}.out", f"/tmp/chatbeto-measure-{os.getpid()}.err"
    with open(out_path, "w") as out, open(err_path, "w") as err:
        proc = subprocess.Popen([binary] + list(args), env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    with open(out_path) as o, open(err_path) as e:
        result = (proc.returncode, o.read(), e.read(), usage.ru_maxrss * 1024)
    os.remove(out_path)
    os.remove(err_path)
    return result
