"""Stories: copies, article similarity, story grouping and threads.

    from eventwire.stories import group, stories, story
    group(store)              # copies + stories + threads over articles not grouped yet
    for s in stories(store):  # id, date, headline, summary, articles, thread, ...
        print(s["date"], s["headline"])
"""
from __future__ import annotations

from .cluster import StoryChange, assign
from .copies import Copy, find_copies
from .features import ArticleFeatures, load_features
from .similarity import similarity
from .threads import link  # before .store's threads(), which must win the name
from .store import SCHEMA, ensure_schema, save_stories, stories, story, threads  # noqa: E402


def ungrouped(store) -> list[str]:
    """Ids of stored articles not in a story yet, in publication order."""
    ensure_schema(store)
    return [r[0] for r in store.conn.execute(
        """SELECT a.id FROM articles a LEFT JOIN story_members m ON m.article_id = a.id
           WHERE m.article_id IS NULL ORDER BY coalesce(a.published, '9999'), a.n""")]


def group(store) -> dict:
    """Group the articles not grouped yet into stories, then relink threads; returns counts."""
    ids = ungrouped(store)
    changes = assign(store, ids) if ids else []
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
