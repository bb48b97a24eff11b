"""Stories: copies, article similarity, story grouping and threads.

    from eventwire.stories import group, stories, story
    group(store)              # copies + stories + threads over articles not grouped yet
    for s in stories(store):  # id, date, headline, summary, articles, thread, ...
        print(s["date"], s["headline"])
"""
from __future__ import annotations

import importlib
import types

# Names load their module on first use (PEP 562): the store's schema needs only ``.store``, and
# the command line must not pay for the grouping stack (datasketch, scipy) to print its help.
_LAZY = {
    "StoryChange": "cluster", "assign": "cluster", "Copy": "copies", "find_copies": "copies",
    "ArticleFeatures": "features", "load_features": "features", "similarity": "similarity",
    "link": "threads", "SCHEMA": "store", "ensure_schema": "store", "save_stories": "store",
    "stories": "store", "story": "store", "threads": "store",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    _keep_threads_name()
    globals()[name] = value
    return value


def _keep_threads_name() -> None:
    """Importing the ``threads`` module binds its name on this package; the listing function wins."""
    if isinstance(globals().get("threads"), types.ModuleType):
        globals()["threads"] = importlib.import_module(f"{__name__}.store").threads


def ungrouped(store) -> list[str]:
    """Ids of stored articles not in a story yet, in publication order."""
    from .store import ensure_schema

    ensure_schema(store)
    return [r[0] for r in store.conn.execute(
        """SELECT a.id FROM articles a LEFT JOIN story_members m ON m.article_id = a.id
           WHERE m.article_id IS NULL ORDER BY coalesce(a.published, '9999'), a.n""")]


def group(store, vocab=None) -> dict:
    """Group the articles not grouped yet into stories, then relink threads; returns counts.
    ``vocab``: word frequencies over a larger corpus (see ``cluster.assign``)."""
    from .cluster import assign
    from .threads import link

    _keep_threads_name()
    ids = ungrouped(store)
    changes = assign(store, ids, vocab) if ids else []
    if changes:
        link(store)
    return {
        "articles": len(changes),
        "opened": sum(c.action == "opened" for c in changes),
        "joined": sum(c.action == "joined" for c in changes),
        "copies": sum(c.role in ("reprint", "rewrite") for c in changes),
    }


__all__ = [
    "ArticleFeatures", "Copy", "SCHEMA", "StoryChange", "assign", "ensure_schema", "find_copies", "group",
    "link", "load_features", "save_stories", "similarity", "stories", "story", "threads", "ungrouped",
]
