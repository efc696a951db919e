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


class ExternalMariaDB:
    """A MariaDB server of its own (not chatbeto's): a data directory initialised with
    mariadb-install-db in a temp dir, listening on a unix socket only. `root_sql` runs SQL as its root."""

    def __init__(self):
        import os, pathlib, subprocess, tempfile, time
        # A short directory: a unix socket path is limited to about 107 bytes.
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="cbx-", dir="/tmp"))
        self.socket = str(self.dir / "mysqld.sock")
        self.cnf = self.dir / "my.cnf"
        self.cnf.write_text("\n".join([
            "[mariadbd]", f"datadir={self.dir / 'data'}", f"socket={self.socket}", f"pid-file={self.dir / 'mysqld.pid'}",
            f"log-error={self.dir / 'error.log'}", "skip-networking", "skip-log-bin", "skip-name-resolve",
            "user=root" if os.geteuid() == 0 else "", "character-set-server=utf8mb4",
            "collation-server=utf8mb4_unicode_ci", "innodb_buffer_pool_size=64M", "innodb_log_file_size=48M",
            "innodb_flush_log_at_trx_commit=2", ""]))
        subprocess.run(["mariadb-install-db", f"--defaults-file={self.cnf}", "--auth-root-authentication-method=normal",
                        "--skip-test-db"], check=True, capture_output=True)
        self.proc = subprocess.Popen(["mariadbd", f"--defaults-file={self.cnf}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(400):
            if subprocess.run(["mariadb-admin", f"--socket={self.socket}", "-uroot", "ping"],
                              capture_output=True).returncode == 0:
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("the test's MariaDB did not start:\n" + (self.dir / "error.log").read_text())

    def root_sql(self, sql):
        import subprocess
        result = subprocess.run(["mariadb", f"--socket={self.socket}", "-uroot", "--batch", "--skip-column-names"],
                                input=sql, capture_output=True, text=True)
        if result.returncode != 0:
            raise AssertionError(f"root SQL failed: {result.stderr}\n{sql}")
        return result.stdout

    def stop(self):
        import shutil
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except Exception:
            self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)
