"""Helpers for the shell's fault tests (test_shell_*.py): an interactive chatbeto in a pseudo-terminal."""
import pexpect

from conftest import BINARY


def spawn_tty(home, prompt="chatbeto> ", env=None):
    """chatbeto on a pseudo-terminal, waiting for `prompt`."""
    environment = dict(home.env, TERM="xterm", LANG="C.UTF-8", **(env or {}))
    child = pexpect.spawn(BINARY, env=environment, encoding="utf-8", timeout=60, dimensions=(40, 200))
    child.expect_exact(prompt)
    return child


class FakeOpenAI:
    """The fake OpenAI server (Tests/FakeOpenAI/fake_openai.py) on an ephemeral loopback port."""

    def __init__(self, workdir, api_key="sk-fake-test-key"):
        import pathlib, subprocess, sys, time
        root = pathlib.Path(__file__).resolve().parents[2]
        port_file = pathlib.Path(workdir) / "fake.port"
        self.api_key = api_key
        self.proc = subprocess.Popen([sys.executable, str(root / "Tests/FakeOpenAI/fake_openai.py"), "--port", "0",
                                      "--port-file", str(port_file), "--api-key", api_key, "--exit-with-parent"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.05)
        self.base_url = f"http://127.0.0.1:{int(port_file.read_text().strip())}/v1"

    def env(self):
        return {"OPENAI_API_KEY": self.api_key, "OPENAI_BASE_URL": self.base_url}

    def stop(self):
        self.proc.terminate()
        self.proc.wait(5)
