"""Site search: the index the build writes, and what the browser's search code finds in it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from build_tools.site import search_index
from build_tools.site.search_index import Entry, build_index, typo_keys
from build_tools.site.textfold import STOPWORDS, fold, keywords

from .conftest import BuiltSite
from .find_probe import needs_node, probe, search

FOLD_CASES = [
    "Pull-Ups",
    "pullups",
    "pull ups",
    "PULL–UPS",
    "3/4 Sit-Up",
    "Farmer's Walk",
    "Farmer’s walk",
    "Crunches",
    "Presses",
    "Lunges",
    "Flyes",
    "calves",
    "soleus",
    "Café Élan",
    "Ærobic İnvert straße ﬁt",
    "What does Heel Press stretch most?",
    "  ",
]


def test_folding_forgives_case_hyphens_spaces_and_plurals() -> None:
    assert fold("Pull-Ups") == fold("pull ups") == ["pull", "up"]
    assert fold("pullups") == ["pullup"]
    assert fold("Presses") == ["press"]
    assert fold("crunches") == ["crunch"]
    assert fold("soleus") == ["soleus"]
    assert fold("calves") == ["calf"]
    assert fold("Farmer's Walk") == fold("farmers walk") == ["farmer", "walk"]
    assert keywords(fold("What does Heel Press stretch most?")) == [
        "heel",
        "press",
        "stretch",
        "most",
    ]


@needs_node
def test_the_browser_folds_text_exactly_as_the_index_does() -> None:
    meta = {"irregular": search_index.IRREGULAR}
    assert probe({"fold": FOLD_CASES, "meta": meta}) == [fold(text) for text in FOLD_CASES]


def test_typo_keys_meet_for_one_edit_in_the_first_letters() -> None:
    word = "pullup"
    for typo in ("pulup", "plulup", "pkllup", "upllup", "ppullup", "pullpu"):
        assert typo_keys(word) & typo_keys(typo), typo


def _entries(n: int) -> list[Entry]:
    return [Entry("exercise", f"Stretch number {i}", f"exercises/s{i}/") for i in range(n)]


def test_a_big_prefix_is_split_deeper_and_every_word_stays_findable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search_index, "SHARD_LIMIT", 400)
    entries = [Entry("exercise", f"Stretch {w}", f"e/{w}/") for w in ("st", "stab", "step")]
    entries += _entries(30)
    index = build_index(entries)
    meta = json.loads(index.files["meta.json"])
    assert "st" in meta["splits"]
    shards = {path: json.loads(data) for path, data in index.files.items() if path[:2] == "w/"}
    assert set(shards["w/st.json"]) == {"st"}  # a split prefix keeps only itself
    assert "stab" in shards["w/sta.json"]
    assert "step" in shards["w/ste.json"]
    splits = set(meta["splits"])
    for path, words in shards.items():
        for word in words:  # the browser's walk down the splits finds every word's file
            prefix = word[:2]
            while prefix in splits and len(word) > len(prefix):
                prefix = word[: len(prefix) + 1]
            assert path == f"w/{prefix}.json", word


def test_postings_carry_the_entry_and_its_number_of_title_words() -> None:
    index = build_index(
        [Entry("exercise", "Pull-Ups", "a/"), Entry("exercise", "Weighted Pull Ups", "b/")]
    )
    shard = json.loads(index.files["w/pu.json"])
    bits = search_index.COUNT_BITS
    assert shard["pull"] == [(0 << bits) | 2, (1 << bits) | 3]
    assert shard["pullup"] == shard["pull"]  # adjacent words run together
    assert json.loads(index.files["d/0.json"]) == [
        ["Pull-Ups", "a/", ""],
        ["Weighted Pull Ups", "b/", ""],
    ]


def test_stopwords_are_not_indexed() -> None:
    index = build_index([Entry("faq", "What is the best way to do this?", "a/#x")])
    words = {w for p, d in index.files.items() if p[:2] == "w/" for w in json.loads(d)}
    assert words == {"best", "way"}
    assert not words & STOPWORDS


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


@pytest.fixture(scope="module")
def found(corpus_site: BuiltSite) -> dict[str, list[dict]]:
    return search(
        corpus_site.path,
        "pullups",
        "pull ups",
        "Pull-Ups",
        "PULLUPS ",
        "pulups",
        "pullpus",
        "back extensions",
        "3/4 sit up",
        "farmers walk",
        "What do I need for Barbell Squat?",
        "How many sets of Pullups should I do?",
        "pecs",
        "hamstirng",
        "no equipment",
        "ab",
        "zzzz",
    )


@needs_node
@pytest.mark.parametrize("query", ["pullups", "pull ups", "Pull-Ups", "PULLUPS ", "pulups"])
def test_every_spelling_of_a_name_finds_it_first(found: dict, query: str) -> None:
    assert found[query][0]["title"] == "Pullups"
    assert found[query][0]["url"] == "exercises/pullups/"


@needs_node
def test_a_typo_in_a_long_name_is_forgiven(found: dict) -> None:
    assert found["pullpus"][0]["title"] == "Pullups"
    assert found["hamstirng"][0]["title"] == "Hamstrings"
    assert found["zzzz"] == []


@needs_node
def test_other_names_and_punctuated_names_are_found(found: dict) -> None:
    assert found["back extensions"][0]["title"] == "Hyperextensions (Back Extensions)"
    assert found["3/4 sit up"][0]["title"] == "3/4 Sit-Up"
    assert found["farmers walk"][0]["title"] == "Farmer's Walk"


@needs_node
def test_a_question_is_found_on_its_own_and_lands_on_its_anchor(found: dict) -> None:
    (best, *_) = found["What do I need for Barbell Squat?"]
    assert best == {
        **best,
        "kind": "faq",
        "title": "What do I need for Barbell Squat?",
        "url": "exercises/barbell-squat/#equipment-needed",
        "context": "Barbell Squat",
    }
    assert found["How many sets of Pullups should I do?"][0]["url"] == (
        "exercises/pullups/#sets-and-reps"
    )


@needs_node
def test_browse_pages_are_found_by_their_aliases(found: dict) -> None:
    assert found["pecs"][0]["url"] == "browse/muscle/pectorals/"
    assert found["no equipment"][0]["url"] == "browse/equipment/none/"


@needs_node
def test_every_exercise_is_found_by_its_name_and_every_question_by_its_text(
    corpus_site: BuiltSite,
) -> None:
    chunks = sorted((corpus_site.path / "search" / "d").glob("*.json"), key=lambda p: int(p.stem))
    entries = [row for chunk in chunks for row in json.loads(chunk.read_text())]
    meta = json.loads((corpus_site.path / "search" / "meta.json").read_text())
    faq_start = dict(meta["kinds"])["faq"]
    names = [title for title, url, _ in entries[: dict(meta["kinds"])["browse"]]]
    questions = [(title, url) for title, url, _ in entries[faq_start:]]
    answers = search(corpus_site.path, *names, *(q for q, _ in questions))
    for name in names:
        assert name in [r["title"] for r in answers[name]], name
    for question, url in questions:
        assert url in [r["url"] for r in answers[question][:3]], question


@needs_node
def test_the_search_box_from_empty_to_ab_fetches_little(corpus_site: BuiltSite) -> None:
    (answer,) = probe({"site": str(corpus_site.path), "queries": ["ab"]})
    assert answer["fetched"][0] == "meta.json"
    assert all(not f.startswith("d/") or f.endswith(".json") for f in answer["fetched"])
    assert sum(gzip_size(corpus_site.path / "search" / f) for f in answer["fetched"]) < 20_000


@needs_node
def test_every_heel_press_question_is_found_and_rear_heel_lift_offers_its_answer(
    built_site: BuiltSite,
) -> None:
    from .seed import read_seed

    questions = [q for q, _ in read_seed().faq]
    answers = search(built_site.path, "rear heel lift", "heel press", "Heel-Press", *questions)
    assert answers["rear heel lift"][0]["url"] == "exercises/heel-press/#heel-lift"
    assert answers["heel press"][0]["url"] == "exercises/heel-press/"
    assert answers["Heel-Press"][0]["url"] == "exercises/heel-press/"
    for question in questions:
        assert answers[question][0]["title"] == question
