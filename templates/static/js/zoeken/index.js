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
