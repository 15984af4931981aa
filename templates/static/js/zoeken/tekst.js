/* Text processing for search, as generator/search/text.py does it (no DOM).
 *
 * Lowercase, fold diacritics, every character that is not a letter or digit becomes
 * a space, then lunr.nl's stop words and stemmer. `lunr` is lunr.js with
 * lunr.stemmer.support and lunr.nl registered on it.
 */

const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g;
const NON_ASCII = /[^\x00-\x7f]/;

const CONSONANTS = new Set("bcdfghjklmnpqrstvwxz");

/** Drop a doubled final consonant, as Dutch spelling does: zwemm -> zwem (text.py: undouble). */
export function undouble(stem) {
  const n = stem.length;
  if (n > 2 && stem[n - 1] === stem[n - 2] && CONSONANTS.has(stem[n - 1])) {
    return stem.slice(0, -1);
  }
  return stem;
}

/**
 * { normalize, words, term, terms } for one lunr (terms are cached per
 * instance). `exceptions` maps a word to its own term (text.py: STEM_EXCEPTIONS; the
 * index carries it as "stammen").
 */
export function createText(lunr, exceptions = {}) {
  const notWord = new RegExp("[^" + lunr.nl.wordCharacters + "0-9]+", "g");
  const stems = new Map();

  function normalize(text) {
    let result = String(text).toLowerCase();
    if (NON_ASCII.test(result)) {
      result = result.normalize("NFD").replace(COMBINING, "").normalize("NFC");
    }
    return result.replace(notWord, " ").trim();
  }

  function isStopWord(word) {
    return !lunr.nl.stopWordFilter(new lunr.Token(word, {}));
  }

  /** The index term of one normalized word: an exception, or its undoubled stem. */
  function term(word) {
    let found = stems.get(word);
    if (found === undefined) {
      found = Object.hasOwn(exceptions, word)
        ? exceptions[word]
        : undouble(lunr.nl.stemmer(new lunr.Token(word, {})).toString());
      stems.set(word, found);
    }
    return found;
  }

  /** The normalized words of a text without stop words. */
  function words(text) {
    return normalize(text).split(" ").filter((w) => w && !isStopWord(w));
  }

  /** The index terms of a text (text.py: terms). */
  function terms(text) {
    return words(text).map(term);
  }

  return { normalize, words, term, terms };
}
