"""Helpers for the recall and MCP tests (test_recall_*.py, test_mcp_*.py): a small export with two
projects whose conversations each hold one word that occurs nowhere else."""
import json
import pathlib

ALPHA = "g-p-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
BETA = "g-p-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

# (conversation id, title, project gizmo id, [(role, text), ...], first create_time)
CONVERSATIONS = [
    ("c0000001-0000-4000-8000-000000000001", "Sourdough starter", ALPHA, [
        ("user", "How do I keep my sourdough starter alive while travelling?"),
        ("assistant", "Feed it, then refrigerate: a cold starter needs feeding only weekly. Name it Zorblatt if you like."),
        ("user", "And before baking?"),
        ("assistant", "Take it out a day early and feed it twice at room temperature."),
    ], 1717000000.0),
    ("c0000002-0000-4000-8000-000000000002", "Bike gears", ALPHA, [
        ("user", "My bike's rear derailleur skips gears under load."),
        ("assistant", "Check cable tension first; the barrel adjuster fixes most skipping. Also the quibbleflux hanger alignment."),
    ], 1718000000.0),
    ("c0000003-0000-4000-8000-000000000003", "Tax deadlines", BETA, [
        ("user", "When is the quarterly tax deadline for the zorblatt filing?"),
        ("assistant", "The Zorblatt estimated payment is due on the fifteenth of the month after the quarter."),
    ], 1719000000.0),
]


def write_export(folder):
    """conversations.json for CONVERSATIONS; returns its path."""
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = []
    for cid, title, gizmo, turns, start in CONVERSATIONS:
        mapping = {"root": {"id": "root", "message": None, "parent": None, "children": []}}
        parent = "root"
        for i, (role, text) in enumerate(turns):
            nid = f"{cid[:8]}-m{i + 1}"
            mapping[parent]["children"].append(nid)
            mapping[nid] = {"id": nid, "parent": parent, "children": [], "message": {
                "id": nid, "author": {"role": role, "name": None, "metadata": {}}, "create_time": start + i * 60,
                "update_time": None, "content": {"content_type": "text", "parts": [text]},
                "status": "finished_successfully", "end_turn": True, "weight": 1.0, "metadata": {},
                "recipient": "all", "channel": None}}
            parent = nid
        data.append({"id": cid, "title": title, "create_time": start, "update_time": start + 600,
                     "current_node": parent, "mapping": mapping, "gizmo_id": gizmo, "gizmo_type": "snorlax",
                     "conversation_template_id": gizmo, "moderation_results": [], "is_archived": False,
                     "safe_urls": [], "default_model_slug": "gpt-4o"})
    path = folder / "conversations.json"
    path.write_text(json.dumps(data))
    return path


def imported_home(home, tmp_path):
    """`home` with the export imported; returns the project names as chatbeto named them (alpha, beta)."""
    home.run(["import", str(write_export(tmp_path / "export"))])
    rows = home.query("SELECT p.name, c.id FROM projects p JOIN conversations c ON c.project_id = p.id ORDER BY c.id")
    by_conversation = {cid: name for name, cid in rows}
    return by_conversation[CONVERSATIONS[0][0]], by_conversation[CONVERSATIONS[2][0]]
