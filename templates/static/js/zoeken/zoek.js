/* The search itself: query, filters and the status sentence (no DOM).
 *
 * generator/search/reference.py is the Python twin of this module; tests run both
 * on the same built files and compare the results exactly. User input never goes
 * to idx.search() (lunr query syntax would throw on "schulden:" or "hulp~");
 * queries are built with idx.query().
 */

import { plural } from "../aantal.js";

/** Filters with nothing chosen, for the facets that gegevens.json names. */
export function noFilters(data) {
  const filters = { gratis: false, leeftijd: null };
  for (const facet of data.facetten) {
    filters[facet.naam] = [];
  }
  return filters;
}

export function filterCount(data, filters) {
  return data.facetten.reduce((n, f) => n + (filters[f.naam] || []).length, 0)
    + (filters.gratis ? 1 : 0) + (ageOf(filters) === null ? 0 : 1);
}

/**
 * The parts of a term as a compound of index terms, or null (compounds.py: split, with
 * the rule the index carries in settings.samenstelling). `vocab` is index.js vocabulary.
 */
export function splitTerm(vocab, rule, term) {
  const n = term.length;
  if (n < rule.minWoord) {
    return null;
  }
  const notHead = new Set(rule.geenKop);
  const known = (part) => vocab.has(part);
  // best[i]: the best split of term[i:] as [number of parts, parts], or null.
  const best = new Array(n + 1).fill(null);
  best[n] = [0, []];
  for (let i = n - rule.minKop; i >= 0; i--) {
    let choice = null;
    for (let j = n; j >= i + rule.minKop; j--) { // longest first part first
      const rest = best[j];
      if ((i === 0 && j === n) || rest === null || rest[0] + 1 > rule.maxDelen) {
        continue;
      }
      let part = term.slice(i, j);
      const isHead = j === n;
      if (part.length < (isHead ? rule.minKop : rule.minDeel) || (isHead && notHead.has(part))) {
        continue;
      }
      if (!known(part)) {
        const linked = !isHead && part.endsWith("s") && part.length > rule.minDeel;
        if (!(linked && known(part.slice(0, -1)))) {
          continue;
        }
        part = part.slice(0, -1); // the linking s
      }
      if (choice === null || rest[0] + 1 < choice[0]) {
        choice = [rest[0] + 1, [part, ...rest[1]]];
      }
    }
    best[i] = choice;
  }
  return best[0] && best[0][0] >= 2 ? best[0][1] : null;
}

function addMatches(found, vocab, tokenSet, boost) {
  for (const term of vocab.tokenSet.intersect(tokenSet).toArray()) {
    found.set(term, (found.get(term) || 0) + boost);
  }
}

/**
 * What one query word matches (reference.py: expand): { terms: Map term -> boost,
 * parts: [...] }. The exact term, or else the term as a prefix; the parts when it is a
 * compound of index terms; only when none of these matches, the term with one edit.
 */
export function expand(lunr, vocab, settings, wordTerm) {
  const found = new Map();
  if (vocab.has(wordTerm)) {
    found.set(wordTerm, settings.exactBoost);
  } else if (wordTerm.length >= settings.prefixMin) {
    addMatches(found, vocab, lunr.TokenSet.fromString(wordTerm + "*"), settings.prefixBoost);
  }
  const parts = [...new Set(splitTerm(vocab, settings.samenstelling, wordTerm) || [])];
  if (!found.size && !parts.length && wordTerm.length >= settings.fuzzyMin) {
    addMatches(found, vocab, lunr.TokenSet.fromFuzzyString(wordTerm, 1), settings.fuzzyBoost);
  }
  return { terms: found, parts };
}

function satisfiedBy(expansion, matched) {
  for (const term of matched) {
    if (expansion.terms.has(term)) {
      return true;
    }
  }
  return expansion.parts.length > 0 && expansion.parts.every((part) => matched.has(part));
}

function byWordsThenScoreThenRef(a, b) {
  return b.words - a.words || b.score - a.score || a.ref - b.ref;
}

