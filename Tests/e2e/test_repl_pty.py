"""The shell's editing, history, completion and mysql-style client commands, in a pseudo-terminal:
multi-line statements as one history entry, chat messages in their own history, completion with titles,
file names and SQL names, \\c, \\e, pager/nopager, tee/notee, \\s, \\h and `server restart`."""
import pathlib
import re

import pexpect

from conftest import BINARY

UP = "\x1b[A"
PROMPT = "chatbeto> "
WP_PROMPT = "chatbeto[Wordpress]> "
HUNDRED_ROWS = "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 100)"


def spawn(home, env=None):
    child = pexpect.spawn(BINARY, [], env=dict(home.env, TERM="xterm", **(env or {})), encoding="utf-8",
                          timeout=30, dimensions=(40, 200))
    child.logfile_read = open(home.path / "pty.log", "a", encoding="utf-8")
    child.expect("Type 'help'")
    child.expect_exact("> ")
    return child


def history_entries(path):
    """The entries of a libedit history file, decoded (libedit saves them vis(3)-encoded)."""
    if not path.exists():
        return []
    lines = path.read_text(errors="replace").splitlines()
    decode = lambda s: re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), s)
    return [decode(line) for line in lines if line != "_HiStOrY_V2_"]


def quit_shell(child):
    child.sendline("quit")
    child.expect(pexpect.EOF)


def test_multiline_statement_is_one_history_entry_and_chat_has_its_own(home):
    child = spawn(home)
    child.sendline("SELECT 40")
    child.expect_exact("->")
    child.sendline("+ 2 AS answer;")
    child.expect(r"\| +42 \|")
    child.expect_exact(PROMPT)
    # Up recalls the whole statement, not its last line; Enter runs it again.
    child.send(UP)
    child.expect_exact("SELECT 40", timeout=5)
    child.expect_exact("+ 2 AS answer;", timeout=5)
    child.send("\r")
    child.expect(r"\| +42 \|")
    child.expect_exact(PROMPT)
    # A statement with a secret on its second line is kept out of the history as a whole.
    child.sendline("SELECT 1 AS first_line_of_secret,")
    child.expect_exact("->")
    child.sendline("'sk-abcdefghijklmnop123' AS k;")
    child.expect_exact(PROMPT)

    # Chat mode: messages go to the chat history, not the command history.
    child.sendline("use Wordpress")
    child.expect_exact(WP_PROMPT)
    child.sendline("continue")
    child.expect_exact("Chat mode")
    child.expect_exact("]> ")
    child.sendline("a message for the model")
    child.expect_exact("[y/N] ")
    child.sendline("y")
    child.expect_exact("You said: a message for the model")
    child.expect_exact("]> ")
    child.sendline("my key is sk-abcdefghijklmnop999")
    child.expect_exact("You said: my key is")
    child.expect_exact("]> ")
    child.send(UP)
    child.expect_exact("a message for the model", timeout=5)
    child.send("\x15")  # Ctrl-U: clear the recalled line
    child.sendline("/exit")
    child.expect_exact("Left chat mode.")
    child.expect_exact("Plugin help]> ")
    # Back at the command prompt, Up recalls the last command, never the chat message.
    child.send(UP)
    child.expect_exact("continue", timeout=5)
    child.send("\x15\r")
    child.expect_exact("Plugin help]> ")
    quit_shell(child)

    commands = history_entries(home.path / "history")
    assert "SELECT 40\n+ 2 AS answer;" in commands
    assert "+ 2 AS answer;" not in commands
    assert not any("a message for the model" in e for e in commands)
    assert not any("first_line_of_secret" in e or "sk-abcdef" in e for e in commands)
    chats = history_entries(home.path / "history-chat")
    assert "a message for the model" in chats
    assert not any("SELECT 40" in e for e in chats)
    assert not any("sk-abcdef" in e for e in chats)

    # The history file keeps the statement whole across sessions.
    child = spawn(home)
    child.send(UP + UP + UP + UP)
    child.expect_exact("SELECT 40", timeout=5)
    child.expect_exact("+ 2 AS answer;", timeout=5)
    child.send("\r")
    child.expect(r"\| +42 \|")
    quit_shell(child)


