"""Chat commands in scripts through the real binary, against the fake OpenAI server:
ask, seeding in batches, seed-turns, new, retry, models, sync (dry run, real, resumed) and every fault."""
import re

from conftest import API_KEY


def add_conversation(home, conv_id, turns, project_id=1, title=None, update="2024-06-01 10:00:00"):
    """A conversation whose visible thread is `turns` user/assistant pairs (plus a hidden system root)."""
    rows = [f"('{conv_id}','{conv_id}-0',NULL,0,1,1,'system','hidden')"]
    parent = f"{conv_id}-0"
    for i in range(1, 2 * turns + 1):
        role = "user" if i % 2 else "assistant"
        node = f"{conv_id}-{i}"
        rows.append(f"('{conv_id}','{node}','{parent}',{i},1,0,'{role}','{role} message {i}')")
        parent = node
    sql = ("set sql-write on\n"
           f"INSERT INTO conversations (id, project_id, title, update_time, current_node, message_count) VALUES "
           f"('{conv_id}', {project_id}, '{title or conv_id}', '{update}', '{parent}', {2 * turns + 1});\n"
           "INSERT INTO messages (conversation_id, node_id, parent_node_id, visible_index, on_visible_path, is_hidden, role, text) VALUES "
           + ",".join(rows) + ";\n")
    path = home.path / f"{conv_id}.sql"
    path.write_text(sql)
    home.run(["--yes", "-f", str(path)])


def item_counts(fake, conv_prefix="/v1/conversations"):
    return [len(r["body"]["items"]) for r in fake.requests(conv_prefix) if r["method"] == "POST"]


