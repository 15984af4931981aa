/* The JavaScript side of tests/test_parity.py: run the core modules on a built site.
 *
 * Reads one JSON request on stdin:
 *   { site: "<output dir>", texts: [...], words: [...], queries: [[query, filters], ...],
 *     answers: [{ leefgebieden, ladder, doelgroepen, leeftijd, wijk }, ...] }
 * and writes the results as JSON on stdout, for Python to compare with its reference.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { ShardedIndex } from "../../templates/static/js/zoeken/index.js";
import { createText } from "../../templates/static/js/zoeken/tekst.js";
import { noFilters, prepare, search } from "../../templates/static/js/zoeken/zoek.js";
import { match, outcome } from "../../templates/static/js/wegwijzer/regels.js";
import { lunr } from "./lunr.js";

const request = JSON.parse(readFileSync(0, "utf-8"));
const read = (name) => JSON.parse(readFileSync(path.join(request.site, name), "utf-8"));

const core = read("zoeken/index.json");
const text = createText(lunr, core.stammen);

/**
 * One query as the page runs it: a fresh index that has only the term lists, the
 * shards it loads for this query (their paths are returned), then the search.
 */
async function searchLazily(query, filters) {
  const data = read("zoeken/gegevens.json");
  const loaded = [];
  const load = (name) => {
    loaded.push(name);
    return Promise.resolve(read("zoeken/" + name));
  };
  const index = new ShardedIndex(lunr, core, load);
  index.addText(read("zoeken/index-tekst.json"));
  const engine = {
    lunr, text, data, index, settings: core.query,
    loadFilters: async () => {
      loaded.push("filters.json");
      data.kolommen = read("zoeken/filters.json").kolommen;
    },
  };
  const chosen = { ...noFilters(data), ...filters };
  const before = search(engine, query, chosen);
  await prepare(engine, query, chosen);
  const found = search(engine, query, chosen);
  return { ...found, loaded: loaded.sort(), readyAtOnce: before !== null };
}

const wegwijzer = read("wegwijzer/data.json");

const stem = (w) => lunr.nl.stemmer(new lunr.Token(w, {})).toString();
const stops = (w) => !lunr.nl.stopWordFilter(new lunr.Token(w, {}));

const result = {
  terms: request.texts.map((t) => text.terms(t)),
  stems: request.words.map(stem),
  stopWords: request.words.filter(stops),
  search: await Promise.all(request.queries.map(([query, filters]) => searchLazily(query, filters))),
  wegwijzer: request.answers.map((answers) => {
    const state = { stap: null, ...answers };
    const found = match(wegwijzer, state);
    const said = outcome(wegwijzer, state);
    return {
      pastNu: found.pastNu.map((a) => a.slug),
      volgendeStap: found.volgendeStap.map((a) => a.slug),
      fits: said.fits,
      message: said.message,
      nextStep: said.nextStep,
      contact: said.contact ? said.contact.naam : null,
    };
  }),
};
process.stdout.write(JSON.stringify(result));
