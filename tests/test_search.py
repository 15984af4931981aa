"""Search: the Dutch text pipeline, the index files, and the Python reference of the query.

The browser runs the same query (tests/test_search_browser.py compares the two);
these tests pin the behaviour on a small fixture tree where every result is known.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from itertools import pairwise
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lunr.builder import Builder

from generator import urls
from generator.build import build, check
from generator.publish import dumps
from generator.search import compounds, reference, shards
from generator.search import documents as search_documents
from generator.search import index as search_index
from generator.search import text as search_text
from generator.search.encoding import encode_documents
from generator.search.reference import Filters, Searcher
from tests.helpers import NODE_MODULES, REPO, write_tree

RECENT = (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=30)).isoformat()


def _activity(titel: str, org: str, ladder: str, toegang: str, body: str, **extra: str) -> str:
    fields = [f"titel: {titel}", f"organisatie: {org}", f"ladder: {ladder}", f"toegang: {toegang}"]
    fields += [f"{key}: {value}" for key, value in extra.items()]
    fields.append(f"gecontroleerd: {RECENT}")
    return "---\n" + "\n".join(fields) + "\n---\n" + body + "\n"


def _organisation(naam: str, body: str, wijken: str = "") -> str:
    extra = f"wijken: {wijken}\n" if wijken else ""
    return f"---\nnaam: {naam}\n{extra}gecontroleerd: {RECENT}\n---\n{body}\n"


# Eight activities and three organisations; each one there for a test below.
SEARCH_CONTENT: dict[str, str] = {
    "site.yaml": (
        "titel: Sociale kaart Lindedorp\ngemeente: Lindedorp\nbasis_url: https://kaart.lindedorp.nl/\n"
    ),
    "taxonomie.yaml": (
        "doelgroepen:\n"
        "  - id: ouderen\n    naam: Ouderen\n    zoektermen: [senioren, 65-plussers]\n"
        "  - id: jongeren\n    naam: Jongeren\n    zoektermen: [tieners]\n"
        "leefgebieden:\n"
        "  - id: contact\n    naam: Sociale contacten\n    zoektermen: [ontmoeting]\n"
        "  - id: geld\n    naam: Geld\n    zoektermen: [armoede, budget]\n"
        "  - id: werk\n    naam: Werk\n    zoektermen: [baan]\n"
        "wijken:\n"
        "  - id: centrum\n    naam: Centrum\n"
        "  - id: noord\n    naam: Noord\n    zoektermen: [Noorderpark]\n"
    ),
    "organisaties/buurthuis.md": _organisation(
        "Buurthuis De Linde", "Het buurthuis in het centrum van Lindedorp.", "[centrum]"
    ),
    "organisaties/geldwijzer.md": _organisation(
        "Stichting Geldwijzer", "Wij helpen inwoners met hun administratie en met geldzorgen."
    ),
    "organisaties/vrijwilligerscentrale.md": _organisation(
        "Vrijwilligerscentrale Lindedorp", "Wij brengen vrijwilligers en organisaties bij elkaar."
    ),
    "activiteiten/koffie.md": _activity(
        "Koffieochtend voor ouderen",
        "buurthuis",
        "[1, 2]",
        "vrij",
        "Voelt u zich eenzaam? Drink een kopje koffie met buurtgenoten.",
        doelgroepen="[ouderen]",
        leefgebieden="[contact]",
        wijken="[centrum]",
        kosten="gratis",
        wanneer="Elke dinsdag van 10.00 tot 12.00 uur",
    ),
    "activiteiten/bezoek.md": _activity(
        "Huisbezoek",
        "buurthuis",
        "[1]",
        "indicatie",
        "Een vrijwilliger komt elke week op bezoek bij eenzame mensen thuis.",
        doelgroepen="[ouderen]",
        leefgebieden="[contact]",
        wijken="[noord]",
        kosten="€ 5 per maand",
    ),
    "activiteiten/taalcafe.md": _activity(
        "Taalcafé",
        "buurthuis",
        "[2, 3]",
        "vrij",
        "Oefen Nederlands in een ontspannen sfeer. Het café is open voor iedereen.",
        leefgebieden="[contact]",
    ),
    "activiteiten/schuldhulp.md": _activity(
        "Schuldhulpverlening",
        "geldwijzer",
        "[2, 3, 4]",
        "verwijzing",
        "Hulp als u betalingsachterstanden heeft. U krijgt een vaste hulpverlener.",
        leefgebieden="[geld]",
        wijken="[centrum, noord]",
        kosten="gratis",
    ),
    "activiteiten/budget.md": _activity(
        "Cursus omgaan met geld",
        "geldwijzer",
        "[3]",
        "aanmelden",
        "In vier avonden leert u een budget maken. Ook over schulden voorkomen.",
        doelgroepen="[jongeren]",
        leefgebieden="[geld]",
        wijken="[noord]",
        kosten="€ 10 voor de hele cursus",
    ),
    "activiteiten/wandelgroep.md": _activity(
        "Wandelgroep",
        "buurthuis",
        "[2, 3]",
        "vrij",
        "Samen een uur lopen in het park, in een rustig tempo. Daarna drinken we koffie.",
        doelgroepen="[ouderen]",
        leefgebieden="[contact]",
        wijken="[noord]",
        kosten="gratis",
    ),
    "activiteiten/vrijwilligerswerk.md": _activity(
        "Vrijwilligerswerk zoeken",
        "vrijwilligerscentrale",
        "[3, 4]",
        "aanmelden",
        "Op zoek naar zinvol werk zonder loon? We zoeken samen een plek die bij u past."
        " Ook wandelen met een hond van het asiel kan.",
        leefgebieden="[werk]",
    ),
    "activiteiten/jongerenwerk.md": _activity(
        "Jongerenwerk Noord",
        "buurthuis",
        "[2, 3]",
        "vrij",
        "Een plek voor tieners om te chillen en te sporten.",
        doelgroepen="[jongeren]",
        leefgebieden="[contact]",
        wijken="[noord]",
        kosten="gratis",
    ),
}


@pytest.fixture(scope="module")
def search_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tree(tmp_path_factory.mktemp("zoeken") / "content", SEARCH_CONTENT)


@pytest.fixture(scope="module")
def search_site(search_content: Path) -> Path:
    """The fixture tree, built; returns the output directory."""
    output = search_content.parent / "out"
    build(content_dir=search_content, output_dir=output)
    return output


@pytest.fixture(scope="module")
def searcher(search_site: Path) -> Searcher:
    return Searcher.from_site(search_site)


def titles(searcher: Searcher, query: str, **filters: object) -> list[str]:
    """Titles of the results, best first."""
    result = searcher.search(query, Filters(**filters))  # type: ignore[arg-type]
    return [searcher.data["kolommen"]["titel"][hit.ref] for hit in result.hits]


# --- The Dutch pipeline --------------------------------------------------------------


def test_stop_words_are_lunr_nl_s_list() -> None:
    source = (NODE_MODULES / "lunr-languages" / "lunr.nl.js").read_text(encoding="utf-8")
    listed = re.search(r"generateStopWordFilter\('([^']*)'\.split", source)
    assert listed is not None
    assert search_text.STOP_WORDS == set(listed.group(1).split())


def test_word_characters_are_lunr_nl_s_plus_digits() -> None:
    source = (NODE_MODULES / "lunr-languages" / "lunr.nl.js").read_text(encoding="utf-8")
    listed = re.search(r'lunr\.nl\.wordCharacters = "([^"]*)"', source)
    assert listed is not None
    js_chars = listed.group(1).encode("ascii").decode("unicode_escape")
    assert search_text.WORD_CHARACTERS == js_chars + "0-9"


def test_the_stemmer_is_dutch_porter_not_the_newer_dutch() -> None:
    # Snowball's newer "dutch" gives "schul" here and differs from lunr.nl.js on half the words.
    assert search_text.stem("schulden") == "schuld"
    assert search_text.stem("ouderen") == "ouder"


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("Taalcafé (gratis)!", "taalcafe gratis"),
        ("Wmo-indicatie", "wmo indicatie"),
        ("18+ jaar, 9.30 uur", "18 jaar 9 30 uur"),
        ("Geïsoleerd  —  crèche, Ærø", "geisoleerd creche ærø"),
        ("koffie ☕ 🙂 thee", "koffie thee"),
        ("schulden: hulp~2 +koffie -thee ^3 wandel*", "schulden hulp 2 koffie thee 3 wandel"),
    ],
)
def test_normalize(text: str, normalized: str) -> None:
    assert search_text.normalize(text) == normalized


def test_terms_stem_and_drop_stop_words() -> None:
    assert (
        search_text.terms("eenzaam")
        == search_text.terms("eenzaamheid")
        == search_text.terms("eenzame")
    )
    # ouderen (older people) and ouders (parents) stay apart (text.STEM_EXCEPTIONS).
    assert search_text.terms("Voor de ouderen") == ["ouderen"]
    assert search_text.terms("ouders") == ["ouder"]
    # A doubled final consonant is undone: zwemmen meets zwem(les).
    assert search_text.terms("zwemmen") == ["zwem"]
    assert search_text.terms("café") == search_text.terms("cafe")


def test_builder_indexes_exactly_as_lunr_s_own_builder_with_the_dutch_pipeline(
    search_content: Path,
) -> None:
    """DutchBuilder.add_terms is a fast path: lunr's Builder.add must give the same index."""
    site, _ = check(search_content)
    documents = search_documents.build_documents(site)
    fast = search_index.index_builder(documents)

    # lunr's own builder, fed with the same terms (our terms add exceptions, undoubling
    # and compound parts to lunr.nl's pipeline, so they are made before).
    slow = Builder()
    search_index._register_pipeline_functions()
    slow.search_pipeline.add(
        search_index.PIPELINE_FUNCTIONS["trimmer-nl"], search_index.PIPELINE_FUNCTIONS["stemmer-nl"]
    )
    slow.ref("r")
    for name, boost in search_index.FIELDS:
        slow.field(name, boost)
    for ref, doc in enumerate(documents):
        fields = {
            name: " ".join(search_index.field_terms(doc.fields[name], None))
            for name, _ in search_index.FIELDS
        }
        slow.add({"r": ref, **fields})
    slow_index = slow.build()
    assert search_index.encode_index(fast) == search_index.encode_index(slow)
    assert fast.index.serialize() == slow_index.serialize()


