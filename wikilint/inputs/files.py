"""Reading inputs: files and standard input, decoded exactly."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"
_BOM = "\ufeff"


class InputError(Exception):
    """An input that cannot be linted; the message is one line naming the path."""


#: Byte order marks of the encodings decoded besides UTF-8; UTF-32's before UTF-16's,
#: which they begin with.
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded input. ``text`` has no BOM; ``bom`` records whether there was one and
    ``encoding`` the codec to write it back with (UTF-16 and UTF-32 always have a BOM)."""

    path: str
    text: str
    bom: bool = False
    encoding: str = "utf-8"


def decode(data: bytes, path: str) -> Source:
    """Decode UTF-8 (with or without BOM), or UTF-16 or UTF-32 with a BOM; refuse binary
    data and invalid text."""
    encoding = next((codec for bom, codec in _WIDE_BOMS if data.startswith(bom)), None)
    if encoding is not None:
        text = _decode(data, encoding, path)
        if "\x00" in text[:_SNIFF]:
            raise InputError(f"{path}: looks like a binary file (contains NUL characters)")
        return Source(path, text[1:], bom=True, encoding=encoding)
    if b"\x00" in data[:_SNIFF]:
        raise InputError(f"{path}: {_describe_nul_bytes(data[:_SNIFF])}")
    text = _decode(data, "utf-8", path)
    if text.startswith(_BOM):
        return Source(path, text[1:], bom=True)
    return Source(path, text)


def _decode(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        name = encoding.removesuffix("-le").removesuffix("-be").upper()
        raise InputError(
            f"{path}: not valid {name} (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None


def _describe_nul_bytes(sample: bytes) -> str:
    """Why data with NUL bytes is refused: UTF-16 without a BOM (every other byte NUL,
    as ASCII text gives) or binary."""
    for order, text_bytes, nul_bytes in (
        ("LE", sample[0::2], sample[1::2]),
        ("BE", sample[1::2], sample[0::2]),
    ):
        if nul_bytes.count(0) * 2 > len(nul_bytes) and 0 not in text_bytes:
            return f"looks like UTF-16 ({order}) without a byte order mark; save it as UTF-8"
    return "looks like a binary file (contains NUL bytes)"


def read_source(path: str) -> Source:
    """Read one input; ``-`` is standard input."""
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>")
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    return decode(data, path)
