"""Within-article entity clustering: which mentions name the same thing.

Works on a parsed spaCy ``Doc`` (tagger, parser, ner) of an article body and
returns :class:`EntityCluster` objects whose mentions carry character offsets
into the body.  The approach, in passes over the Doc:

1. **Clean the NER spans.**  Leading articles, trailing possessives ("Putin's")
   and punctuation are trimmed; a span is cut at a line break; leading
   honorifics ("Mr.") and role titles ("President") are stripped from person
   names (titles become descriptors, honorifics only hint at gender).
2. **Repair the small model's errors with general rules.**  A surname learnt
   from a multi-word PERSON name (or a form the model tags PERSON more often
   than anything else) makes every capitalised occurrence of that token a
   person, whether the model tagged it ORG/GPE or missed it; hyphen-joined
   surnames ("Smith-Jones talks" when both are known people) are split.
3. **Cluster.**  Full names group by surname and compatible first names;
   surname-only mentions join the full-name cluster (the closest preceding
   one when two people share a surname).  Other entities group by a
   normalised key, with acronyms joined to the name they abbreviate
   ("U.S." / "United States").  The canonical name is the fullest form.
4. **Descriptors.**  Role words the text attaches to a name: premodifiers
   ("Kremlin spokesman Jane Roe"), stripped titles, and appositions in either
   order ("Jane Roe, the Kremlin spokesman," / "the spokesman, Jane Roe,").
5. **Nominal mentions.**  A definite or indefinite noun phrase whose head and
   modifiers fit a person's descriptor ("the spokesman", "a Kremlin
   spokesman") joins that person; among several, the most recently mentioned.
6. **Pronouns.**  "he"/"she" resolve to the most recent compatible person,
   preferring subjects (see :class:`PronounResolver`), skipping mentions
   inside quoted text when the caller supplies the quoted regions.
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.records import Mention
from eventwire.nlp.sents import sents

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# Labels the small model often gives a person's surname by mistake.
REPAIRABLE_LABELS = ENTITY_LABELS | {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}

HONORIFICS = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "monsieur": "m", "herr": "m",
    "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "madame": "f", "dame": "f",
    "lady": "f", "mme": "f", "mx": "", "dr": "", "prof": "", "professor": "",
    "rev": "", "reverend": "",
}
ROLE_TITLES = frozenset({
    "president", "vice", "prime", "minister", "premier", "chancellor", "secretary",
    "senator", "sen", "rep", "representative", "congressman", "congresswoman",
    "governor", "gov", "mayor", "king", "queen", "prince", "princess", "emperor",
    "pope", "general", "gen", "lt", "colonel", "col", "major", "maj", "captain",
    "capt", "admiral", "adm", "sergeant", "sgt", "commander", "judge", "justice",
    "ambassador", "chairman", "chairwoman", "chair", "director", "chief", "deputy",
    "speaker", "leader", "spokesman", "spokeswoman", "spokesperson", "foreign",
    "defense", "defence", "interior", "finance", "attorney", "sheikh", "ayatollah",
    "crown", "marshal", "envoy", "bishop", "archbishop", "cardinal", "rabbi", "imam",
    "coach", "detective", "inspector", "superintendent", "officer", "agent",
    "adviser", "advisor", "aide", "counsel", "official", "head", "executive",
    "ceo", "founder", "member", "analyst", "expert", "editor", "correspondent",
    "councillor", "councilor", "alderman", "commissioner", "mp", "lawmaker", "legislator",
    "emir", "sultan", "president-elect", "opposition",
})
# What "the <nationality> leader" can stand for: the role words of a head of state or government.
LEADER_ROLES = frozenset({"president", "premier", "chancellor", "minister", "king", "queen", "emir",
                          "sultan", "leader", "chairman", "ruler"})
LEADER_WORDS = frozenset({"leader", "ruler", "strongman", "head"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
GENDER_WORDS = {
    "m": frozenset({"spokesman", "chairman", "congressman", "king", "prince",
                    "emperor", "duke", "father", "son", "brother", "husband",
                    "businessman", "he", "his", "him"}),
    "f": frozenset({"spokeswoman", "chairwoman", "congresswoman", "queen",
                    "princess", "empress", "duchess", "mother", "daughter", "sister",
                    "wife", "businesswoman", "actress", "she", "her"}),
}
PRONOUN_GENDER = {"he": "m", "she": "f"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NOMINAL_DETERMINERS = frozenset({"the", "a", "an", "this", "that"})
FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "for", "to", "and", "'s", "’s", "in", "on"})
PRONOUN_WINDOW = 3  # sentences back a pronoun may look for its person
PRONOUN_CANDIDATES = 40  # at most this many earlier mentions are weighed


@dataclass(frozen=True)
class EntityCluster:
    """One entity of the article and every span that refers to it."""

    name: str  # canonical: the fullest proper name, titles stripped
    label: str  # PERSON, ORG, GPE, NORP, LOC, FAC
    mentions: tuple[Mention, ...]
    descriptors: tuple[str, ...] = ()  # role words: "Kremlin spokesman"


@dataclass
class _Draft:
    """A cluster while it is being built."""

    label: str
    names: list[tuple[int, int]]  # token ranges of proper-name mentions
    labels: Counter
    descriptors: list[str]
    descriptor_keys: list[tuple[str, frozenset[str]]]  # (head word, words)
    extra: list[tuple[int, int, str]]  # token ranges labelled NOMINAL / PRON


def _norm(word: str) -> str:
    """Lower-case a word and drop dots, so "U.S." and "US" compare equal."""
    return word.lower().replace(".", "")


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut a token range at a line break and strip articles, punctuation, possessives."""
    for i in range(start, end):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            end = i + (0 if "\n" in doc[i].text else 1)
            break
    while start < end and (doc[start].is_punct or doc[start].is_space
                           or doc[start].lower_ == "the"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].tag_ == "POS"
                           or doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    return start, end


