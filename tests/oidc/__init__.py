"""A real OpenID Connect provider for the single sign-on tests (tests/oidc/provider.mjs:
panva's oidc-provider under Node.js, installed by `npm ci`), on a free loopback port.

    with oidc_provider(redirect_uris=[...], accounts={"login": {claims}}) as provider:
        provider.issuer, provider.client_id, provider.client_secret

and provider_sign_in(start_location, login) plays the person at the provider's own sign-in
page with `requests` (for tests through Django's test client; the browser tests use the
page itself). The provider stops when the block ends (its standard input closes).
"""

import contextlib
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("provider.mjs")
CLIENT_ID = "partnership-register"
CLIENT_SECRET = "loopback-test-client-secret-0123456789abcdef"


@dataclass(frozen=True)
class Provider:
    issuer: str
    client_id: str = CLIENT_ID
    client_secret: str = CLIENT_SECRET

    def configure(self, settings, **more):
        """Point the portal at this provider through pytest-django's `settings` fixture, as
        config/settings/base.py does from OIDC_ISSUER and friends; `more` are other settings."""
        values = {
            "OIDC_ISSUER": self.issuer,
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            **more,
        }
        for name, value in values.items():
            setattr(settings, name, value)


@contextlib.contextmanager
def oidc_provider(*, redirect_uris, accounts):
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "oidc-provider").exists():
        pytest.fail("Single sign-on tests need Node.js and `npm ci` (oidc-provider)")
    options = {
        "port": 0,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uris": list(redirect_uris),
        "accounts": accounts,
    }
    process = subprocess.Popen(
        [node, str(SCRIPT), json.dumps(options)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline()
        if not line:
            pytest.fail(f"The OpenID Connect provider did not start (exit {process.wait(10)})")
        yield Provider(issuer=json.loads(line)["issuer"])
    finally:
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def provider_sign_in(location: str, login: str, *, callback_prefix: str) -> str:
    """Follow the portal's redirect to the provider, sign in there as `login`, and return
    the callback address the provider sends the person back to (not followed)."""
    with requests.Session() as browser:
        page = browser.get(location, timeout=10)
        page.raise_for_status()
        action = re.search(r'<form[^>]*action="([^"]+)"', page.text)
        assert action, f"no sign-in form at the provider:\n{page.text[:500]}"
        answer = browser.post(
            urljoin(page.url, action.group(1).replace("&amp;", "&")),
            data={"prompt": "login", "login": login, "password": "any"},
            allow_redirects=False,
            timeout=10,
        )
        for _ in range(10):
            target = urljoin(answer.url, answer.headers.get("Location", ""))
            if target.startswith(callback_prefix):
                return target
            assert answer.is_redirect, f"{answer.status_code} at the provider:\n{answer.text[:500]}"
            answer = browser.get(target, allow_redirects=False, timeout=10)
    raise AssertionError("the provider never sent the person back")
