"""Chat fixes through the real binary in scripts, against the fake OpenAI server: `ask -`, retry without
re-seeding, the model check against /v1/models, readable retry notes, semantic-search coverage, dry runs in
scripts, sync in the current project, secret scanning before seeding and sync, and `forget`."""
import json
import re
import urllib.request

from conftest import API_KEY
from test_chat_scripts import add_conversation

OPENAI_KEY = "sk-proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f"
GITHUB_TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"


def server_items(fake, conv_id):
    req = urllib.request.Request(f"{fake.base_url}/conversations/{conv_id}/items?order=asc&limit=100",
                                 headers={"Authorization": f"Bearer {API_KEY}"})
    with urllib.request.urlopen(req) as r:
        return [(i["role"], i["content"][0]["text"]) for i in json.load(r)["data"] if i["type"] == "message"]


def thread_id(home, conv="c1"):
    return home.query(f"SELECT openai_thread_id FROM conversations WHERE id = '{conv}'")[0][0]


def test_ask_dash_reads_the_message_from_standard_input(home, fake):
    r = home.run(["--yes", "-e", "open c1; ask -"], stdin="from stdin\n/etc is a directory\n")
    assert "You said: from stdin\n/etc is a directory" in r.stdout
    assert fake.requests("/v1/responses")[0]["body"]["input"] == "from stdin\n/etc is a directory"


def test_retry_deletes_the_last_turn_on_the_server_instead_of_reseeding(home, fake):
    home.run(["--yes", "-e", "open c1; ask one"])
    conv = thread_id(home)
    before = len(fake.requests("/v1/conversations"))
    r = home.run(["--yes", "-e", "open c1; retry"])
    assert "You said: one" in r.stdout
    # No new server conversation and nothing re-sent: only the old turn's items were deleted.
    after = fake.requests("/v1/conversations")[before:]
    assert [x["method"] for x in after if x["method"] == "POST"] == []
    assert {x["method"] for x in after} <= {"GET", "DELETE"}
    assert thread_id(home) == conv
    assert server_items(fake, conv) == [("user", "How do I write a plugin?"), ("assistant", "Create a PHP file."),
                                        ("assistant", "Then activate it."), ("user", "one"), ("assistant", "You said: one")]
    # The retried turn's input is the user message alone, not the thread.
    assert fake.requests("/v1/responses")[-1]["body"]["input"] == "one"


def test_a_model_the_server_does_not_list_is_refused_with_the_closest_one(home, fake):
    fake.configure(models=[{"id": "gpt-5.4", "object": "model", "created": 1, "owned_by": "openai", "shutdown_date": None},
                           {"id": "gpt-5.4-mini", "object": "model", "created": 1, "owned_by": "openai", "shutdown_date": None},
                           {"id": "gpt-4o", "object": "model", "created": 1, "owned_by": "openai", "shutdown_date": "2026-10-15"},
                           {"id": "text-embedding-3-small", "object": "model", "created": 1, "owned_by": "system",
                            "shutdown_date": None}])
    r = home.run(["--yes", "-e", "open c1; ask hi"], check=False)
    assert r.returncode == 1
    assert "gpt-5-mini" in r.stderr and "not offered" in r.stderr and "set model gpt-5.4-mini" in r.stderr
    assert [x["path"] for x in fake.requests("/v1/")] == ["/v1/models"]
    r = home.run(["--yes", "-e", "open c1; set model gpt-4o; ask hi"], check=False)
    assert r.returncode == 1 and "gpt-4o" in r.stderr and "2026-10-15" in r.stderr and "set model gpt-5.4" in r.stderr
    assert fake.requests("/v1/responses") == []
    # `models` shows the shutdown dates; a listed model is checked once per session.
    assert "gpt-4o,openai,2026-10-15" in home.run(["--format", "csv", "-e", "models"]).stdout
    fake.control("DELETE", "requests")
    home.run(["--yes", "-e", "open c1; set model gpt-5.4; ask one; ask two"])
    assert [x["path"] for x in fake.requests("/v1/models")] == ["/v1/models"]


