"""Claude, Gemini and Grok exports through the binary (issue 11): recognised by content, imported with
a provider, queried with --provider, shown with the provider's assistant name, re-imported without
change, broken trees salvaged, and a Claude conversation continued with its visible thread seeded."""
import json
import pathlib
import shutil
import urllib.request

from shell_support import FakeOpenAI

SAMPLES = pathlib.Path(__file__).resolve().parents[1] / "ChatBetoTestSupport/Fixtures/samples"
CLAUDE = SAMPLES / "claude"
HANDMADE = CLAUDE / "handmade-2026-conversations.json"
G2_ZIP = CLAUDE / "handmade-data-2025-12-01-10-00-00-batch-0000.zip"
SPLIT = CLAUDE / "handmade-2026-09-split-export"
GEMINI = SAMPLES / "2026/handmade-gemini-takeout"
GROK = SAMPLES / "2026/handmade-grok-export"
PULSAR = SAMPLES / "2015pulsar__chatgpt-conversation-extractor__conversations.json"


def count(home, sql):
    return int(home.query(sql)[0][0])


def test_a_claude_file_is_recognised_by_content_and_imports_its_visible_threads(home, tmp_path):
    renamed = tmp_path / "backup.txt"
    shutil.copy(HANDMADE, renamed)
    r = home.run(["import", str(renamed)])
    assert "5 new" in r.stdout, r.stdout
    assert count(home, "SELECT COUNT(*) FROM conversations WHERE provider = 'claude'") == 5
    # Lisbon: the retry and the edit are branches; the visible thread is a0001 a0002 a0003 a0005 a0007 a0008.
    rows = home.query("SELECT node_id FROM messages WHERE conversation_id = 'c1000000-0000-4000-8000-0000000000a1' "
                      "AND on_visible_path = 1 AND is_hidden = 0 ORDER BY visible_index")
    assert [row[0][-5:] for row in rows] == ["a0001", "a0002", "a0003", "a0005", "a0007", "a0008"]
    shown = home.run(["-e", "show c1000000-0000-4000-8000-0000000000a1"]).stdout
    assert "── Claude" in shown and "── You" in shown and "ChatGPT" not in shown, shown
    assert "Buy a 24-hour transit pass\n\nand walk the hills." in shown, shown
    hidden = home.query("SELECT text FROM messages WHERE conversation_id = 'c1000000-0000-4000-8000-0000000000a1' "
                        "AND is_hidden = 1 AND content_type = 'thoughts'")
    assert hidden and all(h[0] not in shown for h in hidden if len(h[0]) > 12), (hidden, shown)
    assert "thoughts" in home.run(["-e", "show c1000000-0000-4000-8000-0000000000a1 --hidden"]).stdout


def test_reimporting_a_claude_export_changes_nothing(home):
    home.run(["import", str(HANDMADE)])
    before = home.query("SELECT conversation_id, node_id, parent_node_id, visible_index, text FROM messages ORDER BY 1, 2")
    again = home.run(["import", str(HANDMADE)])
    assert "0 new" in again.stdout and "5 unchanged" in again.stdout, again.stdout
    assert home.query("SELECT conversation_id, node_id, parent_node_id, visible_index, text FROM messages ORDER BY 1, 2") == before


def test_a_claude_zip_imports_projects_with_instructions_and_says_they_are_not_linked(home):
    r = home.run(["import", str(G2_ZIP)])
    assert "2 new" in r.stdout, r.stdout
    assert "links no conversation to a project" in r.stdout, r.stdout
    projects = home.query("SELECT name, provider, instructions IS NOT NULL FROM projects ORDER BY name")
    assert len(projects) == 2 and all(p[1] == "claude" for p in projects), projects
    assert ["1"] in [[p[2]] for p in projects], projects  # the private project's prompt_template
    listed = home.run(["--format", "tsv", "-e", "projects --provider claude"]).stdout
    assert all(p[0] in listed for p in projects), listed
    assert home.query("projects --provider grok") == []
    assert count(home, "SELECT COUNT(*) FROM conversations WHERE project_id IS NOT NULL") == 0


