"""Python and JavaScript give the same answers on the same built files, without a browser.

The Python references (generator.search.reference, generator.wegwijzer.rules) and the
browser's core modules (templates/static/js/zoeken/, js/wegwijzer/regels.js, run by
Node through tests/js/parity.js) get hundreds of the same questions about the built
example site; every answer must be equal: the same terms, the same hits in the same
order with scores equal to the last bit, the same wegwijzer lists and sentences.
"""

from __future__ import annotations

import bisect
import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator import urls
from generator.build import build, check
from generator.search import documents as search_documents
from generator.search import shards as search_shards
from generator.search import text as search_text
from generator.search.documents import used_languages
from generator.search.reference import (
    Filters,
    Searcher,
    plan_query,
    query_words,
    read_columns,
    read_index,
)
from generator.wegwijzer import match, outcome
from tests.helpers import REPO

PARITY_SCRIPT = REPO / "tests" / "js" / "parity.js"
SPECIAL_QUERIES = [
    "",
    "de het een",
    "schulden:",
    "hulp~2",
    "+koffie -thee",
    "Wmo-indicatie",
    "18+ 9.30 uur €5,-",
    "Taalcafé Crèche Geïsoleerd",
    "ĲSSEL İstanbul straße",
    "koffie ☕ 🙂",
    "xyzzy",
    # Compounds split at query time, stem exceptions, undoubling and typos.
    "schuldhulp",
    "zwemmen",
    "huiswerkbegeleiding",
    "computerles",
    "taallessen",
    "thuiszorg",
    "ouderen ouders",
    "detentie",
    "vervoer ouderen",
]


def run_node(request: dict[str, Any]) -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "node is needed (Node 20, as in the README)"
    done = subprocess.run(
        [node, str(PARITY_SCRIPT)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def example_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "content").rglob("*.md"))]
    texts += [(REPO / "content" / n).read_text(encoding="utf-8") for n in ("taxonomie.yaml",)]
    return texts + SPECIAL_QUERIES


def queries(site, rng: random.Random) -> list[str]:
    """Words people type: titles, their words, taxonomy names and zoektermen, typos, prefixes."""
    found: dict[str, None] = dict.fromkeys(SPECIAL_QUERIES)
    words: list[str] = []
    for activity in site.activities:
        found.setdefault(activity.titel, None)
        words += activity.titel.split()
    for kind in ("doelgroepen", "leefgebieden", "wijken"):
        for term in site.taxonomy.kind(kind):
            found.setdefault(term.naam, None)
            for zoekterm in term.zoektermen:
                found.setdefault(zoekterm, None)
                words += zoekterm.split()
    words = sorted({w.strip(".,:;()").lower() for w in words if len(w) > 2})
    for word in words:
        found.setdefault(word, None)
        if len(word) >= 6:
            cut = len(word) // 2
            found.setdefault(word[:cut] + word[cut + 1 :], None)  # a letter left out
            found.setdefault(word[: cut - 1] + word[cut] + word[cut - 1] + word[cut + 1 :], None)
            found.setdefault(word[:4], None)
            found.setdefault(word[:5], None)
    for _ in range(120):
        found.setdefault(" ".join(rng.sample(words, rng.choice((2, 2, 3)))), None)
    return list(found)


def filter_sets(site, rng: random.Random) -> list[dict[str, Any]]:
    groups = [t.id for t in site.taxonomy.doelgroepen] + ["voor-iedereen"]
    leef = [t.id for t in site.taxonomy.leefgebieden]
    wijken = [t.id for t in site.taxonomy.wijken]
    sets: list[dict[str, Any]] = [{"doelgroep": [g]} for g in groups]
    sets += [{"wijk": [w]} for w in wijken]
    sets += [{"ladder": [str(n)]} for n in range(1, 7)]
    sets += [{"toegang": [t]} for t in ("vrij", "aanmelden", "verwijzing", "indicatie")]
    sets += [{"gratis": True}, {"ladder": ["1", "2"], "gratis": True}]
    sets += [{"leeftijd": age} for age in (0, 4, 12, 17, 18, 27, 55, 67, 80, 120)]
    languages = [code for code, _ in used_languages(site)]
    kinds = [t.id for t in site.taxonomy.soorten]
    assert len(languages) > 2 and len(kinds) > 2  # the example content uses both facets
    sets += [{"taal": [code]} for code in languages] + [{"taal": languages[1:3]}]
    sets += [{"soort": [kind]} for kind in kinds] + [{"soort": kinds[:2], "gratis": True}]
    sets += [{"doelgroep": [g], "soort": [kinds[0]]} for g in groups[:3]]
    for _ in range(40):
        sets.append(
            {
                "doelgroep": rng.sample(groups, rng.randint(0, 2)),
                "leefgebied": rng.sample(leef, rng.randint(0, 2)),
                "wijk": rng.sample(wijken, rng.randint(0, 1)),
                "ladder": [str(n) for n in rng.sample(range(1, 7), rng.randint(0, 2))],
                "gratis": rng.random() < 0.3,
                "leeftijd": rng.choice([None, None, 8, 16, 30, 67]),
            }
        )
    return sets


