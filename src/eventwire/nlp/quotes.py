"""Direct quotations in an article and who said them.

Works on a parsed spaCy ``Doc`` of an article body (no re-parsing) and returns
:class:`eventwire.records.Quote` objects with offsets into the body.

Finding the quoted text (characters only):
    Paragraphs are blocks separated by a blank line.  Double marks are
    paired within a paragraph: curly and low openers always open; a straight
    or closing-shaped mark opens only where an opening mark can stand (after
    a space, a bracket, a dash, a colon or a comma, before a non-space); once
    a quote is open the next double mark of any shape closes it, so
    mis-typed marks still pair.  Single quotes are left alone, so single-
    quoted speech inside double quotes stays inside; only a text with no
    double marks at all is read as quoting in single marks, which then open
    at a word start and close after a non-space before a non-letter, so
    apostrophes ("don't", "’90s") are not taken for marks.  A paragraph that ends
    inside a quote continues into the next paragraph when that paragraph
    opens with a mark (the news convention for long quotes); otherwise the
    quote ends at the paragraph end, unless a reporting clause written
    inside it (", Smith said") shows where the closing mark was forgotten.

Attributing a quote (per-Doc indexes built in one pass over the tokens, then
only tokens near each quote are looked at):
    The candidate cues are reporting verbs ("say", "tell", "add", ...,
    "according to") outside quotes, within ``CONTEXT_WINDOW`` tokens of the
    quote, in the sentences it spans, the sentence before a quote introduced
    by a colon, and the next one when the quote's sentence goes on after it.
    A cue linked to the quote in the parse (an ancestor or a dependent of
    its tokens) beats an unlinked one, then the nearest wins.  The speaker
    is the cue's subject; the agent ("by X") of a passive; the subject of
    "X was quoted as saying" (with the "by Y" source as ``via``); the object
    of "according to"; the subject of the clause a subjectless cue hangs
    from ("..., adding", "calling it"); and failing the parse, the nearest
    name or pronoun beside the cue.  "he"/"she" resolve through the clusters
    of ``names.py``; "it"/"they" take the organisation or group that last
    reported something.  A full quote with no cue takes the speaker of the
    latest quote or reporting verb in its own or the previous paragraph.

Partial quotes (a fragment inside a sentence: the mark follows a word, or the
fragment starts in lower case) are kept when they have at least three words,
or when they are what a naming verb calls something ("calling it 'odd
work'"); shorter fragments are scare quotes and are dropped.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable, Sequence

from spacy.tokens import Doc, Token

from eventwire.nlp.names import (
    PRONOUN_GENDER,
    ROLE_TITLES,
    EntityCluster,
    PronounResolver,
    cluster_entities,
    sentence_index,
    token_range,
)
from eventwire.records import Quote
from eventwire.nlp.sents import sents

CUES = frozenset({
    "say", "tell", "add", "state", "explain", "stress", "note", "insist", "claim",
    "warn", "ask", "reply", "respond", "answer", "write", "announce", "declare",
    "argue", "suggest", "quote", "cite", "conclude", "comment", "remark",
    "recall", "acknowledge", "admit", "confirm", "deny", "urge", "call", "describe",
    "tweet", "post", "assert", "emphasize", "emphasise", "underline", "predict",
    "promise", "vow", "pledge", "complain", "accuse", "report", "reiterate",
    "maintain", "observe", "testify", "mention", "concede", "shout", "joke", "quip",
    "estimate", "caution", "lament", "dub", "term", "label", "brand", "hail",
    "characterize", "characterise", "boast", "demand", "threaten", "agree",
})
NAMING_CUES = frozenset({"call", "describe", "dub", "term", "label", "brand",
                         "characterize", "characterise", "hail", "name"})
SOURCE_CUES = frozenset({"quote", "cite"})  # "X was quoted as saying by Y"
AUDIENCE_CUES = frozenset({"tell", "ask", "inform", "assure", "warn", "urge"})  # object: hearer
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "i", "we"})
GROUP_PRONOUNS = frozenset({"it", "they"})  # stand for an organisation or group that spoke
SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass"})
CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp", "prep", "acl"})

OPENING_MARKS = "“„‟«"
CLOSING_MARKS = "”»"
STRAIGHT_MARKS = '"＂'
MARKS = re.compile("[" + re.escape(OPENING_MARKS + CLOSING_MARKS + STRAIGHT_MARKS) + "]")
SINGLE_MARKS = re.compile("[‘’']")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
OPENING_CONTEXT = "([{—–-/:;,"
MarkTest = Callable[[str, int, int, int], bool]  # (text, position, paragraph start, end)
CONTEXT_WINDOW = 50  # tokens either side of a quote where its cue may stand
# An embedded post as scraped pages carry it: the post's text, then "— Full Name (@handle) date".
# The post is its author's, whoever it names.
EMBED_SIGNATURE = re.compile(r"[ \t]*[—–-]{1,2}[ \t]*(?P<name>[^\W\d_][^\n()@]{0,60}?)[ \t]*\(@(?P<handle>\w{1,30})\)")
RECENT_CUES = 20  # reporting verbs looked back over for a cue-less quote's speaker


@dataclass(frozen=True)
class _Span:
    """Quoted text between marks: one piece per paragraph it runs through."""

    pieces: tuple[tuple[int, int], ...]
    closed: bool

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the blank-line separated blocks of ``text``."""
    out, pos = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        out.append((pos, match.start()))
        pos = match.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _can_open(text: str, pos: int, para_start: int, para_end: int) -> bool:
    """Whether the double mark at ``pos`` can begin a quotation."""
    if text[pos] in OPENING_MARKS:
        return True
    after = text[pos + 1] if pos + 1 < para_end else ""
    if not after or after.isspace():
        return False
    before = text[pos - 1] if pos > para_start else ""
    if not before or before.isspace() or before in OPENING_CONTEXT:
        return True
    return not before.isalnum() and before not in ".!?%"


