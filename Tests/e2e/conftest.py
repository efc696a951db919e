"""Fixtures for end-to-end tests of the real chatbeto binary in a pseudo-terminal."""
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def binary() -> str:
    path = os.environ.get("CHATBETO_BIN") or str(ROOT / ".build" / "debug" / "chatbeto")
    if not os.path.exists(path):
        subprocess.run(["swift", "build", "--product", "chatbeto"], cwd=ROOT, check=True)
    return path


@pytest.fixture(scope="module")
def home():
    """A CHATBETO_HOME with its own private MariaDB, stopped at the end."""
    d = tempfile.mkdtemp(prefix="cb-pty-")
    env = base_env(d)
    yield d
    subprocess.run([binary(), "server", "stop"], env=env, check=False)
    shutil.rmtree(d, ignore_errors=True)


def base_env(home_dir: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHATBETO_", "OPENAI_"))}
    env.update({"CHATBETO_HOME": home_dir, "CHATBETO_SERVER_BUFFER_POOL": "64M", "NO_COLOR": "1",
                "PAGER": "cat", "TERM": "xterm", "LANG": "C.UTF-8"})
    return env
