"""The record generator: every record it writes passes every check, and its prose keeps the rules
the consistency checks enforce (terms declared ⇔ named), whatever the corpus' text says."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from build_tools.build.pipeline import Project, run
from build_tools.model import Exercise

from .bench.corpus import (
    MODIFIERS,
    Vocab,
    generate,
    load_corpus,
    map_exercise,
    sentences,
    slugify,
    write_project,
)
from .conftest import ROOT

VOCABULARY = ROOT / "content" / "vocabulary" / "terms.yaml"
SAMPLE = load_corpus()
# Past the sample's size, so records are varied too.
N = len(SAMPLE) + 15


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Exercise]]:
    project = write_project(tmp_path_factory.mktemp("corpus"), N, SAMPLE)
    result = run(Project.at(project))
    assert [d.format() for d in result.diagnostics] == []
    return project, list(result.content.exercises)


def prose(exercise: Exercise) -> list[str]:
    """Every piece of text the reader sees, as the consistency checks read it."""
    return [
        exercise.name,
        exercise.summary,
        *exercise.other_names,
        *exercise.description,
        *(step.text for step in exercise.instructions),
        *exercise.tips,
        *(text for entry in exercise.faq for text in (entry.question, entry.answer)),
    ]


def test_every_generated_record_passes_every_check(
    generated: tuple[Path, list[Exercise]],
) -> None:
    project, exercises = generated
    assert len(exercises) == N
    assert len(list((project / "content").glob("*.yaml"))) == N


def test_every_corpus_term_maps_onto_the_vocabulary() -> None:
    vocab = Vocab.read(VOCABULARY)
    for raw in SAMPLE:
        base = map_exercise(raw)
        assert base.category in vocab.terms["categories"]
        assert base.level in vocab.terms["levels"]
        for term in base.equipment:
            assert term in vocab.terms["equipment"]
        for term in base.primary + base.secondary:
            assert term in vocab.terms["muscles"]


def test_declared_terms_are_named_in_the_description(
    generated: tuple[Path, list[Exercise]],
) -> None:
    vocab = Vocab.read(VOCABULARY)
    for exercise in generated[1]:
        description = " ".join(exercise.description)
        named = {
            kind: set(vocab.mentioned(kind, description))
            for kind in ("muscles", "equipment", "uses", "categories")
        }
        declared = {
            "muscles": {*exercise.primary_muscles, *exercise.secondary_muscles},
            "equipment": set(exercise.equipment),
            "uses": set(exercise.when_to_use),
            "categories": {exercise.category},
        }
        for kind, terms in declared.items():
            assert terms <= named[kind], (exercise.slug, kind, terms - named[kind])


def test_every_muscle_the_prose_names_is_declared(generated: tuple[Path, list[Exercise]]) -> None:
    vocab = Vocab.read(VOCABULARY)
    for exercise in generated[1]:
        named = set(vocab.mentioned("muscles", " ".join(prose(exercise))))
        declared = {*exercise.primary_muscles, *exercise.secondary_muscles}
        assert named <= declared, (exercise.slug, named - declared)


def test_heel_press_prose_names_no_muscle_it_does_not_declare() -> None:
    """The terms added for the corpus must not turn Heel Press' everyday words into muscles."""
    result = run(Project.at(ROOT), render=False)
    vocab = Vocab.read(VOCABULARY)
    (heel_press,) = result.content.exercises
    named = set(vocab.mentioned("muscles", " ".join(prose(heel_press))))
    assert named <= {*heel_press.primary_muscles, *heel_press.secondary_muscles}


def test_text_hygiene(generated: tuple[Path, list[Exercise]]) -> None:
    for exercise in generated[1]:
        said = [s.casefold() for text in prose(exercise)[1:] for s in sentences(text)]
        repeated = [s for s, n in Counter(said).items() if n > 1]
        assert repeated == [], exercise.slug
        assert all(entry.question.endswith("?") for entry in exercise.faq)
        full = [*(s.text for s in exercise.instructions), *exercise.tips]
        full += [entry.answer for entry in exercise.faq]
        for sentence in (s for text in full for s in sentences(text)):
            assert re.match(r"[A-Z0-9]", sentence), (exercise.slug, sentence)
            assert sentence.endswith((".", "!", "?")), (exercise.slug, sentence)
        assert len({entry.id for entry in exercise.faq}) == len(exercise.faq)
        assert len({step.id for step in exercise.instructions}) == len(exercise.instructions)
        assert "{{" not in " ".join(prose(exercise))
        assert "li>" not in " ".join(prose(exercise))


def test_real_names_keep_their_punctuation_and_get_unique_slugs(
    generated: tuple[Path, list[Exercise]],
) -> None:
    by_name = {e.name: e for e in generated[1]}
    assert by_name["3/4 Sit-Up"].slug == "3-4-sit-up"
    assert by_name["Farmer's Walk"].slug == "farmers-walk"
    assert by_name["Rocky Pull-Ups/Pulldowns"].slug == "rocky-pull-ups-pulldowns"
    pull_ups = {"Pullups", "Weighted Pull Ups", "Band Assisted Pull-Up", "V-Bar Pullup"}
    assert pull_ups <= set(by_name)
    assert len({e.slug for e in generated[1]}) == N
    assert by_name["Hyperextensions (Back Extensions)"].other_names == ("Back Extensions",)


def test_past_the_corpus_records_are_varied_not_repeated(
    generated: tuple[Path, list[Exercise]],
) -> None:
    names = [e.name for e in generated[1]]
    assert len(set(names)) == N
    first = SAMPLE[0]["name"]
    assert f"{MODIFIERS[0]} {first}" in names
    # Every variant keeps its base's steps; only the prose names it anew.
    base = next(e for e in generated[1] if e.name == first)
    variant = next(e for e in generated[1] if e.name == f"{MODIFIERS[0]} {first}")
    assert [s.text for s in variant.instructions] == [s.text for s in base.instructions]


def test_generation_is_deterministic() -> None:
    vocab = Vocab.read(VOCABULARY)
    assert list(generate(20, SAMPLE, vocab)) == list(generate(20, SAMPLE, vocab))


def test_slugs_of_near_duplicates_are_made_unique() -> None:
    vocab = Vocab.read(VOCABULARY)
    twins = [dict(SAMPLE[0], name="Sit-Up"), dict(SAMPLE[0], name="Sit Up")]
    assert slugify("Sit-Up") == slugify("Sit Up")
    assert [r["slug"] for r in generate(2, twins, vocab)] == ["sit-up", "sit-up-2"]
