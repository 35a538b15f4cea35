"""The Python package `cable` (bindings/python): the whole query API from
Python, its errors and its threads. Run by ctest with PYTHONPATH=<build>/python,
CABLE_SOURCE_DIR and CABLE_TOOL (the `cable` program) set."""
import datetime
import json
import os
import pathlib
import subprocess
import threading

import pytest

import cable

SOURCE = pathlib.Path(os.environ.get("CABLE_SOURCE_DIR", pathlib.Path(__file__).parents[3]))
CORPUS = SOURCE / "corpus"


@pytest.fixture()
def index(tmp_path):
    calls = []
    idx = cable.Index(str(tmp_path / "db"), shards=2)
    summary = idx.add(str(CORPUS), progress=lambda done, total, cables: calls.append(done))
    assert summary.cables_added == 5
    assert summary.failed == 0
    assert summary.to_dict()["shards_rewritten"] == 0
    assert calls, "no progress was reported"
    yield idx
    idx.close()


def test_version():
    assert cable.__version__.count(".") == 2


def test_search_hits_and_plain_data(index):
    results = index.search("tag:KTIP trafficking", limit=10, facets=["tag", "year"], sort="-date")
    assert results.total >= 1 and results.total_exact
    hits = list(results)
    assert hits and len(results) == len(hits)
    hit = hits[0]
    assert hit.cable == "09PARIS268"
    assert hit.paragraph and "<b>" in hit.snippet and hit.score > 0
    data = results.to_dict()
    json.dumps(data)
    assert data["hits"][0]["cable"] == "09PARIS268"
    assert ("2009", 1) in results.facets["year"]
    assert dict(results.facets["tag"])["KTIP"] >= 1


def test_paging_sorting_grouping(index):
    everything = index.search("the", limit=100, group="paragraph", exact=True)
    assert everything.total == len(everything.hits)
    page = index.search("the", limit=2, offset=1, group="paragraph", sort="date")
    assert [h.to_dict() for h in page] == [h.to_dict() for h in index.search(
        "the", limit=3, group="paragraph", sort="date").hits[1:3]]


def test_one_thread_gives_the_same_answer(index):
    threads = index.search("the", limit=20, exact=True, facets=["tag"])
    one = index.search("the", limit=20, exact=True, facets=["tag"], shard_threads=False)
    assert threads.to_dict() == one.to_dict()


def test_query_error_has_its_position(index):
    with pytest.raises(cable.QueryError) as e:
        index.search('tag:KTIP "forced labour')
    assert e.value.position == 9
    assert "never closed" in e.value.problem
    assert isinstance(e.value, cable.Error) and isinstance(e.value, ValueError)


def test_bad_options_are_value_errors(index):
    with pytest.raises(ValueError):
        index.search("harbour", facets=["colour"])
    with pytest.raises(ValueError):
        index.search("harbour", sort="sideways")


def test_bad_arguments_are_refused_in_the_packages_words(index):
    for kwargs, error, words in [
            (dict(limit=-1), ValueError, "limit must be 0 or more, not -1"),
            (dict(offset="2"), TypeError, "offset must be an int, not str"),
            (dict(limit=True), TypeError, "limit must be an int, not bool"),
            (dict(facets=3), TypeError, "facets must be a str or a sequence of str"),
            (dict(facets=["tag", None]), TypeError, "each of facets must be a str"),
            (dict(sort=None), TypeError, "sort must be a str, not NoneType"),
            (dict(shard_threads="yes"), TypeError, "shard_threads must be a bool")]:
        with pytest.raises(error) as e:
            index.search("harbour", **kwargs)
        assert str(e.value).startswith(words), e.value
    with pytest.raises(TypeError, match="query must be a str, not bytes"):
        index.search(b"harbour")
    with pytest.raises(ValueError, match="cable_id: 'not an id' is no cable ID"):
        index.cited_by("not an id")
    with pytest.raises(TypeError, match="cable_id must be a str"):
        index.get(123)
    with pytest.raises(TypeError, match="top must be an int"):
        index.stats(top="3")


def test_facets_take_one_name_or_several(index):
    one = index.search("trafficking", facets="tag")
    several = index.search("trafficking", facets=("tag", "year"))
    assert list(one.facets) == ["tag"]
    assert one.facets["tag"] == several.facets["tag"] and "year" in several.facets


def test_dates_are_dates_and_agree_with_the_json(index):
    hit = index.search("tag:KTIP trafficking").hits[0]
    # Always a datetime (midnight when the cable gives no time), so that
    # dates sort; the text, ISO, with the time when there is one.
    assert isinstance(hit.date, datetime.datetime)
    assert hit.to_dict()["date"] in (hit.date.isoformat(timespec="minutes"),
                                     hit.date.date().isoformat())
    assert sorted(h.date for h in index.search("the", limit=20).hits)
    if "CABLE_TOOL" not in os.environ:
        pytest.skip("CABLE_TOOL is not set: no command line to compare with")
    # The sanitizer build preloads its runtime for Python; the tool has its own.
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    out = subprocess.run([os.environ["CABLE_TOOL"], "search", "--json",
                          "--db", index.path, "tag:KTIP trafficking"],
                         capture_output=True, text=True, check=True, env=env).stdout
    assert json.loads(out)["hits"][0]["date"] == hit.to_dict()["date"]
    c = index.get("09PARIS268")
    assert isinstance(c.date, datetime.datetime)
    assert c.to_dict()["date"].startswith(c.date.isoformat()[:10])
    stats = index.stats(top=2)
    assert stats.cables == len(index) == 5
    assert isinstance(stats.first_date, datetime.datetime)
    assert stats.first_date <= stats.last_date
    assert len(stats.facets["tag"]) == 2
    json.dumps(stats.to_dict())