@pytest.mark.parametrize("with_parts", [False, True], ids=["zonder-delen", "met-delen"])
def test_the_build_s_encoding_equals_the_encoded_lunr_builder(with_parts: bool) -> None:
    """encoding.encode_documents (what the build writes) skips the Builder: it must give
    the very payload that encode_index gives of a filled Builder, on the example site."""
    site, _ = check(REPO / "content")
    documents = search_documents.build_documents(site)
    words = compounds.word_list() if with_parts else None
    if with_parts and words is None:
        pytest.skip("the Dutch word list is not installed")
    built = search_index.encode_index(search_index.terms_builder(documents, words))
    assert encode_documents(documents, words) == built
    assert len(built["terms"]) > 1000  # a real index, not an empty one


# --- The query, on the fixture tree ------------------------------------------------------


def test_stemming_finds_other_forms_of_a_word(searcher: Searcher) -> None:
    # "eenzaam" in one description, "eenzame" in the other.
    assert set(titles(searcher, "eenzaam")) == {"Koffieochtend voor ouderen", "Huisbezoek"}
    assert set(titles(searcher, "eenzaamheid")) == {"Koffieochtend voor ouderen", "Huisbezoek"}


def test_a_word_is_also_a_prefix_while_typing(searcher: Searcher) -> None:
    assert titles(searcher, "schuld")[0] == "Schuldhulpverlening"
    assert titles(searcher, "vrijwil")[0] == "Vrijwilligerswerk zoeken"


