"""Writing files atomically: fixed files as they were read, and reports.

A file is written to a temporary file in its folder, flushed to disk and renamed over
the original: readers see the old file or the new one, never a half-written one. The
new file takes the owner, group, mode and extended attributes (POSIX ACLs among them) of
the one it replaces; when one of these cannot be kept the file is not replaced.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

if sys.platform != "win32":
    import fcntl

_BOM = "\ufeff"


def _umask() -> int:
    """The process's umask, read without setting it where the system allows (Linux's
    ``/proc/self/status``): setting and restoring it would race with other threads."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    umask = os.umask(0o022)  # elsewhere POSIX offers it only by setting it
    os.umask(umask)
    return umask


class WriteError(Exception):
    """A file that was not written; the message is one line naming it."""


class FileChanged(WriteError):
    """A file not fixed because it changed after it was read."""


def encode(text: str, bom: bool, encoding: str = "utf-8") -> bytes:
    """The bytes of *text* as read from a file: in its *encoding*, with a BOM if it had one."""
    return ((_BOM if bom else "") + text).encode(encoding)


def write_fix(path: str, before: bytes, after: bytes) -> None:
    """Replace *before*, the bytes read from *path*, with *after*.

    A symbolic link stays a link and its target is written. Refused with a
    :class:`WriteError` are a read-only file (one its owner may not write, even when
    root fixes it), a file with other hard links (a new file would split them), a file
    that no longer holds *before* (:class:`FileChanged`), and any failure, keeping its
    owner or an extended attribute (an ACL) among them.
    """
    target = os.path.realpath(path)
    try:
        status = os.stat(target)
        if not (status.st_mode & stat.S_IWUSR and os.access(target, os.W_OK)):
            raise WriteError(f"{path}: not fixed: file is read-only")
        if status.st_nlink > 1:
            raise WriteError(f"{path}: not fixed: file has {status.st_nlink} hard links")
        replacement = _Replacement(target)
        try:
            replacement.stream.write(after)
            replacement.seal(status)
            with open(target, "rb") as current:
                _lock(current)
                if not _still_holds(current, target, before):
                    raise FileChanged(f"{path}: changed while being fixed; not written")
                replacement.commit()
        finally:
            replacement.discard()
    except OSError as error:
        raise WriteError(f"{path}: not fixed: {error.strerror or error}") from None


def _lock(current: BinaryIO) -> None:
    """Lock the file until *current* is closed, so that concurrent wikilint runs compare
    and rename it one after the other (an advisory lock: an editor does not take it)."""
    if sys.platform != "win32":
        fcntl.flock(current.fileno(), fcntl.LOCK_EX)


def _still_holds(current: BinaryIO, target: str, before: bytes) -> bool:
    """Whether *current* is still the file at *target* (not renamed over since it was
    opened) and still holds *before*."""
    same = os.path.samestat(os.fstat(current.fileno()), os.stat(target))
    return same and current.read() == before


@contextlib.contextmanager
def report_file(path: Path, what: str = "report") -> Iterator[TextIO]:
    """A stream whose text replaces *path* (the target of a symbolic link) when the
    block ends without an error; after an error *path* is left as it was. *what* names
    the file in errors."""
    target = os.path.realpath(path)
    with _report_errors(path, what):
        replacement = _Replacement(target)
    stream = io.TextIOWrapper(replacement.stream, encoding="utf-8", newline="")
    try:
        yield stream
        with _report_errors(path, what):
            stream.detach()  # flushes the text into the file
            try:
                status: os.stat_result | None = os.stat(target)
            except FileNotFoundError:
                status = None
            if status is not None and status.st_nlink > 1:  # a rename would split the link
                raise WriteError(
                    f"{path}: cannot write the {what} (it has {status.st_nlink} hard links)"
                )
            replacement.seal(status)
            replacement.commit()
    finally:
        with contextlib.suppress(ValueError):  # detached already, unless the block failed
            stream.detach()
        replacement.discard()


@contextlib.contextmanager
def _report_errors(path: Path, what: str) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise WriteError(f"{path}: cannot write the {what} ({error.strerror or error})") from None


class _Replacement:
    """A temporary file beside *target* that :meth:`commit` renames over it."""

    def __init__(self, target: str) -> None:
        folder, name = os.path.split(target)
        handle, self._temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        self._target = target
        self._committed = False
        self.stream = os.fdopen(handle, "wb")

    def seal(self, status: os.stat_result | None) -> None:
        """Flush the file to disk and give it the owner, group and mode of *status*, the
        file it replaces, and that file's extended attributes (or the mode of a new file)."""
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        if status is None:
            os.chmod(self._temporary, 0o666 & ~_umask())
            return
        own = os.stat(self._temporary)
        if (own.st_uid, own.st_gid) != (status.st_uid, status.st_gid):
            try:
                os.chown(self._temporary, status.st_uid, status.st_gid)
            except PermissionError:
                raise PermissionError(errno.EPERM, "cannot keep its owner and group") from None
        os.chmod(self._temporary, stat.S_IMODE(status.st_mode))  # after chown: it drops set-id
        _copy_xattrs(self._target, self._temporary)  # last: an ACL sets the mode's group bits

    def commit(self) -> None:
        os.replace(self._temporary, self._target)
        self._committed = True

    def discard(self) -> None:
        """Remove the temporary file unless it was committed."""
        self.stream.close()
        if not self._committed:
            Path(self._temporary).unlink(missing_ok=True)


def _copy_xattrs(source: str, destination: str) -> None:
    """Give *destination* every extended attribute of *source*: POSIX ACLs
    (``system.posix_acl_access``), SELinux labels, ``user.*`` attributes. Where the system
    or the file system has none there is nothing to copy. One that cannot be set (a
    ``security.*`` or ``trusted.*`` attribute without the privilege) raises
    :class:`PermissionError`: refusing to write the file is safer than silently dropping
    an ACL that restricts who may read it."""
    if not hasattr(os, "listxattr"):  # not on Linux
        return
    try:
        names = os.listxattr(source)
    except OSError as error:
        if error.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return
        raise
    for name in names:
        try:
            value = os.getxattr(source, name)
        except OSError as error:
            if error.errno == errno.ENODATA:  # removed since it was listed
                continue
            raise
        try:
            os.setxattr(destination, name, value)
        except OSError as error:
            reason = f"cannot keep its extended attribute {name}"
            raise OSError(error.errno, f"{reason} ({error.strerror})") from None
