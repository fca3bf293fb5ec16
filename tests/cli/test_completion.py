"""``careercoach completion bash|zsh|fish``: the script, and what it completes, asked the
way the shells ask (a real bash where there is one)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careercoach.core.checkin import find_triggers
from careercoach.storage.banks import load_banks

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCRIPT = Path(sys.executable).parent / "careercoach"  # the console script pip installed
runner = CliRunner()

needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason="no installed careercoach script")
needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="no bash here")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_script_calls_careercoach_back(shell: str) -> None:
    from careercoach.cli import app

    result = runner.invoke(app, ["completion", shell])
    assert result.exit_code == 0, result.output
    assert f"_CAREERCOACH_COMPLETE=complete_{shell}" in result.stdout
    assert "careercoach" in result.stdout


def test_an_unknown_shell_is_a_usage_error() -> None:
    from careercoach.cli import app

    result = runner.invoke(app, ["completion", "tcsh"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("careercoach completion: ")
    assert "tcsh" in result.stderr


def bash_complete(line: str, env: dict[str, str] | None = None) -> list[str]:
    """What a bash with ``careercoach completion bash`` sourced offers after ``line``."""
    script = subprocess.run(
        [str(SCRIPT), "completion", "bash"], capture_output=True, text=True, check=True
    ).stdout
    empty_last = 'COMP_WORDS+=("")' if line.endswith(" ") else ":"
    program = (
        f"{script}\n"
        f"read -ra COMP_WORDS <<< {shlex.quote(line)}\n"
        f"{empty_last}\n"
        "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
        "_careercoach_completion careercoach\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    path = os.pathsep.join([str(SCRIPT.parent), os.environ.get("PATH", "")])
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", program],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PATH": path, **(env or {})},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return [word for word in result.stdout.splitlines() if word]


@needs_script
@needs_bash
def test_bash_completes_commands_and_options() -> None:
    commands = bash_complete("careercoach ")
    assert commands[0] == "assess"
    assert {"banks", "completion", "plan", "event"} <= set(commands)
    assert bash_complete("careercoach ba") == ["banks"]
    assert bash_complete("careercoach banks t") == ["template"]
    assert {"--bank", "--answers", "--help"} <= set(bash_complete("careercoach assess --"))


@needs_script
@needs_bash
def test_bash_completes_bank_ids_and_triggers() -> None:
    ids = [entry.bank.id for entry in load_banks()]
    assert bash_complete("careercoach banks show ") == ids
    assert bash_complete("careercoach assess --bank st") == [i for i in ids if i.startswith("st")]
    assert bash_complete("careercoach banks template stuck p") == ["promotion"]
    triggers = list(find_triggers(entry.bank for entry in load_banks()))
    assert len(triggers) > 1
    assert bash_complete("careercoach event add ") == triggers


@needs_script
@needs_bash
def test_completion_sees_bank_dirs_and_is_quiet_about_broken_banks(bank_dir: Path) -> None:
    shutil.copy(FIXTURES / "banks" / "mini.yaml", bank_dir)
    shutil.copy(FIXTURES / "bad_banks" / "zero_weight.yaml", bank_dir)  # its id: mini too
    line = f"careercoach --bank-dir {bank_dir} banks show m"
    assert bash_complete(line) == ["mini"]  # the broken file: no warning, no error
    assert bash_complete("careercoach banks show m", {"CAREERCOACH_BANKS": str(bank_dir)}) == [
        "mini"
    ]
    assert bash_complete("careercoach --bank-dir /nowhere banks show ") == []


@needs_script
@pytest.mark.parametrize(
    ("shell", "expected"),
    [
        ("zsh", '_arguments \'*: :(("promotion":"Should you go for the promotion?"))\''),
        ("fish", "promotion\tShould you go for the promotion?"),
    ],
)
def test_zsh_and_fish_ask_the_same_way(shell: str, expected: str) -> None:
    """No zsh or fish here: their scripts' requests, made as the scripts make them."""
    title = next(e.bank.title for e in load_banks() if e.bank.id == "promotion")
    result = subprocess.run(
        [str(SCRIPT)],
        capture_output=True,
        text=True,
        check=False,
        env={
            **os.environ,
            "_CAREERCOACH_COMPLETE": f"complete_{shell}",
            "_TYPER_COMPLETE_ARGS": "careercoach banks show pro",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        },
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.strip() == expected.replace("Should you go for the promotion?", title)


@pytest.mark.parametrize(
    ("shell", "first_line"),
    [
        ("zsh", "#compdef careercoach\n"),  # compinit reads a file only if this is line 1
        ("bash", "_careercoach_completion() {\n"),
        ("fish", "complete --command careercoach --no-files --arguments "),
    ],
)
def test_the_script_starts_on_its_first_line(shell: str, first_line: str) -> None:
    from careercoach.cli import app

    script = runner.invoke(app, ["completion", shell]).stdout
    assert script.startswith(first_line)
    assert script.endswith("\n") and not script.endswith("\n\n")


def test_the_zsh_script_completes_when_autoloaded_and_registers_when_sourced() -> None:
    from careercoach.cli import app

    script = runner.invoke(app, ["completion", "zsh"]).stdout
    assert script.endswith(
        "\ncompdef _careercoach_completion careercoach\n"
        'if [[ "${funcstack[1]}" == _careercoach ]]; then\n'
        "  # autoloaded from fpath as _careercoach: this Tab asks for completions too\n"
        '  _careercoach_completion "$@"\n'
        "fi\n"
    )


@needs_script
@needs_bash
def test_bash_completes_export_formats_and_the_global_options_after_a_command() -> None:
    assert bash_complete("careercoach plan --export ") == ["md", "json", "html", "ics"]
    assert bash_complete("careercoach plan --export h") == ["html"]
    assert bash_complete("careercoach assess --") == [
        "--bank",
        "--answers",
        "--resume",
        "--restart",
        "--edit",
        "--bank-dir",
        "--no-color",
        "--debug",
        "--help",
    ]
    assert bash_complete("careercoach plan --no") == ["--no-color"]