def _can_close(text: str, pos: int, para_start: int, para_end: int) -> bool:
    """Any double mark closes an open quotation (mis-typed marks still pair)."""
    return True


def _single_can_open(text: str, pos: int, para_start: int, para_end: int) -> bool:
    """A single mark opens only at a word start: "‘We" or " 'We", never "don't"."""
    after = text[pos + 1] if pos + 1 < para_end else ""
    before = text[pos - 1] if pos > para_start else ""
    if text[pos] == "’" or not after or after.isspace():
        return False
    return not before or before.isspace() or before in OPENING_CONTEXT


def _single_can_close(text: str, pos: int, para_start: int, para_end: int) -> bool:
    """A single mark closes after a non-space and before a non-letter: "win,’ he".

    "leaders’ plan" (a plural possessive: "s", mark, space, word) does not
    close when another closing-shaped mark follows in the paragraph.
    """
    after = text[pos + 1] if pos + 1 < para_end else ""
    before = text[pos - 1] if pos > para_start else ""
    if text[pos] == "‘" or not before or before.isspace() or after.isalnum():
        return False
    possessive = before == "s" and after == " " and text[pos + 2:pos + 3].isalpha()
    return not (possessive and SINGLE_MARKS.search(text, pos + 1, para_end))


def _scan(text: str) -> list[_Span]:
    """Pair the quotation marks of ``text`` into quoted spans.

    Double marks when the text has any; otherwise the text quotes in single
    marks (British style), paired more strictly because they double as
    apostrophes.
    """
    if MARKS.search(text):
        return _pair(text, MARKS, _can_open, _can_close, keep_unclosed=True)
    return _pair(text, SINGLE_MARKS, _single_can_open, _single_can_close, keep_unclosed=False)


def _pair(text: str, marks_re: re.Pattern, can_open: MarkTest, can_close: MarkTest,
          keep_unclosed: bool) -> list[_Span]:
    """Pair marks paragraph by paragraph, running quotes on across paragraphs.

    A quote left open at a paragraph end that the next paragraph does not
    re-open ends there (``keep_unclosed``) or is dropped.
    """
    spans: list[_Span] = []
    carry: list[tuple[int, int]] = []  # pieces of a quote running on from earlier paragraphs
    for para_start, para_end in _paragraphs(text):
        marks = [m.start() for m in marks_re.finditer(text, para_start, para_end)]
        first_char = para_start + len(text[para_start:para_end]) - len(
            text[para_start:para_end].lstrip())
        open_at, pieces = None, []
        if carry:
            if marks and marks[0] == first_char and can_open(text, first_char, para_start, para_end):
                open_at, pieces, marks = marks[0], carry, marks[1:]
            elif keep_unclosed:
                spans.append(_Span(tuple(carry), closed=False))
            carry = []
        for pos in marks:
            if open_at is None:
                if can_open(text, pos, para_start, para_end):
                    open_at = pos
            elif can_close(text, pos, para_start, para_end):
                spans.append(_Span(tuple(pieces) + ((open_at + 1, pos),), closed=True))
                open_at, pieces = None, []
        if open_at is not None:
            carry = pieces + [(open_at + 1, para_end)]
    if carry and keep_unclosed:
        spans.append(_Span(tuple(carry), closed=False))
    return [s for s in (_tidy(text, s) for s in spans) if s is not None]


