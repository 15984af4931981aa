/* The "Zet op mijn lijstje" buttons on every page, and the count in the "Mijn lijstje" links.
 *
 * Pages render the buttons hidden (they need this script); search results and the
 * wegwijzer add theirs with `listButton`. One click handler for all of them.
 */
import { el } from "../dom.js";
import { loadStored, store, tabStorage, toggle } from "./lijst.js";

const storage = tabStorage();

function update() {
  const slugs = loadStored(storage);
  for (const button of document.querySelectorAll("button.lijstje-knop")) {
    button.setAttribute("aria-pressed", String(slugs.includes(button.dataset.lijstje)));
  }
  for (const count of document.querySelectorAll("[data-lijstje-aantal]")) {
    count.textContent = slugs.length ? " (" + slugs.length + ")" : "";
  }
}

/** A "Zet op mijn lijstje" toggle button for one activity, in its current state. */
export function listButton(slug, title) {
  const button = el("button", { type: "button", class: "lijstje-knop", "data-lijstje": slug },
    "Zet op mijn lijstje", el("span", { class: "visually-hidden" }, ": " + title));
  button.setAttribute("aria-pressed", String(loadStored(storage).includes(slug)));
  return button;
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button.lijstje-knop");
  if (button) {
    store(storage, toggle(loadStored(storage), button.dataset.lijstje));
    update();
  }
});
// Another tab or the list page may change the list; a page shown again from the
// back-forward cache shows it as it is now.
window.addEventListener("pageshow", update);
for (const button of document.querySelectorAll("button.lijstje-knop[hidden]")) {
  button.hidden = false;
}
update();
