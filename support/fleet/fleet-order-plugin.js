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

/** Stable grouping: scenarios without a fleet first, then each shape in the order it first appears. */
function orderByFleet(pickles) {
  const groups = new Map([['', []]]);
  for (const p of pickles) {
    const key = fleetKey(p.pickle);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(p);
  }
  return [...groups.values()].flat();
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
