"""The ``storytrace`` command: a thin translator over the library.

Each command builds one :class:`~storytrace.options.Options`, calls one library function
and turns ``StorytraceError`` into a one-line message. Exit codes: 0 success, 1 nothing was
ingested (or ``--strict`` and a problem), 2 usage error.
"""

from __future__ import annotations

from typing import Any

import click

from .. import __version__
from ..errors import StorytraceError
from .eval import eval_cmd
from .ingest import ingest_cmd
from .serve import serve_cmd
from .show import show_cmd
from .stories import stories_cmd
from .trace import add_cmd, trace_cmd


class _Main(click.Group):
    """The command group; a ``StorytraceError`` no command caught still ends in one line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StorytraceError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storytrace")
def main() -> None:
    """Trace how news stories travel across sites, languages, translations and rewrites.

    Give it articles (HTML, text, Markdown, JSON/JSONL, in any language) and it finds which
    documents tell the same story, which parts of each page are story and which boilerplate,
    where each version came from, and what changed.
    """


main.add_command(ingest_cmd)
main.add_command(trace_cmd)
main.add_command(add_cmd)
main.add_command(stories_cmd)
main.add_command(eval_cmd)
main.add_command(serve_cmd)
main.add_command(show_cmd)

__all__ = ["main"]
