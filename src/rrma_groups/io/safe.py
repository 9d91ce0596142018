"""Safe reads and writes: every input read with a bound, every file saved atomically.

Every input of the library and its command is read by :func:`read_limited` (a file) or
:func:`read_stream` (standard input), which refuse what is not a regular file and what is too
large; every file it writes is saved by :func:`write_atomic`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable
from typing import Any, BinaryIO

from ..errors import FileFormatError
from ..i18n.catalog import N_
from ..messages import Count, Msg

__all__ = ["MAX_FILE_SIZE", "read_limited", "read_stream", "write_atomic"]

MAX_FILE_SIZE = 32 * 1024 * 1024
"""Largest input read, in bytes: a group file, a calendar, a pasted table, standard input (a
group with tens of thousands of items fits)."""


def read_limited(path: str | os.PathLike[str], *, limit: int = MAX_FILE_SIZE) -> bytes:
    """The bytes of the file at ``path``, refused when there are more than ``limit``.

    Only a regular file is read: a named pipe would wait forever for a writer, and a device
    such as ``/dev/zero`` never ends (its reported size is 0, so no size check stops it). The
    file is checked before it is opened, and again once open; at most ``limit + 1`` bytes are
    read, so a file that grows, or that reports a wrong size (``/proc``), is refused too.

    :raises FileFormatError: ``not_a_file`` or ``file_too_large``, located by the path.
    :raises OSError: the file cannot be read (``IsADirectoryError`` for a folder).
    """
    source = str(path)
    _check_readable(os.stat(path), source, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    # Non-blocking: a regular file swapped for a pipe after the check must not hang the open.
    handle = os.open(path, flags)
    with os.fdopen(handle, "rb") as file:
        _check_readable(os.fstat(handle), source, limit)
        return _at_most(file, limit, source)


def read_stream(stream: BinaryIO, *, limit: int = MAX_FILE_SIZE, source: str = "-") -> bytes:
    """What ``stream`` (standard input) holds up to its end, refused when over ``limit`` bytes.

    :raises FileFormatError: ``file_too_large``, located by ``source``.
    """
    return _at_most(stream, limit, source)


def _check_readable(status: os.stat_result, source: str, limit: int) -> None:
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), source)
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _SPECIAL_FILES if test(mode)), _SPECIAL_FILE)
        raise _refused("not_a_file", source, kind=kind)
    if status.st_size > limit:
        raise _refused("file_too_large", source, limit=limit)


def _at_most(stream: BinaryIO, limit: int, source: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _refused("file_too_large", source, limit=limit)
    return data


def _refused(code: str, source: str, **params: Any) -> FileFormatError:
    """The error of a file refused before it is parsed, its message from the registry."""
    shown: dict[str, Any] = {k: Count(v) if type(v) is int else v for k, v in params.items()}
    return FileFormatError(code, source=source, **shown)


_SPECIAL_FILE = Msg(N_("a special file"))
_SPECIAL_FILES: tuple[tuple[Callable[[int], bool], Msg], ...] = (
    (stat.S_ISFIFO, Msg(N_("a named pipe"))),
    (stat.S_ISCHR, Msg(N_("a device"))),
    (stat.S_ISBLK, Msg(N_("a device"))),
    (stat.S_ISSOCK, Msg(N_("a socket"))),
)


def write_atomic(
    path: str | os.PathLike[str], data: bytes, *, _before_replace: Callable[[], None] | None = None
) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never half.

    The bytes go to a temporary file in the folder of the file, are flushed to disk, then the
    temporary file is renamed over the old one (``os.replace`` is atomic on POSIX and Windows).
    On any failure the old file is left as it was. Otherwise the save does what ``>`` in a shell
    does:

    * a symbolic link stays a link, and the file it points to is the one replaced;
    * what is not a regular file (``/dev/null``, a named pipe, ``/dev/stdout``) is written to,
      never replaced;
    * a read-only file is refused with :class:`PermissionError`, by the superuser too (who may
      write anything: a file made read-only was made so on purpose);
    * the old file's permissions are kept, and its owner and group where the process may set
      them; a new file gets ``0o644`` less the umask.
    """
    target, stands_for_descriptor = _final_target(path)
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if stands_for_descriptor or (status is not None and not stat.S_ISREG(status.st_mode)):
        _write_in_place(target, data, append=stands_for_descriptor)
        return
    if status is not None and not _may_write(target, status):
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    folder, name = os.path.split(target)
    # An old file's copy is private until it gets the old file's permissions; a new file is
    # created as open() would create it, the umask applied by the system.
    handle, temp_name = _temporary_file(folder, name, 0o600 if status is not None else 0o644)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if status is not None:
            _keep_owner_and_mode(temp_name, status)
        if _before_replace is not None:
            _before_replace()
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise


# Most symbolic links followed to the file a path names (Linux's limit).
_MAX_LINKS = 40

# Paths there stand for open file descriptors (/dev/stdout is a link to /proc/self/fd/1).
_DESCRIPTOR_FOLDERS = ("/proc/", "/dev/fd/")


def _final_target(path: str | os.PathLike[str]) -> tuple[str, bool]:
    """The file ``path`` names once its symbolic links are followed, and whether it stands for
    an open file descriptor (``/dev/stdout``, ``/dev/fd/3``): that one is written in place.

    Links are followed one at a time, rather than by ``os.path.realpath``, because a link to a
    descriptor leads nowhere a file could be made (``/proc/self/fd/1`` reads ``pipe:[1234]``).
    """
    current = os.path.abspath(path)
    for _ in range(_MAX_LINKS):
        folder, name = os.path.split(current)
        current = os.path.join(os.path.realpath(folder), name)
        if current.startswith(_DESCRIPTOR_FOLDERS):
            return current, True
        try:
            link = os.readlink(current)
        except OSError:  # not a link, or nothing there yet
            return current, False
        current = os.path.join(os.path.dirname(current), link)
    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path))


def _write_in_place(target: str, data: bytes, *, append: bool) -> None:
    """Write to a device, a named pipe or a descriptor's path, as ``>`` would (``>>`` for a
    descriptor, whose file the shell may have opened for appending)."""
    flags = os.O_WRONLY | getattr(os, "O_BINARY", 0) | (os.O_APPEND if append else 0)
    with os.fdopen(os.open(target, flags), "wb") as out:
        out.write(data)


def _may_write(target: str, status: os.stat_result) -> bool:
    """Whether ``>`` may write the file: its permissions allow it, the superuser's included."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return bool(status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return os.access(target, os.W_OK, effective_ids=os.access in os.supports_effective_ids)


def _temporary_file(folder: str, name: str, mode: int) -> tuple[int, str]:
    """A new file beside ``name``, open for writing: its descriptor and path."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp_name = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temp_name, flags, mode), temp_name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no temporary name is free", folder)  # pragma: no cover


def _keep_owner_and_mode(temp_name: str, status: os.stat_result) -> None:
    """Give the new file the old one's owner and group, where allowed, then its permissions."""
    if hasattr(os, "chown"):
        # Only the superuser may give a file away; others may set a group they belong to.
        with contextlib.suppress(PermissionError):
            os.chown(temp_name, status.st_uid, status.st_gid)
    os.chmod(temp_name, stat.S_IMODE(status.st_mode))  # after chown, which clears set-id bits
