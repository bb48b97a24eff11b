"""Word lists and small tests the coder's stages share."""
from __future__ import annotations

import re
from typing import Callable


Resolve = Callable[[str, "str | None", str], "Actor | None"]


_NEG = {"not", "n't", "never", "no"}


_MODAL_HYPO = {"could", "might", "may", "should", "can", "must"}


_FUTURE_AUX = {"will", "shall", "'ll"}


_SCHEDULE = {"schedule", "set", "due", "expect", "poise", "slate", "plan", "go", "propose", "intend", "prepare"}


_FUTURE_ADJ = {"planned", "proposed", "upcoming", "scheduled", "expected", "future", "forthcoming", "possible"}


_CONDITION = {"if", "unless", "whether"}


_TARGET_PREPS = ("with", "against", "on", "to", "at", "toward", "towards", "into", "upon", "for", "over", "from", "between", "of")


_NOUN_TARGET_PREPS = ("on", "against", "with", "to", "at", "between", "for", "into", "of")


_PRON = {"he", "she", "they", "it", "we", "him", "her", "them", "its", "their", "his"}


_PLURAL_PRON = {"they", "them", "their", "we"}


_SUBJ = ("nsubj", "csubj")

# role verbs: they govern another act ("agreed to talk", "urged them to leave") and code nothing alone
_GOVERNING_ROLES = ("intent", "request", "demand", "reject", "threaten", "want")


# a comment on how two countries get on ("relations are in bad shape", "ties have improved")
_RELATION_NOUNS = {"relation", "relations", "relationship", "tie", "ties"}


_UPBEAT = {"improve", "improvement", "better", "positive", "progress", "hope", "hopeful", "restore", "rebuild",
           "warm", "thaw", "good", "normalize", "normalise", "succeed", "strengthen", "deepen", "mend", "repair",
           "optimistic", "productive", "constructive", "encouraging", "upturn", "breakthrough"}


_DOWNBEAT = {"bad", "worse", "worst", "strain", "strained", "deteriorate", "deterioration", "poor", "tension",
             "crisis", "dire", "sour", "chill", "damage", "pessimistic", "plunge", "worsen", "low", "frosty",
             "tense", "downturn", "rock", "rocky", "nadir"}


# "called on X to end / stop ...": a demand that X cease something
# what ending de-escalates: "halt hostilities / the fighting / attacks"
_FIGHTING = {"hostility", "hostilities", "fighting", "fight", "attack", "violence", "offensive", "shelling",
             "bombing", "bombardment", "war", "clash", "operation", "aggression", "strike", "airstrike", "assault"}
_CEASE = {"end", "stop", "cease", "halt", "abandon", "drop", "quit", "discontinue", "terminate", "suspend"}


# "imposed sanctions, punishing / targeting X": the participle's object is the target
_AIMING = {"punish", "target", "penalize", "penalise", "pressure", "isolate", "hit"}


# a nominal event heard of only as the time of another ("ahead of / after the summit") is background
# measures of an amount ("$2 billion in aid")
_QUANTITIES = {"million", "billion", "trillion", "thousand", "hundred", "dollar", "euro", "pound", "yuan", "yen",
               "rouble", "ruble", "tonne", "ton", "package", "batch", "shipment", "round", "$",
               "wave", "storm", "barrage", "flurry", "torrent", "chorus", "series", "string"}


# what is fired is not whom it is fired at
_MUNITIONS = {"missile", "rocket", "drone", "shell", "bomb", "mortar", "grenade", "round", "projectile",
              "salvo", "barrage", "torpedo", "bullet", "shot", "munition", "warhead", "artillery"}


# equipment: an actor only with a country ("Russian warships"), never bare ("a new submarine")
_HARDWARE = {"submarine", "warship", "ship", "jet", "plane", "aircraft", "carrier", "tank", "vessel",
             "system", "weapon", "launcher", "satellite", "helicopter", "bomber", "fighter", "frigate",
             "destroyer", "warplane"}


# an attack through computers ("hackers", "ransomware"), besides any word with "cyber" in it
_CYBER = {"hack", "hacker", "hacking", "ransomware", "malware", "spyware", "ddos", "phishing"}


_DISCHARGE = {"fire", "launch", "lob", "drop", "shoot", "test-fire", "test", "send"}
# what is done with arms by whoever holds them: "drones launched / flown / supplied by X" stand for X
_WIELDED = _DISCHARGE | {"operate", "fly", "pilot", "deploy", "own", "man", "use", "supply", "provide", "build",
                         "make", "manufacture", "carry", "station", "equip", "arm", "field", "crew"}


