"""Every internal link of the built site leads to a file of the site, and every `#fragment`
to an element of its page."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import quoted
from ..site.reader import BuiltSite, PageFacts, Ref
from ..source.load import Content
from .registry import Finding, site_check


@site_check(
    "H104",
    "link to a file the site does not have",
    example="site/index.html:11:5: H104 link 'exercises/heel-pres/' leads to no page or file of "
    "the site",
)
def link_targets_exist(site: BuiltSite, content: Content) -> Iterator[Finding]:
    """What it catches: a link, stylesheet, script, image (each size a `srcset` lists too) or
    video (and its poster) of any built page whose address leads to no file of the site, such
    as a misspelt page address in a template or a page of `docs/`, a picture's size the build
    did not make, or a link that climbs out of the site.

    Why: a broken link is a dead end for the reader, and a missing stylesheet or script
    breaks the page.

    How to fix: correct the address in the page or template the message names; addresses are
    relative to the page, and a page's address ends with `/`."""
    # Pages share most links: each distinct one is looked up once.
    broken = {ref for ref in site.refs if site.target(ref) is None}
    for facts in site.pages.values():
        if broken.isdisjoint(facts.refs):
            continue
        page = site.page(facts.uri)
        for element, url, ref in site.links(page):
            if ref in broken:
                yield Finding(
                    page.location(element),
                    f"link {quoted(url)} leads to no page or file of the site",
                )


# `#` and `#top` lead to the top of any page.
_TOP = {"", "top"}


def _missing_fragment(site: BuiltSite, ref: Ref) -> PageFacts | None:
    """The page a link leads to, when the link's fragment names nothing on it."""
    if not ref.anchor or ref.fragment in _TOP:
        return None
    target = site.target(ref)
    facts = site.pages.get(target) if target is not None else None
    return facts if facts is not None and ref.fragment not in facts.ids else None


@site_check(
    "H105",
    "link to an anchor the page does not have",
    example="site/exercises/heel-press/index.html:85:164: H105 link '#step-lengthen-calf' leads to "
    "no element with id 'step-lengthen-calf'",
)
def fragments_exist(site: BuiltSite, content: Content) -> Iterator[Finding]:
    """What it catches: a link of any built page whose `#fragment` names no element (no `id`)
    of the page it leads to.

    Why: the reader lands at the top of the page instead of the step or answer the link
    promised.

    How to fix: correct the fragment, or restore the anchor on the target page. For
    exercise pages, anchors come from the record's ids: check that the id still exists."""
    broken = {ref for ref in site.refs if _missing_fragment(site, ref)}
    for facts in site.pages.values():
        if broken.isdisjoint(facts.refs):
            continue
        page = site.page(facts.uri)
        for element, url, ref in site.links(page):
            target = _missing_fragment(site, ref)
            if target is not None:
                where = "" if target.uri == page.uri else f" on {target.uri}"
                yield Finding(
                    page.location(element),
                    f"link {quoted(url)} leads to no element with id {quoted(ref.fragment)}{where}",
                )
