"""Voice conversations and the model per message (issue 11): audio_transcription text is the message text in
both directions, every audio file is recorded (found or not), and a message without model_slug takes the
conversation's default_model_slug (assistant messages only)."""
from import2026_support import NEWTYPES, SLIM, VOICE, threads

VOICE_ID = "68f29b43-0000-8000-8000-0000000000f1"


def test_voice_turns_have_their_transcription_and_audio_in_both_directions(home):
    r = home.run(["import", str(VOICE)])
    assert "conversations: 1 new" in r.stdout and "3 asset references" in r.stdout, r.stdout
    assert threads(home)[VOICE_ID] == [
        ("v-u1", "user", "What's the boiling point of water at altitude?"),
        ("v-a1", "assistant", "It drops by about one degree Celsius for every 300 metres."),
        ("v-u2", "user", "Thanks."),
    ]
    assets = home.query("sql SELECT node_id, kind, asset_pointer, IFNULL(export_path, '-') FROM assets ORDER BY node_id")
    assert assets == [
        ["v-a1", "audio", "sediment://file_0000000021e061f6a3824682ef2e0002",
         f"{VOICE_ID}/audio/file_0000000021e061f6a3824682ef2e0002-00000000-0000-4000-8000-000000000002.wav"],
        ["v-u1", "audio", "sediment://file_0000000014cc61f6b91cb8670e6e0001",
         f"{VOICE_ID}/audio/file_0000000014cc61f6b91cb8670e6e0001-00000000-0000-4000-8000-000000000001.wav"],
        ["v-u2", "audio", "sediment://file_00000000ffff61f6000000000000dead", "-"],  # not in the export: recorded anyway
    ]
    # The assistant's voice turn has no model_slug: the conversation's default.
    assert home.query("sql SELECT node_id, IFNULL(model_slug, '-') FROM messages WHERE role IN ('user', 'assistant') "
                      "ORDER BY node_id") == [["v-a1", "gpt-4o"], ["v-u1", "-"], ["v-u2", "-"]]


def test_messages_without_model_slug_take_the_conversation_default(home):
    home.run(["import", str(SLIM)])
    home.run(["import", str(NEWTYPES)])
    models = dict((r[0] + "/" + r[1], r[2]) for r in home.query(
        "sql SELECT conversation_id, node_id, IFNULL(model_slug, '-') FROM messages WHERE role = 'assistant'"))
    assert models["6a0e0000-0000-8000-8000-00000000c001/a2"] == "gpt-5-5"  # slim, no metadata.model_slug
    assert models["6a0e0000-0000-8000-8000-00000000c001/a2b"] == "gpt-5-5"
    assert models["693e0000-0000-8000-8000-0000000000e7/n-a2"] == "gpt-5-1"  # full format, no model_slug
    assert home.query("sql SELECT COUNT(*) FROM messages WHERE role = 'user' AND model_slug IS NOT NULL") == [["0"]]
