"""Disjoint sets, for grouping things linked pairwise (events, stories, articles)."""
from __future__ import annotations

from collections.abc import Hashable, Iterable


class UnionFind:
    """Union-find with path halving; the smaller key becomes a merged set's root."""

    def __init__(self, items: Iterable[Hashable]):
        self.parent = {x: x for x in items}

    def find(self, x):
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
