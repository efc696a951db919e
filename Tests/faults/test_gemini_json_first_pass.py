"""The first pass over Gemini's MyActivity.json builds only the members grouping needs (issue 11): the
answers it skips are still checked, so a record that is not JSON fails there, naming the file and the
record, before anything is written; and prompts told apart by their bytes in that pass are told apart
by their values, as a whole parse does."""
import json

from gemini_html_support import json_record, write_activity


def count(home, sql):
    return int(home.query(sql)[0][0])


def test_a_record_that_is_not_json_in_an_answer_fails_in_the_first_pass_naming_it(home, tmp_path):
    path = tmp_path / "MyActivity.json"
    records = write_activity(path, html=False, prompts=300)
    data = path.read_bytes()
    # A bad escape in the answer of prompt 270, which the first pass skips without building.
    at = data.index(b'"html"', data.index(b"Prompted question 270:")) + len(b'"html": "<p>')
    path.write_bytes(data[:at] + b"\\q" + data[at:])
    r = home.run(["import", str(path)], check=False)
    assert r.returncode != 0
    number = next(i + 1 for i, rec in enumerate(records) if rec["prompt"].startswith("question 270:"))
    assert "MyActivity.json" in r.stderr and f"invalid JSON in activity record {number} (unknown escape" in r.stderr, r.stderr
    assert count(home, "SELECT COUNT(*) FROM conversations") == 0


def test_one_record_written_twice_with_its_members_in_another_order_is_one_prompt(home, tmp_path):
    record = json_record(write_activity(tmp_path / "one.json", prompts=1)[0])
    reordered = dict(reversed(list(record.items())))
    other = dict(record, safeHtmlItem=[{"html": "<p>another answer</p>"}])
    path = tmp_path / "MyActivity.json"
    path.write_text("[" + ",".join([json.dumps(record), json.dumps(reordered, indent=2), json.dumps(other)]) + "]")
    r = home.run(["import", str(path)])
    # The first two are one prompt; the third, the same prompt in the same second, is another.
    assert "one conversation per prompt (3)" in r.stdout, r.stdout
    ids = sorted(row[0] for row in home.query("SELECT id FROM conversations"))
    assert len(ids) == 2 and ids[1] == ids[0] + "-2", ids
    answers = home.query("SELECT c.id, m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                         "WHERE m.role = 'assistant' ORDER BY c.id")
    assert answers[0][1] == "another answer", answers  # the older (later in the file) has no number
