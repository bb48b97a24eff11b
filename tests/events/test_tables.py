import pytest

from eventwire.events.cameo import CODES, lookup, quad_of
from eventwire.events.lexicon import lexicon, parse
from eventwire.events.plover import TYPES, to_plover


def test_cameo_table_covers_the_ontology():
    assert len(CODES) >= 290
    roots = {c.root for c in CODES.values()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    for code, entry in CODES.items():
        assert code.isdigit() and 2 <= len(code) <= 4
        assert code[:2] in CODES  # every child has its root
        assert -10 <= entry.goldstein <= 10
        assert entry.quad == quad_of(code[:2])
        assert entry.name


def test_known_scores_and_quads():
    assert lookup("057").goldstein == 8.0 and lookup("057").quad == 1
    assert lookup("190").goldstein == -10.0 and lookup("190").quad == 4
    assert lookup("0841").quad == 2
    assert lookup("173").quad == 4 and lookup("112").quad == 3
    assert lookup("0419").code == "0419" and lookup("0419").root == "04"  # unknown child -> parent


def test_plover_mapping_is_total_and_valid():
    for code in CODES:
        kind, mode = to_plover(code)
        if code.startswith("01"):
            assert kind == ""
            continue
        assert kind in TYPES, code
        assert mode is None or mode in TYPES[kind].modes, code
    assert to_plover("042") == ("CONSULT", "visit")
    assert to_plover("163")[0] == "SANCTION"
    assert to_plover("0841") == ("RETREAT", "release")
    assert to_plover("195") == ("ASSAULT", "aerial")
    assert to_plover("026")[0] == "REQUEST" and to_plover("1056")[0] == "REQUEST"
    assert to_plover("125") == ("REJECT", "meet")


def test_lexicon_codes_exist():
    lex = lexicon()
    for entries in lex.verbs.values():
        for e in entries:
            assert e.code in CODES, e
    for noun, code in lex.nouns.items():
        assert code in CODES, noun
    for role in ("light", "speech", "intent", "request", "reject", "threaten"):
        assert lex.roles[role]


def test_lexicon_parser_orders_specific_entries_first():
    lex = parse("040 meet\n046 meet with  <>\nN 195 air strike\n@speech say tell\n")
    entries = lex.verbs["meet"]
    assert entries[0].code == "046" and entries[0].symmetric
    assert lex.nouns["air strike"] == "195"
    assert lex.role("speech", "tell")


@pytest.mark.parametrize("line", ["999 meet", "040 meet|see", "N 040", "N 998 summit", "meet 040", "N 150 drill|test"])
def test_lexicon_parser_names_the_bad_line(line):
    with pytest.raises(ValueError, match="bad lexicon line"):
        parse(line + "\n")


def test_the_chosen_plover_types_where_the_2021_conversion_table_differs():
    # decided in issue #11 (reasons beside the table in events/plover.py)
    assert to_plover("0813")[0] == to_plover("0814")[0] == to_plover("085")[0] == "CONCEDE"
    assert to_plover("201") == ("ASSAULT", "unconventional")
    assert to_plover("174") == ("COERCE", "deport")
    assert to_plover("0831") == ("RETREAT", "resign")
    assert to_plover("116") == ("SANCTION", "convict")
    assert to_plover("163")[0] == "SANCTION"


def test_only_the_documented_codes_part_from_the_2021_conversion_table():
    from tests.conftest import shared_path

    path = shared_path("eval", "events", "CAMEO2PLOVER-2021.txt")
    theirs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        head, sep, rest = line.partition(":")
        if sep and head.strip().isdigit():
            theirs.setdefault(head.strip(), rest.split("#")[0].split(",")[0].strip())  # "08" heads two types
    differ = {c for c, kind in theirs.items() if c in CODES and kind and to_plover(c)[0] != kind}
    assert differ <= {"0813", "0814", "085", "0831", "116", "163"}
