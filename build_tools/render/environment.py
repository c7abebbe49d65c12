"""The Jinja environment of the page templates, and the helpers templates call.

Templates render with autoescape and `StrictUndefined`: record text is data and always escaped,
and a field a template names but the model lacks is an error, never an empty string.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..addresses import browse_url
from ..licenses import attribution, attributions
from ..model import Exercise, FaqEntry, Reference, Step, Term
from .figure import stance_figures, stance_picture
from .markup import render


class UnreadableTemplate(jinja2.TemplateSyntaxError):
    """A template file that cannot be opened or is not UTF-8: a template error at its first
    line (T001), as a broken template is, rather than an exception out of the build."""


class _Loader(jinja2.FileSystemLoader):
    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            return super().get_source(environment, template)
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            filename = str(Path(self.searchpath[0], *template.split("/")))
            message = f"cannot read the template: {reason}"
            raise UnreadableTemplate(message, 1, template, filename) from None


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=_Loader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["names"] = term_names
    env.globals["label"] = reference_label
    env.globals["stance_figures"] = stance_figures
    env.globals["stance_picture"] = stance_picture
    env.globals["browse_url"] = browse_url
    env.globals["term_links"] = term_links
    env.globals["attributions"] = attributions
    env.globals["attribution"] = attribution
    env.filters["formatted"] = formatted
    return env


@jinja2.pass_context
def formatted(context: jinja2.runtime.Context, text: str, *, inline: bool = False) -> Markup:
    """`{{ tip | formatted(inline=True) }}`: a record text that may carry formatting, as the
    markup its renderer alone writes (`render/markup.py`), its links written for the page
    being rendered (`exercise`, and the `link_targets` of the site)."""
    return render(text, context["exercise"], context.get("link_targets"), inline=inline)


def term_links(terms: Mapping[str, Term], ids: Iterable[str], kind: str) -> list[tuple[str, str]]:
    """(browse page path from the site root, display name) of each vocabulary id; a draft's
    missing category or level ('') has none."""
    return [(browse_url(kind, i), terms[i].name) for i in ids if i]


def term_names(terms: Mapping[str, Term], ids: Iterable[str]) -> str:
    """Display names of vocabulary ids, joined for a sentence: `Soleus, Achilles tendon`."""
    return ", ".join(terms[i].name for i in ids)


def reference_label(exercise: Exercise, reference: Reference) -> str:
    """A link's text for a reference: `Step 5`, the FAQ question, or the variation's name."""
    target = exercise.target(reference)
    if target is None:  # the checks stop a record with such a reference before rendering
        raise ValueError(f"reference '{reference}' does not resolve")
    if isinstance(target, Step):
        return f"Step {exercise.instructions.index(target) + 1}"
    return target.question if isinstance(target, FaqEntry) else target.name
