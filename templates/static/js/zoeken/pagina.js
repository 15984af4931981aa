/* Search on /zoeken/: the page (form, URL state, results); the logic is in zoek.js.
 *
 * Loads zoeken/gegevens.json (the facets) and zoeken/index.json (the terms of the core
 * of the index) and searches as you type: for each query only the shards of the index
 * that hold its terms (index.js), and the card files of the results on screen
 * (zoeken/kaartjes/N.json). Then zoeken/index-tekst.json (the terms of the
 * descriptions), after which results are complete, and zoeken/filters.json (what the
 * filters read), at once when a filter is chosen.
 * Needs lunr.js, lunr.stemmer.support.js and lunr.nl.js, loaded before this module.
 */
import { el } from "../dom.js";
import { listButton } from "../lijstje/knop.js";
import { happensOn } from "../vandaag.js";
import { ShardedIndex } from "./index.js";
import { createText } from "./tekst.js";
import {
  describe, filterCount, noFilters, prepare, queryWords, search, suggest,
} from "./zoek.js";

const PAGE_SIZE = 30;
const TYPING_DELAY = 150; // ms after the last key before searching

const root = document.getElementById("zoeken");
const lunr = window.lunr;
if (root && lunr && lunr.nl) {
  start(root, lunr);
}

function facetNames() {
  return [...document.querySelectorAll("details.zk-filter[data-facet]")].map((d) => d.dataset.facet);
}

// The filter checkboxes belong to the form (form="zoekformulier") but sit outside it.
function boxes(facet) {
  return document.querySelectorAll('input[form="zoekformulier"][name="' + facet + '"]');
}

function readFilters(form) {
  const age = form.elements.leeftijd.value.trim();
  const filters = { gratis: form.elements.gratis.checked, leeftijd: /^\d{1,3}$/.test(age) ? Number(age) : null };
  for (const facet of facetNames()) {
    filters[facet] = [...boxes(facet)].filter((box) => box.checked).map((box) => box.value);
  }
  return filters;
}

function writeForm(form, params) {
  form.elements.q.value = params.get("q") || "";
  form.elements.gratis.checked = params.get("gratis") === "1";
  form.elements.leeftijd.value = /^\d{1,3}$/.test(params.get("leeftijd") || "") ? params.get("leeftijd") : "";
  for (const facet of facetNames()) {
    const values = params.getAll(facet);
    for (const box of boxes(facet)) {
      box.checked = values.includes(box.value);
    }
  }
}

function queryString(form) {
  const params = new URLSearchParams();
  const q = form.elements.q.value.trim();
  if (q) {
    params.append("q", q);
  }
  const filters = readFilters(form);
  for (const facet of facetNames()) {
    for (const v of filters[facet]) {
      params.append(facet, v);
    }
  }
  if (filters.gratis) {
    params.append("gratis", "1");
  }
  if (filters.leeftijd !== null) {
    params.append("leeftijd", String(filters.leeftijd));
  }
  const text = params.toString();
  return text ? "?" + text : "";
}

/** The card files (numbers) that hits[start:end] need and that are not loaded yet. */
function missingCards(state, hits, start, end) {
  const per = state.engine.data.kaartjesPerBestand;
  const files = new Set(hits.slice(start, end).map((h) => Math.floor(h.ref / per)));
  return [...files].filter((n) => !state.cards.has(n));
}

function loadCards(state, numbers) {
  return Promise.all(numbers.map((n) => {
    if (!state.pendingCards.has(n)) {
      const url = new URL("kaartjes/" + n + ".json", state.dataURL).href;
      state.pendingCards.set(n, getJSON(url).then((file) => {
        state.cards.set(n, file.kolommen);
      }).finally(() => state.pendingCards.delete(n)));
    }
    return state.pendingCards.get(n);
  }));
}

