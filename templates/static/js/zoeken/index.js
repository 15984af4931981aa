/* The search index: zoeken/index.json back into a lunr.Index (no DOM).
 *
 * The same arithmetic as generator/search/index.py `decode_index`, so Python and
 * the browser score identically; see `encode_index` there for the format.
 */

export function decodeIndex(lunr, data) {
  const { fields, terms, postings, k1, b } = data;
  const invertedIndex = Object.create(null);
  const vectors = Object.create(null);
  const builder = new lunr.TokenSet.Builder();
  const empty = {};
  for (let n = 0; n < terms.length; n++) {
    builder.insert(terms[n]);
    const idf = data.idf[n] / data.idfScale;
    const posting = { _index: n };
    for (let f = 0; f < fields.length; f++) {
      const flat = postings[n][f];
      const docs = {};
      const boost = data.boosts[f];
      const lengths = data.lengths[f];
      const average = data.averages[f];
      let ref = 0;
      for (let i = 0; i < flat.length; i += 2) {
        ref += flat[i];
        const tf = flat[i + 1];
        // lunr's BM25 field score, unrounded; the same operations as index.py.
        const norm = k1 * (1 - b + b * (lengths[ref] / average)) + tf;
        const score = idf * ((k1 + 1) * tf) / norm * boost;
        docs[ref] = empty;
        const key = fields[f] + "/" + ref;
        (vectors[key] || (vectors[key] = [])).push(n, score);
      }
      posting[fields[f]] = docs;
    }
    invertedIndex[terms[n]] = posting;
  }
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
    pipeline: lunr.Pipeline.load(data.pipeline),
  });
}

/**
 * The whole encoded index from its two files: index.json (the core) and
 * index-tekst.json (the description field); generator/search/shards.py merge.
 */
export function mergeIndex(core, text) {
  const f = core.fields.indexOf(text.field);
  const rows = new Map();
  core.terms.forEach((term, n) => rows.set(term, [core.idf[n], core.postings[n].slice()]));
  text.terms.forEach((term, n) => {
    const found = rows.get(term) || [text.idf[n], core.fields.map(() => [])];
    found[1][f] = text.postings[n];
    rows.set(term, found);
  });
  // Sorted as Python sorts strings: by code point (the terms are a-z and digits).
  const terms = [...rows.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lengths = core.lengths.slice();
  lengths[f] = text.lengths;
  return {
    ...core,
    terms,
    idf: terms.map((t) => rows.get(t)[0]),
    postings: terms.map((t) => rows.get(t)[1]),
    lengths,
  };
}
