from django.apps import AppConfig


class HabitsConfig(AppConfig):
    name = "habits"
    verbose_name = "Habits"

    def ready(self) -> None:
        # Registers the receiver that replans reminders when a user's zone or day start changes.
        from habits.reminders import signals  # noqa: F401
