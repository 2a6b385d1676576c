// Parses the vocabulary's durations: "500 ms", "10 seconds", "1.5 seconds", "2 minutes".
import { SettingError } from '../../containers/shared/errors';

const UNITS: Record<string, number> = {
  ms: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, second: 1000, seconds: 1000,
  min: 60_000, minute: 60_000, minutes: 60_000,
};

export const DURATION_PATTERN = /\d+(?:\.\d+)?\s*(?:ms|milliseconds?|s|sec|seconds?|min|minutes?)/;

export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(text);
  const unit = match && UNITS[match[2].toLowerCase()];
  if (!match || unit === undefined || unit === null) {
    throw new SettingError(`"${text}" is not a duration: write it like 500 ms, 10 seconds, 1.5 seconds or 2 minutes.`);
  }
  return Math.round(Number(match[1]) * unit);
}
