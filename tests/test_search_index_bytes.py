"""The search index's files, byte for byte: making the build faster must not change what it writes,
and nothing it remembers while it builds may outlive the folding rules or the records it read.

The digests below were taken from the index build before it was made fast. A change of the
index's format changes them on purpose: then print `_tree(...)` for the new output, check the
difference is the one meant (the other tests of `test_search.py` say what the files hold), and
paste the new values. A change of the corpus (the Heel Press record, the vocabulary, the record
generator or the sample it reads) changes `CORPUS_TREE` too; `EDGE_TREE` depends on nothing but
the index build and the folding rules.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Mapping

import pytest

from build_tools.site import browse, search_index, textfold
from build_tools.site.catalog import browse_entries, exercise_entries
from build_tools.site.search_index import Entry, build_index
from build_tools.source.load import load_content

from .bench.corpus import load_corpus, write_project
from .conftest import ROOT

CORPUS_RECORDS = 200
"""Generated records besides the Heel Press: past the sample's 60, so varied names recur."""
CORPUS_TREE = (277, 840047, "e1578442af6780dfc14136c435407ea1f38b09afe1518811cdd6b7024e5859ed")
EDGE_TREE = (133, 21936, "173cd38e7b8355203974005a511f57a07da37a3f3b78cfeca6b3d653fd72ac1b")


def _tree(files: Mapping[str, bytes]) -> tuple[int, int, str]:
    """(how many files, how many bytes, one digest of every path and its bytes)."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path] + b"\0")
    return len(files), sum(map(len, files.values())), digest.hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Entry]:
    """The search entries of the Heel Press and generated records, as the build makes them."""
    project = write_project(tmp_path_factory.mktemp("search-bytes"), CORPUS_RECORDS, load_corpus())
    shutil.copy(ROOT / "content" / "heel-press.yaml", project / "content" / "heel-press.yaml")
    content = load_content(project / "content", project)
    assert content.vocabulary is not None
    ordered = browse.a_to_z(content.exercises)
    assert len(ordered) == CORPUS_RECORDS + 1
    groups = browse.groups(ordered, content.vocabulary)
    return [
        *exercise_entries(ordered, content.vocabulary),
        *browse_entries(groups, content.vocabulary),
        Entry("page", "Home", ""),
        Entry("page", "Exercises A–Z", "exercises/"),
    ]


def test_the_index_of_a_real_corpus_is_the_one_it_always_was(corpus: list[Entry]) -> None:
    assert _tree(build_index(corpus).files) == CORPUS_TREE


def _edge_entries() -> list[Entry]:
    """Entries whose words take every path of the folding and of the index's layout."""
    return [
        Entry("faq", "Why do my calves cramp?", "e/calf-raise/#cramp", "Calf Raise", about="Rest."),
        Entry(
            "exercise",
            "Pull-Ups",
            "e/pull-ups/",
            "Strength · Beginner",
            names=("Chin-ups", "Pullups", "The"),  # a name of stopwords alone runs to ""
            terms=("Lats", "lats", "Latissimus dorsi", "Body weight"),
            text=("Hang from the bar; pull your chest to it.", "Lower yourself slowly."),
            about="A pull for the back.",
        ),
        Entry(
            "exercise",
            "Farmer’s Walk",
            "e/farmers-walk/",
            terms=("Forearms", "Grip"),
            text=("Walk with heavy dumbbells at your sides, feet hip-width apart.",),
        ),
        Entry(
            "exercise",
            "Café Élan Stretch (Straße) ﬁt",
            "e/cafe/",
            text=("Lean on the wall; breathe ¾ of the way out — then relax.", "Teeth apart."),
        ),
        Entry(
            "exercise",
            "3/4 Sit-Up",
            "e/3-4-sit-up/",
            terms=("Abdominals",),
            text=("Flex your hips; raise the torso ¾ of the way. Repeat.", "Sit-ups build abs."),
        ),
        Entry(
            "exercise",
            "Dumbbell Flyes",
            "e/flyes/",
            names=("Flys", "Chest Flyes"),
            text=("Press the dumbbells up, then lower them in an arc.", "Don't bounce."),
        ),
        *(
            Entry(
                "exercise",
                f"Standing Calf Raise Variation {i}",
                f"e/scr-{i}/",
                text=(f"Stand on step {i} and raise both heels; stabilise, then stop.",),
            )
            for i in range(40)
        ),
        Entry("browse", "Gastrocnemius", "b/gastrocnemius/", "Muscle · 2 exercises", ("calf",)),
        Entry("browse", "Wall", "b/wall/", names=("Walls",), names_rank_as_terms=True),
        Entry("page", "Home", ""),
        Entry("page", "Writing a record", "editors/writing/", text=("Write it.",)),
        Entry("faq", "What does Heel Press stretch most?", "e/heel-press/#most", "Heel Press"),
        Entry("faq", "Is the halves rule a thing?", "e/x/#halves", "X", about="Halves and feet."),
        # Past the last body text: an `x/` chunk with no text is not written.
        *(Entry("faq", f"Where is step {i} felt?", f"e/scr-{i}/#felt") for i in range(5)),
    ]


def test_the_index_of_every_edge_case_is_the_one_it_always_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Small shards split the `st` words down to the deepest level; the index's layout is the
    # same at any limit.
    monkeypatch.setattr(search_index, "SHARD_LIMIT", 300)
    files = build_index(_edge_entries()).files
    meta = json.loads(files["meta.json"])
    deepest = max(len(prefix) for prefix in meta["shards"])
    assert deepest == search_index.MAX_DEPTH  # the trie's floor
    assert len(meta["typos"]) > 1
    assert _tree(files) == EDGE_TREE


def _words(files: Mapping[str, bytes]) -> dict[str, list[int]]:
    return {w: ids for p, d in files.items() if p[:2] == "w/" for w, ids in json.loads(d).items()}


def test_a_second_build_in_one_process_follows_changed_folding_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entries = [
        Entry("exercise", "Mice Walk", "e/mice/", text=("Lie on the floor, legs apart.",)),
        Entry("faq", "Which oxen pull?", "e/mice/#oxen", "Mice Walk"),
    ]
    before = _words(build_index(entries).files)
    assert {"mice", "floor", "lie", "leg", "apart", "oxen", "pull"} <= before.keys()

    monkeypatch.setitem(textfold.IRREGULAR, "mice", "mouse")
    monkeypatch.setitem(textfold.IRREGULAR, "oxen", "ox")
    monkeypatch.setattr(textfold, "STOPWORDS", textfold.STOPWORDS | {"floor", "lie", "pull"})
    files = build_index(entries).files
    after = _words(files)
    assert {"mouse", "mousewalk", "ox", "leg", "apart"} <= after.keys()
    assert not after.keys() & {"mice", "micewalk", "oxen", "floor", "lie", "pull"}
    meta = json.loads(files["meta.json"])  # and the browser folds the query the same way
    assert meta["irregular"]["mice"] == "mouse"
    assert "floor" in meta["stopwords"]


def test_a_second_build_in_one_process_follows_changed_records() -> None:
    first = [Entry("exercise", "Wall Sit", "e/a/", text=("Sit against the wall.",))]
    assert {"wall", "sit", "against"} <= _words(build_index(first).files).keys()
    second = [Entry("exercise", "Wall Sit", "e/a/", text=("Lean into the corner.",))]
    words = _words(build_index(second).files)
    assert {"wall", "sit", "lean", "corner"} <= words.keys()
    assert "against" not in words
