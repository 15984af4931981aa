/* Unit tests of the shortlist's rules (templates/static/js/lijstje/lijst.js), without a browser. */
import assert from "node:assert/strict";
import { describe as group, test } from "node:test";

import {
  loadStored, parseList, serializeList, store, STORAGE_KEY, toggle,
} from "../../templates/static/js/lijstje/lijst.js";

function memoryStorage() {
  const items = new Map();
  return {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: (key) => items.delete(key),
    items,
  };
}

group("the list in the URL fragment", () => {
  test("a list survives serialize and parse, in its order", () => {
    const slugs = ["koffie", "wandelen", "geldspreekuur"];
    assert.equal(serializeList(slugs), "a=koffie,wandelen,geldspreekuur");
    assert.deepEqual(parseList("#" + serializeList(slugs)), slugs);
  });
  test("repeats, unknown slugs and anything that is not a slug are dropped", () => {
    const known = new Set(["koffie", "wandelen"]);
    assert.deepEqual(parseList("#a=wandelen,koffie,wandelen,elders,<b>,", known), ["wandelen", "koffie"]);
    assert.deepEqual(parseList("#inhoud"), []);
    assert.equal(serializeList([]), "");
  });
  test("toggle adds at the end or takes out", () => {
    assert.deepEqual(toggle(["a"], "b"), ["a", "b"]);
    assert.deepEqual(toggle(["a", "b"], "a"), ["b"]);
  });
});

group("the list in sessionStorage", () => {
  test("it is kept and read back; an empty list removes the key", () => {
    const storage = memoryStorage();
    store(storage, ["koffie", "wandelen"]);
    assert.equal(storage.getItem(STORAGE_KEY), "koffie,wandelen");
    assert.deepEqual(loadStored(storage), ["koffie", "wandelen"]);
    store(storage, []);
    assert.equal(storage.items.size, 0);
  });
  test("storage that refuses is no list and no error", () => {
    const refusing = {
      getItem() { throw new Error("SecurityError"); },
      setItem() { throw new Error("QuotaExceededError"); },
      removeItem() { throw new Error("SecurityError"); },
    };
    assert.deepEqual(loadStored(refusing), []);
    assert.doesNotThrow(() => store(refusing, ["koffie"]));
    assert.deepEqual(loadStored(null), []); // tabStorage() where there is none
    assert.doesNotThrow(() => store(null, ["koffie"]));
  });
});
