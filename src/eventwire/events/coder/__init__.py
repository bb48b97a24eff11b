"""The event coder: who did what to whom, per sentence, in CAMEO and PLOVER.

The package reads as its pipeline, each stage a module with its own tests
(tests/events/test_coder_stages.py):

  predicates.py    event-bearing verbs and nouns of a sentence (frames)
  roles.py         governing verbs (intent, request, demand, refusal, threat),
                   reported speech, negation, modality and tense flags
  participants.py  source and target words (subjects, coordination, passives,
                   objects, places); ``_Sentence`` joins the three stages
  actors.py        noun phrases to actors (the article's entities, then the resolver)
  codes.py         how a governing verb shifts the code of the act it governs
  answers.py       answers promised on a condition ("X will respond if Y ..."): threats
  build.py         frames with actors -> CAMEO/PLOVER events
  force.py         acts of force: the author of an attack told by its noun or clause, a
                   killing's toll, who can threaten
  home.py          acts done at home: groups and people of no stated country a state acts
                   on, mass violence, curfews and inquiries, appeals for calm, protests
  dating.py        the day of each event: its own clause's time, a dateline, the publication date
  claims.py        a state's report of force against itself as an accusation; the victim of
                   a claimed attack
  meetings.py      who took part in a meeting a noun names (between X and Y, with Y, theirs)
  implied.py       targets no slot names: the matter investigated, the one whose act a
                   complaint answers, what a threat's infinitive, content or condition names
  outlook.py       an act's prospects commented on ("little prospect of a deal", "optimistic
                   about a ceasefire"): a comment (012/013), the act no event
  comments.py      comments on relations ("ties have improved") and verdicts on another
                   country's words or acts ("said X's remarks were irresponsible": 111)
  selection.py     the events a sentence reports and its main event
  typer.py         optional: verbs the lexicon does not know, typed by their nearest lexicon
                   entry with a small sentence encoder (``--typer minilm``)
  clauses.py, words.py  clause depth; shared word lists

Method: dependency patterns over a spaCy parse plus the project lexicon
(``data/events_lexicon.txt``).

1. *Triggers.*  Every verb is looked up in the verb lexicon: an entry may ask
   for particles, prepositions or object nouns ("impose sanction", "call
   for talk"); the entry matching most words wins.  A light verb ("hold",
   "launch", "stage") takes the code of its event-noun object ("held talks",
   "launched an air strike").  Event nouns elsewhere ("Israeli tank shelling",
   "a planned summit") are coded when their modifiers name a source.
2. *Roles.*  Verbs that govern another verb change its code: intent ("agreed
   to", "pledged to", "plans to") -> 03x; request ("urged X to", "called on
   X to") -> 02x; demand -> 10x; refusal ("refused to") -> 12x; threat
   ("threatened to") -> 13x.  A negated cooperative event becomes its 12x
   rejection ("will not meet" -> 125); other negations are flagged.  A plain
   future ("will meet", "is scheduled to attend") keeps its code, flagged
   ``future``, and PLOVER, whose AGREE covers every act of cooperation
   still to come, types it AGREE; a future the speaker states ("said it
   would free") is an intent (03x); a future act of force is a threat (13x).  Modal or
   conditional clauses are flagged hypothetical.
3. *Actors.*  Source: the subject (coordinated subjects give one event
   each), the "by" agent of a passive, or the subject inherited from the
   governing verb; a pronoun takes the speaker of its reporting verb ("X and
   Y said they ...": both) or the last actor named.  Target: the first slot
   that names an actor: the object, "with/against/on/to/at ..." objects (and
   such objects further down a noun: "an agreement with X"), the passive
   subject, the entry's own object noun ("freed prisoners"), then the place.
   "X received / faced N from Y" runs Y->X.  An agentless passive ("two
   soldiers were killed") has no source, unless "in an X air strike" or
   "fired from X" names one; an arrest with no agent is the state's where it happened
   (a place in the clause, the dateline, or a country's own opposition figure held at home).
   A stated intent (03x) or threat (13x) of an act to come keeps its ``future`` flag, and
   the store counts it as happened: the statement was made.  Symmetric events ("X and Y met") run both ways.
   An event needs an actor with a country (or an IGO) on one side.
4. *Reported speech.*  Plain reporting verbs ("said", "told", "announced")
   are transparent: "X said Y attacked Z" yields Y->Z.  "X accused Y of Z"
   is X's accusation, not Z; "X claimed / alleged that Y attacked Z" is X
   accusing Y (112); "X denied that ..." is X's 12x; "X said / reminded Y
   that Y must do Z" is X's demand on Y (10x).
5. *Selection.*  One main event per sentence (``_select``): frames are
   ranked by clause depth (``clause_depth``: the main clause, a plain
   report's content and lifted claims count as 0; relative, adverbial and
   other subordinate clauses are dropped), then events over plain statements
   (01x), actors on both sides, verbal over nominal, realised over
   hypothetical or future, specific codes, multi-word lexicon entries, and
   position.  A verb coordinated with the winner adds its own event ("X
   condemned Y and recalled its ambassador").
6. *Further rules.*  Readiness adjectives ("is willing / ready to") are
   intent roles; a promised act conditioned with "unless" is a threat;
   coordinated demonyms ("US and British activists") give one actor each;
   "-ed"/"-ing" forms the tagger lemmatises wrongly, and "re-" verbs, are
   repaired; participles and compounds modifying a noun ("alleged
   bombers", "war games") are no events of their own.  "X called on / urged
   Y to end (stop, halt ...) Z" is X's demand on Y (100).  "imposed
   sanctions, punishing / targeting Y" takes Y as the target when no slot
   names one.  A meeting noun with no owner takes its parties from "between
   X and Y" (both ways), else, with "talks / a meeting with Y", from the
   speaker reporting it or the subject of its clause; an event noun that only
   dates another ("ahead of / after the summit") ranks with statements.
   A speaker judging relations ("said ties with Y are in bad shape / have
   improved") makes a comment, 012 pessimistic or 013 optimistic, aimed at
   the first other country the statement names, else the one addressed; as
   a 01x it stands only when the sentence has no more specific event.
   Exercises held by two countries, or by one "with" another, are military
   cooperation (062), not a show of force (150).  A noun that only frames an
   act ("a mediation effort", "a bombing campaign") takes its compound's
   code; a participle standing for people ("evacuated the wounded") is no
   act.  "X received tanks from Y" is Y's gift to X; with no giver named,
   no event.
7. *Typing without actors.*  ``code_doc`` never returns an actorless
   event; ``main_event_type`` gives a sentence's main event for PLOVER
   typing even when no actor resolves (uncoded, confidence 0.2), and types a
   stated future act of cooperation as AGREE ("says it will ...").

8. *News as it is written.*  "X called / branded / described Y (as) Z" judges Y: 111 when Z
   condemns ("a historic mistake", "a sham"), 051 when it praises ("a victory"), else a comment
   (010); it is no appeal.  A meeting's place is where it was held, no party to it ("EU leaders
   met in Brussels"), unless one party of a country came to it ("the US envoy held talks in
   Kabul").  Praise by two ("X and Y praised the deal") is not aimed at each other; signing and
   agreeing together are.  "Insisted that X was ..." claims, "insisted that X free ..." demands.
   Measures agreed are measures taken ("agreed new sanctions on X", "agreed to impose ...").
   What is held belongs to its owner ("the U.S. assets of X": X).  "The president", once a
   story has named its holder acting, is that holder.  A recalled ambassador is the recaller's
   own.  When the main clause tells of no act, an act told in its "after / when / as" clause is
   the news ("the truce collapsed after X shelled Y").  A dateline ("KYIV, May 3 (Wire) --") is
   parsed apart (``eventwire.nlp.breaks``) and never an actor.

Date: the time expression of the act's own clause (or of a clause above it), else, when the
sentence opens its paragraph after a dateline, the dateline's date, else ``date``.  A time that
dates another clause only ("agreed to revive a pact signed in 2001") does not date the act.
"""
from __future__ import annotations

