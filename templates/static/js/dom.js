/* The one DOM helper of the site's scripts. Text goes in as text nodes, never as HTML. */

/**
 * A new element: el("a", { href: "x", class: "y" }, "text", otherNode).
 * Empty, null and undefined children are left out.
 */
export function el(tag, attributes, ...children) {
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

/** Say `text` in the live region `region`, emptied first so the same text is said again. */
export function announce(region, text) {
  region.textContent = "";
  window.setTimeout(() => {
    region.textContent = text;
  }, 100);
}
