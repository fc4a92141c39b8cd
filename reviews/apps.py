from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Annual reviews"

    def ready(self):
        from register.panels import register_list_notes, register_panel
        from reviews import panels, receivers  # noqa: F401  (follow the register's forms)

        register_panel(panels.review_panel)
        register_list_notes(panels.review_notes)
        register_list_notes(panels.assurance_notes)