def test_one_typo_in_a_longer_word_is_tolerated(searcher: Searcher) -> None:
    assert titles(searcher, "vrijwiligerswerk") == ["Vrijwilligerswerk zoeken"]
    assert titles(searcher, "shculdhulpverlening") == ["Schuldhulpverlening"]  # swapped letters


def test_short_words_get_no_typo_tolerance(searcher: Searcher) -> None:
    # "geld" is 4 letters: a prefix, but no edit distance (else "held", "gold", ...).
    assert "Cursus omgaan met geld" in titles(searcher, "geld")
    assert titles(searcher, "gelt") == []


def test_diacritics_are_folded(searcher: Searcher) -> None:
    assert titles(searcher, "cafe") == ["Taalcafé"]
    assert titles(searcher, "taalcafe") == titles(searcher, "TAALCAFÉ") == ["Taalcafé"]


def test_zoektermen_of_a_doelgroep_find_its_activities(searcher: Searcher) -> None:
    ouderen = {"Koffieochtend voor ouderen", "Huisbezoek", "Wandelgroep"}
    assert set(titles(searcher, "senioren")) == ouderen
    assert set(titles(searcher, "65-plussers")) == ouderen


def test_zoektermen_of_a_leefgebied_and_wijk_names_are_searchable(searcher: Searcher) -> None:
    assert set(titles(searcher, "armoede")) == {"Schuldhulpverlening", "Cursus omgaan met geld"}
    noord = {
        "Huisbezoek",
        "Schuldhulpverlening",
        "Cursus omgaan met geld",
        "Wandelgroep",
        "Jongerenwerk Noord",
    }
    assert set(titles(searcher, "noorderpark")) == noord


def test_title_ranks_above_body_text(searcher: Searcher) -> None:
    # "wandelen" is in the body of Vrijwilligerswerk zoeken; Wandelgroep has it in its title.
    assert titles(searcher, "wandelen") == ["Wandelgroep", "Vrijwilligerswerk zoeken"]
    # Koffie is in the title of one and the body of another.
    assert titles(searcher, "koffie") == ["Koffieochtend voor ouderen", "Wandelgroep"]


