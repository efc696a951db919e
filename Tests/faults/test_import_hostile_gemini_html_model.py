"""Hostile Takeout activity pages, generated (hypothesis): answers whose HTML does not balance (a `div`
left open, one closed too many, upper case), `div`s inside comments and quoted attributes, raw `<` and
`>`, entities; prompts with markup and any printable text. The page is cut into records by counting
`div`s (ActivityCellSplitter). Invariant: the import succeeds, every prompt is stored once as a user
message with its text, and a re-import changes nothing and reports every conversation unchanged."""
import datetime

from hypothesis import HealthCheck, example, given, settings, strategies as st

from gemini_html_support import HEAD, TAIL, html_cell
from hostile_support import assert_reimport_unchanged, empty, import_whole

FRAGMENTS = ["<p>plain</p>", "<div>", "</div>", "<DIV>", "</DIV>", '<div class="x">inner</div>', "&amp; &lt;b&gt;", "&#x1F600;",
             "<br>", "a < b", "c > d", "<!-- <div> -->", '<a href="x>y">link</a>', "<span title='</div>'>q</span>",
             '<p class="outer">not a record</p>', "<ul><li>one</li></ul>"]
prompt = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30).filter(str.strip)
answer = st.lists(st.sampled_from(FRAGMENTS), max_size=6).map("".join)
activity = st.lists(st.tuples(prompt, answer), min_size=1, max_size=6)
NEWEST = datetime.datetime(2026, 9, 20, 18, 30, 0, tzinfo=datetime.timezone.utc)


def write(path, pairs):
    records = [dict(kind="prompt", prompt=p, answer=a, zone=("UTC", 0), time=NEWEST - datetime.timedelta(minutes=7 * i))
               for i, (p, a) in enumerate(pairs)]
    path.write_text(HEAD + "".join(html_cell(r) + "\n" for r in records) + TAIL, encoding="utf-8")


def spaced(s):
    return " ".join(s.split())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=activity)
@example(pairs=[("first <div> question", "<div><div>open"), ("second", "</div></div></div>closed too often"),
                ("third & last", "<!-- <div> --><span title='</div>'>q</span>")])
def test_hostile_activity_pages_import_every_prompt_once(home, tmp_path, pairs):
    empty(home)
    page = tmp_path / "MyActivity.html"
    write(page, pairs)
    first = import_whole(home, page)
    stored = sorted(spaced(bytes.fromhex(row[0]).decode()) for row in home.query("SELECT HEX(text) FROM messages WHERE role = 'user'"))
    assert stored == sorted(spaced(p) for p, _ in pairs), (stored, first.stdout)
    assert_reimport_unchanged(home, page)
