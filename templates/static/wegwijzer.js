/* Wegwijzer: match a person to activities, entirely in the browser.
 *
 * The rules mirror generator/wegwijzer.py (`match`, `outcome`); the browser tests
 * compare the two. The data comes from wegwijzer/data.json, fetched once when the
 * page loads. After that this script makes no request at all: the answers live
 * only in the URL fragment (#leefgebieden=inkomen,werk&ladder=2&...), never in the
 * query string, so they are not sent to the server and a result can be bookmarked.
 *
 * The questions are in the HTML (templates/wegwijzer.html); this script shows one
 * at a time, follows the yes/no flow written in data-naar / data-trede attributes,
 * and builds the result with DOM methods (never innerHTML).
 */
(function () {
  "use strict";

  const app = document.getElementById("wegwijzer");
  if (!app) {
    return;
  }
  const root = app.dataset.root || "./";
  const withoutScript = document.getElementById("ww-zonder-js");
  const loading = document.getElementById("ww-laden");
  const status = document.getElementById("ww-melding");
  const result = document.getElementById("ww-resultaat");
  const baseTitle = document.title;

  const steps = new Map();
  for (const form of app.querySelectorAll("form.ww-stap")) {
    steps.set(form.dataset.stap, form);
  }
  const START = "leefgebieden";
  // The first yes/no question of the participation ladder comes right after the start.
  const FIRST_RUNG_STEP = [...steps.values()].find((f) => f.dataset.vorige === START).dataset.stap;
  const AFTER_RUNG = "doelgroepen";
  const NEEDS_RUNG = new Set(["doelgroepen", "wijk"]);
  // The handout starts with the top of each list, so that it fits on one page;
  // the "Op het uitdeelblad" checkboxes change the choice.
  const HANDOUT_NOW = Number(result.dataset.uitdeelNu);
  const HANDOUT_NEXT = Number(result.dataset.uitdeelVolgende);

  let data = null;
  let current = null;
  let shownHash = null;

  withoutScript.hidden = true;
  app.hidden = false;

  // --- State <-> URL fragment ---------------------------------------------------------

  function startState() {
    return { stap: START, leefgebieden: [], ladder: null, doelgroepen: [], wijk: null };
  }

  function ids(terms) {
    return terms.map((t) => t.id);
  }

  /** A fragment without "=" is an ordinary anchor (such as the skip link), not answers. */
  function isState(hash) {
    return hash.includes("=");
  }

  function parse(hash) {
    const params = new URLSearchParams(hash.replace(/^#/, ""));
    const pick = (key, known) => {
      const wanted = new Set((params.get(key) || "").split(","));
      return known.filter((id) => wanted.has(id)); // known ids only, in taxonomy order
    };
    const state = startState();
    state.leefgebieden = pick("leefgebieden", ids(data.leefgebieden));
    state.doelgroepen = pick("doelgroepen", ids(data.doelgroepen));
    const wijk = params.get("wijk");
    state.wijk = ids(data.wijken).includes(wijk) ? wijk : null;
    const rung = Number(params.get("ladder"));
    state.ladder = data.ladder.some((r) => r.trede === rung) ? rung : null;
    const stap = params.get("stap");
    if (stap && steps.has(stap)) {
      state.stap = stap;
    } else {
      state.stap = state.ladder === null ? START : null; // a rung and no step: the result
    }
    if (NEEDS_RUNG.has(state.stap) && state.ladder === null) {
      state.stap = FIRST_RUNG_STEP;
    }
    return state;
  }

  function serialize(state) {
    const parts = [];
    const atStart = state.stap === START;
    const empty = !state.leefgebieden.length && state.ladder === null
      && !state.doelgroepen.length && !state.wijk;
    if (atStart && empty) {
      return "";
    }
    if (state.stap) {
      parts.push("stap=" + state.stap);
    }
    if (state.leefgebieden.length) {
      parts.push("leefgebieden=" + state.leefgebieden.join(","));
    }
    if (state.ladder !== null) {
      parts.push("ladder=" + state.ladder);
    }
    if (state.doelgroepen.length) {
      parts.push("doelgroepen=" + state.doelgroepen.join(","));
    }
    if (state.wijk) {
      parts.push("wijk=" + state.wijk);
    }
    return parts.join("&");
  }

  function urlFor(hash) {
    return hash ? "#" + hash : location.pathname + location.search;
  }

  /** Go to a new state: a new history entry (so the browser's back button works too). */
  function go(next) {
    const hash = serialize(next);
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
      history.replaceState(null, "", urlFor(serialize(current)));
      shownHash = location.hash;
      return;
    }
    render(parse(location.hash), true);
  }

  // --- Matching: the same rules as generator/wegwijzer.py -------------------------------

  function match(state) {
    const chosen = new Set(state.leefgebieden);
    const groups = new Set(state.doelgroepen);
    const rank = new Map(data.toegang.map((t, index) => [t.id, index]));
    const rung = state.ladder;
    const upper = data.ladder.some((r) => r.trede === rung + 1) ? rung + 1 : null;
    const now = [];
    const next = [];
    data.activiteiten.forEach((a, index) => {
      if (chosen.size && !a.leefgebieden.some((id) => chosen.has(id))) {
        return;
      }
      if (groups.size && a.doelgroepen.length && !a.doelgroepen.some((id) => groups.has(id))) {
        return;
      }
      if (state.wijk && a.wijken.length && !a.wijken.includes(state.wijk)) {
        return;
      }
      const entry = {
        activity: a,
        rank: rank.get(a.toegang),
        shared: a.leefgebieden.filter((id) => chosen.has(id)).length,
        index: index, // data.json lists activities by title, then slug
      };
      if (a.ladder.includes(rung)) {
        now.push(entry);
      } else if (upper !== null && a.ladder.includes(upper)) {
        next.push(entry);
      }
    });
    const order = (x, y) => x.rank - y.rank || y.shared - x.shared || x.index - y.index;
    return {
      pastNu: now.sort(order).map((e) => e.activity),
      volgendeStap: next.sort(order).map((e) => e.activity),
    };
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, key) => String(values[key]));
  }

  function outcome(state) {
    const texts = data.teksten;
    const aantal = state.leefgebieden.length;
    const values = {
      aantal: aantal,
      totaal: data.leefgebieden.length,
      drempel: data.drempel,
      organisatie: data.contact ? data.contact.naam : "",
      gemeente: data.gemeente,
    };
    const fits = aantal >= data.drempel;
    let message = texts.geen;
    if (fits) {
      message = texts.past;
    } else if (aantal) {
      message = texts.past_niet;
    }
    let nextStep = "";
    if (fits) {
      nextStep = data.contact ? texts.contact : texts.contact_gemeente;
    }
    return { fits: fits, message: fill(message, values), nextStep: fill(nextStep, values) };
  }

  // --- Rendering ------------------------------------------------------------------------

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "class") {
        node.className = value;
      } else {
        node.setAttribute(name, value);
      }
    }
    for (const child of children) {
      if (child !== null && child !== undefined && child !== "") {
        node.append(child);
      }
    }
    return node;
  }

  function names(terms, chosen) {
    return terms.filter((t) => chosen.includes(t.id)).map((t) => t.naam).join(", ");
  }

  function rungOf(number) {
    return data.ladder.find((r) => r.trede === number);
  }

  function announce(text) {
    // Empty first, so the same text is announced again.
    status.textContent = "";
    window.setTimeout(() => {
      status.textContent = text;
    }, 100);
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
    app.dataset.toestand = serialize(state); // lets tests wait for exactly this view
    app.dataset.klaar = "ja";
    if (moveFocus) {
      heading.focus();
      announce(message);
    }
  }

  function fillForm(form, state) {
    for (const input of form.querySelectorAll("input")) {
      if (input.name === "leefgebieden" || input.name === "doelgroepen") {
        input.checked = state[input.name].includes(input.value);
      } else if (input.name === "wijk") {
        input.checked = input.value === (state.wijk || "");
      } else if (input.name === "trede") {
        input.checked = Number(input.value) === state.ladder;
      }
    }
    const error = form.querySelector(".ww-fout");
    if (error) {
      error.hidden = true;
    }
  }

  function renderResult(state) {
    const found = match(state);
    const rung = rungOf(state.ladder);

    const answers = document.getElementById("ww-antwoorden");
    const row = (term, ...details) => el("div", null, el("dt", null, term), el("dd", null, ...details));
    answers.replaceChildren(
      row("Leefgebieden met problemen", names(data.leefgebieden, state.leefgebieden) || "Geen gekozen"),
      row("Waar u nu staat", el("a", { href: root + rung.url }, "Trede " + rung.trede + ": " + rung.naam)),
      row("Groep", names(data.doelgroepen, state.doelgroepen) || "Niet gekozen"),
      row("Wijk", names(data.wijken, state.wijk ? [state.wijk] : []) || "Maakt niet uit"),
    );

    const said = outcome(state);
    const box = document.getElementById("uitkomst");
    box.className = "ww-uitkomst " + (said.fits ? "ww-past" : "ww-past-niet");
    const parts = [el("p", { class: "ww-uitkomst-tekst" }, said.message)];
    if (said.fits) {
      parts.push(el("p", null, said.nextStep));
      if (data.contact) {
        parts.push(contactBlock(data.contact));
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
    fillList(document.getElementById("past-nu"), found.pastNu, true, HANDOUT_NOW);
    fillList(document.getElementById("volgende-stap"), found.volgendeStap, Boolean(higher),
      HANDOUT_NEXT);
    document.getElementById("ww-adres").textContent = location.href;

    return count(found.pastNu.length) + " passen nu, " + count(found.volgendeStap.length)
      + " zijn een volgende stap.";
  }

  function count(n) {
    return n === 1 ? "1 activiteit" : n + " activiteiten";
  }

  function contactBlock(org) {
    const lines = [el("a", { href: root + org.url }, org.naam)];
    if (org.telefoon) {
      lines.push(el("br"), "Telefoon: ", el("a", { href: org.tel }, org.telefoon));
    }
    if (org.email) {
      lines.push(el("br"), "E-mail: ", el("a", { href: "mailto:" + org.email }, org.email));
    }
    if (org.adres) {
      lines.push(el("br"), "Adres: " + org.adres);
    }
    return el("p", { class: "ww-contact" }, ...lines);
  }

  function fillList(container, activities, hasRung, onHandout) {
    if (!activities.length) {
      container.replaceChildren();
      if (hasRung) {
        container.append(
          el("p", { class: "empty" }, "Er zijn geen activiteiten gevonden bij deze antwoorden."));
      }
      return;
    }
    const label = new Map(data.toegang.map((t) => [t.id, t.label]));
    const items = activities.map((a, position) => {
      const fact = (term, ...details) => el("div", null, el("dt", null, term), el("dd", null, ...details));
      const contact = [];
      if (a.contactnaam) {
        contact.push(a.contactnaam);
      }
      if (a.telefoon) {
        contact.push(contact.length ? ", " : "", el("a", { href: a.tel }, a.telefoon));
      }
      if (a.email) {
        contact.push(contact.length ? ", " : "", el("a", { href: "mailto:" + a.email }, a.email));
      }
      const facts = el("dl", { class: "ww-feiten" },
        a.wanneer ? fact("Wanneer", a.wanneer) : "",
        fact("Waar", a.waar),
        fact("Kosten", a.kosten),
        fact("Contact", ...(contact.length ? contact : ["Via " + a.organisatie])),
      );
      const keep = el("input", { type: "checkbox", class: "ww-houden-vinkje" });
      keep.checked = position < onHandout;
      return el("li", { class: keep.checked ? "ww-item" : "ww-item ww-weg" },
        el("h3", { class: "ww-titel" }, el("a", { href: root + a.url }, a.titel)),
        el("p", { class: "ww-meta" }, a.organisatie + " · ",
          el("span", { class: "toegang toegang-" + a.toegang }, label.get(a.toegang))),
        facts,
        el("label", { class: "ww-houden" }, keep, " Op het uitdeelblad",
          el("span", { class: "visually-hidden" }, ": " + a.titel)),
      );
    });
    container.replaceChildren(el("ol", { class: "ww-lijst" }, ...items));
  }

  // --- Answers ----------------------------------------------------------------------------

  function checkedValues(form, name) {
    return [...form.querySelectorAll("input[name='" + name + "']:checked")].map((i) => i.value);
  }

  /** The yes/no question whose answer gives this rung (for "Vorige" after the ladder). */
  function stepGiving(rung) {
    const button = app.querySelector(".ww-janee [data-trede='" + rung + "']");
    return button ? button.closest("form").dataset.stap : FIRST_RUNG_STEP;
  }

  function previous(state) {
    if (state.stap === null) {
      return "wijk";
    }
    if (state.stap === AFTER_RUNG) {
      return stepGiving(state.ladder);
    }
    return steps.get(state.stap).dataset.vorige || START;
  }

  function onSubmit(event) {
    event.preventDefault();
    const form = event.target;
    const next = { ...current };
    switch (form.dataset.stap) {
      case "leefgebieden":
        next.leefgebieden = checkedValues(form, "leefgebieden");
        next.stap = FIRST_RUNG_STEP;
        break;
      case "trede": {
        const chosen = checkedValues(form, "trede");
        if (!chosen.length) {
          const error = form.querySelector(".ww-fout");
          error.hidden = false;
          form.querySelector("input[name='trede']").focus();
          announce(error.textContent);
          return;
        }
        next.ladder = Number(chosen[0]);
        next.stap = AFTER_RUNG;
        break;
      }
      case "doelgroepen":
        next.doelgroepen = checkedValues(form, "doelgroepen");
        next.stap = "wijk";
        break;
      case "wijk":
        next.wijk = checkedValues(form, "wijk")[0] || null;
        next.stap = null;
        break;
      default:
        return;
    }
    go(next);
  }

  function onClick(event) {
    const button = event.target.closest("button");
    if (!button || !current) {
      return;
    }
    if (button.dataset.trede) {
      go({ ...current, ladder: Number(button.dataset.trede), stap: AFTER_RUNG });
    } else if (button.dataset.naar) {
      go({ ...current, stap: button.dataset.naar });
    } else if (button.dataset.actie === "vorige") {
      go({ ...current, stap: previous(current) });
    } else if (button.dataset.actie === "opnieuw") {
      go(startState());
    } else if (button.dataset.actie === "trede") {
      go({ ...current, stap: "trede" });
    } else if (button.dataset.actie === "printen") {
      window.print();
    }
  }

  function onChange(event) {
    if (event.target.classList.contains("ww-houden-vinkje")) {
      event.target.closest("li").classList.toggle("ww-weg", !event.target.checked);
    }
  }

  // --- Start --------------------------------------------------------------------------------

  function start(json) {
    data = json;
    let state = startState();
    if (location.hash && isState(location.hash)) {
      state = parse(location.hash);
      // Show the link in its clean form (unknown ids dropped, fixed order).
      const hash = serialize(state);
      if ((hash ? "#" + hash : "") !== location.hash) {
        history.replaceState(null, "", urlFor(hash));
      }
    }
    for (const form of steps.values()) {
      form.addEventListener("submit", onSubmit);
    }
    app.addEventListener("click", onClick);
    app.addEventListener("change", onChange);
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
    .then(start, () => {
      // Only a failed download lands here; an error in start() itself stays visible.
      loading.textContent = "De wegwijzer kan zijn gegevens nu niet laden. Probeer het later"
        + " opnieuw, of zoek hieronder zelf wat bij u past.";
      document.documentElement.classList.remove("js");  // show the no-script way in again
      withoutScript.hidden = false;
    });
})();
