"""The ``eventwire`` command's entry point, kept apart from the CLI module so that Ctrl-C while
the command is still starting (importing) ends with one line and exit status 130, not a
traceback."""
from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
    run()
