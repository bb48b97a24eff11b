"""Events coded in the full pipeline on the five seed articles (skips without ../shared).

The seeds are ingested as JSON Lines records with their gold publication dates
(``seeds_store`` in tests/conftest.py); a gold event counts as found when a
sentence-event of the same article has the gold source country, target
country and CAMEO root.
"""
from eventwire.events.store import event_mentions

# what the coder reaches (of 9 gold events); a regression fails, an improvement passes
FOUND_FLOOR = 8


def _found(seeds_store):
    gold, ew, files = seeds_store
    got = {(files[m["article_id"]], (m["source"] or "")[:3], (m["target"] or "")[:3], m["root"])
           for m in event_mentions(ew.store)}
    hits = [g for g in gold["events"] if (g["file"], g["source"], g["target"], g["cameo_root"]) in got]
    return hits, gold["events"]


def test_seed_gold_events_found(seeds_store):
    hits, all_gold = _found(seeds_store)
    missed = [g["what"] for g in all_gold if g not in hits]
    assert len(hits) >= FOUND_FLOOR, f"found {len(hits)} of {len(all_gold)}; missed: {missed}"
