/* Text processing for search, as generator/search/text.py does it (no DOM).
 *
 * Lowercase, fold diacritics, every character that is not a letter or digit becomes
 * a space, then lunr.nl's stop words and stemmer. `lunr` is lunr.js with
 * lunr.stemmer.support and lunr.nl registered on it.
 */

const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** { normalize, terms, queryStems } for one lunr (stems are cached per instance). */
export function createText(lunr) {
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

  function stem(word) {
    let found = stems.get(word);
    if (found === undefined) {
      found = lunr.nl.stemmer(new lunr.Token(word, {})).toString();
      stems.set(word, found);
    }
    return found;
  }

  /** The index terms of a text: normalized words, stop words left out, stemmed. */
  function terms(text) {
    return normalize(text).split(" ").filter((w) => w && !isStopWord(w)).map(stem);
  }

  /** The distinct stems of a query, in order. */
  function queryStems(text) {
    return [...new Set(terms(text))];
  }

  return { normalize, terms, queryStems };
}
