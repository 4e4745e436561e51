"""An export's response: streamed from the API (locally), or in AWS written to the transfers bucket
and answered with a redirect to a presigned GET, since a response body over 6 MB cannot leave a
Lambda. The browser follows the redirect of a download link as it would the file itself."""

from __future__ import annotations

import uuid
from typing import IO

from django.http import FileResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase

from habits.storage import export_store


def export_response(*, user_id: int, filename: str, file: IO[bytes]) -> HttpResponseBase:
    store = export_store()
    if store is None:
        return FileResponse(
            file, as_attachment=True, filename=filename, content_type="application/zip"
        )
    with file:
        link = store.publish(key=f"exports/{user_id}/{uuid.uuid4()}", file=file, filename=filename)
    response = HttpResponseRedirect(link)
    response["Cache-Control"] = "no-store"
    return response
