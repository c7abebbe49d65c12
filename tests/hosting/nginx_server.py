"""The nginx `server` block around the build's include: the Publishing page shows it, and the
tests run nginx with it."""

from __future__ import annotations

from pathlib import Path

from build_tools.site.host_files import config_environment

SERVER_TEMPLATE = "nginx-server.conf"


def nginx_server_block(
    hosting_templates: Path, *, listen: str, server_name: str, root: str, include: str
) -> str:
    template = config_environment(hosting_templates).get_template(SERVER_TEMPLATE)
    return template.render(listen=listen, server_name=server_name, root=root, include=include)
