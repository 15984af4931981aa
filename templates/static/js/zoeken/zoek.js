/* The search itself: query, filters and the status sentence (no DOM).
 *
 * generator/search/reference.py is the Python twin of this module; tests run both
 * on the same built files and compare the results exactly. User input never goes
 * to idx.search() (lunr query syntax would throw on "schulden:" or "hulp~");
 * queries are built with idx.query().
 */

/** Filters with nothing chosen, for the facets that gegevens.json names. */
export function noFilters(data) {
  const filters = { gratis: false };
  for (const facet of data.facetten) {
    filters[facet.naam] = [];
  }
  return filters;
}

export function filterCount(data, filters) {
  return data.facetten.reduce((n, f) => n + (filters[f.naam] || []).length, 0)
    + (filters.gratis ? 1 : 0);
}

/** The index terms one query word matches, with their boost (reference.py: expand). */
export function expand(lunr, idx, settings, wordStem) {
  const found = new Map();
  if (wordStem in idx.invertedIndex) {
    found.set(wordStem, settings.exactBoost);
  }
  const sets = [];
  if (wordStem.length >= settings.prefixMin) {
    sets.push([lunr.TokenSet.fromString(wordStem + "*"), settings.prefixBoost]);
  }
  if (wordStem.length >= settings.fuzzyMin) {
    sets.push([lunr.TokenSet.fromFuzzyString(wordStem, 1), settings.fuzzyBoost]);
  }
  for (const [tokenSet, boost] of sets) {
    for (const term of idx.tokenSet.intersect(tokenSet).toArray()) {
      found.set(term, (found.get(term) || 0) + boost);
    }
  }
  return found;
}

function byScoreThenRef(a, b) {
  return b.score - a.score || a.ref - b.ref;
}

/** Results for all words, best first; if none has all, those with some (partial). */
export function runQuery(lunr, idx, settings, wordStems) {
  const boosts = Object.create(null);
  const perWord = [];
  for (const wordStem of wordStems) {
    const expansion = expand(lunr, idx, settings, wordStem);
    if (expansion.size) {
      perWord.push(expansion); // a word that matches nothing at all is ignored
    }
    for (const [term, boost] of expansion) {
      boosts[term] = (boosts[term] || 0) + boost;
    }
  }
  const keys = Object.keys(boosts).sort();
  if (!keys.length) {
    return { hits: [], partial: false };
  }
  const results = idx.query((q) => {
    for (const term of keys) {
      q.term(term, { usePipeline: false, boost: boosts[term] });
    }
  });
  const all = [];
  const every = [];
  for (const r of results) {
    const hit = { ref: Number(r.ref), score: r.score };
    const matched = Object.keys(r.matchData.metadata);
    all.push(hit);
    if (perWord.every((word) => matched.some((term) => word.has(term)))) {
      every.push(hit);
    }
  }
  const partial = !every.length && perWord.length > 1;
  return { hits: (partial ? all : every).sort(byScoreThenRef), partial };
}

/** A function ref -> boolean that keeps the rows the filters allow (reference.py: _filter). */
export function makeFilter(data, filters) {
  if (!filterCount(data, filters)) {
    return () => true;
  }
  const column = new Map(data.kolommen.map((name, n) => [name, n]));
  const gratis = column.get("gratis");
  const wanted = [];
  for (const facet of data.facetten) {
    const values = filters[facet.naam] || [];
    if (!values.length) {
      continue;
    }
    const numbers = new Set();
    if (facet.waarden === "waarde") {
      for (const v of values) {
        if (/^\d+$/.test(v)) {
          numbers.add(Number(v));
        }
      }
    } else {
      data[facet.kolom].forEach((entry, n) => {
        if (values.includes(String(entry[0]))) {
          numbers.add(n);
        }
      });
    }
    // An empty list applies to every value (generator/applies.py), as "leegPast" says.
    wanted.push([column.get(facet.kolom), numbers, facet.leegPast]);
  }
  return (ref) => {
    if (ref >= data.activiteiten) {
      return false; // organisations have no facets
    }
    const row = data.docs[ref];
    if (filters.gratis && !row[gratis]) {
      return false;
    }
    return wanted.every(([n, numbers, emptyMatches]) => {
      const value = row[n];
      if (Array.isArray(value)) {
        return value.some((v) => numbers.has(v)) || (emptyMatches && !value.length);
      }
      return numbers.has(value);
    });
  };
}

/**
 * Search the loaded files: { hits: [{ref, score}], partial }, or null while the index
 * is still loading. `engine` is { lunr, text, data, index, settings }.
 */
export function search(engine, query, filters) {
  const keep = makeFilter(engine.data, filters);
  const wordStems = engine.text.queryStems(query);
  if (!wordStems.length) {
    if (!filterCount(engine.data, filters)) {
      return { hits: [], partial: false };
    }
    const hits = [];
    for (let r = 0; r < engine.data.activiteiten; r++) {
      if (keep(r)) {
        hits.push({ ref: r, score: 0 });
      }
    }
    return { hits, partial: false };
  }
  if (!engine.index) {
    return null;
  }
  const found = runQuery(engine.lunr, engine.index, engine.settings, wordStems);
  return { hits: found.hits.filter((h) => keep(h.ref)), partial: found.partial };
}

export function plural(count, one, many) {
  return count + " " + (count === 1 ? one : many);
}

/**
 * The status sentence under the search box. `chosen` is the number of filters;
 * `outcome` is what `search` returned (null: still loading); `shown` how many are shown.
 */
export function describe({ query, chosen, outcome, shown, indexFailed }) {
  const withFilters = chosen ? " met " + plural(chosen, "filter", "filters") : "";
  const words = query.trim();
  if (!outcome) {
    return indexFailed
      ? "Zoeken op woorden werkt nu niet. U kunt wel filters kiezen, of hieronder een lijst."
      : "De zoekfunctie wordt geladen. Een ogenblik.";
  }
  if (!words && !chosen) {
    return "Typ een woord of kies een filter.";
  }
  const count = outcome.hits.length;
  const about = words ? " voor ‘" + words + "’" : "";
  let text;
  if (!count) {
    text = "Geen resultaten" + about + withFilters + ". Probeer een ander woord"
      + (chosen ? " of minder filters." : ".");
  } else if (outcome.partial) {
    text = "Geen resultaten met al deze woorden. Wel "
      + plural(count, "resultaat", "resultaten") + " met een deel van de woorden" + withFilters + ".";
  } else {
    text = plural(count, "resultaat", "resultaten") + about + withFilters + ".";
  }
  if (count > shown) {
    text += " De eerste " + shown + " staan hieronder.";
  }
  return text;
}
