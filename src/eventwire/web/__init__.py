"""The reading room: an HTTP API and server-rendered pages over a store (``eventwire serve``).

Needs the ``web`` extra: ``pip install 'eventwire[web]'`` (FastAPI, uvicorn, Jinja2).
"""
from __future__ import annotations


def create_app(db, *, token=None):
    """The ASGI application serving the store at ``db`` (see ``web.app``)."""
    from .app import create_app as make

    return make(db, token=token)
