"""PETRARCH-format dictionaries: parsing, errors, dates, use by the resolver."""
from eventwire.errors import EventwireError
from eventwire.nlp.actors import ActorResolver
from eventwire.nlp.dictionary import (DictionaryIndex, load_petrarch_dictionary, pick_code,
                                      split_code)

SAMPLE = """\
# A small test dictionary written for these tests.
ASTRID_VALLMO_  [SWEGOV 060101-101231]   # served as a minister
+VALLMO_
    [SWEELI >110101]
KOFI_ADJEI_MENSAH_ [GHALEG]
+K._ADJEI_MENSAH_
NORTHERN_SALT_WORKERS_UNION_ [ZAFLAB]
BROKEN_LINE_ [SWEGOV 0601-1012]
[RUSGOV]
+ORPHAN_SYNONYM_
UNCODED_PERSON_
HARBOUR_MASTER_ {HARBOUR_MASTERS_} [~GOV]
"""


def test_split_code():
    assert split_code("RUSGOV") == ("RUS", "GOV")
    assert split_code("USAGOVMIL") == ("USA", "GOV")
    assert split_code("~COP") == (None, "COP")
    assert split_code("IGOUNO") == (None, "IGO")
    assert split_code("FRA") == ("FRA", None)


def test_parse_entries_and_collect_errors(tmp_path):
    path = tmp_path / "sample.actors.txt"
    path.write_text(SAMPLE, "utf-8")
    errors: list[EventwireError] = []
    entries = load_petrarch_dictionary(path, errors)
    phrases = [e.phrase for e in entries]
    assert phrases == ["ASTRID VALLMO", "KOFI ADJEI MENSAH", "NORTHERN SALT WORKERS UNION",
                       "HARBOUR MASTER"]
    astrid = entries[0]
    assert astrid.synonyms == ("VALLMO",)
    assert [(c.code, c.start, c.end) for c in astrid.codes] == [
        ("SWEGOV", "2006-01-01", "2010-12-31"), ("SWEELI", "2011-01-01", None)]
    assert entries[3].agent and entries[3].synonyms == ("HARBOUR MASTERS",)
    assert all(e.code == "E402" for e in errors)
    reasons = [e.detail for e in errors]
    assert reasons[0].startswith("sample.actors.txt:8: bad date")
    assert reasons[1].startswith("sample.actors.txt:9: belongs to no well-formed entry")
    assert reasons[2].startswith("sample.actors.txt:10: belongs to no well-formed entry")
    assert reasons[3].startswith("sample.actors.txt:11: entry 'UNCODED PERSON' has no code")
    assert len(errors) == 4
    assert entries[2].codes[0].code == "ZAFLAB"  # the orphan code line did not land here


def test_open_ended_range_and_dates():
    from eventwire.nlp.dictionary import parse_petrarch_dictionary
    entry = parse_petrarch_dictionary("LONG_SERVER_ [NORGOV 000101-991231]\n", "x")[0]
    assert entry.codes[0].start == "2000-01-01" and entry.codes[0].end is None
    codes = parse_petrarch_dictionary(SAMPLE, "x")[0].codes
    assert pick_code(codes, "2008-06-01") == ("SWE", "GOV")
    assert pick_code(codes, "2015-06-01") == ("SWE", "ELI")
    assert pick_code(codes, "2001-06-01") == ("SWE", None)


def test_resolver_uses_user_dictionaries(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text(SAMPLE, "utf-8")
    resolver = ActorResolver(dictionaries=[path])
    actor = resolver.resolve("Astrid Vallmo", label="PERSON", date="2009-02-02")
    assert (actor.country, actor.sector, actor.basis) == ("SWE", "GOV", "dictionary:mine.txt")
    assert resolver.resolve("Vallmo", date="2014-01-01").sector == "ELI"
    assert resolver.resolve("the Northern Salt Workers Union").country == "ZAF"
    assert resolver.resolve("a Chilean harbour master").sector == "GOV"


def test_index_lookup_by_name():
    from eventwire.nlp.dictionary import parse_petrarch_dictionary
    index = DictionaryIndex(parse_petrarch_dictionary(SAMPLE, "s"), "s")
    assert index.actor("Kofi Adjei Mensah").country == "GHA"
    assert index.actor("K. Adjei Mensah").country == "GHA"
    assert index.actor("Nobody Special") is None
