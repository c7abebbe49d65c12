"""Every internal link of the built site leads to a file of the site, and every `#fragment`
to an element of its page."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import html as lxml_html

from ..built_site import BuiltSite, HtmlPage, Link
from ..load import Content
from ..registry import Finding, site_check

# What a browser follows or fetches; `<a>` also carries fragments.
_LINKING = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


def links(site: BuiltSite, page: HtmlPage) -> list[tuple[lxml_html.HtmlElement, str, Link]]:
    """Every internal link of a page: (element, the URL as written, where it leads)."""
    found = []
    for tag, attribute in _LINKING.items():
        for element in page.root.iter(tag):
            url = element.get(attribute)
            if url is None:
                continue
            link = site.resolve(page, url)
            if link is not None:
                found.append((element, url, link))
    return found


@site_check(
    "H104",
    "link to a file the site does not have",
    example="site/index.html:11:5: H104 link 'exercises/heel-pres/' leads to no page or file of "
    "the site",
)
def link_targets_exist(site: BuiltSite, content: Content) -> Iterator[Finding]:
    """What it catches: a link, stylesheet, script or image of any built page whose address
    leads to no file of the site, such as a misspelt page address in a template or a page of
    `docs/`, or a link that climbs out of the site.

    Why: a broken link is a dead end for the reader, and a missing stylesheet or script
    breaks the page.

    How to fix: correct the address in the page or template the message names; addresses are
    relative to the page, and a page's address ends with `/`."""
    for page in site.pages.values():
        for element, url, link in links(site, page):
            if link.target is None:
                yield Finding(
                    page.location(element), f"link '{url}' leads to no page or file of the site"
                )


# `#` and `#top` lead to the top of any page.
_TOP = {"", "top"}


@site_check(
    "H105",
    "link to an anchor the page does not have",
    example="site/exercises/heel-press/index.html:66:164: H105 link '#step-lengthen-calf' leads to "
    "no element with id 'step-lengthen-calf'",
)
def fragments_exist(site: BuiltSite, content: Content) -> Iterator[Finding]:
    """What it catches: a link of any built page whose `#fragment` names no element (no `id`)
    of the page it leads to.

    Why: the reader lands at the top of the page instead of the step or answer the link
    promised.

    How to fix: correct the fragment, or restore the anchor on the target page. For
    exercise pages, anchors come from the record's ids: check that the id still exists."""
    for page in site.pages.values():
        for element, url, link in links(site, page):
            if element.tag != "a" or link.target is None or link.fragment in _TOP:
                continue
            target = site.pages.get(link.target)
            if target is None or link.fragment in target.ids:
                continue
            where = "" if target is page else f" on {target.uri}"
            yield Finding(
                page.location(element),
                f"link '{url}' leads to no element with id '{link.fragment}'{where}",
            )
