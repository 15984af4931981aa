/* The search index in shards (generator/search/shards.py), no DOM.
 *
 * index.json and index-tekst.json list the terms; a query word is expanded against
 * those lists (`vocabulary`), and only the shards that hold the matched terms are
 * loaded. `ShardedIndex.indexFor` builds a lunr.Index of just those terms, with the
 * same arithmetic as generator/search/index.py `decode_index`: lunr scores a document
 * by the query's terms alone, so the scores equal those of the whole index.
 */

const KEPT_INDEXES = 16;

// Sorted as Python sorts strings: by code point (the terms are a-z and digits).
const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The terms of some parts of the index, for expanding query words: { tokenSet,
 * has(term), documents(term) } (documents: in how many, per field, as lunr counts).
 */
export function vocabulary(lunr, parts) {
  const counts = new Map();
  for (const part of parts) {
    part.terms.forEach((term, n) => counts.set(term, (counts.get(term) || 0) + part.df[n]));
  }
  const builder = new lunr.TokenSet.Builder();
  for (const term of [...counts.keys()].sort(byCodePoint)) {
    builder.insert(term);
  }
  builder.finish();
  return {
    tokenSet: builder.root,
    has: (term) => counts.has(term),
    documents: (term) => counts.get(term) || 0,
  };
}

/** The number of the shard of `part` that holds term number `position`. */
function shardOf(starts, position) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= position) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return low;
}

class Part {
  constructor(manifest, dir, field) {
    this.manifest = manifest;
    this.dir = dir; // the shards' folder beside index.json
    this.field = field; // the one field of this part, or null: every field but the text
    this.positions = new Map(manifest.terms.map((term, n) => [term, n]));
    this.shards = new Map(); // number -> shard, once loaded
  }

  /** [shard number, row in it] of a term, or null when this part does not have it. */
  locate(term) {
    const position = this.positions.get(term);
    if (position === undefined) {
      return null;
    }
    const n = shardOf(this.manifest.shards, position);
    return [n, position - this.manifest.shards[n]];
  }
}

/**
 * The index of a site: the core from the start (index.json), the descriptions once
 * `addText` has index-tekst.json. `load(path)` fetches a shard by its path beside
 * index.json and returns its JSON (a Promise).
 */
export class ShardedIndex {
  constructor(lunr, core, load) {
    this.lunr = lunr;
    this.settings = core;
    this.load = load;
    this.parts = [new Part(core, "kern", null)];
    this.pending = new Map(); // path -> Promise of a shard being loaded
    this.recent = new Map(); // terms -> the lunr.Index of them (indexFor)
    this.vocabularies = { core: vocabulary(lunr, [core]) };
    this.vocabularies.all = this.vocabularies.core;
  }

  get hasText() {
    return this.parts.length > 1;
  }

  addText(text) {
    if (!this.hasText) {
      this.parts.push(new Part(text, "tekst", text.field));
      this.vocabularies.all = vocabulary(this.lunr, [this.settings, text]);
    }
  }

  /** The vocabulary to expand query words with: of the core only, or of all parts. */
  vocabulary(coreOnly) {
    return coreOnly ? this.vocabularies.core : this.vocabularies.all;
  }

  _parts(coreOnly) {
    return coreOnly ? this.parts.slice(0, 1) : this.parts;
  }

  /** The shards the terms need that are not loaded yet: [[part, number], ...]. */
  missing(terms, coreOnly) {
    const wanted = new Map();
    for (const part of this._parts(coreOnly)) {
      for (const term of terms) {
        const found = part.locate(term);
        if (found && !part.shards.has(found[0])) {
          wanted.set(part.dir + "/" + found[0], [part, found[0]]);
        }
      }
    }
    return [...wanted.values()];
  }

  /** Load the shards the terms need (a Promise). */
  fetch(terms, coreOnly) {
    return Promise.all(this.missing(terms, coreOnly).map(([part, n]) => {
      const path = part.dir + "/" + n + ".json";
      if (!this.pending.has(path)) {
        this.pending.set(path, this.load(path).then((shard) => {
          part.shards.set(n, shard);
        }).finally(() => this.pending.delete(path)));
      }
      return this.pending.get(path);
    }));
  }

  /**
   * A lunr.Index of just these terms, or null while one of their shards is missing. The
   * last few are kept: the page asks again for the same terms as more files arrive.
   */
  indexFor(terms, coreOnly) {
    if (this.missing(terms, coreOnly).length) {
      return null;
    }
    const sorted = [...terms].sort(byCodePoint);
    const key = this.parts.length + (coreOnly ? "k " : "a ") + sorted.join(" ");
    if (!this.recent.has(key)) {
      if (this.recent.size >= KEPT_INDEXES) {
        this.recent.delete(this.recent.keys().next().value);
      }
      this.recent.set(key, this._build(terms, coreOnly));
    }
    return this.recent.get(key);
  }

  _build(terms, coreOnly) {
    const fields = this.settings.fields;
    const rows = [];
    for (const term of [...new Set(terms)].sort(byCodePoint)) {
      const postings = fields.map(() => []);
      let idf = null;
      for (const part of this._parts(coreOnly)) {
        const found = part.locate(term);
        if (!found) {
          continue;
        }
        const shard = part.shards.get(found[0]);
        idf = shard.idf[found[1]];
        const row = shard.postings[found[1]];
        if (part.field === null) {
          row.forEach((flat, f) => { if (flat.length) postings[f] = flat; });
        } else {
          postings[fields.indexOf(part.field)] = row;
        }
      }
      if (idf !== null) {
        rows.push({ term, idf, postings });
      }
    }
    return decodeRows(this.lunr, this.settings, rows);
  }
}

/** A lunr.Index from rows { term, idf, postings: per field [ref step, tf, length, ...] }. */
export function decodeRows(lunr, settings, rows) {
  const { fields, k1, b } = settings;
  const invertedIndex = Object.create(null);
  const vectors = Object.create(null);
  const builder = new lunr.TokenSet.Builder();
  const empty = {};
  rows.forEach(({ term, idf: scaled, postings }, n) => {
    builder.insert(term);
    const idf = scaled / settings.idfScale;
    const posting = { _index: n };
    for (let f = 0; f < fields.length; f++) {
      const flat = postings[f];
      const docs = {};
      const boost = settings.boosts[f];
      const average = settings.averages[f];
      let ref = 0;
      for (let i = 0; i < flat.length; i += 3) {
        ref += flat[i];
        const tf = flat[i + 1];
        // lunr's BM25 field score, unrounded; the same operations as index.py.
        const norm = k1 * (1 - b + b * (flat[i + 2] / average)) + tf;
        const score = idf * ((k1 + 1) * tf) / norm * boost;
        docs[ref] = empty;
        const key = fields[f] + "/" + ref;
        (vectors[key] || (vectors[key] = [])).push(n, score);
      }
      posting[fields[f]] = docs;
    }
    invertedIndex[term] = posting;
  });
  builder.finish();
  const fieldVectors = Object.create(null);
  for (const key of Object.keys(vectors)) {
    fieldVectors[key] = new lunr.Vector(vectors[key]);
  }
  return new lunr.Index({
    invertedIndex,
    fieldVectors,
    tokenSet: builder.root,
    fields,
    pipeline: lunr.Pipeline.load(settings.pipeline),
  });
}
