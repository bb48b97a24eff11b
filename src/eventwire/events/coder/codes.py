"""Typing: how a governing verb shifts the code of the act it governs (intent, request,
demand, rejection, threat)."""
from __future__ import annotations

from eventwire.events.plover import to_plover
from .words import _CYBER



def _pick(code: str, table: dict[str, str], default: str) -> str:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return default


_INTENT = {"01": "", "02": "", "03": "", "10": "", "11": "", "12": "", "13": "",
           "04": "036", "045": "039", "046": "036", "05": "032", "057": "030", "06": "031", "061": "0311",
           "062": "0312", "063": "0313", "064": "0314", "07": "033", "071": "0331", "072": "0332",
           "073": "0333", "074": "0334", "08": "035", "081": "0351", "082": "0352", "083": "034",
           "084": "0353", "085": "0354", "086": "0355", "087": "0356",
           "09": "", "14": "133", "15": "", "16": "131", "161": "1313", "162": "1311", "163": "1312",
           "164": "134", "165": "135", "166": "136", "17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323",
           "1724": "1324", "173": "", "174": "",
           "18": "138", "19": "138", "191": "1381", "192": "1382", "20": "1385"}


_REQUEST = {"04": "026", "045": "028", "03": "022", "05": "022", "057": "027", "06": "021", "061": "0211",
            "062": "0212", "063": "0213", "064": "0214", "07": "023", "071": "0231", "072": "0232",
            "073": "0233", "074": "0234", "08": "025", "081": "0251", "082": "0252", "083": "024",
            "0831": "0241", "0832": "0242", "084": "0253", "085": "0254", "086": "0255", "087": "0256"}


_DEMAND = {"04": "106", "045": "108", "03": "102", "05": "102", "057": "107", "06": "101", "061": "1011",
           "062": "1012", "063": "1013", "064": "1014", "07": "103", "071": "1031", "072": "1032",
           "073": "1033", "074": "1034", "08": "105", "081": "1051", "082": "1052", "083": "104",
           "0831": "1041", "0832": "1042", "084": "1053", "085": "1054", "086": "1055", "087": "1056"}


_REJECT = {"036": "125", "04": "125", "045": "126", "039": "126", "03": "120", "033": "122", "0331": "1221",
           "0332": "1222", "0333": "1223", "0334": "1224", "031": "121", "0311": "1211", "0312": "1212",
           "05": "120", "057": "127", "037": "127", "06": "121", "061": "1211", "062": "1212",
           "063": "1213", "064": "1214", "07": "122", "071": "1221", "072": "1222", "073": "1223",
           "074": "1224", "08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231",
           "0832": "1232", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
           "034": "123", "035": "124", "0353": "1243", "0354": "1244", "0355": "1245", "0356": "1246"}


_THREAT = {"16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
           "166": "136", "14": "133", "17": "137", "172": "132", "1723": "1323", "1724": "1324",
           "18": "138", "19": "138", "190": "1384", "193": "1384", "194": "1384", "195": "1384",
           "191": "1381", "192": "1382", "183": "1383", "20": "1385"}


def intent_code(code: str) -> str:
    """The 03x (or 13x) intent code for a code stated as a plan or promise."""
    shifted = _pick(code, _INTENT, "030")
    return shifted or code


def reject_code(code: str) -> str | None:
    """The 12x code for refusing a cooperative act; None when CAMEO has none."""
    if code[:2] in ("12",) or code[:2] > "08" and code[:2] != "09":
        return None
    return _pick(code, _REJECT, "")


# PLOVER types of acts done, not said: stated as a plan or a promise they are PLOVER's AGREE
_ACTS_OF_COOPERATION = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}


def plover_of(code: str, *, future: bool = False, negated: bool = False) -> tuple[str, str | None]:
    """(PLOVER type, mode) of an act coded ``code``.

    CAMEO practice keeps a plain future act's own code ("will meet" stays 040, flagged future);
    PLOVER files every act of cooperation still to come under AGREE (it "says it will
    cooperate, settle, or give something"), so such an act is typed AGREE, with no mode."""
    kind, mode = to_plover(code)
    if future and not negated and kind in _ACTS_OF_COOPERATION:
        return "AGREE", None
    return kind, mode


def cyber_act(f) -> bool:
    """Whether the act is done through computers: "hacked", "a cyberattack", "hackers targeted"."""
    words = [*f.head.subtree, *f.trigger] + [w for c in f.head.children if c.dep_ == "nsubj" for w in c.subtree]
    return any("cyber" in w.lower_ or w.lemma_.lower() in _CYBER for w in words)