def test_completion_shows_titles_in_the_project_file_names_and_sql_names(home, tmp_path):
    home.run(["--yes", "-e", "set sql-write on\n"
              "INSERT INTO projects (id, name, name_source) VALUES (2, 'Other', 'user');\n"
              "INSERT INTO conversations (id, project_id, title, update_time, current_node, message_count) VALUES "
              "('c2', 1, CONCAT('Evil', CHAR(27), '[31mred'), '2024-05-02 10:00:00', NULL, 0), "
              "('c3', 2, 'Elsewhere', '2024-05-03 10:00:00', NULL, 0);"])
    scripts = tmp_path / "scripts dir"
    scripts.mkdir()
    (scripts / "nightly-report.sql").write_text("SELECT 1;\n")
    child = spawn(home)
    child.sendline("use Wordpress")
    child.expect_exact(WP_PROMPT)
    # Several conversations: listed with their titles, escaped, and only the current project's.
    child.send("show c\t")
    child.expect_exact(WP_PROMPT, timeout=5)
    listing = child.before
    assert re.search(r"c1 +Plugin help", listing), listing
    assert re.search(r"c2 +Evil\\x1b\[31mred", listing, re.IGNORECASE), listing
    assert "\x1b[31m" not in listing
    assert "Elsewhere" not in listing and "c3" not in listing
    child.send("\x15\r")
    child.expect_exact(WP_PROMPT)

    # File names after source (a directory with a space in its name).
    child.send(f"source {tmp_path}/scr\t")
    child.expect_exact("dir/", timeout=5)
    child.send("ni\t")
    child.expect_exact("report.sql", timeout=5)
    child.send("\r")
    child.expect(r"\| +1 \|")
    child.expect_exact(WP_PROMPT)

    # SQL: tables and columns the reader account sees, and keywords in the case typed.
    child.send("SELECT current_no\t")
    child.expect_exact("de", timeout=5)
    child.send(" FROM conversat\t")
    child.expect_exact("ion", timeout=5)
    child.send("\t")  # the column and the table: both listed
    child.expect(r"conversation_id +conversations", timeout=5)
    child.send("s")
    child.send(" WHER\t")
    child.expect_exact("E", timeout=5)
    child.send("id = 'c1';\r")
    child.expect(r"\| +m4 +\|")
    child.expect_exact(WP_PROMPT)
    # chatbeto's private table is not the reader's: not offered.
    child.send("SELECT * FROM chatbeto_\t\t")
    child.expect_exact("chatbeto_", timeout=5)
    child.send("\x15\r")
    child.expect_exact(WP_PROMPT)
    assert "chatbeto_private" not in child.before
    quit_shell(child)


def test_mysql_client_commands(home, tmp_path):
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\nsed -i -e 's/SELECT 1 AS edited/SELECT 6*7 AS edited/' -e 's/AS again$/AS again;/' \"$1\"\n")
    editor.chmod(0o755)
    tee = tmp_path / "session.log"
    child = spawn(home, env={"EDITOR": str(editor), "VISUAL": ""})

    # \c clears the statement being typed.
    child.sendline("SELECT 1 AS cleared")
    child.expect_exact("->")
    child.sendline(", 2 \\c")
    child.expect_exact(PROMPT)
    child.sendline("SELECT 7 AS kept;")
    child.expect(r"\| +7 \|")
    child.expect_exact(PROMPT)
    assert "cleared" not in child.before

    # \e opens the statement in $EDITOR; the edited text stays in the buffer until ; runs it.
    child.sendline("SELECT 1 AS edited \\e")
    child.expect_exact("->")
    child.sendline(";")
    child.expect(r"\| +42 \|")
    child.expect_exact(PROMPT)
    # Edited into a complete statement, it runs at once; `edit` on an empty line edits the last one.
    child.sendline("SELECT 5 AS again \\e")
    child.expect(r"\| +5 \|")
    child.expect_exact(PROMPT)
    child.sendline("edit")
    child.expect(r"\| +5 \|")
    child.expect_exact(PROMPT)

    # pager CMD pipes long output through CMD; nopager prints it directly.
    child.sendline("pager sed s/^/PAGED:/")
    child.expect_exact(PROMPT)
    child.sendline(f"{HUNDRED_ROWS} SELECT n FROM s;")
    child.expect_exact("PAGED:| 100 |")
    child.expect_exact(PROMPT)
    child.sendline("nopager")
    child.expect_exact(PROMPT)
    child.sendline(f"{HUNDRED_ROWS} SELECT n AS unpaged FROM s;")
    child.expect(r"\| +100 \|")
    child.expect_exact(PROMPT)
    assert "PAGED:" not in child.before

    # tee FILE appends everything shown (and the lines typed, never secret ones); notee stops.
    child.sendline(f"tee {tee}")
    child.expect_exact(PROMPT)
    child.sendline("SELECT 'teed' AS t;")
    child.expect_exact(PROMPT)
    child.sendline("SELECT 'sk-abcdefghijklmnop123' AS k;")
    child.expect_exact(PROMPT)
    child.sendline("notee")
    child.expect_exact(PROMPT)
    child.sendline("SELECT 'after notee' AS a;")
    child.expect_exact(PROMPT)
    logged = tee.read_text()
    assert "SELECT 'teed' AS t;" in logged and "| teed |" in logged
    assert "sk-abcdef" not in logged
    assert "after notee" not in logged

    # \s and \h: status and help.
    child.sendline("\\s")
    child.expect("server|database")
    child.expect_exact(PROMPT)
    child.sendline("\\h")
    child.expect_exact("tee")
    child.expect_exact(PROMPT)

    # server restart: the private server stops and starts; the next statement works.
    child.sendline("server restart")
    child.expect_exact("Private server restarted")
    child.expect_exact(PROMPT)
    child.sendline("SELECT 'back' AS b;")
    child.expect_exact("| back |")
    child.expect_exact(PROMPT)
    quit_shell(child)
