"""The records that flow through eventwire's pipeline.

Every stage takes and returns these frozen dataclasses, so a stage can be
tested alone and run anywhere (one process, a process pool, a Spark
partition).  Character offsets always point into ``Article.body``.

Pipeline:  read -> RawDoc -> extract -> Extracted -> store (Article)
           -> nlp -> Analysis (mentions, actors, quotes, times)
"""
from __future__ import annotations

from dataclasses import dataclass, field


# --------------------------------------------------------------------------- read


@dataclass(frozen=True)
class RawDoc:
    """One document as read from an input, before any extraction.

    ``raw`` holds the verbatim bytes of this document (a whole file, one
    JSON Lines line, one WARC record's payload), so the input is never lost.
    Exactly one of ``text`` / ``html`` is set.
    """

    source: str  # input path; "path#N" for the N-th record of a file; the record URL if it has one
    path: str  # the file it came from ("-" for standard input)
    format: str  # "txt" | "html" | "json" | "jsonl" | "warc"
    raw: bytes
    text: str | None = None  # decoded plain text
    html: str | None = None  # decoded HTML
    encoding: str | None = None  # detected or declared encoding of ``raw``
    url: str | None = None
    title: str | None = None  # given by the record (JSON field, ...)
    date: str | None = None  # given by the record (JSON field, WARC-Date, ...), as found
    byline: str | None = None
    outlet: str | None = None
    flags: tuple[str, ...] = ()  # e.g. ("mixed-encoding",)


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read: reported, never fatal to the run."""

    path: str
    code: str  # a numbered error code, see eventwire.errors
    reason: str
    raw: bytes | None = None  # what was read, when small enough to keep

    def __str__(self) -> str:
        return f"{self.path}: [{self.code}] {self.reason}"


# ------------------------------------------------------------------------ extract


@dataclass(frozen=True)
class Removed:
    """A line the cleaner took out of the body, kept for audit."""

    line: str
    reason: str  # short tag: "advertisement", "caption", "timestamp", "repeated-in-outlet", ...


@dataclass(frozen=True)
class PubDate:
    value: str | None  # ISO date (YYYY-MM-DD) or None
    basis: str  # the evidence, in words (also says why there is no date)
    confidence: float  # 0..1; 0 when value is None


@dataclass(frozen=True)
class Extracted:
    """What extraction finds in one RawDoc."""

    title: str | None
    body: str  # clean text, paragraphs separated by a blank line
    removed: tuple[Removed, ...] = ()
    byline: str | None = None
    outlet: str | None = None
    outlet_basis: str | None = None  # "url", "dateline", "credit", "leading-name", "record", ...
    published: PubDate = PubDate(None, "no date evidence", 0.0)
    dateline: str | None = None  # e.g. "July 2 (UPI) --", "MOSCOW -"
    language: str | None = None  # ISO 639-1
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """An article as stored."""

    id: str
    source: str
    path: str
    format: str
    url: str | None
    outlet: str | None
    outlet_basis: str | None
    title: str | None
    byline: str | None
    published: str | None
    published_basis: str
    published_confidence: float
    language: str | None
    body: str
    removed: tuple[Removed, ...] = ()
    dateline: str | None = None
    flags: tuple[str, ...] = ()
    ingested_at: str | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "source": self.source,
            "path": self.path,
            "format": self.format,
            "url": self.url,
            "outlet": self.outlet,
            "outlet_basis": self.outlet_basis,
            "title": self.title,
            "byline": self.byline,
            "published": self.published,
            "published_basis": self.published_basis,
            "published_confidence": self.published_confidence,
            "language": self.language,
            "dateline": self.dateline,
            "flags": list(self.flags),
            "body": self.body,
            "removed": [{"line": r.line, "reason": r.reason} for r in self.removed],
            "ingested_at": self.ingested_at,
        }


# ---------------------------------------------------------------------------- nlp


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A span of the body that names (or refers to) an entity."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, LOC, FAC, PRON, NOMINAL (e.g. "the Kremlin spokesman")
    entity: int | None = None  # index of the within-article entity cluster it belongs to


@dataclass(frozen=True)
class Actor:
    """What a name resolves to."""

    name: str  # canonical name: "Dmitry Peskov", "Russia", "Kremlin"
    kind: str  # "person" | "organisation" | "country" | "place" | "group"
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # GOV, MIL, LEG, JUD, OPP, MED, BUS, NGO, IGO, REB, CVL, ...
    role: str | None = None  # as the text states it: "Kremlin spokesman"
    as_of: str | None = None  # the date the role was held (article date)
    basis: str = ""  # "article", "metonym", "gazetteer", "kb:<article id>", "dictionary:<file>"

    @property
    def code(self) -> str | None:
        """CAMEO-style actor code: country + sector, e.g. RUSGOV."""
        if not self.country:
            return self.sector
        return self.country + (self.sector or "")


@dataclass(frozen=True)
class Quote:
    start: int  # offsets of the quoted text (without the marks) in the body
    end: int
    text: str
    speaker: str | None  # the speaker as resolved within the article: "Dmitry Peskov"
    speaker_mention: str | None = None  # the words that name the speaker here: "he", "Peskov"
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # the reporting verb lemma: "say", "tell", "accord"
    partial: bool = False  # a fragment inside a sentence of reported speech
    via: str | None = None  # "quoted as saying by Y": Y
    speaker_actor: Actor | None = None
    # what the speaker is: "person" (named), "unnamed" (a description with no name: "a senior
    # official"), "organisation", "country"; None when no speaker was found
    speaker_kind: str | None = None


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None  # ISO: "2018-07-02", "2018-07", "2018", "2021-03-08/2021-03-09"; None if unresolved
    kind: str = "date"  # "date" | "month" | "year" | "interval" | "time" | "duration" | "relative"
    basis: str = ""  # how it was resolved: "weekday, past tense", "explicit", ...


@dataclass(frozen=True)
class Entity:
    """One thing an article names, however often: a cluster of mentions."""

    name: str  # canonical within the article: "Dmitry Peskov"
    label: str  # PERSON, ORG, GPE, NORP, LOC, ...
    descriptors: tuple[str, ...] = ()  # role words the text attaches: "Kremlin spokesman"
    actor: Actor | None = None


@dataclass(frozen=True)
class Event:
    """Who did what to whom, as one sentence reports it (offsets into the body)."""

    sentence_start: int
    sentence_end: int
    sentence: str
    cameo: str  # CAMEO code as specific as the sentence supports: "042", "1056"
    root: str  # its two-digit root: "04"
    goldstein: float
    quad: int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    plover: str  # PLOVER event type: "CONSULT", "AGREE", ...
    plover_mode: str | None = None
    source: str | None = None  # CAMEO-style actor code: RUSGOV, USA, IGO ...
    target: str | None = None
    source_actor: str | None = None  # actor names: "Vladimir Putin"
    target_actor: str | None = None
    date: str | None = None  # ISO date of the happening (from the sentence's time expressions, else publication)
    date_basis: str = ""
    location: str | None = None
    trigger: str | None = None  # the words that carry the event: "met with"
    trigger_start: int | None = None
    trigger_end: int | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    confidence: float = 1.0


@dataclass(frozen=True)
class Analysis:
    """The language pass's output for one article."""

    article_id: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()  # Mention.entity indexes this
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    flags: tuple[str, ...] = ()  # e.g. ("skipped: language de",)
    meta: dict = field(default_factory=dict, compare=False, hash=False)
