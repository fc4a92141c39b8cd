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


class _FormFields(HTMLParser):
    """What a browser posts for the first POST form in the page's <main> (not the header's
    sign-out), as it was drawn: text and hidden inputs, checked radios and checkboxes,
    selected options and textareas (the CSRF token aside, which the test client skips)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.in_main, self.in_form, self.done = {}, False, False, False
        self.select = self.textarea = None

    def add(self, name, value):
        if name and name != "csrfmiddlewaretoken":
            self.found.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.in_main = self.in_main or tag == "main"
        if tag == "form" and attributes.get("method", "").lower() == "post" and self.in_main:
            self.in_form = not self.done
        if not self.in_form or self.done:
            return
        if tag == "input":
            kind = attributes.get("type", "text")
            if kind in ("radio", "checkbox"):
                if "checked" in attributes:
                    self.add(attributes.get("name"), attributes.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                self.add(attributes.get("name"), attributes.get("value", ""))
        elif tag == "select":
            self.select = attributes.get("name")
        elif tag == "option" and self.select and "selected" in attributes:
            self.add(self.select, attributes.get("value", ""))
        elif tag == "textarea":
            self.textarea = [attributes.get("name"), ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form, self.done = False, True
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            # As a browser sends it: the newline just after <textarea> is not part of it,
            # and every line break is CRLF.
            text = text[1:] if text.startswith("\n") else text
            self.add(name, text.replace("\r\n", "\n").replace("\n", "\r\n"))
            self.textarea = None


def form_as_drawn(page) -> dict[str, list[str]]:
    """What the page's form posts when nothing on it is changed."""
    parser = _FormFields()
    parser.feed(page.content.decode())
    return parser.found