# verbs whose object is a subject matter ("discussed trade and Taiwan"), never a party
_TOPIC_VERBS = {"discuss", "debate", "negotiate", "consider", "weigh", "mull"}


# people who take the country of the place they were hit in
_VICTIM_SECTORS = {"CVL", "REL", "EDU", "HLH", "BUS", "MED", "LAB", "AGR", None}
# what an armed group holds is where it stands: "struck rebel bases inside X" is aimed at X
_HOLDINGS = {"base", "bases", "camp", "camps", "hideout", "hideouts", "position", "positions", "stronghold",
             "strongholds", "depot", "depots", "post", "posts", "outpost", "outposts", "facility", "facilities",
             "headquarters", "compound", "compounds", "warehouse", "warehouses", "target", "targets"}


# acts whose place stands for their target when no actor is named: visits and meetings held
# there, protests, shows of force, force ("struck targets in X"); not aid pledged or a statement
# made at a conference in Geneva
_PLACE_TARGET_ROOTS = {"04", "07", "14", "15", "17", "18", "19", "20"}


_TALKS = {"talk", "talks", "negotiation", "consultation", "discussion", "dialogue", "meeting", "summit"}


# levels a figure hits or strikes ("trade hit a record high"): no blow
_LEVELS = {"high", "low", "record", "peak", "level", "percent", "milestone", "bottom", "ceiling", "floor",
           "threshold", "plateau", "year-high", "year-low"}  # (not "target": "struck targets in X")


# subjects that are not actors: nature, disease, the economy
_NOT_ACTORS = {"earthquake", "quake", "magnitude", "tremor", "aftershock", "storm", "typhoon", "hurricane", "cyclone",
               "tornado", "flood", "flooding", "wildfire", "fire", "blaze", "drought", "heatwave", "tsunami", "landslide",
               "avalanche", "eruption", "volcano", "rain", "snow", "blizzard", "wind", "virus", "outbreak",
               "epidemic", "pandemic", "disease", "inflation", "price", "prices", "unemployment", "index",
               "economy", "growth", "output", "currency", "stock", "share", "market", "temperature", "heat"}


_SPORT = re.compile(
    r"\b(?:\d{1,2}-\d{1,2}|world cup|olympics?|grand slam|grand prix|penalt(?:y|ies)|innings|wickets?|bowling|"
    r"batting|semi-?finals?|quarter-?finals?|championships?|tournament|league|medals?|singles|doubles|"
    r"striker|midfielder|goalkeeper|goals?|match(?:es)?|test series|rugby|cricket|football|soccer|tennis|"
    r"marathon|race|cup final|title|ashes test|openers?|bowlers?|batsm[ae]n|batters?|stumps|wicket-?keeper|relegation|"
    r"play-?offs?|hat-trick|touchdown|fixtures?)\b", re.I)


def _sport(text: str) -> bool:
    """A sentence about a game: two cues, or a score."""
    cues = _SPORT.findall(text)
    return len(cues) >= 2 or any(re.fullmatch(r"\d{1,2}-\d{1,2}", c) for c in cues)


# sectors that are almost always the acting country's own when no country is named
# nouns of agreements (a place in their name is where they were signed: "the Paris agreement")
_PACTS = {"agreement", "accord", "treaty", "pact", "deal", "convention", "protocol", "format", "process", "declaration"}
# sectors of actors that bear arms (a clash between two of them is fighting, not a riot)
_ARMED_SECTORS = {"MIL", "REB", "UAF", "INS", "CRM", "COP", "SPY"}
_DOMESTIC_SECTORS = {"OPP", "PTY", "LEG", "JUD"}
# bodies and people that belong to the place where they act or are acted on (build._placed)
# (not companies: an airline or a firm of no stated country is as often foreign as local; not
# armed groups: "struck Kurdish militants in Iraq" says nothing of where the militants are from)
_LOCAL_SECTORS = _DOMESTIC_SECTORS | {"COP", "GOV", "CVL", "PPL", "EDU", "MED", "LAB", "HLH", "REL", "AGR"}


_TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}


# nouns that only frame an act named by their compound ("a mediation effort")
_FRAME_NOUNS = {"effort", "bid", "attempt", "initiative", "mission", "campaign", "operation", "drive", "push",
                "package"}