def _tidy(text: str, span: _Span) -> _Span | None:
    """Strip whitespace inside the marks; drop quotes without any word."""
    pieces = []
    for start, end in span.pieces:
        chunk = text[start:end]
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        if start < end:
            pieces.append((start, end))
    if not pieces or not any(WORD.search(text, s, e) for s, e in pieces):
        return None
    return _Span(tuple(pieces), span.closed)


def _close_at_inner_cue(doc: Doc, starts: list[int], span: _Span) -> _Span:
    """End an unclosed quote before a reporting clause written inside it.

    ``"We will win, Smith said after the talks.`` (closing mark forgotten):
    a comma followed by a name or pronoun and a reporting verb, or by a
    reporting verb and a name, marks where the quotation stopped.
    """
    if span.closed:
        return span
    start, end = span.pieces[-1]
    first, stop = token_range(starts, start, end)
    for i in range(first + 1, stop - 2):
        if doc[i].text != ",":
            continue
        a, b = doc[i + 1], doc[i + 2]
        subject_verb = _is_name_or_pronoun(a) and _is_cue(b) and a.head.i == b.i
        verb_subject = _is_cue(a) and _is_name_or_pronoun(b) and b.head.i == a.i
        if (subject_verb or verb_subject) and doc[i].idx > start:
            return _Span(span.pieces[:-1] + ((start, doc[i].idx + 1),), closed=False)
    return span


