"""Loop Habit Tracker CSV export and import.

`formats` describes Loop's layout, `reader` parses a zip without touching the database, `writer`
builds one; `selectors.loop_export` and `services.loop_import` are what the views in `apis` call.
"""
