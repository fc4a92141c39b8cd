from django.apps import AppConfig


class ApprovalsConfig(AppConfig):
    name = "approvals"
    verbose_name = "Approvals"

    def ready(self):
        from approvals import panels, receivers  # noqa: F401  (connect to the register)
        from approvals.endorsements import approval_endorsements
        from approvals.timeline import ApprovalSource
        from register.council_forms.endorsements import register_endorser
        from register.panels import (
            register_dashboard_section,
            register_list_notes,
            register_panel,
            register_work,
        )
        from register.timeline import register_source

        register_panel(panels.approval_panel)
        register_list_notes(panels.approval_notes)
        register_work(panels.decisions_awaiting)
        register_dashboard_section(panels.waiting_section)
        register_endorser(approval_endorsements)
        register_source(ApprovalSource())
