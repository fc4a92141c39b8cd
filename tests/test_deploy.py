"""The production path: README.md's "Deploying with gunicorn" steps, run as written in a
temporary copy of the project under production settings, then the portal they serve.

The steps are read from the README's sh block, so a step that fails there fails here. Each
runs in bash in the copy (the git-tracked and new files of this work tree, without .venv,
node_modules or build output): `python3 -m venv`, `pip install .` and `npm ci && npm run
build` install and build from scratch, from pip's and npm's caches. Only the deployer's own
values differ from the README: SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, DATABASE_URL of a SQLite
file in the temporary folder, and gunicorn's --bind (a free port on 127.0.0.1). Requests
say `X-Forwarded-Proto: https`, as the README's proxy does.

`scripts/test.sh` runs this module once, in a stage of its own (marker `deploy`).
"""

import contextlib
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from register.policies.base import SCREENING_KEYS
from register.roles import Role
from tests.production_helpers import Visitor, free_port, gunicorn, tail, with_option

pytestmark = pytest.mark.deploy

ROOT = Path(__file__).resolve().parent.parent
STEP_TIMEOUT = 600  # seconds for one README step (a cold pip cache downloads everything)
DATABASE = "register.sqlite3"  # in the temporary folder, beside the copy
PASSWORD = "a-long-deploy-test-password-7Qx"
# The deployer's own values for what the README's example exports; the rest are used as written.
SITE_VALUES = {
    "SECRET_KEY": "deploy-test-secret-" + "k3Y!x9" * 10,
    "ALLOWED_HOSTS": "127.0.0.1",
}
# Set in the test run's own environment (pytest-django, a database stage); not the deployer's.
NOT_INHERITED = ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DEBUG")


