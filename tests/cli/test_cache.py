"""The result cache: a re-run reads findings back, and no entry is trusted blindly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SHOUTING_PLUGIN, install_plugin

from wikilint.config.files import find_config_file, load_config

TEXT = "The cat sat on the the mat -- quietly.\n"  # WL103 (an unsafe fix), WL601 (a safe one)
FIXED = "The cat sat on the the mat—quietly.\n"


def entries(folder: Path) -> list[Path]:
    """The entries of results, without the records of settings digests beside them."""
    return sorted(path for path in folder.glob("*/*.json") if not is_record(path))


def records(folder: Path) -> list[Path]:
    return sorted(path for path in folder.glob("*/*.json") if is_record(path))


def is_record(path: Path) -> bool:
    return path.name.startswith("settings-")


def edit_entry(entry: Path, change) -> None:
    data = json.loads(entry.read_bytes())
    change(data)
    entry.write_text(json.dumps(data), encoding="utf-8")


def test_a_second_run_takes_the_findings_from_the_cache(run, tmp_path, result_cache_dir) -> None:
    (tmp_path / "a.wiki").write_text(TEXT, encoding="utf-8")
    first = run("check", "a.wiki")
    assert first.stdout.startswith('a.wiki:1:20 WL103 doubled-word "the" is written twice')
    [entry] = entries(result_cache_dir)
    assert (result_cache_dir / ".gitignore").read_text(encoding="utf-8").endswith("\n*\n")
    edit_entry(entry, lambda data: data["findings"][0].__setitem__(3, "read from the cache"))
    second = run("check", "a.wiki")
    assert second.stdout.startswith("a.wiki:1:20 WL103 doubled-word read from the cache\n")
    assert second.exit_code == first.exit_code == 1
    assert run("check", "--no-cache", "a.wiki").stdout == first.stdout


def test_an_edited_text_or_other_settings_are_linted_again(run, tmp_path, result_cache_dir) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(TEXT, encoding="utf-8")
    run("check", "a.wiki")
    edit_entry(entries(result_cache_dir)[0], lambda data: data["findings"].clear())
    path.write_text(TEXT.replace("--", "—"), encoding="utf-8")
    assert run("check", "a.wiki").stdout == run("check", "--no-cache", "a.wiki").stdout
    assert "WL103" in run("check", "a.wiki").stdout
    assert run("check", "--select", "WL601", "a.wiki").exit_code == 0
    assert run("check", "--ignore", "WL103,WL601", "a.wiki").exit_code == 0
    assert len(entries(result_cache_dir)) == 3  # one per file and settings


def test_an_edited_pack_file_is_a_miss(run, tmp_path: Path) -> None:
    pack = tmp_path / "house.toml"
    rule = '[[rules]]\ncode = "HS101"\nname = "no-utilize"\nkind = "existence"\nwhy = "W."\n'
    rule += 'bad = "We utilize it."\ngood = "We use it."\nsummary = "S."\ntokens = ["utilize"]\n'
    pack.write_text(rule + 'message = "one"\n', encoding="utf-8")
    (tmp_path / ".wikilint.toml").write_text('rule-packs = ["house.toml"]\n', encoding="utf-8")
    (tmp_path / "a.wiki").write_text("We utilize it.\n", encoding="utf-8")
    assert run("check", "--select", "HS101", "a.wiki").stdout.endswith(" one\n")
    pack.write_text(rule + 'message = "two"\n', encoding="utf-8")
    assert run("check", "--select", "HS101", "a.wiki").stdout.endswith(" two\n")


#: Each changes what WL103 reports on TEXT, or how, in the configuration file.
SETTINGS_CHANGES = {
    "an option": '[rules.doubled-word]\nallow = ["the the"]\n',
    "a severity": '[rules.WL103]\nseverity = "error"\n',
    "a rule selected": 'extend-select = ["WL5"]\n',
    "a per-file ignore": '[per-file-ignores]\n"a.wiki" = ["WL601"]\n',
}


@pytest.mark.parametrize("change", SETTINGS_CHANGES.values(), ids=SETTINGS_CHANGES.keys())
def test_changed_settings_are_a_miss(run, tmp_path, result_cache_dir, change) -> None:
    (tmp_path / "a.wiki").write_text(TEXT, encoding="utf-8")
    run("check", "a.wiki")
    [entry] = entries(result_cache_dir)
    edit_entry(entry, lambda data: data["findings"][0].__setitem__(3, "from the cache"))
    assert "from the cache" in run("check", "a.wiki").stdout  # a hit, through the record
    (tmp_path / ".wikilint.toml").write_text(change, encoding="utf-8")
    find_config_file.cache_clear()  # read again, as a new process would
    load_config.cache_clear()
    result = run("check", "a.wiki")
    assert "from the cache" not in result.stdout
    assert result.stdout == run("check", "--no-cache", "a.wiki").stdout
    assert len(records(result_cache_dir)) == 2  # one per distinct settings


def test_a_damaged_record_of_the_settings_is_ignored_and_rewritten(
    run, tmp_path, result_cache_dir
) -> None:
    (tmp_path / "a.wiki").write_text(TEXT, encoding="utf-8")
    expected = run("check", "a.wiki").stdout
    [record] = records(result_cache_dir)
    good = record.read_bytes()
    for damage in (b"{", b'{"facts": 1}', good.replace(b'"digest":"', b'"digest":"0')):
        record.write_bytes(damage)
        assert run("check", "a.wiki").stdout == expected
        assert record.read_bytes() == good


DAMAGE = {
    "truncated": lambda data: data[: len(data) // 2],
    "garbage bytes": lambda data: b"\xff\x00garbage" * 50,
    "foreign JSON": lambda data: b'{"findings": [], "text": 1}',
    "deeply nested": lambda data: b"[" * 100_000,
    "other settings": lambda data: data.replace(b'"settings":"', b'"settings":"0'),
    "other text": lambda data: data.replace(b'"text":"', b'"text":"0'),
    "offset outside the text": lambda data: data.replace(b",19,22,", b",19,2200,"),
    "edit outside the text": lambda data: data.replace(b"[[18,", b"[[-18,"),
    "unknown rule": lambda data: data.replace(b'"WL103"', b'"WL999"'),
    "wrong types": lambda data: data.replace(b'"warning"', b"3"),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_or_foreign_entry_is_ignored_and_rewritten(
    run, tmp_path, result_cache_dir, damage
) -> None:
    (tmp_path / "a.wiki").write_text(TEXT, encoding="utf-8")
    expected = run("check", "--format", "json", "a.wiki")
    [entry] = entries(result_cache_dir)
    good = entry.read_bytes()
    assert b",19,22," in good and b"[[18," in good  # what the damages change is there
    entry.write_bytes(damage(good))
    assert entry.read_bytes() != good
    result = run("check", "--format", "json", "a.wiki")
    assert (result.stdout, result.stderr, result.exit_code) == (expected.stdout, "", 1)
    assert entry.read_bytes() == good


def test_an_unwritable_cache_folder_warns_once(run, tmp_path, monkeypatch) -> None:
    (tmp_path / "in-the-way").write_text("", encoding="utf-8")
    monkeypatch.setenv("WIKILINT_CACHE_DIR", str(tmp_path / "in-the-way"))
    for name in ("a.wiki", "b.wiki"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    result = run("check", "a.wiki", "b.wiki")
    assert result.stdout == run("check", "--no-cache", "a.wiki", "b.wiki").stdout
    assert result.stderr == (
        f"wikilint: warning: cannot write the cache in {tmp_path / 'in-the-way'} "
        "(File exists); results are not cached\n"
    )


def test_two_concurrent_runs_both_report_what_an_uncached_run_does(tmp_path: Path) -> None:
    for number in range(50):
        text = TEXT * (number % 7 + 1) + f"Paragraph {number} has has a doubled word.\n"
        (tmp_path / f"{number:02}.wiki").write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "wikilint", "check", "--jobs", "1", "."]
    runs = [subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE) for _ in range(2)]
    outputs = [process.communicate()[0] for process in runs]
    expected = subprocess.run([*command, "--no-cache"], cwd=tmp_path, capture_output=True)
    assert expected.stdout.count(b"\n") > 250
    assert outputs == [expected.stdout, expected.stdout]
    again = subprocess.run(command, cwd=tmp_path, capture_output=True)
    assert again.stdout == expected.stdout


def test_fix_never_takes_fixed_text_from_the_cache(run, tmp_path, result_cache_dir) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(TEXT, encoding="utf-8")
    run("check", "--select", "WL103,WL6", "a.wiki")  # cached: findings with fixes
    result = run("check", "--fix", "--format", "full", "--select", "WL103,WL6", "a.wiki")
    assert path.read_text(encoding="utf-8") == FIXED
    assert "Fixed 1 finding." in result.stdout
    after = run("check", "--select", "WL103,WL6", "a.wiki")
    assert after.stdout == run("check", "--no-cache", "--select", "WL103,WL6", "a.wiki").stdout
    assert "WL601" not in after.stdout and "WL103" in after.stdout


def test_fix_takes_an_entry_with_nothing_to_fix(run, tmp_path, result_cache_dir) -> None:
    (tmp_path / "a.wiki").write_text(FIXED, encoding="utf-8")
    run("check", "--select", "WL103,WL6", "a.wiki")
    [entry] = entries(result_cache_dir)
    edit_entry(entry, lambda data: data["findings"][0].__setitem__(3, "from the cache"))
    result = run("check", "--fix", "--select", "WL103,WL6", "a.wiki")
    assert "WL103 doubled-word from the cache" in result.stdout  # the unsafe fix is not due
    unsafe = run(
        "check", "--fix", "--unsafe-fixes", "--format", "full", "--select", "WL1,WL6", "a.wiki"
    )
    assert "Fixed 1 finding." in unsafe.stdout  # now it is: linted and fixed, not read
    assert (tmp_path / "a.wiki").read_text(encoding="utf-8") == "The cat sat on the mat—quietly.\n"


def test_standard_input_and_dumps_are_not_cached(run, tmp_path, result_cache_dir) -> None:
    from wikilint.inputs.dumps import Page, write_dump

    write_dump([Page("Cat", 0, 1, 1, TEXT, "en")], tmp_path / "wiki.xml")
    assert run("check", "-", input=TEXT).exit_code == 1
    assert run("check", "wiki.xml").exit_code == 1
    assert list(result_cache_dir.iterdir()) == []


def test_the_cache_lives_in_the_project_root_and_clean_removes_it(
    run, tmp_path, monkeypatch
) -> None:
    monkeypatch.delenv("WIKILINT_CACHE_DIR")
    project = tmp_path / "project"
    (project / "articles").mkdir(parents=True)
    (project / ".wikilint.toml").write_text("", encoding="utf-8")
    (project / "articles" / "a.wiki").write_text(TEXT, encoding="utf-8")
    run("check", "project/articles/a.wiki")
    cache = project / ".wikilint_cache"
    assert sorted(path.name for path in cache.iterdir()) == [".gitignore", "0.1.0", "CACHEDIR.TAG"]
    assert run("check", "--no-cache", "project/articles/a.wiki").exit_code == 1
    assert not (tmp_path / ".wikilint_cache").exists()
    monkeypatch.chdir(project)
    result = run("clean")
    assert (result.exit_code, result.stderr, cache.exists()) == (
        0,
        f"Removed {cache}\n",
        False,
    )
    assert (run("clean").exit_code, run("clean").stderr) == (0, "")


def test_cache_dir_in_the_config_and_a_folder_clean_will_not_remove(
    run, tmp_path, monkeypatch
) -> None:
    monkeypatch.delenv("WIKILINT_CACHE_DIR")
    (tmp_path / ".wikilint.toml").write_text('cache-dir = "build/lint"\n', encoding="utf-8")
    (tmp_path / "a.wiki").write_text(TEXT, encoding="utf-8")
    run("check", "a.wiki")
    assert len(entries(tmp_path / "build" / "lint")) == 1
    assert run("clean").exit_code == 0 and not (tmp_path / "build" / "lint").exists()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / ".wikilint.toml").write_text('cache-dir = "../build"\n', "utf-8")
    monkeypatch.chdir(tmp_path / "other")
    result = run("clean")
    assert (result.exit_code, result.stderr) == (
        2,
        f"wikilint: error: {tmp_path / 'other' / '../build'} is not a cache folder that "
        "wikilint made; not removed\n",
    )
    assert (tmp_path / "build").is_dir()


def test_only_the_misses_go_to_worker_processes(run, tmp_path, monkeypatch) -> None:
    import wikilint.batch.pool

    names = [f"{number}.wiki" for number in range(4)]
    for name in names:
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    run("check", "--jobs", "1", *names)
    sent: list[str] = []
    texts: list[str] = []
    real_run_files = wikilint.batch.pool.run_files

    def recording(tasks, **options):
        tasks = list(tasks)
        sent.extend(task.path for task in tasks)
        texts.extend(task.source.text for task in tasks)  # as read to look them up
        return real_run_files(tasks, **options)

    monkeypatch.setattr(wikilint.batch.pool, "run_files", recording)
    assert run("check", "--jobs", "2", *names).exit_code == 1
    assert sent == []  # every result cached: no worker started
    for name in ("1.wiki", "3.wiki"):
        (tmp_path / name).write_text(TEXT.replace("--", "—"), encoding="utf-8")
    result = run("check", "--jobs", "2", *names)
    assert sent == ["1.wiki", "3.wiki"]
    assert texts == [TEXT.replace("--", "—")] * 2
    assert result.stdout == run("check", "--no-cache", "--jobs", "1", *names).stdout


def reads_of_wikitext(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the ``.wiki`` files read from now on, once per read."""
    reads: list[str] = []
    read_bytes = Path.read_bytes

    def counted(self: Path) -> bytes:
        if self.suffix == ".wiki":
            reads.append(self.name)
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    return reads