# nouns of a demand whose content clause is the act demanded ("its demand that Y withdraw")
# words that count people ("dozens of protesters"): the ones counted are the actor
_MULTITUDES = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores", "number",
               "group", "handful", "million", "millions", "crowd", "busload", "several", "some", "many"}
# parts of a place: their "of" object is the place ("the streets of Lima")
_PLACE_PARTS = {"street", "streets", "centre", "center", "outskirts", "heart", "suburb", "edge", "north", "south",
                "east", "west", "capital", "city", "town", "village", "province", "region", "district", "port"}
# nouns of sending people away: their "of" object is who is sent, the act's target
_REMOVALS = {"expulsion", "deportation", "eviction", "extradition", "expelling", "deporting"}
_DEMAND_NOUNS = {"demand", "insistence", "ultimatum"}
# what a reporter asks for: no request between parties ("asked the ministry for comment")
_NO_REQUEST = {"comment", "comments", "reaction", "response", "interview", "remark", "remarks", "detail", "details"}
# bodies of troops: arriving somewhere, they deploy rather than visit
_FORCES = {"troop", "troops", "soldier", "force", "peacekeeper", "contingent", "battalion", "brigade", "marine",
           "paratrooper", "deployment", "unit", "regiment", "detachment"}
# crowds whose violence is a riot
_CROWDS = {"protester", "demonstrator", "rioter", "crowd", "mob", "marcher", "student", "supporter"}
# what people suffer in an attack ("died in an air raid")
_SUFFERED = {"die", "kill", "injure", "wound", "perish", "hurt", "maim"}
# posts one is dismissed from ("dismissed the police chief")
_POSTS = {"chief", "minister", "head", "general", "commander", "official", "governor", "director", "ambassador",
          "judge", "prosecutor", "president", "premier", "cabinet", "government", "staff", "mayor", "deputy",
          "secretary", "spokesman", "spokeswoman", "officer", "adviser", "advisor", "coach", "manager", "editor"}
# texts that allow or oblige, no actors ("the law allows ...")
_RULES = {"agreement", "accord", "treaty", "pact", "deal", "law", "rule", "bill", "measure", "decision", "resolution",
          "decree", "order", "constitution", "regulation", "plan", "proposal", "framework", "arrangement", "policy"}
# relief goods and their carriers
_RELIEF = {"aid", "truck", "convoy", "food", "fuel", "supply", "supplies", "medicine", "shipment", "delivery", "relief"}
# things released that are no people freed ("released a statement / treated water / figures")
_RELEASED_THINGS = {"water", "statement", "report", "data", "video", "footage", "figure", "detail", "result",
                    "information", "document", "image", "photo", "photograph", "album", "film", "name", "list",
                    "budget", "gas", "oil", "reserve", "tranche", "fund", "funds", "money", "text", "transcript",
                    "recording", "audio", "audit", "findings", "finding", "study", "survey", "poll", "estimate",
                    "forecast", "guideline", "plan", "proposal", "draft", "version", "update", "song", "book"}
# verbs of leaving a place: troops leaving a country withdraw from it
_DEPARTING = {"leave", "quit", "exit", "vacate"}
_EXERCISES = {"exercise", "drill", "maneuver", "manoeuvre", "game", "wargame", "war-game"}
# ("at a cabinet meeting, X warned Y": the setting of what was done there)
_BACKGROUND_PREPS = {"ahead", "before", "after", "during", "following", "amid", "despite", "since", "until", "for", "at"}


_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM", "ADJ")


# nouns for texts that speak for their authors ("a report released in X alleged ...")
_DOCUMENTS = {"report", "statement", "study", "document", "communique", "communiqué", "letter", "declaration",
              "memo", "dossier", "survey", "announcement", "bulletin", "broadcast", "editorial", "white paper",
              "inquiry", "review", "assessment", "indictment", "complaint", "petition", "note", "resolution",
              "motion", "decree", "law", "bill", "edict", "directive", "ordinance", "order"}
# verbs that issue a document: its content is the issuer's act ("passed a resolution calling for ...")
_ISSUING = {"pass", "adopt", "issue", "release", "publish", "approve", "unanimously", "sign", "enact"}


def _subjunctive(verb) -> bool:
    """"(demanded) that X withdraw": a bare verb with its own subject and no modal."""
    return verb.tag_ == "VB" and any(m.dep_ == "nsubj" for m in verb.children) \
        and not any(m.tag_ == "MD" or m.dep_ == "aux" and m.lower_ == "to" for m in verb.children)


