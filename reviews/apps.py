from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Annual reviews"

    def ready(self):
        from register.panels import (
            register_dashboard_section,
            register_list_notes,
            register_panel,
            register_work,
        )
        from register.timeline import register_source
        from reviews import panels, receivers  # noqa: F401  (follow the register's forms)
        from reviews.timeline import ReviewActionHistory, ReviewSource

        register_panel(panels.review_panel)
        register_list_notes(panels.review_notes)
        register_list_notes(panels.assurance_notes)
        for work in (panels.reviews_to_do, panels.actions_to_do, panels.assurance_to_do):
            register_work(work)
        register_dashboard_section(panels.reviews_section)
        register_source(ReviewSource())
        register_source(ReviewActionHistory())
