"""A throwaway PostgreSQL cluster for the team-mode tests.

`initdb` in a temp folder, a Unix socket only (listen_addresses=''), trust
authentication on that socket, started and stopped by the session fixture in
tests/conftest.py. The server refuses to run as root, so when the tests run as
root the cluster's folder belongs to `nobody` and the server programs run as
that user (runuser, else setpriv); a normal user runs them directly.

Durability is switched off (fsync, full page writes): the cluster is thrown
away with the test session.
"""

from __future__ import annotations

import atexit
import glob
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MIN_VERSION = 15
SUPERUSER = "shopdesk_test"
PORT = 5432  # the socket lives in the cluster's own folder: no clash with another server


def missing_reason() -> str | None:
    """Why no cluster can be made here, or None."""
    if os.name != "posix":
        return "the PostgreSQL test cluster runs on Linux and macOS only"
    if bindir() is None:
        return (f"PostgreSQL {MIN_VERSION}+ server programs (initdb, pg_ctl) were not found; "
                "on Debian: apt-get install postgresql (bash .ci/setup does it as root)")
    if os.geteuid() == 0 and _unprivileged() is None:
        return "running as root, and neither runuser nor setpriv is there to start the server as nobody"
    return None


def bindir() -> Path | None:
    """The newest folder with initdb and pg_ctl of version 15 or newer:
    $SHOPDESK_PG_BINDIR, Debian's /usr/lib/postgresql/N/bin, or the PATH."""
    candidates = []
    if os.environ.get("SHOPDESK_PG_BINDIR"):
        candidates.append(Path(os.environ["SHOPDESK_PG_BINDIR"]))
    candidates += sorted((Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")),
                         key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
                         reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file() and _version(folder) >= MIN_VERSION:
            return folder
    return None


def _version(folder: Path) -> int:
    try:
        out = subprocess.run([folder / "initdb", "--version"], capture_output=True, text=True,
                             check=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return 0
    m = re.search(r"(\d+)(?:\.\d+)?", out)
    return int(m.group(1)) if m else 0


def _unprivileged() -> list[str] | None:
    """The command prefix that runs a program as nobody (when we are root)."""
    if shutil.which("runuser"):
        return ["runuser", "-u", "nobody", "--"]
    if shutil.which("setpriv"):
        import pwd

        nobody = pwd.getpwnam("nobody")
        return ["setpriv", f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups"]
    return None


@dataclass
class Cluster:
    """One PostgreSQL cluster in a temp folder, reached through its socket."""

    bin: Path
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="shopdesk-pg-")))
    running: bool = False

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def _run(self, *args: str | Path, timeout: float = 120) -> None:
        prefix = _unprivileged() if os.geteuid() == 0 else []
        done = subprocess.run([*prefix, *map(str, args)], capture_output=True, text=True,
                              timeout=timeout, cwd=self.root)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""
            raise RuntimeError(f"{Path(str(args[0])).name} failed ({done.returncode}):\n"
                               f"{done.stdout}{done.stderr}{log}")

    def init(self) -> Cluster:
        self.socket_dir.mkdir()
        if os.geteuid() == 0:
            import pwd

            nobody = pwd.getpwnam("nobody")
            for p in (self.root, self.socket_dir):
                os.chown(p, nobody.pw_uid, nobody.pw_gid)
        os.chmod(self.root, 0o700)
        # C.UTF-8: text sorts by code point, as SQLite's BINARY collation does
        self._run(self.bin / "initdb", "-D", self.data, "-U", SUPERUSER, "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions")
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(f"""
listen_addresses = ''
unix_socket_directories = '{self.socket_dir}'
port = {PORT}
max_connections = 40
shared_buffers = 32MB
fsync = off
synchronous_commit = off
full_page_writes = off
""")
        with open(self.data / "pg_hba.conf", "w", encoding="utf-8") as hba:
            hba.write("local all all trust\n")
        return self

    def start(self) -> None:
        self._run(self.bin / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "120", "start")
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        if self.running:
            self.running = False
            self._run(self.bin / "pg_ctl", "-D", self.data, "-m", mode, "-w", "-t", "120", "stop")

    def destroy(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str, user: str = SUPERUSER) -> str:
        """The postgresql:// URL of a database on this cluster (socket, no password)."""
        from urllib.parse import quote

        return f"postgresql://{user}@/{dbname}?host={quote(str(self.socket_dir), safe='')}&port={PORT}"

    def params(self, dbname: str = "postgres") -> dict:
        return {"host": str(self.socket_dir), "port": PORT, "user": SUPERUSER, "dbname": dbname}

    def admin(self):
        """An autocommit psycopg2 connection to the `postgres` database (close it)."""
        import psycopg2

        conn = psycopg2.connect(**self.params())
        conn.autocommit = True
        return conn

    def sql(self, statement: str, dbname: str = "postgres") -> list[tuple]:
        import psycopg2

        conn = psycopg2.connect(**self.params(dbname))
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(statement)
                return cur.fetchall() if cur.description else []
        finally:
            conn.close()


def _exit_on_sigterm() -> None:
    """A test run ended with SIGTERM (a timeout, CI stopping it) exits through
    Python, so the atexit hook below stops the server instead of leaving it."""
    import signal
    import sys

    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))


def start_cluster() -> Cluster:
    """A new cluster, initialised and started; destroyed at exit at the latest."""
    folder = bindir()
    assert folder is not None, missing_reason()
    cluster = Cluster(folder)
    _exit_on_sigterm()
    atexit.register(cluster.destroy)  # a test run cut short still stops its server
    try:
        cluster.init().start()
    except BaseException:
        cluster.destroy()
        raise
    return cluster


def _main(argv: list[str]) -> int:
    """For .ci/build, which checks the frozen app in team mode from bash:

        python tests/pgserver.py missing            why no cluster can be made here ('' when it can)
        python tests/pgserver.py start DBNAME...    a started cluster holding these (empty)
                                                    databases: prints its folder, then each URL
        python tests/pgserver.py sql FOLDER STATEMENT   run one statement as the superuser
        python tests/pgserver.py stop FOLDER        stop that cluster and remove its folder

    The cluster outlives this process (unlike start_cluster's); `stop` ends it.
    """
    import sys

    command, args = (argv[0], argv[1:]) if argv else ("", [])
    if command == "missing" and not args:
        print(missing_reason() or "")
        return 0
    if command == "start":
        reason = missing_reason()
        if reason:
            print(reason, file=sys.stderr)
            return 1
        cluster = Cluster(bindir())  # type: ignore[arg-type]
        try:
            cluster.init().start()
            for name in args:
                cluster.sql(f'CREATE DATABASE "{name}"')
        except BaseException:
            cluster.destroy()
            raise
        print(cluster.root)
        for name in args:
            print(cluster.url(name))
        return 0
    if command in ("sql", "stop") and args:
        cluster = Cluster(bindir(), root=Path(args[0]), running=True)  # type: ignore[arg-type]
        if command == "stop" and len(args) == 1:
            cluster.destroy()
            return 0
        if command == "sql" and len(args) == 2:
            cluster.sql(args[1])
            return 0
    print(_main.__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    import sys

    sys.exit(_main(sys.argv[1:]))
