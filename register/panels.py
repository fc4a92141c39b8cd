"""Panels other apps add to the arrangement page, without the register importing them.

An app registers a function `panel(request, arrangement) -> (template_name, context) | None`
in its AppConfig.ready(); the arrangement page renders each panel it returns.
"""

from dataclasses import dataclass

PANELS = []


def register_panel(function):
    if function not in PANELS:
        PANELS.append(function)
    return function


def panels_for(request, arrangement) -> list[tuple[str, dict]]:
    rendered = (panel(request, arrangement) for panel in PANELS)
    return [panel for panel in rendered if panel is not None]


# Notes other apps add to each row of a list of arrangements ('My arrangements'): a function
# `notes(request, arrangements) -> (template_name, {arrangement pk: context}) | None`, which
# must read what it needs for the whole list at once (lists run in a constant number of
# queries).
LIST_NOTES = []


def register_list_notes(function):
    if function not in LIST_NOTES:
        LIST_NOTES.append(function)
    return function


def list_notes_for(request, arrangements) -> dict[int, list[tuple[str, dict]]]:
    """{arrangement pk: [(template_name, context), ...]} for the arrangements shown."""
    arrangements = list(arrangements)
    notes = {arrangement.pk: [] for arrangement in arrangements}
    for function in LIST_NOTES:
        found = function(request, arrangements)
        if found is None:
            continue
        template_name, contexts = found
        for pk, context in contexts.items():
            notes[pk].append((template_name, context))
    return notes


# A person's start page: what needs them now. Each app registers a function
# `work(user, today) -> Work | None`, reading what it needs in a fixed number of queries.
@dataclass(frozen=True)
class WorkItem:
    label: str  # which arrangement: its reference and name
    what: str  # what is needed of the person, as a sentence
    url: str
    when: str = ""  # "waiting 5 days", "overdue by 3 days", "due in 12 days"
    late: bool = False  # past its date: shown as overdue


@dataclass(frozen=True)
class Work:
    key: str  # its id on the page
    heading: str
    items: tuple[WorkItem, ...]
    order: int  # place on the page, most pressing first
    more_text: str = ""  # a link to the full list, where there is one
    more_url: str = ""


WORK = []


def register_work(function):
    if function not in WORK:
        WORK.append(function)
    return function


def work_for(user, today) -> list[Work]:
    """Every kind of work waiting on the user that has something in it, most pressing first."""
    found = (function(user, today) for function in WORK)
    return sorted((work for work in found if work is not None and work.items), key=_order)


def _order(work: Work):
    return (work.order, work.key)


# The register owner's dashboard: sections other apps add (who approvals wait on, reviews
# due, records past retention), each `section(user, today) -> DashboardSection | None`,
# drawn by its own template on the page and in the PDF alike.
@dataclass(frozen=True)
class DashboardSection:
    key: str
    heading: str
    template_name: str
    context: dict
    order: int


DASHBOARD_SECTIONS = []


def register_dashboard_section(function):
    if function not in DASHBOARD_SECTIONS:
        DASHBOARD_SECTIONS.append(function)
    return function


def dashboard_sections_for(user, today) -> list[DashboardSection]:
    found = (function(user, today) for function in DASHBOARD_SECTIONS)
    return sorted((section for section in found if section is not None), key=_order)