@pytest.mark.parametrize("fix", [[], ["--fix"]])
def test_a_miss_is_read_once(run, tmp_path, monkeypatch, fix) -> None:
    # Review item: a miss was read to look it up, then again to lint it.
    (tmp_path / "a.wiki").write_text(TEXT, encoding="utf-8")
    reads = reads_of_wikitext(monkeypatch)
    result = run("check", *fix, "--select", "WL103,WL601", "a.wiki")
    assert reads == ["a.wiki"]
    assert result.stdout.startswith('a.wiki:1:20 WL103 doubled-word "the" is written twice')
    assert (tmp_path / "a.wiki").read_text(encoding="utf-8") == (FIXED if fix else TEXT)


def test_misses_beyond_the_held_text_are_read_again_in_their_turn(
    run, tmp_path, monkeypatch
) -> None:
    names = [f"{number}.wiki" for number in range(3)]
    for name in names:
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    expected = run("check", "--no-cache", *names).stdout
    monkeypatch.setattr("wikilint.batch.cache.MAX_HELD_TEXT", len(TEXT))  # one text held at a time
    reads = reads_of_wikitext(monkeypatch)
    assert run("check", *names).stdout == expected
    assert reads == [*names, "1.wiki", "2.wiki"]


def test_hits_beyond_the_held_text_are_read_again_in_their_turn(
    run, tmp_path, result_cache_dir, monkeypatch
) -> None:
    names = [f"{number}.wiki" for number in range(3)]
    for name in names:
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    expected = run("check", *names).stdout
    for entry in entries(result_cache_dir):
        edit_entry(entry, lambda data: data["findings"][0].__setitem__(3, "cached"))
    monkeypatch.setattr("wikilint.batch.cache.MAX_HELD_TEXT", len(TEXT))  # one text held at a time
    result = run("check", *names)
    assert result.stdout == expected.replace('"the" is written twice in a row', "cached")