def test_len_in_repr(index, tmp_path):
    assert len(index) == 5
    assert "09PARIS268" in index and "09paris268" in index
    assert "99NOWHERE1" not in index and "not an id" not in index and 5 not in index
    assert repr(index) == f"<cable.Index {index.path!r}: 5 cables>"
    assert "no index there yet" in repr(cable.Index(tmp_path / "none"))
    assert cable.canonical_id("08ECTION02OF02ATHENS959") == "08ATHENS959"
    assert cable.canonical_id("paris") is None
    # An ID as published that names no station is kept, as the parser keeps it.
    assert cable.canonical_id("06astana") == "06ASTANA"


def test_adding_a_missing_path_raises_before_opening_the_index(tmp_path):
    with pytest.raises(cable.Error) as e:
        cable.Index(tmp_path / "db").add(tmp_path / "missing")
    assert e.value.code == 40 and str(tmp_path / "missing") in str(e.value)
    assert not (tmp_path / "db").exists()


def test_get_cited_by_remove(index):
    c = index.get("09PARIS268")
    assert c is not None and c.id == "09PARIS268"
    assert "KTIP" in c.tags and c.paragraphs[0]["number"] == "1"
    assert c.to_dict()["id"] == "09PARIS268"
    assert index.get("99NOWHERE1") is None
    assert index.cited_by("09ATLANTIS399") == ["09ATLANTIS402"]
    assert index.remove("09PARIS268") is True
    assert index.remove("09PARIS268") is False
    assert index.get("09PARIS268") is None


def test_errors_name_the_index(tmp_path):
    with pytest.raises(cable.Error) as e:
        cable.Index(str(tmp_path / "nothing")).search("harbour")
    assert str(tmp_path / "nothing") in str(e.value)
    assert e.value.code == 70
    first = cable.Index(str(tmp_path / "db"))
    first.add(str(CORPUS / "09PARIS268.txt"))
    with pytest.raises(cable.Error, match="locked by another writer"):
        cable.Index(str(tmp_path / "db")).add(str(CORPUS))
    first.close()


def test_a_replaced_cable_rewrites_its_bulk_built_shard_with_progress(index, tmp_path):
    changed = tmp_path / "changed"
    changed.mkdir()
    (changed / "09PARIS268.txt").write_text(
        "09PARIS268\nA CHANGED CABLE\nMon Mar 09 20:15:00 +0100 2009\nUNCLASSIFIED\n"
        "Embassy Paris\n\nUNCLAS PARIS 000001\n\nTAGS: PGOV\nSUBJECT: A CHANGED CABLE\n\n"
        "1. Gunboats arrived.\n")
    rewrites = []
    summary = index.add(str(changed), on_rewrite=lambda done, total: rewrites.append((done, total)))
    assert summary.cables_replaced == 1
    assert summary.shards_rewritten == 1
    assert rewrites and rewrites[0][0] == 0 and rewrites[-1][0] == rewrites[-1][1] >= 1
    assert index.search('"gunboats arrived"').hits[0].cable == "09PARIS268"


def test_inputs_that_fail_go_to_on_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    messages = []
    summary = cable.Index(str(tmp_path / "db")).add(str(tmp_path / "empty.txt"),
                                                    on_error=messages.append)
    assert summary.failed == 1 and len(messages) == 1 and "empty.txt" in messages[0]


def test_parse_without_an_index():
    cables = cable.parse(str(CORPUS))
    assert sorted(c.id for c in cables)[0] == "08ATLANTIS77"
    assert len(cables) == 5


def test_threads_search_in_parallel(index):
    errors = []

    def work(own):
        try:
            mine = cable.Index(index.path) if own else index
            for _ in range(20):
                assert mine.search("trafficking OR harbour", facets=["tag"]).total >= 1
        except Exception as e:  # noqa: BLE001 - any failure fails the test
            errors.append(e)

    # Two threads share the index, two open their own.
    threads = [threading.Thread(target=work, args=(k % 2 == 0,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_tags_have_meanings(index):
    assert cable.tag_info("ktip") == cable.TagInfo("KTIP", "Trafficking in Persons", "program")
    assert cable.tag_info("KTPI") is None
    assert cable.tag_info("OBAMA, BARACK").kind == "person"
    assert [t.code for t in cable.tags_matching("korea")][:2] == ["KN", "KS"]
    with pytest.raises(TypeError):
        cable.tag_info(None)
    results = index.search('tag:"trafficking in persons"', facets="tag")
    assert results.total >= 1
    ktip = next(v for v in results.facets["tag"] if v.value == "KTIP")
    value, count = ktip
    assert (value, count, ktip.name) == ("KTIP", ktip.count, "Trafficking in Persons")
    tags = results.to_dict()["facets"]["tag"]
    assert {"value": "KTIP", "name": "Trafficking in Persons", "count": count} in tags
    assert index.stats().facets["tag"][0].name


def test_facet_values_copy_and_pickle():
    import copy
    import pickle
    v = cable.FacetValue("KTIP", 2, "Trafficking in Persons")
    for w in (copy.copy(v), copy.deepcopy(v), pickle.loads(pickle.dumps(v))):
        assert w == ("KTIP", 2) and w.name == "Trafficking in Persons" and w.count == 2