def _strip_titles(doc: Doc, start: int, end: int) -> int:
    """Where a person name starts once leading honorifics and role titles are skipped."""
    while end - start > 1:
        word = _norm(doc[start].text)
        if word not in HONORIFICS and (word not in ROLE_TITLES
                                       or not doc[start].text[:1].isupper()):
            break
        start += 1
        if start < end and doc[start].text == ".":
            start += 1
    return start


def _wordlike(token: Token) -> bool:
    """A word of a name: has a letter ("O'Neill", "U.S." count; "-" does not)."""
    return any(ch.isalpha() for ch in token.text) and not token.is_space


def _surname(doc: Doc, start: int, end: int) -> str:
    """The last word of a name, skipping suffixes such as "Jr."."""
    for i in range(end - 1, start - 1, -1):
        if _wordlike(doc[i]) and _norm(doc[i].text) not in NAME_SUFFIXES:
            return doc[i].text
    return doc[end - 1].text


def _hyphen_words(doc: Doc, start: int, end: int) -> list[Token]:
    """The words of a range written as "Word-Word(-Word)", else an empty list."""
    tokens = list(doc[start:end])
    words = tokens[0::2]
    if len(tokens) < 3 or len(tokens) % 2 == 0 or any(t.text != "-" for t in tokens[1::2]):
        return []
    if any(t.whitespace_ for t in tokens[:-1]) or not all(t.is_alpha for t in words):
        return []
    return list(words)


def _head(doc: Doc, start: int, end: int) -> Token:
    """The syntactic head of a token range: the token whose head lies outside it."""
    for i in range(end - 1, start - 1, -1):
        if not start <= doc[i].head.i < end or doc[i].head.i == i:
            return doc[i]
    return doc[end - 1]


