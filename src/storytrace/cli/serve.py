"""``storytrace serve``: the read-only web viewer."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import StorytraceError
from .common import read_store_option

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command("serve")
@read_store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="TCP port."
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    help="Extra host name accepted in the Host header (repeatable; default: localhost, "
    "127.0.0.1 and --host).",
)
def serve_cmd(db: Path, host: str, port: int, allow_hosts: tuple[str, ...]) -> None:
    """Serve a read-only web viewer of the stories in the store DB.

    Pages: the story list with search (text, language, date), each story with its
    derivation forest, and each link side by side. Binds 127.0.0.1 unless --host says
    otherwise; requests for other host names are refused. Stop with Ctrl-C.
    """
    try:
        import uvicorn

        from ..web import DEFAULT_HOSTS, create_app
    except ImportError as exc:  # the web extra is optional
        raise click.ClickException(
            f"the viewer needs the web extra: pip install 'storytrace[web]' ({exc})"
        ) from exc
    hosts = list(dict.fromkeys([*DEFAULT_HOSTS, *allow_hosts, host]))
    try:
        app = create_app(db, allowed_hosts=hosts)
    except StorytraceError as exc:
        raise click.ClickException(str(exc)) from exc
    if host not in LOOPBACK:
        click.echo(f"warning: serving on {host}, reachable from other machines", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"storytrace viewer on http://{shown}:{port}/ (read-only {db}); Ctrl-C stops")
    uvicorn.run(
        app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False
    )
