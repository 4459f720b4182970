"""tests/run.sh, the project's one test command: with arguments it runs pytest once with them,
quiet by default, and the summary line stays whatever quietness the caller asks for."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("flags", [[], ["-q"], ["-xq"]])
def test_the_summary_line_shows_with_the_callers_own_flags(tmp_path, flags):
    (tmp_path / "test_one.py").write_text("def test_one():\n    assert 1 + 1 == 2\n")
    done = subprocess.run(["bash", str(ROOT / "tests/run.sh"), *flags, "-p", "no:cacheprovider",
                           str(tmp_path / "test_one.py")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout.splitlines()[-1], done.stdout