def _strip_edges(doc: Doc, start: int, end: int, keep_determiner: bool) -> tuple[int, int]:
    """Drop punctuation and spaces at both ends (and leading determiners unless kept)."""
    while start < end and (doc[start].is_punct or doc[start].is_space or (
            not keep_determiner and doc[start].pos_ in {"DET", "PRON"})):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _descriptor_text(doc: Doc, start: int, end: int) -> str | None:
    """A role phrase from a token range, without leading articles/possessive pronouns."""
    start, end = _strip_edges(doc, start, end, keep_determiner=False)
    if start >= end:
        return None
    words = doc[start:end]
    if any(t.is_space or t.text in {",", ";", "(", ")"} or t.lower_ in {"and", "or"}
           or "\n" in t.whitespace_ for t in words):
        return None
    has_role = any((t.pos_ == "NOUN" and t.ent_type_ == "") or _norm(t.text) in ROLE_TITLES
                   for t in words)
    return words.text if has_role else None


def _premodifier_start(doc: Doc, start: int, end: int) -> int:
    """Leftmost token of the role phrase written before a name ("Kremlin spokesman")."""
    head = _head(doc, start, end)
    lefts = [c for c in head.children if c.i < start
             and c.dep_ in {"compound", "amod", "nmod", "poss", "nummod"}]
    if not lefts:
        return start
    first = min(c.left_edge.i for c in lefts)
    covered = {t.i for c in lefts for t in c.subtree}
    if all(i in covered for i in range(first, start)):
        return first
    return start


