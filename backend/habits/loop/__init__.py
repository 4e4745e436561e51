"""Loop Habit Tracker: its CSV export (written and read) and its full backup (read).

`formats` describes Loop's layouts and value coding, `reader` parses a CSV zip and `database` a
full backup (SQLite) without touching our database, `writer` builds a CSV zip;
`selectors.loop_export` and `services.loop_import` are what the views in `apis` call.
"""