function resultItem(state, ref) {
  const data = state.engine.data;
  const per = data.kaartjesPerBestand;
  const columns = state.cards.get(Math.floor(ref / per));
  const card = (name) => columns[name][ref % per];
  const activity = ref < data.activiteiten;
  const meta = el("p", { class: "card-meta" });
  if (activity) {
    const toegang = data.toegang[card("toegang")];
    meta.append(card("organisatie") + " · ");
    meta.append(el("span", { class: "toegang toegang-" + toegang[0] }, toegang[1]));
    if (card("gratis")) {
      meta.append(" · ", el("span", { class: "gratis" }, "gratis"));
    }
    if (card("iedereen")) {
      meta.append(" · ", el("span", { class: "voor-iedereen" }, "voor iedereen"));
    }
    if (card("leeftijdstekst")) {
      meta.append(" · ", el("span", { class: "leeftijd" }, card("leeftijdstekst")));
    }
  } else {
    meta.textContent = "Organisatie";
  }
  const line = (name, className, label, badge) => activity && card(name)
    ? el("p", { class: className }, badge || null, badge ? " " : null,
      el("span", { class: "visually-hidden" }, label), card(name))
    : null;
  const today = activity && card("rooster") && happensOn(card("rooster"), new Date())
    ? el("strong", { class: "vandaag" }, "Vandaag")
    : null;
  return el("li", { class: "card zk-resultaat" },
    el("h3", { class: "card-title" }, el("a", { href: state.root + card("url") }, card("titel"))),
    meta,
    line("wanneer", "card-when", "Wanneer: ", today),
    line("waar", "card-where", "Waar: "),
    card("fragment") ? el("p", { class: "card-summary" }, card("fragment")) : null,
    activity ? listButton(card("url").split("/")[1], card("titel")) : null,
  );
}

function render(state, outcome, more) {
  let list = state.results.querySelector("ol");
  const start = more ? state.shown : 0;
  if (!more) {
    state.results.textContent = "";
    list = null;
    state.shown = 0;
  }
  const hits = outcome ? outcome.hits : [];
  if (hits.length && !list) {
    list = el("ol", { class: "cards zk-lijst" });
    state.results.append(list);
  }
  const end = Math.min(hits.length, start + PAGE_SIZE);
  for (let i = start; i < end; i++) {
    list.append(resultItem(state, hits[i].ref));
  }
  state.shown = end;
  state.more.hidden = end >= hits.length;
  return list && start < end ? list.children[start] : null;
}

/** Words that found nothing: a spelling suggestion, the wegwijzer, the lists, a contact. */
function showHelp(state, query, outcome) {
  const help = document.getElementById("zk-geen");
  const words = queryWords(state.engine.text, query);
  const lost = outcome && words.length && (!outcome.hits.length || outcome.unmatched.length);
  help.hidden = !(outcome && words.length && !outcome.hits.length);
  const suggestion = document.getElementById("zk-suggestie");
  suggestion.hidden = true;
  if (!lost || !state.engine.index) {
    return;
  }
  const vocab = state.engine.index.vocabulary(false);
  const unmatched = new Set(outcome.hits.length ? outcome.unmatched : words.map((w) => w[0]));
  let changed = false;
  const better = words.map(([word]) => {
    const close = unmatched.has(word) ? suggest(state.engine.lunr, vocab, word) : null;
    changed = changed || Boolean(close);
    return close || word;
  }).join(" ");
  if (changed) {
    const link = document.getElementById("zk-suggestie-link");
    link.textContent = better;
    link.href = location.pathname + "?q=" + encodeURIComponent(better);
    suggestion.hidden = false;
    help.hidden = false;
  }
}

/** The chosen filters as buttons above the results; a button takes its filter away. */
function showChosen(form, run) {
  const list = document.getElementById("zk-gekozen");
  const chips = [];
  const chip = (text, remove) => {
    const button = el("button", { type: "button", class: "zk-chip" }, text + " ",
      el("span", { "aria-hidden": "true" }, "×"),
      el("span", { class: "visually-hidden" }, " (filter weghalen)"));
    button.addEventListener("click", () => {
      remove();
      run();
      form.elements.q.focus();
    });
    chips.push(el("li", null, button));
  };
  for (const facet of facetNames()) {
    for (const box of boxes(facet)) {
      if (box.checked) {
        chip(box.parentElement.textContent.trim(), () => { box.checked = false; });
      }
    }
  }
  if (form.elements.leeftijd.value.trim()) {
    chip(form.elements.leeftijd.value.trim() + " jaar", () => { form.elements.leeftijd.value = ""; });
  }
  if (form.elements.gratis.checked) {
    chip("Gratis", () => { form.elements.gratis.checked = false; });
  }
  list.replaceChildren(...chips);
  list.hidden = !chips.length;
}

