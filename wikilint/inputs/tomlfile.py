"""Reading the TOML files wikilint is given (configuration, rule packs), bounded in size.

Every way a file can be unusable (unreadable, too large, not UTF-8, invalid or too deeply
nested TOML) raises a :class:`TomlFileError` whose message is a few words; the caller
names the file.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

#: Configuration files and packs are small; tomllib reads about 1 MB a second, so a larger
#: file (a word list belongs in a pack's ``swap_file``) is refused before it is parsed.
MAX_TOML_BYTES = 1024 * 1024
#: tomllib takes time and memory quadratic in the parts of a dotted key (``a.a.a...``: 10,000
#: parts take 400 MB); real files use a handful.
MAX_KEY_PARTS = 32
_KEY_PART = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
#: A dotted key of more parts than allowed; starting only where a part can start keeps the
#: search linear.
_LONG_KEY = re.compile(
    rf"(?<![A-Za-z0-9_\-\"'.])(?:{_KEY_PART}[ \t]*+\.[ \t]*+){{{MAX_KEY_PARTS},}}"
)


class TomlFileError(Exception):
    """Why a TOML file cannot be used, in a few words on one line."""


def read_toml(path: Path) -> dict[str, Any]:
    """The document in the TOML file at *path*."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_TOML_BYTES + 1)
    except OSError as error:
        raise TomlFileError(f"cannot read ({error.strerror or error})") from None
    if len(data) > MAX_TOML_BYTES:
        raise TomlFileError(f"larger than {MAX_TOML_BYTES // 1024} KB")
    try:
        text = data.decode("utf-8")
        if _LONG_KEY.search(text):
            raise TomlFileError(f"invalid TOML (a dotted key of more than {MAX_KEY_PARTS} parts)")
        return tomllib.loads(text)
    except RecursionError:  # tomllib recurses into nested arrays and inline tables
        raise TomlFileError("invalid TOML (nesting too deep)") from None
    except (UnicodeDecodeError, ValueError) as error:  # ValueError: also too many digits
        raise TomlFileError(f"invalid TOML ({error})") from None
