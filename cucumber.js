// cucumber-js profiles. Node 20 can't load a .ts config, hence this file; steps load through ts-node.
const common = {
  requireModule: ['ts-node/register/transpile-only'],
  require: ['support/cucumber/**/*.ts', 'steps/**/*.ts'],
  strict: true,
  format: [
    'summary',
    'html:reports/cucumber.html',
    'junit:reports/junit.xml',
    'message:reports/messages.ndjson',
  ],
  formatOptions: { snippetInterface: 'async-await' },
};

module.exports = {
  default: { ...common },
  // Everything, 3- and 5-member scenarios alike.
  ci: { ...common },
  // A few fast scenarios, for a quick look (under 2 minutes).
  smoke: { ...common, tags: '@smoke' },
  // Everything again with production-like ZooKeeper timings (npm test sets ZKH_TIMING_PROFILE=debian-defaults).
  nightly: { ...common },
  // Used by features/self-check.feature to run a fixture that must fail; writes no report files.
  selfcheck: { ...common, format: ['summary'] },
};