def test_ask_in_a_script_streams_the_reply_and_stores_both_turns(home, fake):
    r = home.run(["--yes", "-e", 'use Wordpress; continue; ask "summarise this"'])
    assert "You said: summarise this" in r.stdout
    assert re.search(r"note: Seeding the new server conversation with 3 messages \(~\d+ tokens", r.stderr)
    seed = fake.requests("/v1/conversations")[0]["body"]
    # Hidden and tool messages are left out, roles mapped.
    assert [(i["role"], i["content"]) for i in seed["items"]] == [
        ("user", "How do I write a plugin?"), ("assistant", "Create a PHP file."), ("assistant", "Then activate it.")]
    rows = home.query("SELECT m.role, m.model_slug, m.response_id IS NOT NULL, m.output_tokens > 0, m.parent_node_id = 'm4', "
                      "c.current_node = m.node_id FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                      "WHERE m.conversation_id = 'c1' AND m.visible_index >= 5 ORDER BY m.visible_index")
    assert rows == [["user", "\\N", "0", "\\N", "1", "0"], ["assistant", "gpt-5-mini", "1", "1", "0", "1"]]


def test_without_yes_a_script_does_not_seed(home, fake):
    r = home.run(["-e", 'use Wordpress; continue; ask "hi"'], check=False)
    assert r.returncode == 1
    assert "not sent" in r.stderr and "--yes" in r.stderr
    # Only the model check (GET /v1/models, which sends nothing of the conversation) reached the server.
    assert [x["path"] for x in fake.requests("/v1/")] == ["/v1/models"]


def test_long_threads_are_seeded_in_batches_of_twenty(home, fake):
    add_conversation(home, "long", 23)  # 46 visible messages
    r = home.run(["--yes", "-e", "open long; ask next"])
    assert "You said: next" in r.stdout
    assert item_counts(fake) == [20, 20, 6]
    posts = [r["path"] for r in fake.requests("/v1/conversations") if r["method"] == "POST"]
    assert posts[0] == "/v1/conversations" and all(p.endswith("/items") for p in posts[1:])
    # The second turn sends nothing again.
    home.run(["--yes", "-e", "open long; ask again"])
    assert item_counts(fake) == [20, 20, 6]


def test_seed_turns_sends_only_the_last_turns(home, fake):
    add_conversation(home, "long", 23)
    home.run(["--yes", "-e", "set seed-turns 2; open long; ask next"])
    seed = fake.requests("/v1/conversations")[0]["body"]["items"]
    assert [i["content"] for i in seed] == ["user message 43", "assistant message 44", "user message 45", "assistant message 46"]


def test_new_conversation_and_retry_make_a_sibling_branch(home, fake):
    r = home.run(["--yes", "-e", 'use Wordpress; new "Fresh start"; ask "one"; retry'])
    assert r.stdout.count("You said: one") == 2
    rows = home.query("SELECT m.role, m.child_index, m.on_visible_path FROM messages m JOIN conversations c "
                      "ON c.id = m.conversation_id WHERE c.title = 'Fresh start' ORDER BY m.create_time, m.child_index")
    assert sorted(rows) == sorted([["user", "0", "1"], ["assistant", "0", "0"], ["assistant", "1", "1"]])
    assert home.query("SELECT origin, project_id FROM conversations WHERE title = 'Fresh start'") == [["local", "1"]]


def test_models_lists_what_the_server_offers(home, fake):
    r = home.run(["--format", "csv", "-e", "models"])
    assert "gpt-5.4-mini" in r.stdout and "text-embedding-3-small" in r.stdout


def test_chatbeto_model_environment_selects_the_model(home, fake):
    home.run(["--yes", "-e", "open c1; ask hi"], env={"CHATBETO_MODEL": "gpt-5.4"})
    assert fake.requests("/v1/responses")[0]["body"]["model"] == "gpt-5.4"
    home.run(["--yes", "-e", "open c1; set model gpt-5.4-mini; ask hi"], env={"CHATBETO_MODEL": "gpt-5.4"})
    assert fake.requests("/v1/responses")[1]["body"]["model"] == "gpt-5.4-mini"


def test_sync_dry_run_plans_and_sends_nothing(home, fake):
    for i in range(3):
        add_conversation(home, f"s{i}", 12)
    r = home.run(["--yes", "--format", "csv", "-e", "sync --dry-run"])
    assert "s0,create,24,0," in r.stdout and "c1,create,3,0," in r.stdout
    assert fake.requests("/v1/") == []


def test_sync_seeds_every_conversation_and_resumes_after_failures(home, fake):
    for i in range(6):
        add_conversation(home, f"s{i}", 12)  # 24 messages: create 20 + append 4
    fake.faults({"name": "server_error", "path": "/v1/conversations/", "count": 9})
    r = home.run(["--yes", "-e", "sync"], check=False)
    assert r.returncode == 1
    assert re.search(r"Synced \d of 7 conversations", r.stdout)
    assert "Run 'sync' again" in r.stdout
    r = home.run(["--yes", "-e", "sync"])
    assert "Synced" in r.stdout and "failed" not in r.stdout
    rows = home.query("SELECT COUNT(*) FROM conversations WHERE openai_thread_id IS NOT NULL AND seeded_node = current_node")
    assert rows == [["7"]]
    # Nothing is created twice: the resumed run only appended what was missing.
    creates = [r for r in fake.requests("/v1/conversations") if r["method"] == "POST" and r["path"] == "/v1/conversations"]
    assert len(creates) == 7
    r = home.run(["--yes", "-e", "sync"])
    assert "Nothing to sync" in r.stdout


def test_no_key_offline_commands_work_and_chat_says_how_to_set_one(home, fake):
    env = dict(OPENAI_API_KEY="")
    assert "Then activate it." in home.run(["-e", "show c1"], env=env).stdout
    r = home.run(["--yes", "-e", "use Wordpress; continue; ask hi"], env=env, check=False)
    assert r.returncode == 1 and "set OPENAI_API_KEY" in r.stderr
    r = home.run(["-e", "models"], env=env, check=False)
    assert "OPENAI_API_KEY" in r.stderr


def test_wrong_key_shows_message_type_code_and_hint(home, fake):
    r = home.run(["--yes", "-e", "open c1; ask hi"], env={"OPENAI_API_KEY": "sk-wrong-000000000000000000000"}, check=False)
    assert r.returncode == 1
    assert "401" in r.stderr and "invalid_api_key" in r.stderr and "check OPENAI_API_KEY" in r.stderr
    assert "sk-wrong-000000000000000000000" not in r.stderr + r.stdout


def test_rate_limits_and_server_errors_are_retried_with_notice(home, fake):
    home.run(["--yes", "-e", "open c1; ask first"])
    fake.faults({"name": "rate_limit", "path": "/v1/responses"}, {"name": "server_error", "path": "/v1/responses"})
    r = home.run(["--yes", "-e", "open c1; ask hi"])
    assert "You said: hi" in r.stdout
    assert "retrying in" in r.stderr and "429" in r.stderr


def test_quota_exhausted_is_not_retried(home, fake):
    home.run(["--yes", "-e", "open c1; ask first"])
    fake.faults({"name": "insufficient_quota", "path": "/v1/responses"})
    r = home.run(["--yes", "-e", "open c1; ask hi"], check=False)
    assert r.returncode == 1 and "insufficient_quota" in r.stderr and "billing" in r.stderr
    assert "retrying" not in r.stderr


def test_forgotten_server_conversation_is_reseeded(home, fake):
    home.run(["--yes", "-e", "open c1; ask first"])
    fake.faults({"name": "conversation_not_found", "path": "/v1/responses"})
    r = home.run(["--yes", "-e", "open c1; ask second"])
    assert "You said: second" in r.stdout and "404" in r.stderr
    creates = [r for r in fake.requests("/v1/conversations") if r["path"] == "/v1/conversations"]
    assert len(creates) == 2 and len(creates[1]["body"]["items"]) == 5


def test_context_too_long_offers_fewer_seed_turns(home, fake):
    add_conversation(home, "long", 10)
    fake.faults({"name": "context_length_exceeded", "path": "/v1/responses"})
    r = home.run(["--yes", "-e", "open long; ask next"])
    assert "context_length_exceeded" in r.stderr and "You said: next" in r.stdout
    creates = [r for r in fake.requests("/v1/conversations") if r["path"] == "/v1/conversations"]
    assert [len(c["body"]["items"]) for c in creates] == [20, 10]
    assert [r["method"] for r in fake.requests("/v1/conversations/conv_") if "/items" not in r["path"]] == ["DELETE"]


def test_cut_stream_failed_and_incomplete_replies_are_kept_incomplete(home, fake):
    for fault, status in [("stream_cut", "interrupted"), ("error_event_flat", "failed"), ("incomplete", "incomplete")]:
        fake.faults({"name": fault, "path": "/v1/responses", "after_deltas": 2})
        r = home.run(["--yes", "-e", f"open c1; ask {fault}"])
        assert "kept, marked incomplete" in r.stderr or "marked incomplete" in r.stderr
    rows = home.query("SELECT status, is_incomplete FROM messages WHERE conversation_id = 'c1' AND role = 'assistant' "
                      "AND visible_index > 4 ORDER BY visible_index")
    assert rows == [["interrupted", "1"], ["failed", "1"], ["incomplete", "1"]]


def test_the_key_is_never_printed_or_stored(home, fake):
    r = home.run(["--yes", "--verbose", "-e", 'use Wordpress; continue; ask "hello"; models; sync --dry-run'])
    assert "Authorization: Bearer sk-…" in r.stderr
    everything = r.stdout + r.stderr
    fake.faults({"name": "server_error", "path": "/v1/responses", "count": 5})
    r = home.run(["--yes", "--verbose", "-e", "open c1; ask hi"], check=False)
    everything += r.stdout + r.stderr
    assert API_KEY not in everything
    dump = home.run(["--format", "csv", "-e", "select * from messages; select * from conversations; select * from sessions"]).stdout
    assert API_KEY not in dump
    for path in home.path.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes(), f"key found in {path}"
