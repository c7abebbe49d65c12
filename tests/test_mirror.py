"""A dirty build's staging folder shares the site's files: the spare kept between rebuilds of
`mkdocs serve` is made a linked copy of the site again, whatever an earlier build left in it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from build_tools.build import mirror


def tree(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_spare_is_relinked_to_the_site_it_fell_behind(tmp_path: Path) -> None:
    site, spare = tmp_path / "site", tmp_path / "spare"
    for name in ("index.html", "exercises/a/index.html", "exercises/b/index.html", "_redirects"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(f"old {name}")
    shutil.copytree(site, spare, copy_function=os.link)
    # The site moves on: a page rewritten (a new file), one gone, one new.
    (site / "index.html").unlink()
    (site / "index.html").write_text("new home")
    shutil.rmtree(site / "exercises" / "b")
    (site / "exercises" / "c").mkdir()
    (site / "exercises" / "c" / "index.html").write_text("new page")
    # What a failed build left in the spare: a file of its own, and one only it has.
    (spare / "_redirects").unlink()
    (spare / "_redirects").write_text("failed")
    (spare / "exercises" / "d").mkdir()
    (spare / "exercises" / "d" / "index.html").write_text("failed page")

    listed = mirror.resync(spare, site)

    assert tree(spare) == tree(site)  # the same files, each the site's own inode
    assert sorted(p.relative_to(spare).as_posix() for p in spare.rglob("*") if p.is_dir()) == [
        "exercises",
        "exercises/a",
        "exercises/c",
    ]
    assert sorted(listed) == sorted(tree(site))