def test_retry_notes_never_show_internal_names(home, fake):
    r = home.run(["--yes", "-e", "open c1; ask hi"], env={"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}, check=False)
    assert r.returncode == 1
    assert "retrying" in r.stderr
    assert "ChatBeto" not in r.stderr and "transport(" not in r.stderr and "Kind" not in r.stderr


def two_projects(home):
    path = home.path / "p2.sql"
    path.write_text("set sql-write on\nINSERT INTO projects (id, name, name_source) VALUES (2, 'Garden', 'user');\n")
    home.run(["--yes", "-f", str(path)])
    add_conversation(home, "g1", 2, project_id=2, title="Roses")


def test_semantic_search_says_what_the_embeddings_cover(home, fake):
    two_projects(home)
    r = home.run(["--yes", "-e", "search --semantic plugin"], check=False)
    assert "no message embeddings" in r.stderr
    home.run(["--yes", "-e", "index Wordpress"])
    r = home.run(["--yes", "-e", "search --semantic plugin"])
    assert "embeddings cover 1 of 2 projects" in r.stderr and "index --all" in r.stderr
    r = home.run(["--yes", "-e", "use Garden; search --semantic roses"], check=False)
    assert "'Garden' has no embeddings" in r.stderr and "index Garden" in r.stderr
    assert "0 hits" not in r.stdout + r.stderr


def test_dry_runs_print_plan_and_totals_in_scripts(home, fake):
    two_projects(home)
    r = home.run(["-e", "index --all --dry-run"])
    assert re.search(r"\d+ messages in all projects to embed", r.stdout)
    r = home.run(["-e", "sync --dry-run"])
    assert "would seed 2 conversations" in r.stdout and "c1" in r.stdout and "g1" in r.stdout
    # sync honours the current project.
    r = home.run(["-e", "use Garden; sync --dry-run"])
    assert "would seed 1 conversation" in r.stdout and "g1" in r.stdout and "c1" not in r.stdout
    assert fake.requests("/v1/") == []


def secret_conversation(home):
    path = home.path / "secret.sql"
    path.write_text("set sql-write on\n"
                    "INSERT INTO conversations (id, project_id, title, update_time, current_node, message_count) VALUES "
                    "('k1', 1, 'Keys', '2024-07-01 10:00:00', 'k1-2', 2);\n"
                    "INSERT INTO messages (conversation_id, node_id, parent_node_id, visible_index, on_visible_path, "
                    "is_hidden, role, text) VALUES "
                    f"('k1','k1-1',NULL,0,1,0,'user','my key is {OPENAI_KEY} and db postgres://admin:hunter22@db.local/x'),"
                    f"('k1','k1-2','k1-1',1,1,0,'assistant','Rotate it. Also token {GITHUB_TOKEN}.');\n")
    home.run(["--yes", "-f", str(path)])


def test_seeding_redacts_detected_secrets_with_yes(home, fake):
    secret_conversation(home)
    r = home.run(["--yes", "-e", "open k1; ask hello"])
    assert "You said: hello" in r.stdout
    # Each finding: conversation, message, masked excerpt; the secret itself is never shown.
    assert "k1" in r.stderr and "k1-1" in r.stderr and "k1-2" in r.stderr
    assert "OpenAI API key" in r.stderr and "GitHub token" in r.stderr and "password in a URL" in r.stderr
    assert OPENAI_KEY not in r.stderr and "hunter22" not in r.stderr and GITHUB_TOKEN not in r.stderr
    sent = json.dumps(fake.requests("/v1/conversations")[0]["body"])
    assert OPENAI_KEY not in sent and "hunter22" not in sent and GITHUB_TOKEN not in sent
    assert "[redacted OpenAI API key]" in sent
    # The stored text is unchanged.
    assert home.query("SELECT text LIKE '%hunter22%' FROM messages WHERE node_id = 'k1-1'") == [["1"]]


def test_allow_secrets_sends_them_as_is_and_without_yes_nothing_is_sent(home, fake):
    secret_conversation(home)
    r = home.run(["-e", "open k1; ask hello"], check=False)
    assert r.returncode == 1 and fake.requests("/v1/conversations") == []
    home.run(["--yes", "--allow-secrets", "-e", "open k1; ask hello"])
    assert OPENAI_KEY in json.dumps(fake.requests("/v1/conversations")[0]["body"])


def test_sync_scans_for_secrets_too(home, fake):
    secret_conversation(home)
    r = home.run(["-e", "sync --dry-run"])
    assert "3 possible secrets" in r.stdout
    r = home.run(["--yes", "-e", "sync"])
    sent = json.dumps([x["body"] for x in fake.requests("/v1/conversations")])
    assert "k1-1" in r.stderr and OPENAI_KEY not in sent and "[redacted GitHub token]" in sent


def test_forget_deletes_server_copies_and_keeps_local_history(home, fake):
    two_projects(home)
    home.run(["--yes", "-e", "sync"])
    conv = thread_id(home)
    assert "server copy" in home.run(["-e", "open c1; status"]).stdout
    assert conv in home.run(["-e", "show c1"]).stdout
    r = home.run(["--yes", "-e", "open c1; forget"])
    assert "forgot 1 server conversation" in r.stdout
    assert [x["path"] for x in fake.requests("/v1/conversations") if x["method"] == "DELETE"] == [f"/v1/conversations/{conv}"]
    assert thread_id(home) == "\\N"
    assert "no server copy" in home.run(["-e", "show c1"]).stdout
    assert "Then activate it." in home.run(["-e", "show c1"]).stdout
    r = home.run(["--yes", "-e", "forget Garden"])
    assert "forgot 1 server conversation" in r.stdout and thread_id(home, "g1") == "\\N"
    r = home.run(["--yes", "-e", "forget Garden"])
    assert "forgot 0 server conversations" in r.stdout
