/* Real built data for the Node tests: the recorded build of tests/golden/proefdorp/. */
import { readFileSync } from "node:fs";

const TREE = new URL("../golden/proefdorp-verwacht/", import.meta.url);

export function builtJSON(path) {
  return JSON.parse(readFileSync(new URL(path, TREE), "utf-8"));
}

/** The wegwijzer's step flow as the recorded page declares it (see pagina.js). */
export function builtFlow() {
  const html = readFileSync(new URL("wegwijzer/index.html", TREE), "utf-8");
  const app = html.match(/<div id="wegwijzer"[^>]*>/)[0];
  const attribute = (name) => app.match(new RegExp(` data-${name}="([^"]*)"`))[1];
  return {
    steps: new Set([...html.matchAll(/<form [^>]*data-stap="([^"]+)"/g)].map((m) => m[1])),
    start: attribute("start"),
    firstRungStep: attribute("eerste-trede-vraag"),
    needsRung: new Set(attribute("trede-nodig").split(" ")),
  };
}
