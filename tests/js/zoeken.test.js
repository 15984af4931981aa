/* Unit tests of the search core (templates/static/js/zoeken/), without a browser. */
import assert from "node:assert/strict";
import { describe as group, test } from "node:test";

import { ShardedIndex, vocabulary } from "../../templates/static/js/zoeken/index.js";
import { createText, undouble } from "../../templates/static/js/zoeken/tekst.js";
import {
  describe, editDistance, expand, filterCount, makeFilter, noFilters, planQuery, prepare, queryWords,
  runQuery, search, splitTerm, suggest,
} from "../../templates/static/js/zoeken/zoek.js";
import { builtJSON } from "./golden.js";
import { lunr } from "./lunr.js";

const data = { ...builtJSON("zoeken/gegevens.json"), kolommen: builtJSON("zoeken/filters.json").kolommen };
const core = builtJSON("zoeken/index.json");
const descriptions = builtJSON("zoeken/index-tekst.json");
const text = createText(lunr, core.stammen);
const loaded = [];
const load = (path) => {
  loaded.push(path);
  return Promise.resolve(builtJSON("zoeken/" + path));
};

function wholeIndex() {
  const index = new ShardedIndex(lunr, core, load);
  index.addText(descriptions);
  return index;
}

const index = wholeIndex();
await index.fetch([...core.terms, ...descriptions.terms]); // every shard, for these tests
const engine = { lunr, text, data, index, settings: core.query };
const vocab = index.vocabulary(false);
const cardTitles = [];
for (let n = 0; n * data.kaartjesPerBestand < data.documenten; n++) {
  cardTitles.push(...builtJSON("zoeken/kaartjes/" + n + ".json").kolommen.titel);
}

function titles(outcome) {
  return outcome.hits.map((h) => cardTitles[h.ref]);
}

function filters(chosen) {
  return { ...noFilters(data), ...chosen };
}

group("text", () => {
  test("folds case, diacritics and punctuation", () => {
    assert.equal(text.normalize("Café (gratis)"), "cafe gratis");
    assert.equal(text.normalize("  Geïsoleerd!  "), "geisoleerd");
  });
  test("drops stop words and stems", () => {
    assert.deepEqual(text.terms("de koffie en het praatje"), ["koffie", "praatj"]);
    assert.deepEqual(text.terms("schulden"), text.terms("schuld"));
  });
  test("query words are distinct by term and in order", () => {
    assert.deepEqual(queryWords(text, "koffie Koffie wandelen"), [["koffie", "koffie"], ["wandelen", "wandel"]]);
  });
  test("a doubled final consonant is undone, so zwemmen meets zwem", () => {
    assert.equal(undouble("zwemm"), "zwem");
    assert.equal(undouble("koff"), "kof");
    assert.equal(undouble("taal"), "taal");
    assert.equal(text.term("zwemmen"), "zwem");
  });
  test("the index's exceptions keep ouderen apart from ouders", () => {
    assert.equal(text.term("ouderen"), "ouderen");
    assert.equal(text.term("ouders"), "ouder");
    assert.notEqual(createText(lunr).term("ouderen"), "ouderen"); // without them: "ouder"
  });
});

