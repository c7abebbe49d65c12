"""Site search: the index the build writes, and what the browser's search code finds in it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from build_tools.site import search_index
from build_tools.site.search_index import Entry, build_index, typo_keys
from build_tools.site.textfold import STOPWORDS, fold, fold_set, keywords

from .conftest import BuiltSite
from .find_probe import needs_node, probe, search
from .queries import HEEL_PRESS_QUERIES

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


def test_folding_long_text_at_once_finds_the_same_words() -> None:
    text = " ".join(FOLD_CASES) + " it’s O'Brien's straße\u00a0ﬁt 5-6 reps; don't"
    for case in (*FOLD_CASES, text):
        assert fold_set(case) == set(fold(case)), case


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
    bits = search_index.COUNT_BITS + search_index.FIELD_BITS
    assert shard["pull"] == [(0 << bits) | 2, (1 << bits) | 3]
    assert shard["pullup"] == shard["pull"]  # adjacent words run together
    assert json.loads(index.files["d/0.json"]) == [
        ["Pull-Ups", "a/", "", ""],
        ["Weighted Pull Ups", "b/", "", ""],
    ]


def test_postings_say_whether_a_word_is_in_the_name_the_terms_or_the_text() -> None:
    entry = Entry(
        "exercise",
        "Heel Press",
        "a/",
        terms=("Gastrocnemius", "calf", "Wall"),
        text=("Press the heel into the floor.", "Lean on the wall."),
        about="A calf stretch.",
    )
    shards = {p: json.loads(d) for p, d in build_index([entry]).files.items() if p[:2] == "w/"}
    words = {w: ids for shard in shards.values() for w, ids in shard.items()}
    field = {w: (ids[0] >> search_index.COUNT_BITS) & 3 for w, ids in words.items()}
    assert field["heel"] == field["press"] == search_index.NAME  # the name beats the text
    assert field["wall"] == field["calf"] == field["gastrocnemius"] == search_index.TERM
    assert field["floor"] == field["lean"] == search_index.TEXT
    assert "heelpress" in words
    assert "floorlean" not in words  # only names run together


def _site(tmp_path: Path, entries: list[Entry]) -> Path:
    for path, data in build_index(entries).files.items():
        (tmp_path / "search" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "search" / path).write_bytes(data)
    return tmp_path


@needs_node
def test_names_rank_above_terms_above_questions_above_body_text(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        [
            Entry("exercise", "Ankle Circles", "e/circles/"),
            Entry("exercise", "Box Jump", "e/box/", text=("Land softly; the ankle gives.",)),
            Entry("exercise", "Heel Press", "e/heel/", terms=("calf",), text=("Bend the ankle.",)),
            Entry("faq", "Is the ankle safe?", "e/heel/#safe", "Heel Press"),
            Entry("browse", "Calf", "b/calf/", names_rank_as_terms=True),
        ],
    )
    found = search(site, "ankle", "calf")
    assert [r["title"] for r in found["ankle"]] == [
        "Ankle Circles",
        "Is the ankle safe?",
        "Box Jump",  # body text: A–Z among equals
        "Heel Press",
    ]
    # A browse page of one exercise ranks as that exercise's terms do, after the exercise.
    assert [r["title"] for r in found["calf"]] == ["Heel Press", "Calf"]


@needs_node
def test_a_snippet_marks_the_words_found_in_the_sentence_that_holds_them(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        [
            Entry(
                "exercise",
                "Heel Press",
                "e/heel/",
                terms=("calf",),
                text=("A calf stretch.", "Keep the ankle and the Ankles loose."),
                about="A calf stretch.",
            )
        ],
    )
    found = search(site, "ankle", "calf")
    ankle = found["ankle"][0]["snippet"]
    assert ankle["text"] == "Keep the ankle and the Ankles loose."
    assert [ankle["text"][a:b] for a, b in ankle["marks"]] == ["ankle", "Ankles"]
    calf = found["calf"][0]["snippet"]
    assert [calf["text"][a:b] for a, b in calf["marks"]] == ["calf"]


@needs_node
def test_a_typo_is_forgiven_even_where_the_typed_word_is_in_the_index(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        [
            Entry("exercise", "Dumbell Row", "e/row/"),
            Entry("exercise", "Goblet Squat", "e/goblet/", terms=("Dumbbell",)),
        ],
    )
    found = search(site, "dumbbell", "dumbell", "goblet sqaut")
    assert [r["title"] for r in found["dumbbell"]] == ["Goblet Squat", "Dumbell Row"]
    assert [r["title"] for r in found["dumbell"]] == ["Dumbell Row", "Goblet Squat"]
    assert found["goblet sqaut"][0]["title"] == "Goblet Squat"
    # Words under five letters hold no typo: "calf" is not "half".
    assert search(site, "rwo ")["rwo "] == []


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
    names = [title for title, *_ in entries[: dict(meta["kinds"])["browse"]]]
    questions = [(title, url) for title, url, *_ in entries[faq_start:]]
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


@needs_node
def test_heel_press_is_found_first_by_what_it_is(built_site: BuiltSite) -> None:
    answers = search(built_site.path, *HEEL_PRESS_QUERIES)
    for query in HEEL_PRESS_QUERIES:
        best = answers[query][0]
        assert best["url"] == "exercises/heel-press/", (query, answers[query])
        marked = [best["snippet"]["text"][a:b].lower() for a, b in best["snippet"]["marks"]]
        assert marked, query


EDITORS = ("reference/", "editors/", "benchmark/", "publishing/")


def test_the_readers_index_holds_no_editors_page(built_site: BuiltSite) -> None:
    rows = [
        row
        for chunk in (built_site.path / "search" / "d").glob("*.json")
        for row in json.loads(chunk.read_text())
    ]
    assert any(url == "" for _, url, *_ in rows)  # the home page is still there
    assert [url for _, url, *_ in rows if url.startswith(EDITORS)] == []


@needs_node
def test_wall_offers_heel_press_and_no_editors_check_page(built_site: BuiltSite) -> None:
    (answer,) = search(built_site.path, "wall", limit=50).values()
    assert answer[0]["title"] == "Heel Press"
    assert [r["url"] for r in answer if r["url"].startswith(EDITORS)] == []