def test_the_split_download_reads_its_part_zips_and_reports_the_missing_part(home):
    r = home.run(["import", str(SPLIT)])
    assert "1 new" in r.stdout, r.stdout
    assert "design_chats-000.zip" in r.stdout and "missing" in r.stdout, r.stdout
    assert home.query("SELECT name FROM projects WHERE provider = 'claude'") == [["Finance"]]
    rows = home.query("SELECT node_id FROM messages WHERE on_visible_path = 1 AND is_hidden = 0 ORDER BY visible_index")
    assert [row[0][-5:] for row in rows] == ["30001", "30002", "30003", "30005"], rows


def test_gemini_takeout_groups_by_conversation_id_and_says_so(home):
    r = home.run(["import", str(GEMINI)])
    assert "3 new" in r.stdout, r.stdout
    assert "grouped by conversation id" in r.stdout and "not prompts left out" in r.stdout, r.stdout
    assert "MyActivity.html skipped" in r.stdout, r.stdout
    assert count(home, "SELECT COUNT(*) FROM conversations WHERE provider = 'gemini'") == 3
    shown = home.run(["-e", "show gemini-0123456789abcdef"]).stdout
    assert "── Gemini" in shown and "and with lemon?" in shown and "Melon and felon." in shown, shown
    again = home.run(["import", str(GEMINI)])
    assert "0 new" in again.stdout and "3 unchanged" in again.stdout, again.stdout


def test_gemini_html_alone_is_read_when_it_is_all_there_is(home, tmp_path):
    page = tmp_path / "MyActivity.html"
    shutil.copy(GEMINI / "Takeout/My Activity/Gemini Apps/MyActivity.html", page)
    r = home.run(["import", str(page)])
    assert "1 new" in r.stdout, r.stdout
    assert home.query("SELECT create_time FROM conversations WHERE provider = 'gemini'") == [["2026-07-26 06:07:57.000000"]]


def test_grok_export_folder_imports_the_response_tree(home):
    r = home.run(["import", str(GROK)])
    assert "1 new" in r.stdout, r.stdout
    shown = home.run(["-e", "show 0f6b0000-0000-4000-8000-00000000a001"]).stdout
    assert "── Grok" in shown and "Brest, France." in shown and "Failed to respond" not in shown, shown
    assert home.query("SELECT export_path FROM assets WHERE conversation_id = '0f6b0000-0000-4000-8000-00000000a001'") == [
        ["ttl/30d/export_data/00000000-0000-4000-8000-0000000000aa/prod-mc-asset-server/00000000-0000-4000-8000-0000000000bb/content"]]
    branches = home.run(["-e", "show 0f6b0000-0000-4000-8000-00000000a001 --all-branches"]).stdout
    assert "[incomplete]" in branches, branches


def test_queries_filter_and_group_by_provider(home):
    home.run(["import", str(PULSAR)])
    home.run(["import", str(HANDMADE)])
    home.run(["import", str(GROK)])
    stats = home.run(["-e", "stats --by provider"]).stdout
    assert "Per provider" in stats and "claude" in stats and "chatgpt" in stats and "grok" in stats, stats
    claude = json.loads(home.run(["--format", "json", "-e", "stats --provider claude"]).stdout)
    assert claude["conversations"] == 5, claude
    listed = home.run(["-e", "conversations --all --provider grok"]).stdout
    assert "Tide times" in listed and "Lisbon" not in listed, listed
    hits = home.run(["-e", "search --all --provider claude transit"]).stdout
    assert "Lisbon" in hits, hits
    assert "Lisbon" not in home.run(["-e", "search --all --provider grok transit"]).stdout
    bad = home.run(["-e", "conversations --provider myspace"], check=False)
    assert bad.returncode != 0 and "chatgpt, claude, gemini, grok" in bad.stderr, bad.stderr