def _is_name_or_pronoun(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.lower_ in SPEAKER_PRONOUNS


def _is_cue(token: Token) -> bool:
    """A reporting verb ("said", "told", "according" of "according to"), not "so-called"."""
    if token.i > 0 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_:
        return False
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    return token.pos_ == "VERB" and token.lemma_.lower() in CUES


def quoted_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the quoted passages of a parsed article (marks excluded).

    Pass these to :func:`eventwire.nlp.names.cluster_entities` so that names
    inside quotations are not taken as antecedents of pronouns.
    """
    starts = [t.idx for t in doc]
    return [(s.start, s.end) for s in
            (_close_at_inner_cue(doc, starts, s) for s in _scan(doc.text))]


@dataclass(frozen=True)
class _Speaker:
    name: str | None
    mention: str
    start: int
    end: int


class _Attributor:
    """Per-Doc indexes shared by the attribution of every quote."""

    def __init__(self, doc: Doc, clusters: Sequence[EntityCluster],
                 spans: Sequence[_Span]):
        self.doc = doc
        self.text = doc.text
        self.clusters = clusters
        self.starts = [t.idx for t in doc]
        self.sents = sents(doc)
        self.sent_of = sentence_index(doc)
        self.paragraphs = _paragraphs(self.text)
        self.para_starts = [s for s, _ in self.paragraphs]
        self.quoted = [False] * len(doc)
        for span in spans:
            for start, end in span.pieces:
                first, stop = token_range(self.starts, start, end)
                for i in range(first, stop):
                    self.quoted[i] = True
        self.regions = [(s.start, s.end) for s in spans]
        # token -> (cluster, mention start, mention end, mention label); names win
        self.owner: dict[int, tuple[int, int, int, str]] = {}
        for rank in ("names", "others"):
            for index, cluster in enumerate(clusters):
                for m in cluster.mentions:
                    if (m.label in {"PRON", "NOMINAL"}) == (rank == "names"):
                        continue
                    first, stop = token_range(self.starts, m.start, m.end)
                    for i in range(first, stop):
                        self.owner.setdefault(i, (index, m.start, m.end, m.label))
        self.cue_tokens = [t.i for t in doc if not self.quoted[t.i] and _is_cue(t)]
        self._resolver: PronounResolver | None = None

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    # ------------------------------------------------------------ context
    def context(self, span: _Span, first: int, stop: int) -> list[int]:
        """Token indices outside quotes that may hold this quote's cue."""
        lo, hi = self.sent_of[first], self.sent_of[stop - 1]
        para_lo = self.paragraphs[self.paragraph(span.start)][0]
        window = max(para_lo, span.start - 200)
        before = self.text[window:span.start - 1].rstrip()
        if before.endswith(":") and lo > 0:
            colon = window + len(before) - 1
            lo = min(lo, self.sent_of[token_range(self.starts, colon, colon + 1)[0]])
        after = self.text[span.end + 1: span.end + 40].lstrip()
        ends_clause = self.text[span.end - 1] == "," or after[:1] in {",", ""} or after[:1].islower()
        if ends_clause and hi + 1 < len(self.sents):
            hi += 1
        para_hi = self.paragraphs[self.paragraph(span.end - 1)][1]
        low = max(self.sents[lo].start, first - CONTEXT_WINDOW)
        high = min(self.sents[hi].end, stop + CONTEXT_WINDOW)
        return [i for i in range(low, high)
                if not self.quoted[i] and para_lo <= self.starts[i] < para_hi]

    def best_cue(self, span: _Span, first: int, stop: int) -> tuple[Token, bool] | None:
        """The cue for a quote: linked in the parse beats unlinked, then nearest."""
        quote_tokens = set(range(first, stop))
        best, best_key = None, None
        for i in self.context(span, first, stop):
            token = self.doc[i]
            if not _is_cue(token):
                continue
            linked = _linked(token, quote_tokens, first, stop)
            distance = i - stop if i >= stop else first - i
            key = (not linked, distance)
            if best_key is None or key < best_key:
                best, best_key = (token, linked), key
        return best

    # ------------------------------------------------------------ speakers
    def speaker(self, cue: Token, groups: bool = True) -> tuple[_Speaker | None, str | None]:
        """The speaker of a cue and the source it was relayed by ("via").

        ``groups=False`` leaves "it"/"they" unresolved (used while resolving one).
        """
        subject, via = _speaker_token(cue, self.quoted)
        if subject is None or self.quoted[subject.i] or \
                self.paragraph(subject.idx) != self.paragraph(cue.idx):
            subject = self.adjacent(cue)
        if via is None and cue.lower_ != "according":
            via = self.according_source(cue)
        return (self.describe(subject, groups) if subject is not None else None,
                self.source_name(via) if via is not None else None)

    def adjacent(self, cue: Token) -> Token | None:
        """The name or pronoun beside a cue the parse gave no usable subject.

        Looks between the quote and the cue first ('"...," Smith, who ...,
        told'), or after the cue when it directly follows the quote
        ('"...," said Smith'); people and he/she before other names; never
        a prepositional object or the audience of "tell".
        """
        sent = self.sents[self.sent_of[cue.i]]
        right = []
        for i in range(cue.i + 1, min(cue.i + 8, sent.end)):
            if self.quoted[i] or self.doc[i].is_punct:
                break
            right.append(self.doc[i])
        left = []
        for i in range(cue.i - 1, max(cue.i - 12, sent.start - 1), -1):
            if self.quoted[i]:
                break
            left.append(self.doc[i])
        inverted = all(t.is_punct or t.is_space for t in left)
        audience = {"pobj", "dobj", "dative"} if cue.lemma_.lower() in AUDIENCE_CUES else {"pobj"}
        order = [t for t in (right + left if inverted else left + right) if t.dep_ not in audience]
        for want_person in (True, False):
            for token in order:
                hit = self.owner.get(token.i)
                person = token.lower_ in PRONOUN_GENDER or (
                    hit is not None and self.clusters[hit[0]].label == "PERSON")
                if person or (not want_person and (hit or token.lower_ in SPEAKER_PRONOUNS)):
                    return token
        return None

    def according_source(self, cue: Token) -> Token | None:
        """A named "according to X" in the cue's sentence: the relaying source."""
        sent = self.sents[self.sent_of[cue.i]]
        low, high = max(sent.start, cue.i - CONTEXT_WINDOW), min(sent.end, cue.i + CONTEXT_WINDOW)
        for token in self.doc[low:high]:
            if token.lower_ == "according" and not self.quoted[token.i] and token.i != cue.i:
                obj = _according_object(token)
                if obj is not None and self.named(obj) is not None:
                    return obj
        return None

    def named(self, token: Token, modifiers: bool = False
              ) -> tuple[int, int, int, str] | None:
        """The name mention (cluster, start, end, label) a noun phrase's head stands for.

        People may be joined to the head as compound or apposition ("adviser
        Jane Roe", "the head of X, Jane Roe"); other names count only as the
        head itself ("the Kremlin said"), unless ``modifiers`` allows
        "Sputnik news agency" for a relaying source.  A name that merely
        modifies a person noun ("a Kremlin spokesman") is not the speaker.
        """
        linked = _name_parts(token)
        for t in linked:
            hit = self.owner.get(t.i)
            if hit is None or hit[3] in {"PRON", "NOMINAL"}:
                continue
            if self.clusters[hit[0]].label == "PERSON" or t.i == token.i or modifiers:
                return hit
        return None

    def describe(self, token: Token, groups: bool = True) -> _Speaker:
        """Name, words and offsets of the speaker a token stands for."""
        hit = self.named(token)
        if hit is not None:
            cluster, start, end, _ = hit
            return _Speaker(self.clusters[cluster].name, self.text[start:end], start, end)
        end = token.idx + len(token.text)
        if token.lower_ in SPEAKER_PRONOUNS:
            cluster = self.pronoun(token)
            name = self.clusters[cluster].name if cluster is not None else None
            if name is None and groups and token.lower_ in GROUP_PRONOUNS:
                name = self.latest_group(token)
            return _Speaker(name, token.text, token.idx, end)
        first = token.left_edge.i
        while first < token.i and (self.quoted[first] or not any(
                ch.isalnum() for ch in self.doc[first].text)):
            first += 1
        start = self.doc[first].idx
        words = self.text[start:end]
        hit = self.owner.get(token.i)
        name = self.clusters[hit[0]].name if hit is not None else words
        return _Speaker(name, words, start, end)

    def pronoun(self, token: Token) -> int | None:
        """The cluster a speaking pronoun stands for; only "he"/"she" are resolved."""
        hit = self.owner.get(token.i)
        if hit is not None:
            return hit[0]
        if token.lower_ not in PRONOUN_GENDER:
            return None
        if self._resolver is None:
            self._resolver = PronounResolver(self.doc, self.clusters, self.regions)
        return self._resolver.resolve(token.i)

    def source_name(self, token: Token) -> str | None:
        """A relaying source's name: its entity, else its proper nouns."""
        hit = self.named(token, modifiers=True)
        if hit is not None:
            return self.clusters[hit[0]].name
        proper = [t.text for t in _phrase(token) if t.pos_ == "PROPN"]
        return " ".join(proper) or None

    def latest_speaker(self, char: int, floor: int, people: bool = True
                       ) -> tuple[int, _Speaker] | None:
        """The last reporting verb with a speaker before ``char``, not before ``floor``.

        At most ``RECENT_CUES`` verbs are tried.  With ``people=False`` only
        speakers that are not persons or pronouns count (what "it said" /
        "they said" can stand for).
        """
        k = bisect.bisect_left(self.cue_tokens, token_range(self.starts, char, char + 1)[0]) - 1
        stop = max(k - RECENT_CUES, -1)
        while k > stop:
            cue = self.doc[self.cue_tokens[k]]
            k -= 1
            if cue.idx < floor:
                break
            subject, _ = _speaker_token(cue, self.quoted)
            if not people and (subject is None or subject.lower_ in SPEAKER_PRONOUNS
                               or self.is_person(subject)):
                continue
            speaker, _ = self.speaker(cue, groups=people)
            if speaker is not None and speaker.name is not None:
                return cue.idx, speaker
        return None

    def embed_author(self, span: _Span) -> _Speaker | None:
        """The author of an embedded post signed right after the quote ("— Name (@handle) date")."""
        at = span.end + 1 if MARKS.match(self.text, span.end) else span.end  # past the closing mark
        m = EMBED_SIGNATURE.match(self.text, at)
        if m is None:
            return None
        start, end = m.span("name")
        first, stop = token_range(self.starts, start, end)
        for i in range(first, stop):
            hit = self.owner.get(i)
            if hit is not None and self.clusters[hit[0]].label == "PERSON":
                return _Speaker(self.clusters[hit[0]].name, self.text[start:end], start, end)
        return _Speaker(self.text[start:end], self.text[start:end], start, end)

    def paragraph_subject(self, span: _Span) -> _Speaker | None:
        """The last person named as a sentence subject in the quote's paragraph before it
        ("Councillor Jones disagreed. \"...\""), outside quotes."""
        para_start = self.paragraphs[self.paragraph(span.start)][0]
        first, stop = token_range(self.starts, para_start, span.start)
        for i in range(stop - 1, first - 1, -1):
            token = self.doc[i]
            if self.quoted[i] or token.dep_ not in SPEAKER_DEPS:
                continue
            hit = self.named(token)
            if hit is not None and self.clusters[hit[0]].label == "PERSON":
                cluster, start, end, _ = hit
                return _Speaker(self.clusters[cluster].name, self.text[start:end], start, end)
            if hit is None and token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON"):
                # a full name the tagger did not label ("Councillor Hugo Brenner"): two proper nouns or more
                parts = [t for t in _name_parts(token) if t.pos_ == "PROPN" and _norm_title(t.text) not in ROLE_TITLES]
                if len(parts) >= 2:
                    parts.sort(key=lambda t: t.i)
                    start, end = parts[0].idx, parts[-1].idx + len(parts[-1].text)
                    return _Speaker(self.text[start:end], self.text[start:end], start, end)
        return None

    def is_person(self, token: Token) -> bool:
        hit = self.owner.get(token.i)
        return hit is not None and self.clusters[hit[0]].label == "PERSON"

    def latest_group(self, token: Token) -> str | None:
        """The organisation or group that last reported something near ``token``."""
        floor = self.paragraphs[max(self.paragraph(token.idx) - 1, 0)][0]
        found = self.latest_speaker(token.idx, floor, people=False)
        return found[1].name if found is not None else None


def _linked(cue: Token, quote: set[int], first: int, stop: int) -> bool:
    """Whether a cue governs the quote's tokens or hangs from them in the parse."""
    for token in cue.doc[first:stop]:
        if token.head.i not in quote:
            node, steps = token.head, 0
            while steps < 8:
                if node.i == cue.i:
                    return True
                if node.head.i == node.i:
                    break
                node, steps = node.head, steps + 1
    node, steps = cue, 0
    while node.head.i != node.i and steps < 3:
        node, steps = node.head, steps + 1
        if node.i in quote:
            return True
    return False


def _according_object(token: Token) -> Token | None:
    for child in token.children:
        if child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        for obj in nxt.children:
            if obj.dep_ == "pobj":
                return obj
    return None


def _agent(verb: Token) -> Token | None:
    """The "by X" object of a passive verb (or of its "as saying" complement)."""
    layer = [verb]
    for _ in range(3):  # verb -> "as" -> "saying" -> "by"
        layer = [c for t in layer for c in t.children]
        for token in layer:
            if token.lower_ == "by" and token.dep_ in {"agent", "prep"}:
                for obj in token.children:
                    if obj.dep_ == "pobj":
                        return obj
    return None


def _speaker_token(cue: Token, quoted: Sequence[bool]) -> tuple[Token | None, Token | None]:
    """The token naming who spoke, per the parse, and a relaying source if stated.

    Subjects inside quoted text are the quote's own words, not its speaker.
    """
    if cue.lower_ == "according":
        return _according_object(cue), None
    node = cue
    for _ in range(4):
        children = list(node.children)
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in children)
        subject = next((c for c in children if c.dep_ in SPEAKER_DEPS and not quoted[c.i]), None)
        if passive and node.lemma_.lower() in SOURCE_CUES and subject is not None:
            return subject, _agent(node)
        if passive:
            agent = _agent(node)
            if agent is not None:
                return agent, None
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
            return node.head, None
        if subject is not None and not passive:
            return subject, None
        if node.dep_ not in CLIMB_DEPS or node.head.i == node.i:
            break
        node = node.head
    return None, None


