"""A real nginx serving a built site on 127.0.0.1, configured from the project's own template
and the include the build writes; stopped by its pid afterwards."""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from build_tools.site.host_files import NGINX_INCLUDE

from ..browser.conftest import DESKTOP
from ..conftest import ROOT, BuiltSite, build_site, copy_project
from .nginx_server import nginx_server_block

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
RENAMED_SLUG = "wall-calf-press"


@dataclass(frozen=True)
class Response:
    status: int
    headers: Message
    body: bytes

    def text(self) -> str:
        if self.headers.get("Content-Encoding") == "gzip":
            return gzip.decompress(self.body).decode("utf-8")
        return self.body.decode("utf-8")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def fetch(url: str, *, gzip_ok: bool = False) -> Response:
    """One request, redirects not followed, as a cache or a crawler sees it."""
    request = urllib.request.Request(
        url, headers={"Accept-Encoding": "gzip" if gzip_ok else "identity"}
    )
    try:
        with _opener.open(request, timeout=10) as answer:
            return Response(answer.status, answer.headers, answer.read())
    except urllib.error.HTTPError as error:
        with error:
            return Response(error.code, error.headers, error.read())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Nginx:
    url: str
    site: Path


def start_nginx(
    site: Path, workdir: Path, *, port: int | None = None, root: Path | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """nginx serving `root` (the site itself unless given: a folder above it serves the site
    under a path) with the site's include, on `port` or a free one; its server root URL."""
    port = port or free_port()
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (workdir / "temp" / sub).mkdir(parents=True, exist_ok=True)
    server = nginx_server_block(
        ROOT / "templates" / "hosting",
        listen=f"127.0.0.1:{port}",
        server_name="localhost",
        root=str(root or site),
        include=str(site / NGINX_INCLUDE),
    )
    temp = workdir / "temp"
    conf = workdir / "nginx.conf"
    # As root, nginx would run its workers as `nobody`, who cannot read pytest's private folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf.write_text(
        f"""{user}worker_processes 1;
pid {workdir}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{server}
}}
"""
    )
    process = subprocess.Popen(
        [
            NGINX,
            "-p",
            str(workdir),
            "-c",
            str(conf),
            "-e",
            str(workdir / "error.log"),
            "-g",
            "daemon off;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited: {(workdir / 'error.log').read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process, f"http://127.0.0.1:{port}/"
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("nginx did not start within 10 s")


def stop_nginx(process: subprocess.Popen[bytes], workdir: Path) -> None:
    pid_file = workdir / "nginx.pid"
    pid = int(pid_file.read_text()) if pid_file.exists() else process.pid
    os.kill(pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def renamed_project(tmp: Path) -> Path:
    """The project with Heel Press renamed: a new slug and a renamed FAQ entry, each keeping its
    old id as an alias."""
    old = copy_project(tmp) / "content" / "heel-press.yaml"
    text = old.read_text().replace(
        "slug: heel-press\n", f"slug: {RENAMED_SLUG}\naliases: [heel-press]\n"
    )
    # An FAQ entry renamed at the same time, keeping its old id as an alias.
    text = text.replace("  - id: heel-lift\n", "  - id: heel-rise\n    aliases: [heel-lift]\n")
    (tmp / "content" / f"{RENAMED_SLUG}.yaml").write_text(text)
    old.unlink()
    return tmp


@pytest.fixture(scope="session")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = renamed_project(tmp_path_factory.mktemp("renamed-project"))
    return build_site(project, tmp_path_factory.mktemp("renamed-site"))


@pytest.fixture(scope="session")
def nginx(renamed_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    workdir = tmp_path_factory.mktemp("nginx")
    process, url = start_nginx(renamed_site.path, workdir)
    yield Nginx(url, renamed_site.path)
    stop_nginx(process, workdir)


# Collects violations the page reports itself, in addition to console messages.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A desktop page whose CSP violations and console errors are collected."""
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    yield page, problems
    context.close()


def lands_open_below_the_header(page: Page, entry: str) -> None:
    page.wait_for_function(f"document.getElementById('{entry}').open")
    box = page.locator(f"#{entry} summary").bounding_box()
    header = page.locator("header.md-header").bounding_box()
    assert box is not None
    assert header is not None
    assert box["y"] >= header["y"] + header["height"] - 1
    assert box["y"] + box["height"] <= DESKTOP["height"]
