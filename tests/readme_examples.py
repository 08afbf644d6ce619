"""The README's example outputs, generated from real runs so that they cannot go stale.

Each example is the fenced block right after a line ``<!-- example: NAME -->`` in README.md;
NAME picks the command below and how its output is shown. ``python tests/readme_examples.py``
rewrites the blocks; tests/cli/test_readme.py fails while one differs from a fresh run.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from wikilint.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SEED = "seeds/000_778acce009f2ce04.txt"
#: unsourced-claim is off by default; the examples show the sample's unsourced claim too.
UNSOURCED = ("--extend-select", "WL104")
#: The terminal width the ``full`` example is shown at.
COLUMNS = 100
ELLIPSIS = "…"
#: A marked example: its name, the fence's language and the block's text.
BLOCK = re.compile(
    r"<!-- example: (?P<name>[a-z-]+) -->\n```(?P<lang>\w*)\n(?P<body>.*?)```\n", re.S
)


def verbatim(output: str) -> str:
    return output


def findings_then_summary(*codes: str) -> Callable[[str], str]:
    """The ``full`` report's findings of *codes*, an ellipsis for the others, its summary."""

    def shown(output: str) -> str:
        blocks = output.split("\n\n")
        findings = [block for block in blocks if block.startswith(f"{SEED}:")]
        picked = [block for block in findings if block.split(maxsplit=2)[1] in codes]
        summary = "\n\n".join(blocks[len(findings) :])
        return "\n\n".join([*picked, f"{ELLIPSIS}\n{summary}"])

    return shown


def first_finding(output: str) -> str:
    """The first object of a JSON array of findings, one key a line."""
    finding = json.loads(output)[0]
    keys = (
        f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in finding.items()
    )
    return "{\n" + ",\n".join(keys) + "\n}\n"


@dataclass(frozen=True)
class Example:
    """A ``wikilint`` command run from the checkout, and how the README shows its output."""

    args: tuple[str, ...]
    shown: Callable[[str], str] = verbatim


EXAMPLES = {
    "full": Example(
        ("check", "--format", "full", "--no-color", *UNSOURCED, SEED),
        findings_then_summary("WL601", "WL101"),
    ),
    "concise": Example(("check", "--format", "concise", *UNSOURCED, SEED)),
    "json": Example(("check", "--format", "json", "--select", "doubled-word", SEED), first_finding),
}


def output_of(example: Example) -> str:
    """Standard output of the example's command, as in a fresh clone (no configuration)."""
    runner = CliRunner(env={"COLUMNS": str(COLUMNS), "NO_COLOR": None, "GITHUB_ACTIONS": None})
    with contextlib.chdir(ROOT):
        result = runner.invoke(cli, [*example.args, "--isolated"], catch_exceptions=False)
    return result.stdout


def regenerate(readme: str) -> str:
    """*readme* with every example block replaced by its command's output as shown."""

    def block(match: re.Match[str]) -> str:
        name, fence = match["name"], f"```{match['lang']}"
        example = EXAMPLES[name]
        return f"<!-- example: {name} -->\n{fence}\n{example.shown(output_of(example))}```\n"

    return BLOCK.sub(block, readme)


if __name__ == "__main__":
    README.write_text(regenerate(README.read_text(encoding="utf-8")), encoding="utf-8")