def test_organisations_are_found_too(searcher: Searcher) -> None:
    found = titles(searcher, "geldwijzer")
    assert found[0] == "Stichting Geldwijzer"
    assert set(found[1:]) == {"Schuldhulpverlening", "Cursus omgaan met geld"}
    ref = searcher.search("geldwijzer").hits[0].ref
    assert searcher.data["kolommen"]["url"][ref] == "organisaties/geldwijzer/"


def test_entries_with_every_word_come_first_then_those_with_most(searcher: Searcher) -> None:
    result = searcher.search("koffie ouderen")
    assert result.complete == 2
    assert titles(searcher, "koffie ouderen")[:2] == ["Koffieochtend voor ouderen", "Wandelgroep"]
    # Then what has one of the words, such as the Huisbezoek for ouderen.
    assert "Huisbezoek" in titles(searcher, "koffie ouderen")[2:]


def test_when_no_entry_has_every_word_entries_with_some_are_shown(searcher: Searcher) -> None:
    result = searcher.search("koffie schuldhulpverlening")
    assert result.partial
    assert titles(searcher, "koffie schuldhulpverlening")[0] == "Schuldhulpverlening"


def test_a_word_found_nowhere_is_ignored_and_stop_words_are_dropped(searcher: Searcher) -> None:
    assert titles(searcher, "wandelgroep xyzzyq") == ["Wandelgroep"]
    assert titles(searcher, "voor de wandelgroep") == ["Wandelgroep"]
    assert titles(searcher, "de het een") == []
    assert titles(searcher, "") == []


@pytest.mark.parametrize(
    "query", ["schulden:", "hulp~2", "+koffie -thee", "wandel*", "^3", "t:koffie", "\\", "***"]
)
def test_lunr_query_syntax_in_user_input_is_just_text(searcher: Searcher, query: str) -> None:
    searcher.search(query)  # never raises QueryParseError


def test_results_are_ordered_by_score_then_site_order(searcher: Searcher) -> None:
    hits = searcher.search("senioren").hits
    assert [(-h.score, h.ref) for h in hits] == sorted((-h.score, h.ref) for h in hits)


# --- Filters ---------------------------------------------------------------------------


def test_filters_alone_list_matching_activities_in_site_order(searcher: Searcher) -> None:
    # Site order: lightest toegang first, then title. An activity without doelgroepen is
    # for everyone, so it applies to ouderen too.
    assert titles(searcher, "", doelgroep=("ouderen",)) == [
        "Koffieochtend voor ouderen",
        "Taalcafé",
        "Wandelgroep",
        "Vrijwilligerswerk zoeken",
        "Schuldhulpverlening",
        "Huisbezoek",
    ]


def test_a_wijk_filter_keeps_what_is_for_the_whole_municipality(searcher: Searcher) -> None:
    # Koffieochtend is in Centrum; Taalcafé and Vrijwilligerswerk name no wijk.
    assert titles(searcher, "", wijk=("centrum",)) == [
        "Koffieochtend voor ouderen",
        "Taalcafé",
        "Vrijwilligerswerk zoeken",
        "Schuldhulpverlening",
    ]


def test_several_values_of_one_facet_mean_any_of_them(searcher: Searcher) -> None:
    assert titles(searcher, "", doelgroep=("jongeren", "ouderen")) == [
        "Jongerenwerk Noord",
        "Koffieochtend voor ouderen",
        "Taalcafé",
        "Wandelgroep",
        "Cursus omgaan met geld",
        "Vrijwilligerswerk zoeken",
        "Schuldhulpverlening",
        "Huisbezoek",
    ]


def test_voor_iedereen_means_activities_without_doelgroep(searcher: Searcher) -> None:
    assert titles(searcher, "", doelgroep=("voor-iedereen",)) == [
        "Taalcafé",
        "Vrijwilligerswerk zoeken",
        "Schuldhulpverlening",
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"ladder": ("4",)}, ["Vrijwilligerswerk zoeken", "Schuldhulpverlening"]),
        (
            {"leefgebied": ("geld",), "wijk": ("noord",)},
            ["Cursus omgaan met geld", "Schuldhulpverlening"],
        ),
        (
            # Taalcafé gives no kosten: unknown, so not free.
            {"toegang": ("vrij",), "gratis": True},
            ["Jongerenwerk Noord", "Koffieochtend voor ouderen", "Wandelgroep"],
        ),
        (
            {"toegang": ("aanmelden", "verwijzing")},
            ["Cursus omgaan met geld", "Vrijwilligerswerk zoeken", "Schuldhulpverlening"],
        ),
        ({"gratis": True, "ladder": ("1",)}, ["Koffieochtend voor ouderen"]),
        (
            {"wijk": ("centrum",), "doelgroep": ("jongeren",)},
            ["Taalcafé", "Vrijwilligerswerk zoeken", "Schuldhulpverlening"],
        ),
        # An unknown doelgroep: only what is for everyone applies.
        (
            {"doelgroep": ("bestaat-niet",)},
            ["Taalcafé", "Vrijwilligerswerk zoeken", "Schuldhulpverlening"],
        ),
        ({"ladder": ("zeven",)}, []),
    ],
)
def test_filters_combine_with_each_other(
    searcher: Searcher, filters: dict[str, object], expected: list[str]
) -> None:
    assert titles(searcher, "", **filters) == expected


