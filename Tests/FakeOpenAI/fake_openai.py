#!/usr/bin/env python3
"""A local fake of the OpenAI HTTP API subset chatbeto uses (the endpoints, JSON and SSE events of https://platform.openai.com/docs/api-reference/; every reply shaped as the real server sends it).

Stdlib only. Start it with:

    python3 fake_openai.py [--port 0] [--port-file PATH] [--api-key KEY] [--event-delay-ms N] [--exit-with-parent]

It binds 127.0.0.1 (port 0 = ephemeral), prints "PORT <n>" on stdout and, with --port-file,
writes the port number to that file once it is listening.

Control endpoints (no auth, not part of the OpenAI API):
    POST   /__fake/faults    {"faults": [{"name": "...", ...}, ...]}  queue faults (consumed in order)
    GET    /__fake/faults    the faults still queued
    POST   /__fake/config    {"event_delay_ms": 0, "reasoning": false, "crlf": false, "comments": false,
                              "split_writes": false, "unknown_events": false, "timestamps": false,
                              "reply": null, "models": null}
        event_delay_ms: sleep after each SSE event; timestamps: add "fake_ts" (epoch seconds) to each
        event for latency benchmarks; reasoning: emit a reasoning item first (message at
        output_index 1); crlf: CRLF line endings; comments: ": keep-alive" before each event;
        split_writes: send each event in three chunks; unknown_events: add an unknown event type;
        models: the list GET /v1/models answers (Model objects, with shutdown_date) instead of the default.
    GET    /__fake/requests  every request received: method, path, headers (raw), body
    DELETE /__fake/requests  forget the recorded requests
    POST   /__fake/reset     forget everything (conversations, faults, requests, config)
    POST   /__fake/shutdown  stop the server

Fault names (each fault may carry "path" (prefix the request path must start with, default any
/v1 path), "count" (how many requests it hits, default 1) and "headers" (extra response headers)):
    rate_limit               429 rate_limit_exceeded, retry-after-ms (default 20) and retry-after
    rate_limit_long          429 with Retry-After: 300 (a client must not retry)
    insufficient_quota       429 insufficient_quota (a client must not retry)
    server_error             500 server_error
    overloaded               503 server_is_overloaded with retry-after-ms
    context_length_exceeded  400 context_length_exceeded
    conversation_not_found   404 for the conversation, whatever the id
    stream_cut               stream "after_deltas" (default 1) deltas, then drop the connection
    error_event_flat         in-stream error event, spec shape, after response.created
    error_event_nested       in-stream error event, observed nested shape, after response.created
    incomplete               stream ends with response.incomplete (max_output_tokens)
    failed                   stream ends with response.failed (server_error)
Any fault also accepts "status" to override the HTTP status and "should_retry" ("true"/"false")
to send x-should-retry.

The reply text of a response is the config's "reply" when set, else "You said: <input text>".
"""
import argparse
import hashlib
import json
import math
import os
import random
import signal
import string
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

DEFAULT_KEY = "sk-fake-test-key"
MODELS = [
    {"id": "gpt-5-mini", "object": "model", "created": 1754425777, "owned_by": "system", "shutdown_date": None},
    {"id": "gpt-5-nano", "object": "model", "created": 1754426303, "owned_by": "system", "shutdown_date": None},
    {"id": "gpt-5.4", "object": "model", "created": 1686935002, "owned_by": "openai", "shutdown_date": None},
    {"id": "gpt-5.4-mini", "object": "model", "created": 1686935003, "owned_by": "openai", "shutdown_date": None},
    {"id": "text-embedding-3-small", "object": "model", "created": 1705948997, "owned_by": "system", "shutdown_date": None},
    {"id": "text-embedding-3-large", "object": "model", "created": 1705953180, "owned_by": "system", "shutdown_date": None},
]
EMBEDDING_DIMS = {"text-embedding-3-small": 1536, "text-embedding-3-large": 3072, "text-embedding-ada-002": 1536}
DEFAULT_CONFIG = {"event_delay_ms": 0, "reasoning": False, "crlf": False, "comments": False,
                  "split_writes": False, "unknown_events": False, "timestamps": False, "reply": None,
                  "models": None}


