/* One activity as the handout shows it: title, organisation and toegang, and its facts
 * (when, where, costs, how to get in, whom to call) from wegwijzer/data.json, where
 * generator/present.py wrote them. The wegwijzer's result and the shortlist both use it. */
import { plural } from "./aantal.js";
import { el } from "./dom.js";

const DATE = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric" });

/** Today as the handout prints it: "1 december 2026". */
export function handoutDate() {
  return DATE.format(new Date());
}

/** The note typed before printing goes on paper only: into `printed`, nowhere else. */
export function printNote(textarea, printed) {
  textarea.addEventListener("input", () => {
    printed.textContent = textarea.value;
  });
}

/** At most this many activities go on a one-page handout (wegwijzer result, shortlist). */
export const HANDOUT_MAX = 8;

/**
 * Of `items` (the activities going on the handout, in order), mark all after the first
 * HANDOUT_MAX as left off paper, and say in `line` how many that are.
 */
export function limitHandout(items, line) {
  items.forEach((item, position) => item.classList.toggle("ww-teveel", position >= HANDOUT_MAX));
  const more = items.length - HANDOUT_MAX;
  line.hidden = more <= 0;
  line.textContent = more > 0
    ? "En nog " + plural(more, "activiteit", "activiteiten") + ": zie de link hieronder."
    : "";
}

/** A list item for activity `a` of data.json, with links made from `root`. */
export function handoutItem(data, a, root) {
  const label = data.toegang.find((t) => t.id === a.toegang).label;
  const fact = (f) => el("div", null, el("dt", null, f.label), el("dd", null,
    ...f.delen.map((part) => (part.link ? el("a", { href: part.link }, part.tekst) : part.tekst))));
  return el("li", { class: "ww-item" },
    el("h3", { class: "ww-titel" }, el("a", { href: root + a.url }, a.titel)),
    el("p", { class: "ww-meta" }, a.organisatie + " · ",
      el("span", { class: "toegang toegang-" + a.toegang }, label)),
    el("dl", { class: "ww-feiten" }, ...a.feiten.map(fact)),
  );
}