/**
 * What the query terms match, before any posting is loaded: { expansions, boosts,
 * keys: the index terms to score with, sorted, unmatched: Set of terms }.
 */
export function planQuery(lunr, vocab, settings, wordTerms) {
  const boosts = Object.create(null);
  const expansions = [];
  const unmatched = new Set();
  for (const wordTerm of wordTerms) {
    const expansion = expand(lunr, vocab, settings, wordTerm);
    if (!expansion.terms.size && !expansion.parts.length) {
      unmatched.add(wordTerm);
      continue;
    }
    expansions.push(expansion);
    for (const [term, boost] of expansion.terms) {
      boosts[term] = (boosts[term] || 0) + boost;
    }
    for (const part of expansion.parts) {
      boosts[part] = (boosts[part] || 0) + settings.partBoost;
    }
  }
  return { expansions, boosts, keys: Object.keys(boosts).sort(), unmatched };
}

/**
 * The hits of a planned query, those with the most words first, then by score, then
 * in site order: { hits: [{ref, score, words}], active, unmatched: Set of terms }.
 * `idx` is a lunr.Index that has at least the planned keys.
 */
export function runQuery(idx, planned) {
  const { expansions, boosts, keys, unmatched } = planned;
  if (!keys.length) {
    return { hits: [], active: 0, unmatched };
  }
  const results = idx.query((q) => {
    for (const term of keys) {
      q.term(term, { usePipeline: false, boost: boosts[term] });
    }
  });
  const hits = [];
  for (const r of results) {
    const matched = new Set(Object.keys(r.matchData.metadata));
    const words = expansions.filter((e) => satisfiedBy(e, matched)).length;
    if (words) {
      hits.push({ ref: Number(r.ref), score: r.score, words });
    }
  }
  return { hits: hits.sort(byWordsThenScoreThenRef), active: expansions.length, unmatched };
}

/** The age filter as a whole number of years, or null. */
export function ageOf(filters) {
  const age = filters.leeftijd;
  return age === null || age === undefined || age === "" || !Number.isInteger(Number(age))
    ? null
    : Number(age);
}

/** A function ref -> boolean that keeps the rows the filters allow (reference.py: _filter). */
export function makeFilter(data, filters) {
  if (!filterCount(data, filters)) {
    return () => true;
  }
  const gratis = data.kolommen.gratis;
  const ages = data.kolommen.leeftijd;
  const age = ageOf(filters);
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
    wanted.push([data.kolommen[facet.kolom], numbers, facet.leegPast]);
  }
  return (ref) => {
    if (ref >= data.activiteiten) {
      return false; // organisations have no facets
    }
    if (filters.gratis && !gratis[ref]) {
      return false;
    }
    if (age !== null) {
      // Both ends inclusive; null is no limit (generator/applies.py to_age).
      const [low, high] = ages[ref];
      if ((low !== null && age < low) || (high !== null && age > high)) {
        return false;
      }
    }
    return wanted.every(([column, numbers, emptyMatches]) => {
      const value = column[ref];
      if (Array.isArray(value)) {
        return value.some((v) => numbers.has(v)) || (emptyMatches && !value.length);
      }
      return numbers.has(value);
    });
  };
}

/**
 * Search the loaded files: { hits: [{ref, score, words}], complete, unmatched }, or null
 * while something it needs is not loaded yet (see `prepare`). The first `complete` hits
 * have every word that matched anything; `unmatched` are the words (as typed,
 * normalized) that matched nothing. `engine` is { lunr, text, data, index, settings,
 * loadFilters }: index an index.js ShardedIndex; data gegevens.json, with the columns of
 * filters.json as data.kolommen once loadFilters() has put them there. With `coreOnly`,
 * only the core of the index counts (titles, zoektermen, taxonomy), as before the
 * descriptions are in.
 */