def test_an_entry_that_is_a_fifo_does_not_block_the_run(run, tmp_path, result_cache_dir) -> None:
    (tmp_path / "a.wiki").write_text(TEXT, encoding="utf-8")
    expected = run("check", "a.wiki").stdout
    [entry] = entries(result_cache_dir)
    entry.unlink()
    os.mkfifo(entry)
    assert run("check", "a.wiki").stdout == expected
    assert entry.is_file()  # replaced by a regular entry


def test_a_cache_dir_that_is_not_a_string_is_a_one_line_error(run, tmp_path: Path) -> None:
    (tmp_path / ".wikilint.toml").write_text("cache-dir = 5\n", encoding="utf-8")
    (tmp_path / "a.wiki").write_text(TEXT, encoding="utf-8")
    for command in (["check", "a.wiki"], ["clean"]):
        result = run(*command)
        assert (result.exit_code, result.stderr) == (
            2,
            f"wikilint: error: {tmp_path / '.wikilint.toml'}: cache-dir: expected a string, "
            "got 5\n",
        )


def test_a_pipe_is_read_once_and_linted(tmp_path: Path) -> None:
    # Issue 12 review: the cache read the input before the lint step read it again, so
    # `cat a.wiki | wikilint check /dev/stdin` was linted as empty (rc 0) and a FIFO hung.
    command = [sys.executable, "-m", "wikilint", "check", "--isolated", "--select", "WL103"]
    expected = 'PATH:1:20 WL103 doubled-word "the" is written twice in a row\n'
    piped = subprocess.run(
        [*command, "/dev/stdin"], input=TEXT, capture_output=True, text=True, timeout=60
    )
    assert (piped.returncode, piped.stdout) == (1, expected.replace("PATH", "/dev/stdin"))
    fifo = tmp_path / "a.fifo"
    os.mkfifo(fifo)
    process = subprocess.Popen([*command, str(fifo)], stdout=subprocess.PIPE, text=True)
    with open(fifo, "w", encoding="utf-8") as writer:  # blocks until wikilint opens it
        writer.write(TEXT)
    try:
        stdout = process.communicate(timeout=60)[0]
    finally:
        process.kill()
    assert (process.returncode, stdout) == (1, expected.replace("PATH", str(fifo)))
    assert entries(Path(os.environ["WIKILINT_CACHE_DIR"])) == []