def test_filters_combine_with_the_query(searcher: Searcher) -> None:
    assert titles(searcher, "koffie") == ["Koffieochtend voor ouderen", "Wandelgroep"]
    assert titles(searcher, "koffie", wijk=("noord",)) == ["Wandelgroep"]
    assert titles(searcher, "eenzaam", gratis=True) == ["Koffieochtend voor ouderen"]
    # Organisations have no facets: with a filter they are left out.
    assert "Stichting Geldwijzer" not in titles(searcher, "geldwijzer", leefgebied=("geld",))


# --- The files -------------------------------------------------------------------------


def read_json(site: Path, name: str) -> dict:
    return json.loads((site / name).read_text(encoding="utf-8"))


def test_the_index_has_numeric_refs_and_the_query_settings(search_site: Path) -> None:
    index = reference.read_index(search_site)
    assert index["fields"] == ["t", "z", "k", "s", "b"]
    assert index["pipeline"] == ["trimmer-nl", "stemmer-nl"]
    assert index["query"] == search_index.QUERY_SETTINGS
    assert index["terms"] == sorted(index["terms"])
    assert "/" not in (search_site / urls.SEARCH_INDEX).read_text(encoding="utf-8")
    assert index["boosts"] == [10, 8, 3, 0.5, 2]
    assert index["stammen"] == search_text.STEM_EXCEPTIONS
    assert index["woordenlijst"].startswith("dutch sha256:")  # wdutch, as make test installs
    documents = 8 + 3
    assert [len(lengths) for lengths in index["lengths"]] == [documents] * 5
    assert len(index["idf"]) == len(index["postings"]) == len(index["terms"])
    # "koffie" is in two bodies, and a part of the title "Koffieochtend" (a compound):
    # per field [ref, tf, ref - previous, tf, ...].
    koffie = index["postings"][index["terms"].index("koffie")]
    refs = [
        n
        for n, title in enumerate(reference.read_columns(search_site)["titel"])
        if title in ("Koffieochtend voor ouderen", "Wandelgroep")
    ]
    assert koffie == [[refs[0], 1], [], [], [], [refs[0], 1, refs[1] - refs[0], 1]]