AGES = (None, None, 0, 11, 12, 17, 18, 27, 55, 64, 65, 67, 80, 120)


def answer_sets(site, rng: random.Random) -> list[dict[str, Any]]:
    """Wegwijzer answers over every rung: none, one, some and all leefgebieden, groups,
    ages (none, and ones at and around the example's age limits) and wijken."""
    leef = [t.id for t in site.taxonomy.leefgebieden]
    groups = [t.id for t in site.taxonomy.doelgroepen]
    wijken = [t.id for t in site.taxonomy.wijken]
    chosen = [[], *([i] for i in leef), leef]
    chosen += [rng.sample(leef, rng.randint(2, len(leef) - 1)) for _ in range(4)]
    answers = []
    for rung in range(1, 7):
        for leefgebieden in chosen:
            for doelgroepen in ([], rng.sample(groups, 1), rng.sample(groups, 2)):
                for wijk in (None, rng.choice(wijken)):
                    answers.append(
                        {
                            "leefgebieden": [i for i in leef if i in leefgebieden],
                            "ladder": rung,
                            "doelgroepen": [i for i in groups if i in doelgroepen],
                            "leeftijd": rng.choice(AGES),
                            "wijk": wijk,
                        }
                    )
    return answers


@pytest.fixture(scope="module")
def example():
    site, _ = check(REPO / "content")
    return site


@pytest.fixture(scope="module")
def small_shards_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site with its index in shards of a few terms and its cards in files of
    seven, so that a query loads some of them and not others."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_shards, "SHARD_NUMBERS", 60)
        patch.setattr(search_documents, "CARDS_PER_FILE", 7)
        out = tmp_path_factory.mktemp("kleine-delen") / "out"
        build(content_dir=REPO / "content", output_dir=out)
    return out


def test_the_shards_hold_the_same_index_however_small(
    small_shards_site: Path, example_site: Path
) -> None:
    small, usual = read_index(small_shards_site), read_index(example_site)
    assert small == usual
    assert len(list((small_shards_site / "zoeken/kern").iterdir())) > 50
    assert len(list((small_shards_site / "zoeken/tekst").iterdir())) > 100
    assert read_columns(small_shards_site) == read_columns(example_site)
    assert len(list((small_shards_site / "zoeken/kaartjes").iterdir())) == 20  # 140 / 7


def as_filters(filters: dict[str, Any]) -> Filters:
    return Filters(**{k: tuple(v) if isinstance(v, list) else v for k, v in filters.items()})


def shards_of(site: Path, terms: list[str]) -> set[str]:
    """The shard files that hold these terms, as js/zoeken/index.js names them."""
    found = set()
    for part, name in (("kern", urls.SEARCH_INDEX), ("tekst", urls.SEARCH_TEXT)):
        manifest = json.loads((site / name).read_text(encoding="utf-8"))
        positions = {t: n for n, t in enumerate(manifest["terms"])}
        for term in terms:
            if term in positions:
                shard = bisect.bisect_right(manifest["shards"], positions[term]) - 1
                found.add(f"{part}/{shard}.json")
    return found


@pytest.fixture(scope="module")
def parity(example, small_shards_site: Path):
    """One Node run over every question, and the questions themselves."""
    rng = random.Random(20261201)
    texts = example_texts()
    words = sorted({w for t in texts for w in search_text.normalize(t).split()})
    words += sorted(search_text.STOP_WORDS)
    plain = [(q, {}) for q in queries(example, rng)]
    filtered = [(rng.choice(["", *[q for q, _ in plain]]), f) for f in filter_sets(example, rng)]
    filtered += [("", f) for f in filter_sets(example, rng)]
    request = {
        "site": str(small_shards_site),
        "texts": texts,
        "words": words,
        "queries": plain + filtered,
        "answers": answer_sets(example, rng),
    }
    return request, run_node(request)


