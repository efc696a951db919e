"""Nobody in: the private server's socket lives in a directory only the owner can enter, never under a
predictable shared name, and a second OS user can neither connect, read the credentials nor pre-empt it."""
import os
import pathlib
import shutil
import socket as pysocket
import stat
import tempfile

import pytest

from server_support import server_pids, OtherUser, long_home, mariadb, remove_socket_directory, socket_of


def owner_only_dir(path):
    st = os.lstat(path)
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) == 0o700


def test_long_home_socket_is_in_an_unpredictable_private_directory(tmp_path):
    homes = [long_home(tmp_path, "one"), long_home(tmp_path, "two")]
    sockets = []
    try:
        for h in homes:
            h.run(["-e", "SELECT 1"])
            s = socket_of(h)
            assert len(s.encode()) < 108
            parent = os.path.dirname(s)
            assert parent not in ("/tmp", "/var/tmp"), f"socket {s} directly in a shared directory"
            assert owner_only_dir(parent), f"{parent} is not an owner-only directory"
            assert not pathlib.Path(s).name.startswith("chatbeto-"), "predictable shared socket name"
            sockets.append(s)
        assert sockets[0] != sockets[1]
        # The choice is kept in the home: the next command uses the same socket.
        assert socket_of(homes[0]) == sockets[0]
    finally:
        for h in homes:
            h.stop_server()
            remove_socket_directory(h)


def test_socket_directory_with_another_mode_is_an_error_that_says_what_to_do(tmp_path):
    h = long_home(tmp_path)
    try:
        h.run(["-e", "SELECT 1"])
        s = socket_of(h)
        h.run(["server", "stop"])
        parent = os.path.dirname(s)
        os.chmod(parent, 0o755)
        r = h.run(["-e", "SELECT 1"], check=False)
        assert r.returncode != 0, r.stdout
        assert parent in r.stderr and "700" in r.stderr, r.stderr
        assert not server_pids(h)
    finally:
        h.stop_server()
        remove_socket_directory(h)


def test_short_home_socket_is_in_an_owner_only_directory(home):
    home.run(["-e", "SELECT 1"])
    s = socket_of(home)
    assert s.startswith(str(home.path))
    assert owner_only_dir(os.path.dirname(s))
    assert owner_only_dir(home.path)


@pytest.fixture
def other_user():
    if os.getuid() != 0:
        pytest.skip("needs root to create a second OS user with useradd")
    try:
        u = OtherUser()
    except Exception as e:  # noqa: BLE001 - any failure to create the user is a reason to skip
        pytest.skip(f"cannot create a second OS user: {e}")
    yield u
    u.remove()


def test_second_user_cannot_connect_read_credentials_or_preempt_the_socket(tmp_path, other_user):
    os.chmod(tmp_path, 0o755)
    for p in tmp_path.parents:
        if p == pathlib.Path("/tmp") or p == pathlib.Path("/"):
            break
        os.chmod(p, os.stat(p).st_mode | 0o011)
    h = long_home(tmp_path)
    for p in [h.path.parent, h.path.parent.parent]:
        os.chmod(p, 0o755)
    # A shared, sticky, world-writable temporary directory (as /tmp usually is) holds the deep home's socket.
    shared = pathlib.Path(tempfile.mkdtemp(prefix="cb-shared-", dir="/tmp"))
    os.chmod(shared, 0o1777)
    h.env["TMPDIR"] = str(shared)
    # Before the victim's first start the attacker plants what an old chatbeto would have used, and more.
    old_name = f"{shared}/chatbeto-{os.getuid()}-"
    r = other_user.run(["sh", "-c", f"mkdir {shared}/chatbeto-AAAAAA && touch {old_name}planted.sock "
                                    f"&& ln -s /etc {shared}/chatbeto-BBBBBB && echo ok"])
    assert "ok" in r.stdout, r.stderr
    try:
        h.run(["-e", "SELECT 1"])
        s = socket_of(h)
        assert s.startswith(str(shared) + "/") and not s.startswith(f"{shared}/chatbeto-AAAAAA") \
            and not s.startswith(f"{shared}/chatbeto-BBBBBB"), s
        st = os.lstat(os.path.dirname(s))
        assert st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) == 0o700

        # Connect as the other user: refused by the file system before any MySQL handshake.
        probe = ("import socket,sys\ns=socket.socket(socket.AF_UNIX)\n"
                 "try:\n s.connect(sys.argv[1]); print('CONNECTED')\nexcept OSError as e: print('REFUSED', e)")
        r = other_user.run(["python3", "-c", probe, s])
        assert "REFUSED" in r.stdout, r.stdout + r.stderr
        r = other_user.run(["mariadb", "-S", s, "-u", "root", "-e", "SELECT 1"])
        assert r.returncode != 0

        # No file of the home is readable by the other user.
        readable = []
        for root, dirs, files in os.walk(h.path):
            for f in files:
                path = os.path.join(root, f)
                r = other_user.run(["sh", "-c", 'cat "$1" >/dev/null 2>&1 && echo READ', "sh", path])
                if "READ" in r.stdout:
                    readable.append(path)
            break  # the home is 0700: one level is enough to show nothing inside can be reached
        r = other_user.run(["sh", "-c", 'ls "$1" >/dev/null 2>&1 && echo LISTED', "sh", str(h.path)])
        assert "LISTED" not in r.stdout
        assert readable == []

        # The other user cannot put a socket where the victim's will be after a restart.
        h.run(["server", "stop"])
        r = other_user.run(["python3", "-c", "import socket,sys\ns=socket.socket(socket.AF_UNIX)\n"
                            "try:\n s.bind(sys.argv[1]); print('BOUND')\nexcept OSError as e: print('DENIED', e)", s])
        assert "DENIED" in r.stdout, r.stdout + r.stderr
        h.run(["-e", "SELECT 1"])
        assert socket_of(h) == s
        assert mariadb(s, "SELECT 1", check=False, preexec=other_user.preexec()).returncode != 0
        assert h.query("sql SELECT 1") == [["1"]]
    finally:
        h.stop_server()
        remove_socket_directory(h)
        shutil.rmtree(shared, ignore_errors=True)