def test_installing_selecting_or_editing_a_plugin_is_a_miss(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "a.wiki").write_text(TEXT + "It is LOUD.\n", encoding="utf-8")

    def check(*args: str) -> str:
        command = [sys.executable, "-m", "wikilint", "check", "--format", "concise", *args]
        env = {**os.environ, "PYTHONPATH": str(site), "WIKILINT_CACHE_DIR": str(tmp_path / "c")}
        return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True).stdout

    before = check("a.wiki")
    assert "WL103" in before and "XPL001" not in before
    install_plugin(site, "wikilint_loud", SHOUTING_PLUGIN, "wikilint_loud:ShoutingRule")
    assert check("a.wiki") == before  # a plugin's rules are off until selected
    assert check("--select", "XPL001", "a.wiki") == "a.wiki:2:7 XPL001 no-shouting shouting\n"
    (site / "wikilint_loud.py").write_text(SHOUTING_PLUGIN.replace('"shouting"', '"quieter"'))
    assert check("--select", "XPL001", "a.wiki") == "a.wiki:2:7 XPL001 no-shouting quieter\n"


LOUD_WITH_HELPER = SHOUTING_PLUGIN.replace(
    "from wikilint.linter.rule import Rule, RuleDocs",
    "from loud_words import MESSAGE\nfrom wikilint.linter.rule import Rule, RuleDocs",
).replace('"shouting")', "MESSAGE)")


