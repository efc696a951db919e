"""A zip member whose CRC-32 is wrong is found after its last byte, when earlier batches of a large
member are already committed: the error says how many of its conversations stay, never that nothing
from it was written (issue 11, batched commits)."""
import re
import zipfile

from test_import_batches import one_file_export


def test_a_corrupt_large_member_says_how_many_of_it_stay_committed(home, tmp_path):
    export = one_file_export(tmp_path / "export")  # several 4 MB batches in one file
    zpath = tmp_path / "export.zip"
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_STORED) as z:
        z.write(export, "conversations.json")
    raw = bytearray(zpath.read_bytes())
    # One flipped bit in a letter of the last user message: still valid JSON, so only the CRC tells.
    at = raw.index(b'"parts": ["', raw.rindex(b'"role": "user"')) + 11
    while not (0x61 <= raw[at] <= 0x7A and 0x61 <= raw[at] ^ 0x01 <= 0x7A):
        at += 1
    raw[at] ^= 0x01
    zpath.write_bytes(bytes(raw))
    r = home.run(["import", str(zpath)], check=False)
    assert r.returncode != 0
    assert "export.zip:conversations.json" in r.stderr and "CRC" in r.stderr, r.stderr
    assert "nothing from it was written" not in r.stderr, r.stderr
    kept = re.search(r"its first (\d+) conversations stay committed", r.stderr)
    assert kept, r.stderr
    stored = int(home.query("sql SELECT COUNT(*) FROM conversations")[0][0])
    assert 0 < stored == int(kept.group(1)) < 400
