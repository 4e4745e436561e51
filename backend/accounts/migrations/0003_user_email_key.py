"""The canonical address column, filled for existing rows.

The canonical form is frozen here as it was when this migration was written (NFKC, case folding,
IDNA domain), so later changes to accounts.addresses need a migration of their own. Two existing
rows that canonicalise to the same address (look-alikes registered before this column existed)
cannot both keep it: the oldest account keeps the address; each later one gets a key no address
canonicalises to ("duplicate <id> <address>", a space is never part of a valid address), so it can
no longer sign in by email, and the migration prints it for an operator to look at.
"""

import unicodedata

from django.db import migrations, models


def canonical(address):
    text = unicodedata.normalize("NFKC", address.strip()).casefold()
    local, at, domain = text.rpartition("@")
    if not at:
        return text
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        pass
    return f"{local}@{domain}"


def fill_email_keys(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    taken = set()
    for user in User.objects.order_by("pk").only("pk", "email"):
        key = canonical(user.email)
        if key in taken:
            print(f"\n  accounts.User {user.pk}: its address is a look-alike of an older account's")
            key = f"duplicate {user.pk} {key}"
        taken.add(key)
        User.objects.filter(pk=user.pk).update(email_key=key)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_user_sessions"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="email_key",
            field=models.CharField(editable=False, max_length=320, null=True),
        ),
        migrations.RunPython(fill_email_keys, migrations.RunPython.noop),
    ]
