/* Search on /zoeken/: the page (form, URL state, results); the logic is in zoek.js.
 *
 * Loads zoeken/gegevens.json (what a result shows, and the facets) and
 * zoeken/index.json (a lunr index in a compact form) and searches as you type.
 * Needs lunr.js, lunr.stemmer.support.js and lunr.nl.js, loaded before this module.
 */
import { el } from "../dom.js";
import { decodeIndex } from "./index.js";
import { createText } from "./tekst.js";
import { describe, filterCount, noFilters, plural, search } from "./zoek.js";

const PAGE_SIZE = 30;
const TYPING_DELAY = 150; // ms after the last key before searching
const ANNOUNCE_DELAY = 700; // ms of quiet before the count is read out

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
  const filters = { gratis: form.elements.gratis.checked };
  for (const facet of facetNames()) {
    filters[facet] = [...boxes(facet)].filter((box) => box.checked).map((box) => box.value);
  }
  return filters;
}

function writeForm(form, params) {
  form.elements.q.value = params.get("q") || "";
  form.elements.gratis.checked = params.get("gratis") === "1";
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
  const text = params.toString();
  return text ? "?" + text : "";
}

function resultItem(state, ref) {
  const data = state.engine.data;
  const row = data.docs[ref];
  const column = state.column;
  const meta = el("p", { class: "card-meta" });
  if (ref < data.activiteiten) {
    const toegang = data.toegang[row[column.toegang]];
    meta.append(data.organisaties[row[column.organisatie]] + " · ");
    meta.append(el("span", { class: "toegang toegang-" + toegang[0] }, toegang[1]));
    if (row[column.gratis]) {
      meta.append(" · ", el("span", { class: "gratis" }, "gratis"));
    }
    if (!row[column.doelgroepen].length) {
      meta.append(" · ", el("span", { class: "voor-iedereen" }, "voor iedereen"));
    }
  } else {
    meta.textContent = "Organisatie";
  }
  return el("li", { class: "card zk-resultaat" },
    el("h3", { class: "card-title" }, el("a", { href: state.root + row[column.url] }, row[column.titel])),
    meta,
    row[column.fragment] ? el("p", { class: "card-summary" }, row[column.fragment]) : null,
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

function updateFacetCounts(form) {
  const filters = readFilters(form);
  let total = filters.gratis ? 1 : 0;
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
    column: null,
    shown: 0,
    outcome: null,
    root: root.getAttribute("data-root"),
    results: document.getElementById("zoekresultaten"),
    status: document.getElementById("zoekstatus"),
    more: document.getElementById("meer-resultaten"),
    failed: false,
    indexFailed: false,
  };
  let typingTimer = 0;
  let announceTimer = 0;

  function announce(text, now) {
    clearTimeout(announceTimer);
    if (now) {
      state.status.textContent = text;
    } else {
      announceTimer = setTimeout(() => { state.status.textContent = text; }, ANNOUNCE_DELAY);
    }
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
    const url = location.pathname + queryString(form) + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history.replaceState(null, "", url);
    }
    if (state.failed || !state.engine.data) {
      return;
    }
    const query = form.elements.q.value;
    const filters = readFilters(form);
    state.outcome = search(state.engine, query, filters);
    render(state, state.outcome, false);
    state.results.setAttribute("aria-busy", state.outcome || state.indexFailed ? "false" : "true");
    announce(status(query, filters), options.now);
    if (options.focus && state.outcome) {
      document.getElementById("kop-resultaten").focus();
    }
  }

  function fail() {
    state.failed = true;
    state.results.textContent = "";
    state.more.hidden = true;
    state.results.setAttribute("aria-busy", "false");
    announce("Het zoeken werkt nu niet. Probeer het later opnieuw, of kies hieronder een lijst.", true);
  }

  root.addEventListener("input", (event) => {
    clearTimeout(typingTimer);
    if (event.target === form.elements.q) {
      typingTimer = setTimeout(run, TYPING_DELAY);
    } else {
      run();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run({ now: true, focus: true });
  });
  document.getElementById("wis-filters").addEventListener("click", () => {
    for (const box of root.querySelectorAll('input[type="checkbox"]')) {
      box.checked = false;
    }
    run();
  });
  state.more.addEventListener("click", () => {
    const first = render(state, state.outcome, true);
    announce(status(form.elements.q.value, readFilters(form)), true);
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
  announce("De zoekfunctie wordt geladen. Een ogenblik.", true);

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
    state.column = Object.fromEntries(data.kolommen.map((name, n) => [name, n]));
    run({ now: true });
  }, fail);
  const indexLoaded = getJSON(root.getAttribute("data-index")).then((json) => {
    const started = performance.now();
    state.engine.index = decodeIndex(lunr, json);
    state.engine.settings = json.query;
    state.decodeMs = performance.now() - started;
  }).catch(() => {
    state.indexFailed = true;
  });
  Promise.all([dataLoaded, indexLoaded]).then(() => {
    run({ now: true });
    state.readyMs = performance.now(); // since navigation start
    root.setAttribute("data-klaar", "true");
  });

  // For tests and the benchmark: the same search without the page.
  window.socialeKaartZoeken = {
    state,
    normalize: state.engine.text.normalize,
    terms: state.engine.text.terms,
    queryStems: state.engine.text.queryStems,
    decodeIndex: (json) => decodeIndex(lunr, json),
    search(query, filters) {
      const f = { ...noFilters(state.engine.data), ...(filters || {}) };
      return search(state.engine, query, f);
    },
  };
}
