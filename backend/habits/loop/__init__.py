"""Loop Habit Tracker CSV export and import (DESIGN §3: `/api/export/loop/`, `/api/import/loop/`).

`formats` describes Loop's layout, `reader` parses a zip without touching the database, `writer`
builds one; `selectors.loop_export` and `services.loop_import` are what the views call.
"""

from habits.loop.selectors import LoopExport, loop_export
from habits.loop.services import ImportCounts, loop_import

__all__ = ["ImportCounts", "LoopExport", "loop_export", "loop_import"]
