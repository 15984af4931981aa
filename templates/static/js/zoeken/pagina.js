/* Search on /zoeken/: the page (form, URL state, results); the logic is in zoek.js.
 *
 * Loads zoeken/gegevens.json (the facets and a result's first lines) and
 * zoeken/index.json (a lunr index in a compact form) and searches as you type; then
 * zoeken/kaartjes.json (the rest of a result card) and zoeken/index-tekst.json (the
 * descriptions), after which results are complete.
 * Needs lunr.js, lunr.stemmer.support.js and lunr.nl.js, loaded before this module.
 */
import { el } from "../dom.js";
import { listButton } from "../lijstje/knop.js";
import { happensOn } from "../vandaag.js";
import { decodeIndex, mergeIndex } from "./index.js";
import { createText } from "./tekst.js";
import { describe, filterCount, noFilters, queryWords, search, suggest } from "./zoek.js";

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

function resultItem(state, ref) {
  const data = state.engine.data;
  const column = data.kolommen;
  const card = state.cards || { fragment: [], wanneer: [], waar: [], rooster: [], leeftijdstekst: [] }; // not yet
  const activity = ref < data.activiteiten;
  const meta = el("p", { class: "card-meta" });
  if (activity) {
    const toegang = data.toegang[column.toegang[ref]];
    meta.append(data.organisaties[column.organisatie[ref]] + " · ");
    meta.append(el("span", { class: "toegang toegang-" + toegang[0] }, toegang[1]));
    if (column.gratis[ref]) {
      meta.append(" · ", el("span", { class: "gratis" }, "gratis"));
    }
    if (!column.doelgroepen[ref].length) {
      meta.append(" · ", el("span", { class: "voor-iedereen" }, "voor iedereen"));
    }
    if (card.leeftijdstekst[ref]) {
      meta.append(" · ", el("span", { class: "leeftijd" }, card.leeftijdstekst[ref]));
    }
  } else {
    meta.textContent = "Organisatie";
  }
  const line = (name, className, label, badge) => activity && card[name][ref]
    ? el("p", { class: className }, badge || null, badge ? " " : null,
      el("span", { class: "visually-hidden" }, label), card[name][ref])
    : null;
  const today = activity && card.rooster && card.rooster[ref] && happensOn(card.rooster[ref], new Date())
    ? el("strong", { class: "vandaag" }, "Vandaag")
    : null;
  return el("li", { class: "card zk-resultaat" },
    el("h3", { class: "card-title" }, el("a", { href: state.root + column.url[ref] }, column.titel[ref])),
    meta,
    line("wanneer", "card-when", "Wanneer: ", today),
    line("waar", "card-where", "Waar: "),
    card.fragment[ref] ? el("p", { class: "card-summary" }, card.fragment[ref]) : null,
    activity ? listButton(column.url[ref].split("/")[1], column.titel[ref]) : null,
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
  const unmatched = new Set(outcome.hits.length ? outcome.unmatched : words.map((w) => w[0]));
  let changed = false;
  const better = words.map(([word]) => {
    const close = unmatched.has(word) ? suggest(state.engine.lunr, state.engine.index, word) : null;
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

function start(root, lunr) {
  const form = document.getElementById("zoekformulier");
  const state = {
    engine: { lunr, text: createText(lunr), data: null, index: null, settings: null },
    cards: null, // the columns of kaartjes.json, once loaded
    shown: 0,
    outcome: null,
    root: root.getAttribute("data-root"),
    results: document.getElementById("zoekresultaten"),
    status: document.getElementById("zoekstatus"),
    more: document.getElementById("meer-resultaten"),
    failed: false,
    indexFailed: false,
    textReady: false, // index-tekst.json merged in
    cardsReady: false, // kaartjes.json in
    typed: false,
  };
  let typingTimer = 0;

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
    const query = form.elements.q.value;
    const filters = readFilters(form);
    // Results from what has arrived only while someone types: a page opened with a query
    // or filters waits for the descriptions and the cards too, so that its results do
    // not jump when they arrive.
    const words = queryWords(state.engine.text, query).length;
    const settled = state.cardsReady && (state.textReady || !words);
    const asked = words || filterCount(state.engine.data, filters);
    state.outcome = settled || state.typed || !asked ? search(state.engine, query, filters) : null;
    render(state, state.outcome, false);
    showHelp(state, query, state.outcome);
    state.results.setAttribute("aria-busy", state.outcome || state.indexFailed ? "false" : "true");
    announce(status(query, filters));
    if (options.focus && state.outcome) {
      document.getElementById("kop-resultaten").focus();
    }
  }

  function fail() {
    state.failed = true;
    state.results.textContent = "";
    state.more.hidden = true;
    state.results.setAttribute("aria-busy", "false");
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
    const first = render(state, state.outcome, true);
    announce(status(form.elements.q.value, readFilters(form)));
    if (first) {
      first.querySelector("a").focus();
    }
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

  function getJSON(url) {
    return fetch(url).then((response) => {
      if (!response.ok) {
        throw new Error(url + ": " + response.status);
      }
      return response.json();
    });
  }
  // Display data and facets first (small): filters work before the index arrives.
  const dataLoaded = getJSON(root.getAttribute("data-gegevens")).then((data) => {
    state.engine.data = data;
    run({ now: true });
  }, fail);
  // The core of the index first (titles, zoektermen, taxonomy): the first results come
  // from it; then the description text, after which the results are complete.
  const indexLoaded = getJSON(root.getAttribute("data-index")).then((json) => {
    const started = performance.now();
    state.engine.index = decodeIndex(lunr, json);
    state.engine.settings = json.query;
    state.engine.text = createText(lunr, json.stammen); // with the index's own exceptions
    state.decodeMs = performance.now() - started;
    return json;
  });
  const firstLoaded = Promise.all([dataLoaded, indexLoaded]);
  // The cards: for a page opened with a query, at once, beside the index, because its
  // results wait for both (so nothing jumps); else after the display data, before anyone
  // has typed, so that they do not slow down the first results of what is typed.
  const opened = form.elements.q.value.trim();
  const cardsLoaded = (opened ? Promise.resolve() : dataLoaded)
    .then(() => getJSON(root.getAttribute("data-kaartjes")))
    .then((cards) => {
      state.cards = cards.kolommen;
    }, () => {}) // without them, a card shows its title, organisation and toegang
    .then(() => {
      state.cardsReady = true;
      run({ now: true });
    });
  const textLoaded = indexLoaded.then((core) => getJSON(root.getAttribute("data-tekst"))
    .then((text) => {
      state.engine.index = decodeIndex(lunr, mergeIndex(core, text));
      state.textReady = true;
    }));
  const failed = () => {
    state.indexFailed = !state.engine.index;
    state.textReady = true; // what there is, is all there will be
  };
  firstLoaded.then(() => {
    run({ now: true });
    state.firstMs = performance.now(); // since navigation start
  }, failed);
  Promise.all([dataLoaded, textLoaded]).catch(failed).then(() => cardsLoaded).then(() => {
    run({ now: true });
    state.readyMs = performance.now(); // since navigation start
    root.setAttribute("data-klaar", "true");
  });

  // For tests and the benchmark: the same search without the page.
  window.socialeKaartZoeken = {
    state,
    terms: (text) => state.engine.text.terms(text),
    decodeIndex: (json) => decodeIndex(lunr, json),
    mergeIndex,
    search(query, filters) {
      const f = { ...noFilters(state.engine.data), ...(filters || {}) };
      return search(state.engine, query, f);
    },
  };
}
