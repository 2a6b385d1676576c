// Every ZKH_* setting, read from the environment once and validated here; everything else is handed what it
// needs from `settings()`. A bad value stops the run with one sentence naming the variable and what it accepts.
import { join } from 'node:path';
import { SettingError } from '../containers/shared/errors';
import { engineEndpoint } from '../containers/shared/engine-endpoint';
import { PROFILE_NAMES, TimingProfile, timingProfile } from '../containers/shared/timing-profile';

export interface Settings {
  /** ZKH_TIMING_PROFILE (fast | debian-defaults) and ZKH_TIMING_MULTIPLIER (a positive number). */
  readonly timing: TimingProfile;
  /** ZKH_TIMING_PROFILE was set: it wins over a cucumber profile's `worldParameters.timingProfile`. */
  readonly timingProfileGiven: boolean;
  /** ZKH_SEED: replays the random picks of a run; absent, a fresh seed is drawn and printed. */
  readonly seed: number | undefined;
  /** ZKH_REUSE=0 boots a fresh fleet for every scenario. */
  readonly reuse: boolean;
  /** ZKH_KEEP=1 keeps the fleet of a failed scenario running. */
  readonly keep: boolean;
  /** ZKH_GATEWAY_PORT: publish the gateway on this fixed port. */
  readonly gatewayPort: number | undefined;
  /** ZKH_RUN_CAP_MINUTES: hard cap on a whole npm test run. */
  readonly runCapMinutes: number;
  /** ZKH_BENCH_RUNS: fleet boots per npm run bench. */
  readonly benchRuns: number;
  /** ZKH_REPORTS_DIR: where reports go (a nested self-check run points it elsewhere). */
  readonly reportsDir: string;
  /** ZKH_QUIET=1: no progress lines. */
  readonly quiet: boolean;
  /** ZKH_RUNNER=1: set by the npm test runner for its cucumber-js child, which then leaves the merging to it. */
  readonly underRunner: boolean;
  /** ZKH_REPORT_RUNS: how many past runs reports/runs/ keeps. */
  readonly reportRuns: number;
  /** ZKH_DOCKER_HOSTS: engines to shard a `--parallel` run across (worker i on engine i mod n); empty = one engine. */
  readonly dockerHosts: readonly string[];
  /** ZKH_BASE_IMAGE, ZKH_ZOOKEEPER_IMAGE, ZKH_NODE_IMAGE, ZKH_GATEWAY_IMAGE, ZKH_NEMESIS_IMAGE, ZKH_CURATOR_BENCH_IMAGE. */
  readonly imageOverrides: Readonly<Record<string, string>>;
}

const IMAGE_VARIABLES = ['ZKH_BASE_IMAGE', 'ZKH_ZOOKEEPER_IMAGE', 'ZKH_NODE_IMAGE', 'ZKH_GATEWAY_IMAGE', 'ZKH_NEMESIS_IMAGE', 'ZKH_CURATOR_BENCH_IMAGE'];
/** Read by support/cli/setup.sh (plain bash, before node_modules exists), listed so they are not called unknown. */
const SETUP_VARIABLES = ['ZKH_DOCKERD_LOG', 'ZKH_NO_CHROMIUM'];
const KNOWN = ['ZKH_TIMING_PROFILE', 'ZKH_TIMING_MULTIPLIER', 'ZKH_SEED', 'ZKH_REUSE', 'ZKH_KEEP', 'ZKH_GATEWAY_PORT', 'ZKH_RUN_CAP_MINUTES',
  'ZKH_BENCH_RUNS', 'ZKH_REPORTS_DIR', 'ZKH_QUIET', 'ZKH_RUNNER', 'ZKH_DOCKER_HOSTS', 'ZKH_REPORT_RUNS', ...IMAGE_VARIABLES, ...SETUP_VARIABLES];

type Env = Readonly<Record<string, string | undefined>>;

function flag(env: Env, name: string, fallback: boolean): boolean {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if (v === '0' || v === '1') return v === '1';
  throw new SettingError(`${name}=${v} is not a setting it accepts: use 1 or 0.`);
}

function number(env: Env, name: string, fallback: number | undefined, check: (n: number) => boolean, accepts: string): number | undefined {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || !check(n)) throw new SettingError(`${name}=${v} is not a setting it accepts: use ${accepts}.`);
  return n;
}

/** Each entry must be an engine the harness can drive, checked with the environment's TLS settings. */
function dockerHosts(env: Env): string[] {
  const hosts = (env.ZKH_DOCKER_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  for (const host of hosts) {
    try {
      engineEndpoint({ ...env, DOCKER_HOST: host, ...(host.startsWith('unix:') ? { DOCKER_TLS_VERIFY: undefined } : {}) });
    } catch (e) {
      throw new SettingError(`ZKH_DOCKER_HOSTS has an entry it cannot use: ${(e as Error).message}`);
    }
  }
  return hosts;
}

export function readSettings(env: Env = process.env): Settings {
  const unknown = Object.keys(env).filter((k) => k.startsWith('ZKH_') && !KNOWN.includes(k));
  if (unknown.length) throw new SettingError(`${unknown.join(', ')} ${unknown.length > 1 ? 'are not settings' : 'is not a setting'} of zkharness: the settings are ${KNOWN.join(', ')}.`);
  const profile = env.ZKH_TIMING_PROFILE || 'fast';
  if (!(PROFILE_NAMES as readonly string[]).includes(profile)) throw new SettingError(`ZKH_TIMING_PROFILE=${profile} is not a setting it accepts: use one of ${PROFILE_NAMES.join(', ')}.`);
  const multiplier = number(env, 'ZKH_TIMING_MULTIPLIER', 1, (n) => n > 0, 'a positive number, e.g. 2')!;
  return {
    timing: timingProfile(profile as TimingProfile['name'], multiplier),
    timingProfileGiven: Boolean(env.ZKH_TIMING_PROFILE),
    seed: number(env, 'ZKH_SEED', undefined, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32, 'an integer from 0 to 4294967295'),
    reuse: flag(env, 'ZKH_REUSE', true),
    keep: flag(env, 'ZKH_KEEP', false),
    gatewayPort: number(env, 'ZKH_GATEWAY_PORT', undefined, (n) => Number.isInteger(n) && n >= 1024 && n <= 65535, 'a port between 1024 and 65535'),
    runCapMinutes: number(env, 'ZKH_RUN_CAP_MINUTES', 80, (n) => n > 0, 'a positive number of minutes')!,
    benchRuns: number(env, 'ZKH_BENCH_RUNS', 10, (n) => Number.isInteger(n) && n >= 1 && n <= 100, 'an integer from 1 to 100')!,
    reportsDir: env.ZKH_REPORTS_DIR || join(__dirname, '..', 'reports'),
    quiet: flag(env, 'ZKH_QUIET', false),
    underRunner: flag(env, 'ZKH_RUNNER', false),
    dockerHosts: dockerHosts(env),
    reportRuns: number(env, 'ZKH_REPORT_RUNS', 20, (n) => Number.isInteger(n) && n >= 1 && n <= 1000, 'an integer from 1 to 1000')!,
    imageOverrides: Object.fromEntries(IMAGE_VARIABLES.filter((v) => env[v]).map((v) => [v, env[v]!])),
  };
}

let current: Settings | undefined;

/** The settings of this process, read on first use. */
export function settings(): Settings {
  current ??= readSettings();
  return current;
}
