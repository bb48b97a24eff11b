"""The CAMEO event ontology, as this project writes it.

One line per code: ``code goldstein short-name``.  Names are short labels in
our own words (not the manual's titles); Goldstein scores are the usual
conflict/cooperation weights (-10 .. +10).  Quad classes follow the root:
01-05 verbal cooperation (1), 06-08 material cooperation (2), 09-14 verbal
conflict (3), 15-20 material conflict (4).

``lookup(code)`` gives a ``Code``; ``CODES`` maps every code to one.
"""
from __future__ import annotations

from typing import NamedTuple

_TABLE = """
01 0 public statement
010 0 statement, unspecified
011 -0.1 declines to comment
012 -0.4 pessimistic remark
013 0.4 optimistic remark
014 0 weighs a policy option
015 0 claims or admits responsibility
016 3.4 denies responsibility
017 0 symbolic act
018 3.4 sympathy or condolence
019 3.4 voices agreement
02 3 appeal
020 3 appeal, unspecified
021 3.4 appeal for material cooperation
0211 3.4 appeal for economic cooperation
0212 3.4 appeal for military cooperation
0213 3.4 appeal for judicial cooperation
0214 3.4 appeal for intelligence sharing
022 3.2 appeal for diplomatic support
023 3.4 appeal for aid
0231 3.4 appeal for economic aid
0232 3.4 appeal for military aid
0233 3.4 appeal for humanitarian aid
0234 3.4 appeal for protection or peacekeepers
024 -0.3 appeal for political reform
0241 -0.3 appeal for a leadership change
0242 -0.3 appeal for a policy change
0243 -0.3 appeal for rights
0244 -0.3 appeal for institutional change
025 -0.3 appeal to give way
0251 -0.3 appeal to ease administrative sanctions
0252 -0.3 appeal to ease dissent
0253 -0.3 appeal to free people or property
0254 -0.3 appeal to ease economic sanctions
0255 -0.3 appeal to let outsiders in
0256 -0.3 appeal to de-escalate militarily
026 4 appeal to meet or negotiate
027 4 appeal to settle a dispute
028 4 appeal to accept mediation
03 4 express intent to cooperate
030 4 intent to cooperate, unspecified
031 5.2 intent to cooperate materially
0311 5.2 intent to cooperate economically
0312 5.2 intent to cooperate militarily
0313 5.2 intent to cooperate judicially
0314 5.2 intent to share intelligence
032 4.5 intent to cooperate diplomatically
033 5.2 intent to give aid
0331 5.2 intent to give economic aid
0332 5.2 intent to give military aid
0333 5.2 intent to give humanitarian aid
0334 6 intent to give protection or peacekeepers
034 7 intent to reform politically
0341 7 intent to change leadership
0342 7 intent to change policy
0343 7 intent to grant rights
0344 7 intent to change institutions
035 7 intent to give way
0351 7 intent to ease administrative sanctions
0352 7 intent to ease dissent
0353 7 intent to free people or property
0354 7 intent to ease economic sanctions
0355 7 intent to let outsiders in
0356 7 intent to de-escalate militarily
0357 7 intent to give way, other (Phoenix extension)
036 4 intent to meet or negotiate
037 5 intent to settle a dispute
038 7 intent to accept mediation
039 5 intent to mediate
04 1 consult
040 1 consult, unspecified
041 1 phone talks
042 1.9 visits
043 2.8 hosts a visit
044 2.5 meets at a third place
045 5 mediates
046 7 negotiates
05 3.5 diplomatic cooperation
050 3.5 diplomatic cooperation, unspecified
051 3.4 praises or endorses
052 3.5 defends in words
053 3.8 rallies support for
054 6 recognises diplomatically
055 7 apologises
056 7 forgives
057 8 signs an agreement
06 6 material cooperation
060 6 material cooperation, unspecified
061 6.4 economic cooperation
062 7.4 military cooperation
063 7.4 judicial cooperation
064 7 shares intelligence
07 7 gives aid
070 7 aid, unspecified
071 7.4 economic aid
072 8.3 military aid
073 7.4 humanitarian aid
074 8.5 protection or peacekeepers
075 7 grants asylum
08 5 yields
080 5 yields, unspecified
081 5 eases administrative sanctions
0811 5 eases limits on political freedom
0812 5 lifts a ban on parties or politicians
0813 5 lifts a curfew
0814 5 ends an emergency or martial law
082 5 eases dissent
083 5 accepts political reform
0831 5 accepts a leadership change
0832 5 accepts a policy change
0833 5 accepts rights demands
0834 5 accepts institutional change
084 7 returns or releases
0841 7 releases people
0842 7 returns property
085 7 eases economic sanctions
086 9 lets outsiders in
0861 9 accepts peacekeepers
0862 9 accepts inspectors
0863 9 allows humanitarian access
087 9 de-escalates militarily
0871 9 ceasefire or truce
0872 9 eases a blockade
0873 9 demobilises
0874 10 retreats or surrenders
09 -2 investigates
090 -2 investigation, unspecified
091 -2 investigates crime or graft
092 -2 investigates rights abuses
093 -2 investigates military action
094 -2 investigates war crimes
10 -5 demands
100 -5 demand, unspecified
101 -5 demands material cooperation
1011 -5 demands economic cooperation
1012 -5 demands military cooperation
1013 -5 demands judicial cooperation
1014 -5 demands intelligence sharing
102 -5 demands diplomatic support
103 -5 demands aid
1031 -5 demands economic aid
1032 -5 demands military aid
1033 -5 demands humanitarian aid
1034 -5 demands protection or peacekeepers
104 -5 demands political reform
1041 -5 demands a leadership change
1042 -5 demands a policy change
1043 -5 demands rights
1044 -5 demands institutional change
105 -5 demands that the target give way
1051 -5 demands easing of administrative sanctions
1052 -5 demands easing of dissent
1053 -5 demands release of people or property
1054 -5 demands easing of economic sanctions
1055 -5 demands letting outsiders in
1056 -5 demands military de-escalation
106 -5 demands a meeting or talks
107 -5 demands settling a dispute
108 -5 demands mediation
109 -5 demand, other (Phoenix extension)
11 -2 disapproves
110 -2 disapproval, unspecified
111 -2 criticises or condemns
112 -2 accuses
1121 -2 accuses of crime or graft
1122 -2 accuses of rights abuses
1123 -2 accuses of aggression
1124 -2 accuses of war crimes
1125 -2 accuses of spying or treason
113 -2 rallies opposition against
114 -2 complains officially
115 -2 sues
116 -2 finds guilty
12 -4 rejects
120 -4 rejection, unspecified
121 -4 rejects material cooperation
1211 -4 rejects economic cooperation
1212 -4 rejects military cooperation
1213 -4 rejects judicial cooperation
1214 -4 rejects intelligence sharing
122 -4 refuses aid
1221 -4 refuses economic aid
1222 -4 refuses military aid
1223 -4 refuses humanitarian aid
1224 -4 refuses protection or peacekeepers
123 -4 rejects political reform
1231 -4 rejects a leadership change
1232 -4 rejects a policy change
1233 -4 rejects rights demands
1234 -4 rejects institutional change
124 -4 refuses to give way
1241 -4 keeps administrative sanctions
1242 -4 keeps repressing dissent
1243 -4 refuses to free people or property
1244 -4 keeps economic sanctions
1245 -4 keeps outsiders out
1246 -4 refuses to de-escalate
125 -5 rejects talks
126 -5 rejects mediation
127 -5 rejects a settlement plan
128 -5 defies norms or law
129 -5 vetoes
13 -6 threatens
130 -4.4 threat, unspecified
131 -5.8 threatens non-military measures
1311 -5.8 threatens to cut aid
1312 -5.8 threatens sanctions or boycott
1313 -5.8 threatens to cut relations
132 -5.8 threatens administrative sanctions
1321 -5.8 threatens political freedoms
1322 -5.8 threatens to ban parties or politicians
1323 -5.8 threatens a curfew
1324 -5.8 threatens emergency rule
133 -5.8 threatens unrest or protest
134 -5.8 threatens to stop talks
135 -5.8 threatens to stop mediating
136 -7 threatens to end outside involvement
137 -7 threatens repression
138 -7 threatens military force
1381 -7 threatens a blockade
1382 -7 threatens occupation
1383 -7 threatens irregular violence
1384 -7 threatens a military attack
1385 -7 threatens weapons of mass destruction
139 -7 issues an ultimatum
14 -6.5 protests
140 -6.5 protest, unspecified
141 -6.5 demonstrates
1411 -6.5 demonstrates for a leadership change
1412 -6.5 demonstrates for a policy change
1413 -6.5 demonstrates for rights
1414 -6.5 demonstrates for institutional change
142 -6.5 hunger strike
1421 -6.5 hunger strike for a leadership change
1422 -6.5 hunger strike for a policy change
1423 -6.5 hunger strike for rights
1424 -6.5 hunger strike for institutional change
143 -6.5 strike or boycott
1431 -6.5 strike for a leadership change
1432 -6.5 strike for a policy change
1433 -6.5 strike for rights
1434 -6.5 strike for institutional change
144 -7.5 blocks or obstructs
1441 -7.5 blockade for a leadership change
1442 -7.5 blockade for a policy change
1443 -7.5 blockade for rights
1444 -7.5 blockade for institutional change
145 -7.5 riots
1451 -7.5 riot for a leadership change
1452 -7.5 riot for a policy change
1453 -7.5 riot for rights
1454 -7.5 riot for institutional change
15 -7.2 shows force
150 -7.2 show of force, unspecified
151 -7.2 raises police alert
152 -7.2 raises military alert
153 -7.2 mobilises police
154 -7.2 mobilises armed forces
16 -4 cuts relations
160 -4 cuts relations, unspecified
161 -4 cuts diplomatic ties
162 -5.6 cuts material aid
1621 -5.6 cuts economic aid
1622 -5.6 cuts military aid
1623 -5.6 cuts humanitarian aid
163 -8 imposes sanctions or embargo
164 -7 breaks off talks
1641 -7 halts talks, variant 1 (Phoenix extension)
1642 -7 halts talks, variant 2 (Phoenix extension)
1643 -7 halts talks, variant 3 (Phoenix extension)
165 -7 stops mediating
166 -7 expels or withdraws outsiders
1661 -7 expels peacekeepers
1662 -7 expels inspectors
1663 -7 expels aid agencies
17 -7 coerces
170 -7 coercion, unspecified
171 -9.2 seizes or damages property
1711 -9.2 confiscates
1712 -9.2 destroys property
172 -5 imposes administrative sanctions
1721 -5 restricts political freedom
1722 -5 bans parties or politicians
1723 -5 imposes a curfew
1724 -5 imposes emergency rule
173 -5 arrests or charges
174 -5 expels or deports people
175 -9 violent repression
18 -9 assaults
180 -9 assault, unspecified
181 -9 abducts or takes hostages
182 -9.5 beats or injures
1821 -9 sexual assault
1822 -9 torture
1823 -10 kills by assault
183 -10 bombing
1831 -10 suicide bombing
1832 -10 car bombing
1833 -10 roadside bombing
1834 -10 location bombing
184 -8 human shields
185 -8 assassination attempt
186 -10 assassinates
19 -10 fights
190 -10 armed force, unspecified
191 -9.5 blockades
192 -9.5 occupies territory
193 -10 small-arms fighting
194 -10 artillery or tank fire
195 -10 air strikes
1951 -10 precision air strikes
1952 -10 drone strikes
196 -9.5 breaks a ceasefire
20 -10 mass violence
200 -10 mass violence, unspecified
201 -9.5 mass expulsion
202 -10 mass killing
203 -10 ethnic cleansing
204 -10 weapons of mass destruction
2041 -10 chemical, biological or radiological attack
2042 -10 nuclear attack
"""


class Code(NamedTuple):
    code: str
    root: str
    goldstein: float
    quad: int
    name: str


def quad_of(root: str) -> int:
    """Quad class of a two-digit root: 1 verbal coop .. 4 material conflict."""
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 14 else 4


def _load() -> dict[str, Code]:
    out: dict[str, Code] = {}
    for line in _TABLE.strip().splitlines():
        code, score, name = line.split(" ", 2)
        out[code] = Code(code, code[:2], float(score), quad_of(code[:2]), name)
    return out


CODES: dict[str, Code] = _load()


def lookup(code: str) -> Code:
    """The entry for a code; an unknown child falls back to its nearest known parent."""
    c = code
    while c and c not in CODES:
        c = c[:-1]
    if not c or len(c) < 2:
        raise KeyError(code)
    entry = CODES[c]
    return entry if c == code else entry._replace(code=code)


def is_code(code: str) -> bool:
    return code in CODES