@pytest.mark.parametrize("helper_in", ["a second distribution", "the plugin's distribution"])
def test_editing_a_plugins_helper_module_is_a_miss(tmp_path: Path, helper_in: str) -> None:
    # Review item: the key covered the package defining a plugin's rule, not a helper module
    # it imports from another package (of its own distribution, or one it requires).
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "a.wiki").write_text("It is LOUD.\n", encoding="utf-8")
    install_plugin(site, "wikilint_loud", LOUD_WITH_HELPER, "wikilint_loud:ShoutingRule")
    helper = site / "loud_words.py"
    helper.write_text('MESSAGE = "shouting"\n')
    plugin_info = site / "wikilint_loud-1.0.dist-info"
    if helper_in == "a second distribution":
        with (plugin_info / "METADATA").open("a") as metadata:
            metadata.write(
                "Requires-Dist: loud-words>=1.0\nRequires-Dist: pytest; extra == 'test'\n"
            )
        helper_info = site / "loud_words-1.0.dist-info"
        helper_info.mkdir()
        (helper_info / "METADATA").write_text(
            "Metadata-Version: 2.1\nName: loud-words\nVersion: 1\n"
        )
        (helper_info / "RECORD").write_text("loud_words.py,,\n")
    else:
        (plugin_info / "RECORD").write_text("wikilint_loud.py,,\nloud_words.py,,\n")

    def check() -> str:
        command = [sys.executable, "-m", "wikilint", "check", "--format", "concise"]
        env = {**os.environ, "PYTHONPATH": str(site), "WIKILINT_CACHE_DIR": str(tmp_path / "c")}
        return subprocess.run(
            [*command, "--select", "XPL001", "a.wiki"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout

    assert check() == "a.wiki:1:7 XPL001 no-shouting shouting\n"
    helper.write_text('MESSAGE = "quieter, please"\n')
    assert check() == "a.wiki:1:7 XPL001 no-shouting quieter, please\n"
