"""Dating: the day an event happened, from the time expressions of its sentence (the act's own
clause first), a dateline, or the publication date."""
from __future__ import annotations

from datetime import date as date_cls

from eventwire.extract.meta import parse_dateline
from .clauses import clause_verb, time_verb
from .predicates import _Frame


def _when(sent, date, times, frame: "_Frame | None" = None):
    """The date of an event in ``sent``: its sentence's first time expression, else the
    publication date.  An event noun with a time of its own ("talks between X and Y in 1997",
    beside other years) takes that one."""
    when, basis = date, "publication date" if date else ""
    usable = [t for t in times if sent.start_char <= t.start < sent.end_char and t.value
              and t.kind in ("date", "month", "year", "interval", "relative")]
    if frame is not None and frame.nominal and len(usable) > 1:
        head = frame.head
        lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
        own = [t for t in usable if lo <= t.start < hi]
        if own:
            usable = sorted(own, key=lambda t: abs(t.start - head.idx))
    elif frame is not None and usable and not frame.nominal:
        # "the truce signed in 2022 collapsed on Wednesday after X shelled Y": the time of the act's
        # own clause, else of a clause above it (or a verb coordinated with one), else the sentence's
        # first.  A time that dates another clause's verb only ("agreed to revive a pact signed in
        # 2001", "thanked X for ..., a condition set when the deal was announced in August") does not
        # date this act: the publication date stands.
        verbs = {t.start: time_verb(next((w for w in sent if w.idx <= t.start < w.idx + len(w.text)), frame.head))
                 for t in usable}
        above = {frame.head.i} | {a.i for a in frame.head.ancestors}
        lineage = above | {c.i for a in list(frame.head.ancestors) + [frame.head] for c in a.children
                           if c.dep_ == "conj"} | {frame.head.head.i if frame.head.dep_ == "conj" else frame.head.i}
        # (a year on a noun dates that thing: "servicemen missing from the 1950-53 war"; another time on
        # a noun dates this act only through a noun of its own clause: "arrested at last year's march",
        # not "executed a man convicted of killing during last year's protests")
        nouns = {t.start: clause_verb(next((w for w in sent if w.idx <= t.start < w.idx + len(w.text)), frame.head))
                 for t in usable if verbs[t.start] is None}
        usable = [t for t in usable if verbs[t.start] is None and t.kind not in ("year", "interval")
                  and getattr(nouns[t.start], "i", frame.head.i) in lineage
                  or verbs[t.start] is not None and verbs[t.start].i in lineage]
        usable = sorted(usable, key=lambda t: (getattr(verbs[t.start], "i", -1) != frame.head.i,
                                               getattr(verbs[t.start], "i", -1) not in above))
    planned = None
    if frame is not None and frame.future and date and usable:
        # "X will withdraw its troops by September": what happened is the saying of it, on the day it
        # was said; the time of the act to come is kept in the basis
        planned = next((t for t in usable if _after(t.value, date)), None)
        usable = [t for t in usable if not _after(t.value, date)]
    if not usable and times:
        # "MOSCOW, March 18 (Wirewatch) -- Putin signed ...": the dateline's date, parsed apart
        line = sent.doc.text.rfind("\n", 0, sent.start_char) + 1
        if line < sent.start_char and _dateline_before(sent.doc.text, line, sent.start_char):
            usable = [t for t in times if line <= t.start < sent.start_char and t.value and t.kind == "date"]
            if usable:
                return usable[0].value, f"dateline {usable[0].text!r}"
    if usable:
        when, basis = usable[0].value, f"time expression {usable[0].text!r}"
    if planned is not None:
        basis += f"; the act is planned for {planned.text!r} ({planned.value})"
    return when, basis


def _after(value: str, day: str) -> bool:
    """Whether the time ``value`` (an ISO day, week, month, year or interval) begins after ``day``."""
    first = value.split("/")[0]
    try:
        if "-W" in first:
            y, w = first.split("-W")
            start = date_cls.fromisocalendar(int(y), int(w[:2]), 1)
        else:
            parts = [int(x) for x in first.split("-")[:3]] + [1, 1]
            start = date_cls(parts[0], parts[1], parts[2])
        return start > date_cls.fromisoformat(day[:10])
    except ValueError:
        return False


def _dateline_before(text: str, line: int, start: int) -> bool:
    """Whether the line opening at ``line`` is a dateline up to ``start``, where the sentence begins."""
    found = parse_dateline(text[line:line + 200])
    return found is not None and not text[line + found.end:start].strip()
