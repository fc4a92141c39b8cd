"""Posting an edit form as a browser does: open the page, then post what was typed with the
version of the row the page was opened at (register/versions.py)."""

import html
import re
from html.parser import HTMLParser

VERSION_INPUT = re.compile(r'<input type="hidden" name="version" value="([^"]*)"')


def version_on(page) -> str:
    """The version an edit page (or a conflict page) carries."""
    found = VERSION_INPUT.search(page.content.decode())
    assert found, "the page carries no version"
    return html.unescape(found.group(1))


def post_as_opened(client, url, data):
    """Open the page, then post the data with the version it carries."""
    return client.post(url, {**data, "version": version_on(client.get(url))})


class _HiddenInputs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "input" and attributes.get("type") == "hidden":
            if attributes.get("name") != "csrfmiddlewaretoken":
                self.found.setdefault(attributes["name"], []).append(attributes.get("value", ""))


def hidden_inputs(page) -> dict[str, list[str]]:
    """What a page's hidden inputs post (the CSRF token aside, which the test client skips)."""
    parser = _HiddenInputs()
    parser.feed(page.content.decode())
    return parser.found
