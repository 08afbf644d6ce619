"""Loading pack files and folders, and finding the packs that ship with wikilint."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any

from wikilint.packs.rule import PackRule, make_rule
from wikilint.packs.schema import PackError, parse_pack

PACK_SUFFIX = ".toml"


def builtin_pack_dir() -> Path:
    """The built-in packs: inside an installed wheel, else the checkout's ``rules/``."""
    installed = Path(str(files("wikilint") / "_builtin_packs"))
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"


#: The rule classes of each pack file this process loaded, by code: what an unpickled rule
#: is an instance of (the classes are made at run time, so pickle cannot find them).
_loaded: dict[Path, dict[str, type[PackRule]]] = {}


def load_pack(path: Path) -> list[type[PackRule]]:
    """The rules of one pack file."""
    rules = [make_rule(spec, LoadedPackRule) for spec in parse_pack(path)]
    _loaded[path.resolve()] = {rule.code: rule for rule in rules}
    return rules


class LoadedPackRule(PackRule):
    """A pack rule made by the loader: pickled as its pack file and code (its options and
    severity as state), so that worker processes rebuild the class from the pack file."""

    def __reduce__(self) -> tuple[Callable[..., PackRule], tuple[Path, str], dict[str, Any]]:
        return _unpickle, (self.pack, self.code), self.__dict__


def _unpickle(pack: Path, code: str) -> PackRule:
    rule = loaded_rule(pack, code)
    return rule.__new__(rule)


def loaded_rule(pack: Path, code: str) -> type[PackRule]:
    """The class of rule *code* of the pack file *pack*, loaded once per process."""
    key = pack.resolve()
    if key not in _loaded:
        load_pack(pack)
    rule = _loaded[key].get(code)
    if rule is None:
        raise PackError(f"{pack}: rule {code} is no longer declared")
    return rule


def load_packs(paths: Iterable[Path | str]) -> list[type[PackRule]]:
    """The rules of pack files and of every ``*.toml`` in pack folders, in path order.

    Raises :class:`PackError` (one line naming the file and entry) for an invalid pack.
    """
    rules: list[type[PackRule]] = []
    for path in map(Path, paths):
        if path.is_dir():
            pack_files = sorted(file for file in path.glob(f"*{PACK_SUFFIX}") if file.is_file())
        elif path.is_file():
            pack_files = [path]
        else:
            raise PackError(f"{path}: no such pack file or folder")
        for pack_file in pack_files:
            rules.extend(load_pack(pack_file))
    return rules
