"""A build that could not write its files (a read-only folder, a full disk) ends as the tool
failing: one line that names the folder and what failed, exit code 2, no traceback."""

from __future__ import annotations

from mkdocs.exceptions import Abort

from ..build import staging
from ..build.site_build import SiteBuild


class ToolFailed(Abort):
    """An `Abort` (so `mkdocs serve` keeps serving) whose exit code says the tool failed."""

    code = exit_code = 2


def raise_if_tool_failed(error: BaseException, build: SiteBuild) -> None:
    """Called once the staged build is gone: a failure to write becomes `ToolFailed`."""
    reason = staging.failure(error, build.site_dir)
    if reason is not None:
        raise ToolFailed(build.failed(reason)) from None
