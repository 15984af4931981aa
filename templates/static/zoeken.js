/* Sociale Kaart: search on /zoeken/.
 *
 * Loads zoeken/gegevens.json (what a result shows, and the facets) and
 * zoeken/index.json (a lunr index in a compact form) and searches as you type.
 * generator/search.py is the reference for everything here: text processing,
 * the index format and the query are the same, and tests compare the two.
 * Needs lunr.js, lunr.stemmer.support.js and lunr.nl.js, loaded before this file.
 *
 * User input never goes to idx.search() (lunr query syntax would throw on
 * "schulden:" or "hulp~"); queries are built with idx.query().
 */
(function () {
  "use strict";

  var FACETS = ["doelgroep", "ladder", "leefgebied", "wijk", "toegang"];
  // Column of each facet in an activity row of gegevens.json (as search.py _COLUMN).
  var COLUMN = { toegang: 4, gratis: 5, ladder: 6, doelgroep: 7, leefgebied: 8, wijk: 9 };
  var VOCABULARY = {
    doelgroep: "doelgroepen", leefgebied: "leefgebieden", wijk: "wijken",
    toegang: "toegang", ladder: "ladder"
  };
  var VOOR_IEDEREEN = "voor-iedereen";
  var PAGE_SIZE = 30;
  var TYPING_DELAY = 150; // ms after the last key before searching
  var ANNOUNCE_DELAY = 700; // ms of quiet before the count is read out

  // --- Text processing (search.py: normalize, terms) ----------------------------------

  var WORD = lunr.nl.wordCharacters + "0-9";
  var NOT_WORD = new RegExp("[^" + WORD + "]+", "g");
  var COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g;
  var NON_ASCII = /[^\x00-\x7f]/;
  var stems = new Map();

  function normalize(text) {
    text = String(text).toLowerCase();
    if (NON_ASCII.test(text)) {
      text = text.normalize("NFD").replace(COMBINING, "").normalize("NFC");
    }
    return text.replace(NOT_WORD, " ").trim();
  }

  function isStopWord(word) {
    return !lunr.nl.stopWordFilter(new lunr.Token(word, {}));
  }

  function stem(word) {
    var found = stems.get(word);
    if (found === undefined) {
      found = lunr.nl.stemmer(new lunr.Token(word, {})).toString();
      stems.set(word, found);
    }
    return found;
  }

  function terms(text) {
    return normalize(text).split(" ").filter(function (w) {
      return w && !isStopWord(w);
    }).map(stem);
  }

  function queryStems(text) {
    var seen = [];
    terms(text).forEach(function (t) {
      if (seen.indexOf(t) < 0) seen.push(t);
    });
    return seen;
  }

  // --- The index (search.py: decode_index) -------------------------------------------

  function decodeIndex(data) {
    var fields = data.fields, list = data.terms, postings = data.postings;
    var k1 = data.k1, b = data.b;
    var invertedIndex = Object.create(null), vectors = Object.create(null);
    var builder = new lunr.TokenSet.Builder();
    var empty = {};
    for (var n = 0; n < list.length; n++) {
      builder.insert(list[n]);
      var idf = data.idf[n] / data.idfScale;
      var posting = { _index: n };
      for (var f = 0; f < fields.length; f++) {
        var flat = postings[n][f], docs = {}, ref = 0;
        var boost = data.boosts[f], lengths = data.lengths[f], average = data.averages[f];
        for (var i = 0; i < flat.length; i += 2) {
          ref += flat[i];
          var tf = flat[i + 1];
          // lunr's BM25 field score, unrounded; the same operations as search.py.
          var norm = k1 * (1 - b + b * (lengths[ref] / average)) + tf;
          var score = idf * ((k1 + 1) * tf) / norm * boost;
          docs[ref] = empty;
          var key = fields[f] + "/" + ref;
          var elements = vectors[key] || (vectors[key] = []);
          elements.push(n, score);
        }
        posting[fields[f]] = docs;
      }
      invertedIndex[list[n]] = posting;
    }
    builder.finish();
    var fieldVectors = Object.create(null);
    Object.keys(vectors).forEach(function (key) {
      fieldVectors[key] = new lunr.Vector(vectors[key]);
    });
    return new lunr.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: builder.root,
      fields: fields,
      pipeline: lunr.Pipeline.load(data.pipeline)
    });
  }

  // --- The query (search.py: expand, run_query) ---------------------------------------

  function expand(idx, settings, wordStem) {
    var found = new Map();
    if (wordStem in idx.invertedIndex) found.set(wordStem, settings.exactBoost);
    var sets = [];
    if (wordStem.length >= settings.prefixMin) {
      sets.push([lunr.TokenSet.fromString(wordStem + "*"), settings.prefixBoost]);
    }
    if (wordStem.length >= settings.fuzzyMin) {
      sets.push([lunr.TokenSet.fromFuzzyString(wordStem, 1), settings.fuzzyBoost]);
    }
    sets.forEach(function (pair) {
      idx.tokenSet.intersect(pair[0]).toArray().forEach(function (term) {
        found.set(term, (found.get(term) || 0) + pair[1]);
      });
    });
    return found;
  }

  function byScoreThenRef(a, b) {
    return b.score - a.score || a.ref - b.ref;
  }

  function runQuery(idx, settings, wordStems) {
    var boosts = Object.create(null), perWord = [];
    wordStems.forEach(function (wordStem) {
      var expansion = expand(idx, settings, wordStem);
      if (expansion.size) perWord.push(expansion);
      expansion.forEach(function (boost, term) {
        boosts[term] = (boosts[term] || 0) + boost;
      });
    });
    var keys = Object.keys(boosts).sort();
    if (!keys.length) return { hits: [], partial: false };
    var results = idx.query(function (q) {
      keys.forEach(function (term) {
        q.term(term, { usePipeline: false, boost: boosts[term] });
      });
    });
    var all = [], every = [];
    results.forEach(function (r) {
      var hit = { ref: Number(r.ref), score: r.score };
      var matched = Object.keys(r.matchData.metadata);
      all.push(hit);
      var hasEvery = perWord.every(function (word) {
        return matched.some(function (term) { return word.has(term); });
      });
      if (hasEvery) every.push(hit);
    });
    var partial = !every.length && perWord.length > 1;
    return { hits: (partial ? all : every).sort(byScoreThenRef), partial: partial };
  }

  // --- Filters (search.py: Searcher._filter) ----------------------------------------

  function emptyFilters(filters) {
    return !filters.gratis && FACETS.every(function (f) { return !filters[f].length; });
  }

  function makeFilter(data, filters) {
    if (emptyFilters(filters)) return function () { return true; };
    var docs = data.docs, count = data.activiteiten, wanted = [];
    FACETS.forEach(function (facet) {
      var values = filters[facet];
      if (!values.length) return;
      var numbers = new Set();
      if (facet === "ladder") {
        values.forEach(function (v) { if (/^\d+$/.test(v)) numbers.add(Number(v)); });
      } else {
        data[VOCABULARY[facet]].forEach(function (entry, n) {
          if (values.indexOf(String(entry[0])) >= 0) numbers.add(n);
        });
      }
      var everyone = facet === "doelgroep" && values.indexOf(VOOR_IEDEREEN) >= 0;
      wanted.push([COLUMN[facet], numbers, everyone]);
    });
    return function (ref) {
      if (ref >= count) return false; // organisations have no facets
      var row = docs[ref];
      if (filters.gratis && !row[COLUMN.gratis]) return false;
      return wanted.every(function (w) {
        var value = row[w[0]];
        if (Array.isArray(value)) {
          return value.some(function (v) { return w[1].has(v); }) || (w[2] && !value.length);
        }
        return w[1].has(value);
      });
    };
  }

  function search(state, query, filters) {
    var keep = makeFilter(state.data, filters);
    var wordStems = queryStems(query);
    if (!wordStems.length) {
      if (emptyFilters(filters)) return { hits: [], partial: false };
      var hits = [];
      for (var r = 0; r < state.data.activiteiten; r++) {
        if (keep(r)) hits.push({ ref: r, score: 0 });
      }
      return { hits: hits, partial: false };
    }
    if (!state.index) return null; // the index is still loading
    var found = runQuery(state.index, state.settings, wordStems);
    return { hits: found.hits.filter(function (h) { return keep(h.ref); }), partial: found.partial };
  }

  // --- The page -------------------------------------------------------------------

  // The filter checkboxes belong to the form (form="zoekformulier") but sit outside it.
  function readFilters(form) {
    var filters = { gratis: form.elements.gratis.checked };
    FACETS.forEach(function (facet) {
      filters[facet] = Array.prototype.filter.call(
        document.querySelectorAll('input[form="zoekformulier"][name="' + facet + '"]'),
        function (box) { return box.checked; }
      ).map(function (box) { return box.value; });
    });
    return filters;
  }

  function writeForm(form, params) {
    form.elements.q.value = params.get("q") || "";
    form.elements.gratis.checked = params.get("gratis") === "1";
    FACETS.forEach(function (facet) {
      var values = params.getAll(facet);
      document.querySelectorAll('input[form="zoekformulier"][name="' + facet + '"]').forEach(function (box) {
        box.checked = values.indexOf(box.value) >= 0;
      });
    });
  }

  function queryString(form) {
    var params = new URLSearchParams();
    var q = form.elements.q.value.trim();
    if (q) params.append("q", q);
    var filters = readFilters(form);
    FACETS.forEach(function (facet) {
      filters[facet].forEach(function (v) { params.append(facet, v); });
    });
    if (filters.gratis) params.append("gratis", "1");
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function resultItem(state, ref) {
    var data = state.data, row = data.docs[ref];
    var item = el("li", "card zk-resultaat");
    var heading = el("h3", "card-title");
    var link = el("a", "", row[0]);
    link.href = state.root + row[1];
    heading.appendChild(link);
    item.appendChild(heading);
    var meta = el("p", "card-meta");
    if (ref < data.activiteiten) {
      var toegang = data.toegang[row[4]];
      meta.appendChild(document.createTextNode(data.organisaties[row[3]] + " · "));
      meta.appendChild(el("span", "toegang toegang-" + toegang[0], toegang[1]));
      if (row[5]) {
        meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(el("span", "gratis", "gratis"));
      }
    } else {
      meta.textContent = "Organisatie";
    }
    item.appendChild(meta);
    if (row[2]) item.appendChild(el("p", "card-summary", row[2]));
    return item;
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  function describe(state, query, filters, outcome) {
    var chosen = FACETS.reduce(function (n, f) { return n + filters[f].length; }, 0) +
      (filters.gratis ? 1 : 0);
    var withFilters = chosen ? " met " + plural(chosen, "filter", "filters") : "";
    var words = query.trim();
    if (!outcome) {
      return state.indexFailed ?
        "Zoeken op woorden werkt nu niet. U kunt wel filters kiezen, of hieronder een lijst." :
        "De zoekfunctie wordt geladen. Een ogenblik.";
    }
    if (!words && !chosen) return "Typ een woord of kies een filter.";
    var count = outcome.hits.length;
    var about = words ? " voor ‘" + words + "’" : "";
    var text;
    if (!count) {
      text = "Geen resultaten" + about + withFilters + ". Probeer een ander woord" +
        (chosen ? " of minder filters." : ".");
    } else if (outcome.partial) {
      text = "Geen resultaten met al deze woorden. Wel " +
        plural(count, "resultaat", "resultaten") + " met een deel van de woorden" + withFilters + ".";
    } else {
      text = plural(count, "resultaat", "resultaten") + about + withFilters + ".";
    }
    if (count > state.shown) text += " De eerste " + state.shown + " staan hieronder.";
    return text;
  }

  function render(state, outcome, more) {
    var list = state.results.querySelector("ol");
    var start = more ? state.shown : 0;
    if (!more) {
      state.results.textContent = "";
      list = null;
      state.shown = 0;
    }
    var hits = outcome ? outcome.hits : [];
    if (hits.length && !list) {
      list = el("ol", "cards zk-lijst");
      state.results.appendChild(list);
    }
    var end = Math.min(hits.length, start + PAGE_SIZE);
    for (var i = start; i < end; i++) list.appendChild(resultItem(state, hits[i].ref));
    state.shown = end;
    state.more.hidden = end >= hits.length;
    return list && start < end ? list.children[start] : null;
  }

  function updateFacetCounts(form) {
    var filters = readFilters(form), total = filters.gratis ? 1 : 0;
    FACETS.forEach(function (facet) {
      var count = filters[facet].length;
      total += count;
      document.querySelector('[data-aantal="' + facet + '"]').textContent =
        count ? "(" + count + " gekozen)" : "";
    });
    document.querySelector('[data-aantal="alle"]').textContent = total ? "(" + total + " gekozen)" : "";
  }

  function start() {
    var root = document.getElementById("zoeken");
    if (!root || !window.lunr || !lunr.nl) return;
    var form = document.getElementById("zoekformulier");
    var state = {
      data: null, index: null, settings: null, shown: 0, outcome: null,
      root: root.getAttribute("data-root"),
      results: document.getElementById("zoekresultaten"),
      status: document.getElementById("zoekstatus"),
      more: document.getElementById("meer-resultaten"),
      failed: false, indexFailed: false
    };
    var typingTimer = 0, announceTimer = 0;

    function announce(text, now) {
      clearTimeout(announceTimer);
      if (now) {
        state.status.textContent = text;
      } else {
        announceTimer = setTimeout(function () { state.status.textContent = text; }, ANNOUNCE_DELAY);
      }
    }

    function run(options) {
      options = options || {};
      clearTimeout(typingTimer);
      updateFacetCounts(form);
      var url = location.pathname + queryString(form) + location.hash;
      if (url !== location.pathname + location.search + location.hash) {
        history.replaceState(null, "", url);
      }
      if (state.failed || !state.data) return;
      var query = form.elements.q.value, filters = readFilters(form);
      state.outcome = search(state, query, filters);
      render(state, state.outcome, false);
      state.results.setAttribute("aria-busy", state.outcome || state.indexFailed ? "false" : "true");
      announce(describe(state, query, filters, state.outcome), options.now);
      if (options.focus && state.outcome) document.getElementById("kop-resultaten").focus();
    }

    function fail() {
      state.failed = true;
      state.results.textContent = "";
      state.more.hidden = true;
      state.results.setAttribute("aria-busy", "false");
      announce("Het zoeken werkt nu niet. Probeer het later opnieuw, of kies hieronder een lijst.", true);
    }

    root.addEventListener("input", function (event) {
      clearTimeout(typingTimer);
      if (event.target === form.elements.q) {
        typingTimer = setTimeout(run, TYPING_DELAY);
      } else {
        run();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run({ now: true, focus: true });
    });
    document.getElementById("wis-filters").addEventListener("click", function () {
      root.querySelectorAll('input[type="checkbox"]').forEach(function (box) { box.checked = false; });
      run();
    });
    state.more.addEventListener("click", function () {
      var first = render(state, state.outcome, true);
      var query = form.elements.q.value;
      announce(describe(state, query, readFilters(form), state.outcome), true);
      if (first) first.querySelector("a").focus();
    });
    window.addEventListener("popstate", function () {
      writeForm(form, new URLSearchParams(location.search));
      run({ now: true });
    });

    writeForm(form, new URLSearchParams(location.search));
    // Beside the results on wide screens; folded away above them on a phone.
    var wide = window.matchMedia("(min-width: 56rem)").matches;
    document.getElementById("zk-filters").open = wide;
    root.querySelectorAll("details.zk-filter").forEach(function (details) {
      details.open = Boolean(details.querySelector("input:checked"));
    });
    document.getElementById("zk-zonder-js").hidden = true;
    root.hidden = false;
    state.results.setAttribute("aria-busy", "true");
    announce("De zoekfunctie wordt geladen. Een ogenblik.", true);

    function getJSON(url) {
      return fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      });
    }
    // Display data and facets first (small): filters work before the index arrives.
    var dataLoaded = getJSON(root.getAttribute("data-gegevens")).then(function (data) {
      state.data = data;
      run({ now: true });
    }, fail);
    var indexLoaded = getJSON(root.getAttribute("data-index")).then(function (json) {
      var started = performance.now();
      state.index = decodeIndex(json);
      state.settings = json.query;
      state.decodeMs = performance.now() - started;
    }).catch(function () {
      state.indexFailed = true;
    });
    Promise.all([dataLoaded, indexLoaded]).then(function () {
      run({ now: true });
      state.readyMs = performance.now(); // since navigation start
      root.setAttribute("data-klaar", "true");
    });

    // For tests and the benchmark: the same search without the page.
    window.socialeKaartZoeken = {
      state: state,
      normalize: normalize,
      terms: terms,
      queryStems: queryStems,
      decodeIndex: decodeIndex,
      search: function (query, filters) {
        var f = { gratis: false };
        FACETS.forEach(function (facet) { f[facet] = []; });
        Object.keys(filters || {}).forEach(function (k) { f[k] = filters[k]; });
        return search(state, query, f);
      }
    };
  }

  start();
})();