class StreamCut(Exception):
    pass


class State:
    def __init__(self, api_key, event_delay_ms):
        self.lock = threading.Lock()
        self.api_key = api_key
        self.base_delay = event_delay_ms
        self.reset()

    def reset(self):
        self.conversations = {}   # id -> {"resource": {...}, "items": [...]}
        self.responses = {}
        self.faults = []
        self.requests = []
        self.config = dict(DEFAULT_CONFIG, event_delay_ms=self.base_delay)
        self.counter = 0

    def new_id(self, prefix):
        with self.lock:
            self.counter += 1
            n = self.counter
        return "%s_%s%06d" % (prefix, "".join(random.choices(string.ascii_lowercase + string.digits, k=10)), n)

    def take_fault(self, path):
        with self.lock:
            for fault in self.faults:
                if path.startswith(fault.get("path", "/v1/")):
                    fault["count"] = fault.get("count", 1) - 1
                    if fault["count"] <= 0:
                        self.faults.remove(fault)
                    return dict(fault)
        return None


def error_body(message, type_, code=None, param=None):
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}


class APIError(Exception):
    def __init__(self, status, message, type_="invalid_request_error", code=None, param=None, headers=None):
        super().__init__(message)
        self.status, self.body, self.headers = status, error_body(message, type_, code, param), headers or {}


def text_of_content(content):
    if isinstance(content, str):
        return content
    return "".join(p.get("text", "") or p.get("refusal", "") for p in content if isinstance(p, dict))


