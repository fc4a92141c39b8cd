"""In Chromium: a document uploaded through the real form is shown with its checksum and
downloads under its own name with its detected type's extension; and what the Content
Security Policy blocks, Chromium reports to the portal, which logs it."""

import hashlib
import time

import pytest
from playwright.sync_api import expect

from register.models import Document
from tests.factories import ArrangementFactory
from tests.test_document_storage import real_png

pytestmark = pytest.mark.browser

REPORT_WAIT_SECONDS = 10


def test_a_scan_named_htaccess_is_kept_as_a_png_shown_with_its_checksum_and_downloaded(
    page, officer, sign_in, assert_accessible, tmp_path
):
    arrangement = ArrangementFactory(lead_officer=officer, name="Gravesham Food Network")
    content = real_png()
    scan = tmp_path / ".htaccess"
    scan.write_bytes(content)
    sign_in(officer)
    page.goto(arrangement.get_absolute_url())
    page.get_by_role("link", name="Upload a document").click()
    page.get_by_label("What is it?").select_option(label="Partnership agreement")
    page.get_by_label("Title").fill("Signed agreement (scan)")
    page.get_by_label("Upload a file").set_input_files(str(scan))
    page.get_by_role("button", name="Save").click()

    checksum = hashlib.sha256(content).hexdigest()
    documents = page.locator("#documents + .app-table-wrapper")
    expect(documents).to_contain_text(".htaccess")
    expect(documents).to_contain_text("PNG image")
    expect(documents).to_contain_text(checksum)
    assert Document.objects.get().file.name.endswith(".png")
    assert_accessible(page)

    with page.expect_download() as downloading:
        page.get_by_role("link", name="Signed agreement (scan)", exact=True).click()
    download = downloading.value
    # Sent as ".htaccess.png"; Chromium saves no file whose name starts with a dot.
    assert download.suggested_filename == "htaccess.png"
    assert hashlib.sha256(open(download.path(), "rb").read()).hexdigest() == checksum


def test_what_the_policy_blocks_chromium_reports_and_the_portal_logs(
    browser, live_server, transactional_db, security_events
):
    # Not the `page` fixture: that one fails a test on the violation this one causes.
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    try:
        page.goto("/sign-in/")
        # As an injected script would: load an image from elsewhere (img-src is 'self').
        page.evaluate(
            """() => {
                const image = document.createElement('img');
                image.src = 'https://tracker.example/pixel.png?who=someone';
                document.body.append(image);
            }"""
        )
        deadline = time.monotonic() + REPORT_WAIT_SECONDS
        while time.monotonic() < deadline:
            reported = [e for e in security_events if e["event"] == "csp.violation"]
            if reported:
                break
            page.wait_for_timeout(500)
    finally:
        context.close()
    assert reported, f"Chromium sent no report within {REPORT_WAIT_SECONDS} seconds"
    event = reported[0]
    assert event["directive"] == "img-src"
    assert event["blocked"] == "https://tracker.example/pixel.png"  # without its query
    assert event["document"].endswith("/sign-in/")
