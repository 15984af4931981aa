/* Wegwijzer: the page (questions, history, result, handout); the rules are in regels.js.
 *
 * The data comes from wegwijzer/data.json, fetched once when the page loads. After
 * that this script makes no request at all. The questions are in the HTML
 * (templates/wegwijzer.html): each step is a form with data-stap, the steps it leads to
 * (data-volgende, or data-naar / data-trede on yes/no buttons) and the one before it
 * (data-vorige). This script shows one step at a time and builds the result with DOM
 * methods (never innerHTML).
 */
import { plural } from "../aantal.js";
import { announce, el } from "../dom.js";
import { handoutDate, handoutItem, limitHandout, printNote } from "../kaartje.js";
import { listButton } from "../lijstje/knop.js";
import { qrSvg } from "../qr.js";
import { isState, match, MAX_AGE, outcome, parse, serialize, startState } from "./regels.js";


const app = document.getElementById("wegwijzer");
if (app) {
  start(app);
}

function start(app) {
  const root = app.dataset.root || "./";
  const withoutScript = document.getElementById("ww-zonder-js");
  const loading = document.getElementById("ww-laden");
  const status = document.getElementById("ww-melding");
  const result = document.getElementById("ww-resultaat");
  const baseTitle = document.title;
  const canonical = document.querySelector('link[rel="canonical"]').href;
  const note = document.getElementById("ww-notitie");
  const notePrinted = document.getElementById("ww-notitie-print");

  const steps = new Map();
  for (const form of app.querySelectorAll("form.ww-stap")) {
    steps.set(form.dataset.stap, form);
  }
  // The step names come from the page (templates/wegwijzer.html, generator/wegwijzer).
  const flow = {
    steps: new Set(steps.keys()),
    start: app.dataset.start,
    firstRungStep: app.dataset.eersteTredeVraag,
    afterRung: app.dataset.naTrede,
    last: app.dataset.laatste,
    needsRung: new Set(app.dataset.tredeNodig.split(" ")),
  };
  // The handout starts with the top of each list, so that it fits on one page;
  // the "Op het uitdeelblad" checkboxes change the choice.
  const HANDOUT_NOW = Number(result.dataset.uitdeelNu);
  const HANDOUT_NEXT = Number(result.dataset.uitdeelVolgende);

  let data = null;
  let current = null;
  let shownHash = null;

  withoutScript.hidden = true;
  app.hidden = false;

  function urlFor(hash) {
    return hash ? "#" + hash : location.pathname + location.search;
  }

  /** Go to a new state: a new history entry (so the browser's back button works too). */
  function go(next) {
    const hash = serialize(flow, next);
    if ((hash ? "#" + hash : "") !== location.hash) {
      history.pushState(null, "", urlFor(hash));
    }
    render(next, true);
  }

  function onNavigate() {
    if (!data || location.hash === shownHash) {
      return;
    }
    if (location.hash && !isState(location.hash)) {
      // An ordinary anchor such as the skip link: the browser has moved focus to it;
      // put the answers back in the address, so it can still be bookmarked.
      history.replaceState(null, "", urlFor(serialize(flow, current)));
      shownHash = location.hash;
      return;
    }
    render(parse(data, flow, location.hash), true);
  }

  // --- Rendering ------------------------------------------------------------------------

  function names(terms, chosen) {
    return terms.filter((t) => chosen.includes(t.id)).map((t) => t.naam).join(", ");
  }

  function rungOf(number) {
    return data.ladder.find((r) => r.trede === number);
  }

  function render(state, moveFocus) {
    current = state;
    shownHash = location.hash;
    loading.hidden = true;
    for (const [id, form] of steps) {
      form.hidden = id !== state.stap;
    }
    result.hidden = state.stap !== null;
    let heading;
    let message;
    if (state.stap) {
      const form = steps.get(state.stap);
      fillForm(form, state);
      heading = form.querySelector(".ww-vraag");
      message = form.querySelector(".ww-voortgang").textContent;
      document.title = message + " - " + baseTitle;
    } else {
      const counts = renderResult(state);
      heading = document.getElementById("kop-resultaat");
      message = "Uw uitkomst staat klaar. " + counts;
      document.title = "Uw uitkomst - " + baseTitle;
    }
    app.dataset.toestand = serialize(flow, state); // lets tests wait for exactly this view
    app.dataset.klaar = "ja";
    if (moveFocus) {
      heading.focus();
      announce(status, message);
    }
  }

  function fillForm(form, state) {
    for (const input of form.querySelectorAll("input")) {
      const key = stateKey(input.name);
      const value = state[key];
      if (input.type === "number") {
        input.value = value === null ? "" : String(value);
      } else if (Array.isArray(value)) {
        input.checked = value.includes(input.value);
      } else if (key in state) {
        input.checked = input.value === (value === null ? "" : String(value));
      }
    }
    for (const error of form.querySelectorAll(".ww-fout")) {
      error.hidden = true;
    }
  }

  function renderResult(state) {
    const found = match(data, state);
    const rung = rungOf(state.ladder);

    // In plain words, and only what was answered (the handout is for the person too).
    const answers = document.getElementById("ww-antwoorden");
    const row = (term, ...details) => el("div", null, el("dt", null, term), el("dd", null, ...details));
    const rows = [
      row("Leefgebieden met problemen", names(data.leefgebieden, state.leefgebieden) || "Geen gekozen"),
      row("Waar u nu staat", rung.omschrijving + " ",
        el("a", { href: root + rung.url, class: "ww-scherm" }, "(trede " + rung.trede + ")")),
    ];
    if (state.doelgroepen.length) {
      rows.push(row("Groep", names(data.doelgroepen, state.doelgroepen)));
    }
    if (state.leeftijd !== null) {
      rows.push(row("Leeftijd", state.leeftijd + " jaar"));
    }
    if (state.wijk) {
      rows.push(row("Wijk", names(data.wijken, [state.wijk])));
    }
    answers.replaceChildren(...rows);

    const said = outcome(data, state);
    const box = document.getElementById("uitkomst");
    box.className = "ww-uitkomst " + (said.fits ? "ww-past" : "ww-past-niet");
    const parts = [el("p", { class: "ww-uitkomst-tekst" }, said.message)];
    if (said.fits) {
      parts.push(el("p", null, said.nextStep));
      if (said.contact) {
        parts.push(contactBlock(said.contact));
      }
    }
    parts.push(el("p", { class: "ww-advies" }, data.teksten.advies));
    box.replaceChildren(...parts);

    document.getElementById("ww-uitleg-past-nu").textContent =
      "Activiteiten voor mensen op trede " + rung.trede + ": " + rung.naam + ".";
    const higher = rungOf(state.ladder + 1);
    document.getElementById("ww-uitleg-volgende-stap").textContent = higher
      ? "Activiteiten voor mensen op trede " + higher.trede + ": " + higher.naam
        + ". Daar kunt u naartoe werken."
      : "U staat op de hoogste trede van de participatieladder. Er is geen volgende stap.";
    fillList(document.getElementById("past-nu"), found.pastNu, true, HANDOUT_NOW, "nu passen");
    fillList(document.getElementById("volgende-stap"), found.volgendeStap, Boolean(higher),
      HANDOUT_NEXT, "een volgende stap zijn");
    // The address under basis_url (the page's canonical link), so it opens on any phone.
    const address = canonical + location.hash;
    document.getElementById("ww-adres").textContent = address;
    document.getElementById("ww-qr-code").replaceChildren(
      qrSvg(address, "QR-code met het adres van deze uitkomst"));
    document.getElementById("ww-datum").textContent = handoutDate();
    updateHandout();

    return plural(found.pastNu.length, "activiteit", "activiteiten") + " passen nu, "
      + plural(found.volgendeStap.length, "activiteit", "activiteiten") + " zijn een volgende stap.";
  }

  function contactBlock(org) {
    // One line each on screen; on paper one line in all (see the print styles).
    const line = (...parts) => [el("br"), el("span", { class: "ww-regel" }, ...parts)];
    const lines = [el("a", { href: root + org.url }, org.naam)];
    if (org.telefoon) {
      lines.push(...line("Telefoon: ", el("a", { href: org.tel }, org.telefoon)));
    }
    if (org.email) {
      lines.push(...line("E-mail: ", el("a", { href: "mailto:" + org.email }, org.email)));
    }
    if (org.adres) {
      lines.push(...line("Adres: " + org.adres));
    }
    return el("p", { class: "ww-contact" }, ...lines);
  }

  /**
   * A list of activities: every match in order, of which the first `shown` (as many as
   * start on the handout) are visible and the rest collapsed behind "Toon alle N".
   */
  function fillList(container, activities, hasRung, shown, what) {
    if (!activities.length) {
      container.replaceChildren();
      if (hasRung) {
        container.append(
          el("p", { class: "empty" }, "Er zijn geen activiteiten gevonden bij deze antwoorden."));
      }
      return;
    }
    const items = activities.map((a, position) => {
      const keep = el("input", { type: "checkbox", class: "ww-houden-vinkje" });
      keep.checked = position < shown;
      const item = handoutItem(data, a, root);
      item.classList.toggle("ww-weg", !keep.checked);
      item.append(el("p", { class: "ww-acties" },
        el("label", { class: "ww-houden" }, keep, " Op het uitdeelblad",
          el("span", { class: "visually-hidden" }, ": " + a.titel)),
        " ", listButton(a.slug, a.titel)));
      if (position >= shown) {
        item.classList.add("ww-meer");
        item.hidden = true;
      }
      return item;
    });
    const list = el("ol", { class: "ww-lijst" }, ...items);
    if (activities.length <= shown) {
      container.replaceChildren(list);
      return;
    }
    list.id = container.id + "-lijst";
    const more = el("button", {
      type: "button", class: "ww-knop-licht ww-toon-alle", "aria-expanded": "false",
      "aria-controls": list.id, "data-actie": "toon-alle",
      "data-dicht": "Toon alle " + activities.length, "data-open": "Toon alleen de eerste " + shown,
    }, "Toon alle " + activities.length);
    const note = el("p", { class: "ww-aantal" },
      "De eerste " + shown + " van " + plural(activities.length, "activiteit", "activiteiten")
      + " die " + what + ".");
    container.replaceChildren(note, list, more);
  }

  /** Of the activities ticked for the handout, the first HANDOUT_MAX print; the rest are
   * counted in "en nog N activiteiten: zie de link". */
  function updateHandout() {
    limitHandout([...result.querySelectorAll(".ww-item:not(.ww-weg)")],
      document.getElementById("ww-nog-meer"));
  }

  function toggleAll(button) {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? button.dataset.open : button.dataset.dicht;
    for (const item of document.getElementById(button.getAttribute("aria-controls"))
      .querySelectorAll(".ww-meer")) {
      item.hidden = !open;
    }
  }

  // --- Answers ----------------------------------------------------------------------------

  /** The state field an input fills: the rung radio buttons are named "trede". */
  function stateKey(name) {
    return name === "trede" ? "ladder" : name;
  }

  /** The yes/no question whose answer gives this rung (for "Vorige" after the ladder). */
  function stepGiving(rung) {
    const button = app.querySelector(".ww-janee [data-trede='" + rung + "']");
    return button ? button.closest("form").dataset.stap : flow.firstRungStep;
  }

  function previous(state) {
    if (state.stap === null) {
      return flow.last;
    }
    if (state.stap === flow.afterRung) {
      return stepGiving(state.ladder);
    }
    return steps.get(state.stap).dataset.vorige || flow.start;
  }

  /** A choice step: checkboxes give a list, radio buttons one value; then the next step. */
  function onSubmit(event) {
    event.preventDefault();
    const form = event.target;
    const next = { ...current };
    const names = new Set([...form.querySelectorAll("input")].map((i) => i.name));
    for (const name of names) {
      const inputs = [...form.querySelectorAll("input[name='" + name + "']")];
      const checked = inputs.filter((i) => i.checked).map((i) => i.value);
      const key = stateKey(name);
      if (inputs[0].type === "number") {
        const typed = inputs[0].value.trim();
        const age = Number(typed);
        if (typed && !(/^[0-9]{1,3}$/.test(typed) && age <= MAX_AGE)) {
          const error = form.querySelector("#fout-" + name);
          error.hidden = false;
          inputs[0].focus();
          announce(status, error.textContent);
          return;
        }
        next[key] = typed ? age : null;
      } else if (inputs[0].type === "checkbox") {
        next[key] = checked;
      } else if (form.dataset.verplicht === name && !checked.length) {
        const error = form.querySelector(".ww-fout");
        error.hidden = false;
        inputs[0].focus();
        announce(status, error.textContent);
        return;
      } else if (key === "ladder") {
        next[key] = Number(checked[0]);
      } else {
        next[key] = checked[0] || null;
      }
    }
    next.stap = form.dataset.volgende || null;
    go(next);
  }

  function onClick(event) {
    const button = event.target.closest("button");
    if (!button || !current) {
      return;
    }
    if (button.dataset.trede) {
      go({ ...current, ladder: Number(button.dataset.trede), stap: flow.afterRung });
    } else if (button.dataset.naar) {
      go({ ...current, stap: button.dataset.naar });
    } else if (button.dataset.actie === "vorige") {
      go({ ...current, stap: previous(current) });
    } else if (button.dataset.actie === "opnieuw") {
      go(startState(flow));
    } else if (button.dataset.actie === "printen") {
      window.print();
    } else if (button.dataset.actie === "toon-alle") {
      toggleAll(button);
    }
  }

  function onChange(event) {
    if (event.target.classList.contains("ww-houden-vinkje")) {
      event.target.closest("li").classList.toggle("ww-weg", !event.target.checked);
      updateHandout();
    }
  }

  function begin(json) {
    data = json;
    let state = startState(flow);
    if (location.hash && isState(location.hash)) {
      state = parse(data, flow, location.hash);
      // Show the link in its clean form (unknown ids dropped, fixed order).
      const hash = serialize(flow, state);
      if ((hash ? "#" + hash : "") !== location.hash) {
        history.replaceState(null, "", urlFor(hash));
      }
    }
    for (const form of steps.values()) {
      form.addEventListener("submit", onSubmit);
    }
    app.addEventListener("click", onClick);
    app.addEventListener("change", onChange);
    printNote(note, notePrinted);
    window.addEventListener("popstate", onNavigate);
    window.addEventListener("hashchange", onNavigate);
    render(state, false);
  }

  fetch(root + app.dataset.data, { credentials: "same-origin" })
    .then((response) => {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    })
    .then(begin, () => {
      // Only a failed download lands here; an error in begin() itself stays visible.
      loading.textContent = "De wegwijzer kan zijn gegevens nu niet laden. Probeer het later"
        + " opnieuw, of zoek hieronder zelf wat bij u past.";
      document.documentElement.classList.remove("js"); // show the no-script way in again
      withoutScript.hidden = false;
    });
}