def embedding_for(text, dims):
    """Deterministic unit vector from SHA-256 of the text, extended by counter hashing."""
    values, counter = [], 0
    while len(values) < dims:
        block = hashlib.sha256(("%d:" % counter).encode() + text.encode("utf-8")).digest()
        values.extend(v / 2147483648.0 for v in struct.unpack(">8i", block))
        counter += 1
    values = values[:dims]
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return [round(v / norm, 8) for v in values]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-openai/1.0"
    # Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and the client's
    # delayed ACK stall every response on a kept-alive connection by about 40 ms.
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):  # keep test output quiet
        pass

    @property
    def state(self):
        return self.server.state

    # ---------- plumbing ----------
    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def do_DELETE(self):
        self.dispatch("DELETE")

    def dispatch(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        if path.startswith("/__fake/"):
            return self.control(method, path, raw)
        with self.state.lock:
            self.state.requests.append({"method": method, "path": self.path, "headers": dict(self.headers.items()),
                                        "body": raw.decode("utf-8", "replace")})
        self.request_id = "req_" + hashlib.md5(("%f%s" % (time.time(), path)).encode()).hexdigest()[:24]
        try:
            if self.headers.get("Authorization") != "Bearer " + self.state.api_key:
                raise APIError(401, "Incorrect API key provided: sk-***. You can find your API key at "
                                    "https://platform.openai.com/account/api-keys.", code="invalid_api_key")
            body = json.loads(raw) if raw else {}
            fault = self.state.take_fault(path)
            if fault:
                self.apply_http_fault(fault, path)
            self.route(method, path, query, body, fault)
        except APIError as e:
            self.send_json(e.status, e.body, e.headers)
        except StreamCut:
            self.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except json.JSONDecodeError:
            self.send_json(400, error_body("We could not parse the JSON body of your request.", "invalid_request_error"))

    def apply_http_fault(self, fault, path):
        name, extra = fault["name"], dict(fault.get("headers", {}))
        if "should_retry" in fault:
            extra["x-should-retry"] = fault["should_retry"]
        status = fault.get("status")
        if name == "rate_limit":
            ms = fault.get("retry_after_ms", 20)
            extra.setdefault("retry-after-ms", str(ms))
            extra.setdefault("retry-after", str(max(1, math.ceil(ms / 1000))))
            raise APIError(status or 429, "Rate limit reached for requests", "requests", "rate_limit_exceeded", headers=extra)
        if name == "rate_limit_long":
            extra.setdefault("retry-after", "300")
            raise APIError(status or 429, "Rate limit reached for tokens", "tokens", "rate_limit_exceeded", headers=extra)
        if name == "insufficient_quota":
            raise APIError(status or 429, "You exceeded your current quota, please check your plan and billing details.",
                           "insufficient_quota", "insufficient_quota", headers=extra)
        if name == "server_error":
            raise APIError(status or 500, "The server had an error while processing your request. Sorry about that!",
                           "server_error", "server_error", headers=extra)
        if name == "overloaded":
            extra.setdefault("retry-after-ms", str(fault.get("retry_after_ms", 20)))
            extra.setdefault("retry-after", "1")
            raise APIError(status or 503, "The server is overloaded or not ready yet.",
                           "service_unavailable_error", "server_is_overloaded", headers=extra)
        if name == "context_length_exceeded":
            raise APIError(status or 400, "Your input exceeds the context window of this model. Please adjust your "
                           "input and try again.", code="context_length_exceeded", param="input", headers=extra)
        if name == "conversation_not_found":
            raise APIError(status or 404, "Conversation with id 'conv_unknown' not found.", param="conversation", headers=extra)
        self.fault = fault  # stream faults are applied while streaming

    def control(self, method, path, raw):
        st = self.state
        data = json.loads(raw) if raw else {}
        with st.lock:
            if path == "/__fake/faults" and method == "POST":
                st.faults.extend(data.get("faults", []))
                out = {"queued": len(st.faults)}
            elif path == "/__fake/faults":
                out = {"faults": list(st.faults)}
            elif path == "/__fake/config" and method == "POST":
                st.config.update(data)
                out = dict(st.config)
            elif path == "/__fake/config":
                out = dict(st.config)
            elif path == "/__fake/requests" and method == "DELETE":
                st.requests = []
                out = {"cleared": True}
            elif path == "/__fake/requests":
                out = {"requests": list(st.requests)}
            elif path == "/__fake/reset":
                st.reset()
                out = {"reset": True}
            elif path == "/__fake/shutdown":
                threading.Thread(target=self.server.shutdown, daemon=True).start()
                out = {"stopping": True}
            else:
                out = None
        if out is None:
            return self.send_json(404, error_body("unknown control endpoint", "invalid_request_error"))
        self.send_json(200, out)

    def common_headers(self):
        return {"x-request-id": self.request_id, "openai-processing-ms": "3",
                "x-ratelimit-limit-requests": "60", "x-ratelimit-limit-tokens": "150000",
                "x-ratelimit-remaining-requests": "59", "x-ratelimit-remaining-tokens": "149984",
                "x-ratelimit-reset-requests": "1s", "x-ratelimit-reset-tokens": "6m0s"}

    def send_json(self, status, obj, extra=None):
        payload = json.dumps(obj).encode()
        self.send_response(status)
        headers = self.common_headers() if hasattr(self, "request_id") else {}
        headers.update(extra or {})
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    # ---------- routing ----------
    def route(self, method, path, query, body, fault):
        parts = [p for p in path.split("/") if p]
        if not parts or parts[0] != "v1":
            raise APIError(404, "Invalid URL (%s %s)" % (method, path))
        parts = parts[1:]
        if parts and parts[0] in ("assistants", "threads"):
            raise APIError(404, "Invalid URL (%s %s)" % (method, path))
        key = (method, parts[0] if parts else "", len(parts))
        if key == ("POST", "conversations", 1):
            return self.create_conversation(body)
        if parts[:1] == ["conversations"] and len(parts) >= 2:
            conv = self.conversation(parts[1])
            if len(parts) == 2:
                if method == "GET":
                    return self.send_json(200, conv["resource"])
                if method == "POST":
                    if "metadata" not in body:
                        raise APIError(400, "Missing required parameter: 'metadata'.", param="metadata",
                                       code="missing_required_parameter")
                    conv["resource"]["metadata"] = self.check_metadata(body["metadata"])
                    return self.send_json(200, conv["resource"])
                if method == "DELETE":
                    with self.state.lock:
                        self.state.conversations.pop(parts[1], None)
                    return self.send_json(200, {"id": parts[1], "object": "conversation.deleted", "deleted": True})
            if len(parts) == 3 and parts[2] == "items":
                if method == "POST":
                    return self.append_items(conv, body)
                if method == "GET":
                    return self.list_items(conv, query)
            if len(parts) == 4 and parts[2] == "items":
                item = next((i for i in conv["items"] if i["id"] == parts[3]), None)
                if item is None:
                    raise APIError(404, "Item with id '%s' not found." % parts[3], param="item_id")
                if method == "GET":
                    return self.send_json(200, item)
                if method == "DELETE":
                    conv["items"].remove(item)
                    return self.send_json(200, conv["resource"])
        if key == ("POST", "responses", 1):
            return self.create_response(body, fault)
        if parts[:1] == ["responses"] and len(parts) == 2 and method == "GET":
            resp = self.state.responses.get(parts[1])
            if resp is None:
                raise APIError(404, "Response with id '%s' not found." % parts[1], param="response_id")
            return self.send_json(200, resp)
        if key == ("POST", "embeddings", 1):
            return self.embeddings(body)
        models = self.state.config.get("models") or MODELS
        if key == ("GET", "models", 1):
            return self.send_json(200, {"object": "list", "data": models})
        if method == "GET" and parts[:1] == ["models"] and len(parts) == 2:
            model = next((m for m in models if m["id"] == parts[1]), None)
            if model is None:
                raise APIError(404, "The model '%s' does not exist or you do not have access to it." % parts[1],
                               code="model_not_found", param="model")
            return self.send_json(200, model)
        raise APIError(404, "Invalid URL (%s %s)" % (method, path))

    # ---------- conversations ----------
    def conversation(self, conv_id):
        conv = self.state.conversations.get(conv_id)
        if conv is None:
            raise APIError(404, "Conversation with id '%s' not found." % conv_id, param="conversation_id")
        return conv

    def check_metadata(self, metadata):
        if metadata is None:
            return {}
        if not isinstance(metadata, dict) or len(metadata) > 16:
            raise APIError(400, "Invalid 'metadata': expected an object with at most 16 properties.", param="metadata",
                           code="invalid_value")
        for k, v in metadata.items():
            if not isinstance(v, str) or len(k) > 64 or len(v) > 512:
                raise APIError(400, "Invalid 'metadata.%s': values must be strings of at most 512 characters." % k,
                               param="metadata", code="invalid_type")
        return metadata

    def stored_items(self, items, param):
        if not isinstance(items, list):
            raise APIError(400, "Invalid type for '%s': expected an array." % param, param=param, code="invalid_type")
        if len(items) > 20:
            raise APIError(400, "Invalid '%s': array too long. Expected an array with maximum length 20, but got an "
                           "array with length %d instead." % (param, len(items)), param=param,
                           code="array_above_max_length")
        return [self.store_item(item, "%s[%d]" % (param, i)) for i, item in enumerate(items)]

    def store_item(self, item, param):
        if "id" in item:
            raise APIError(404, "Item with id '%s' not found." % item["id"], param=param.split("[")[0])
        if item.get("type", "message") != "message":
            raise APIError(400, "Invalid value: '%s'." % item.get("type"), param=param + ".type", code="invalid_value")
        role = item.get("role")
        if role not in ("user", "assistant", "system", "developer"):
            raise APIError(400, "Invalid value: '%s'. Supported values are: 'assistant', 'system', 'developer', and "
                           "'user'." % role, param=param + ".role", code="invalid_value")
        content = item.get("content")
        part_type = "output_text" if role == "assistant" else "input_text"
        if isinstance(content, str):
            parts = [{"type": part_type, "text": content}]
        elif isinstance(content, list):
            parts = []
            for j, part in enumerate(content):
                ptype = part.get("type")
                if role == "assistant" and ptype not in ("output_text", "refusal"):
                    raise APIError(400, "Invalid value: '%s'. Supported values are: 'output_text' and 'refusal'." % ptype,
                                   param="%s.content[%d]" % (param, j), code="invalid_value")
                if role != "assistant" and ptype not in ("input_text", "input_image", "input_file"):
                    raise APIError(400, "Invalid value: '%s'." % ptype, param="%s.content[%d]" % (param, j),
                                   code="invalid_value")
                parts.append(dict(part))
        else:
            raise APIError(400, "Missing required parameter: '%s.content'." % param, param=param + ".content",
                           code="missing_required_parameter")
        for p in parts:
            if p["type"] == "output_text":
                p.setdefault("annotations", [])
                p.setdefault("logprobs", [])
        return {"type": "message", "id": self.state.new_id("msg"), "status": "completed", "role": role, "content": parts}

    def create_conversation(self, body):
        metadata = self.check_metadata(body.get("metadata"))
        items = self.stored_items(body.get("items", []), "items")
        conv_id = self.state.new_id("conv")
        resource = {"id": conv_id, "object": "conversation", "created_at": int(time.time()), "metadata": metadata}
        with self.state.lock:
            self.state.conversations[conv_id] = {"resource": resource, "items": items}
        self.send_json(200, resource)

    def item_list(self, items, has_more=False):
        return {"object": "list", "data": items, "first_id": items[0]["id"] if items else None,
                "last_id": items[-1]["id"] if items else None, "has_more": has_more}

    def append_items(self, conv, body):
        if "items" not in body:
            raise APIError(400, "Missing required parameter: 'items'.", param="items", code="missing_required_parameter")
        items = self.stored_items(body["items"], "items")
        with self.state.lock:
            conv["items"].extend(items)
        self.send_json(200, self.item_list(items))

    def list_items(self, conv, query):
        limit = int(query.get("limit", ["20"])[0])
        if not 1 <= limit <= 100:
            raise APIError(400, "Invalid 'limit': integer below minimum value or above maximum value.", param="limit",
                           code="invalid_value")
        order = query.get("order", ["desc"])[0]
        items = list(conv["items"]) if order == "asc" else list(reversed(conv["items"]))
        after = query.get("after", [None])[0]
        if after:
            ids = [i["id"] for i in items]
            items = items[ids.index(after) + 1:] if after in ids else []
        self.send_json(200, self.item_list(items[:limit], len(items) > limit))

    # ---------- responses ----------
    def input_items(self, body):
        inp = body.get("input")
        if isinstance(inp, str):
            return [{"type": "message", "role": "user", "content": inp}]
        if isinstance(inp, list):
            return inp
        raise APIError(400, "Missing required parameter: 'input'.", param="input", code="missing_required_parameter")

    def create_response(self, body, fault):
        if not body.get("model"):
            raise APIError(400, "Missing required parameter: 'model'.", param="model", code="missing_required_parameter")
        if body.get("conversation") and body.get("previous_response_id"):
            raise APIError(400, "Parameters 'conversation' and 'previous_response_id' cannot be used together.",
                           param="conversation", code="invalid_parameter")
        conv_ref = body.get("conversation")
        conv_id = conv_ref.get("id") if isinstance(conv_ref, dict) else conv_ref
        conv = self.conversation(conv_id) if conv_id else None
        stored_input = self.stored_items(self.input_items(body), "input") if isinstance(body.get("input"), list) \
            else [self.store_item(self.input_items(body)[0], "input")]
        user_text = " ".join(text_of_content(i["content"]) for i in stored_input if i["role"] == "user")
        reply = self.state.config.get("reply") or "You said: %s" % user_text
        resp_id, msg_id = self.state.new_id("resp"), self.state.new_id("msg")
        history = conv["items"] if conv else []
        input_tokens = max(1, sum(len(text_of_content(i["content"])) for i in history + stored_input) // 4)
        base = {"id": resp_id, "object": "response", "created_at": int(time.time()), "status": "in_progress",
                "error": None, "incomplete_details": None, "instructions": body.get("instructions"),
                "max_output_tokens": body.get("max_output_tokens"), "model": body["model"],
                "conversation": {"id": conv_id} if conv_id else None, "previous_response_id": None, "output": [],
                "parallel_tool_calls": True, "store": body.get("store", True), "temperature": 1.0,
                "text": {"format": {"type": "text"}, "verbosity": "medium"}, "tool_choice": "auto", "tools": [],
                "top_p": 1.0, "truncation": "disabled", "usage": None, "user": None,
                "metadata": body.get("metadata") or {}, "billing": {"payer": "developer"}}
        reasoning = [{"id": self.state.new_id("rs"), "type": "reasoning", "summary": []}] if self.state.config.get("reasoning") else []
        message = {"id": msg_id, "type": "message", "status": "completed", "role": "assistant",
                   "content": [{"type": "output_text", "annotations": [], "logprobs": [], "text": reply}]}
        usage = {"input_tokens": input_tokens, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                 "output_tokens": max(1, len(reply) // 4), "output_tokens_details": {"reasoning_tokens": 0},
                 "total_tokens": input_tokens + max(1, len(reply) // 4)}
        final = dict(base, status="completed", completed_at=int(time.time()), output=reasoning + [message], usage=usage)

        def commit():
            self.state.responses[resp_id] = final
            if conv is not None:
                with self.state.lock:
                    conv["items"].extend(stored_input + reasoning + [message])

        if not body.get("stream"):
            commit()
            return self.send_json(200, final)
        self.stream_response(base, final, reasoning, message, reply, fault, commit)

    def stream_response(self, base, final, reasoning, message, reply, fault, commit):
        cfg = self.state.config
        self.send_response(200)
        for k, v in self.common_headers().items():
            self.send_header(k, v)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        eol = "\r\n" if cfg.get("crlf") else "\n"
        delay = (cfg.get("event_delay_ms") or 0) / 1000.0
        seq = [0]
        fault_name = fault["name"] if fault else None

        def write_chunk(data):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

        def emit(event):
            event = dict(event, sequence_number=seq[0])
            if cfg.get("timestamps"):
                event["fake_ts"] = time.time()
            seq[0] += 1
            text = ""
            if cfg.get("comments"):
                text += ": keep-alive" + eol
            text += "event: %s%sdata: %s%s%s" % (event["type"], eol, json.dumps(event), eol, eol)
            data = text.encode("utf-8")
            if cfg.get("split_writes"):
                cut = len(data) // 3
                for piece in (data[:cut], data[cut:2 * cut], data[2 * cut:]):
                    write_chunk(piece)
                    time.sleep(0.002)
            else:
                write_chunk(data)
            if delay:
                time.sleep(delay)

        def finish():
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

        emit({"type": "response.created", "response": base})
        if fault_name == "error_event_flat":
            emit({"type": "error", "code": "server_error", "message": "Something went wrong", "param": None})
            return finish()
        if fault_name == "error_event_nested":
            emit({"type": "error", "error": {"type": "invalid_request_error", "code": "context_length_exceeded",
                  "message": "Your input exceeds the context window of this model. Please adjust your input and "
                             "try again.", "param": "input"}})
            return finish()
        emit({"type": "response.in_progress", "response": base})
        if cfg.get("unknown_events"):
            emit({"type": "response.fake_unknown_event", "surprise": {"nested": [1, 2, 3]}})
        for item in reasoning:
            idx = 0
            emit({"type": "response.output_item.added", "output_index": idx, "item": dict(item)})
            emit({"type": "response.output_item.done", "output_index": idx, "item": dict(item)})
        out_index = len(reasoning)
        msg_id = message["id"]
        emit({"type": "response.output_item.added", "output_index": out_index,
              "item": {"id": msg_id, "type": "message", "status": "in_progress", "content": [], "role": "assistant"}})
        emit({"type": "response.content_part.added", "item_id": msg_id, "output_index": out_index, "content_index": 0,
              "part": {"type": "output_text", "annotations": [], "logprobs": [], "text": ""}})
        words = [w for w in reply.replace(" ", " \0").split("\0") if w] or [""]
        cut_after = fault.get("after_deltas", 1) if fault_name == "stream_cut" else None
        sent = ""
        for n, word in enumerate(words):
            if cut_after is not None and n >= cut_after:
                self.wfile.flush()
                self.close_connection = True
                raise StreamCut()
            emit({"type": "response.output_text.delta", "item_id": msg_id, "output_index": out_index,
                  "content_index": 0, "delta": word, "logprobs": [],
                  "obfuscation": "".join(random.choices(string.ascii_letters, k=7))})
            sent += word
        if fault_name == "incomplete":
            emit({"type": "response.output_text.done", "item_id": msg_id, "output_index": out_index,
                  "content_index": 0, "text": sent, "logprobs": []})
            emit({"type": "response.incomplete", "response": dict(final, status="incomplete",
                  incomplete_details={"reason": "max_output_tokens"})})
            return finish()
        if fault_name == "failed":
            emit({"type": "response.failed", "response": dict(base, status="failed",
                  error={"code": "server_error", "message": "The model failed to generate a response."})})
            return finish()
        part = message["content"][0]
        emit({"type": "response.output_text.done", "item_id": msg_id, "output_index": out_index, "content_index": 0,
              "text": reply, "logprobs": []})
        emit({"type": "response.content_part.done", "item_id": msg_id, "output_index": out_index, "content_index": 0,
              "part": part})
        emit({"type": "response.output_item.done", "output_index": out_index, "item": message})
        commit()
        emit({"type": "response.completed", "response": final})
        finish()

    # ---------- embeddings ----------
    def embeddings(self, body):
        unknown = set(body) - {"model", "input", "encoding_format", "dimensions", "user"}
        if unknown:
            raise APIError(400, "Unrecognized request argument supplied: %s" % sorted(unknown)[0],
                           param=sorted(unknown)[0], code="unknown_parameter")
        model = body.get("model")
        if model not in EMBEDDING_DIMS:
            raise APIError(404, "The model '%s' does not exist or you do not have access to it." % model,
                           code="model_not_found", param="model")
        inp = body.get("input")
        inputs = [inp] if isinstance(inp, str) else inp
        if not isinstance(inputs, list) or not inputs or len(inputs) > 2048:
            raise APIError(400, "'$.input' is invalid. Please check the API reference.", param="input",
                           code="invalid_value")
        if any(not isinstance(t, str) or t == "" for t in inputs):
            raise APIError(400, "'$.input' is invalid. Please check the API reference.", param="input",
                           code="invalid_value")
        tokens = [max(1, len(t) // 4) for t in inputs]
        if max(tokens) > 8192 or sum(tokens) > 300000:
            raise APIError(400, "Requested too many tokens for this model.", param="input",
                           code="max_tokens_per_request")
        dims = body.get("dimensions") or EMBEDDING_DIMS[model]
        if not isinstance(dims, int) or dims < 1 or dims > EMBEDDING_DIMS[model]:
            raise APIError(400, "Invalid 'dimensions'.", param="dimensions", code="invalid_value")
        data = [{"object": "embedding", "index": i, "embedding": embedding_for(t, dims)} for i, t in enumerate(inputs)]
        self.send_json(200, {"object": "list", "data": data, "model": model,
                             "usage": {"prompt_tokens": sum(tokens), "total_tokens": sum(tokens)}})


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--api-key", default=os.environ.get("FAKE_OPENAI_KEY", DEFAULT_KEY))
    ap.add_argument("--event-delay-ms", type=int, default=0)
    ap.add_argument("--exit-with-parent", action="store_true",
                    help="stop when the process that started us goes away (no orphans after a crashed test run)")
    args = ap.parse_args(argv)
    # A parent may spawn us with signals blocked (libdispatch worker threads do): make SIGTERM/SIGINT work.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.state = State(args.api_key, args.event_delay_ms)
    port = server.server_address[1]
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(str(port))
        os.replace(tmp, args.port_file)
    print("PORT %d" % port, flush=True)
    if args.exit_with_parent:
        parent = os.getppid()

        def watch_parent():
            while os.getppid() == parent:
                time.sleep(0.5)
            server.shutdown()

        threading.Thread(target=watch_parent, daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
    server.server_close()


if __name__ == "__main__":
    main()
