// One object holds every timing the harness uses; deadlines written for "fast" scale by the profile's factor
// and by a multiplier for slow machines (both chosen in support/settings.ts).
import { SettingError } from './errors';

export interface TimingProfile {
  readonly name: 'fast' | 'debian-defaults';
  readonly tickTimeMs: number;
  readonly initLimit: number;
  readonly syncLimit: number;
  readonly sessionTimeoutMs: number;
  /** How much longer than "fast" this profile's recoveries take. */
  readonly profileFactor: number;
  readonly multiplier: number;
}

const PROFILES = {
  fast: { tickTimeMs: 500, initLimit: 10, syncLimit: 4, sessionTimeoutMs: 4000, profileFactor: 1 },
  'debian-defaults': { tickTimeMs: 2000, initLimit: 10, syncLimit: 5, sessionTimeoutMs: 16000, profileFactor: 4 },
} as const;

export const PROFILE_NAMES = Object.keys(PROFILES) as readonly TimingProfile['name'][];

export function timingProfile(name: TimingProfile['name'], multiplier = 1): TimingProfile {
  if (!(name in PROFILES)) throw new SettingError(`The timing profile "${name}" is unknown: use one of ${PROFILE_NAMES.join(', ')}.`);
  return { name, ...PROFILES[name], multiplier };
}

/** A deadline as written in a feature (for "fast"), scaled for the profile and machine in force. */
export function scaleDeadline(profile: TimingProfile, writtenMs: number): number {
  return Math.round(writtenMs * profile.profileFactor * profile.multiplier);
}

/** cucumber's per-step timeout: long enough for fleet builds and for a missed deadline's 2x look. */
export function stepTimeoutMs(profile: TimingProfile): number {
  return Math.round(300_000 * profile.profileFactor * profile.multiplier);
}

export function describeProfile(p: TimingProfile): string {
  return `timing profile "${p.name}" (tickTime=${p.tickTimeMs} ms, initLimit=${p.initLimit}, syncLimit=${p.syncLimit}, ` +
    `session timeout ${p.sessionTimeoutMs} ms, deadlines x${p.profileFactor * p.multiplier})`;
}
