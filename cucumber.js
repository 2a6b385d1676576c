// cucumber-js profiles. Node 20 can't load a .ts config, hence this file; steps load through ts-node.
// Every profile runs the same support code, so `npx cucumber-js …` and `npm test -- …` behave alike.
const common = {
  requireModule: ['ts-node/register/transpile-only'],
  require: ['support/cucumber/**/*.ts', 'steps/**/*.ts'],
  strict: true,
  // Groups scenarios by the fleet they ask for, so one fleet is reset between them instead of rebuilt.
  plugin: ['./support/fleet/fleet-order-plugin.js'],
  format: [
    'summary',
    'html:reports/cucumber.html',
    'junit:reports/junit.xml',
    'message:reports/messages.ndjson',
  ],
  formatOptions: { snippetInterface: 'async-await' },
};

// @soak scenarios repeat one fault many times to measure how often something rare happens; they run in their
// own profile and nightly, not in every `npm test`.
const notSoak = 'not @soak';

module.exports = {
  // Everything but @soak, under the fast timing profile (tickTime 500 ms, session timeout 4 s): what `npm test` runs.
  default: { ...common, tags: notSoak },
  // The same as default; named for CI configurations that ask for a profile.
  ci: { ...common, tags: notSoak },
  // Only the @soak scenarios, under the fast profile: `npm test -- --profile soak`.
  soak: { ...common, tags: '@soak' },
  // Only the @smoke scenarios: a quick look, under 2 minutes.
  smoke: { ...common, tags: '@smoke' },
  // Everything, @soak included, under production-like ZooKeeper timings (tickTime 2 s, session timeout 16 s; every deadline x4).
  // ZKH_TIMING_PROFILE, when set, wins over this.
  nightly: { ...common, worldParameters: { timingProfile: 'debian-defaults' } },
  // Used by features/self-check.feature to run a fixture that must fail; writes no report files.
  selfcheck: { ...common, format: ['summary'] },
};
