"""Panels other apps add to the arrangement page, without the register importing them.

An app registers a function `panel(request, arrangement) -> (template_name, context) | None`
in its AppConfig.ready(); the arrangement page renders each panel it returns.
"""

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