group("query", () => {
  test("a word in the title comes first", () => {
    assert.equal(titles(search(engine, "koffie", filters()))[0], "Koffie-ochtend");
  });
  test("a zoekterm of a taxonomy term finds its activities", () => {
    assert.ok(titles(search(engine, "senioren", filters())).includes("Koffie-ochtend"));
  });
  test("a typo of five letters or more still finds the word", () => {
    assert.deepEqual(titles(search(engine, "wandelgroup", filters())), ["Wandelgroep"]);
  });
  test("a prefix finds longer words", () => {
    assert.ok(titles(search(engine, "werkpl", filters())).includes("Werkplaats De Vaart"));
  });
  test("no document with every word gives the documents with some", () => {
    const outcome = search(engine, "koffie jobcoach", filters());
    assert.equal(outcome.complete, 0);
    // The buurthuis's own page mentions koffie too.
    assert.deepEqual(
      new Set(titles(outcome)),
      new Set(["Koffie-ochtend", "Jobcoach aan het werk", "Buurthuis De Linde"]),
    );
  });
  test("user input never reaches lunr's query parser", () => {
    assert.doesNotThrow(() => search(engine, "schulden: hulp~2 +koffie -thee *", filters()));
  });
  test("documents with all words come first, then those with most", () => {
    const outcome = search(engine, "koffie buurthuis", filters());
    assert.ok(outcome.complete > 0 && outcome.complete < outcome.hits.length);
    const words = outcome.hits.map((h) => h.words);
    assert.deepEqual(words, [...words].sort((a, b) => b - a));
  });
  test("a word that matches nothing is named, and the others still count", () => {
    const outcome = search(engine, "xyzzy koffie", filters());
    assert.deepEqual(outcome.unmatched, ["xyzzy"]);
    assert.equal(outcome.complete, outcome.hits.length);
    assert.ok(outcome.hits.length > 0);
    const planned = planQuery(lunr, vocab, engine.settings, ["xyzzy", "koffie"]);
    const raw = runQuery(index.indexFor(planned.keys), planned);
    assert.deepEqual([...raw.unmatched], ["xyzzy"]);
    assert.equal(raw.active, 1);
  });
  test("a compound query word is found through its parts", () => {
    // "werkplaatsbegeleiding" is nowhere, but werkplaats and begeleid(er) are.
    assert.deepEqual(splitTerm(vocab, engine.settings.samenstelling, "koffiewandel"), [
      "koffie", "wandel",
    ]);
    assert.equal(splitTerm(vocab, engine.settings.samenstelling, "koffie"), null);
  });
  test("a typo is tried only when nothing else matches", () => {
    const exact = expand(lunr, vocab, engine.settings, "wandel");
    assert.ok(exact.terms.has("wandel") && exact.terms.size >= 1);
    assert.ok(![...exact.terms.keys()].some((t) => t !== "wandel" && !t.startsWith("wandel")));
    const typo = expand(lunr, vocab, engine.settings, "wandwl");
    assert.ok(typo.terms.has("wandel"));
  });
  test("nothing typed and no filter is no result, not everything", () => {
    assert.deepEqual(search(engine, "", filters()), { hits: [], complete: 0, unmatched: [] });
  });
  test("a word search waits for the index; filters alone do not", () => {
    const loading = { ...engine, index: null };
    assert.equal(search(loading, "koffie", filters()), null);
    assert.ok(search(loading, "", filters({ gratis: true })).hits.length > 0);
  });
});

group("filters", () => {
  test("filters alone list the activities they allow", () => {
    assert.deepEqual(
      titles(search(engine, "", filters({ toegang: ["vrij"] }))).sort(),
      ["Koffie-ochtend", "Wandelgroep"],
    );
  });
  test("voor-iedereen matches the activities without doelgroepen", () => {
    const everyone = titles(search(engine, "", filters({ doelgroep: ["voor-iedereen"] })));
    assert.deepEqual(everyone.sort(), ["Spreekuur geldzaken", "Wandelgroep"]);
  });
  test("the ladder filter takes rung numbers", () => {
    assert.deepEqual(
      titles(search(engine, "", filters({ ladder: ["6"] }))), ["Jobcoach aan het werk"],
    );
  });
  test("gratis keeps the free activities only", () => {
    // The Wandelgroep gives no kosten: unknown, so not free.
    const free = titles(search(engine, "", filters({ gratis: true }))).sort();
    assert.deepEqual(free, ["Koffie-ochtend", "Spreekuur geldzaken"]);
  });
  test("organisations have no facets, so any filter leaves them out", () => {
    const keep = makeFilter(data, filters({ gratis: true }));
    assert.equal(keep(data.activiteiten), false);
  });
  test("filters are counted across facets", () => {
    assert.equal(filterCount(data, filters({ doelgroep: ["ouderen"], wijk: ["centrum"], gratis: true })), 3);
  });
});

