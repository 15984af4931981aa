/* "Mijn lijstje": the list of activity slugs, in the URL fragment and in sessionStorage.
 *
 * No DOM here. The list lives in the fragment of /lijstje/#a=slug1,slug2 (never in the
 * query string, so it is not sent to the server), and, while someone browses, in this
 * tab's sessionStorage. It is never sent anywhere.
 */

export const STORAGE_KEY = "sociale-kaart-lijstje";
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slugs a fragment names, in order, each once; only `known` ones when given. */
export function parseList(hash, known) {
  const params = new URLSearchParams(String(hash).replace(/^#/, ""));
  const wanted = (params.get("a") || "").split(",").filter((slug) => SLUG.test(slug));
  const kept = known ? wanted.filter((slug) => known.has(slug)) : wanted;
  return [...new Set(kept)];
}

/** The fragment (without "#") for a list; empty for an empty list. */
export function serializeList(slugs) {
  return slugs.length ? "a=" + slugs.join(",") : "";
}

/** The list with `slug` added at the end, or taken out if it was there. */
export function toggle(slugs, slug) {
  return slugs.includes(slug) ? slugs.filter((s) => s !== slug) : [...slugs, slug];
}

/** This tab's sessionStorage, or null where the browser refuses it (even reading the
 * property can throw then). loadStored and store take null as "no storage". */
export function tabStorage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The list kept in `storage` (sessionStorage); empty when there is none or it is unreadable. */
export function loadStored(storage) {
  try {
    return parseList("a=" + (storage.getItem(STORAGE_KEY) || ""));
  } catch {
    return []; // storage switched off: the list then lives in the address only
  }
}

/** Keep the list in `storage`; an empty list removes the key. */
export function store(storage, slugs) {
  try {
    if (slugs.length) {
      storage.setItem(STORAGE_KEY, slugs.join(","));
    } else {
      storage.removeItem(STORAGE_KEY);
    }
  } catch {
    // storage switched off or full: nothing is kept, and nothing breaks
  }
}
