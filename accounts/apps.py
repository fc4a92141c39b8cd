from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Signing in"

    def ready(self):
        from accounts import checks, receivers  # noqa: F401  (system checks, signal receivers)
