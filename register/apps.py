from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "register"
    verbose_name = "Register of partnerships and shared services"

    def ready(self):
        from django.db.models.signals import post_migrate
        from simple_history.signals import pre_create_historical_record

        from register import (
            checks,  # noqa: F401  (registers the system check)
            history,
            start,
        )
        from register.council_forms.views import forms_panel
        from register.panels import register_panel, register_work
        from register.roles import create_role_groups
        from register.timeline import mark_portal_change, register_source

        post_migrate.connect(create_role_groups, sender=self)
        register_panel(forms_panel)
        for work in (start.forms_returned, start.conditional_support_lapsing, start.my_drafts):
            register_work(work)
        # The register's own sources of an arrangement's History, and the mark on the
        # history rows of changes the portal makes on someone's action.
        pre_create_historical_record.connect(mark_portal_change, dispatch_uid="portal-changes")
        for source in history.SOURCES:
            register_source(source)