from typing import Sequence

from eventwire.extract.meta import parse_dateline
from eventwire.nlp.sents import sents
from eventwire.records import Event, TimeExpr

from .actors import _Coder, _default_resolve
from .clauses import clause_depth
from .codes import intent_code, reject_code
from .selection import _actorless_event, _code_sentence, main_event_type
from .words import MAX_SENTENCE_TOKENS, UNRESOLVED_SOURCES, Resolve

__all__ = ["code_doc", "code_sentence", "main_event_type", "clause_depth", "intent_code", "reject_code",
           "MAX_SENTENCE_TOKENS", "UNRESOLVED_SOURCES", "Resolve"]


def code_doc(doc, *, date: str | None, resolve: Resolve | None = None,
             times: Sequence[TimeExpr] = (), actorless: bool = False, typer=None) -> list[Event]:
    """Events in a parsed article body (a spaCy Doc), sentence by sentence; each sentence's main
    event first.

    ``resolve(name, label, context)`` turns a noun phrase into an Actor (by
    default the project's ActorResolver); ``times`` are the article's time
    expressions (offsets into ``doc.text``), used to date each event; else
    ``date`` (the publication date) stands.  With ``actorless``, a sentence that
    reports a typed act but whose actors resolve to no country still yields its main
    event, with no country codes, the actor's words kept in ``source_actor`` and
    confidence 0.2 (what ``eventwire code`` prints); the store keeps only events
    with a country on one side.  ``typer`` (``typer.get("minilm")``) types the verbs of a sentence
    the lexicon gives no event; None (the default) is the lexicon alone.
    """
    coder = _Coder(resolve or _default_resolve(date), date, typer=typer)
    events: list[Event] = []
    for sent in sents(doc):
        if len(sent) > MAX_SENTENCE_TOKENS:
            continue  # a list, a table or word salad run together: no sentence of news
        if _only_dateline(sent):
            continue  # "MOSCOW, March 18 (Wirewatch) --", parsed apart (nlp/breaks.py): no act
        found = _code_sentence(coder, sent, date, times)
        if not found and actorless:
            extra = _actorless_event(coder, sent, date, times)
            found = [extra] if extra is not None else []
        events.extend(found)
    return events


def _only_dateline(sent) -> bool:
    found = parse_dateline(sent.text + " ")
    return found is not None and found.end >= len(sent.text.strip())


def code_sentence(text: str, *, nlp, date: str | None = None) -> list[Event]:
    """Parse one sentence (or short text) with ``nlp`` and code it, each event dated by the text's
    time expressions read against ``date`` (as ``eventwire code`` does)."""
    from eventwire.nlp.times import find_times

    doc = nlp(text)
    return code_doc(doc, date=date, times=find_times(doc, date))
