"""The exercises plugin's options in `mkdocs.yml` (read without MkDocs by build/config.py)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt


class ExercisesConfig(base.Config):
    content_dir = opt.Dir(exists=True, default="content")
    """Folder of the exercise records and the vocabulary, relative to `mkdocs.yml`."""
    templates_dir = opt.Dir(exists=True, default="templates/pages")
    """Folder of the Jinja templates that render a record."""
    hosting_templates_dir = opt.Dir(exists=True, default="templates/hosting")
    """Folder of the templates of host configuration (nginx)."""
    stylesheets = opt.ListOfItems(opt.Type(str), default=[])
    """The site's own stylesheets, held after the theme's in its one (site/stylesheet.py)."""
