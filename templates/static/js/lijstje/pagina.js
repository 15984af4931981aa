/* Mijn lijstje (/lijstje/#a=slug1,slug2): the collected activities, to print, mail or share.
 *
 * The list is the URL fragment; this tab's sessionStorage keeps it while browsing
 * (js/lijstje/knop.js). The facts come from wegwijzer/data.json, fetched once; after
 * that no request is made. Sharing needs no server: mailto: and sms: links whose body
 * holds the list's address, and a copy button.
 */
import { announce, el } from "../dom.js";
import { handoutDate, handoutItem, limitHandout, printNote } from "../kaartje.js";
import { qrSvg } from "../qr.js";
import { loadStored, parseList, serializeList, store, tabStorage, toggle } from "./lijst.js";


const section = document.getElementById("lijstje");
if (section) {
  start(section);
}

function start(section) {
  const root = section.dataset.root || "./";
  const canonical = document.querySelector('link[rel="canonical"]').href;
  const status = document.getElementById("lijstje-melding");
  const content = document.getElementById("lijstje-inhoud");
  const note = document.getElementById("lijstje-notitie");
  const storage = tabStorage();
  let data = null;
  let bySlug = new Map();

  document.getElementById("lijstje-zonder-js").hidden = true;
  section.hidden = false;

  function current() {
    return parseList(location.hash, new Set(bySlug.keys()));
  }

  /** Make `slugs` the list: in the address (one history entry), in storage, on screen. */
  function set(slugs) {
    const hash = serializeList(slugs);
    history.replaceState(null, "", hash ? "#" + hash : location.pathname);
    store(storage, slugs);
    render(slugs);
  }

  function render(slugs) {
    const address = canonical + (slugs.length ? "#" + serializeList(slugs) : "");
    document.getElementById("lijstje-leeg").hidden = slugs.length > 0;
    for (const part of section.querySelectorAll(".lijstje-delen, .ww-notitie")) {
      part.hidden = !slugs.length;
    }
    const items = slugs.map((slug) => {
      const a = bySlug.get(slug);
      const item = handoutItem(data, a, root);
      item.append(el("p", { class: "ww-acties" }, el("button", {
        type: "button", class: "ww-knop-licht", "data-actie": "weg", "data-slug": slug,
      }, "Haal van mijn lijstje", el("span", { class: "visually-hidden" }, ": " + a.titel))));
      return item;
    });
    content.replaceChildren(...(items.length ? [el("ol", { class: "ww-lijst" }, ...items)] : []));
    limitHandout(items, document.getElementById("lijstje-nog-meer"));
    const body = "Mijn lijstje van de sociale kaart: " + address;
    document.getElementById("lijstje-mail").href = "mailto:?subject="
      + encodeURIComponent("Mijn lijstje") + "&body=" + encodeURIComponent(body);
    document.getElementById("lijstje-sms").href = "sms:?&body=" + encodeURIComponent(body);
    document.getElementById("lijstje-adres").textContent = address;
    document.getElementById("lijstje-qr").replaceChildren(
      qrSvg(address, "QR-code met het adres van dit lijstje"));
    document.getElementById("lijstje-datum").textContent = handoutDate();
    section.dataset.lijst = serializeList(slugs); // lets tests wait for exactly this list
  }

  function copy() {
    const address = document.getElementById("lijstje-adres").textContent;
    const done = () => announce(status, "De link is gekopieerd.");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(address).then(done, () => announce(status,
        "Kopiëren lukte niet. Kopieer het adres uit de adresbalk van uw browser."));
    } else {
      announce(status, "Kopieer het adres uit de adresbalk van uw browser.");
    }
  }

  section.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) {
      return;
    }
    const action = button.dataset.actie;
    if (action === "weg") {
      const a = bySlug.get(button.dataset.slug);
      set(toggle(current(), button.dataset.slug));
      announce(status, a.titel + " staat niet meer op uw lijstje.");
    } else if (action === "wissen") {
      set([]);
      announce(status, "Uw lijstje is leeg.");
    } else if (action === "printen") {
      window.print();
    } else if (action === "kopieer") {
      copy();
    }
  });
  printNote(note, document.getElementById("lijstje-notitie-print"));
  window.addEventListener("hashchange", () => {
    if (data) {
      set(current());
    }
  });

  fetch(root + section.dataset.data, { credentials: "same-origin" })
    .then((response) => {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    })
    .then((json) => {
      data = json;
      bySlug = new Map(data.activiteiten.map((a) => [a.slug, a]));
      // An address with a list wins; without one, the list collected in this tab.
      const known = new Set(bySlug.keys());
      const fromAddress = parseList(location.hash, known);
      const stored = loadStored(storage).filter((slug) => known.has(slug));
      set(location.hash ? fromAddress : stored);
      section.dataset.klaar = "ja";
    }, () => {
      content.replaceChildren(el("p", { class: "empty" },
        "Uw lijstje kan nu niet worden geladen. Probeer het later opnieuw."));
    });
}
