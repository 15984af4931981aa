/* Unit tests of the wegwijzer rules (templates/static/js/wegwijzer/regels.js), without a browser. */
import assert from "node:assert/strict";
import { describe as group, test } from "node:test";

import {
  fill, isState, match, outcome, parse, serialize, startState,
} from "../../templates/static/js/wegwijzer/regels.js";
import { builtFlow, builtJSON } from "./golden.js";

const data = builtJSON("wegwijzer/data.json");
const flow = builtFlow();

function state(answers) {
  return { ...startState(flow), stap: null, ...answers };
}

function slugs(activities) {
  return activities.map((a) => a.slug);
}

group("the URL fragment", () => {
  test("the page declares its steps", () => {
    assert.equal(flow.start, "leefgebieden");
    assert.ok(flow.steps.has(flow.firstRungStep) && flow.steps.size === 9);
  });
  test("a state survives serialize and parse", () => {
    const s = state({ leefgebieden: ["contact", "geld"], ladder: 2, doelgroepen: ["ouderen"], wijk: "centrum" });
    const hash = serialize(flow, s);
    assert.equal(hash, "leefgebieden=contact,geld&ladder=2&doelgroepen=ouderen&wijk=centrum");
    assert.deepEqual(parse(data, flow, "#" + hash), s);
    const aged = state({ ladder: 1, leeftijd: 67 });
    assert.equal(serialize(flow, aged), "ladder=1&leeftijd=67");
    assert.deepEqual(parse(data, flow, "#ladder=1&leeftijd=67"), aged);
  });
  test("an age that is not a whole number from 0 to 120 is dropped", () => {
    for (const bad of ["-1", "121", "6.5", "zes", ""]) {
      assert.equal(parse(data, flow, "#ladder=1&leeftijd=" + bad).leeftijd, null, bad);
    }
    assert.equal(parse(data, flow, "#ladder=1&leeftijd=0").leeftijd, 0);
  });
  test("unknown ids are dropped and lists keep taxonomy order", () => {
    const s = parse(data, flow, "#leefgebieden=werk,onzin,contact&ladder=9&wijk=mars");
    assert.deepEqual(s.leefgebieden, ["contact", "werk"]);
    assert.equal(s.ladder, null);
    assert.equal(s.wijk, null);
    assert.equal(s.stap, "leefgebieden");
  });
  test("a step after the rung without a rung goes back to the first rung question", () => {
    assert.equal(parse(data, flow, "#stap=wijk&leefgebieden=geld").stap, "werk");
  });
  test("the start with nothing answered is the empty fragment", () => {
    assert.equal(serialize(flow, startState(flow)), "");
  });
  test("only a fragment with '=' holds answers", () => {
    assert.equal(isState("#inhoud"), false);
    assert.equal(isState("#ladder=2"), true);
  });
});

group("matching", () => {
  test("past nu holds the rung, volgende stap the next rung only", () => {
    const found = match(data, state({ ladder: 2 }));
    assert.deepEqual(slugs(found.pastNu), ["koffie", "wandelen", "geldspreekuur"]);
    assert.deepEqual(slugs(found.volgendeStap), ["werkplaats"]);
  });
  test("leefgebieden must share one; more shared comes first within one toegang", () => {
    const found = match(data, state({ ladder: 3, leefgebieden: ["contact", "werk"] }));
    assert.deepEqual(slugs(found.pastNu), ["wandelen", "werkplaats"]);
  });
  test("a doelgroep matches its own and the activities for everyone", () => {
    const found = match(data, state({ ladder: 5, doelgroepen: ["ouderen"] }));
    assert.deepEqual(slugs(found.pastNu), ["jobcoach"]);
    assert.deepEqual(slugs(match(data, state({ ladder: 4, doelgroepen: ["ouderen"] })).pastNu), ["geldspreekuur"]);
  });
  test("a wijk matches that wijk and the municipality-wide activities", () => {
    const found = match(data, state({ ladder: 2, wijk: "de-vaart" }));
    assert.deepEqual(slugs(found.pastNu), ["wandelen", "geldspreekuur"]);
  });
  test("an age leaves out what is not for that age; both ends count", () => {
    const past = (leeftijd) => slugs(match(data, state({ ladder: 4, leeftijd })).pastNu);
    assert.ok(past(null).includes("werkplaats")); // 16 to 27
    assert.ok(past(16).includes("werkplaats") && past(27).includes("werkplaats"));
    assert.ok(!past(15).includes("werkplaats") && !past(28).includes("werkplaats"));
  });
  test("rung 6 has no next step", () => {
    assert.deepEqual(match(data, state({ ladder: 6 })).volgendeStap, []);
  });
});

group("outcome", () => {
  test("at the threshold social activation fits and the contact is named", () => {
    const said = outcome(data, state({ ladder: 1, leefgebieden: ["contact", "geld"] }));
    assert.equal(said.fits, true);
    assert.match(said.message, /op 2 van de 3 leefgebieden/);
    assert.equal(said.nextStep, "Bespreek met Wijkteam Proefdorp of sociale activering iets voor u is.");
  });
  test("below the threshold it says so, without a next step", () => {
    const said = outcome(data, state({ ladder: 1, leefgebieden: ["geld"] }));
    assert.equal(said.fits, false);
    assert.match(said.message, /u noemt er 1 van de 3/);
    assert.equal(said.nextStep, "");
  });
  test("above the rungs it is meant for, it does not fit and says why", () => {
    const said = outcome(data, state({ ladder: 6, leefgebieden: ["contact", "geld"] }));
    assert.equal(said.fits, false);
    assert.equal(said.message, data.teksten.past_niet_trede
      .replace("{treden}", "trede 1 tot en met 4").replace("{trede}", "6"));
    assert.equal(said.nextStep, "");
  });
  test("a wijk with its own contact is named instead of the general one", () => {
    const said = outcome(data, state({ ladder: 1, leefgebieden: ["contact", "geld"], wijk: "de-vaart" }));
    assert.equal(said.contact.naam, "Buurthuis De Linde");
    assert.equal(said.nextStep, "Bespreek met Buurthuis De Linde of sociale activering iets voor u is.");
    const other = outcome(data, state({ ladder: 1, leefgebieden: ["contact", "geld"], wijk: "centrum" }));
    assert.equal(other.contact.naam, "Wijkteam Proefdorp");
  });
  test("without leefgebieden it explains what is shown", () => {
    assert.equal(outcome(data, state({ ladder: 1 })).message, data.teksten.geen);
  });
  test("fill replaces every placeholder", () => {
    assert.equal(fill("{a} en {b}", { a: 1, b: "twee" }), "1 en twee");
  });
});