def test_the_same_terms_stems_and_stop_words(parity) -> None:
    request, found = parity
    assert len(request["words"]) > 1000
    assert found["terms"] == [search_text.terms(t) for t in request["texts"]]
    assert found["stems"] == [search_text.stem(w) for w in request["words"]]
    assert set(found["stopWords"]) == search_text.STOP_WORDS


def test_each_query_loads_only_the_shards_of_its_terms(parity, small_shards_site: Path) -> None:
    """The browser loads, per query, the shards that hold the terms it matched, and
    filters.json only when a filter is chosen; nothing is there before it asks."""
    request, found = parity
    reference = Searcher.from_site(small_shards_site)
    every = len(list((small_shards_site / "zoeken/kern").iterdir()))
    every += len(list((small_shards_site / "zoeken/tekst").iterdir()))
    loaded_counts = []
    for (query, filters), outcome_js in zip(request["queries"], found["search"], strict=True):
        terms = [t for _, t in query_words(query)]
        wanted = sorted(plan_query(reference.index, terms).boosts) if terms else []
        expected = shards_of(small_shards_site, wanted)
        if not as_filters(filters).is_empty():
            expected.add("filters.json")
        assert set(outcome_js["loaded"]) == expected, query
        assert outcome_js["readyAtOnce"] == (not expected), query
        loaded_counts.append(len(expected))
    assert max(loaded_counts) < every / 4  # not the whole index
    assert sum(n > 1 for n in loaded_counts) > 100


def test_the_same_search_results(parity, small_shards_site: Path) -> None:
    request, found = parity
    reference = Searcher.from_site(small_shards_site)
    assert len(request["queries"]) >= 500
    differences = []
    for (query, filters), outcome_js in zip(request["queries"], found["search"], strict=True):
        expected = reference.search(query, as_filters(filters))
        hits = [(h["ref"], h["score"], h["words"]) for h in outcome_js["hits"]]
        # The same refs in the same order, with scores equal to the last bit, the same
        # number of complete hits and the same words that matched nothing.
        if (
            hits != [(h.ref, h.score, h.words) for h in expected.hits]
            or outcome_js["complete"] != expected.complete
            or tuple(outcome_js["unmatched"]) != expected.unmatched
        ):
            differences.append((query, filters))
    assert differences == []
    # The questions are not trivially empty.
    assert sum(bool(o["hits"]) for o in found["search"]) >= 0.8 * len(found["search"])
    assert sum(o["complete"] < len(o["hits"]) for o in found["search"]) >= 10
    assert sum(bool(o["unmatched"]) for o in found["search"]) >= 5


def test_the_same_wegwijzer_answers(parity, example) -> None:
    request, found = parity
    assert len(request["answers"]) >= 300
    differences = []
    for answers, js in zip(request["answers"], found["wegwijzer"], strict=True):
        now, nxt = match(
            example,
            answers["leefgebieden"],
            answers["ladder"],
            answers["doelgroepen"],
            answers["wijk"],
            answers["leeftijd"],
        )
        said = outcome(example, answers["leefgebieden"], answers["ladder"], answers["wijk"])
        expected = {
            "pastNu": [a.slug for a in now],
            "volgendeStap": [a.slug for a in nxt],
            "fits": said.fits,
            "message": said.message,
            "nextStep": said.next_step,
            "contact": said.contact.naam if said.contact else None,
        }
        if js != expected:
            differences.append(answers)
    assert differences == []
    assert sum(bool(js["pastNu"]) for js in found["wegwijzer"]) >= 0.5 * len(found["wegwijzer"])
    assert any(js["fits"] for js in found["wegwijzer"])
    # Every rung, ages, and both outcomes that say "no" are among the questions.
    asked = request["answers"]
    assert {a["ladder"] for a in asked} == set(range(1, 7))
    assert sum(a["leeftijd"] is not None for a in asked) >= 100
    openings = {
        "Sociale activering past",  # past
        "Sociale activering is bedoeld voor mensen met problemen",  # past_niet
        "Sociale activering is bedoeld voor mensen op trede",  # past_niet_trede
        "Je hebt geen leefgebied gekozen",  # geen (the example says je)
    }
    said = [js["message"] for js in found["wegwijzer"]]
    assert {o for o in openings if any(m.startswith(o) for m in said)} == openings
    assert len({js["contact"] for js in found["wegwijzer"]}) >= 2  # a wijk's own contact too