def test_a_broken_claude_tree_is_salvaged_and_reported(home, tmp_path):
    def msg(uuid, sender, parent, text, t):
        return {"uuid": uuid, "sender": sender, "parent_message_uuid": parent, "created_at": t, "text": text,
                "content": [{"type": "text", "text": text}]}
    broken = [{"uuid": "b0000000-0000-4000-8000-000000000001", "name": "Broken", "created_at": "2026-06-01T10:00:00.000000Z",
               "updated_at": "2026-06-01T10:05:00.000000Z", "chat_messages": [
                   msg("m1", "human", "00000000-0000-4000-8000-000000000000", "first", "2026-06-01T10:00:00.000000Z"),
                   msg("m2", "assistant", "m1", "answer", "2026-06-01T10:01:00.000000Z"),
                   msg("m3", "human", "m4", "loop a", "2026-06-01T10:02:00.000000Z"),
                   msg("m4", "assistant", "m3", "loop b", "2026-06-01T10:03:00.000000Z"),
                   msg("m5", "human", "gone", "orphan", "2026-06-01T10:04:00.000000Z"),
                   {"uuid": "m6", "sender": "system", "text": "odd"}]}]
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps(broken))
    r = home.run(["import", str(path)])
    assert "1 new" in r.stdout, r.stdout
    assert "cycle" in r.stdout and "not in the conversation" in r.stdout and "neither human nor assistant" in r.stdout, r.stdout
    assert count(home, "SELECT COUNT(*) FROM messages WHERE conversation_id = 'b0000000-0000-4000-8000-000000000001'") == 5


def test_continue_on_a_claude_conversation_seeds_its_visible_thread(home, tmp_path):
    home.run(["import", str(HANDMADE)])
    fake = FakeOpenAI(tmp_path)
    try:
        home.run(["--yes", "-e", "continue c1000000-0000-4000-8000-0000000000a1; ask And on Sunday?"], env=fake.env())
        with urllib.request.urlopen(fake.base_url.replace("/v1", "/__fake/requests")) as resp:
            requests = json.loads(resp.read())["requests"]
    finally:
        fake.stop()
    bodies = [json.loads(r["body"]) for r in requests if r.get("body") and r["path"].startswith("/v1/conversations")]
    items = [i for b in bodies for i in b.get("items", [])]
    roles = [i["role"] for i in items]
    texts = [c.get("text", "") for i in items for c in (i["content"] if isinstance(i["content"], list) else [{"text": i["content"]}])]
    assert roles == ["user", "assistant", "user", "assistant", "user", "assistant"], (roles, texts)
    assert texts[-1] == "Buy a 24-hour transit pass\n\nand walk the hills.", texts
    hidden = home.query("SELECT text FROM messages WHERE conversation_id = 'c1000000-0000-4000-8000-0000000000a1' AND is_hidden = 1")
    assert not any(h[0] and len(h[0]) > 12 and any(h[0] in t for t in texts) for h in hidden), (hidden, texts)


def test_a_generated_claude_export_at_scale_imports_exactly_and_reimports_unchanged(home, tmp_path):
    import subprocess
    root = pathlib.Path(__file__).resolve().parents[2]
    export, expect_path = tmp_path / "data-2026-01-01-00-00-00-batch-0000.zip", tmp_path / "expect.json"
    subprocess.run(["python3", str(root / "scripts/gen_claude_export.py"), "--conversations", "300", "--seed", "7",
                    "--out", str(export), "--expect", str(expect_path)], check=True)
    expect = json.loads(expect_path.read_text())
    r = home.run(["import", str(export)])
    assert "300 new" in r.stdout, r.stdout
    shown = count(home, "SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                        "WHERE c.provider = 'claude' AND m.is_hidden = 0")
    assert shown == expect["totals"]["messages"]
    assert count(home, "SELECT COUNT(*) FROM messages WHERE is_hidden = 0 AND on_visible_path = 1") == expect["totals"]["visible"]
    assert count(home, "SELECT COUNT(*) FROM messages WHERE is_hidden = 0 AND on_visible_path = 0") == expect["totals"]["branches"]
    rows = home.query("SELECT conversation_id, node_id FROM messages WHERE is_hidden = 0 AND on_visible_path = 1 "
                      "ORDER BY conversation_id, visible_index")
    got = {}
    for cid, node in rows:
        got.setdefault(cid, []).append(node)
    assert {cid: e["visible"] for cid, e in expect["conversations"].items() if e["visible"]} == got
    assert count(home, "SELECT COUNT(*) FROM projects WHERE provider = 'claude'") == 3
    again = home.run(["import", str(export)])
    assert "0 new" in again.stdout and "300 unchanged" in again.stdout, again.stdout


def test_the_split_download_zipped_together_is_read_in_place(home, tmp_path):
    import zipfile
    bundle = tmp_path / "claude-parts.zip"
    with zipfile.ZipFile(bundle, "w") as z:
        for part in sorted(SPLIT.iterdir()):
            z.write(part, part.name)
    r = home.run(["import", str(bundle)])
    assert "1 new" in r.stdout, r.stdout
    assert home.query("SELECT name FROM projects WHERE provider = 'claude'") == [["Finance"]]


def test_claude_artifacts_are_documents_that_show_prints(home, tmp_path):
    def msg(uuid, sender, parent, blocks):
        return {"uuid": uuid, "sender": sender, "parent_message_uuid": parent, "created_at": "2026-06-01T10:00:00.000000Z",
                "content": blocks}
    tool = lambda inp: {"type": "tool_use", "name": "artifacts", "input": inp}
    conv = [{"uuid": "a0000000-0000-4000-8000-00000000000a", "name": "Poem", "chat_messages": [
        msg("h1", "human", "00000000-0000-4000-8000-000000000000", [{"type": "text", "text": "Write a poem"}]),
        msg("r1", "assistant", "h1", [tool({"id": "poem", "type": "text/markdown", "title": "Sea poem", "command": "create",
                                            "content": "The sea is grey"}), {"type": "text", "text": "Here it is."}]),
        msg("h2", "human", "r1", [{"type": "text", "text": "Make it blue"}]),
        msg("r2", "assistant", "h2", [tool({"id": "poem", "command": "update", "old_str": "grey", "new_str": "blue"}),
                                      {"type": "text", "text": "Done."}])]}]
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps(conv))
    home.run(["import", str(path)])
    assert home.query("SELECT document_id, kind, version, content, node_id FROM documents") == [
        ["poem", "artifact", "2", "The sea is blue", "r2"]]
    shown = home.run(["-e", "show a0000000-0000-4000-8000-00000000000a"]).stdout
    assert "The sea is blue" in shown and "The sea is grey" not in shown, shown


