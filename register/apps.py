from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "register"
    verbose_name = "Register of partnerships and shared services"

    def ready(self):
        from django.db.models.signals import post_migrate

        from register import (
            checks,  # noqa: F401  (registers the system check)
            start,
        )
        from register.council_forms.views import forms_panel
        from register.panels import register_panel, register_work
        from register.roles import create_role_groups

        post_migrate.connect(create_role_groups, sender=self)
        register_panel(forms_panel)
        for work in (start.forms_returned, start.conditional_support_lapsing, start.my_drafts):
            register_work(work)
