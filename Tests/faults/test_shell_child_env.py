"""Secrets never reach a child's environment: the pager (and `pager CMD`) chatbeto starts gets our
environment without the OpenAI key, the DSN or anything named like a key, token or password."""
from shell_support import spawn_tty


def test_the_pager_never_sees_the_key_or_the_dsn_password(home):
    seen = home.path / "pager-env"
    pager = home.path / "pager.sh"
    pager.write_text(f"#!/bin/sh\nenv > {seen}\ncat >/dev/null\n")
    pager.chmod(0o755)
    secrets = {"OPENAI_API_KEY": "sk-proj-pagerleak0123456789abcdef",
               "CHATBETO_PASSWORD": "pw-pagerleak-42", "GITHUB_TOKEN": "ghp_pagerleak0123456789"}
    child = spawn_tty(home, env=dict(secrets, PAGER=str(pager)))
    # `help` is taller than a 40-row terminal, so it goes through the pager.
    child.sendline("help")
    child.expect_exact("chatbeto> ")
    child.sendline("quit")
    child.expect_exact("\n")
    child.wait()
    assert seen.exists(), "the pager did not run"
    env = seen.read_text()
    assert "PAGER=" in env and "CHATBETO_HOME=" in env   # the rest of the environment is passed on
    for name, value in secrets.items():
        assert value not in env, f"{name} reached the pager"
        assert f"{name}=" not in env
