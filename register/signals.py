"""Moments in an arrangement's life that other apps act on.

The register may not import the approvals app (dependencies point one way), so it
announces these and the approvals app answers them inside the same transaction.
"""

from django.dispatch import Signal

# Sent with arrangement=, user= once an arrangement has become submitted.
arrangement_submitted = Signal()
# Sent with arrangement=, user=, reasons= (list of words) when an active arrangement
# changes category, type or route and must be approved again.
material_change = Signal()
