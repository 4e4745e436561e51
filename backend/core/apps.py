from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from core.cache_handler import share_backends_across_requests
        from core.database_roles import grant_application_role

        share_backends_across_requests()

        # post_migrate is sent for each app after all migrations ran: core's is enough, as the
        # grants cover every table in the schema.
        post_migrate.connect(grant_application_role, sender=self)
