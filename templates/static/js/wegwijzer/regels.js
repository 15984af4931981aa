/* The wegwijzer's rules: answers <-> URL fragment, matching and the outcome (no DOM).
 *
 * generator/wegwijzer/rules.py is the Python twin of `match` and `outcome`; tests run
 * both on the same wegwijzer/data.json and compare the results exactly.
 *
 * The answers live only in the URL fragment (#leefgebieden=inkomen,werk&ladder=2&leeftijd=67),
 * never in the query string, so they are not sent to the server. `flow` names the
 * steps, as the page declares them: { steps: Set of step ids, start, firstRungStep,
 * needsRung: Set of the steps that come after the rung }.
 */

/** The highest age the question accepts, as the search filter does. */
export const MAX_AGE = 120;

export function startState(flow) {
  return {
    stap: flow.start, leefgebieden: [], ladder: null, doelgroepen: [], leeftijd: null, wijk: null,
  };
}

function ids(terms) {
  return terms.map((t) => t.id);
}

/** A fragment without "=" is an ordinary anchor (such as the skip link), not answers. */
export function isState(hash) {
  return hash.includes("=");
}

/** The state a fragment describes; unknown ids are dropped, lists keep taxonomy order. */
export function parse(data, flow, hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const pick = (key, known) => {
    const wanted = new Set((params.get(key) || "").split(","));
    return known.filter((id) => wanted.has(id));
  };
  const state = startState(flow);
  state.leefgebieden = pick("leefgebieden", ids(data.leefgebieden));
  state.doelgroepen = pick("doelgroepen", ids(data.doelgroepen));
  const wijk = params.get("wijk");
  state.wijk = ids(data.wijken).includes(wijk) ? wijk : null;
  const age = params.get("leeftijd");
  state.leeftijd = age !== null && /^[0-9]{1,3}$/.test(age) && Number(age) <= MAX_AGE
    ? Number(age)
    : null;
  const rung = Number(params.get("ladder"));
  state.ladder = data.ladder.some((r) => r.trede === rung) ? rung : null;
  const stap = params.get("stap");
  if (stap && flow.steps.has(stap)) {
    state.stap = stap;
  } else {
    state.stap = state.ladder === null ? flow.start : null; // a rung and no step: the result
  }
  if (flow.needsRung.has(state.stap) && state.ladder === null) {
    state.stap = flow.firstRungStep;
  }
  return state;
}

/** The fragment (without "#") for a state; empty at the start with nothing answered. */
export function serialize(flow, state) {
  const empty = !state.leefgebieden.length && state.ladder === null
    && !state.doelgroepen.length && state.leeftijd === null && !state.wijk;
  if (state.stap === flow.start && empty) {
    return "";
  }
  const parts = [];
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
  if (state.leeftijd !== null) {
    parts.push("leeftijd=" + state.leeftijd);
  }
  if (state.wijk) {
    parts.push("wijk=" + state.wijk);
  }
  return parts.join("&");
}

/**
 * Whether an activity applies to one doelgroep or wijk: it names it, or names none of
 * that kind when data.leegPast says that an empty list applies to all (generator/applies.py).
 */
export function applies(data, activity, kind, id) {
  const ids = activity[kind];
  return ids.includes(id) || (data.leegPast[kind] && !ids.length);
}

/** Whether an activity's leeftijd [min, max] (either may be null) includes an age. */
export function appliesToAge(activity, age) {
  const [low, high] = activity.leeftijd;
  return (low === null || low <= age) && (high === null || age <= high);
}

/**
 * The activities that fit now ("past nu") and the next step ("volgende stap"), in order:
 * toegang (lightest first), more shared leefgebieden, one that names a chosen doelgroep
 * before one for everyone, one that names the chosen wijk before a municipality-wide
 * one, then title and slug (the position in data.json).
 */
export function match(data, state) {
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
    if (groups.size && ![...groups].some((id) => applies(data, a, "doelgroepen", id))) {
      return;
    }
    if (state.wijk && !applies(data, a, "wijken", state.wijk)) {
      return;
    }
    if (state.leeftijd !== null && !appliesToAge(a, state.leeftijd)) {
      return;
    }
    const entry = {
      activity: a,
      rank: rank.get(a.toegang),
      shared: a.leefgebieden.filter((id) => chosen.has(id)).length,
      general: !a.doelgroepen.some((id) => groups.has(id)) ? 1 : 0,
      elsewhere: state.wijk && !a.wijken.includes(state.wijk) ? 1 : 0,
      index, // data.json lists activities by title, then slug
    };
    if (a.ladder.includes(rung)) {
      now.push(entry);
    } else if (upper !== null && a.ladder.includes(upper)) {
      next.push(entry);
    }
  });
  const order = (x, y) => x.rank - y.rank || y.shared - x.shared || x.general - y.general
    || x.elsewhere - y.elsewhere || x.index - y.index;
  return {
    pastNu: now.sort(order).map((e) => e.activity),
    volgendeStap: next.sort(order).map((e) => e.activity),
  };
}

/** A text of data.teksten with its {placeholders} filled in. */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => String(values[key]));
}

/** The chosen wijk's own contact (data.json has it per wijk), else data.contact. */
export function contactFor(data, state) {
  const wijk = data.wijken.find((w) => w.id === state.wijk);
  return wijk ? wijk.contact : data.contact;
}

/**
 * Whether social activation fits (enough leefgebieden and a rung in data.treden), with
 * the sentence and whom to talk to.
 */
export function outcome(data, state) {
  const texts = data.teksten;
  const aantal = state.leefgebieden.length;
  const contact = contactFor(data, state);
  const values = {
    aantal,
    totaal: data.leefgebieden.length,
    drempel: data.drempel,
    treden: data.tredenTekst,
    trede: state.ladder,
    organisatie: contact ? contact.naam : "",
    gemeente: data.gemeente,
  };
  const enough = aantal >= data.drempel;
  const fits = enough && data.treden.includes(state.ladder);
  let message = texts.geen;
  if (fits) {
    message = texts.past;
  } else if (enough) {
    message = texts.past_niet_trede;
  } else if (aantal) {
    message = texts.past_niet;
  }
  let nextStep = "";
  if (fits) {
    nextStep = contact ? texts.contact : texts.contact_gemeente;
  }
  return { fits, contact, message: fill(message, values), nextStep: fill(nextStep, values) };
}