@pytest.mark.parametrize("numbers", [shards.SHARD_NUMBERS, 30, 1])
def test_the_index_comes_in_shards_that_join_back_exactly(
    search_content: Path, numbers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """index.json and its shards (titles, zoektermen, taxonomy) first; index-tekst.json and
    its shards (descriptions) after; however small the shards, they join back exactly."""
    monkeypatch.setattr(shards, "SHARD_NUMBERS", numbers)
    site, _ = check(search_content)
    full = search_index.encode_index(
        search_index.index_builder(search_documents.build_documents(site))
    )
    core, core_shards, text, text_shards = shards.split(full)
    assert shards.join(core, core_shards, text, text_shards) == full
    # A word only in a description is only in the second part.
    assert "betalingsachterstand" in text["terms"] and "betalingsachterstand" not in core["terms"]
    assert "wandelgroep" in core["terms"]
    for manifest, parts in ((core, core_shards), (text, text_shards)):
        assert manifest["shards"][0] == 0 and manifest["shards"] == sorted(manifest["shards"])
        sizes = [len(p["idf"]) for p in parts]
        assert sizes == [b - a for a, b in pairwise([*manifest["shards"], len(manifest["terms"])])]
    if numbers == 1:  # a term per shard
        assert len(core_shards) == len(core["terms"]) and len(text_shards) == len(text["terms"])
    # Per field [ref step, tf, length]: the length of the field in that document.
    position = core["terms"].index("wandelgroep")
    shard = max(n for n, start in enumerate(core["shards"]) if start <= position)
    row = core_shards[shard]["postings"][position - core["shards"][shard]]
    title = core["fields"].index("t")
    ref = row[title][0]
    assert row[title][1:3] == [1, full["lengths"][title][ref]] == [1, 1]  # "Wandelgroep"


def test_the_display_data_holds_what_a_result_shows(search_site: Path) -> None:
    """gegevens.json: the facets; filters.json: what they read; kaartjes/N.json: the cards."""
    data = json.loads((search_site / urls.SEARCH_DATA).read_text(encoding="utf-8"))
    assert (data["activiteiten"], data["documenten"]) == (8, 8 + 3)
    assert "kolommen" not in data
    filters = json.loads((search_site / urls.SEARCH_FILTERS).read_text(encoding="utf-8"))
    assert set(filters["kolommen"]) == set(search_documents.FILTER_COLUMNS)
    assert {len(column) for column in filters["kolommen"].values()} == {8}
    cards = json.loads((search_site / urls.search_cards(0)).read_text(encoding="utf-8"))
    assert not (search_site / urls.search_cards(1)).exists()  # 11 documents: one file
    columns = cards["kolommen"]
    assert set(columns) == set(search_documents.CARD_COLUMNS)
    assert [len(columns[name]) for name in ("titel", "url", "fragment")] == [8 + 3] * 3
    assert {len(c) for n, c in columns.items() if n not in ("titel", "url", "fragment")} == {8}
    first = {name: column[0] for name, column in {**columns, **filters["kolommen"]}.items()}
    assert first == {
        "titel": "Jongerenwerk Noord",
        "url": "activiteiten/jongerenwerk/",
        "fragment": "Een plek voor tieners om te chillen en te sporten.",
        "organisatie": "Buurthuis De Linde",
        "toegang": 0,  # vrij
        "gratis": 1,
        "iedereen": 0,
        "wanneer": first["wanneer"],
        "waar": first["waar"],
        "rooster": first["rooster"],
        "leeftijdstekst": "",
        "ladder": first["ladder"],
        "doelgroepen": first["doelgroepen"],
        "leefgebieden": first["leefgebieden"],
        "wijken": first["wijken"],
        "leeftijd": [None, None],  # no leeftijd: every age
        "talen": [data["talen"].index(["nl", "Nederlands"])],  # no talen: Dutch
        "soorten": [],  # none named
    }
    assert first["doelgroepen"]  # so not "voor iedereen"
    assert (columns["titel"][-1], columns["url"][-1], columns["fragment"][-1]) == (
        "Vrijwilligerscentrale Lindedorp",
        "organisaties/vrijwilligerscentrale/",
        "Wij brengen vrijwilligers en organisaties bij elkaar.",
    )


def test_the_cards_come_in_files_of_a_fixed_size(
    search_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_documents, "CARDS_PER_FILE", 4)
    out = tmp_path / "out"
    build(content_dir=search_content, output_dir=out)
    data = json.loads((out / urls.SEARCH_DATA).read_text(encoding="utf-8"))
    assert data["kaartjesPerBestand"] == 4
    files = [json.loads((out / urls.search_cards(n)).read_text("utf-8")) for n in range(3)]
    assert not (out / urls.search_cards(3)).exists()
    # Refs 0-3 and 4-7 are activities; 8-10 the three organisations.
    assert [len(f["kolommen"]["titel"]) for f in files] == [4, 4, 3]
    assert [len(f["kolommen"]["organisatie"]) for f in files] == [4, 4, 0]
    assert files[2]["kolommen"]["titel"][-1] == "Vrijwilligerscentrale Lindedorp"


def test_every_word_of_a_long_description_is_indexed(tmp_path: Path) -> None:
    words = " ".join(f"woord{n}" for n in range(2000))
    files = dict(SEARCH_CONTENT)
    files["activiteiten/lang.md"] = _activity(
        "Lang verhaal", "buurthuis", "[3]", "vrij", words, locatie="Bibliotheek Veenhof"
    )
    site, _ = check(write_tree(tmp_path / "content", files))
    index = search_index.build_index(search_documents.build_documents(site))
    assert {"woord0", "woord1999", "veenhof"} <= set(index.inverted_index)


def test_the_snippet_is_short_and_plain_text(tmp_path: Path) -> None:
    body = "Dit is **vet** en een [link](https://example.org). " + "Nog een zin erbij. " * 20
    files = dict(SEARCH_CONTENT)
    files["activiteiten/opmaak.md"] = _activity("Opmaak", "buurthuis", "[3]", "vrij", body)
    site, _ = check(write_tree(tmp_path / "content", files))
    docs = search_documents.build_documents(site)
    snippet = next(d.display["fragment"] for d in docs if d.fields["t"] == "Opmaak")
    assert snippet.startswith("Dit is vet en een link")
    assert "*" not in snippet and "](" not in snippet
    assert len(snippet) <= search_documents.SNIPPET_CHARS + 2


def test_the_files_are_deterministic(search_content: Path, tmp_path: Path) -> None:
    build(content_dir=search_content, output_dir=tmp_path / "a")
    build(content_dir=search_content, output_dir=tmp_path / "b")
    for name in (urls.SEARCH_DATA, urls.SEARCH_INDEX, urls.SEARCH_TEXT):
        first = (tmp_path / "a" / name).read_bytes()
        assert first == (tmp_path / "b" / name).read_bytes()
        assert first.decode("utf-8") == dumps(json.loads(first)) + "\n"


@pytest.mark.parametrize("content", ["fixture", "example"])
def test_the_compact_index_scores_as_lunr_s_own_index(search_content: Path, content: str) -> None:
    """decode(encode(...)) recomputes lunr's scores from idf, tf and field lengths.

    lunr rounds scores to 3 decimals and we ship idf with 4, so scores agree to
    about 0.1%, and results come in the same order except between near-ties.
    """
    site, _ = check(search_content if content == "fixture" else REPO / "content")
    builder = search_index.index_builder(search_documents.build_documents(site))
    decoded = search_index.decode_index(json.loads(dumps(search_index.encode_index(builder))))
    queries = [
        "koffie",
        "senioren",
        "schuld",
        "vrijwiligerswerk",
        "eenzaam noord",
        "geld",
        "hulp bij schulden",
        "taal",
        "werk zoeken",
        "mantelzorg",
        "jongeren sport",
    ]
    for query in queries:
        stems = [t for _, t in reference.query_words(query)]
        expected = {h.ref: h.score for h in reference.run_query(builder.index, stems)[0]}
        found = {h.ref: h.score for h in reference.run_query(decoded, stems)[0]}
        assert found.keys() == expected.keys(), query
        for ref, score in found.items():
            assert score == pytest.approx(expected[ref], rel=2e-3, abs=2e-3), (query, ref)


def test_a_plain_text_shortcut_gives_the_same_text_as_markup(tmp_path: Path) -> None:
    from generator.markup import plain_text

    samples = [
        "Gewoon tekst, met € 5 en 9.30 uur.\n\nTweede alinea - met streepje.",
        "- lijst\n- item",
        "1. een\n2. twee",
        "Kop\n---\nTekst",
        "Kop\n===",
        "*nadruk*",
        "[link](https://x.nl)",
        "<b>x</b>",
        "&amp; en",
        "    code",
        "> quote",
        "2026. Jaar",
        "Regel  \nnieuwe regel",
        "e-mail: a@b.nl of https://x.nl/a?b=c",
    ]
    samples += [
        p.read_text(encoding="utf-8").split("---\n", 2)[2]
        for p in sorted((REPO / "content").glob("*/*.md"))
    ]
    for sample in samples:
        assert search_documents._text(sample) == plain_text(sample), sample


# --- The page ---------------------------------------------------------------------------


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_search_page_loads_lunr_and_its_data_with_relative_urls(search_site: Path) -> None:
    page = soup(search_site / "zoeken" / "index.html")
    scripts = [s["src"] for s in page.find_all("script")]
    assert scripts == [
        "../static/js-aan.js",
        "../static/vendor/lunr.min.js",
        "../static/vendor/lunr.stemmer.support.min.js",
        "../static/vendor/lunr.nl.min.js",
        "../static/js/zoeken/pagina.js",
        "../static/js/lijstje/knop.js",  # on every page: "Zet op mijn lijstje"
    ]
    assert page.find("script", src="../static/js/zoeken/pagina.js")["type"] == "module"
    app = page.find(id="zoeken")
    assert app["data-root"] == "../"
    assert app["data-gegevens"] == "gegevens.json"
    assert app["data-index"] == "index.json"
    assert page.find(id="zoekresultaten") is not None
    assert page.find(attrs={"role": "status", "aria-live": "polite"}) is not None
    for name in ("lunr.min.js", "lunr.stemmer.support.min.js", "lunr.nl.min.js"):
        assert (search_site / "static" / "vendor" / name).is_file()


def test_the_search_page_offers_the_listing_pages_without_javascript(search_site: Path) -> None:
    page = soup(search_site / "zoeken" / "index.html")
    links = {a["href"] for a in page.select(".zk-lijsten a")}
    assert {"../doelgroepen/", "../ladder/", "../wijken/", "../leefgebieden/"} <= links
    assert page.find(id="zoeken").has_attr("hidden")  # js/zoeken/pagina.js shows it
    assert not page.find(id="zk-zonder-js").has_attr("hidden")


def test_the_filters_are_in_the_form_with_the_url_parameter_names(search_site: Path) -> None:
    page = soup(search_site / "zoeken" / "index.html")
    boxes = page.select('input[type="checkbox"]')
    assert all(box["form"] == "zoekformulier" for box in boxes)
    names = {box["name"] for box in boxes}
    assert names == {"doelgroep", "ladder", "leefgebied", "wijk", "toegang", "gratis"}
    values = {box["value"] for box in boxes if box["name"] == "doelgroep"}
    assert values == {"ouderen", "jongeren", "voor-iedereen"}


@pytest.mark.parametrize(
    ("page_file", "action"),
    [
        ("index.html", "zoeken/"),
        ("activiteiten/koffie/index.html", "../../zoeken/"),
        ("doelgroepen/ouderen/index.html", "../../zoeken/"),
        ("404.html", "/zoeken/"),
    ],
)
def test_every_page_has_a_search_box_that_leads_to_the_search_page(
    search_site: Path, page_file: str, action: str
) -> None:
    form = soup(search_site / page_file).select_one("header form[role=search]")
    assert form is not None and form["action"] == action and form["method"] == "get"
    field = form.find("input", attrs={"name": "q"})
    label = form.find("label")
    assert label is not None and label["for"] == field["id"] and label.get_text(strip=True)


def test_the_search_page_has_no_second_search_box_in_its_header(search_site: Path) -> None:
    page = soup(search_site / "zoeken" / "index.html")
    assert page.select("header form") == []
    assert len(page.find_all("input", attrs={"name": "q"})) == 1


def test_the_municipality_s_own_vocabulary_connects_words(tmp_path: Path) -> None:
    files = dict(SEARCH_CONTENT)
    files["zoekwoorden.yaml"] = "groepen:\n  - [schuldhulpverlening, rood staan]\n"
    out = tmp_path / "out"
    build(content_dir=write_tree(tmp_path / "content", files), output_dir=out)
    searcher = Searcher.from_site(out)
    assert titles(searcher, "rood staan")[0] == "Schuldhulpverlening"
    # Without the file, nothing says so.
    assert (
        titles(Searcher.from_site(_built(tmp_path / "zonder", SEARCH_CONTENT)), "rood staan") == []
    )


def _built(root: Path, files: dict[str, str]) -> Path:
    build(content_dir=write_tree(root / "content", files), output_dir=root / "out")
    return root / "out"


def test_the_fast_field_vectors_equal_lunrs_own() -> None:
    """DutchBuilder makes each field vector at once; lunr's Builder inserts one by one.
    Both give the same elements for every field of every document of the example."""
    from lunr.builder import Builder

    from generator.build import check
    from generator.search import compounds
    from generator.search.documents import build_documents
    from generator.search.index import index_builder

    site, _ = check(Path(__file__).resolve().parent.parent / "content")
    builder = index_builder(build_documents(site), compounds.word_list())
    ours = {ref: list(v.elements) for ref, v in builder.field_vectors.items()}
    Builder._create_field_vectors(builder)
    theirs = {ref: list(v.elements) for ref, v in builder.field_vectors.items()}
    assert ours == theirs and len(ours) > 500


def test_the_word_list_is_kept_as_a_trie_and_read_back_the_same(tmp_path, monkeypatch) -> None:
    """The normalized word list is kept in the cache folder and mapped in by the next
    build; a damaged file is made again, and another list gets a file of its own."""
    source = tmp_path / "woorden"
    source.write_text("zwemmen\nZwem\nles\nArbeid\nmarkt\nab\n", encoding="utf-8")
    cache = tmp_path / "cache"
    made = compounds.WordList.from_file(source, cache)
    assert sorted(made.words.keys()) == ["arbeid", "les", "markt", "zwem", "zwemmen"]
    assert made.parts("zwemles") == ("zwem", "les")
    [kept] = cache.glob("woordenlijst-*.marisa")

    def not_again(_data: bytes) -> set[str]:
        raise AssertionError("the kept trie should have been read")

    with monkeypatch.context() as patched:
        patched.setattr(compounds, "_normalized", not_again)
        again = compounds.WordList.from_file(source, cache)
    assert (again.source, sorted(again.words.keys())) == (made.source, sorted(made.words.keys()))
    assert again.parts("arbeidsmarkt") == ("arbeid", "markt")

    kept.write_bytes(b"kapot")
    mended = compounds.WordList.from_file(source, cache)
    assert sorted(mended.words.keys()) == sorted(made.words.keys())
    assert kept.stat().st_size > len(b"kapot")  # kept again, whole

    source.write_text("zwemmen\n", encoding="utf-8")
    assert list(compounds.WordList.from_file(source, cache).words.keys()) == ["zwemmen"]
    assert len(list(cache.glob("woordenlijst-*.marisa"))) == 2
    assert not list(cache.glob("*.deel"))
    assert compounds.WordList.from_file(source, None).words.keys() == ["zwemmen"]  # no cache
    blocked = tmp_path / "geen-map"
    blocked.write_text("een bestand waar de cache zou komen", encoding="utf-8")
    assert compounds.WordList.from_file(source, blocked).words.keys() == ["zwemmen"]
