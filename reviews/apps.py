from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Annual reviews"

    def ready(self):
        from register.panels import register_list_notes, register_panel
        from register.timeline import register_source
        from reviews import panels, receivers  # noqa: F401  (follow the register's forms)
        from reviews.timeline import ReviewActionHistory, ReviewSource

        register_panel(panels.review_panel)
        register_list_notes(panels.review_notes)
        register_list_notes(panels.assurance_notes)
        register_source(ReviewSource())
        register_source(ReviewActionHistory())
