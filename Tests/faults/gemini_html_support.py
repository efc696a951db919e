"""One generated Gemini Apps activity written either as Takeout's MyActivity.json or as its MyActivity.html
(the page Takeout writes when JSON was not chosen; its shape follows the hand-made sample in
Tests/ChatBetoTestSupport/Fixtures/samples/2026/handmade-gemini-takeout). The page carries no conversation
ids, so neither variant does: every prompt is a conversation of its own, and both variants of the same
activity must import as the same conversations. Written record by record, never held whole."""
import datetime
import html
import json

from sources_support import text

# Zones the page writes after its local times (abbreviation, minutes east of UTC).
ZONES = [("CET", 60), ("CEST", 120), ("PST", -480), ("EDT", -240), ("GMT+5:30", 330), ("UTC", 0)]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
NEWEST = datetime.datetime(2026, 9, 20, 18, 30, 0, tzinfo=datetime.timezone.utc)


def activity(prompts, words=60):
    """The records, newest first as Takeout writes them: `prompts` prompts, and after every tenth one a
    record that is not a prompt (a Canvas, feedback); every 50th prompt is sent again within the same
    second (another answer, later milliseconds). Each record: dict(kind, prompt, time, answer, zone)."""
    records, n = [], 0
    when = NEWEST
    while n < prompts:
        zone = ZONES[n % len(ZONES)]
        prompt = f"question {n}: " + text(n, 10) + (" & <b>why</b>?" if n % 7 == 0 else "")
        answer = "<p>" + text(n * 3, words) + "</p>" + ("<ul><li>one</li><li>two &amp; three</li></ul>" if n % 3 == 0 else "")
        if n % 50 == 49 and n + 1 < prompts:
            # The newer of the two comes first; same whole second, the older one's answer differs.
            records.append(dict(kind="prompt", prompt=prompt, time=when.replace(microsecond=900000), answer=answer + "<p>again</p>", zone=zone))
            n += 1
        records.append(dict(kind="prompt", prompt=prompt, time=when.replace(microsecond=123000), answer=answer, zone=zone))
        n += 1
        if n % 10 == 0:
            when -= datetime.timedelta(seconds=17)
            verb = "Created Gemini Canvas titled Plan %d" % n if n % 20 == 0 else "Gave feedback: Good response"
            records.append(dict(kind="other", prompt=verb, time=when, answer="", zone=zone))
        when -= datetime.timedelta(minutes=3, seconds=7)
    return records


def json_record(r):
    title = ("Prompted " + r["prompt"]) if r["kind"] == "prompt" else r["prompt"]
    out = {"header": "Gemini Apps", "title": title,
           "time": r["time"].strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (r["time"].microsecond // 1000),
           "products": ["Gemini Apps"], "activityControls": ["Gemini Apps Activity"]}
    if r["answer"]:
        out["safeHtmlItem"] = [{"html": r["answer"]}]
    return out


def local_time(when, zone):
    name, minutes = zone
    t = when.astimezone(datetime.timezone(datetime.timedelta(minutes=minutes)))
    hour = t.hour % 12 or 12
    return f"{MONTHS[t.month - 1]} {t.day}, {t.year}, {hour}:{t.minute:02d}:{t.second:02d}\u202f{'AM' if t.hour < 12 else 'PM'} {name}"


def html_cell(r):
    head = ("Prompted&nbsp;" + html.escape(r["prompt"])) if r["kind"] == "prompt" else html.escape(r["prompt"])
    return ('<div class="outer-cell mdl-cell mdl-cell--12-col mdl-shadow--2dp"><div class="mdl-grid">'
            '<div class="header-cell mdl-cell mdl-cell--12-col"><p class="mdl-typography--title">Gemini Apps<br></p></div>'
            '<div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1">'
            f'{head}<br>{local_time(r["time"], r["zone"])}<br>{r["answer"]}</div>'
            '<div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1 mdl-typography--text-right"></div>'
            '<div class="content-cell mdl-cell mdl-cell--12-col mdl-typography--caption"><b>Products:</b><br>&emsp;Gemini Apps<br>'
            '<b>Why is this here?</b><br>&emsp;This activity was saved to your Google Account.<br></div></div></div>')


HEAD = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>My Activity History</title><style>'
        + ".mdl-grid{display:flex}" * 200 + '</style></head><body><div class="mdl-grid">')
TAIL = "</div></body></html>"


def write_activity(path, html=False, prompts=100, words=60):
    """Writes the activity as MyActivity.html (`html`) or MyActivity.json; returns its records."""
    records = activity(prompts, words)
    with open(path, "w", encoding="utf-8") as f:
        if html:
            f.write(HEAD)
            for r in records:
                f.write(html_cell(r) + "\n")
            f.write(TAIL)
        else:
            f.write("[")
            for i, r in enumerate(records):
                f.write(("," if i else "") + json.dumps(json_record(r), indent=1, ensure_ascii=False))
            f.write("]")
    return records
