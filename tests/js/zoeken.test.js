/* Unit tests of the search core (templates/static/js/zoeken/), without a browser. */
import assert from "node:assert/strict";
import { describe as group, test } from "node:test";

import { decodeIndex } from "../../templates/static/js/zoeken/index.js";
import { createText } from "../../templates/static/js/zoeken/tekst.js";
import {
  describe, filterCount, makeFilter, noFilters, runQuery, search,
} from "../../templates/static/js/zoeken/zoek.js";
import { builtJSON } from "./golden.js";
import { lunr } from "./lunr.js";

const text = createText(lunr);
const data = builtJSON("zoeken/gegevens.json");
const json = builtJSON("zoeken/index.json");
const engine = { lunr, text, data, index: decodeIndex(lunr, json), settings: json.query };

function titles(outcome) {
  const titel = data.kolommen.indexOf("titel");
  return outcome.hits.map((h) => data.docs[h.ref][titel]);
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
  test("query stems are distinct and in order", () => {
    assert.deepEqual(text.queryStems("koffie Koffie wandelen"), ["koffie", "wandel"]);
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
  test("no document with every word gives the documents with some (partial)", () => {
    const outcome = search(engine, "koffie jobcoach", filters());
    assert.equal(outcome.partial, true);
    // The buurthuis's own page mentions koffie too.
    assert.deepEqual(
      new Set(titles(outcome)),
      new Set(["Koffie-ochtend", "Jobcoach aan het werk", "Buurthuis De Linde"]),
    );
  });
  test("user input never reaches lunr's query parser", () => {
    assert.doesNotThrow(() => search(engine, "schulden: hulp~2 +koffie -thee *", filters()));
  });
  test("a word that matches nothing is ignored", () => {
    const outcome = runQuery(lunr, engine.index, engine.settings, ["xyzzy", "koffie"]);
    assert.equal(outcome.partial, false);
    assert.ok(outcome.hits.length > 0);
  });
  test("nothing typed and no filter is no result, not everything", () => {
    assert.deepEqual(search(engine, "", filters()), { hits: [], partial: false });
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
    const free = titles(search(engine, "", filters({ gratis: true }))).sort();
    assert.deepEqual(free, ["Koffie-ochtend", "Spreekuur geldzaken", "Wandelgroep"]);
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
  const found = (n) => ({ hits: Array.from({ length: n }, (_, ref) => ({ ref, score: 1 })), partial: false });
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
  test("partial results and long lists are explained", () => {
    assert.equal(
      describe({ query: "a b", chosen: 0, outcome: { ...found(2), partial: true }, shown: 2 }),
      "Geen resultaten met al deze woorden. Wel 2 resultaten met een deel van de woorden.",
    );
    assert.match(describe({ query: "x", chosen: 0, outcome: found(40), shown: 30 }), /De eerste 30 staan hieronder\.$/);
  });
});
