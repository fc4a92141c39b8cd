from django.apps import AppConfig


class ApprovalsConfig(AppConfig):
    name = "approvals"
    verbose_name = "Approvals"

    def ready(self):
        from approvals import panels, receivers  # noqa: F401  (connect to the register)
        from approvals.council_forms.views import forms_panel
        from register.panels import register_panel

        register_panel(panels.approval_panel)
        register_panel(forms_panel)
