"""Helpers for the ChatGPT 2025–2026 import tests (test_import_chatgpt2026_*.py): the shared samples and
the visible thread of each stored conversation."""
import pathlib

SAMPLES = pathlib.Path(__file__).resolve().parents[1] / "ChatBetoTestSupport/Fixtures/samples"
S2026 = SAMPLES / "2026"
CONTAINER = S2026 / "handmade-privacy-portal-container.zip"
SLIM = S2026 / "handmade-slim-2026-export"
VOICE = S2026 / "handmade-voice-2025-export"
NEWTYPES = S2026 / "handmade-chatgpt-canvas-deepresearch-newtypes.json"
NOO_BASS = SAMPLES / "noo-bass__context-carry__conversations.json"


def threads(home):
    """{conversation id: [(node, role, text), …]} along the visible thread, hidden messages left out."""
    rows = home.query("sql SELECT conversation_id, node_id, IFNULL(role, '-'), IFNULL(REPLACE(text, '\\n', '⏎'), '-') "
                      "FROM messages WHERE on_visible_path = 1 AND is_hidden = 0 ORDER BY conversation_id, visible_index")
    out = {}
    for cid, node, role, text in rows:
        out.setdefault(cid, []).append((node, role, text))
    return out
