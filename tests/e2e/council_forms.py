"""Filling the council forms in the browser as an officer does, for the journeys that need
them submitted before approval."""

import re

from playwright.sync_api import expect


def fill_every_answer(page):
    """Answer every question of a council form: the first option of every choice (a Yes
    first, so what it reveals is shown), then words in every box."""
    names = page.locator("main form input[type=radio]").evaluate_all(
        "radios => [...new Set(radios.map(radio => radio.name))]"
    )
    for name in names:
        page.locator(f'main form input[type=radio][name="{name}"]').first.check()
    for box in page.locator("main form textarea").all():
        box.fill("Agreed with the partners")
    for box in page.locator("main form input[type=text]").all():
        if box.is_visible():  # a box a No hides is not asked
            box.fill("1000")


def submit_council_forms(page, reference):
    """From the arrangement page, each form its 'still needed' list asks for, one by one."""
    page.goto(f"/arrangements/{reference}/")
    wanted = page.locator("#missing-answers").get_by_role(
        "link", name=re.compile("^Fill in and submit the ")
    )
    while wanted.count():
        wanted.first.click()
        fill_every_answer(page)
        page.get_by_role("button", name="Submit the form").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("submitted")
        page.goto(f"/arrangements/{reference}/")
