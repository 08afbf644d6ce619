"""The codes and names of the engine's own findings, importable without the parser."""

from __future__ import annotations

INTERNAL_ERROR_CODE = "WL000"
INTERNAL_ERROR_NAME = "internal-error"
TIMEOUT_CODE = "WL002"
TIMEOUT_NAME = "parse-timeout"
#: Findings that say an article was not (fully) linted: errors of the run, which no
#: directive suppresses, and which the result cache does not keep.
ENGINE_ERRORS = frozenset({INTERNAL_ERROR_CODE, TIMEOUT_CODE})
