"""The drawing follows the record: change a number, rebuild the real site, see it move."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import BuiltSite, build_site
from .drawing import drawings

PAGE = Path("exercises") / "heel-press" / "index.html"


def test_changing_angles_in_the_record_changes_the_drawing(
    project: Path, tmp_path: Path, built_site: BuiltSite
) -> None:
    record = project / "content" / "heel-press.yaml"
    text = record.read_text(encoding="utf-8")
    text = text.replace("stance: {rear_knee_angle_deg: 160}", "stance: {rear_knee_angle_deg: 150}")
    text = text.replace("  hand_height_cm: 120\n", "  hand_height_cm: 110\n")
    record.write_text(text, encoding="utf-8")
    build_site(project, tmp_path / "out")

    before = drawings(built_site.path / PAGE)
    after = drawings(tmp_path / "out" / PAGE)
    assert after["bent-knee"].rear_knee_angle == pytest.approx(150, abs=1)
    assert before["bent-knee"].rear_knee_angle == pytest.approx(160, abs=1)
    # The straight knee keeps its angle: its variation sets 180 itself.
    assert after["straight-knee"].rear_knee_angle == pytest.approx(180, abs=1)
    # A deeper bend brings the knee further toward the wall.
    assert after["bent-knee"].rear_leg_axis[1][0] > before["bent-knee"].rear_leg_axis[1][0]
    # Both hands come down 10 cm, which is 10 units of the drawing.
    for key in ("straight-knee", "bent-knee"):
        height_before = before[key].floor_y - before[key].outline("hand")[0][1]
        height_after = after[key].floor_y - after[key].outline("hand")[0][1]
        assert height_after == pytest.approx(height_before - 10, abs=0.1)
        assert "110 cm up" in after[key].svg[1].text
