"""The README's example outputs are those of a fresh run (tests/readme_examples.py)."""

from __future__ import annotations

from readme_examples import BLOCK, EXAMPLES, README, regenerate


def test_readme_examples_are_the_output_of_a_fresh_run() -> None:
    readme = README.read_text(encoding="utf-8")
    assert regenerate(readme) == readme, "stale: regenerate with python tests/readme_examples.py"


def test_every_example_has_a_block_and_a_stale_block_is_rewritten() -> None:
    readme = README.read_text(encoding="utf-8")
    assert sorted(match["name"] for match in BLOCK.finditer(readme)) == sorted(EXAMPLES)
    stale = BLOCK.sub(lambda match: match[0].replace(match["body"], "stale\n"), readme)
    assert stale.count("stale\n") >= len(EXAMPLES)
    assert regenerate(stale) == readme
