"""A rule package installed by pip (tests/plugin/) runs through the real command line: off
until selected, then positioned, suppressible, configurable and in every output format."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT

PLUGIN = ROOT / "tests" / "plugin"
PAGE = (
    "The results were AMAZING.\n"
    "It was LOUD, said NASA. <!-- wikilint-disable-line XPL101 -->\n"
    'They called it "AWFUL", then GREAT.\n'
)
#: (line, column, message) of each finding of the plugin's rule on PAGE, by default.
EXPECTED = [(1, 18, "'AMAZING' is shouted"), (3, 30, "'GREAT' is shouted")]


def build_wheel(project: Path, out: Path) -> Path:
    """A wheel of *project* (one module, entry points), built with the standard library:
    no build backend is needed, nor the network."""
    meta = tomllib.loads((project / "pyproject.toml").read_text())["project"]
    dist = meta["name"].replace("-", "_")
    info = f"{dist}-{meta['version']}.dist-info"
    groups = "".join(
        f"[{group}]\n" + "".join(f"{name} = {target}\n" for name, target in points.items())
        for group, points in meta["entry-points"].items()
    )
    files = {
        "wikilint_example.py": (project / "wikilint_example.py").read_bytes(),
        f"{info}/METADATA": (
            f"Metadata-Version: 2.1\nName: {meta['name']}\nVersion: {meta['version']}\n"
        ).encode(),
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\n"
        b"Tag: py3-none-any\n",
        f"{info}/entry_points.txt": groups.encode(),
    }
    record = [f"{name},sha256={_digest(data)},{len(data)}" for name, data in files.items()]
    files[f"{info}/RECORD"] = "\n".join([*record, f"{info}/RECORD,,", ""]).encode()
    wheel = out / f"{dist}-{meta['version']}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return wheel


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder the plugin is pip-installed into, to put on ``PYTHONPATH``."""
    work = tmp_path_factory.mktemp("plugin")
    wheel = build_wheel(PLUGIN, work)
    target = work / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--disable-pip-version-check", "--target", str(target), str(wheel)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    return target


def wikilint(site: Path, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``wikilint ARGS`` in *folder*, with the plugin installed."""
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-m", "wikilint", *args], cwd=folder, env=env, capture_output=True,
        text=True,
    )  # fmt: skip


def plugin_findings(result: subprocess.CompletedProcess[str]) -> list[tuple[int, int, str]]:
    assert result.returncode in (0, 1), result.stderr
    return [
        (finding["line"], finding["column"], finding["message"])
        for finding in json.loads(result.stdout)
        if finding["code"] == "XPL101"
    ]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "page.wiki").write_text(PAGE)
    return tmp_path


def test_the_rule_is_listed_off_with_its_distribution(site: Path, folder: Path) -> None:
    listed = wikilint(site, folder, "rules")
    assert listed.returncode == 0, listed.stderr
    [line] = [line for line in listed.stdout.splitlines() if line.startswith("XPL101")]
    assert line.split()[:5] == ["XPL101", "no-shouting", "warning", "off", "unsafe"]
    assert line.endswith("A word written in capitals (plugin: wikilint-example-plugin 0.1.0)")
    explained = wikilint(site, folder, "explain", "no-shouting")
    assert "enabled by default: no" in explained.stdout
    assert "plugin: wikilint-example-plugin 0.1.0" in explained.stdout


@pytest.mark.parametrize("selection", [(), ("--select", "ALL")], ids=["default", "ALL"])
def test_the_rule_is_off_until_selected(
    site: Path, folder: Path, selection: tuple[str, ...]
) -> None:
    result = wikilint(site, folder, "check", "--format", "json", *selection, "page.wiki")
    assert plugin_findings(result) == []


@pytest.mark.parametrize("selector", ["XPL101", "XPL", "no-shouting"])
def test_once_selected_its_findings_are_positioned_and_suppressible(
    site: Path, folder: Path, selector: str
) -> None:
    result = wikilint(
        site, folder, "check", "--format", "json", "--extend-select", selector, "page.wiki"
    )
    assert plugin_findings(result) == EXPECTED


def test_the_configuration_selects_and_configures_it(site: Path, folder: Path) -> None:
    (folder / "pyproject.toml").write_text(
        '[tool.wikilint]\nselect = ["no-shouting"]\n\n'
        "[tool.wikilint.rules.no-shouting]\nmin-length = 6\nseverity = 'error'\n"
    )
    result = wikilint(site, folder, "check", "--format", "json", "page.wiki")
    assert plugin_findings(result) == EXPECTED[:1]
    assert [finding["severity"] for finding in json.loads(result.stdout)] == ["error"]
    (folder / "pyproject.toml").write_text(
        "[tool.wikilint]\nselect = ['XPL101']\n\n[tool.wikilint.rules.XPL101]\nmin-length = 1\n"
    )
    refused = wikilint(site, folder, "check", "page.wiki")
    assert refused.returncode == 2
    assert refused.stderr == (
        "wikilint: error: "
        f"{folder / 'pyproject.toml'}: rules.no-shouting.min-length: expected int from 2 to 50, "
        "got 1\n"
    )


def test_sarif_describes_the_rule_and_reports_its_results(site: Path, folder: Path) -> None:
    result = wikilint(site, folder, "check", "--format", "sarif", "--select", "XPL101", "page.wiki")
    assert result.returncode == 1, result.stderr
    [run] = json.loads(result.stdout)["runs"]
    [descriptor] = [rule for rule in run["tool"]["driver"]["rules"] if rule["id"] == "XPL101"]
    assert descriptor["name"] == "no-shouting"
    assert descriptor["defaultConfiguration"] == {"level": "warning", "enabled": False}
    regions = [
        (entry["ruleId"], entry["locations"][0]["physicalLocation"]["region"])
        for entry in run["results"]
    ]
    assert [(rule, region["startLine"], region["startColumn"]) for rule, region in regions] == [
        ("XPL101", 1, 18),
        ("XPL101", 3, 30),
    ]


def test_fix_applies_its_unsafe_fix(site: Path, folder: Path) -> None:
    result = wikilint(
        site, folder, "check", "--select", "XPL101", "--fix", "--unsafe-fixes", "page.wiki"
    )
    assert result.returncode == 0, result.stderr
    assert (folder / "page.wiki").read_text() == PAGE.replace("AMAZING", "amazing").replace(
        "GREAT", "great"
    )
