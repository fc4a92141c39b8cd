from django.apps import AppConfig


class AccountsConfig(AppConfig):
    # Inside the register's package, under its own label (its tables and migrations are
    # "accounts"): signing in is a concern of its own that imports the register, never the
    # other way round.
    name = "register.accounts"
    label = "accounts"
    verbose_name = "Signing in"

    def ready(self):
        from register.accounts import checks, receivers  # noqa: F401  (system checks, signal receivers)
