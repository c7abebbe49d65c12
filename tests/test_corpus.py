"""Every broken record of the corpus is rejected with its code, message, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from .corpus import Case, findings, load_cases

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_record_gives_exactly_its_findings(case: Case, tmp_path: Path) -> None:
    assert findings(case, tmp_path) == case.expect
