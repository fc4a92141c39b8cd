"""The portal under real gunicorn on 127.0.0.1, and visitors that reach it as the README's
HTTPS proxy would. Used by tests/test_deploy.py."""

import contextlib
import http.client
import os
import re
import shlex
import signal
import socket
import subprocess
import time
import urllib.parse
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

START_TIMEOUT = 60  # seconds for gunicorn to start listening
STOP_TIMEOUT = 30  # seconds for it to stop gracefully before it is killed
REQUEST_TIMEOUT = 60  # seconds for one request, gunicorn's own --timeout in the README


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def with_option(argv: list[str], option: str, value: str) -> list[str]:
    """argv with the value of `option` replaced, e.g. --bind 0.0.0.0:8000 by 127.0.0.1:PORT."""
    assert option in argv, f"{option} is not in: {shlex.join(argv)}"
    at = argv.index(option) + 1
    return [*argv[:at], value, *argv[at + 1 :]]


def tail(path: Path, lines: int = 60) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


@contextlib.contextmanager
def gunicorn(argv: list[str], *, cwd: Path, env: dict, port: int, log: Path):
    """Runs argv (a gunicorn command bound to 127.0.0.1:port) until the block ends, then
    stops it and its workers whatever happened. Its output goes to `log`."""
    with open(log, "wb") as output:
        # A session of its own, so that its workers are stopped with it.
        server = subprocess.Popen(
            argv, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        _wait_until_listening(server, port, log)
        yield server
    finally:
        _stop(server)


def _wait_until_listening(server, port, log):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"gunicorn exited with {server.returncode}:\n{tail(log)}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(
        f"gunicorn did not listen on port {port} in {START_TIMEOUT}s:\n{tail(log)}"
    )


def _stop(server):
    for stop_signal in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, stop_signal)
        try:
            server.wait(timeout=STOP_TIMEOUT)
            return
        except subprocess.TimeoutExpired:
            continue


@dataclass
class Page:
    status: int
    location: str
    text: str


class Visitor:
    """One person's browser, reaching gunicorn through the HTTPS proxy: every request says
    X-Forwarded-Proto: https, and cookies are kept here by hand because the portal's are
    Secure, which http.cookiejar would not send over the proxy's plain-HTTP hop."""

    def __init__(self, port: int):
        self.port = port
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}
        self.secure_cookies: set[str] = set()
        self.answered: list[tuple[str, str, int]] = []  # (method, path, status) of each request

    def get(self, path: str) -> Page:
        return self._request("GET", path)

    def post(self, path: str, form: dict) -> Page:
        return self._request("POST", path, form)

    def submit(self, path: str, form: dict) -> Page:
        """Opens the form page at path and posts `form` with the page's CSRF token, as a
        browser would; returns the answer to the post (or the form page, if it failed)."""
        page = self.get(path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if page.status != 200 or match is None:
            return page
        return self.post(path, {"csrfmiddlewaretoken": match.group(1), **form})

    def sign_in(self, username: str, password: str) -> Page:
        return self.submit("/sign-in/", {"username": username, "password": password, "next": ""})

    def _request(self, method, path, form=None) -> Page:
        headers = {"X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            # What a browser sends with a form; Django's CSRF check reads Origin over HTTPS.
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.origin,
                "Referer": self.origin + path,
            }
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            page = Page(
                response.status,
                response.getheader("Location", ""),
                response.read().decode(errors="replace"),
            )
            set_cookies = response.headers.get_all("Set-Cookie") or []
        finally:
            connection.close()
        self.answered.append((method, path, page.status))
        for header in set_cookies:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                    continue
                self.cookies[name] = morsel.value
                if morsel["secure"]:
                    self.secure_cookies.add(name)
        return page