def _norm_title(word: str) -> str:
    return word.lower().replace(".", "")


def _name_parts(token: Token) -> list[Token]:
    """A head token and the tokens joined to it as compound, apposition or flat name."""
    out, todo = [], [token]
    while todo:
        node = todo.pop(0)
        out.append(node)
        todo.extend(c for c in node.children if c.dep_ in {"compound", "appos", "flat", "nmod"})
    return out


def _phrase(token: Token) -> list[Token]:
    """The noun phrase a token heads, without clauses hanging from it."""
    out = []
    for t in token.subtree:
        node = t
        while node.i != token.i:
            if node.dep_ in {"relcl", "acl", "advcl", "ccomp", "conj", "cc"}:
                break
            node = node.head
        else:
            out.append(t)
    return out


def _is_partial(text: str, span: _Span, para_start: int) -> bool:
    """A fragment embedded in a sentence rather than a quotation standing alone."""
    before = text[para_start:span.start - 1].rstrip()
    if not before:
        return False
    prev = before[-1]
    first = text[span.start]
    return prev.isalnum() or (first.islower() and prev not in ",:;")


def find_quotes(doc: Doc, clusters: list[EntityCluster] | None = None) -> list[Quote]:
    """All direct quotations of a parsed article body, with their speakers.

    ``clusters`` are the article's entity clusters (computed here when not
    given).  Quotes come in text order; one with no attributable speaker is
    kept with ``speaker=None``.  For a quote running over several
    paragraphs, ``start``/``end`` span the whole passage and ``text`` joins
    its paragraphs with a blank line, without the re-opening marks.
    """
    text = doc.text
    if not text.strip() or len(doc) == 0:
        return []
    starts = [t.idx for t in doc]
    spans = [_close_at_inner_cue(doc, starts, s) for s in _scan(text)]
    if not spans:
        return []
    if clusters is None:
        clusters = cluster_entities(doc, quoted=[(s.start, s.end) for s in spans])
    att = _Attributor(doc, clusters, spans)
    quotes: list[Quote] = []
    last: tuple[int, _Speaker] | None = None  # end of the last attributed quote, speaker
    for span in spans:
        first, stop = token_range(starts, span.start, span.end)
        para = att.paragraph(span.start)
        partial = _is_partial(text, span, att.paragraphs[para][0])
        found = att.best_cue(span, first, stop)
        speaker, via, cue_lemma = None, None, None
        embed = att.embed_author(span)
        if embed is not None:
            found, speaker, cue_lemma = None, embed, "post"
        if found is not None:
            cue, linked = found
            speaker, via = att.speaker(cue)
            cue_lemma = "accord" if cue.lower_ == "according" else cue.lemma_.lower()
            naming = linked and cue_lemma in NAMING_CUES
        else:
            naming = False
        words = sum(len(WORD.findall(text, s, e)) for s, e in span.pieces)
        if partial and words < 3 and not naming:
            continue
        inherited = None
        if speaker is None and not partial:
            inherited = _inherit(att, span, para, last)
            named_here = att.paragraph_subject(span)
            if named_here is not None and (inherited is None or named_here.start > inherited.start):
                inherited = named_here  # a new paragraph that names someone else speaks for them
        quote_text = "\n\n".join(text[s:e] for s, e in span.pieces)
        if speaker is not None:
            quotes.append(Quote(span.start, span.end, quote_text, speaker.name,
                                speaker.mention, speaker.start, speaker.end,
                                cue_lemma, partial, via))
            if speaker.name is not None:
                last = (span.end, speaker)
        else:
            name = inherited.name if inherited is not None else None
            quotes.append(Quote(span.start, span.end, quote_text, name, cue=cue_lemma,
                                partial=partial, via=via))
            if inherited is not None:
                last = (span.end, inherited)
    return quotes


def _inherit(att: _Attributor, span: _Span, para: int,
             last: tuple[int, _Speaker] | None) -> _Speaker | None:
    """The speaker a cue-less quote takes: latest quote or reporting verb nearby."""
    floor = att.paragraphs[max(para - 1, 0)][0]
    options = []
    if last is not None and last[0] >= floor:
        options.append(last)
    verb = att.latest_speaker(span.start, floor)
    if verb is not None:
        options.append(verb)
    if not options:
        return None
    return max(options, key=lambda o: o[0])[1]