def _appositive(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The token range of an appositive description tied to a name, either order."""
    head = _head(doc, start, end)
    for child in head.children:
        if child.dep_ == "appos" and child.i >= end and child.pos_ == "NOUN" \
                and end < len(doc) and doc[end].text == ",":
            stop = child.i + 1
            for t in child.subtree:
                if t.i > child.i and t.text == ",":
                    break
                stop = max(stop, t.i + 1)
            return child.left_edge.i, stop
    if head.dep_ == "appos" and head.head.i < start and head.head.pos_ in {"NOUN", "PROPN"} \
            and doc[head.left_edge.i - 1].text == ",":
        owner = head.head
        if owner.pos_ == "PROPN" and _norm(owner.text) not in ROLE_TITLES:
            return None
        return owner.left_edge.i, head.left_edge.i
    return None


class _Builder:
    """Holds the working state of one clustering run over a Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.drafts: list[_Draft] = []
        self.owner: dict[int, int] = {}  # token index -> draft index

    # --------------------------------------------------------------- spans
    def spans(self) -> list[tuple[int, int, str]]:
        """Cleaned NER spans: (start, end, label)."""
        out = []
        for ent in self.doc.ents:
            if ent.label_ not in REPAIRABLE_LABELS:
                continue
            start, end = _trim(self.doc, ent.start, ent.end)
            if start < end and any(_wordlike(t) and t.text[:1].isupper()
                                   for t in self.doc[start:end]):
                out.append((start, end, ent.label_))
        return out

    def person_words(self, spans: list[tuple[int, int, str]]) -> set[str]:
        """Surnames known to be people: from full names or a PERSON majority.

        Only capitalised words written in mixed case count, so an all-caps
        credit or dateline mis-tagged as part of a name does not spread.
        """
        strong: set[str] = set()
        votes: dict[str, Counter] = defaultdict(Counter)
        for start, end, label in spans:
            if _hyphen_words(self.doc, start, end):
                continue
            alpha = [t for t in self.doc[start:end] if _wordlike(t)]
            if label == "PERSON" and len(alpha) >= 2:
                strong.add(_surname(self.doc, start, end))
            elif len(alpha) == 1 and end - start == 1:
                votes[alpha[0].text][label] += 1
        for word, counter in votes.items():
            top = counter.most_common(1)[0][1]
            if counter["PERSON"] == top and counter["PERSON"] > 0:
                strong.add(word)
        return {w for w in strong if w[:1].isupper() and not w.isupper()}

    def repaired(self, spans: list[tuple[int, int, str]], people: set[str]
                 ) -> list[tuple[int, int, str]]:
        """Relabel, split and add mentions so that known surnames are people.

        A non-person span that is a known name, possibly after words that are
        not proper nouns ("Later Smith" tagged ORG), becomes a person; a
        "Smith-Jones" span of known surnames splits into two people; a known
        surname the model left untagged is added.
        """
        out: list[tuple[int, int, str]] = []
        covered: set[int] = set()
        for start, end, label in spans:
            covered.update(range(start, end))
            words = _hyphen_words(self.doc, start, end)
            if words and all(t.text in people for t in words):
                out.extend((t.i, t.i + 1, "PERSON") for t in words)
                continue
            if label != "PERSON" and self.doc[end - 1].text in people:
                first = end - 1
                while first > start and self.doc[first - 1].pos_ == "PROPN":
                    first -= 1
                if first == start or all(t.pos_ != "PROPN" for t in self.doc[start:first]):
                    out.append((first, end, "PERSON"))
                    continue
            out.append((start, end, label))
        for ent in self.doc.ents:  # tokens the NER gave another, unrepairable type
            covered.update(range(ent.start, ent.end))
        for token in self.doc:
            if token.i in covered or token.text not in people or token.pos_ != "PROPN":
                continue
            out.append((token.i, token.i + 1, "PERSON"))
        out.sort()
        return out

    # ------------------------------------------------------------ clusters
    def new_draft(self, label: str) -> int:
        self.drafts.append(_Draft(label, [], Counter(), [], [], []))
        return len(self.drafts) - 1

    def add_name(self, index: int, start: int, end: int, label: str) -> None:
        draft = self.drafts[index]
        draft.names.append((start, end))
        draft.labels[label] += 1
        for i in range(start, end):
            self.owner[i] = index

    def cluster_people(self, people: list[tuple[int, int, str]]) -> None:
        """Full names first (by surname + first names), then surname-only mentions."""
        by_surname: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
        singles = []
        for start, end, label in people:
            alpha = tuple(t.text for t in self.doc[start:end] if _wordlike(t))
            if len(alpha) < 2:
                singles.append((start, end, label))
                continue
            surname = _surname(self.doc, start, end)
            given = alpha[: alpha.index(surname)] if surname in alpha else alpha[:-1]
            target = None
            for index, other in by_surname[surname]:
                if _given_compatible(given, other):
                    target = index
                    break
            if target is None:
                target = self.new_draft("PERSON")
                by_surname[surname].append((target, given))
            self.add_name(target, start, end, label)
        starts_of = self.name_starts()
        for start, end, label in singles:
            word = self.doc[start:end].text
            candidates = [i for i, _ in by_surname.get(word, [])]
            if not candidates:
                candidates = [i for i, _ in by_surname.get(_surname(self.doc, start, end), [])]
            if candidates:
                target = _closest(starts_of, candidates, start)
            else:
                target = self.new_draft("PERSON")
                by_surname[word].append((target, ()))
            self.add_name(target, start, end, label)

    def cluster_others(self, others: list[tuple[int, int, str]]) -> None:
        """Group non-person entities by normalised text, then join acronyms."""
        by_key: dict[str, int] = {}
        for start, end, label in others:
            key = " ".join(_norm(t.text) for t in self.doc[start:end] if not t.is_punct)
            if not key:
                continue
            if key not in by_key:
                by_key[key] = self.new_draft(label)
            self.add_name(by_key[key], start, end, label)
        initials = {}
        for key, index in by_key.items():
            words = [w for w in key.split() if w not in FUNCTION_WORDS]
            if len(words) >= 2:
                initials.setdefault("".join(w[0] for w in words), index)
        for key, index in by_key.items():
            target = initials.get(key.replace(" ", ""))
            if target is not None and target != index and " " not in key:
                self.merge(index, target)

    def name_starts(self) -> dict[int, list[int]]:
        """For each draft, the sorted first tokens of its proper-name mentions."""
        return {i: sorted(s for s, _ in d.names) for i, d in enumerate(self.drafts)}

    def merge(self, source: int, target: int) -> None:
        src, dst = self.drafts[source], self.drafts[target]
        for start, end in src.names:
            dst.names.append((start, end))
            for i in range(start, end):
                self.owner[i] = target
        dst.labels.update(src.labels)
        src.names, src.labels = [], Counter()

    # --------------------------------------------------------- descriptors
    def collect_descriptors(self, titles: dict[int, int]) -> None:
        """Premodifier roles, stripped titles and appositions of each person name."""
        doc = self.doc
        for index, draft in enumerate(self.drafts):
            if draft.label != "PERSON":
                continue
            for start, end in list(draft.names):
                first = min(titles.get(start, start), _premodifier_start(doc, start, end))
                text = _descriptor_text(doc, first, start) if first < start else None
                if text:
                    self.add_descriptor(index, doc[first:start], text)
                appos = _appositive(doc, start, end)
                if appos:
                    a_start, a_end = appos
                    text = _descriptor_text(doc, a_start, a_end)
                    if text:
                        self.add_descriptor(index, doc[a_start:a_end], text)
                        a_start, a_end = _strip_edges(doc, a_start, a_end, keep_determiner=True)
                        draft.extra.append((a_start, a_end, "NOMINAL"))

    def add_descriptor(self, index: int, span: Span, text: str) -> None:
        draft = self.drafts[index]
        words = frozenset(_norm(t.text) for t in span if not t.is_punct)
        head = _head(self.doc, span.start, span.end)
        draft.descriptor_keys.append((head.lemma_.lower(), words))
        if text not in draft.descriptors:
            draft.descriptors.append(text)

    def link_nominals(self) -> None:
        """Attach "the spokesman"-style noun phrases to the person whose role fits."""
        by_head: dict[str, list[tuple[int, frozenset[str]]]] = defaultdict(list)
        for index, draft in enumerate(self.drafts):
            for head, words in draft.descriptor_keys:
                by_head[head].append((index, words))
        if not by_head:
            return
        taken = {i for d in self.drafts for s, e, _ in d.extra for i in range(s, e)}
        starts_of = self.name_starts()
        for chunk in self.doc.noun_chunks:
            root = chunk.root
            if root.tag_ in {"NNS", "NNPS"} or (
                    root.lemma_.lower() not in by_head and root.lemma_.lower() not in LEADER_WORDS):
                continue
            if root.i in self.owner or root.i in taken or chunk[0].lower_ not in NOMINAL_DETERMINERS:
                continue
            words = {_norm(t.text) for t in _nominal_tokens(root) if t.i != root.i}
            words -= FUNCTION_WORDS
            fits = sorted({i for i, w in by_head[root.lemma_.lower()] if words <= w})
            if not fits and root.lemma_.lower() in LEADER_WORDS and words:
                # "the Brazilian leader" for "Brazilian President Luis Moreno": the nationality must be
                # said, and only one person of the article may fit
                fits = sorted({i for head in LEADER_ROLES for i, w in by_head.get(head, ()) if words <= w})
                if len(fits) != 1:
                    continue
            if not fits:
                continue
            target = _closest(starts_of, fits, chunk.start)
            self.drafts[target].extra.append((chunk.start, root.i + 1, "NOMINAL"))
            taken.update(range(chunk.start, root.i + 1))

    # ------------------------------------------------------------- results
    def ordered(self) -> list[_Draft]:
        """Drafts that still have mentions, in order of first mention."""
        live = [d for d in self.drafts if d.names or d.extra]
        live.sort(key=lambda d: min([s for s, _ in d.names] + [s for s, _, _ in d.extra]))
        return live

    def clusters(self) -> list[EntityCluster]:
        doc = self.doc
        out = []
        for draft in self.ordered():
            mentions = []
            for start, end in draft.names:
                label = "PERSON" if draft.label == "PERSON" else draft.labels.most_common(1)[0][0]
                mentions.append((start, end, label))
            mentions.extend(draft.extra)
            mentions.sort()
            name = _canonical(doc, draft)
            label = "PERSON" if draft.label == "PERSON" else draft.labels.most_common(1)[0][0]
            records = tuple(
                Mention(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text),
                        doc[s:e].text, lab, len(out))
                for s, e, lab in mentions
            )
            out.append(EntityCluster(name, label, records, tuple(draft.descriptors)))
        return out


