/* One activity as the handout shows it: title, organisation and toegang, and its facts
 * (when, where, costs, how to get in, whom to call) from wegwijzer/data.json, where
 * generator/present.py wrote them. The wegwijzer's result and the shortlist both use it. */
import { el } from "./dom.js";

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
