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
