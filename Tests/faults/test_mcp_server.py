"""`chatbeto mcp` driven by the official Python MCP SDK as a real client over stdio: initialise, tools
with schemas, search, read, read-only SQL, resources, and bad arguments answered as protocol errors
with the server still serving."""
import asyncio

import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp import MCPError

from conftest import BINARY
from recall_support import CONVERSATIONS, imported_home

SOURDOUGH, BIKE, TAX = (c[0] for c in CONVERSATIONS)


@pytest.fixture
def archive(home, tmp_path):
    names = imported_home(home, tmp_path)
    # The shell's own 'sql' started the server; the MCP server reuses it.
    return home, names


def session(home, *args):
    params = StdioServerParameters(command=BINARY, args=["mcp", *args], env=home.env)
    return stdio_client(params)


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 120))


def text(result):
    return "".join(c.text for c in result.content if c.type == "text")


def test_tools_search_read_and_sql(archive):
    home, (alpha, beta) = archive
    # A hidden tool message on the tax conversation's path: stored (a node), never shown or counted as a message.
    home.run(["-e", "set sql-write on", "-e", f"INSERT INTO messages (conversation_id, node_id, role, is_hidden, on_visible_path, text) "
                    f"VALUES ('{TAX}', 'hidden-tool-1', 'tool', 1, 1, 'tool output')",
              "-e", f"UPDATE conversations SET message_count = message_count + 1 WHERE id = '{TAX}'"])
    visible, nodes = home.query(f"SELECT SUM(on_visible_path = 1 AND is_hidden = 0), COUNT(*) FROM messages WHERE conversation_id = '{TAX}'")[0]
    assert int(visible) < int(nodes)

    async def scenario():
        async with session(home) as (read, write):
            async with ClientSession(read, write) as s:
                init = await s.initialize()
                assert init.server_info.name == "chatbeto"
                tools = {t.name: t for t in (await s.list_tools()).tools}
                assert set(tools) >= {"search", "read_conversation", "list_projects", "list_conversations", "sql", "stats"}
                for t in tools.values():
                    assert t.description and t.input_schema["type"] == "object", t.name
                assert tools["search"].input_schema["required"] == ["query"]

                # 'quibbleflux' occurs in one conversation only.
                hits = await s.call_tool("search", {"query": "quibbleflux"})
                assert not hits.is_error, text(hits)
                out = text(hits)
                assert f"conversation={BIKE}" in out and SOURDOUGH not in out and TAX not in out
                assert "1 hit" in out

                thread = await s.call_tool("read_conversation", {"conversation": BIKE})
                body = text(thread)
                assert not thread.is_error, body
                assert "rear derailleur skips gears" in body and "barrel adjuster" in body
                assert "msg=c0000002-m1" in body

                window = await s.call_tool("read_conversation", {"conversation": SOURDOUGH, "around": "c0000001-m3", "window": 0})
                assert "And before baking?" in text(window) and "Feed it, then" not in text(window)

                projects = text(await s.call_tool("list_projects", {}))
                assert alpha in projects and beta in projects
                listed = text(await s.call_tool("list_conversations", {"project": beta}))
                assert TAX in listed and BIKE not in listed

                rows = await s.call_tool("sql", {"query": "SELECT COUNT(*) AS n FROM conversations"})
                assert not rows.is_error and "n\n3\n" in text(rows)
                refused = await s.call_tool("sql", {"query": "DELETE FROM conversations"})
                assert refused.is_error, text(refused)
                assert "denied" in text(refused).lower() or "read only" in text(refused).lower()

                stats = await s.call_tool("stats", {})
                assert not stats.is_error and "Totals" in text(stats)

                resources = (await s.list_resources()).resources
                uris = {str(r.uri) for r in resources}
                assert f"chatbeto://conversation/{TAX}" in uris
                tax = next(r for r in resources if str(r.uri) == f"chatbeto://conversation/{TAX}")
                assert tax.description.startswith(f"{visible} messages, updated "), tax.description
                content = await s.read_resource(f"chatbeto://conversation/{TAX}")
                assert "quarterly tax deadline" in content.contents[0].text

    run(scenario())
    # The write was refused by the server: every conversation is still there.
    assert home.query("SELECT COUNT(*) FROM conversations") == [["3"]]


def test_project_scope(archive):
    home, (alpha, beta) = archive

    async def scenario():
        async with session(home, "--project", beta) as (read, write):
            async with ClientSession(read, write) as s:
                await s.initialize()
                scoped = text(await s.call_tool("search", {"query": "zorblatt"}))
                assert TAX in scoped and SOURDOUGH not in scoped
                everywhere = text(await s.call_tool("search", {"query": "zorblatt", "all": True}))
                assert TAX in everywhere and SOURDOUGH in everywhere
                since = text(await s.call_tool("search", {"query": "zorblatt", "all": True, "since": "2024-06-20"}))
                assert TAX in since and SOURDOUGH not in since
                # No embedding index: semantic says what to do, hybrid falls back to full text.
                semantic = await s.call_tool("search", {"query": "zorblatt", "mode": "semantic"})
                assert semantic.is_error and "index" in text(semantic)
                hybrid = await s.call_tool("search", {"query": "zorblatt", "mode": "hybrid"})
                assert not hybrid.is_error and TAX in text(hybrid)

    run(scenario())


@pytest.mark.parametrize("name,arguments", [
    ("search", {}),
    ("search", {"query": 42}),
    ("search", {"query": "x", "limit": "ten"}),
    ("search", {"query": "zorblatt", "limit": 0}),
    ("search", {"query": "zorblatt", "mode": "psychic"}),
    ("search", {"query": "zorblatt", "since": "last tuesday"}),
    ("search", {"query": "zorblatt", "bogus": 1}),
    ("read_conversation", {"conversation": ""}),
    ("sql", {}),
    ("no_such_tool", {}),
])
def test_bad_arguments_are_protocol_errors(archive, name, arguments):
    home, _ = archive

    async def scenario():
        async with session(home) as (read, write):
            async with ClientSession(read, write) as s:
                await s.initialize()
                with pytest.raises(MCPError) as raised:
                    await s.call_tool(name, arguments)
                assert raised.value.error.code == -32602
                # Still serving after the error.
                again = await s.call_tool("search", {"query": "quibbleflux"})
                assert BIKE in text(again)
                with pytest.raises(MCPError):
                    await s.read_resource("chatbeto://conversation/ffffffff-no-such")

    run(scenario())


def test_unknown_conversation_is_a_tool_error(archive):
    home, _ = archive

    async def scenario():
        async with session(home) as (read, write):
            async with ClientSession(read, write) as s:
                await s.initialize()
                result = await s.call_tool("read_conversation", {"conversation": "ffffffff"})
                assert result.is_error and "ffffffff" in text(result)

    run(scenario())


def test_stdout_is_protocol_only_and_bad_usage_fails(home):
    result = home.run(["mcp", "--bogus"], check=False)
    assert result.returncode == 2 and result.stdout == ""
    assert "usage: chatbeto mcp" in result.stderr


def test_fresh_home_starts_its_server_without_touching_stdout(home):
    """The first use of a home initialises and starts the private MariaDB: none of it may reach stdout."""

    async def scenario():
        async with session(home) as (read, write):
            async with ClientSession(read, write) as s:
                await s.initialize()
                listed = await s.call_tool("list_conversations", {})
                assert not listed.is_error and "(0 rows)" in text(listed)
                hits = await s.call_tool("search", {"query": "anything"})
                assert not hits.is_error and "0 hits" in text(hits)

    run(scenario())
