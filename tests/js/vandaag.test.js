/* Unit tests of "Vandaag" (templates/static/js/vandaag.js), without a browser. */
import assert from "node:assert/strict";
import { test } from "node:test";

import { happensOn } from "../../templates/static/js/vandaag.js";

const at = (iso, hour = 15) => new Date(iso + "T" + String(hour).padStart(2, "0") + ":00:00");
const rooster = (tijden, extra = {}) => ({ tijden, van: null, tot: null, gesloten: [], ...extra });

test("a weekly slot happens on its weekdays only", () => {
  const tuThu = rooster([[[1, 3], [], null]]);
  assert.equal(happensOn(tuThu, at("2026-12-01")), true); // a Tuesday
  assert.equal(happensOn(tuThu, at("2026-12-03")), true); // a Thursday
  assert.equal(happensOn(tuThu, at("2026-12-02")), false);
});

test("weken picks the nth and the last weekday of the month", () => {
  const firstAndLastSaturday = rooster([[[5], [1, -1], null]]);
  assert.equal(happensOn(firstAndLastSaturday, at("2026-12-05")), true);
  assert.equal(happensOn(firstAndLastSaturday, at("2026-12-12")), false);
  assert.equal(happensOn(firstAndLastSaturday, at("2026-12-26")), true);
});

test("om de week counts from vanaf, late in the day too", () => {
  const everyOther = rooster([[[3], [], "2026-01-08"]]);
  assert.equal(happensOn(everyOther, at("2026-01-08", 23)), true);
  assert.equal(happensOn(everyOther, at("2026-01-15", 23)), false);
  assert.equal(happensOn(everyOther, at("2026-01-22", 1)), true);
  assert.equal(happensOn(everyOther, at("2026-01-01")), false); // before vanaf
  // Across the change to summer time the count stays right.
  assert.equal(happensOn(everyOther, at("2026-04-02", 23)), true);
});

test("periode and gesloten leave days out", () => {
  const season = rooster([[[1], [], null]], { van: "2026-03-01", tot: "2026-10-31", gesloten: ["2026-06-02"] });
  assert.equal(happensOn(season, at("2026-02-24")), false);
  assert.equal(happensOn(season, at("2026-03-03")), true);
  assert.equal(happensOn(season, at("2026-06-02")), false);
  assert.equal(happensOn(season, at("2026-11-03")), false);
});
