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

import io
import struct
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
# The end record (22 bytes, then a comment of up to 65,535) and the Zip64 locator before it.
END_RECORD = struct.Struct("<4s4H2LH")
END_RECORD_SIGNATURE = b"PK\x05\x06"
ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
ZIP64_LOCATOR_SIZE = 20
ZIP64_END_RECORD = struct.Struct("<4sQ2H2L4Q")
ZIP64_END_RECORD_SIGNATURE = b"PK\x06\x06"
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
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, struct.error) as error:
        raise refuse(not_zip) from error


def _central_directory_size(file: IO[bytes]) -> int:
    """The size of the central directory as `zipfile` will read it, found as
    `zipfile._EndRecData` finds it: the last 22 bytes when they are an end record without a
    comment, else the last end record signature in the 64 KB before them; the Zip64 end record's
    size when a Zip64 locator and record precede it. 0 without an end record (`zipfile` then
    refuses the file). `file` is left at its start."""
    end = file.seek(0, io.SEEK_END)
    first = max(0, end - END_RECORD.size - 0x10000 - ZIP64_LOCATOR_SIZE - ZIP64_END_RECORD.size)
    file.seek(first)
    tail = file.read()
    file.seek(0)
    at = len(tail) - END_RECORD.size
    if at < 0 or not (tail.startswith(END_RECORD_SIGNATURE, at) and tail.endswith(b"\0\0")):
        at = tail.rfind(END_RECORD_SIGNATURE, max(0, end - END_RECORD.size - 0x10000) - first)
        if at < 0 or len(tail) - at < END_RECORD.size:
            return 0
    size: int = END_RECORD.unpack_from(tail, at)[5]
    locator = at - ZIP64_LOCATOR_SIZE
    record = locator - ZIP64_END_RECORD.size
    if (
        record >= 0
        and tail.startswith(ZIP64_LOCATOR_SIGNATURE, locator)
        and tail.startswith(ZIP64_END_RECORD_SIGNATURE, record)
    ):
        size = ZIP64_END_RECORD.unpack_from(tail, record)[8]
    return size
