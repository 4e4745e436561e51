"""The index on habits' group, built without locking the live habits table against writes.

DEPLOY.md's expand step: a new index on a live table is built with CREATE INDEX CONCURRENTLY, which
cannot run inside a transaction (so this migration is not atomic). A concurrent build that fails
(say, at the migration function's 5-second lock_timeout while it waits for older transactions)
leaves an invalid index of the same name behind, so the build drops any such leftover first and a
second run of the migration succeeds. Other databases (SQLite in tests and locally) build it the
ordinary way.
"""

from django.db import migrations, models

INDEX = models.Index(fields=["group"], name="habit_group_idx")


def build(apps, schema_editor):
    habit = apps.get_model("habits", "Habit")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{INDEX.name}"')
        schema_editor.add_index(habit, INDEX, concurrently=True)
    else:
        schema_editor.add_index(habit, INDEX)


def drop(apps, schema_editor):
    habit = apps.get_model("habits", "Habit")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(habit, INDEX, concurrently=True)
    else:
        schema_editor.remove_index(habit, INDEX)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("habits", "0004_habit_groups"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="habit", index=INDEX)],
            database_operations=[migrations.RunPython(build, drop)],
        ),
    ]
