"""The consistency and hygiene checks on text shaped like real exercise corpora (free-exercise-db,
wger), in our own words: what a careful editor would leave as it is passes, and the mistakes
the checks exist for are still caught."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools.build import pipeline  # noqa: F401  (registers every check)
from build_tools.checks.run import check_content
from build_tools.source.load import load_content

ROOT = Path(__file__).resolve().parent.parent
CODES = ("C301", "C302", "C303", "C305", "C402", "C403")


def findings(tmp_path: Path, **record: Any) -> list[str]:
    """The C3xx/C4xx findings on one draft record, as `code message` lines."""
    content = tmp_path / "content"
    (content / "vocabulary").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "vocabulary" / "terms.yaml", content / "vocabulary")
    data = {"name": "Wall Sit", "slug": "wall-sit", "draft": True, **record}
    (content / "wall-sit.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    loaded = load_content(content, tmp_path)
    found = check_content(loaded)
    assert not [d for d in found if not d.code.startswith(("C3", "C4"))], found
    return [f"{d.code} {d.message}" for d in found if d.code in CODES]


def steps(*texts: str) -> list[dict[str, str]]:
    return [{"id": f"step-{n}", "text": text} for n, text in enumerate(texts, 1)]


# -- C301: what the text must name -------------------------------------------------------------


def test_body_weight_needs_no_mention(tmp_path: Path) -> None:
    assert findings(tmp_path, equipment=["body-weight"], instructions=steps("Sit down.")) == []


def test_equipment_named_by_a_looser_word_counts(tmp_path: Path) -> None:
    # "the bar" is how real steps name the barbell; `bar` is one of the barbell's mentions.
    record = {"equipment": ["barbell"], "instructions": steps("Lift the bar off the rack.")}
    assert findings(tmp_path, **record) == []


def test_equipment_the_text_never_names_is_still_caught(tmp_path: Path) -> None:
    record = {"equipment": ["kettlebell"], "instructions": steps("Lift the bar off the rack.")}
    assert findings(tmp_path, **record) == [
        "C301 equipment 'kettlebell' is not named in the text (as 'Kettlebell' or an alias)"
    ]


def test_the_name_names_the_equipment(tmp_path: Path) -> None:
    record = {"name": "Kettlebell Wall Sit", "equipment": ["kettlebell"]}
    assert findings(tmp_path, **record, instructions=steps("Hold the handle.")) == []


def test_secondary_muscles_need_no_mention(tmp_path: Path) -> None:
    record = {
        "muscles": {"primary": ["quadriceps"], "secondary": ["glutes", "soleus"]},
        "instructions": steps("Slide down the wall until your quads burn."),
    }
    assert findings(tmp_path, **record) == []


def test_steps_that_only_say_how_to_move_leave_the_muscles_to_the_panel(tmp_path: Path) -> None:
    record = {
        "muscles": {"primary": ["quadriceps", "hamstrings"]},
        "instructions": steps("Lean against the wall.", "Slide down until you sit."),
    }
    assert findings(tmp_path, **record) == []


def test_a_text_that_says_which_muscles_work_must_name_each_primary_one(tmp_path: Path) -> None:
    record = {
        "muscles": {"primary": ["quadriceps", "hamstrings"]},
        "instructions": steps("Slide down the wall until your quads burn."),
    }
    assert findings(tmp_path, **record) == [
        "C301 muscles.primary 'hamstrings' is not named in the text (as 'Hamstrings' or an alias)"
    ]


def test_a_body_part_counts_for_its_muscle_without_naming_it_elsewhere(tmp_path: Path) -> None:
    # `chest` names the pectorals loosely: enough for C301 here, never a C302 in a record that
    # holds a bar at chest height without working the pectorals.
    pressed = {
        "muscles": {"primary": ["pectorals", "triceps"]},
        "instructions": steps("Lower the bar to your chest.", "Press it up with your triceps."),
    }
    assert findings(tmp_path, **pressed) == []
    held = {
        "muscles": {"primary": ["quadriceps"]},
        "instructions": steps("Hold the bar at chest height and squat until your quads burn."),
    }
    assert findings(tmp_path / "held", **held) == []


# -- C302: a muscle named as a place ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rest your hands on your abs and slide down the wall until your quads burn.",
        "Keep your lower back flat against the wall while your quads work.",
        "Your forearms should stay perpendicular to the floor; the quads do the work.",
        "Slide down until your quads burn; you should not feel it in your lower back.",
        "Cross your arms so that each forearm is across your chest; let the quads work.",
    ],
)
def test_a_muscle_named_only_as_a_place_is_no_missing_declaration(
    tmp_path: Path, text: str
) -> None:
    record = {"muscles": {"primary": ["quadriceps"]}, "instructions": steps(text)}
    assert findings(tmp_path, **record) == []


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Slide down the wall until your quads and hamstrings burn.", "hamstrings"),
        ("It targets the quads and, a little, the glutes.", "glutes"),
        ("Squeeze your glutes at the bottom; the quads do the rest.", "glutes"),
        ("Keep the hamstrings loose while the quads work.", "hamstrings"),
    ],
)
def test_a_muscle_named_at_work_is_still_a_missing_declaration(
    tmp_path: Path, text: str, named: str
) -> None:
    record = {"muscles": {"primary": ["quadriceps"]}, "instructions": steps(text)}
    [finding] = findings(tmp_path, **record)
    assert finding.startswith(f"C302 instructions[0].text names '{named}'")


def test_an_alias_added_for_c301_does_not_turn_into_c302(tmp_path: Path) -> None:
    # The shoulders named as a body part satisfy the deltoids (a mention), and the same word in
    # a record without the deltoids is no C302: the fix of one check is not a finding of the other.
    worked = {
        "muscles": {"primary": ["deltoids", "triceps"]},
        "instructions": steps("Press the weight over your shoulders with your triceps."),
    }
    assert findings(tmp_path, **worked) == []
    placed = {
        "muscles": {"primary": ["quadriceps"]},
        "instructions": steps("Rest the bar on your shoulders and squat until your quads burn."),
    }
    assert findings(tmp_path / "placed", **placed) == []


# -- C303, C305: the catches kept ---------------------------------------------------------------


def test_the_name_spelled_two_ways_is_still_caught(tmp_path: Path) -> None:
    record = {"instructions": steps("Start the Wall-Sit with your back on the wall.")}
    assert findings(tmp_path, **record) == [
        "C303 instructions[0].text writes the name as 'Wall-Sit'; the record's name is 'Wall Sit'"
    ]


def test_a_variation_pointing_nowhere_is_still_caught(tmp_path: Path) -> None:
    record = {
        "instructions": steps("Slide down the wall."),
        "variations": [
            {
                "id": "low",
                "name": "Low",
                "emphasis": "Thighs",
                "muscles": ["quadriceps"],
                "see": ["step:step-9"],
            }
        ],
    }
    found = findings(tmp_path, **record)
    assert "C305 variations[0].see[0] 'step:step-9' matches no step" in found[0]


# -- C402: what is no broken sentence ------------------------------------------------------------


def test_list_items_may_be_fragments(tmp_path: Path) -> None:
    description = ["You need:\n- a wall\n- a timer", "Sets:\n1. three of 30 seconds\n2. rest"]
    assert findings(tmp_path, description=description) == []


def test_a_label_ending_in_a_colon_may_head_the_next_paragraph(tmp_path: Path) -> None:
    description = ["Starting position:", "Stand with your back to a wall."]
    assert findings(tmp_path, description=description) == []


def test_a_label_with_nothing_after_it_is_caught(tmp_path: Path) -> None:
    record = {"instructions": steps("Slide down the wall. Tips:")}
    assert findings(tmp_path, **record) == [
        "C402 instructions[0].text does not end with '.', '!' or '?': 'Slide down the wall. Tips:'"
    ]


def test_a_paragraph_that_is_a_link_is_no_broken_sentence(tmp_path: Path) -> None:
    description = [
        "Stand with your back to a wall.",
        "https://video.example.org/setup",
        "[A video of the setup](https://video.example.org/setup)",
    ]
    assert findings(tmp_path, description=description) == []


def test_a_fragment_is_still_caught_beside_a_list(tmp_path: Path) -> None:
    description = ["seated against the wall, slow\n- a wall"]
    assert findings(tmp_path, description=description) == [
        "C402 description[0] does not start with a capital letter: 'seated against the wall, slow'"
    ]


# -- C403: what is no sentence written twice -----------------------------------------------------


def test_the_summary_may_be_the_descriptions_first_sentence(tmp_path: Path) -> None:
    record = {
        "summary": "Sit against a wall with your thighs level.",
        "description": ["Sit against a wall with your thighs level. Hold it as long as you can."],
    }
    assert findings(tmp_path, **record) == []


def test_the_summary_repeated_later_is_still_caught(tmp_path: Path) -> None:
    record = {
        "summary": "Sit against a wall with your thighs level.",
        "description": [
            "Hold it as long as you can.",
            "Sit against a wall with your thighs level.",
        ],
    }
    assert findings(tmp_path, **record) == [
        "C403 description[1] repeats a sentence of summary: 'Sit against a wall with you...'"
    ]


def test_a_refrain_may_close_two_steps(tmp_path: Path) -> None:
    record = {
        "instructions": steps(
            "Slide down on the left leg. Repeat on the opposite side.",
            "Lift the right foot off the floor.",
            "Slide down on the right leg. Repeat on the opposite side.",
        )
    }
    assert findings(tmp_path, **record) == []


def test_a_refrain_may_close_two_list_items(tmp_path: Path) -> None:
    description = [
        "Basic:\n- Slide down on the left leg.\n- Repeat on the opposite side.",
        "Harder:\n- Slide down with a pause.\n- Repeat on the opposite side.",
    ]
    assert findings(tmp_path, description=description) == []


def test_a_sentence_repeated_inside_a_step_is_still_caught(tmp_path: Path) -> None:
    record = {
        "instructions": steps(
            "Lean on the wall. This is your starting position. Breathe in.",
            "Slide down the wall. This is your starting position.",
        )
    }
    assert findings(tmp_path, **record) == [
        "C403 instructions[1].text repeats a sentence of instructions[0].text: 'This is your"
        " starting posit...'"
    ]


def test_a_step_pasted_twice_in_a_row_is_still_caught(tmp_path: Path) -> None:
    record = {"instructions": steps("Slide down the wall slowly.", "Slide down the wall slowly.")}
    assert findings(tmp_path, **record) == [
        "C403 instructions[1].text repeats a sentence of instructions[0].text: 'Slide down the"
        " wall slowly.'"
    ]
