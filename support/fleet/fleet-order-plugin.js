// A cucumber-js plugin: runs scenarios that ask for the same fleet one after another, so the pool resets one
// fleet between them (about 0.1 s) instead of stopping it and building another (10-14 s). The suite had 15
// builds for 5 fleet shapes in file order. Only the order changes; every scenario still starts from a verified
// steady state. Plain JavaScript because cucumber imports plugins before ts-node is registered for the steps.
// An explicit --order (random, reverse) wins: the plugin then leaves the order alone.

/**
 * The Given steps that shape the fleet (steps/ensemble.steps.ts and steps/fleet.steps.ts call `declare` for
 * these). A phrasing missed here costs a build, never a wrong fleet: the pool compares the declared specs.
 */
const SHAPING = [/^a ZooKeeper ensemble of \d+ members$/, /^\d+ Jetty nodes( behind the gateway)?$/, /^the Jetty nodes keep leadership until their ZooKeeper session is lost$/];

/** The fleet a pickle asks for, as the text of its shaping steps ('' for a scenario without a fleet). */
function fleetKey(pickle) {
  return pickle.steps.map((s) => s.text).filter((t) => SHAPING.some((p) => p.test(t))).sort().join(' + ');
}

/** The ensemble size a pickle asks for ('' for none): shapes around as many members are reshaped, not rebuilt. */
function membersOf(pickle) {
  for (const s of pickle.steps) {
    const m = /^a ZooKeeper ensemble of (\d+) members$/.exec(s.text);
    if (m) return m[1];
  }
  return '';
}

/**
 * Stable grouping: scenarios without a fleet first, then each ensemble size in the order it first appears, and
 * within it each shape in the order it first appears (the pool turns one shape into the next around the same
 * ensemble, support/fleet/fleet-reshape.ts, so one size's shapes belong together).
 */
function orderByFleet(pickles) {
  const sizes = new Map([['', new Map([['', []]])]]);
  for (const p of pickles) {
    const key = fleetKey(p.pickle);
    const size = key ? membersOf(p.pickle) || 'unsized' : '';
    if (!sizes.has(size)) sizes.set(size, new Map());
    const shapes = sizes.get(size);
    if (!shapes.has(key)) shapes.set(key, []);
    shapes.get(key).push(p);
  }
  return [...sizes.values()].flatMap((shapes) => [...shapes.entries()].sort(([a], [b]) => shapeRank(a) - shapeRank(b)).flatMap(([, ps]) => ps));
}

/**
 * Within one ensemble size, the shape order that keeps the most from one shape to the next: the gateway goes
 * first (its nodes stay), then the nodes (the ensemble stays); nodes that keep leadership until their session
 * is lost are new nodes, so they come last. Ties keep the order of first appearance (the sort is stable).
 */
function shapeRank(key) {
  const nodes = Number(/(\d+) Jetty nodes/.exec(key)?.[1] ?? 0);
  const policy = /keep leadership/.test(key) ? 1 : 0;
  const gateway = /behind the gateway/.test(key) ? 0 : 1;
  return policy * 1e6 + (1000 - nodes) * 10 + gateway;
}

const explicitOrder = () => process.argv.some((a) => a === '--order' || a.startsWith('--order='));

module.exports = {
  type: 'plugin',
  fleetKey,
  orderByFleet,
  coordinator({ transform }) {
    if (explicitOrder()) return;
    transform('pickles:order', (pickles) => orderByFleet(pickles));
  },
};