def readme_deploy_steps() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("\n## Deploying with gunicorn\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    lines = block.replace("\\\n", " ").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def copy_project(destination: Path):
    """The files git tracks or would add, as they are in the work tree now."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        # Directories: a work tree's symlinked .venv, node_modules or static/build.
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)


def run_step(command: str, *, cwd: Path, env: dict):
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
    )
    output = (result.stdout + result.stderr)[-6000:]
    assert result.returncode == 0, f"README step failed ({result.returncode}): {command}\n{output}"


def create_officers(deployment, usernames):
    """Lead officers (the role groups exist after migrate), made by the deployed copy."""
    script = (
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.auth.hashers import make_password\n"
        "from django.contrib.auth.models import Group\n"
        f"group = Group.objects.get(name={Role.LEAD_OFFICER.value!r})\n"
        f"password = make_password({PASSWORD!r})\n"
        f"for username in {list(usernames)!r}:\n"
        "    user = get_user_model().objects.create(username=username, password=password)\n"
        "    user.groups.add(group)\n"
    )
    run_step(
        f"{deployment.python} manage.py shell -c {shlex.quote(script)}",
        cwd=deployment.copy,
        env=deployment.env,
    )


@dataclass
class Deployment:
    folder: Path  # temporary: the copy, its database and gunicorn's logs
    copy: Path
    env: dict
    serve: list[str]  # the README's gunicorn command
    python = ".venv/bin/python"

    def gunicorn(self, port: int, log: str, **options):
        """The README's gunicorn command on 127.0.0.1:port, with other options changed."""
        argv = with_option(self.serve, "--bind", f"127.0.0.1:{port}")
        for option, value in options.items():
            argv = with_option(argv, f"--{option}", str(value))
        return gunicorn(argv, cwd=self.copy, env=self.env, port=port, log=self.folder / log)


@pytest.fixture(scope="module")
def deployed():
    """The README's steps up to gunicorn, run in a temporary copy that is removed after."""
    folder = Path(tempfile.mkdtemp(prefix="register-deploy-"))
    try:
        copy = folder / "project"
        copy_project(copy)
        *steps, serve = readme_deploy_steps()
        assert "gunicorn" in serve, f"the README's last deploy step should start gunicorn: {serve}"
        env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
        site = {**SITE_VALUES, "DATABASE_URL": f"sqlite:///{folder / DATABASE}"}
        for step in steps:
            if step.startswith("export "):
                for assignment in shlex.split(step)[1:]:
                    name, _, value = assignment.partition("=")
                    env[name] = site.get(name, value)
        missing = set(site) - set(env)
        assert not missing, f"the README's deploy steps do not export {sorted(missing)}"
        for step in steps:
            if not step.startswith("export "):
                run_step(step, cwd=copy, env=env)
        yield Deployment(folder, copy, env, shlex.split(serve))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_the_readme_deploy_steps_serve_sign_in_static_files_and_signed_in_pages(deployed):
    create_officers(deployed, ["deployer"])
    port = free_port()
    with deployed.gunicorn(port, "gunicorn.log"):
        visitor = Visitor(port)
        sign_in = visitor.get("/sign-in/")
        assert sign_in.status == 200, sign_in.text[:500]
        static = re.findall(r'(?:href|src)="(/static/[^"]+)"', sign_in.text)
        assert any(
            re.fullmatch(r"/static/build/application\.[0-9a-f]{12}\.css", s) for s in static
        ), f"the stylesheet is not linked under its hashed name: {static}"
        answered = {path: visitor.get(path).status for path in static}
        assert answered == dict.fromkeys(static, 200)

        signed_in = visitor.sign_in("deployer", PASSWORD)
        assert signed_in.status == 302, signed_in.text[:500]
        assert signed_in.location == "/"  # each person's start page
        start = visitor.get("/")
        register = visitor.get("/arrangements/")
    assert start.status == 200
    assert "What needs you now" in start.text
    assert register.status == 200
    assert "Sign out" in register.text
    assert {"sessionid", "csrftoken"} <= visitor.secure_cookies


WORKERS = 3
WRITERS = 8
SAVES_PER_WRITER = 3
NOT_OUT_OF_SCOPE = dict.fromkeys(SCREENING_KEYS, "False")


def record_drafts(visitor, username, barrier, failed):
    """Signs in, waits for the other writers, then records drafts through the portal's own
    forms: the screening, then the arrangement form saved as a draft."""
    try:
        signed_in = visitor.sign_in(username, PASSWORD)
        assert signed_in.status == 302, f"sign-in answered {signed_in.status}"
        barrier.wait()
        for number in range(SAVES_PER_WRITER):
            name = f"Concurrent draft {username} {number}"
            screened = visitor.submit(
                "/arrangements/new/screening/", {"proposal": name, **NOT_OUT_OF_SCOPE}
            )
            if screened.status == 302:
                visitor.submit(
                    screened.location, {"name": name, "kind": "partnership", "action": "draft"}
                )
    except Exception as error:  # every writer's failure is reported, not just the first
        barrier.abort()
        failed.append(f"{username}: {error!r}")


def test_the_sqlite_default_keeps_every_concurrent_save_under_several_gunicorn_workers(deployed):
    usernames = [f"writer{n}" for n in range(WRITERS)]
    create_officers(deployed, usernames)
    failed = []
    port = free_port()
    with deployed.gunicorn(port, "concurrent.log", workers=WORKERS):
        visitors = {username: Visitor(port) for username in usernames}
        barrier = threading.Barrier(WRITERS, timeout=120)
        writers = [
            threading.Thread(target=record_drafts, args=(visitor, username, barrier, failed))
            for username, visitor in visitors.items()
        ]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(timeout=300)
        assert not any(writer.is_alive() for writer in writers), "a writer did not finish"

    log = tail(deployed.folder / "concurrent.log", 30)
    answered = [answer for visitor in visitors.values() for answer in visitor.answered]
    server_errors = [answer for answer in answered if answer[2] >= 500]
    posts = [answer for answer in answered if answer[0] == "POST" and answer[1] != "/sign-in/"]
    assert not server_errors, (
        f"{len(server_errors)} of {len(answered)} requests answered 5xx, "
        f"{sum(a[2] >= 500 for a in posts)} of them among the {len(posts)} posts of the "
        f"screening and draft forms; gunicorn's log ends:\n{log}"
    )
    assert not failed, failed
    assert [status for _, _, status in posts] == [302] * (WRITERS * SAVES_PER_WRITER * 2)

    # The database the README's migrate made (DATABASE_URL), read directly.
    database = f"file:{deployed.folder / DATABASE}?mode=ro"
    with contextlib.closing(sqlite3.connect(database, uri=True)) as db:
        drafts = db.execute("select name from register_arrangement where name like 'Concurrent %'")
        saved = {name for (name,) in drafts}
        (journal_mode,) = db.execute("pragma journal_mode").fetchone()
    expected = {f"Concurrent draft {u} {n}" for u in usernames for n in range(SAVES_PER_WRITER)}
    assert saved == expected
    assert journal_mode == "wal"
