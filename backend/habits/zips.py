"""Zips people upload, read with bounded work: the one reader of the Loop CSV import and the backup
restore.

Limits (settings): the upload and the sum of its uncompressed members are at most
`IMPORT_MAX_BYTES`, and a zip holds at most `max_files` members. Its list of members (the central
directory, which `zipfile` reads whole into one object per member as it opens the zip) is at most
`MAX_CENTRAL_DIRECTORY_BYTES`, checked in the zip's end record before it is read: a 20 MB file of
nothing but members would be 400,000 of them. Declared sizes are checked before anything is
decompressed, and members are read in chunks counting what really comes out of the
decompressor, so a zip bomb is refused without being inflated: a member that expands more than
`MAX_COMPRESSION_RATIO` times past its first megabyte is refused too. Only stored and deflated
members are read. Every refusal is a Django `ValidationError` on the `file` field.
"""

from __future__ import annotations

import zipfile
import zlib
from typing import IO, TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

# Members are read in chunks, counting what really comes out of the decompressor.
READ_CHUNK_BYTES = 64 * 1024
# DEFLATE's own ceiling is about 1,032:1; text this repetitive is a bomb, not an export.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECKED_FROM_BYTES = 1024 * 1024
# Only these compressions are read: bzip2 and LZMA decompress a whole block (up to 900 KB of input
# into far more output) before a size limit can act.
READABLE_COMPRESSIONS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
IGNORED_PREFIXES = ("__MACOSX/",)
# The central directory of the largest real upload: MAX_IMPORT_FILES members, each perhaps with a
# __MACOSX twin and a folder entry, at well under 512 bytes an entry (46, the name, timestamps).
MAX_CENTRAL_DIRECTORY_BYTES = 2 * 1024 * 1024
# What zipfile raises on a damaged member, an unsupported compression or an encrypted one.
UNREADABLE = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError, EOFError)

MESSAGE_TOO_BIG = _("The file is larger than {limit} bytes.")
MESSAGE_TOO_BIG_UNCOMPRESSED = _("The zip's contents add up to more than {limit} bytes.")
MESSAGE_TOO_MANY_FILES = _("The zip holds more than {limit} files.")
MESSAGE_DIRECTORY_TOO_BIG = _("The zip's list of files is larger than {limit} bytes.")
MESSAGE_TOO_MANY_ROWS = _("The files hold more than {limit} rows.")
MESSAGE_COMPRESSION = _(
    "{path}: compressed in a way neither Loop nor this app uses; zip it again (stored or deflated)."
)
MESSAGE_RATIO = _("{path}: compressed far more than any real export; the file is refused.")
MESSAGE_NOT_UTF8 = _("{file} is not UTF-8 text.")


def refuse(message: _StrOrPromise) -> ValidationError:
    return ValidationError({"file": [message]})


class BoundedZip:
    """An uploaded zip whose members are read within the limits (see the module)."""

    def __init__(self, archive: zipfile.ZipFile, *, not_zip: _StrOrPromise) -> None:
        self.archive = archive
        self.not_zip = not_zip
        self.bytes_left = settings.IMPORT_MAX_BYTES
        self.files = [
            info
            for info in archive.infolist()
            if not info.is_dir() and not info.filename.startswith(IGNORED_PREFIXES)
        ]

    def check(self, max_files: int) -> None:
        """Refuse too many members, declared sizes past the limit and unread compressions."""
        if len(self.files) > max_files:
            raise refuse(MESSAGE_TOO_MANY_FILES.format(limit=max_files))
        if sum(info.file_size for info in self.files) > self.bytes_left:
            raise refuse(MESSAGE_TOO_BIG_UNCOMPRESSED.format(limit=self.bytes_left))
        for info in self.files:
            if info.compress_type not in READABLE_COMPRESSIONS:
                raise refuse(MESSAGE_COMPRESSION.format(path=info.filename))

    def text(self, info: zipfile.ZipInfo) -> str:
        """A member as UTF-8 text (a byte-order mark dropped), counted against the limits."""
        chunks: list[bytes] = []
        size = 0
        try:
            with self.archive.open(info) as member:
                while chunk := member.read(READ_CHUNK_BYTES):
                    size += len(chunk)
                    if size > self.bytes_left:
                        limit = settings.IMPORT_MAX_BYTES
                        raise refuse(MESSAGE_TOO_BIG_UNCOMPRESSED.format(limit=limit))
                    if size > RATIO_CHECKED_FROM_BYTES and (
                        size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
                    ):
                        raise refuse(MESSAGE_RATIO.format(path=info.filename))
                    chunks.append(chunk)
        except UNREADABLE as error:
            raise refuse(self.not_zip) from error
        self.bytes_left -= size
        try:
            return b"".join(chunks).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise refuse(MESSAGE_NOT_UTF8.format(file=info.filename)) from error


def open_zip(*, file: IO[bytes], size: int, not_zip: _StrOrPromise) -> zipfile.ZipFile:
    """The upload as a zip, refused when larger than the limit, when its list of members is
    (before `zipfile` reads it), or when not a zip at all."""
    limit = settings.IMPORT_MAX_BYTES
    if size > limit:
        raise refuse(MESSAGE_TOO_BIG.format(limit=limit))
    try:
        directory = _central_directory_size(file)
        if directory > MAX_CENTRAL_DIRECTORY_BYTES:
            raise refuse(MESSAGE_DIRECTORY_TOO_BIG.format(limit=MAX_CENTRAL_DIRECTORY_BYTES))
        return zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise refuse(not_zip) from error


def _central_directory_size(file: IO[bytes]) -> int:
    """The size of the central directory as `zipfile` will read it, from zipfile's own search for
    the end record (`_EndRecData`, the first thing `ZipFile` does: it reads at most the last 64 KB
    and the Zip64 record), so the two cannot disagree; 0 without an end record (`ZipFile` then
    refuses the file). `file` is left at its start."""
    end_record = zipfile._EndRecData(file)  # type: ignore[attr-defined]
    file.seek(0)
    return 0 if end_record is None else int(end_record[zipfile._ECD_SIZE])  # type: ignore[attr-defined]