group("status sentence", () => {
  const found = (n, complete = n, unmatched = []) => ({
    hits: Array.from({ length: n }, (_, ref) => ({ ref, score: 1, words: 1 })),
    complete,
    unmatched,
  });
  test("counts with the query and the filters", () => {
    assert.equal(
      describe({ query: "koffie", chosen: 2, outcome: found(3), shown: 3 }),
      "3 resultaten voor ‘koffie’ met 2 filters.",
    );
    assert.equal(describe({ query: "x", chosen: 0, outcome: found(1), shown: 1 }), "1 resultaat voor ‘x’.");
  });
  test("says when nothing was typed or chosen", () => {
    assert.equal(describe({ query: " ", chosen: 0, outcome: found(0), shown: 0 }), "Typ een woord of kies een filter.");
  });
  test("says when the index is loading or failed", () => {
    assert.match(describe({ query: "x", chosen: 0, outcome: null, shown: 0 }), /wordt geladen/);
    assert.match(describe({ query: "x", chosen: 0, outcome: null, shown: 0, indexFailed: true }), /werkt nu niet/);
  });
  test("partial results, unmatched words and long lists are explained", () => {
    assert.equal(
      describe({ query: "a b", chosen: 0, outcome: found(2, 0), shown: 2 }),
      "Geen resultaten met al deze woorden. Wel 2 resultaten met een deel van de woorden.",
    );
    assert.equal(
      describe({ query: "a b", chosen: 0, outcome: found(5, 2), shown: 5 }),
      "5 resultaten voor ‘a b’: eerst 2 met alle woorden, daarna 3 met een deel ervan.",
    );
    assert.equal(
      describe({ query: "koffie xyz qq", chosen: 0, outcome: found(1, 1, ["xyz", "qq"]), shown: 1 }),
      "1 resultaat voor ‘koffie xyz qq’. Niets gevonden voor ‘xyz’ en ‘qq’.",
    );
    assert.equal(
      describe({ query: "xyz", chosen: 0, outcome: found(0, 0, ["xyz"]), shown: 0 }),
      "Geen resultaten voor ‘xyz’. Probeer een ander woord.",
    );
    assert.equal(
      describe({ query: "", chosen: 2, outcome: found(0, 0), shown: 0 }),
      "Geen resultaten met 2 filters. Probeer minder filters.",
    );
    assert.match(describe({ query: "x", chosen: 0, outcome: found(40), shown: 30 }), /De eerste 30 staan hieronder\.$/);
  });
});

group("no result", () => {
  test("edit distance counts single-letter edits", () => {
    assert.equal(editDistance("koffie", "koffie"), 0);
    assert.equal(editDistance("kofie", "koffie"), 1);
    assert.equal(editDistance("wndlgroep", "wandelgroep"), 2);
  });
  test("a close word of the index is suggested, nothing for a far one", () => {
    assert.equal(suggest(lunr, vocab, "wnadlgroep"), "wandelgroep"); // a swap and a gap
    assert.equal(suggest(lunr, vocab, "kofiie"), "koffie");
    assert.equal(suggest(lunr, vocab, "xyzzyq"), null);
    assert.equal(suggest(lunr, vocab, "kof"), null); // too short to guess
  });
});

group("the index in shards", () => {
  test("the core alone finds titles; with the descriptions, their words too", () => {
    assert.ok(titles(search(engine, "wandelgroep", filters(), true)).includes("Wandelgroep"));
    // "toeslagen" is only in the description of the Spreekuur geldzaken.
    assert.deepEqual(titles(search(engine, "toeslagen", filters(), true)), []);
    assert.deepEqual(titles(search(engine, "toeslagen", filters())), ["Spreekuur geldzaken"]);
  });
  test("a search waits for its shards and filters.json, and prepare loads them", async () => {
    const fresh = { ...engine, index: wholeIndex(), data: { ...data, kolommen: undefined } };
    fresh.loadFilters = async () => {
      fresh.data.kolommen = data.kolommen;
    };
    loaded.length = 0;
    assert.equal(search(fresh, "toeslagen", filters()), null);
    assert.equal(search(fresh, "", filters({ gratis: true })), null);
    await prepare(fresh, "toeslagen", filters({ gratis: true }));
    // "toeslagen" is a term of the descriptions only: their one shard, not the core's.
    assert.deepEqual(loaded, ["tekst/0.json"]);
    assert.deepEqual(titles(search(fresh, "toeslagen", filters({ gratis: true }))),
      ["Spreekuur geldzaken"]);
  });
  test("the term lists are sorted, with a count per term, and shards in order", () => {
    for (const part of [core, descriptions]) {
      assert.deepEqual(part.terms, [...part.terms].sort());
      assert.equal(part.df.length, part.terms.length);
      assert.ok(part.df.every((n) => n > 0));
      assert.equal(part.shards[0], 0);
    }
    const both = vocabulary(lunr, [core, descriptions]);
    assert.ok(both.has("toeslag") && both.has("wandelgroep") && !both.has("xyzzy"));
  });
});