function updateFacetCounts(form) {
  const filters = readFilters(form);
  let total = (filters.gratis ? 1 : 0) + (filters.leeftijd === null ? 0 : 1);
  for (const facet of facetNames()) {
    const count = filters[facet].length;
    total += count;
    document.querySelector('[data-aantal="' + facet + '"]').textContent =
      count ? "(" + count + " gekozen)" : "";
  }
  document.querySelector('[data-aantal="alle"]').textContent = total ? "(" + total + " gekozen)" : "";
}

function getJSON(url) {
  return fetch(url).then((response) => {
    if (!response.ok) {
      throw new Error(url + ": " + response.status);
    }
    return response.json();
  });
}

function start(root, lunr) {
  const form = document.getElementById("zoekformulier");
  const here = (name) => new URL(root.getAttribute(name), location.href).href;
  const indexURL = here("data-index");
  const state = {
    engine: { lunr, text: createText(lunr), data: null, index: null, settings: null },
    dataURL: here("data-gegevens"),
    cards: new Map(), // card file number -> its columns, once loaded
    pendingCards: new Map(),
    shown: 0,
    outcome: null,
    root: root.getAttribute("data-root"),
    results: document.getElementById("zoekresultaten"),
    status: document.getElementById("zoekstatus"),
    more: document.getElementById("meer-resultaten"),
    failed: false,
    indexFailed: false,
    textReady: false, // index-tekst.json in (or failed: what there is, is all there will be)
    typed: false,
    run: 0, // the number of the latest run, so that an answer for an older one is dropped
  };
  let typingTimer = 0;
  let filtersLoading = null;
  state.engine.loadFilters = () => {
    filtersLoading = filtersLoading || getJSON(here("data-filters")).then((file) => {
      state.engine.data.kolommen = file.kolommen;
    }, fail);
    return filtersLoading;
  };

  // The count is set at the moment the results appear (a polite live region).
  function announce(text) {
    state.status.textContent = text;
  }

  function status(query, filters) {
    return describe({
      query,
      chosen: filterCount(state.engine.data, filters),
      outcome: state.outcome,
      shown: state.shown,
      indexFailed: state.indexFailed,
    });
  }

  // Run again once `loading` is done, unless another run came after this one.
  function afterwards(loading, number, onError, options) {
    loading.then(() => {
      if (number === state.run) {
        run({ ...options, now: true });
      }
    }, onError);
  }

  function indexBroken() {
    state.indexFailed = true;
    state.engine.index = null;
    run({ now: true });
  }

  function run(options = {}) {
    clearTimeout(typingTimer);
    updateFacetCounts(form);
    showChosen(form, run);
    const url = location.pathname + queryString(form) + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history.replaceState(null, "", url);
    }
    if (state.failed || !state.engine.data) {
      return;
    }
    const number = ++state.run;
    const engine = state.engine;
    const query = form.elements.q.value;
    const filters = readFilters(form);
    const words = queryWords(engine.text, query).length;
    let outcome = search(engine, query, filters);
    if (outcome === null && !(words && !engine.index)) {
      afterwards(prepare(engine, query, filters), number, indexBroken, options);
    }
    // Results are complete once the descriptions are in. Until then someone who types
    // sees the results of the core (titles, zoektermen, taxonomy); a page opened with a
    // query or filters waits, so that its results do not jump.
    const complete = outcome !== null && (state.textReady || !words);
    if (!complete && state.typed && words && engine.index) {
      outcome = outcome || search(engine, query, filters, true);
      if (outcome === null) {
        afterwards(prepare(engine, query, filters, true), number, indexBroken, options);
      }
    } else if (!complete) {
      outcome = null;
    }
    const missing = outcome ? missingCards(state, outcome.hits, 0, PAGE_SIZE) : [];
    if (missing.length) {
      afterwards(loadCards(state, missing), number, fail, options);
      if (state.outcome) {
        root.removeAttribute("data-klaar");
        return; // what is on screen stays until the cards of the new results are in
      }
      outcome = null;
    }
    state.outcome = outcome;
    render(state, state.outcome, false);
    showHelp(state, query, state.outcome);
    state.results.setAttribute("aria-busy", state.outcome || state.indexFailed ? "false" : "true");
    announce(status(query, filters));
    if (options.focus && state.outcome) {
      document.getElementById("kop-resultaten").focus();
    }
    // data-klaar: what is on screen stays so until someone types or chooses (for tests).
    if (state.textReady && ((complete && outcome) || (words && state.indexFailed))) {
      if (!state.readyMs) {
        state.readyMs = performance.now(); // since navigation start
        engine.loadFilters(); // after the first results, and before anyone chooses a filter
      }
      root.setAttribute("data-klaar", "true");
    } else {
      root.removeAttribute("data-klaar");
    }
    if (outcome && words && !state.firstMs) {
      state.firstMs = performance.now();
    }
  }

  function fail() {
    state.failed = true;
    state.results.textContent = "";
    state.more.hidden = true;
    state.results.setAttribute("aria-busy", "false");
    root.removeAttribute("data-klaar");
    announce("Het zoeken werkt nu niet. Probeer het later opnieuw, of kies hieronder een lijst.");
  }

  root.addEventListener("input", (event) => {
    state.typed = true;
    clearTimeout(typingTimer);
    if (event.target === form.elements.q) {
      typingTimer = setTimeout(run, TYPING_DELAY);
    } else {
      run();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.typed = true;
    run({ now: true, focus: true });
  });
  document.getElementById("wis-filters").addEventListener("click", () => {
    for (const box of root.querySelectorAll('input[type="checkbox"]')) {
      box.checked = false;
    }
    form.elements.leeftijd.value = "";
    run();
  });
  state.more.addEventListener("click", () => {
    const number = state.run;
    const missing = missingCards(state, state.outcome.hits, state.shown, state.shown + PAGE_SIZE);
    loadCards(state, missing).then(() => {
      if (number !== state.run) {
        return;
      }
      const first = render(state, state.outcome, true);
      announce(status(form.elements.q.value, readFilters(form)));
      if (first) {
        first.querySelector("a").focus();
      }
    }, fail);
  });
  window.addEventListener("popstate", () => {
    writeForm(form, new URLSearchParams(location.search));
    run({ now: true });
  });

  writeForm(form, new URLSearchParams(location.search));
  // Beside the results on wide screens; folded away above them on a phone.
  const wide = window.matchMedia("(min-width: 56rem)").matches;
  document.getElementById("zk-filters").open = wide;
  for (const details of root.querySelectorAll("details.zk-filter")) {
    details.open = Boolean(details.querySelector("input:checked"));
  }
  document.getElementById("zk-zonder-js").hidden = true;
  root.hidden = false;
  state.results.setAttribute("aria-busy", "true");
  announce("De zoekfunctie wordt geladen. Een ogenblik.");

  // The facets first (small): filters work before the index arrives.
  const dataLoaded = getJSON(state.dataURL).then((data) => {
    state.engine.data = data;
    run({ now: true });
  }, fail);
  // The terms of the core of the index (titles, zoektermen, taxonomy): the first
  // results come from them; then those of the descriptions.
  const indexLoaded = getJSON(indexURL).then((core) => {
    const load = (path) => getJSON(new URL(path, indexURL).href);
    state.engine.index = new ShardedIndex(lunr, core, load);
    state.engine.settings = core.query;
    state.engine.text = createText(lunr, core.stammen); // with the index's own exceptions
  });
  const textLoaded = indexLoaded.then(() => getJSON(here("data-tekst"))).then((text) => {
    state.engine.index.addText(text);
  });
  const loaded = textLoaded.catch(() => {
    state.indexFailed = !state.engine.index;
  }).then(() => {
    state.textReady = true;
  });
  Promise.all([dataLoaded, indexLoaded]).catch(() => {}).then(() => run({ now: true }));
  Promise.all([dataLoaded, loaded]).then(() => run({ now: true }));

  // For tests and the benchmark: the same search without the page, once all is loaded.
  window.socialeKaartZoeken = {
    state,
    terms: (text) => state.engine.text.terms(text),
    async search(query, filters) {
      await Promise.all([dataLoaded, loaded]);
      const f = { ...noFilters(state.engine.data), ...(filters || {}) };
      await prepare(state.engine, query, f);
      return search(state.engine, query, f);
    },
  };
}