def _rung(verb) -> bool:
    """"Called X to offer condolences": a telephone call ("called on / upon / for" asks)."""
    return verb.lemma_.lower() == "call" and not any(c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon", "for")
                                                     for c in verb.children)


def _same(a, b) -> bool:
    """Two tokens are one (spaCy makes a new Token object on each access, so ``is`` fails)."""
    return a is not None and b is not None and a.i == b.i


UNRESOLVED_SOURCES = True


MAX_SENTENCE_TOKENS = 250  # longer "sentences" are not coded (their cost grows with their length)


def _has_country(actor) -> bool:
    return actor is not None and bool(actor.country or (actor.code or "").startswith("IGO"))


def _named_person(actor) -> bool:
    """A person named by name ("Evan Gershkovich"), not by a role word alone ("a journalist",
    "18 people"): only the named keep their own country, never the place's or the actor's."""
    if actor is None or actor.kind != "person":
        return False
    return not (actor.role and actor.name.lower().split()[-1:] == actor.role.lower().split()[-1:])


# the speaker's side of a victim's claim: a state, or its government, forces or police
_STATE_SECTORS = {None, "GOV", "MIL", "COP", "LEG", "SPY"}


# verbs of being, having, saying and ordinary doing that the typer leaves alone: they carry no
# event of their own, and a near prototype would be a chance resemblance
_NOT_TYPED = frozenset("""be have do get go come make take give say tell add note know think see
look seem become begin start continue remain keep include use show want need try let put set
find call mean expect report speak write read live die happen occur follow lead run
accord claim estimate quote cite""".split())


# "X called / branded / described Y (as) Z": naming a thing is judging it when Z says how
_NAMING_VERBS = {"call", "brand", "label", "dub", "term", "describe", "deem", "characterize", "characterise"}
# what a judgement names that condemns (111) ...
_DISPARAGING = {
    "mistake", "error", "blunder", "failure", "disaster", "catastrophe", "betrayal", "provocation", "provocative",
    "crime", "criminal", "violation", "breach", "farce", "sham", "travesty", "outrage", "outrageous", "disgrace",
    "disgraceful", "insult", "insulting", "threat", "aggression", "terrorism", "terrorist", "illegal", "illegitimate",
    "unlawful", "reckless", "dangerous", "irresponsible", "unacceptable", "shameful", "defective", "flawed",
    "hostile", "void", "invalid", "absurd", "baseless", "unfounded", "lie", "propaganda", "fabrication",
    "hypocritical", "cynical", "barbaric", "brutal", "cowardly", "heinous", "unprovoked", "genocide", "dictator",
    "thug", "puppet", "bad", "terrible", "horrible", "worst", "blackmail", "destabilizing", "destabilising",
    "counterproductive", "unjustified", "unjust", "racist", "fascist", "nazi", "rogue", "pariah", "appalling",
    "deplorable", "regrettable", "worrying", "alarming", "disturbing", "setback", "affront", "scandal", "abuse",
    "interference", "meddling", "occupation", "massacre", "atrocity", "slap", "stab", "ridiculous", "nonsense",
}
# ... and that praises (051); a judgement with neither is a plain comment (010)
_COMMENDING = {
    "victory", "success", "successful", "triumph", "breakthrough", "milestone", "landmark", "achievement",
    "positive", "good", "great", "excellent", "historic", "model", "win", "friend", "partner", "hero", "heroic",
    "constructive", "productive", "encouraging", "welcome", "important", "significant", "hope", "hopeful",
    "step", "progress", "brave", "courageous", "wise", "fair", "balanced", "credible", "legitimate",
}


def _verb_tagged_noun(tok) -> bool:
    """An "-ing" word the tagger took for a noun though it heads a clause with a subject and an
    auxiliary ("that it [was mediating]NN between X and Y")."""
    return tok.tag_ == "NN" and tok.lower_.endswith("ing") and tok.dep_ in ("ROOT", "ccomp", "conj", "advcl", "xcomp") \
        and any(c.dep_ == "aux" for c in tok.children) and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


# verbs by which an act draws others' answers: "..., drawing condemnation / a rebuke from X"
_DRAWING = {"draw", "prompt", "spark", "trigger", "provoke", "earn", "attract", "elicit"}