def _nominal_tokens(root: Token) -> Iterable[Token]:
    """Tokens of a noun phrase that describe its head, clauses and appositions excluded."""
    for token in root.subtree:
        node = token
        while node.i != root.i:
            if node.dep_ in {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj"}:
                break
            node = node.head
        else:
            if token.pos_ not in {"DET", "PUNCT"}:
                yield token


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two lists of given names can belong to one person ("J." fits "John")."""
    if not a or not b:
        return True
    x, y = a[0].rstrip("."), b[0].rstrip(".")
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def _closest(starts_of: dict[int, list[int]], candidates: Sequence[int], position: int) -> int:
    """The candidate named last before ``position``, else the first one named after it.

    ``starts_of`` maps a draft to the sorted token starts of its names.
    """
    if len(candidates) == 1:
        return candidates[0]
    best, best_start = None, -1
    for index in candidates:
        starts = starts_of.get(index, [])
        k = bisect.bisect_left(starts, position)
        if k and starts[k - 1] > best_start:
            best, best_start = index, starts[k - 1]
    if best is not None:
        return best
    return min(candidates, key=lambda i: (starts_of.get(i) or [1 << 30])[0])


def _canonical(doc: Doc, draft: _Draft) -> str:
    """The fullest name form: most alphabetic words, then most characters, then earliest."""
    if not draft.names:
        start, end, _ = draft.extra[0]
        return doc[start:end].text
    def score(rng: tuple[int, int]):
        span = doc[rng[0]:rng[1]]
        return (sum(_wordlike(t) for t in span), len(span.text), -rng[0])
    start, end = max(draft.names, key=score)
    return doc[start:end].text


def token_range(token_starts: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Token indices [first, stop) covering the characters [start, end).

    ``token_starts`` is ``[t.idx for t in doc]``, computed once per Doc.
    """
    first = max(bisect.bisect_right(token_starts, start) - 1, 0)
    stop = bisect.bisect_left(token_starts, end)
    return first, stop


def _in_regions(starts: list[int], regions: Sequence[tuple[int, int]], char: int) -> bool:
    k = bisect.bisect_right(starts, char) - 1
    return k >= 0 and regions[k][0] <= char < regions[k][1]


class PronounResolver:
    """Resolves "he"/"she" to the person cluster they most likely mean.

    Candidates are the mentions of person clusters outside quoted text.  For a
    pronoun, the search walks back from it, at most ``PRONOUN_WINDOW``
    sentences and ``PRONOUN_CANDIDATES`` mentions: first for the most recent gender-compatible *subject* mention
    (the previous sentence's subject or speaker, or an earlier subject in the
    same sentence: "Jones said he ..."), then for any compatible mention.
    """

    def __init__(self, doc: Doc, clusters: Sequence[EntityCluster],
                 quoted: Sequence[tuple[int, int]] = ()):
        self.doc = doc
        self.sent_of = sentence_index(doc)
        regions = sorted(quoted)
        starts = [s for s, _ in regions]
        token_starts = [t.idx for t in doc]
        self.gender: dict[int, str] = {}
        self.cands: list[tuple[int, int, bool]] = []  # (token, cluster, is_subject)
        for index, cluster in enumerate(clusters):
            if cluster.label != "PERSON":
                continue
            words = [w for d in cluster.descriptors for w in d.lower().split()]
            for mention in cluster.mentions:
                first, stop = token_range(token_starts, mention.start, mention.end)
                if first >= stop:
                    continue
                words.extend(_norm(t.text) for t in doc[first:stop])
                words.extend(w for w in (_norm(t.text) for t in doc[max(first - 2, 0):first])
                             if w in HONORIFICS)
                if _in_regions(starts, regions, mention.start):
                    continue
                head = _head(doc, first, stop)
                self.cands.append((head.i, index, _is_subject(head)))
            self.gender[index] = _gender_of(words)
        self.cands.sort()
        self.positions = [c[0] for c in self.cands]

    def resolve(self, i: int) -> int | None:
        """The index (into the clusters) of the person token ``i`` refers to, if any."""
        want = PRONOUN_GENDER.get(self.doc[i].lower_, "")
        floor = self.sent_of[i] - PRONOUN_WINDOW
        k = bisect.bisect_left(self.positions, i) - 1
        stop = max(k - PRONOUN_CANDIDATES, -1)
        fallback = None
        while k > stop:
            tok, cluster, subject = self.cands[k]
            k -= 1
            if self.sent_of[tok] < floor:
                break
            if want and self.gender.get(cluster, "") not in ("", want):
                continue
            if subject:
                return cluster
            if fallback is None:
                fallback = cluster
        return fallback

    def add(self, i: int, cluster: int) -> None:
        """Record that token ``i`` was resolved, so later pronouns can chain through it."""
        k = bisect.bisect_left(self.positions, i)
        self.positions.insert(k, i)
        self.cands.insert(k, (i, cluster, _is_subject(self.doc[i])))
        want = PRONOUN_GENDER.get(self.doc[i].lower_, "")
        if want and not self.gender.get(cluster):
            self.gender[cluster] = want


def _is_subject(token: Token) -> bool:
    """Subject of a clause, passive agent, or object of "according to"."""
    if token.dep_ in SUBJECT_DEPS:
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "by" and head.dep_ == "agent":
        return True
    return token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


def _gender_of(words: Iterable[str]) -> str:
    """"m" or "f" when the words about a person agree on one, else ""."""
    votes = set()
    for word in words:
        for gender, vocab in GENDER_WORDS.items():
            if word in vocab or HONORIFICS.get(word) == gender:
                votes.add(gender)
    return votes.pop() if len(votes) == 1 else ""


def sentence_index(doc: Doc) -> list[int]:
    """For each token, the number of the sentence it is in."""
    out = [0] * len(doc)
    for n, sent in enumerate(sents(doc)):
        for i in range(sent.start, sent.end):
            out[i] = n
    return out


def cluster_entities(doc: Doc, quoted: Sequence[tuple[int, int]] | None = None
                     ) -> list[EntityCluster]:
    """Cluster the named, nominal and pronoun mentions of one article.

    ``quoted`` are character ranges of quoted text; mentions inside them are
    not used as antecedents of pronouns ("'The president agreed,' he said":
    "he" is not the president).  When not given they are found with the
    quote scanner of ``eventwire.nlp.quotes`` (imported here, at call time,
    because that module builds on this one).  Clusters come in order of
    first mention and each mention's ``entity`` is its cluster's index in
    the returned list.
    """
    if len(doc) == 0:
        return []
    if quoted is None:
        from eventwire.nlp.quotes import quoted_spans

        quoted = quoted_spans(doc)
    builder = _Builder(doc)
    spans = builder.spans()
    spans = builder.repaired(spans, builder.person_words(spans))
    titles: dict[int, int] = {}
    cleaned = []
    for start, end, label in spans:
        if label == "PERSON":
            stripped = _strip_titles(doc, start, end)
            if stripped > start:
                titles[stripped] = start
            start = stripped
        if label in ENTITY_LABELS:
            cleaned.append((start, end, label))
    builder.cluster_people([s for s in cleaned if s[2] == "PERSON"])
    builder.cluster_others([s for s in cleaned if s[2] != "PERSON"])
    builder.collect_descriptors(titles)
    builder.link_nominals()
    _add_pronouns(builder, quoted)
    return builder.clusters()


def _add_pronouns(builder: _Builder, quoted: Sequence[tuple[int, int]]) -> None:
    """Resolve every "he"/"she" in document order, letting resolved ones chain."""
    doc = builder.doc
    drafts = builder.ordered()
    resolver = PronounResolver(doc, builder.clusters(), quoted)
    for token in doc:
        if token.lower_ not in PRONOUN_GENDER or token.pos_ != "PRON":
            continue
        cluster = resolver.resolve(token.i)
        if cluster is None:
            continue
        resolver.add(token.i, cluster)
        drafts[cluster].extra.append((token.i, token.i + 1, "PRON"))