export function search(engine, query, filters, coreOnly = false) {
  if (filterCount(engine.data, filters) && !engine.data.kolommen) {
    return null;
  }
  const keep = makeFilter(engine.data, filters);
  const words = queryWords(engine.text, query);
  if (!words.length) {
    if (!filterCount(engine.data, filters)) {
      return { hits: [], complete: 0, unmatched: [] };
    }
    const hits = [];
    for (let r = 0; r < engine.data.activiteiten; r++) {
      if (keep(r)) {
        hits.push({ ref: r, score: 0, words: 0 });
      }
    }
    return { hits, complete: hits.length, unmatched: [] };
  }
  if (!engine.index) {
    return null;
  }
  const planned = planWords(engine, words, coreOnly);
  const idx = planned.keys.length ? engine.index.indexFor(planned.keys, coreOnly) : null;
  if (planned.keys.length && !idx) {
    return null;
  }
  const found = runQuery(idx, planned);
  const hits = found.hits.filter((h) => keep(h.ref));
  return {
    hits,
    complete: hits.filter((h) => h.words === found.active).length,
    unmatched: words.filter((w) => found.unmatched.has(w[1])).map((w) => w[0]),
  };
}

function planWords(engine, words, coreOnly) {
  const vocab = engine.index.vocabulary(coreOnly);
  return planQuery(engine.lunr, vocab, engine.settings, words.map((w) => w[1]));
}

/** Load what `search` needs for this query and these filters (a Promise). */
export function prepare(engine, query, filters, coreOnly = false) {
  const jobs = [];
  if (filterCount(engine.data, filters) && !engine.data.kolommen) {
    jobs.push(engine.loadFilters());
  }
  const words = queryWords(engine.text, query);
  if (words.length && engine.index) {
    jobs.push(engine.index.fetch(planWords(engine, words, coreOnly).keys, coreOnly));
  }
  return Promise.all(jobs);
}

/** [word, term] for each word of a query, distinct by term, in order (reference.py). */
export function queryWords(text, query) {
  const seen = new Map();
  for (const word of text.words(query)) {
    const term = text.term(word);
    if (!seen.has(term)) {
      seen.set(term, word);
    }
  }
  return [...seen].map(([term, word]) => [word, term]);
}


function quoted(words) {
  const list = words.map((w) => "‘" + w + "’");
  return list.length > 1 ? list.slice(0, -1).join(", ") + " en " + list[list.length - 1] : list[0];
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
    text = "Geen resultaten" + about + withFilters + ".";
    if (words) {
      text += " Probeer een ander woord" + (chosen ? " of minder filters." : ".");
    } else {
      text += " Probeer minder filters.";
    }
  } else if (outcome.complete === count) {
    text = plural(count, "resultaat", "resultaten") + about + withFilters + ".";
  } else if (outcome.complete) {
    text = plural(count, "resultaat", "resultaten") + about + withFilters + ": eerst "
      + outcome.complete + " met alle woorden, daarna " + (count - outcome.complete)
      + " met een deel ervan.";
  } else {
    text = "Geen resultaten met al deze woorden. Wel "
      + plural(count, "resultaat", "resultaten") + " met een deel van de woorden" + withFilters + ".";
  }
  if (count && outcome.unmatched.length) {
    text += " Niets gevonden voor " + quoted(outcome.unmatched) + ".";
  }
  if (count > shown) {
    text += " De eerste " + shown + " staan hieronder.";
  }
  return text;
}

/** The number of single-letter edits between two words. */
export function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * "Bedoelde u ...?": the index term closest to a word that matched nothing (at most
 * two edits, for words of 4 letters or more), the one in the most documents first;
 * null when nothing is close.
 */
export function suggest(lunr, vocab, word) {
  if (word.length < 4) {
    return null;
  }
  let best = null;
  for (const term of vocab.tokenSet.intersect(lunr.TokenSet.fromFuzzyString(word, 2)).toArray()) {
    const documents = vocab.documents(term);
    const candidate = [editDistance(word, term), -documents, term];
    if (best === null || candidate[0] < best[0] || (candidate[0] === best[0]
      && (candidate[1] < best[1] || (candidate[1] === best[1] && candidate[2] < best[2])))) {
      best = candidate;
    }
  }
  return best && best[2];
}
