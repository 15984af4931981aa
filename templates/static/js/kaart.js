/* The filter of /kaart/: show only the places, and the activities at them, that apply to
 * the chosen doelgroep and soort. Which activity applies is decided at build time (the
 * data-doelgroepen and data-soorten of each activity); this only compares. The choice is
 * kept in the address (?doelgroep=...&soort=...), so a filtered map can be shared. */

import { plural } from "./aantal.js";
import { announce } from "./dom.js";

const form = document.querySelector("[data-kaart-filter]");
const status = form.querySelector("[data-kaart-aantal]");
const selects = [...form.querySelectorAll("select")];
const places = [...document.querySelectorAll("[data-plek]")];
const markers = [...document.querySelectorAll(".kaart-punt")];

const DATA = { doelgroep: "doelgroepen", soort: "soorten" }; // select name -> data-*

/** Whether an activity's item matches every chosen value. */
function matches(item, chosen) {
  return Object.entries(chosen).every(
    ([name, value]) => !value || item.dataset[DATA[name]].split(" ").includes(value),
  );
}

function chosenValues() {
  return Object.fromEntries(selects.map((s) => [s.name, s.value]));
}

function apply(say) {
  const chosen = chosenValues();
  const filtering = Object.values(chosen).some(Boolean);
  const shown = new Set();
  for (const place of places) {
    const items = [...place.querySelectorAll("[data-doelgroepen]")];
    let any = !filtering;
    for (const item of items) {
      item.hidden = !matches(item, chosen);
      any = any || !item.hidden;
    }
    place.hidden = !any;
    if (any) shown.add(place.id);
  }
  for (const marker of markers) {
    const inside = marker.dataset.plekken.split(" ").filter((key) => shown.has(key));
    marker.style.display = inside.length ? "" : "none";
    const count = marker.querySelector("[data-kaart-telling]");
    if (count) count.textContent = String(inside.length);
    if (inside.length) marker.setAttribute("href", "#" + inside[0]);
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(chosen)) if (value) params.set(name, value);
  const query = params.toString();
  const address = (query ? "?" + query : location.pathname) + location.hash;
  history.replaceState(null, "", address);
  const text = filtering ? plural(shown.size, "plek past", "plekken passen") + " bij uw keuze." : "";
  if (say) announce(status, text);
  else status.textContent = text;
}

const start = new URLSearchParams(location.search);
for (const select of selects) {
  const wanted = start.get(select.name);
  if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  select.addEventListener("change", () => apply(true));
}
form.hidden = false;
apply(false);
