"""Drives fake_openai.py with the official openai SDK, to prove the fake speaks the real wire protocol.

Run: python3 -m pytest Tests/FakeOpenAI
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest

openai = pytest.importorskip("openai")

HERE = os.path.dirname(os.path.abspath(__file__))
KEY = "sk-sdk-test-0123456789"


@pytest.fixture()
def server():
    with tempfile.TemporaryDirectory() as tmp:
        port_file = os.path.join(tmp, "port")
        proc = subprocess.Popen([sys.executable, os.path.join(HERE, "fake_openai.py"), "--port-file", port_file,
                                 "--api-key", KEY, "--exit-with-parent"], stdout=subprocess.DEVNULL)
        deadline = time.time() + 10
        while not os.path.exists(port_file):
            assert time.time() < deadline, "fake server did not start"
            time.sleep(0.02)
        port = int(open(port_file).read())
        yield "http://127.0.0.1:%d" % port
        proc.terminate()
        proc.wait(5)


def control(base, path, body=None, method=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method or ("POST" if data else "GET"),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())


def client(base, key=KEY):
    return openai.OpenAI(api_key=key, base_url=base + "/v1", max_retries=0)


def test_conversation_create_append_list(server):
    c = client(server)
    conv = c.conversations.create(metadata={"local_id": "42"},
                                  items=[{"type": "message", "role": "user", "content": "Hello!"},
                                         {"type": "message", "role": "assistant", "content": "Hi! How can I help?"}])
    assert conv.id.startswith("conv_") and conv.metadata == {"local_id": "42"}
    added = c.conversations.items.create(conv.id, items=[
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Third"}]}])
    assert len(added.data) == 1 and added.data[0].id.startswith("msg_")
    page = c.conversations.items.list(conv.id, order="asc", limit=2)
    assert [i.content[0].text for i in page.data] == ["Hello!", "Hi! How can I help?"]
    assert page.has_more
    everything = list(c.conversations.items.list(conv.id, order="asc", limit=2))  # SDK pages with `after`
    assert [i.role for i in everything] == ["user", "assistant", "user"]
    newest = c.conversations.items.list(conv.id).data  # default order is desc
    assert newest[0].content[0].text == "Third"
    assert c.conversations.delete(conv.id).deleted


def test_assistant_input_text_is_rejected(server):
    c = client(server)
    with pytest.raises(openai.BadRequestError) as e:
        c.conversations.create(items=[{"type": "message", "role": "assistant",
                                       "content": [{"type": "input_text", "text": "x"}]}])
    assert e.value.code == "invalid_value"


def test_response_non_streaming_appends_to_conversation(server):
    c = client(server)
    conv = c.conversations.create()
    r = c.responses.create(model="gpt-5.4", conversation=conv.id, input="ping", instructions="Be brief.")
    assert r.status == "completed" and r.output_text == "You said: ping"
    assert r.usage.output_tokens > 0
    roles = [i.role for i in c.conversations.items.list(conv.id, order="asc").data]
    assert roles == ["user", "assistant"]


def test_response_streaming_event_sequence(server):
    control(server, "/__fake/config", {"reasoning": True, "crlf": True, "comments": True})
    c = client(server)
    conv = c.conversations.create()
    stream = c.responses.create(model="gpt-5.4", conversation=conv.id, input="stream me please", stream=True)
    events = list(stream)
    types = [e.type for e in events]
    assert types[0] == "response.created" and types[-1] == "response.completed"
    assert [e.sequence_number for e in events] == list(range(len(events)))
    deltas = [e for e in events if e.type == "response.output_text.delta"]
    assert len(deltas) > 1 and all(d.output_index == 1 for d in deltas)
    assert "".join(d.delta for d in deltas) == "You said: stream me please"
    assert events[-1].response.output_text == "You said: stream me please"
    assert len(c.conversations.items.list(conv.id).data) == 3  # user, reasoning, assistant


def test_streaming_error_event_nested(server):
    control(server, "/__fake/faults", {"faults": [{"name": "error_event_nested"}]})
    c = client(server)
    # The SDK turns the nested-shape in-stream error event into an APIError.
    with pytest.raises(openai.APIError) as e:
        list(c.responses.create(model="gpt-5.4", input="hi", stream=True))
    assert "context window" in str(e.value)


def test_embeddings_and_dimensions(server):
    c = client(server)
    r = c.embeddings.create(model="text-embedding-3-small", input=["a", "b"])
    assert [d.index for d in r.data] == [0, 1] and len(r.data[0].embedding) == 1536
    again = c.embeddings.create(model="text-embedding-3-small", input="a", dimensions=8)
    assert len(again.data[0].embedding) == 8
    assert again.data[0].embedding != c.embeddings.create(model="text-embedding-3-small", input="b",
                                                          dimensions=8).data[0].embedding
    assert r.usage.total_tokens >= 2


def test_models(server):
    c = client(server)
    ids = [m.id for m in c.models.list()]
    assert "gpt-5.4" in ids
    assert c.models.retrieve("gpt-5.4").owned_by == "openai"
    with pytest.raises(openai.NotFoundError):
        c.models.retrieve("gpt-0")


def test_errors_and_retries(server):
    with pytest.raises(openai.AuthenticationError) as e:
        client(server, key="sk-wrong").models.list()
    assert e.value.code == "invalid_api_key"
    control(server, "/__fake/faults", {"faults": [{"name": "rate_limit", "retry_after_ms": 10}]})
    retrying = openai.OpenAI(api_key=KEY, base_url=server + "/v1", max_retries=2)
    assert retrying.models.list().data  # the SDK retried the 429 itself
    control(server, "/__fake/faults", {"faults": [{"name": "insufficient_quota"}]})
    with pytest.raises(openai.RateLimitError) as e:
        client(server).models.list()
    assert e.value.code == "insufficient_quota"
    with pytest.raises(openai.NotFoundError):
        client(server).conversations.retrieve("conv_does_not_exist")


def test_requests_are_recorded_with_raw_headers(server):
    client(server).models.list()
    reqs = control(server, "/__fake/requests")["requests"]
    assert reqs[-1]["path"] == "/v1/models"
    headers = {k.lower(): v for k, v in reqs[-1]["headers"].items()}  # recorded raw, as the client spelled them
    assert headers["authorization"] == "Bearer " + KEY


def test_assistants_endpoints_are_gone(server):
    req = urllib.request.Request(server + "/v1/assistants", headers={"Authorization": "Bearer " + KEY})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req)
    assert e.value.code == 404


def test_validation_matches_the_real_api(server):
    c = client(server)
    with pytest.raises(openai.BadRequestError) as e:
        c.conversations.create(items=[{"type": "message", "role": "user", "content": str(i)} for i in range(21)])
    assert e.value.code == "array_above_max_length"
    conv = c.conversations.create()
    with pytest.raises(openai.BadRequestError):
        c.responses.create(model="gpt-5.4", conversation=conv.id, previous_response_id="resp_x", input="x")
    with pytest.raises(openai.NotFoundError) as e:
        c.responses.create(model="gpt-5.4", input=[{"type": "message", "id": "msg_MADE_UP_ID", "role": "user",
                                                    "content": "x"}])
    assert "msg_MADE_UP_ID" in str(e.value)
    with pytest.raises(openai.NotFoundError):
        c.responses.create(model="gpt-5.4", conversation="conv_unknown", input="x")


def test_retrieve_response_and_incomplete_stream(server):
    c = client(server)
    r = c.responses.create(model="gpt-5.4", input="keep me")
    assert c.responses.retrieve(r.id).output_text == "You said: keep me"
    control(server, "/__fake/faults", {"faults": [{"name": "incomplete"}]})
    events = list(c.responses.create(model="gpt-5.4", input="a b", stream=True))
    assert events[-1].type == "response.incomplete"
    assert events[-1].response.incomplete_details.reason == "max_output_tokens"
