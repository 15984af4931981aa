/* Counts in Dutch text, for every script of the site (present.py count does the same). */

/** "1 resultaat", "3 resultaten". */
export function plural(count, one, many) {
  return count + " " + (count === 1 ? one : many);
}
