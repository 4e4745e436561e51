"""Our own backup: every habit and entry of an account, in a versioned JSON-in-zip format
(docs/BACKUP_FORMAT.md), that restores the account exactly.

`format` states the format, `reader` parses and checks a backup without touching the database,
`writer` streams one; `selectors.backup_export` and `services.backup_restore` are what the views
in `apis` call.
"""