def test_a_grok_response_id_of_64_characters_keeps_its_thinking_as_its_own_node(home, tmp_path):
    # "<id>#thinking" cut to the 64 characters stored was the response's own id: the thinking node and its
    # answer became one node, parent of itself.
    cid = "6a0b0000-0000-4000-8000-000000000064"
    long = "r" * 60 + "0001"
    responses = [
        {"response": {"response_id": "6a0b0000-0000-4000-8000-00000000q001", "conversation_id": cid, "sender": "human",
                      "message": "Where is Brest?", "create_time": "2025-06-01T10:00:00.000000Z", "parent_response_id": None}},
        {"response": {"response_id": long, "conversation_id": cid, "sender": "ASSISTANT", "message": "In Brittany, France.",
                      "thinking_trace": "The user asks about Brest; the French one is likelier.",
                      "create_time": "2025-06-01T10:00:05.000000Z", "parent_response_id": "6a0b0000-0000-4000-8000-00000000q001"}},
        {"response": {"response_id": "6a0b0000-0000-4000-8000-00000000q003", "conversation_id": cid, "sender": "human",
                      "message": "And its port?", "create_time": "2025-06-01T10:01:00.000000Z", "parent_response_id": long}},
    ]
    export = tmp_path / "prod-grok-backend.json"
    export.write_text(json.dumps({"conversations": [{"conversation": {"conversation_id": cid, "title": "Brest",
                                                                      "create_time": "2025-06-01T10:00:00.000000Z"},
                                                     "responses": responses}], "projects": []}))
    r = home.run(["import", str(export)])
    assert "1 new" in r.stdout and r.returncode == 0, r.stdout + r.stderr
    rows = home.query(f"SELECT node_id, parent_node_id, is_hidden, content_type FROM messages WHERE conversation_id = '{cid}' "
                      "ORDER BY create_time, is_hidden DESC")
    assert len(rows) == 4, rows
    thinking = [row for row in rows if row[3] == "thoughts"]
    assert len(thinking) == 1 and thinking[0][0] != long and thinking[0][1] == "6a0b0000-0000-4000-8000-00000000q001", rows
    assert [row[1] for row in rows if row[0] == long] == [thinking[0][0]], rows
    shown = home.run(["-e", f"show {cid}"]).stdout
    assert "Where is Brest?" in shown and "In Brittany, France." in shown and "And its port?" in shown, shown
    assert "likelier" not in shown and "likelier" in home.run(["-e", f"show {cid} --hidden"]).stdout
