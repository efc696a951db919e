"""An interactive session in a pseudo-terminal: prompt, multi-line SQL, completion, Ctrl-C, history, Ctrl-D."""
import os
import stat
import time

import pathlib
import shutil
import subprocess
import tempfile

import pexpect
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def binary() -> str:
    path = os.environ.get("CHATBETO_BIN") or str(ROOT / ".build" / "debug" / "chatbeto")
    if not os.path.exists(path):
        subprocess.run(["swift", "build", "--product", "chatbeto"], cwd=ROOT, check=True)
    return path


def base_env(home_dir: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHATBETO_", "OPENAI_"))}
    env.update({"CHATBETO_HOME": home_dir, "CHATBETO_SERVER_BUFFER_POOL": "64M", "NO_COLOR": "1",
                "PAGER": "cat", "TERM": "xterm", "LANG": "C.UTF-8"})
    return env


@pytest.fixture(scope="module")
def shell_home():
    """A CHATBETO_HOME with its own private MariaDB, stopped at the end."""
    d = tempfile.mkdtemp(prefix="cb-pty-")
    yield d
    subprocess.run([binary(), "server", "stop"], env=base_env(d), check=False)
    shutil.rmtree(d, ignore_errors=True)

PROMPT = "chatbeto> "


def spawn(home):
    child = pexpect.spawn(binary(), env=base_env(home), encoding="utf-8", timeout=30, dimensions=(40, 160))
    child.expect_exact(PROMPT)
    return child


def test_multiline_sql_completion_and_ctrl_c(shell_home):
    child = spawn(shell_home)
    # Multi-line SQL: runs at the semicolon, with a continuation prompt in between.
    child.sendline("SELECT 40 + 2")
    child.expect_exact("->")
    child.sendline("  AS answer;")
    child.expect(r"\| +42 \|")
    child.expect_exact(PROMPT)

    # Tab completes a command name.
    child.send("proj\t")
    child.expect_exact("ect")
    child.send("s\r")
    child.expect("Empty set|rows? in set|projects")
    child.expect_exact(PROMPT)

    # Ctrl-C abandons a half-typed line and the shell goes on.
    child.send("SELECT 'never")
    child.expect_exact("never")  # typed and echoed before the key press, as a person would
    child.sendintr()
    child.expect_exact(PROMPT)
    child.sendline("SELECT 'still here' AS s;")
    child.expect_exact("still here")
    child.expect_exact(PROMPT)

    # Ctrl-C stops a running statement without leaving the shell.
    child.sendline("SELECT SLEEP(20);")
    time.sleep(1.0)
    started = time.time()
    child.sendintr()
    child.expect("interrupted|Query execution was interrupted")
    assert time.time() - started < 10
    child.expect_exact(PROMPT)
    child.sendline("status")
    child.expect_exact("schema version")
    child.expect_exact(PROMPT)
    # And Ctrl-C at the prompt still abandons the line after a command was interrupted.
    child.send("SELECT 'abandoned")
    child.expect_exact("abandoned")
    child.sendintr()
    child.expect_exact(PROMPT)

    # Errors keep the shell running.
    child.sendline("frobnicate")
    child.expect_exact("unknown command 'frobnicate'")
    child.expect_exact(PROMPT)
    child.sendline("CREATE TABLE evil (x INT);")
    child.expect_exact("set sql-write on")
    child.expect_exact(PROMPT)

    # A line that looks like a secret is not kept in the history.
    child.sendline("SELECT 'sk-abcdefghijklmnop1234' AS not_a_real_key;")
    child.expect_exact(PROMPT)

    # Ctrl-D leaves with status 0.
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    history = os.path.join(shell_home, "history")
    mode = stat.S_IMODE(os.stat(history).st_mode)
    assert mode == 0o600, oct(mode)
    # libedit stores lines vis(3)-encoded: spaces as \\040.
    text = open(history, encoding="utf-8", errors="replace").read().replace("\\040", " ")
    assert "SELECT 40 + 2" in text
    assert "status" in text
    assert "sk-abcdefghijklmnop1234" not in text


def test_history_is_recalled_in_a_new_session_and_quit_works(shell_home):
    child = spawn(shell_home)
    child.sendline("SELECT 'remember me' AS r;")
    child.expect_exact(PROMPT)
    child.sendline("quit")
    child.expect(pexpect.EOF)

    child = spawn(shell_home)
    child.send("\x1b[A\x1b[A")  # up arrow twice: before 'quit', the query of the previous session
    child.send("\r")
    child.expect_exact("remember me")
    child.expect_exact(PROMPT)
    child.sendline("\\q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_prompt_shows_project_and_conversation(shell_home):
    env = base_env(shell_home)
    setup = ("set sql-write on; "
             "sql INSERT INTO projects (id, name, name_source) VALUES (77, 'Wordpress', 'user'), (78, 'Wordpress Legacy Site', 'user'); "
             "sql INSERT INTO conversations (id, project_id, title, update_time) VALUES ('pty-conv-1', 77, 'Plugin fix', NOW()); "
             "set sql-write off")
    subprocess.run([binary(), "-e", setup], env=env, check=True)
    child = spawn(shell_home)
    # Completion of a name with spaces: no quotes needed, since 'use' takes the rest of the line.
    child.send("use Wordpress L\t")
    child.expect_exact("egacy Site")
    child.send("\r")
    child.expect_exact("chatbeto[Wordpress Legacy Site]> ")
    child.sendline("use Wordpress")
    child.expect_exact("chatbeto[Wordpress]> ")
    child.sendline("open pty-conv-1")
    child.expect_exact("chatbeto[Wordpress › Plugin fix]> ")
    child.sendline("use -")
    child.expect_exact(PROMPT)
    child.sendline("exit")
    child.expect(pexpect.EOF)


def test_ctrl_c_right_after_typing_always_abandons_the_line(shell_home):
    # Ctrl-C pressed in the same instant as typing (the signal may land on any thread, and the tty
    # flushes the typed bytes): every time, the line is abandoned and a fresh prompt appears.
    child = spawn(shell_home)
    for i in range(15):
        child.send("SELECT 'typed %d" % i)
        child.sendintr()
        child.expect_exact(PROMPT, timeout=5)
    child.sendline("SELECT 'alive' AS a;")
    child.expect_exact("alive")
    child.expect_exact(PROMPT)
    child.sendeof()
    child.expect(pexpect.EOF)
