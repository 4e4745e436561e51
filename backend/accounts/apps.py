from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Connect the session bookkeeping and the user cache's invalidation in every process.
        from accounts import backends, signals  # noqa: F401
