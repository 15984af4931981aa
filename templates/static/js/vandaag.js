/* "Vandaag" on a card whose activity happens today (generator/happens.py is the same
 * rule in Python). A card's line with the times carries data-rooster, the schedule as
 * happens.rooster writes it; without scripts the times themselves stay, as written. */

function isoDate(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
}

/** Whether one of the slots of `rooster` falls on `date` (a local Date). */
export function happensOn(rooster, date) {
  const day = isoDate(date);
  if ((rooster.van && day < rooster.van) || (rooster.tot && day > rooster.tot)) {
    return false;
  }
  if (rooster.gesloten.includes(day)) {
    return false;
  }
  const midnight = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const weekday = (date.getDay() + 6) % 7; // Monday is 0, as in Python
  const monthDays = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
  const nth = Math.floor((date.getDate() - 1) / 7) + 1;
  const last = date.getDate() + 7 > monthDays;
  return rooster.tijden.some(([days, weeks, from]) => {
    if (!days.includes(weekday)) {
      return false;
    }
    if (weeks.length && !weeks.includes(nth) && !(last && weeks.includes(-1))) {
      return false;
    }
    if (from) {
      const start = new Date(from + "T00:00:00"); // local midnight, like `midnight`
      const weeksSince = Math.floor(Math.round((midnight - start) / 86400000) / 7);
      if (day < from || weeksSince % 2) {
        return false;
      }
    }
    return true;
  });
}

/** Put "Vandaag" before the times of every card under `root` that happens today. */
export function markToday(root, now = new Date()) {
  for (const line of root.querySelectorAll("[data-rooster]")) {
    if (!line.querySelector(".vandaag") && happensOn(JSON.parse(line.dataset.rooster), now)) {
      const badge = document.createElement("strong");
      badge.className = "vandaag";
      badge.textContent = "Vandaag";
      line.prepend(badge, " ");
    }
  }
}

if (typeof document !== "undefined" && document.querySelector("[data-rooster]")) {
  markToday(document);
}
